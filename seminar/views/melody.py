"""The melody toy: hear a tune at its own pace and with every note stretched 10x, 100x, 1,000x.

In a notebook::

    from seminar.views.melody import melody_app
    melody_app()

A thin view over :mod:`seminar.models.melody`: four buttons choose the stretch, an audio
player plays the clip (the whole tune at 1x, the first 10 seconds of a stretched one), and
a line of text says what the clip holds, so the toy can be followed without hearing it.
Samantha's ratio is given as a number only: at that stretch one note lasts days.
Widgets are attributes (``app.stretch``, ``app.audio``, ``app.numbers``, ...);
``app.apply(stretch=100)`` sets the stretch after checking it.
"""
from __future__ import annotations

import time

import ipywidgets as widgets

from seminar.models import duration
from seminar.models import melody as model
from seminar.text import escape
from seminar.views.common import App, guarded, message_html, status_box

OPTIONS = [("1x (as written)", 1), ("10x", 10), ("100x", 100), ("1,000x", 1000)]


class MelodyView(App):
    """The app. Build it with :func:`melody_app`; display it as the last line of a cell."""

    def __init__(self, *, ratio: float | None = None, max_seconds: float = model.MAX_SECONDS,
                 **initial):
        self.status = status_box()
        self.ratio, self.max_seconds = duration.speed_ratio(), model.MAX_SECONDS
        try:  # a bad setting becomes a message and its default, never a traceback
            if ratio is not None:
                self.ratio = duration.check_number("ratio", ratio, 1, model.MAX_STRETCH)
            self.max_seconds = duration.check_number("max_seconds", max_seconds, 1,
                                                     model.MAX_CLIP_SECONDS)
        except ValueError as exc:
            self.status.value = message_html(f"{exc} Using the default instead.", "error")
        self.stretch = widgets.ToggleButtons(
            options=OPTIONS, value=1, description="Each note stretched",
            tooltips=["the tune as written, 0.4 s a note",
                      "each note 10 times longer", "each note 100 times longer",
                      "each note 1,000 times longer"],
            style={"description_width": "initial", "button_width": "auto"},
            layout=widgets.Layout(width="auto", max_width="760px", flex_flow="row wrap"))
        self.audio = widgets.Audio(format="wav", autoplay=False, loop=False, controls=True,
                                   layout=widgets.Layout(max_width="100%"))
        self.audio.add_class("seminar-melody-audio")
        self.heard = widgets.HTML()
        self.numbers = widgets.HTML()
        self.last_seconds = float("nan")
        self.update = guarded(self.status)(self._update)
        self.apply = guarded(self.status)(self._apply)
        self.stretch.observe(self.update, names="value")
        self.widget = widgets.VBox([
            widgets.HTML(f"<h3>Hear the tune stop being a tune</h3><p>{escape(model.TUNE_NAME)}: "
                         f"{len(model.TUNE)} notes, one beat every "
                         f"{model.BEAT_SECONDS:g} s, the pace of Theodore's words at 150 words a "
                         "minute. Choose a stretch, then press play.</p>"),
            self.stretch, self.status,
            widgets.HTML('<span id="seminar-melody-player-label">Player (the clip for the '
                         "stretch chosen above; keyboard: Tab to it, then Space)</span>"),
            self.audio, self.heard, self.numbers,
        ], layout=widgets.Layout(width="100%", max_width="780px"))
        self.widget.add_class("seminar-melody-app")
        self.first_draw(initial)

    def _update(self, change=None) -> None:
        start = time.perf_counter()
        k = self.stretch.value
        self.audio.value = model.tune_wav(k, max_seconds=self.max_seconds)
        self.last_seconds = time.perf_counter() - start
        clip = model.clip_seconds(k, self.max_seconds)
        whole = model.tune_seconds(k)
        part = ("the whole tune" if clip >= whole else
                f"the first {duration.format_duration(clip)} of {duration.format_duration(whole)}")
        self.heard.value = (
            '<p class="seminar-melody-heard" role="status" aria-live="polite">'
            f"<b>You hear {escape(part)}</b> ({len(self.audio.value) // 1024} kB). "
            f"{escape(model.describe_clip(k, self.max_seconds))}</p>")
        table = model.stretch_table(self.ratio, max_seconds=self.max_seconds)
        note_days = duration.format_duration(model.note_seconds(self.ratio))
        tune_days = duration.format_duration(model.tune_seconds(self.ratio))
        self.numbers.value = (
            '<div class="seminar-melody-numbers">'
            # a narrow column scrolls the table sideways inside a region the keyboard can reach
            '<div role="region" aria-label="Each stretch: how long a note and the tune last" '
            'tabindex="0" data-scrolls="yes" style="overflow-x:auto;max-width:100%">'
            + table.reset_index().to_html(classes="seminar-melody-table", border=0, escape=True,
                                         index=False)
            + "</div>"
            f"<p><b>At Samantha's ratio</b> ({escape(duration.format_number(self.ratio))} "
            f"times, from the baby-name scene) one note would last <b>{escape(note_days)}</b> "
            f"and the whole tune <b>{escape(tune_days)}</b>. Nobody can play you that: it is a "
            "number, not a sound.</p></div>")
        self.status.value = ""

    def _apply(self, **params) -> None:
        """Set ``stretch`` (one of 1, 10, 100, 1000)."""
        unknown = set(params) - {"stretch"}
        if unknown:
            raise ValueError(f"Unknown setting(s): {', '.join(sorted(map(str, unknown)))}; "
                             "known: stretch.")
        if "stretch" in params:
            k = params["stretch"]
            allowed = [v for _, v in OPTIONS]
            if isinstance(k, bool) or k not in allowed:
                raise ValueError(f"stretch must be one of {', '.join(f'{v:,}' for v in allowed)}; "
                                 f"got {model.short(k)}.")
            self.stretch.value = int(k)


def melody_app(**kwargs) -> MelodyView:
    """Build the app; keyword arguments as for :class:`MelodyView` and :meth:`MelodyView.apply`."""
    return MelodyView(**kwargs)
