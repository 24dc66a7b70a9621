"""Small pieces every view shares: status messages and a guard for widget callbacks.

A widget callback must never show a student a traceback: ``guarded`` turns a
ValueError (bad input, with its plain message) into a message box, and any other
error into a short apology that names the error, so nothing typed is lost.
"""
from __future__ import annotations

import functools
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
