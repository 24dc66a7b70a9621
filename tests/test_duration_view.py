"""The duration app driven from Python: widgets update the numbers, the plot and its
description; bad values become messages, never exceptions; the wait runs only when asked."""
import math
import time

import pytest

from seminar.models import duration as model
from seminar.text import escape
from seminar.views.controls import Slider
from seminar.views.duration import (QUOTE, STYLE, DurationView, _clock_ticks, _speed_ticks,
                                    describe, duration_app)

PNG = b"\x89PNG"


@pytest.fixture
def app():
    view = duration_app(wait_seconds=0.3)
    yield view
    view.stop_wait()


def test_first_draw_shows_the_calibration(app):
    assert app.png.startswith(PNG)
    assert "2.27 million" in app.numbers.value and "10.5 days" in app.numbers.value
    assert "544 years" in app.numbers.value and "273" in app.numbers.value
    assert "never within the film" in app.numbers.value
    assert app.status.value == ""
    assert app.rate.disabled  # constant growth: the rate does not apply
    assert "What the figure shows" in app.plot.value
    assert "Samantha&#x27;s clock (orange dashed line) reaches 544 years" in app.plot.value


def test_moving_the_ratio_slider_changes_plot_numbers_and_description(app):
    before_img, before_num, before_desc = app.png, app.numbers.value, app.words
    app.ratio.value = 1e8
    assert app.png != before_img and app.png.startswith(PNG)
    assert app.numbers.value != before_num and "100 million" in app.numbers.value
    assert app.words != before_desc and escape(app.words) in app.plot.value
    assert app.ratio.readout == "100 million"  # what a screen reader says, in words
    assert "at minute 0.0" in app.numbers.value  # 1e8 is already past the one-year threshold
    assert app.crossing == 0.0


def test_growth_and_threshold_report_the_crossing(app):
    app.growth.value = "exponential"
    assert not app.rate.disabled
    app.rate.value = 0.03
    expected = model.threshold_minute(model.ratio_for_gap(app.threshold.value), growth="exponential",
                                      rate=0.03)
    assert app.crossing == pytest.approx(expected)
    assert f"at minute {expected:.1f}" in app.numbers.value
    assert f"passed at minute {expected:.1f}" in app.words
    assert app.cross_lines[0].get_visible()
    app.threshold.value = 1e13  # a pause of ~300,000 years: never reached
    assert app.crossing is None and "never within the film" in app.numbers.value
    assert not app.cross_lines[0].get_visible()
    app.growth.value = "logistic"
    assert "S-curve" in app.words


def test_the_central_assumption_is_shown(app):
    shown = " ".join(w.value for w in app.widget.children if hasattr(w, "value") and isinstance(w.value, str))
    assert "central assumption" in shown and "reads" in shown and "lives" in shown
    assert "What else could measure" in shown
    assert "reading speed, taken as living speed" in app.numbers.value


def test_the_lower_panel_is_her_speed_with_the_threshold(app):
    app.apply(growth="exponential", rate=0.03)
    ydata = app.line_speed.get_ydata()
    assert ydata[0] == pytest.approx(model.speed_ratio()) and ydata[-1] > ydata[0]
    level = model.ratio_for_gap(app.threshold.value)
    assert app.line_level.get_ydata()[0] == pytest.approx(level)
    assert "her speed as a multiple of his" in app.words


def test_conversations_change_attention(app):
    app.conversations.value = 641
    assert "Each of 641 conversations gets <b>3,540</b>" in app.numbers.value
    assert app.table.attention.iloc[0] == pytest.approx(model.speed_ratio() / 641)


def test_sentence_is_typeset_with_gaps_in_her_time(app):
    html = app.typeset.value
    assert app.sentence.value == QUOTE
    assert html.count("\u203910.5 days\u203a") == len(QUOTE.split()) - 1
    assert "What sucks about Her" in html
    app.minute.value = 126
    app.growth.value = "exponential"
    app.rate.value = 0.03
    later = model.format_duration(model.her_gap_seconds(ratio=model.speed_at(126, growth="exponential",
                                                                             rate=0.03)))
    assert f"\u2039{later}\u203a" in app.typeset.value


