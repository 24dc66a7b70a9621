"""The one-of-many app driven from Python: sliders and buttons update the numbers, the plot
and its description; bad values become messages, never exceptions, and change nothing."""
import math

import numpy as np
import pytest

from seminar.models import attention as model
from seminar.models import duration
from seminar.views import attention as view_module
from seminar.views.attention import STYLE, AttentionView, attention_app, describe

PNG = b"\x89PNG"
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
             "#000000", "#999999", "#555555"}  # and greys
C = duration.speed_ratio()


@pytest.fixture
def app():
    return attention_app()


def png(app):
    return app.png


def test_first_draw_shows_the_film_and_lesson_03s_numbers(app):
    assert png(app).startswith(PNG)
    assert app.status.value == ""
    assert round(app.partners.value) == 8316 and app.jumps.value == 8316
    assert app.presets.value == "Samantha's heart"
    assert app.capacity.value == pytest.approx(C)
    html = app.numbers.value
    assert "With <b>8,316</b> partners" in html
    assert "capacity of <b>2.27 million people&#x27;s full attention</b>" in html
    assert "box <b>273</b> (enough for a love)" in html
    assert "<b>24,900</b>" in html and "no second partner" in html
    assert "box <b>2.27 million partners</b>" in html and "<b>5.15 trillion partners</b>" in html
    assert "exclusive <b>1 partner</b>" in html
    assert "What the figure shows" in app.description.value
    assert 'role="note"' in app.description.value


def test_plot_lines_are_the_models_numbers(app):
    x, y = app.line_box.get_data()
    assert np.asarray(y) == pytest.approx(C / np.asarray(x))
    x, y = app.line_heart.get_data()
    assert np.asarray(y) == pytest.approx(C * np.asarray(x) ** -0.5)
    assert list(app.point_exclusive.get_data()[0]) == [1.0]
    assert app.ax.get_xscale() == "log" and app.ax.get_yscale() == "log"
    assert list(app.line_chosen.get_xdata()) == [8316, 8316]


def test_moving_the_partners_slider_changes_plot_numbers_and_description(app):
    before = png(app), app.numbers.value, app.description.value
    app.partners.value = 100
    assert png(app) != before[0] and png(app).startswith(PNG)
    assert app.numbers.value != before[1] and "With <b>100</b> partners" in app.numbers.value
    assert model.format_count(C / 100) in app.numbers.value
    assert app.description.value != before[2] and "your choice, 100 partners" in app.description.value
    assert app.jumps.value is None  # 100 is none of the marked counts
    assert list(app.line_chosen.get_xdata()) == [100, 100]


def test_jump_buttons_set_the_exact_counts(app):
    app.jumps.value = 641
    assert app.partners.value == 641.0
    assert "box <b>3,540</b>" in app.numbers.value
    app.jumps.value = 1
    assert "With <b>1</b> partner and" in app.numbers.value
    assert "exclusive <b>2.27 million</b> (enough for a love)" in app.numbers.value


def test_a_persons_heart_has_room_for_one_love(app):
    app.presets.value = "a person's heart"
    assert app.capacity.value == 1.0
    assert "box <b>1 partner</b>, heart <b>1 partner</b>, exclusive <b>1 partner</b>" in app.numbers.value
    assert "(not enough for a love)" in app.numbers.value  # 8,316 partners from a heart of 1
    app.threshold.value = 0.4
    assert "box <b>2 partners</b>, heart <b>6 partners</b>, exclusive <b>1 partner</b>" in app.numbers.value
    assert "room for 2 partners" in app.description.value
    app.capacity.value = 3.0
    assert app.presets.value is None  # neither preset


def test_growth_slider_runs_from_box_to_undivided_heart(app):
    app.growth.value = 0.0
    box = model.format_count(C / 8316)
    assert f"box <b>{box}</b>" in app.numbers.value and f"growth 0 <b>{box}</b>" in app.numbers.value
    assert "lies on top of the box" in app.description.value
    app.growth.value = 1.0
    assert "heart <b>any number of partners</b>" in app.numbers.value
    assert "stays level" in app.description.value
    assert app.limits["heart"] == math.inf


def test_threshold_moves_the_line_and_the_shading(app):
    app.threshold.value = 1000.0
    assert list(app.line_threshold.get_ydata()) == [1000.0, 1000.0]
    assert app.below.get_y() + app.below.get_height() == pytest.approx(1000.0)
    assert app.limits["box"] == math.floor(C / 1000)
    assert "least a love needs, 1,000" in app.description.value


@pytest.mark.parametrize("params, name", [
    ({"capacity": float("nan")}, "capacity"), ({"capacity": 0}, "capacity"),
    ({"capacity": -3}, "capacity"), ({"capacity": True}, "capacity"), ({"capacity": 1e12}, "capacity"),
    ({"growth": 1.5}, "growth"), ({"growth": "half"}, "growth"), ({"growth": float("inf")}, "growth"),
    ({"threshold": 0}, "threshold"), ({"threshold": float("nan")}, "threshold"),
    ({"partners": 0}, "partners"), ({"partners": 2.5}, "partners"), ({"partners": 10**6}, "partners"),
    ({"partners": [1, 2]}, "partners"), ({"partners": "641"}, "partners"), ({"partners": None}, "partners"),
    ({"colour": "red"}, "Unknown setting"),
])
def test_bad_values_become_a_message_and_change_nothing(app, params, name):
    before = (app.partners.value, app.capacity.value, app.growth.value, app.threshold.value,
              app.numbers.value)
    app.apply(**{"partners": 641, **params})  # a good value with the bad one: all or nothing
    assert "seminar-msg-error" in app.status.value and name in app.status.value
    assert (app.partners.value, app.capacity.value, app.growth.value, app.threshold.value,
            app.numbers.value) == before
    app.apply(partners=641)
    assert app.status.value == "" and app.partners.value == 641


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                                  "مرحبا 😀"])
def test_typed_text_in_a_message_is_escaped(app, text):
    app.apply(capacity=text)
    assert "<script>" not in app.status.value and "<img" not in app.status.value
    assert "capacity must be a number" in app.status.value


