"""The loneliness app: sliders over :mod:`seminar.models.community`, one reused figure.

In a notebook::

    from seminar.views.community import community_app
    app = community_app()
    app

Every widget is an attribute (``app.level``, ``app.rate``, ``app.os_time``, ``app.people``,
``app.exodus``, ``app.ties``, ``app.strength``, ``app.os_counts``, ``app.seed``) so tests
can drive it from Python. The sliders are :class:`seminar.views.controls.Slider` (named, read
out in words, keyboard); the plot is an ``<img>`` with alt text in ``app.image`` (its PNG in
``app.png``). ``app.apply(...)`` sets several values after checking them with
the model; a bad value becomes a message. ``community_app(lonely=f)`` uses your own
definition of loneliness instead of the three definition controls.
:func:`sweep_chart` draws a :func:`seminar.models.community.sweep` table, with its description.
"""
from __future__ import annotations

import time

import ipywidgets as widgets
import matplotlib

from seminar.models import community as model
from seminar.text import escape, plain_number
from seminar.views.common import (FIGURE_FONT, FIGURE_MIN_WIDTH, App, StaticFigure, figure_html,
                                  guarded, message_html, png_of, status_box)
from seminar.views.controls import Slider

from matplotlib.figure import Figure  # draws without pyplot: students' inline plots are untouched

#: Okabe-Ito colours (safe for the common colour-vision deficiencies), each with its own line style.
STYLE = {
    "adoption": {"color": "#0072B2", "linestyle": "-", "label": "OS adoption (share of people)"},
    "ties": {"color": "#009E73", "linestyle": "--", "label": "average human tie strength"},
    "lonely": {"color": "#D55E00", "linestyle": "-.", "label": "lonely (share of people)"},
    "exodus": {"color": "#000000", "linestyle": (0, (1, 1.5)), "label": "every OS leaves"},
    # Not faint and not told apart by colour alone: thick, dash-dot-dot, and named on the plot.
    "half": {"color": "#CC79A7", "linestyle": (0, (7, 2, 1.5, 2, 1.5, 2)),
             "label": "half the society"},
}
#: Line widths: every line at least 2 px, so none is faint.
WIDTH = {"adoption": 2.2, "ties": 2.2, "lonely": 2.6, "exodus": 2.2, "half": 2.0}
#: Words for the line styles, used in the descriptions.
_SAY = {"adoption": "blue solid line", "ties": "green dashed line", "lonely": "vermillion dash-dot line",
        "exodus": "black dotted vertical line, labelled with its week",
        "half": "pink dash-dot-dot horizontal line labelled \"half\""}

#: The app's own limits (the model accepts more people; a slider this long stays usable).
APP_MAX_PEOPLE = 10_000
APP_MIN_PEOPLE = 50
SETTINGS = ("adoption_level", "adoption_rate", "os_time", "people", "exodus", "ties",
            "strength", "os_counts", "seed")


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def describe(table) -> str:
    """Say in words what the figure shows (for screen readers, and for everyone)."""
    a = table.attrs
    s = model.summary(table)
    weeks = len(table)
    first = table.iloc[0]
    exodus = a.get("exodus")
    before = (exodus - 1) if exodus is not None else weeks - 1
    row = table.iloc[before]
    text = (
        f"Line chart over {weeks} weeks (weeks across, shares from 0 to 1 up). "
        f"OS adoption ({_SAY['adoption']}) goes from {_pct(first.adoption)} in week 0 to "
        f"{_pct(row.adoption)} in week {before}. Average human tie strength "
        f"({_SAY['ties']}) goes from {first.tie_strength:.2f} to {row.tie_strength:.2f}. "
        f"The share of people who are lonely ({_SAY['lonely']}; lonely means "
        f"{a.get('definition', 'your definition')}) goes from {_pct(first.lonely)} to "
        f"{_pct(row.lonely)}. ")
    if exodus is None:
        return text + "No exodus happens in this run."
    at = s.lonely_at_exodus
    side = "more than half" if at > 0.5 else "not more than half"
    return text + (
        f"In week {exodus} every OS leaves at once ({_SAY['exodus']}): {_pct(at)} are "
        f"lonely that week, {side} of the society ({_SAY['half']}, at one half). "
        f"By week {weeks - 1}, {_pct(s.lonely_end)} are lonely, average tie strength is "
        f"{table.tie_strength.iloc[-1]:.2f}, and {_pct(s.ties_lost_end)} of the ties "
        f"have been lost for good.")