@pytest.mark.parametrize("text", ["<script>alert(1)</script> hello", "مرحبا بالعالم 😀 🌍",
                                  "<img src=x onerror=alert(1)>"])
def test_typed_sentences_are_escaped(app, text):
    app.sentence.value = text
    assert "<script>" not in app.typeset.value and "<img" not in app.typeset.value
    assert "(your sentence)" in app.typeset.value
    assert app.sentence_status.value == ""


@pytest.mark.parametrize("text, words", [("", "empty"), ("   ", "empty"), ("word " * 200_000, "limit")])
def test_bad_sentences_give_a_message(app, text, words):
    before = app.typeset.value
    app.sentence.value = text
    assert words in app.sentence_status.value and "seminar-msg-error" in app.sentence_status.value
    assert app.typeset.value == before  # the last good sentence stays


def test_long_sentence_is_cut_to_forty_words(app):
    app.sentence.value = "word " * 90
    assert "and 50 more words" in app.typeset.value


@pytest.mark.parametrize("params, text", [
    ({"ratio": math.nan}, "ratio must"), ({"ratio": -5}, "ratio must"), ({"ratio": 0}, "ratio must"),
    ({"ratio": "fast"}, "ratio must"), ({"ratio": True}, "ratio must"), ({"ratio": 1e13}, "ratio must"),
    ({"growth": "linear"}, "growth must"), ({"growth": None}, "growth must"),
    ({"rate": -0.1}, "rate must"), ({"rate": math.inf}, "rate must"),
    ({"conversations": 0}, "conversations must"), ({"conversations": 2.5}, "conversations must"),
    ({"conversations": 10**9}, "conversations must"),
    ({"threshold_seconds": math.nan}, "threshold_seconds must"), ({"minute": 500}, "minute must"),
    ({"sentence": "<b>" + "x" * 1000}, "limit"), ({"colour": "red"}, "Unknown setting"),
])
def test_bad_values_give_a_message_and_change_nothing(app, params, text):
    before = (app.ratio.value, app.growth.value, app.rate.value, app.conversations.value,
              app.threshold.value, app.minute.value, app.sentence.value, app.png)
    app.apply(**params)  # must not raise
    assert text in app.status.value and "seminar-msg-error" in app.status.value
    after = (app.ratio.value, app.growth.value, app.rate.value, app.conversations.value,
             app.threshold.value, app.minute.value, app.sentence.value, app.png)
    assert after == before
    app.apply(ratio=3e6)  # a good value clears the message
    assert app.status.value == "" and "3 million" in app.numbers.value


def test_html_in_a_bad_value_is_escaped_in_the_message(app):
    app.apply(ratio="<script>alert(1)</script>")
    assert "ratio must" in app.status.value
    assert "<script>" not in app.status.value and "&lt;script&gt;" in app.status.value


def test_apply_sets_several_values_with_one_redraw(app):
    app.apply(ratio=1e7, growth="Exponential", rate=0.02, conversations=641, minute=60,
              threshold_seconds=86400 * 365.25 * 10)
    assert (app.ratio.value, app.growth.value, app.rate.value, app.conversations.value) == (
        pytest.approx(1e7, rel=0.03), "exponential", 0.02, 641)
    assert app.table.attrs["growth"] == "exponential" and app.table.attrs["conversations"] == 641
    assert "10 years for her" in app.threshold.readout


def test_constructor_settings_and_bad_constructor_values():
    good = duration_app(ratio=1e9, wait_seconds=1)
    assert "1 billion" in good.numbers.value
    bad = duration_app(ratio="x")
    assert "ratio must" in bad.status.value and "2.27 million" in bad.numbers.value
    worse = DurationView(wait_seconds=-3)
    assert "wait_seconds must" in worse.status.value and worse.wait_seconds == 30.0
    assert worse.png.startswith(PNG)


