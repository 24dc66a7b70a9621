"""The temporal-disparity app: sliders over :mod:`seminar.models.duration`, one reused figure.

In a notebook::

    from seminar.views.duration import duration_app
    app = duration_app()
    app

Every widget is an attribute (``app.ratio``, ``app.growth``, ``app.rate``,
``app.conversations``, ``app.threshold``, ``app.minute``, ``app.sentence``,
``app.wait_button``, ...) so tests can drive it from Python. ``app.apply(...)`` sets
parameters after checking them with the model; a bad value becomes a message.
The "wait for the sugar to melt" timer runs in a background thread, only when clicked.
"""
from __future__ import annotations

import math
import threading
import time

import ipywidgets as widgets
import matplotlib

from seminar.models import duration as model
from seminar.text import escape
from seminar.views.common import (FIGURE_FONT, App, figure_html, guarded, message_html, png_of,
                                  status_box)
from seminar.views.controls import Slider

from matplotlib.figure import Figure  # draws without pyplot: students' inline plots are untouched

#: Okabe-Ito colours (safe for the common colour-vision deficiencies), each with its own line style.
STYLE = {
    "theodore": {"color": "#0072B2", "linestyle": "-", "label": "Theodore's clock"},
    "samantha": {"color": "#D55E00", "linestyle": "--", "label": "Samantha's clock"},
    "speed": {"color": "#009E73", "linestyle": "-.", "label": "her speed (x his)"},
    "threshold": {"color": "#000000", "linestyle": (0, (1.5, 1.5)), "label": "threshold"},
}

#: Theodore's line as seed 001 quotes it (seed 004 quotes a different wording).
QUOTE = "Sometimes I think I have felt everything I\u2019m ever going to feel."
QUOTE_CITE = ("Theodore, as quoted in \u201cWhat sucks about Her, and what doesn\u2019t\u201d "
              "(personal WordPress blog)")
SUGAR = ("If I want to mix a glass of sugar and water, I must, willy-nilly, wait until the "
         "sugar melts. This little fact is big with meaning.")
SUGAR_CITE = "Henri Bergson, Creative Evolution (1907), translated by Arthur Mitchell (1911)"

_YEAR = model.SECONDS_PER_YEAR
_TICKS = [(1.0, "1 second"), (60.0, "1 minute"), (3600.0, "1 hour"), (86400.0, "1 day"),
          (_YEAR, "1 year")] + [(_YEAR * 10.0 ** k, f"{model.format_number(10.0 ** k)} years")
                                for k in range(2, 100, 2)]


def _clock_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    chosen = [(v, t) for v, t in _TICKS if low <= v <= high]
    while len(chosen) > 7:
        chosen = chosen[::2]
    return [v for v, _ in chosen], [t for _, t in chosen]


def _speed_ticks(low: float, high: float) -> tuple[list[float], list[str]]:
    """Ticks at powers of ten, labelled "1,000", "1 million", ..."""
    bottom, top = math.ceil(math.log10(low)), math.floor(math.log10(high))
    powers = list(range(bottom, top + 1)) or [bottom]
    while len(powers) > 5:
        powers = powers[::2]
    return [10.0 ** p for p in powers], [model.format_number(10.0 ** p) for p in powers]