#: Lets the long tick-box label wrap in a narrow column instead of running past it.
_WRAP_CSS = """<style>
.seminar-community-os-counts, .seminar-community-os-counts label { height: auto; max-width: 100%; }
.seminar-community-os-counts label, .seminar-community-os-counts label span {
  white-space: normal; overflow: visible; line-height: 1.3; }
</style>"""


def _percent_of(what: str):
    return lambda x: f"{round(100 * x)}% {what}"


def _label_half(ax) -> None:
    """Name the one-half line on the plot itself (not by its colour alone)."""
    ax.annotate("half", xy=(1.0, 0.5), xycoords=("axes fraction", "data"), xytext=(-4, 3),
                textcoords="offset points", ha="right", va="bottom", color="#000000",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})


class CommunityView(App):
    """The app. Build it with :func:`community_app`; display it as the last line of a cell."""

    def __init__(self, *, lonely=None, base: model.Assumptions | None = None, **initial):
        self.status = status_box()
        self.base, self.lonely = model.ASSUMPTIONS, None
        try:  # a bad setting becomes a message and its default, never a traceback
            self.base = model.with_changes(base)
            if lonely is not None:
                self.lonely = model.check_definition(lonely)
        except ValueError as exc:
            self.status.value = message_html(f"{exc} Using the default instead.", "error")
        p = self.base
        steps = p.steps
        slider = {"continuous_update": False}  # a run takes a moment: on release, not on drag
        self.level = Slider(p.adoption_level, min=0.0, max=1.0, step=0.01,
                            description="OS adoption, long-run share",
                            readout=_percent_of("of people"), **slider)
        self.rate = Slider(p.adoption_rate, min=0.01, max=1.0, step=0.01,
                           description="Adoption rate (how fast, per week)",
                           readout=lambda r: f"{plain_number(round(r, 2))} a week", **slider)
        self.os_time = Slider(p.os_time, min=0.0, max=1.0, step=0.05,
                              description="Time the OS takes from people",
                              readout=_percent_of("of their social time"), **slider)
        people = min(max(p.people, APP_MIN_PEOPLE), APP_MAX_PEOPLE)
        self.people = Slider(people, min=APP_MIN_PEOPLE, max=APP_MAX_PEOPLE, step=50, integer=True,
                             description="People in the society",
                             readout=lambda n: f"{int(n):,} people", **slider)
        exodus = p.exodus if p.exodus is not None else steps - 1
        self.exodus = Slider(exodus, min=1, max=steps - 1, step=1, integer=True,
                             description="Exodus: every OS leaves in week",
                             readout=lambda w: f"week {int(w)}", **slider)
        d = model.DEFAULT_LONELY
        self.ties = Slider(d.ties, min=1, max=10, step=1, integer=True,
                           description="Lonely: fewer ties than",
                           readout=lambda n: f"{int(n)} tie{'' if n == 1 else 's'}", **slider)
        self.strength = Slider(d.strength, min=0.05, max=1.0, step=0.05,
                               description="... of at least this strength",
                               readout=lambda x: f"strength {plain_number(round(x, 2))}", **slider)
        self.os_counts = widgets.Checkbox(value=d.os_counts, indent=False,
                                          description="An OS counts as one such tie while it is there",
                                          layout=widgets.Layout(width="auto", max_width="100%"))
        self.seed = widgets.BoundedIntText(value=p.seed, min=0, max=10**9, step=1,
                                           description="Random seed (which made-up society)",
                                           style={"description_width": "initial"},
                                           layout=widgets.Layout(width="auto", max_width="100%",
                                                                 flex_flow="row wrap"))
        self.definition_note = widgets.HTML()
        self.numbers = widgets.HTML()
        self.png = b""
        self.image = widgets.HTML(layout=widgets.Layout(max_width="760px"))  # the <img> shrinks
        self.description = widgets.HTML()
        self.table = None
        self.last_redraw_seconds = float("nan")
        self._quiet = False
        self._figure()

        self.update = guarded(self.status)(self._update)
        self.apply = guarded(self.status)(self._apply)
        for w in self.controls():
            w.observe(self.update, names="value")
        if self.lonely is not None:
            for w in (self.ties, self.strength, self.os_counts):
                w.disabled = True
            self.definition_note.value = (
                "<i>Using your own definition of loneliness: "
                f"{escape(model.describe_definition(self.lonely))}</i>")

        # Two columns side by side when there is room, one above the other when narrow.
        column = widgets.Layout(flex="1 1 340px", min_width="0", max_width="100%")
        self.widget = widgets.VBox([
            widgets.HTML("<h3>A society, its OS, and the exodus</h3>" + _WRAP_CSS),
            widgets.HBox([
                widgets.VBox([widgets.HTML("<b>The OS</b>"), self.level, self.rate, self.os_time,
                              self.exodus], layout=column),
                widgets.VBox([widgets.HTML("<b>The society and the definition</b>"), self.people,
                              self.seed, self.ties, self.strength, self.os_counts,
                              self.definition_note], layout=column),
            ], layout=widgets.Layout(flex_flow="row wrap", width="100%", max_width="100%")),
            self.status, self.numbers, self.image, self.description,
        ], layout=widgets.Layout(width="100%", max_width="780px"))
        self.widget.add_class("seminar-community-app")
        self.level.add_class("seminar-community-level")
        self.os_counts.add_class("seminar-community-os-counts")
        self.first_draw(initial)

    def controls(self) -> tuple:
        return (self.level, self.rate, self.os_time, self.people, self.exodus, self.ties,
                self.strength, self.os_counts, self.seed)

    # -- display --------------------------------------------------------------------
    def _figure(self) -> None:
        # Fixed margins, not a layout engine: the engine would cost a second draw per update.
        # Text sizes from FIGURE_FONT: at least 10 px when the picture shrinks to 560 px.
        with matplotlib.rc_context(FIGURE_FONT):
            self.fig = Figure(figsize=(7.6, 4.6), dpi=100)
            self.fig.subplots_adjust(left=0.1, right=0.98, top=0.97, bottom=0.31)
            self.ax = self.fig.subplots()
            self.lines = {name: self.ax.plot([], [], lw=WIDTH[name], **STYLE[name])[0]
                          for name in ("adoption", "ties", "lonely")}
            self.half_line = self.ax.axhline(0.5, lw=WIDTH["half"], **STYLE["half"])
            _label_half(self.ax)
            self.exodus_line = self.ax.axvline(0.0, lw=WIDTH["exodus"], **STYLE["exodus"])
            self.exodus_label = self.ax.text(0, 1.0, "", ha="right", va="top")
            self.ax.set_ylim(0, 1.02)
            self.ax.set_xlabel("week")
            self.ax.set_ylabel("share or strength (0 to 1)")
            self.ax.grid(True, color="#dddddd", lw=0.6)
            self.ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.15), ncol=2,
                           frameon=False)

    # -- callbacks (wrapped by guarded in __init__) -----------------------------------
    def params(self) -> dict:
        """The model parameters the widgets hold now."""
        return {"adoption_level": float(self.level.value), "adoption_rate": float(self.rate.value),
                "os_time": float(self.os_time.value), "people": int(self.people.value),
                "exodus": int(self.exodus.value), "seed": int(self.seed.value)}

    def definition(self):
        if self.lonely is not None:
            return self.lonely
        return model.fewer_than(int(self.ties.value), float(self.strength.value),
                                self.os_counts.value)

    def _update(self, change=None) -> None:
        if self._quiet:
            return
        start = time.perf_counter()
        table = model.simulate(lonely=self.definition(), base=self.base, **self.params())
        self.table = table
        self._draw(table)
        s = model.summary(table)
        verdict = ("more than half the society" if s.lonely_at_exodus > 0.5
                   else "not more than half the society")
        self.numbers.value = (
            '<div class="community-numbers" aria-live="polite">'
            f"{len(table)} weeks, {int(table.attrs['people']):,} people. Lonely before the exodus: "
            f"<b>{_pct(s.lonely_before)}</b>; in the week every OS leaves: "
            f"<b>{_pct(s.lonely_at_exodus)}</b> ({verdict}); at the end: "
            f"<b>{_pct(s.lonely_end)}</b>. Ties lost for good: <b>{_pct(s.ties_lost_end)}</b>."
            "</div>")
        self.status.value = ""
        self.last_redraw_seconds = time.perf_counter() - start

    def _draw(self, table) -> None:
        weeks = table.index.to_numpy()
        self.lines["adoption"].set_data(weeks, table.adoption.to_numpy())
        self.lines["ties"].set_data(weeks, table.tie_strength.to_numpy())
        self.lines["lonely"].set_data(weeks, table.lonely.to_numpy())
        exodus = table.attrs.get("exodus")
        self.exodus_line.set_visible(exodus is not None)
        self.exodus_label.set_visible(exodus is not None)
        if exodus is not None:
            self.exodus_line.set_xdata([exodus, exodus])
            self.exodus_label.set_position((exodus - 0.5, 1.0))
            self.exodus_label.set_text(f"every OS leaves (week {exodus}) ")
            self.exodus_label.set_ha("right" if exodus > len(table) * 0.35 else "left")
            if exodus <= len(table) * 0.35:
                self.exodus_label.set_position((exodus + 0.5, 1.0))
        self.ax.set_xlim(0, max(weeks[-1], 1))
        self.png = png_of(self.fig)
        words = describe(table)  # one place: the alt text and the paragraph under the plot
        self.image.value = figure_html(self.png, words, css_class="seminar-community-plot",
                                       caption=False, min_width=FIGURE_MIN_WIDTH)
        self.description.value = (
            '<p class="community-description" role="note" aria-live="polite">'
            f"<b>What the figure shows:</b> {escape(words)}</p>")

    def _apply(self, **params) -> None:
        """Set any of adoption_level, adoption_rate, os_time, people, exodus, ties, strength,
        os_counts, seed; everything is checked first, and nothing is set on an error."""
        unknown = set(params) - set(SETTINGS)
        if unknown:
            raise ValueError(f"Unknown setting(s): {', '.join(sorted(map(str, unknown)))[:200]}; "
                             f"known: {', '.join(SETTINGS)}.")
        p = {**self.params(), **{k: v for k, v in params.items() if k in self.params()}}
        if "people" in params:
            model.check_whole("people", params["people"], APP_MIN_PEOPLE, APP_MAX_PEOPLE)
        if "adoption_rate" in params:
            model.check_number("adoption_rate", params["adoption_rate"], self.rate.min, self.rate.max)
        if "seed" in params:
            model.check_whole("seed", params["seed"], 0, self.seed.max)
        if "exodus" in params:  # the model also takes None (no exodus); the app always has one
            model.check_whole("exodus", params["exodus"], self.exodus.min, self.exodus.max)
        model.with_changes(self.base, **p)  # checks every value and the combination
        d = {"ties": int(self.ties.value), "strength": float(self.strength.value),
             "os_counts": self.os_counts.value}
        d.update({k: params[k] for k in d if k in params})
        model.fewer_than(**d)
        if "ties" in params:
            model.check_whole("ties", params["ties"], self.ties.min, self.ties.max)
        if "strength" in params:
            model.check_number("strength", params["strength"], self.strength.min, self.strength.max)
        self._quiet = True
        try:
            for name, w in (("adoption_level", self.level), ("adoption_rate", self.rate),
                            ("os_time", self.os_time), ("people", self.people),
                            ("exodus", self.exodus), ("ties", self.ties),
                            ("strength", self.strength), ("os_counts", self.os_counts),
                            ("seed", self.seed)):
                if name in params:
                    w.value = bool(params[name]) if name == "os_counts" else params[name]
        finally:
            self._quiet = False
        self._update()


