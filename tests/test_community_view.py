"""The loneliness app driven from Python: sliders redraw the plot, the numbers and the
description; bad values become messages, never exceptions; a student's definition works."""
import math

import pytest

from seminar.models import community as model
from seminar.views.community import (STYLE, CommunityView, community_app, describe,
                                     describe_sweep, sweep_chart)

PNG = b"\x89PNG"
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


@pytest.fixture
def app():
    return community_app(people=300)


def _png(app):
    return app.png


def test_first_draw_matches_the_model():
    view = community_app()
    assert _png(view).startswith(PNG)
    expected = model.summary(model.simulate())
    assert f"<b>{100 * expected.lonely_at_exodus:.0f}%</b>" in view.numbers.value
    assert "not more than half the society" in view.numbers.value
    assert "What the figure shows" in view.description.value
    assert "In week 78 every OS leaves at once" in view.description.value
    assert view.status.value == ""
    assert view.table.attrs["people"] == 1000


def test_moving_the_level_slider_changes_plot_numbers_and_description(app):
    before = (_png(app), app.numbers.value, app.description.value)
    app.level.value = 0.9
    assert _png(app) != before[0] and _png(app).startswith(PNG)
    assert app.numbers.value != before[1] and "(more than half the society)" in app.numbers.value
    assert app.description.value != before[2]
    assert "more than half of the society" in app.description.value
    assert app.table.attrs["adoption_level"] == 0.9


@pytest.mark.parametrize("widget, value, attr, expected", [
    ("rate", 0.5, "adoption_rate", 0.5), ("os_time", 0.25, "os_time", 0.25),
    ("people", 400, "people", 400), ("exodus", 40, "exodus", 40), ("seed", 11, "seed", 11),
])
def test_each_slider_reaches_the_model(app, widget, value, attr, expected):
    getattr(app, widget).value = value
    assert app.table.attrs[attr] == expected
    assert app.status.value == ""


def test_the_exodus_line_moves_with_the_slider(app):
    app.exodus.value = 30
    assert list(app.exodus_line.get_xdata()) == [30, 30]
    assert "week 30" in app.exodus_label.get_text()
    assert "In week 30 every OS leaves" in app.description.value


def test_definition_controls_change_the_definition(app):
    app.ties.value = 1
    app.strength.value = 0.3
    app.os_counts.value = False
    assert app.table.attrs["definition"] == ("fewer than 1 human tie of strength 0.3 or more; "
                                             "an OS does not count")
    assert "fewer than 1 human tie of strength 0.3" in app.description.value
    expected = model.simulate(people=300, lonely=model.fewer_than(1, 0.3, False))
    assert app.table.lonely.equals(expected.lonely)


def test_a_students_definition_is_used_and_escaped():
    def mine(strengths, has_os):
        """<b>no</b> tie at all"""
        return (strengths > 0).sum(axis=1) == 0

    view = community_app(lonely=mine, people=200)
    assert view.ties.disabled and view.strength.disabled and view.os_counts.disabled
    assert "&lt;b&gt;no&lt;/b&gt;" in view.definition_note.value and "<b>no</b>" not in view.definition_note.value
    assert "<b>no</b>" not in view.description.value
    view.level.value = 0.8
    assert view.table.attrs["definition"].startswith("mine:")


def test_a_broken_students_definition_becomes_a_message():
    view = community_app(lonely=lambda s, h: s.sum())  # wrong shape
    assert "lonely must return one True/False per person" in view.status.value
    assert "seminar-msg-error" in view.status.value


def test_a_non_function_definition_falls_back_to_the_default():
    view = CommunityView(lonely="alone")
    assert "lonely must be a function" in view.status.value and "Using the default" in view.status.value
    assert _png(view).startswith(PNG) and view.table.attrs["definition"].startswith("fewer than 2")


@pytest.mark.parametrize("params, text", [
    ({"adoption_level": math.nan}, "adoption_level must"), ({"adoption_level": -1}, "adoption_level must"),
    ({"adoption_level": "all"}, "adoption_level must"), ({"adoption_level": True}, "adoption_level must"),
    ({"adoption_rate": 0}, "adoption_rate must"), ({"adoption_rate": 3.0}, "adoption_rate must"),
    ({"os_time": 1.5}, "os_time must"), ({"people": 20}, "people must"),
    ({"people": 20_000}, "people must"), ({"people": 2.5}, "people must"),
    ({"exodus": 0}, "exodus must"), ({"exodus": 500}, "exodus must"), ({"exodus": None}, "exodus must"),
    ({"ties": 0}, "ties must"), ({"ties": 11}, "ties must"), ({"strength": 0}, "strength must"),
    ({"strength": math.inf}, "strength must"), ({"os_counts": "yes"}, "os_counts must"),
    ({"seed": -3}, "seed must"), ({"seed": "<script>alert(1)</script>"}, "seed must"),
    ({"colour": "red"}, "Unknown setting"),
])
def test_bad_values_give_a_message_and_change_nothing(app, params, text):
    widgets = app.controls()
    before = [w.value for w in widgets] + [_png(app)]
    app.apply(**params)  # must not raise
    assert text in app.status.value and "seminar-msg-error" in app.status.value
    assert [w.value for w in widgets] + [_png(app)] == before
    app.apply(adoption_level=0.3)  # a good value clears the message
    assert app.status.value == "" and app.table.attrs["adoption_level"] == 0.3