def test_a_megabyte_of_text_gives_a_short_message(app):
    app.apply(threshold="9" * 1_000_000)
    assert "threshold" in app.status.value and len(app.status.value) < 600


def test_good_apply_sets_every_value_and_clears_the_message(app):
    app.apply(capacity=0)
    assert app.status.value
    app.apply(partners=641, capacity=1, growth=0.5, threshold=0.1)
    assert app.status.value == ""
    assert (app.partners.value, app.capacity.value, app.growth.value, app.threshold.value) == \
        (641.0, 1.0, 0.5, 0.1)
    assert app.jumps.value == 641 and app.presets.value == "a person's heart"
    assert app.limits["box"] == 10 and app.limits["heart"] == 100


def test_bad_constructor_settings_fall_back_with_a_message():
    view = attention_app(points="many")
    assert "points must be a whole number" in view.status.value and view.points == 300
    assert png(view).startswith(PNG)
    view = attention_app(assumptions={"growth": 2})
    assert "assumptions must be an Assumptions" in view.status.value
    view = attention_app(capacity=-1)
    assert "capacity" in view.status.value and view.capacity.value == pytest.approx(C)


def test_initial_settings_and_other_assumptions():
    view = attention_app(partners=641, growth=0.25)
    assert view.status.value == "" and view.partners.value == 641 and view.growth.value == 0.25
    a = model.Assumptions.from_calibration(duration.CALIBRATION, loved=100, growth=0.1)
    view = AttentionView(assumptions=a)
    assert 100 in [v for _, v in view.jumps.options] and view.growth.value == 0.1


def test_an_unexpected_error_is_a_message_not_a_traceback(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(view_module.model, "attention_table", broken)
    app.growth.value = 0.7
    assert "Something went wrong" in app.status.value and "disk on fire" in app.status.value


def test_styles_are_okabe_ito_with_distinct_line_styles():
    for style in STYLE.values():
        assert style["color"].upper() in OKABE_ITO
    drawn = [STYLE[k].get("linestyle") for k in ("box", "heart", "threshold", "chosen")]
    assert len(set(map(str, drawn))) == 4
    assert STYLE["exclusive"]["marker"]


def test_describe_names_every_element():
    t = model.attention_table(model.partner_range(100_000), capacity=1, growth=0.5)
    limits = {k: model.most_partners(k, capacity=1, threshold=0.4) for k in model.MODELS}
    text = describe(t, 2, 0.4, limits)
    for words in ("logarithmic", "blue solid line", "orange dashed line", "green star",
                  "black dotted line", "0.4", "room for 2 partners", "6 partners",
                  "641", "8,316", "your choice, 2 partners", "capacity 1"):
        assert words in text, words


def test_the_plot_is_an_image_whose_alt_text_is_the_description_kept_in_step(app):
    html = app.image.value
    assert '<img class="seminar-attention-plot"' in html and "base64," in html
    # below 560 px it scrolls sideways (a region reachable with Tab) rather than shrink its text
    assert 'data-scrolls="yes" role="region" tabindex="0"' in html and "min-width:560px" in html
    alt = html.split('alt="', 1)[1].split('"', 1)[0]
    assert alt and alt in app.description.value  # the same words, computed once
    assert "your choice, 8,316 partners" in alt
    app.partners.value = 641
    assert "your choice, 641 partners" in app.image.value.split('alt="', 1)[1]
    assert "width:100%" in html  # shrinks with a narrow column, never overflows it


def test_sliders_are_named_and_read_out_in_words(app):
    from seminar.views.controls import Slider
    for w in (app.partners, app.capacity, app.growth, app.threshold):
        assert isinstance(w, Slider) and w.description and "_" not in w.description
    assert (app.partners.scale, app.capacity.scale, app.threshold.scale) == ("log",) * 3
    assert app.partners.readout == "8,316 partners"
    assert app.capacity.readout == "2.27 million people's full attention"
    assert app.threshold.readout == "1 person's full attention"
    app.threshold.value = 1e-3
    assert app.threshold.readout == "0.001 people's full attention"
    app.partners.value = 1
    assert app.partners.readout == "1 partner"
    assert app.growth.readout == "growth 0.5"


def test_tiny_amounts_are_plain_numbers_never_scientific_notation(app):
    app.apply(capacity=0.01, partners=100_000)
    assert app.status.value == ""
    for text in (app.numbers.value, app.description.value, app.image.value.split('alt="')[1]):
        assert "e-0" not in text and "e+" not in text
    assert "0.0000001" in app.numbers.value


def test_figure_text_stays_readable_when_the_plot_shrinks(app):
    # drawn 760 px wide, shown down to 560 px: 10 px needs about 10.3 pt at 100 dpi
    scale = 560 / (app.fig.get_figwidth() * app.fig.dpi)
    texts = [t for t in app.fig.findobj(lambda a: hasattr(a, "get_fontsize") and
                                        hasattr(a, "get_text")) if t.get_text().strip()]
    assert texts
    for t in texts:
        assert t.get_fontsize() * app.fig.dpi / 72 * scale >= 10, (t.get_text(), t.get_fontsize())