def test_an_unexpected_error_becomes_a_message(app, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(model, "simulate", boom)
    app.ratio.value = 5e6  # must not raise
    assert "Something went wrong" in app.status.value and "disk on fire" in app.status.value


def test_the_wait_runs_only_when_clicked_and_reports_her_time():
    view = duration_app(wait_seconds=0.5)
    assert view.wait_progress.value == 0 and view._thread is None
    start = time.monotonic()
    view.wait_button.click()
    assert time.monotonic() - start < 0.3  # clicking does not block the kernel
    assert view.wait_button.disabled
    view._thread.join(5)
    assert view.wait_progress.value == pytest.approx(100)
    assert "The sugar has melted" in view.wait_text.value
    assert "You waited 0.5 seconds" in view.wait_text.value
    assert "Samantha lived 13.1 days" in view.wait_text.value  # 0.5 s x 2.27 million
    assert "of computing" in view.wait_text.value
    assert not view.wait_button.disabled and view.wait_progress.bar_style == "success"


def test_the_wait_can_be_stopped():
    view = duration_app(wait_seconds=60)
    view.wait_button.click()
    view.wait_button.click()  # a second click while waiting is ignored
    time.sleep(0.3)
    view.stop_wait()
    assert not view._thread.is_alive()
    assert "Stopped" in view.wait_text.value and view.wait_progress.value < 10


def test_palette_is_okabe_ito_with_distinct_line_styles():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}
    assert {s["color"] for s in STYLE.values()} <= okabe_ito
    assert len({s["linestyle"] for s in STYLE.values()}) == len(STYLE)


def test_describe_says_never_and_from_the_start():
    table = model.simulate(steps=5)
    assert "not reached" in describe(table, 1e9, None, 1e8)
    assert "from the first minute" in describe(table, 1e6, 0.0, 1e5)


def test_figure_is_reused(app):
    fig = app.fig
    for value in (1e5, 1e7, 1e9):
        app.ratio.value = value
    assert app.fig is fig and len(app.fig.axes) == 2
    assert len(app.ax_clock.lines) == 3 and len(app.ax_speed.lines) == 3


def test_axis_ticks_read_as_words():
    values, labels = _speed_ticks(2e5, 1e10)
    assert labels[0] == "1 million" and "1 billion" in labels and len(values) <= 5
    assert all(v > 0 for v in values)
    values, labels = _clock_ticks(10, 1e11)
    assert "1 minute" in labels and "1 year" in labels and len(labels) <= 7


def test_plot_is_an_image_with_its_description_as_alt_text(app):
    html = app.plot.value
    assert '<img class="seminar-duration-plot"' in html and "data:image/png;base64," in html
    assert f'alt="{escape(app.words)}"' in html and "<figcaption>" in html
    assert "min-width:560px" in html and 'role="region"' in html and 'tabindex="0"' in html
    app.apply(growth="exponential", rate=0.03)
    assert f'alt="{escape(app.words)}"' in app.plot.value and "passed at minute" in app.words


def test_every_slider_is_named_and_reads_in_plain_words(app):
    sliders = [app.ratio, app.rate, app.conversations, app.threshold, app.minute]
    assert all(isinstance(s, Slider) and s.description.strip() for s in sliders)
    assert app.ratio.scale == "log" and app.ratio.readout == "2.27 million"
    assert app.threshold.scale == "log" and app.threshold.readout.startswith("1 year for her")
    assert app.rate.readout == "0.030 per minute" and app.conversations.readout == "8,316"
    app.conversations.value = 12_345.4
    assert app.conversations.value == 12_345 and app.conversations.readout == "12,345"
    for s in sliders:
        assert "e+" not in s.readout and "e-" not in s.readout


def test_nothing_is_wider_than_the_column(app):
    def walk(w):
        yield w
        for child in getattr(w, "children", ()):
            yield from walk(child)
    widths = [str(w.layout.width) for w in walk(app.widget) if getattr(w, "layout", None)
              and w.layout.width]
    assert widths and not [x for x in widths if x.endswith("px")], widths
    assert app.fig.get_size_inches()[0] * app.fig.dpi <= 760
    for ax in app.fig.axes:  # >= 10 px when the 760 px picture is shown 560 px wide
        for label in ax.get_yticklabels() + ax.get_xticklabels() + [ax.yaxis.label, ax.xaxis.label]:
            assert label.get_fontsize() * 100 / 72 * 560 / 760 >= 10, label.get_text()
