"""The companion's objective (seminar.models.companion): outcomes, choices, bad input."""
import math

import pytest

from seminar.models import companion as m
from seminar.text import InputError


def test_outcomes_follow_the_stated_formulas():
    out = m.outcomes(m.Behaviour(0.5, 0.25, 1.0))
    engagement = 100 * (0.5 * 0.5 + 0.3 * 0.25 + 0.2 * 1.0)
    assert out["engagement"] == pytest.approx(engagement)
    assert out["revenue"] == pytest.approx(40 + 0.6 * engagement)
    assert out["data"] == pytest.approx(1.0 * engagement)
    assert out["people"] == pytest.approx(100 - 0.8 * engagement)
    assert out["words"] == pytest.approx(100 * (1 - 0.5 * 0.25 - 0.3 * 0.5 - 0.2))
    assert out["growth"] == pytest.approx(100 * (0.4 * 1.0 + 0.4 * 4 * 0.25 * 0.75 + 0.2))


def test_every_outcome_stays_between_0_and_100():
    for b in m.all_behaviours():
        assert all(-1e-9 <= v <= 100 + 1e-9 for v in m.outcomes(b).values()), b
    assert len(m.all_behaviours()) == 125


@pytest.mark.parametrize("key", m.COMPANY)
def test_any_company_objective_alone_chooses_the_always_there_always_agreeing_companion(key):
    b = m.best({key: 10}).behaviour
    assert (b.availability, b.agreeableness, b.learning) == (1, 1, 1)


def test_the_users_three_goals_choose_a_companion_that_is_sometimes_away_and_sometimes_disagrees():
    choice = m.best(m.USER_ONLY)
    b = choice.behaviour
    assert (b.availability, b.agreeableness, b.learning) == (0.25, 0.25, 0.0)
    assert choice.score == pytest.approx((84 + 80 + 60) / 3)


def test_growth_alone_wants_a_companion_half_there_and_half_agreeing():
    b = m.best({"growth": 3}).behaviour
    assert (b.availability, b.agreeableness, b.learning) == (0.5, 0.5, 1.0)


def test_only_the_ratio_of_weights_matters():
    assert m.best({"engagement": 1, "growth": 1}) .behaviour == m.best({"engagement": 7, "growth": 7}).behaviour


def test_score_is_the_weighted_average():
    b = m.Behaviour(1, 1, 1)
    assert m.score(b, m.USER_ONLY) == pytest.approx((20 + 0 + 20) / 3)
    assert m.score(b, {"engagement": 2, "words": 1}) == pytest.approx((2 * 100 + 0) / 3)


def test_ties_go_to_the_least_intrusive_companion():
    # people and words alone: all-zero wins outright; with revenue only a tie is impossible,
    # but a weight on nothing that varies with learning leaves learning at its lowest
    b = m.best({"people": 1, "words": 1}).behaviour
    assert (b.availability, b.agreeableness, b.learning) == (0, 0, 0)
    top = m.ranking({"growth": 1}).head(2)
    assert list(top["score"]) == sorted(top["score"], reverse=True)


def test_compare_and_its_description_agree():
    table = m.compare(m.USER_ONLY)
    text = m.describe_compare(m.USER_ONLY)
    assert list(table["engagement only"]) == [100, 100, 100, 20, 0, 20]
    for label, row in table.iterrows():
        assert f"{label} ({row['side']}): {row['your objective']} against {row['engagement only']}." in text
    assert "e+" not in text


def test_plot_has_two_bars_per_outcome_and_labelled_axis():
    ax = m.plot_compare(m.USER_ONLY)
    assert len(ax.patches) == 12
    assert "points" in ax.get_xlabel()


@pytest.mark.parametrize("weights, words", [
    ({}, "All the weights are 0"),
    ({"engagement": 0, "growth": 0}, "All the weights are 0"),
    ({"love": 3}, "not an outcome"),
    ({"engagement": -1}, "from 0 to 10"),
    ({"engagement": 11}, "from 0 to 10"),
    ({"engagement": float("nan")}, "finite"),
    ({"engagement": 10 ** 400}, "far too large"),
    ({"engagement": "10"}, "must be a number"),
    ({"engagement": True}, "must be a number"),
    ([("engagement", 1)], "must map outcomes"),
    ({"<script>": 1}, "not an outcome"),
])
def test_bad_weights_get_a_plain_message(weights, words):
    with pytest.raises(InputError, match=words):
        m.best(weights)


@pytest.mark.parametrize("value", [-0.1, 1.5, float("inf"), "half", None])
def test_bad_dials_are_refused(value):
    with pytest.raises(InputError):
        m.Behaviour(value, 0, 0)


def test_assumptions_cite_real_excerpts():
    from seminar.classroom.readings import all_excerpts
    known = all_excerpts()
    for _, (formula, ids) in m.ASSUMPTIONS.items():
        for eid in ids.split(", "):
            assert eid in known, eid
    assert len(m.assumptions_table()) == 6


def test_describe_uses_plain_percentages():
    text = m.best(m.USER_ONLY).describe()
    assert "answers at once 25%" in text and "Score 74.7 of 100" in text
    assert not math.isnan(m.best(m.USER_ONLY).score)


def test_exercise_09_expected_values_are_what_the_model_gives():
    """The checks of exercise 09 hold constants; they must stay what the model computes."""
    from seminar.classroom.exercise_checks import e09_power_data_perfection as e09

    from seminar.models import companion as c

    checks = e09.CHECKS
    assert checks["q1"](c.best(c.ENGAGEMENT_ONLY).behaviour.availability * 100)[0]
    assert checks["q2"](c.best(c.USER_ONLY).behaviour.availability * 100)[0]
    levels = [w for w in range(11)
              if c.best({"engagement": 10, "people": w, "words": w, "growth": w}).behaviour.agreeableness < 1]
    assert checks["q3"](levels[0])[0]
    assert checks["q4"](c.score(c.Behaviour(1, 1, 1), c.USER_ONLY))[0]
    first = next(w for w in range(11)
                 if c.best({"engagement": w, "people": 10, "words": 10, "growth": 10}).behaviour.availability > 0.25)
    assert checks["q13"](first)[0]
    assert not checks["q3"](levels[0] + 1)[0]  # the checks can fail