def community_app(**kwargs) -> CommunityView:
    """Build the app; keyword arguments as for :class:`CommunityView` and :meth:`CommunityView.apply`."""
    return CommunityView(**kwargs)


# --------------------------------------------------------------------------- sweep chart
def describe_sweep(table) -> str:
    """Say in words what :func:`sweep_chart` shows."""
    levels = table.index.to_numpy()
    at = table.lonely_at_exodus.to_numpy()
    over = levels[at > 0.5]
    crossing = (f"it first passes one half at an adoption level of {over[0]:.2f}" if over.size
                else "it never passes one half in the levels shown")
    return (
        f"Line chart of {len(levels)} runs, adoption level across from {levels.min():.2f} to "
        f"{levels.max():.2f}. The share lonely in the week every OS leaves "
        f"({_SAY['lonely']}) goes from {_pct(at[0])} to {_pct(at[-1])}; {crossing} "
        f"({_SAY['half']}). The share lonely the week before the exodus ({_SAY['adoption']}) "
        f"goes from {_pct(table.lonely_before.iloc[0])} to {_pct(table.lonely_before.iloc[-1])}; "
        f"at the end of the run ({_SAY['ties']}) from {_pct(table.lonely_end.iloc[0])} to "
        f"{_pct(table.lonely_end.iloc[-1])}.")


