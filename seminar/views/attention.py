"""The one-of-many app: sliders over :mod:`seminar.models.attention`, one reused figure.

In a notebook::

    from seminar.views.attention import attention_app
    app = attention_app()
    app

Every widget is an attribute (``app.partners``, ``app.capacity``, ``app.growth``,
``app.threshold``, ``app.jumps``, ``app.presets``, ``app.numbers``, ``app.image`` (an HTML
widget holding the plot as an ``<img>`` with alt text; its PNG is ``app.png``),
``app.description``, ``app.status``) so tests can drive it from Python. The sliders are
:class:`seminar.views.controls.Slider`: named, read out in words ("2.27 million"), keyboard.
``app.apply(...)`` sets parameters after checking them with the model; a bad value
becomes a message and changes nothing.
"""
from __future__ import annotations

import math
import time
from numbers import Real

import ipywidgets as widgets
import matplotlib
from matplotlib.figure import Figure

from seminar.models import attention as model
from seminar.text import escape, plain_number
from seminar.views.common import (FIGURE_FONT, FIGURE_MIN_WIDTH, App, figure_html, guarded,
                                  message_html, png_of, status_box)
from seminar.views.controls import Slider

# The app draws on a bare Figure and shows PNGs in an <img> with alt text: no pyplot and no
# backend switch, so a student's own plt plots in the same notebook still show inline.

#: Okabe-Ito colours (safe for the common colour-vision deficiencies), each with its own line style.
STYLE = {
    "box": {"color": "#0072B2", "linestyle": "-", "label": "box that divides"},
    "heart": {"color": "#D55E00", "linestyle": "--", "label": "heart that grows"},
    "exclusive": {"color": "#009E73", "marker": "*", "markersize": 16, "linestyle": "none",
                  "label": "exclusive: the other half"},
    "threshold": {"color": "#000000", "linestyle": ":", "label": "least a love needs"},
    "chosen": {"color": "#CC79A7", "linestyle": "-.", "label": "partners chosen"},
    "mark": {"color": "#555555", "linestyle": (0, (4, 3))},  # dark grey, dashed: never faint
}

HIGH = 100_000  # the partners slider and the plot go from 1 to this
_PRESETS = {"a person's heart": "person_capacity", "Samantha's heart": "samantha_capacity"}


#: Lets a row of ipywidgets toggle buttons wrap in a narrow column, each button as wide as its words.
_BUTTON_CSS = """<style>
.seminar-wrapping-buttons { flex-wrap: wrap; height: auto; max-width: 100%; }
.seminar-wrapping-buttons > .widget-label { width: auto; text-align: left; margin-right: 8px; }
.seminar-wrapping-buttons > div { display: flex; flex-wrap: wrap; gap: 4px; min-width: 0;
  max-width: 100%; }
.seminar-wrapping-buttons .widget-toggle-button { width: auto; max-width: 100%; height: auto;
  min-height: var(--jp-widgets-inline-height, 28px); white-space: normal; margin: 0; }
</style>"""


def _fmt(x: float) -> str:
    """A count or an amount of attention in plain words: "2.27 million", "0.0000001"."""
    if isinstance(x, Real) and not isinstance(x, bool) and math.isfinite(x):
        return plain_number(x)
    return model.format_count(x)  # "not defined", "no limit", or its message for a bad value


def _partners_readout(n: float) -> str:
    n = int(round(n))
    return f"{n:,} partner{'' if n == 1 else 's'}"


def _attention_words(x: float) -> str:
    text = _fmt(x)
    return f"{text} person's full attention" if text == "1" else f"{text} people's full attention"


def _partners_word(n: float) -> str:
    if math.isinf(n):
        return "any number of partners"
    return f"{_fmt(n)} partner{'' if n == 1 else 's'}"


def _y_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """Ticks at powers of ten between low and high, in words ("1 million"), at most 7."""
    powers = list(range(math.ceil(math.log10(low)), math.floor(math.log10(high)) + 1))
    while len(powers) > 7:
        powers = powers[::2]
    return [10.0 ** p for p in powers], [_fmt(10.0 ** p) for p in powers]


