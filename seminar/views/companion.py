"""The companion's objective (lesson 09): six weight sliders over :mod:`seminar.models.companion`.

In a notebook::

    from seminar.views.companion import companion_app
    app = companion_app()                  # the engagement-only objective to start
    app

The widgets are attributes (``app.sliders["engagement"]``, ..., ``app.presets``,
``app.chosen``, ``app.table``, ``app.image``, ``app.description``, ``app.status``) so tests
can drive it from Python. ``app.apply(engagement=0, growth=10)`` sets weights after checking
them with the model; a bad value becomes a message and changes nothing.
"""
from __future__ import annotations

import ipywidgets as widgets
import matplotlib
from matplotlib.figure import Figure

from seminar.models import companion as model
from seminar.text import escape
from seminar.views.common import (FIGURE_FONT, FIGURE_MIN_WIDTH, App, figure_html, guarded,
                                  message_html, png_of, status_box)
from seminar.views.controls import Slider

PRESETS = {
    "engagement only": model.ENGAGEMENT_ONLY,
    "the user's three goals": model.USER_ONLY,
    "all six equal": {k: 5 for k in model.OUTCOMES},
}


def _weights_of(preset: dict) -> dict:
    return {k: preset.get(k, 0) for k in model.OUTCOMES}


class CompanionView(App):
    """The app. Build it with :func:`companion_app`; display it as the last line of a cell."""

    def __init__(self, **initial):
        self.status = status_box()
        start = _weights_of(model.ENGAGEMENT_ONLY)
        self.sliders: dict[str, Slider] = {}
        for key in model.OUTCOMES:  # named, read in words, keyboard-operable (views.controls)
            self.sliders[key] = Slider(
                int(start[key]), min=0, max=model.MAX_WEIGHT, step=1, integer=True,
                continuous_update=False, description=f"{model.LABELS[key]} ({model.SIDE[key]})",
                readout=lambda v: f"weight {int(v)} of {model.MAX_WEIGHT}")
        self.presets = widgets.ToggleButtons(
            options=list(PRESETS), value="engagement only", description="Start from",
            style={"description_width": "80px", "button_width": "170px"},
            tooltips=["the company's engagement alone", "time with people, own words, growth",
                      "every outcome weighs 5"])
        self.chosen = widgets.HTML()
        self.table = widgets.HTML()
        self.figure = widgets.HTML()  # an <img> with alt text, shrinking with the column
        self.description = widgets.HTML()
        self._quiet = False
        # Fixed margins, not a layout engine: the engine would cost a second draw per update.
        # Text sizes from FIGURE_FONT, drawn 760 px wide and shown no narrower than
        # FIGURE_MIN_WIDTH: the text stays >= 10 CSS px in a narrow column (it scrolls instead).
        with matplotlib.rc_context(FIGURE_FONT):
            self.fig = Figure(figsize=(7.6, 4.0), dpi=100)
            self.fig.subplots_adjust(left=0.37, right=0.96, top=0.97, bottom=0.3)
            self.ax = self.fig.subplots()

        self.update = guarded(self.status)(self._update)
        self.apply = guarded(self.status)(self._apply)
        self._preset = guarded(self.status)(self._on_preset)
        for s in self.sliders.values():
            s.observe(self.update, names="value")
        self.presets.observe(self._preset, names="value")

        company = widgets.VBox([widgets.HTML("<b>The company's weights</b>")]
                               + [self.sliders[k] for k in model.COMPANY])
        user = widgets.VBox([widgets.HTML("<b>The user's weights</b>")]
                            + [self.sliders[k] for k in model.USER])
        self.widget = widgets.VBox([
            widgets.HTML("<h3>The companion's objective: who is it built for?</h3>"
                         "<p>Set how much each outcome counts (0 to 10). The companion takes "
                         "whichever of its 125 settings scores best. The numbers follow from the "
                         "kit's stated assumptions, not from the film or any real company.</p>"),
            self.presets, company, user, self.status, self.chosen, self.table, self.figure,
            self.description,
        ], layout=widgets.Layout(max_width="780px"))
        self.widget.add_class("seminar-companion-app")
        self.first_draw(initial)

    def weights(self) -> dict:
        return {k: int(s.value) for k, s in self.sliders.items()}

    def _update(self, change=None) -> None:
        if self._quiet:
            return
        weights = self.weights()
        if sum(weights.values()) == 0:
            self.status.value = message_html(
                "All the weights are 0: an objective that cares about nothing chooses nothing. "
                "Move at least one slider above 0.", "warning")
            return
        choice = model.best(weights)
        self.choice = choice
        b = choice.behaviour
        self.chosen.value = (
            '<div class="seminar-companion-chosen" aria-live="polite">'
            f"<b>The companion these weights choose</b>: answers at once "
            f"<b>{round(100 * b.availability)}%</b> of the time; agrees with its user "
            f"<b>{round(100 * b.agreeableness)}%</b>; learns about its user "
            f"<b>{round(100 * b.learning)}%</b>. Score {choice.score:.1f} of 100.</div>")
        rows = "".join(
            f"<tr><td>{escape(label)}</td><td>{escape(row['side'])}</td>"
            f"<td style='text-align:right'>{row['your objective']}</td>"
            f"<td style='text-align:right'>{row['engagement only']}</td></tr>"
            for label, row in model.compare(weights).iterrows())
        self.table.value = (
            '<table class="seminar-companion-table" style="border-collapse:collapse">'
            "<caption style='text-align:left'>Outcomes in points (0 to 100)</caption>"
            "<tr><th style='text-align:left;padding-right:14px'>outcome</th>"
            "<th style='text-align:left;padding-right:14px'>side</th>"
            "<th style='padding-right:14px'>your objective</th><th>engagement only</th></tr>"
            f"{rows}</table>")
        with matplotlib.rc_context(FIGURE_FONT):
            self.ax.clear()
            model.plot_compare(weights, self.ax)
            self.png = png_of(self.fig)
        self.figure.value = figure_html(self.png, model.describe_compare(weights),
                                        css_class="seminar-companion-plot", max_width=760,
                                        caption=False, min_width=FIGURE_MIN_WIDTH)
        self.description.value = (
            '<p class="seminar-companion-description" role="note" aria-live="polite">'
            f"<b>What the figure shows:</b> {escape(model.describe_compare(weights))}</p>")
        self._sync_preset(weights)
        self.status.value = ""

    def _sync_preset(self, weights: dict) -> None:
        quiet, self._quiet = self._quiet, True
        try:
            match = [name for name, p in PRESETS.items() if _weights_of(p) == weights]
            self.presets.value = match[0] if match else None
        finally:
            self._quiet = quiet

    def _on_preset(self, change=None) -> None:
        if self._quiet or self.presets.value is None:
            return
        self.apply(**_weights_of(PRESETS[self.presets.value]))

    def _apply(self, **weights) -> None:
        """Set any of the six weights (checked first; all or nothing)."""
        unknown = [k for k in weights if k not in model.OUTCOMES]
        if unknown:
            raise ValueError(f"Unknown weight(s): {', '.join(sorted(map(str, unknown)))}; "
                             f"known: {', '.join(model.OUTCOMES)}.")
        merged = {**self.weights(), **weights}
        full = model.check_weights(merged)
        for k, w in full.items():
            if w != int(w):
                raise ValueError(f"the weight of {model.LABELS[k]} must be a whole number "
                                 f"from 0 to {model.MAX_WEIGHT}; got {w:g}.")
        self._quiet = True
        try:
            for k, w in full.items():
                self.sliders[k].value = int(w)
        finally:
            self._quiet = False
        self._update()


def companion_app(**weights) -> CompanionView:
    """Build the app; keyword arguments are weights, as for :meth:`CompanionView.apply`."""
    return CompanionView(**weights)