def test_html_in_a_bad_value_is_escaped_in_the_message(app):
    app.apply(seed="<script>alert(1)</script>")
    assert "<script>" not in app.status.value and "&lt;script&gt;" in app.status.value


def test_apply_sets_several_values_with_one_redraw(app):
    calls = []
    original = model.simulate
    try:
        model.simulate = lambda **kw: calls.append(kw) or original(**kw)
        app.apply(adoption_level=0.8, exodus=60, ties=3, strength=0.4, os_counts=False, seed=5)
    finally:
        model.simulate = original
    assert len(calls) == 1
    a = app.table.attrs
    assert (a["adoption_level"], a["exodus"], a["seed"]) == (0.8, 60, 5)
    assert a["definition"].startswith("fewer than 3 human ties of strength 0.4")


def test_constructor_settings_and_bad_constructor_values():
    good = community_app(adoption_level=0.2, people=200)
    assert good.level.value == 0.2 and good.table.attrs["adoption_level"] == 0.2
    bad = community_app(adoption_level="x", people=200)
    assert "adoption_level must" in bad.status.value and _png(bad).startswith(PNG)
    worse = CommunityView(base="nonsense")
    assert "base must" in worse.status.value and worse.table.attrs["people"] == 1000


def test_an_unexpected_error_becomes_a_message(app, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(model, "simulate", boom)
    app.level.value = 0.7  # must not raise
    assert "Something went wrong" in app.status.value and "disk on fire" in app.status.value


def test_palette_is_okabe_ito_with_distinct_line_styles():
    assert {s["color"] for s in STYLE.values()} <= OKABE_ITO
    styles = [str(s["linestyle"]) for s in STYLE.values()]
    assert len(set(styles)) == len(styles)


def test_the_plot_is_an_image_whose_alt_text_is_the_description_kept_in_step(app):
    html = app.image.value
    assert '<img class="seminar-community-plot"' in html and "width:100%" in html
    assert 'data-scrolls="yes" role="region" tabindex="0"' in html and "min-width:560px" in html
    alt = html.split('alt="', 1)[1].split('"', 1)[0]
    assert "In week 78 every OS leaves" in alt and alt in app.description.value
    app.exodus.value = 30
    assert "In week 30 every OS leaves" in app.image.value.split('alt="', 1)[1]


def test_controls_are_named_in_words_and_read_out_in_words(app):
    from seminar.views.controls import Slider
    sliders = [w for w in app.controls() if isinstance(w, Slider)]
    assert len(sliders) == 7
    for w in app.controls():
        assert w.description and "_" not in w.description
    assert [w.readout for w in sliders] == [
        "50% of people", "0.15 a week", "50% of their social time", "300 people", "week 78",
        "2 ties", "strength 0.5"]
    app.ties.value = 1
    assert app.ties.readout == "1 tie" and app.status.value == ""
    assert "fewer than 1 human tie" in app.description.value


def test_the_half_line_is_thick_patterned_and_named_on_the_plot(app):
    from seminar.views.community import WIDTH
    assert app.half_line.get_linewidth() >= 2 and app.half_line.get_linestyle() not in ("-", ":")
    assert min(WIDTH.values()) >= 2
    assert "half" in [t.get_text() for t in app.ax.texts]  # not told apart by colour alone
    assert 'labelled "half"' in describe(app.table)


def test_figure_text_stays_readable_when_the_plot_shrinks(app):
    scale = 560 / (app.fig.get_figwidth() * app.fig.dpi)
    app.exodus.value = 60
    texts = [t for t in app.fig.findobj(lambda a: hasattr(a, "get_fontsize") and
                                        hasattr(a, "get_text")) if t.get_text().strip()]
    assert len(texts) > 10
    for t in texts:
        assert t.get_fontsize() * app.fig.dpi / 72 * scale >= 10, t.get_text()


def test_figure_is_reused(app):
    fig = app.fig
    for value in (0.1, 0.5, 0.9):
        app.level.value = value
    assert app.fig is fig and len(app.fig.axes) == 1 and len(app.ax.lines) == 5


def test_describe_without_an_exodus():
    table = model.simulate(exodus=None, people=200)
    text = describe(table)
    assert "No exodus" in text and "week 103" in text


def test_sweep_chart_has_an_image_and_a_description():
    table = model.sweep([0.0, 0.5, 0.9], people=200)
    chart = sweep_chart(table)
    assert chart.png.startswith(PNG)
    html = chart._repr_html_()
    assert html.count(describe_sweep(table).split(" (")[0]) == 2  # alt text and caption
    assert 'alt="Line chart of 3 runs' in html and 'class="community-sweep"' in html
    assert "width:100%" in html and "min-width:560px" in html  # shrinks, then scrolls
    assert 'role="region" tabindex="0"' in html
    assert "first passes one half at an adoption level of 0.90" in chart.description
    never = describe_sweep(model.sweep([0.0, 0.1], people=200))
    assert "never passes one half" in never


@pytest.mark.parametrize("bad", [None, "table", model.simulate(people=100)])
def test_sweep_chart_rejects_other_tables(bad):
    with pytest.raises(ValueError, match="table must"):
        sweep_chart(bad)