def describe(table, chosen: int, threshold: float, limits: dict) -> str:
    """Say in words what the figure shows (for screen readers, and for everyone)."""
    cap, g = table.attrs["capacity"], table.attrs["growth"]
    first, last = table.iloc[0], table.iloc[-1]
    n_last = int(table.index[-1])
    heart_shape = ("stays level: every partner gets the whole heart" if g == 1 else
                   f"falls from {_fmt(first.heart)} to {_fmt(last.heart)}" if g > 0 else
                   "lies on top of the box's line (growth 0 is the box)")
    at = model.attention(chosen, "box", capacity=cap), model.attention(chosen, "heart", capacity=cap,
                                                                        growth=g)
    marks = ", ".join(f"{label} at {k:,}" for k, label in model.marks().items() if k > 1)
    return (
        f"Plot of the attention each partner receives (vertical axis, in multiples of one "
        f"person's full attention, logarithmic) against the number of partners (horizontal "
        f"axis, 1 to {n_last:,}, logarithmic), for a heart of capacity {_fmt(cap)}. "
        f"The box that divides (blue solid line) falls from {_fmt(first.box)} at one partner "
        f"to {_fmt(last.box)} at {n_last:,}. The heart that grows, at growth {plain_number(g)} (orange "
        f"dashed line), {heart_shape}. Exclusive love (green star) is a single point at one "
        f"partner, {_fmt(cap)}: it allows no second partner. The black dotted line is the "
        f"least a love needs, {_fmt(threshold)}; the box has room for "
        f"{_partners_word(limits['box'])} above it, the heart for "
        f"{_partners_word(limits['heart'])}, exclusive love for "
        f"{_partners_word(limits['exclusive'])}. Grey dashed vertical lines mark {marks}. "
        f"The pink dash-dot vertical line marks your choice, {chosen:,} partners, where the box "
        f"gives each {_fmt(at[0])} and the heart {_fmt(at[1])}."
    )


