"""Small pieces every view shares: status messages and a guard for widget callbacks.

A widget callback must never show a student a traceback: ``guarded`` turns a
ValueError (bad input, with its plain message) into a message box, and any other
error into a short apology that names the error, so nothing typed is lost.
"""
from __future__ import annotations

import base64
import functools
import io
import logging

import ipywidgets as widgets

from seminar.text import escape

log = logging.getLogger("seminar.views")

_STYLES = {
    "info": ("#1f4e79", "#e8f1fa"),
    "ok": ("#1b5e20", "#e8f5e9"),
    "warning": ("#7a4f01", "#fff4e0"),
    "error": ("#8b1a1a", "#fdecea"),
}


def message_html(text: str, kind: str = "info") -> str:
    """HTML for a status message; ``text`` is escaped."""
    fg, bg = _STYLES.get(kind, _STYLES["info"])
    return (
        f'<div class="seminar-msg seminar-msg-{kind}" role="status" '
        f'style="color:{fg};background:{bg};padding:4px 8px;border-radius:4px">'
        f"{escape(text)}</div>"
    )


def status_box() -> widgets.HTML:
    """An empty HTML widget to show messages in."""
    return widgets.HTML(value="")


def guarded(status: widgets.HTML):
    """Decorate a widget callback so errors become a message in ``status``, never a traceback."""

    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                result = fn(*args, **kwargs)
            except ValueError as exc:  # includes seminar.text.InputError
                status.value = message_html(str(exc), "error")
                return None
            except Exception as exc:  # noqa: BLE001 - a widget must not crash
                log.exception("view callback failed")
                status.value = message_html(
                    f"Something went wrong ({type(exc).__name__}: {exc}). "
                    "Your input is still there; please tell your instructor.",
                    "error",
                )
                return None
            return result

        return wrapper

    return decorate


class App:
    """Base of the kit's apps: an app is shown in a notebook as its ``widget``.

    Plot apps (with ``status``, ``update()`` and ``apply(**values)``) call
    :meth:`first_draw` at the end of their constructor.
    """

    widget: widgets.Widget

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def first_draw(self, initial: dict | None = None) -> None:
        """Draw once, keeping any message the constructor left, then apply ``initial`` values."""
        message = self.status.value
        self.update()
        if message:
            self.status.value = message
        if initial:
            self.apply(**initial)


# ---------------------------------------------------------------- figures with alt text
#: Font sizes for app figures: drawn 760 px wide, the text stays at least 10 px when the
#: notebook column shrinks the picture to 560 px (800 px window, or 200 % zoom).
FIGURE_FONT = {"font.size": 11, "axes.titlesize": 12, "axes.labelsize": 11,
               "xtick.labelsize": 10.5, "ytick.labelsize": 10.5, "legend.fontsize": 10.5}
#: The narrowest an app figure is shown (``figure_html(..., min_width=...)``): below it, it scrolls.
FIGURE_MIN_WIDTH = 560


def png_of(fig, dpi: int = 100) -> bytes:
    """A matplotlib Figure as PNG bytes (fast compression: apps redraw often)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return buf.getvalue()


def figure_html(png: bytes, alt: str, *, css_class: str = "seminar-figure", max_width: int = 760,
                caption: bool = True, min_width: int | None = None) -> str:
    """An ``<img>`` with alt text (escaped) that shrinks with its column, never overflows it.

    With ``caption`` the same words are also printed under it ("What the figure shows"), so
    sighted readers get them too. With ``min_width`` the picture stops shrinking at that
    width (its text stays readable) and scrolls sideways instead, in a region reachable with
    Tab (``data-scrolls="yes"``: the overflow checks allow it).
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("Every figure needs alt text that says what it shows.")
    data = base64.b64encode(png).decode("ascii")
    text = escape(alt.strip())
    floor = f"min-width:{int(min_width)}px;" if min_width else ""
    img = (f'<img class="{escape(css_class)}" src="data:image/png;base64,{data}" alt="{text}" '
           f'style="width:100%;max-width:{int(max_width)}px;{floor}height:auto">')
    if min_width:
        img = ('<div class="seminar-figure-scroll" data-scrolls="yes" role="region" tabindex="0" '
               'aria-label="Figure (scrolls sideways in a narrow column)" '
               # width 0 + min-width 100%: as wide as its column, never widened by the picture
               f'style="overflow-x:auto;width:0;min-width:100%">{img}</div>')
    if not caption:
        return img
    return (f'<figure class="{escape(css_class)}-figure" style="margin:0;max-width:100%">{img}'
            f"<figcaption><b>What the figure shows:</b> {text}</figcaption></figure>")


class StaticFigure:
    """A picture with its description, shown in a notebook as an image with alt text."""

    def __init__(self, png: bytes, description: str, css_class: str = "seminar-figure", *,
                 min_width: int | None = None):
        figure_html(png, description)  # refuses a figure without words, at once
        self.png, self.description, self.css_class = png, description, css_class
        self.min_width = min_width  # narrowest shown (then it scrolls): see figure_html

    def _repr_html_(self) -> str:
        return figure_html(self.png, self.description, css_class=self.css_class,
                           min_width=self.min_width)

    def __repr__(self) -> str:
        return f"Figure: {self.description}"
