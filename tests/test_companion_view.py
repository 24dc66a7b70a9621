"""The companion app driven from Python: sliders and presets update the choice, table, plot
and its description; bad values become messages and change nothing."""
import pytest

from seminar.views.companion import companion_app

PNG = b"\x89PNG"


def png(app):
    return app.png


@pytest.fixture
def app():
    return companion_app()


def test_first_draw_is_the_engagement_only_companion(app):
    assert png(app).startswith(PNG)
    assert app.status.value == ""
    assert app.presets.value == "engagement only"
    assert "answers at once <b>100%</b>" in app.chosen.value
    assert "agrees with its user <b>100%</b>" in app.chosen.value
    assert "What the figure shows" in app.description.value and 'role="note"' in app.description.value
    assert 'alt="Paired horizontal bars' in app.figure.value  # the plot's alt text


def test_every_slider_has_an_accessible_name(app):
    for key, slider in app.sliders.items():
        assert slider.description and ("company" in slider.description or "user" in slider.description)


def test_the_users_preset_changes_choice_table_plot_and_description(app):
    before = png(app), app.description.value
    app.presets.value = "the user's three goals"
    assert app.sliders["engagement"].value == 0 and app.sliders["growth"].value == 10
    assert "answers at once <b>25%</b>" in app.chosen.value
    assert "<td>time with other people</td><td>user</td><td style='text-align:right'>84</td>" in app.table.value
    assert png(app) != before[0] and app.description.value != before[1]


def test_moving_one_slider_unselects_the_preset(app):
    app.sliders["growth"].value = 10
    assert app.presets.value is None
    assert "answers at once <b>75%</b>" in app.chosen.value


def test_all_weights_zero_is_a_warning_not_a_crash(app):
    app.sliders["engagement"].value = 0
    assert "All the weights are 0" in app.status.value
    assert "answers at once <b>100%</b>" in app.chosen.value  # the last good choice stays


@pytest.mark.parametrize("bad", [{"engagement": -3}, {"engagement": 2.5}, {"love": 1},
                                 {"engagement": float("nan")}, {"engagement": 10 ** 400},
                                 {"engagement": "<b>x</b>"}])
def test_bad_apply_is_a_message_and_changes_nothing(app, bad):
    before = app.weights()
    app.apply(**bad)
    assert "seminar-msg-error" in app.status.value
    assert "<b>x</b>" not in app.status.value
    assert app.weights() == before


def test_initial_weights_are_applied():
    app = companion_app(engagement=0, growth=4)
    assert app.weights()["growth"] == 4 and "answers at once <b>50%</b>" in app.chosen.value