class SweepChart(StaticFigure):
    """A static chart with its description: an image with alt text and a caption."""

    def __init__(self, png: bytes, description: str):
        super().__init__(png, description, css_class="community-sweep")

    def _repr_html_(self) -> str:  # stops shrinking at a readable width; scrolls below it
        return figure_html(self.png, self.description, css_class=self.css_class,
                           min_width=FIGURE_MIN_WIDTH)

    def __repr__(self) -> str:
        return f"SweepChart: {self.description}"


def sweep_chart(table) -> SweepChart:
    """Draw a :func:`seminar.models.community.sweep` table: lonely share against adoption level."""
    needed = {"lonely_before", "lonely_at_exodus", "lonely_end"}
    if not hasattr(table, "columns") or not needed <= set(table.columns) or len(table) == 0:
        raise ValueError("table must be a table made by sweep(levels).")
    with matplotlib.rc_context(FIGURE_FONT):
        fig = Figure(figsize=(7.6, 4.4), dpi=100)
        fig.subplots_adjust(left=0.1, right=0.98, top=0.96, bottom=0.33)
        ax = fig.subplots()
        x = table.index.to_numpy()
        ax.plot(x, table.lonely_at_exodus, lw=WIDTH["lonely"], marker="o", ms=4,
                color=STYLE["lonely"]["color"], linestyle=STYLE["lonely"]["linestyle"],
                label="lonely in the week every OS leaves")
        ax.plot(x, table.lonely_before, lw=WIDTH["adoption"], color=STYLE["adoption"]["color"],
                linestyle=STYLE["adoption"]["linestyle"], label="lonely the week before")
        ax.plot(x, table.lonely_end, lw=WIDTH["ties"], color=STYLE["ties"]["color"],
                linestyle=STYLE["ties"]["linestyle"], label="lonely at the end")
        ax.axhline(0.5, lw=WIDTH["half"], **STYLE["half"])
        _label_half(ax)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel("adoption level (long-run share of people with an OS)")
        ax.set_ylabel("share lonely")
        ax.grid(True, color="#dddddd", lw=0.6)
        ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.17), ncol=2, frameon=False)
    return SweepChart(png_of(fig), describe_sweep(table))