def describe(table, threshold_ratio: float, crossing: float | None, threshold_gap: float) -> str:
    """Say in words what the figure shows (for screen readers, and for everyone)."""
    a = table.attrs
    first, last = table.iloc[0], table.iloc[-1]
    span = model.format_duration(a["minutes"] * 60)
    growth = {
        "constant": f"stays at {model.format_number(first.speed_ratio)} times his",
        "exponential": (f"grows exponentially at {a['rate']:g} per minute, from "
                        f"{model.format_number(first.speed_ratio)} to "
                        f"{model.format_number(last.speed_ratio)} times his"),
        "logistic": (f"grows along an S-curve at {a['rate']:g} per minute towards a ceiling of "
                     f"{model.format_number(a['ceiling'])}, from "
                     f"{model.format_number(first.speed_ratio)} to "
                     f"{model.format_number(last.speed_ratio)} times his"),
    }[a["growth"]]
    if crossing is None:
        passed = "is not reached within the span shown"
    elif crossing == 0:
        passed = "is passed from the first minute"
    else:
        passed = f"is passed at minute {crossing:.1f}, marked by a dotted vertical line"
    return (
        f"Figure with two panels over {span} of wall-clock time (minutes across). "
        f"Top panel, subjective time elapsed on a logarithmic scale: Theodore's clock "
        f"(blue solid line) reaches {model.format_duration(last.theodore_seconds)}; "
        f"Samantha's clock (orange dashed line) reaches "
        f"{model.format_duration(last.samantha_seconds)}. Her speed {growth}. "
        f"Bottom panel, her speed as a multiple of his (green dash-dot line, logarithmic "
        f"scale): it goes from {model.format_number(first.speed_ratio)} to "
        f"{model.format_number(last.speed_ratio)}. The threshold (black dotted "
        f"line: a pause between his words lasting {model.format_duration(threshold_gap)} for "
        f"her, a speed ratio of {model.format_number(threshold_ratio)}) {passed}."
    )


#: Narrowest the plot is shown: its text stays >= 10 px (FIGURE_FONT); a narrower column
#: scrolls the picture sideways inside a region the keyboard can reach, never shrinks it.
PLOT_MIN_PX = 560


def plot_html(png: bytes, words: str) -> str:
    """The plot as an <img> with ``words`` as alt text, in a sideways scroller, then a caption."""
    img = figure_html(png, words, css_class="seminar-duration-plot", caption=False)
    sized = img.replace("height:auto", f"height:auto;min-width:{PLOT_MIN_PX}px")
    if sized == img:
        raise RuntimeError("figure_html's style changed: set the plot's min-width another way")
    return ('<figure class="seminar-duration-plot-figure" style="margin:0;max-width:100%">'
            '<div role="region" aria-label="The plot (scrolls sideways in a narrow column)" '
            # width 0 + min-width 100%: the wide picture never widens the column around it
            'tabindex="0" data-scrolls="yes" style="overflow-x:auto;width:0;min-width:100%">'
            f"{sized}</div><figcaption><b>What the figure shows:</b> {escape(words)}"
            "</figcaption></figure>")