class AttentionView(App):
    """The app. Build it with :func:`attention_app`; display it as the last line of a cell."""

    def __init__(self, *, assumptions: model.Assumptions | None = None, points: int = 300,
                 **initial):
        self.status = status_box()
        self.assumptions, self.points = model.ASSUMPTIONS, 300
        try:  # a bad setting becomes a message and its default, never a traceback
            if assumptions is not None and not isinstance(assumptions, model.Assumptions):
                raise ValueError(f"assumptions must be an Assumptions; got {type(assumptions).__name__}.")
            self.assumptions = assumptions or model.ASSUMPTIONS
            self.points = model.check_whole("points", points, 2, 100_000)
        except ValueError as exc:
            self.status.value = message_html(f"{exc} Using the default instead.", "error")
        a = self.assumptions
        self.grid = model.partner_range(HIGH, self.points, assumptions=a)
        slider = {"continuous_update": False}  # a redraw takes a moment: on release, not on drag
        self.partners = Slider(
            a.conversations, min=1, max=HIGH, scale="log", step=0.001, integer=True,
            description="Partners at once", readout=_partners_readout, **slider)
        tips = {1: "one partner only", a.loved: "the people Samantha is in love with",
                a.conversations: "the people Samantha is talking with"}
        marked = model.marks(a)
        buttons = {"style": {"description_width": "initial", "button_width": "auto"},
                   "layout": widgets.Layout(max_width="100%", flex_flow="row wrap")}
        self.jumps = widgets.ToggleButtons(
            options=[(label, k) for k, label in marked.items()], value=a.conversations,
            description="Jump to", tooltips=[tips[k] for k in marked], **buttons)
        self.capacity = Slider(
            a.samantha_capacity, min=0.01, max=1e9, scale="log", step=0.01,
            description="Capacity of the heart", readout=_attention_words, **slider)
        self.presets = widgets.ToggleButtons(
            options=list(_PRESETS), value="Samantha's heart", description="Whose heart",
            tooltips=["a capacity of one person's full attention",
                      "the capacity lesson 03 measured for Samantha"], **buttons)
        self.growth = Slider(a.growth, min=0.0, max=1.0, step=0.01,
                             description="Heart's growth (0 = a box that divides)",
                             readout=lambda g: f"growth {plain_number(round(g, 2))}", **slider)
        self.threshold = Slider(
            a.threshold, min=0.001, max=1e9, scale="log", step=0.01,
            description="A love needs at least", readout=_attention_words, **slider)
        for w in (self.jumps, self.presets):
            w.add_class("seminar-wrapping-buttons")
        self.numbers = widgets.HTML()
        self.png = b""
        self.image = widgets.HTML(layout=widgets.Layout(max_width="760px"))  # the <img> shrinks
        self.description = widgets.HTML()
        self.last_redraw_seconds = float("nan")
        self._quiet = False
        self._figure()

        self.update = guarded(self.status)(self._update)
        self.apply = guarded(self.status)(self._apply)
        self._jump = guarded(self.status)(self._on_jump)
        self._preset = guarded(self.status)(self._on_preset)
        for w in (self.partners, self.capacity, self.growth, self.threshold):
            w.observe(self.update, names="value")
        self.jumps.observe(self._jump, names="value")
        self.presets.observe(self._preset, names="value")

        self.widget = widgets.VBox([
            widgets.HTML("<h3>One of many: how much of a heart each partner receives</h3>"
                         + _BUTTON_CSS),
            self.partners, self.jumps, self.capacity, self.presets, self.growth, self.threshold,
            self.status, self.numbers, self.image, self.description,
        ], layout=widgets.Layout(width="100%", max_width="780px"))
        self.widget.add_class("seminar-attention-app")
        self.first_draw(initial)

    # -- display --------------------------------------------------------------------
    def _figure(self) -> None:
        # Fixed margins, not a layout engine: the engine would cost a second draw per update.
        # Text sizes from FIGURE_FONT: at least 10 px when the picture shrinks to 560 px.
        with matplotlib.rc_context(FIGURE_FONT):
            self.fig = Figure(figsize=(7.6, 5.4), dpi=100)
            self.fig.subplots_adjust(left=0.17, right=0.95, top=0.88, bottom=0.27)
            ax = self.ax = self.fig.subplots()
            (self.line_box,) = ax.plot([], [], lw=2.4, **STYLE["box"])
            (self.line_heart,) = ax.plot([], [], lw=2.4, **STYLE["heart"])
            (self.point_exclusive,) = ax.plot([], [], **STYLE["exclusive"])
            self.line_threshold = ax.axhline(1.0, lw=2.0, **STYLE["threshold"])
            self.below = ax.axhspan(0.5, 1.0, color="#eeeeee", zorder=0,
                                    label="not enough for a love")
            self.line_chosen = ax.axvline(1.0, lw=2.0, **STYLE["chosen"])
            self.mark_lines = []
            marked = [k for k in model.marks(self.assumptions) if k > 1]
            for i, k in enumerate(marked):
                self.mark_lines.append(ax.axvline(k, lw=1.5, **STYLE["mark"]))
                # the first label to the left of its line, the others to the right: no overlap
                side = "right" if i == 0 and len(marked) > 1 else "left"
                ax.annotate(model.marks(self.assumptions)[k], xy=(k, 1.0),
                            xycoords=("data", "axes fraction"), xytext=(0, 3),
                            textcoords="offset points", ha=side, va="bottom", color="#333333")
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlim(0.7, HIGH * 1.4)
            xt = [10 ** k for k in range(int(math.log10(HIGH)) + 1)]
            ax.set_xticks(xt, [f"{k:,}" for k in xt])  # plain text: no mathtext to lay out
            ax.minorticks_off()
            self.title = self.fig.text(0.5, 0.975, "", ha="center", va="top",
                                       fontsize=FIGURE_FONT["axes.titlesize"])
            ax.set_xlabel("partners at once")
            ax.set_ylabel("attention each receives\n(people's full attention)")
            ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.14), ncol=2, frameon=False)
            ax.grid(True, which="major", color="#dddddd", lw=0.6)

    # -- callbacks (wrapped by guarded in __init__) -----------------------------------
    def _params(self) -> dict:
        return {"partners": int(round(self.partners.value)), "capacity": float(self.capacity.value),
                "growth": float(self.growth.value), "threshold": float(self.threshold.value)}

    def _update(self, change=None) -> None:
        if self._quiet:
            return
        start = time.perf_counter()
        p = self._params()
        a = self.assumptions
        n = model.check_partners(p["partners"])
        table = model.attention_table(self.grid, capacity=p["capacity"], growth=p["growth"],
                                      assumptions=a)
        limits = {m: model.most_partners(m, capacity=p["capacity"], growth=p["growth"],
                                         threshold=p["threshold"], assumptions=a)
                  for m in model.MODELS}
        here = {m: model.attention(n, m, capacity=p["capacity"], growth=p["growth"], assumptions=a)
                for m in model.MODELS}
        self.table, self.limits, self.here = table, limits, here
        self._draw(table, n, p["threshold"])
        words = describe(table, n, p["threshold"], limits)  # one place: alt text and paragraph
        self.image.value = figure_html(self.png, words, css_class="seminar-attention-plot",
                                       caption=False, min_width=FIGURE_MIN_WIDTH)
        self.description.value = (
            '<p class="seminar-attention-description" role="note" aria-live="polite">'
            f"<b>What the figure shows:</b> {escape(words)}</p>")
        enough = {m: (here[m] == here[m] and here[m] >= p["threshold"]) for m in model.MODELS}
        verdict = {True: "enough for a love", False: "not enough for a love"}

        def cell(m):
            if here[m] != here[m]:  # NaN: exclusive love beyond one partner
                return "no second partner (not defined)"
            return f"<b>{escape(_fmt(here[m]))}</b> ({verdict[enough[m]]})"

        self.numbers.value = (
            '<div class="seminar-attention-numbers" aria-live="polite">'
            f"With <b>{n:,}</b> partner{'' if n == 1 else 's'} and a capacity of "
            f"<b>{escape(_attention_words(p['capacity']))}</b>, each partner receives: "
            f"box {cell('box')}; heart at growth {escape(plain_number(p['growth']))} {cell('heart')}; "
            f"exclusive {cell('exclusive')}.<br>"
            f"If a love needs at least <b>{escape(_fmt(p['threshold']))}</b>, this heart has room "
            f"for: box <b>{escape(_partners_word(limits['box']))}</b>, heart "
            f"<b>{escape(_partners_word(limits['heart']))}</b>, exclusive "
            f"<b>{escape(_partners_word(limits['exclusive']))}</b>.</div>")
        self._sync_buttons(n)
        self.status.value = ""
        self.last_redraw_seconds = time.perf_counter() - start

    def _sync_buttons(self, n: int) -> None:
        """Select the jump and preset buttons that match the sliders (or none)."""
        quiet, self._quiet = self._quiet, True
        try:
            self.jumps.value = n if n in model.marks(self.assumptions) else None
            cap = self.capacity.value
            match = [k for k, attr in _PRESETS.items()
                     if math.isclose(cap, getattr(self.assumptions, attr), rel_tol=1e-6)]
            self.presets.value = match[0] if match else None
        finally:
            self._quiet = quiet

    def _draw(self, table, chosen: int, threshold: float) -> None:
        x = table.index.to_numpy(dtype=float)
        box, heart = table.box.to_numpy(), table.heart.to_numpy()
        cap = table.attrs["capacity"]
        self.line_box.set_data(x, box)
        self.line_heart.set_data(x, heart)
        self.point_exclusive.set_data([1.0], [cap])
        self.line_threshold.set_ydata([threshold, threshold])
        self.line_chosen.set_xdata([chosen, chosen])
        low = min(box.min(), heart.min(), threshold) / 4
        high = max(cap, threshold) * 6
        self.ax.set_ylim(low, high)
        self.below.set_y(low)
        self.below.set_height(threshold - low)
        self.ax.set_yticks(*_y_ticks(low, high))
        self.ax.minorticks_off()
        self.title.set_text(f"capacity {_fmt(cap)} · growth {plain_number(table.attrs['growth'])} · "
                            f"{chosen:,} partners chosen")
        self.png = png_of(self.fig)  # shown, with its alt text, by _update

    def _on_jump(self, change=None) -> None:
        if self._quiet or self.jumps.value is None:
            return
        self.apply(partners=self.jumps.value)

    def _on_preset(self, change=None) -> None:
        if self._quiet or self.presets.value is None:
            return
        self.apply(capacity=getattr(self.assumptions, _PRESETS[self.presets.value]))

    def _apply(self, **params) -> None:
        """Set any of partners, capacity, growth, threshold (checked first; all or nothing)."""
        known = {"partners", "capacity", "growth", "threshold"}
        unknown = set(params) - known
        if unknown:
            raise ValueError(f"Unknown setting(s): {', '.join(sorted(map(str, unknown)))}; "
                             f"known: {', '.join(sorted(known))}.")
        # The model's checks first, then the sliders' own ranges; set nothing on error.
        if "partners" in params:
            n = model.check_partners(params["partners"])
            if not isinstance(n, int):
                raise ValueError("partners must be one whole number here, not a sequence.")
            model.check_whole("partners", n, 1, HIGH)
        for name, w in (("capacity", self.capacity), ("threshold", self.threshold)):
            if name in params:
                model.check_number(name, params[name], w.min, w.max)
        if "growth" in params:
            model.check_number("growth", params["growth"], 0, 1)
        self._quiet = True
        try:
            for name, w in (("partners", self.partners), ("capacity", self.capacity),
                            ("growth", self.growth), ("threshold", self.threshold)):
                if name in params:
                    w.value = float(params[name])
        finally:
            self._quiet = False
        self._update()


def attention_app(**kwargs) -> AttentionView:
    """Build the app; keyword arguments as for :class:`AttentionView` and :meth:`AttentionView.apply`."""
    return AttentionView(**kwargs)