class DurationView(App):
    """The app. Build it with :func:`duration_app`; display it as the last line of a cell."""

    def __init__(self, *, calibration: model.Calibration | None = None, wait_seconds: float = 30.0,
                 steps: int = 300, **initial):
        self.status = status_box()
        self.calibration, self.wait_seconds, self.steps = model.CALIBRATION, 30.0, 300
        try:  # a bad setting becomes a message and its default, never a traceback
            if calibration is not None and not isinstance(calibration, model.Calibration):
                raise ValueError(f"calibration must be a Calibration; got {type(calibration).__name__}.")
            self.calibration = calibration or model.CALIBRATION
            self.wait_seconds = model.check_number("wait_seconds", wait_seconds, 0.01, 600)
            self.steps = model.check_whole("steps", steps, 2, 100_000)
        except ValueError as exc:
            self.status.value = message_html(f"{exc} Using the default instead.", "error")
        cal = self.calibration
        # Accessible sliders (seminar.views.controls): a tied label, the value in words for a
        # screen reader ("2.27 million", never an exponent), the keyboard, and they wrap.
        # Not continuous: a redraw takes a moment, so the plot follows on release.
        self.ratio = Slider(model.speed_ratio(cal), min=1, max=1e12, step=0.01, scale="log",
                            description="Her speed (x his), start", continuous_update=False)
        self.growth = widgets.ToggleButtons(options=list(model.GROWTH_KINDS), value="constant",
                                            description="Growth",
                                            tooltips=["the same speed all film",
                                                      "her speed multiplies at a steady rate",
                                                      "her speed grows, then levels off"],
                                            style={"description_width": "initial",
                                                   "button_width": "auto"},
                                            layout=widgets.Layout(width="auto", max_width="760px",
                                                                  flex_flow="row wrap"))
        self.rate = Slider(0.03, min=0.0, max=0.2, step=0.001, disabled=True,
                           description="Growth rate (per minute)", continuous_update=False,
                           readout=lambda v: f"{v:.3f} per minute")
        self.conversations = Slider(cal.conversations, min=1, max=20_000, step=1, integer=True,
                                    description="Conversations at once", continuous_update=False)
        self.threshold = Slider(_YEAR, min=1e3, max=1e14, step=0.05, scale="log",
                                description="Threshold: a pause lasts", continuous_update=False,
                                readout=self._threshold_words)
        self.minute = Slider(0, min=0, max=cal.film_minutes, step=1, integer=True,
                             description="He speaks at minute", continuous_update=False)
        self.sentence = widgets.Text(value=QUOTE, description="Sentence",
                                     style={"description_width": "initial"},
                                     layout=widgets.Layout(width="auto", max_width="760px"))
        self.numbers = widgets.HTML()
        # The plot: an <img> with the figure's description as its alt text and as its caption.
        self.plot = widgets.HTML(layout=widgets.Layout(width="auto", max_width="760px"))
        self.png, self.words = b"", ""
        self.typeset = widgets.HTML()
        self.sentence_status = status_box()
        self.wait_button = widgets.Button(
            description=f"Wait for the sugar to melt ({self.wait_seconds:g} s)",
            icon="hourglass-start", layout=widgets.Layout(width="auto", max_width="100%"),
            tooltip="Starts a real wait; the rest of the notebook stays usable")
        self.wait_progress = widgets.FloatProgress(value=0.0, min=0.0, max=100.0,
                                                   description="Sugar", bar_style="info",
                                                   layout=widgets.Layout(width="auto",
                                                                         max_width="100%"))
        self.wait_text = widgets.HTML()
        self.last_redraw_seconds = self.last_model_seconds = float("nan")
        self._quiet = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._figure()

        self.update = guarded(self.status)(self._update)
        self.retypeset = guarded(self.sentence_status)(self._typeset)
        self.apply = guarded(self.status)(self._apply)
        self.start_wait = guarded(self.status)(self._start_wait)
        for w in (self.ratio, self.growth, self.rate, self.conversations, self.threshold):
            w.observe(self.update, names="value")
        for w in (self.minute, self.sentence):
            w.observe(self.retypeset, names="value")
        self.wait_button.on_click(self.start_wait)

        self.widget = widgets.VBox([
            widgets.HTML("<h3>Two clocks: Theodore's and Samantha's</h3>"
                         '<p class="seminar-duration-assumption" role="note" '
                         'style="border-left:4px solid #D55E00;padding:2px 8px">'
                         f"<b>The model's central assumption.</b> {escape(model.CENTRAL_ASSUMPTION)} "
                         "Every number below inherits it. What else could measure how fast "
                         "she lives?</p>"),
            self.ratio, self.growth, self.rate, self.conversations, self.threshold,
            self.status, self.numbers, self.plot,
            widgets.HTML("<h4>A sentence, in her time</h4>"),
            self.minute, self.sentence, self.sentence_status, self.typeset,
            widgets.HTML("<h4>Wait for the sugar to melt</h4>"),
            widgets.HTML(f"<blockquote>{escape(SUGAR)}<br><small>{escape(SUGAR_CITE)}"
                         "</small></blockquote>"),
            widgets.HBox([self.wait_button, self.wait_progress],
                         layout=widgets.Layout(flex_flow="row wrap", max_width="100%")),
            self.wait_text,
        ], layout=widgets.Layout(width="100%", max_width="780px"))
        self.widget.add_class("seminar-duration-app")
        self.wait_progress.add_class("seminar-duration-wait")
        self.first_draw(initial)

    # -- display --------------------------------------------------------------------
    def _threshold_words(self, gap: float) -> str:
        level = model.ratio_for_gap(gap, self.calibration)
        return f"{model.format_duration(gap)} for her (speed ratio {model.format_number(level)})"

    def _figure(self) -> None:
        # Drawn 760 px wide with FIGURE_FONT: its text stays >= 10 px when the column shrinks it.
        with matplotlib.rc_context(FIGURE_FONT):
            self._build_figure()

    def _build_figure(self) -> None:
        # Fixed margins, not a layout engine: the engine would cost a second draw per update.
        self.fig = Figure(figsize=(7.6, 5.2), dpi=100)
        self.fig.subplots_adjust(left=0.21, right=0.97, top=0.92, bottom=0.1, hspace=0.08)
        self.ax_clock, self.ax_speed = self.fig.subplots(
            2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
        (self.line_his,) = self.ax_clock.plot([], [], lw=2.2, **STYLE["theodore"])
        (self.line_hers,) = self.ax_clock.plot([], [], lw=2.2, **STYLE["samantha"])
        (self.line_speed,) = self.ax_speed.plot([], [], lw=2.2, **STYLE["speed"])
        self.line_level = self.ax_speed.axhline(1.0, lw=2.0, **STYLE["threshold"])
        self.cross_lines = [ax.axvline(0.0, lw=2.0, color="#000000", linestyle=(0, (1.5, 1.5)),
                                       visible=False)
                            for ax in (self.ax_clock, self.ax_speed)]
        self.ax_clock.set_yscale("log")
        self.ax_speed.set_yscale("log")
        self.ax_clock.set_ylabel("subjective time elapsed")
        self.ax_speed.set_ylabel("her speed (x his)")
        self.ax_speed.set_xlabel("wall-clock time (film minutes)")
        # One legend above both panels, where no line can run through it.
        self.fig.legend(handles=[self.line_his, self.line_hers, self.line_speed, self.line_level],
                        loc="upper center", ncols=4, frameon=False, handlelength=2.5,
                        columnspacing=1.2, fontsize=FIGURE_FONT["legend.fontsize"])
        for ax in (self.ax_clock, self.ax_speed):
            ax.grid(True, which="major", color="#dddddd", lw=0.6)
            # ticks are re-created on every redraw: fix their size here, not only in rcParams
            ax.tick_params(labelsize=FIGURE_FONT["ytick.labelsize"])

    # -- callbacks (wrapped by guarded in __init__) -----------------------------------
    def _params(self) -> dict:
        return {"ratio": self.ratio.value, "growth": self.growth.value, "rate": self.rate.value,
                "conversations": int(self.conversations.value)}

    def _update(self, change=None) -> None:
        if self._quiet:
            return
        start = time.perf_counter()
        p = self._params()
        self.rate.disabled = p["growth"] == "constant"
        table = model.simulate(**p, steps=self.steps, calibration=self.calibration)
        gap = self.threshold.value
        level = model.ratio_for_gap(gap, self.calibration)
        crossing = model.threshold_minute(level, p["ratio"], growth=p["growth"], rate=p["rate"],
                                          calibration=self.calibration)
        self.last_model_seconds = time.perf_counter() - start
        self.table, self.crossing = table, crossing
        self._draw(table, level, crossing)
        first, last = table.iloc[0], table.iloc[-1]
        passed = ("never within the film" if crossing is None else f"at minute {crossing:.1f}")
        self.numbers.value = (
            '<div class="seminar-duration-numbers" aria-live="polite">'
            f"Her speed (reading speed, taken as living speed): "
            f"<b>{model.format_number(first.speed_ratio)}</b> times his at the start, "
            f"<b>{model.format_number(last.speed_ratio)}</b> at the end. "
            f"A pause between two of his words lasts "
            f"<b>{model.format_duration(first.gap_seconds)}</b> for her at the start, "
            f"<b>{model.format_duration(last.gap_seconds)}</b> at the end. "
            f"The film lasts <b>{model.format_duration(last.samantha_seconds)}</b> of her time. "
            f"Each of {p['conversations']:,} conversations gets "
            f"<b>{model.format_number(first.attention)}</b> times a person's full attention at "
            f"the start. Threshold passed: <b>{escape(passed)}</b>.</div>")
        self.status.value = ""
        self.retypeset()
        self.last_redraw_seconds = time.perf_counter() - start

    def _draw(self, table, level: float, crossing: float | None) -> None:
        t = table.index.to_numpy()
        keep = t > 0
        his, hers = table.theodore_seconds.to_numpy(), table.samantha_seconds.to_numpy()
        self.line_his.set_data(t[keep], his[keep])
        self.line_hers.set_data(t[keep], hers[keep])
        speed = table.speed_ratio.to_numpy()
        self.line_speed.set_data(t, speed)
        self.line_level.set_ydata([level, level])
        low, high = max(his[keep].min() / 2, 0.5), hers.max() * 3
        self.ax_clock.set_ylim(low, high)
        ticks, labels = _clock_ticks(low, high)
        self.ax_clock.set_yticks(ticks, labels)
        self.ax_clock.minorticks_off()
        self.ax_speed.minorticks_off()
        low, high = min(speed.min(), level) / 5, max(speed.max(), level) * 5
        self.ax_speed.set_ylim(low, high)
        self.ax_speed.set_yticks(*_speed_ticks(low, high))  # plain text: no mathtext to parse
        self.ax_speed.set_xlim(0, t[-1])
        for line in self.cross_lines:
            line.set_visible(crossing is not None)
            if crossing is not None:
                line.set_xdata([crossing, crossing])
        with matplotlib.rc_context(FIGURE_FONT):
            self.png = png_of(self.fig)  # fast compression over small files
        # One place says what the figure shows: the image's alt text and its caption.
        self.words = describe(table, level, crossing, self.threshold.value)
        self.plot.value = plot_html(self.png, self.words)

    def _typeset(self, change=None) -> None:
        if self._quiet:
            return
        p = self._params()
        ratio_now = model.speed_at(self.minute.value, p["ratio"], growth=p["growth"],
                                   rate=p["rate"], calibration=self.calibration)
        words = model.sentence_gaps(self.sentence.value, ratio_now, self.calibration)
        shown = words.head(40)
        gap = model.format_duration(words.her_seconds_after.iloc[0]) if len(words) > 1 else ""
        parts = []
        for word, after in zip(shown.word, shown.her_seconds_after):
            parts.append('<span class="seminar-duration-word" style="font-size:1.15em">'
                         f"{escape(word)}</span>")
            if after == after:  # not NaN: a pause follows
                parts.append('<span class="seminar-duration-gap" style="color:#D55E00;'
                             f'font-size:0.8em;padding:0 0.4em">\u2039{escape(gap)}\u203a</span>')
        if len(words) > len(shown):
            parts.append(f"<i>\u2026 and {len(words) - len(shown)} more words</i>")
        cite = (f"<br><small>{escape(QUOTE_CITE)}</small>" if self.sentence.value.strip() == QUOTE
                else "<br><small>(your sentence)</small>")
        one = model.word_gap_seconds(self.calibration)
        spoken, total = (len(words) - 1) * one, words.her_seconds_after.sum()
        self.typeset.value = (
            '<div class="seminar-duration-sentence" style="line-height:2">'
            f'{" ".join(parts)}{cite}<br>'
            f"Spoken at minute {self.minute.value:.0f} at {self.calibration.speech_wpm:g} words a "
            f"minute: {len(words) - 1} pauses of {model.format_duration(one)} each, "
            f"{model.format_duration(spoken)} in all for him; "
            f"for her each pause lasts {escape(gap or 'nothing (one word, no pause)')}, "
            f"{model.format_duration(total)} in all.</div>")
        self.sentence_status.value = ""

    def _apply(self, **params) -> None:
        """Set any of ratio, growth, rate, conversations, threshold_seconds, minute, sentence."""
        known = {"ratio", "growth", "rate", "conversations", "threshold_seconds", "minute", "sentence"}
        unknown = set(params) - known
        if unknown:
            raise ValueError(f"Unknown setting(s): {', '.join(sorted(map(str, unknown)))}; "
                             f"known: {', '.join(sorted(known))}.")
        p = {**self._params(), **{k: v for k, v in params.items() if k in self._params()}}
        # Check everything first (the sliders' own ranges, then the model's), set nothing on error.
        if "ratio" in params:
            model.check_number("ratio", params["ratio"], 1, 1e12)
        if "rate" in params:
            model.check_number("rate", params["rate"], 0, self.rate.max)
        if "conversations" in params:
            model.check_whole("conversations", params["conversations"], 1,
                              int(self.conversations.max))
        model.simulate(**p, steps=2, calibration=self.calibration)  # checks the combination
        if "threshold_seconds" in params:
            model.check_number("threshold_seconds", params["threshold_seconds"], 1e3, 1e14)
        if "minute" in params:
            model.check_number("minute", params["minute"], 0, self.calibration.film_minutes)
        if "sentence" in params:
            model.sentence_gaps(params["sentence"], calibration=self.calibration)
        self._quiet = True
        try:
            for name, w in (("growth", self.growth), ("rate", self.rate),
                            ("conversations", self.conversations), ("ratio", self.ratio),
                            ("threshold_seconds", self.threshold), ("minute", self.minute),
                            ("sentence", self.sentence)):
                if name in params:
                    w.value = params[name].strip().lower() if name == "growth" else params[name]
        finally:
            self._quiet = False
        self._update()

    # -- the wait ---------------------------------------------------------------------
    def _start_wait(self, _button=None) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self.wait_button.disabled = True
        self.wait_progress.value = 0.0
        self.wait_progress.bar_style = "info"
        self._thread = threading.Thread(target=self._wait_loop, args=(float(self.ratio.value),),
                                        daemon=True, name="sugar-wait")
        self._thread.start()

    def _wait_loop(self, ratio: float) -> None:
        try:
            start = time.monotonic()
            while True:
                elapsed = min(time.monotonic() - start, self.wait_seconds)
                self.wait_progress.value = 100.0 * elapsed / self.wait_seconds
                self.wait_text.value = (
                    f"<span aria-live='off'>{elapsed:.0f} s of your time so far; for Samantha, "
                    f"{model.format_duration(elapsed * ratio)}.</span>")
                if elapsed >= self.wait_seconds or self._stop.wait(0.25):
                    break
            done = elapsed >= self.wait_seconds
            self.wait_progress.bar_style = "success" if done else "warning"
            self.wait_text.value = (
                f'<div role="status">{"The sugar has melted." if done else "Stopped."} You waited '
                f"{model.format_duration(elapsed, digits=2)}; at {model.format_number(ratio)} times "
                f"your speed, Samantha lived {model.format_duration(elapsed * ratio)} in that time. "
                f"The model behind the plot fast-forwards the whole film, "
                f"{model.format_duration(self.calibration.film_minutes * 60 * ratio)} of her time, "
                f"in {model.format_duration(self.last_model_seconds, digits=2)} of computing."
                "</div>")
        except Exception as exc:  # noqa: BLE001 - a thread must not die with a traceback
            self.wait_text.value = message_html(f"The wait stopped: {exc}", "error")
        finally:
            self.wait_button.disabled = False

    def stop_wait(self, timeout: float = 5.0) -> None:
        """Stop a running wait (tests, or a student who has waited enough)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)


def duration_app(**kwargs) -> DurationView:
    """Build the app; keyword arguments as for :class:`DurationView` and :meth:`DurationView.apply`."""
    return DurationView(**kwargs)
