"""The attention-and-capacity model: three models of love, the limits a threshold sets,
the numbers shared with lesson 03, and bad parameters."""
import doctest
import math
from dataclasses import FrozenInstanceError, fields, replace

import numpy as np
import pandas as pd
import pytest

from seminar.models import attention as m
from seminar.models import duration

C = duration.speed_ratio()


# -- the numbers shared with lesson 03 come from seminar.models.duration ----------------------
def test_samantha_capacity_is_the_speed_ratio_of_lesson_03():
    assert m.ASSUMPTIONS.samantha_capacity == duration.speed_ratio()
    assert C == pytest.approx(2.27e6, rel=0.01)
    assert (m.ASSUMPTIONS.conversations, m.ASSUMPTIONS.loved) == (8316, 641)


def test_box_at_8316_is_lesson_03s_273():
    assert m.attention(8316) == pytest.approx(duration.attention_per_conversation(), rel=1e-12)
    assert m.attention(8316) == pytest.approx(273, rel=0.01)
    assert m.attention(641) == pytest.approx(duration.attention_per_conversation(conversations=641))
    assert m.attention(641) == pytest.approx(3540, rel=0.01)


def test_another_calibration_reaches_the_model():
    faster_reader = replace(duration.CALIBRATION, human_reading_wpm=300, loved=10)
    a = m.Assumptions.from_calibration(faster_reader)
    assert a.samantha_capacity == pytest.approx(C * 238 / 300)
    assert a.loved == 10 and 10 in m.marks(a)
    assert m.attention(8316, assumptions=a) == pytest.approx(C * 238 / 300 / 8316)
    with pytest.raises(ValueError, match="calibration must be a Calibration"):
        m.Assumptions.from_calibration("fast")


def test_every_assumption_has_a_source():
    for f in fields(m.Assumptions):
        assert len(m.Assumptions.source(f.name)) > 30, f.name
    assert "speed ratio of lesson 03" in m.Assumptions.source("samantha_capacity")
    assert "seminar." not in m.Assumptions.source("samantha_capacity")  # no code in a source
    assert "kit's assumption" in m.Assumptions.source("growth")
    assert "kit's assumption" in m.Assumptions.source("threshold")
    assert "brajeshwar.com" in m.Assumptions.source("conversations")
    assert "what-sucks-13" in m.Assumptions.source("loved")   # an excerpt students can show()
    table = m.assumptions_table()
    assert list(table.index) == [f.name for f in fields(m.Assumptions)]
    assert table.loc["loved", "value"] == 641
    with pytest.raises(ValueError, match="No assumption called 'nonsense'"):
        m.Assumptions.source("nonsense")


def test_assumptions_are_frozen_and_checked():
    with pytest.raises(FrozenInstanceError):
        m.ASSUMPTIONS.growth = 0.9  # type: ignore[misc]
    with pytest.raises(ValueError, match="growth must be at least 0 and at most 1"):
        replace(m.ASSUMPTIONS, growth=1.5)
    with pytest.raises(ValueError, match="threshold"):
        replace(m.ASSUMPTIONS, threshold=0)
    with pytest.raises(ValueError, match="loved"):
        replace(m.ASSUMPTIONS, loved=0)
    assert m.attention(10, assumptions=replace(m.ASSUMPTIONS, samantha_capacity=100)) == 10


def test_module_examples_run():
    assert doctest.testmod(m).failed == 0


# -- the three models ---------------------------------------------------------------
def test_box_divides_and_heart_grows():
    n = np.array([1, 2, 10, 641, 8316])
    assert m.attention(n, "box") == pytest.approx(C / n)
    assert m.attention(n, "heart", growth=0.5) == pytest.approx(C / np.sqrt(n))
    assert m.attention(641, "heart", growth=0.5) == pytest.approx(89_616, rel=1e-4)
    assert m.attention(n, "heart", growth=0) == pytest.approx(m.attention(n, "box"))
    assert m.attention(n, "heart", growth=1) == pytest.approx(np.full(5, C))
    # The heart's whole grows with the number of partners: n * per partner = C * n**growth.
    assert (n * m.attention(n, "heart", growth=0.3)) == pytest.approx(C * n ** 0.3)


def test_exclusive_gives_the_one_everything_and_admits_no_second():
    assert m.attention(1, "exclusive") == C
    assert m.attention(1, "exclusive", capacity=1) == 1
    out = m.attention([1, 2, 641], "exclusive")
    assert out[0] == C and np.isnan(out[1:]).all()
    assert math.isnan(m.attention(2, "exclusive", capacity=1))


def test_scalar_in_scalar_out_and_model_names_are_forgiving():
    assert isinstance(m.attention(641), float)
    assert isinstance(m.attention(np.int64(641)), float)
    assert m.attention(641.0) == m.attention(641)  # a whole float is a count
    assert isinstance(m.attention(range(1, 4)), np.ndarray)
    assert m.attention(641, " Heart ") == m.attention(641, "heart")
    assert m.attention(pd.Series([641]), "box")[0] == m.attention(641)


def test_capacity_scales_every_model():
    for model in ("box", "heart"):
        assert m.attention(641, model, capacity=2.0) == pytest.approx(2 * m.attention(641, model,
                                                                                        capacity=1.0))


# -- tables ---------------------------------------------------------------------------
def test_partner_range_is_log_spaced_and_holds_the_marks():
    r = m.partner_range()
    assert r[0] == 1 and r[-1] == 20_000
    assert {1, 641, 8316} <= set(r.tolist())
    assert (np.diff(r) > 0).all() and r.dtype == np.int64
    assert 641 not in m.partner_range(high=500) and m.partner_range(high=500)[-1] == 500
    assert len(m.partner_range(points=2)) == 4  # 1, 641, 8,316 and 20,000


def test_attention_table_columns_marks_and_attrs():
    t = m.attention_table()
    assert list(t.columns) == ["box", "heart", "exclusive", "mark"]
    assert t.index.name == "partners" and t.index.is_monotonic_increasing
    assert t.loc[1, "mark"] == "the other half"
    assert t.loc[641, "mark"] == "in love with (641)"
    assert t.loc[8316, "mark"] == "talking with (8,316)"
    assert (t.mark != "").sum() == 3
    assert t.loc[8316, "box"] == pytest.approx(m.attention(8316))
    assert t.loc[8316, "heart"] == pytest.approx(m.attention(8316, "heart"))
    assert t.loc[1, "exclusive"] == C and t.exclusive.iloc[1:].isna().all()
    assert t.attrs == {"capacity": C, "growth": 0.5}


def test_attention_table_sorts_and_drops_repeats():
    t = m.attention_table([8316, 641, 641, 1], capacity=1, growth=0.25)
    assert list(t.index) == [1, 641, 8316]
    assert t.loc[641, "box"] == pytest.approx(1 / 641)
    assert t.loc[641, "heart"] == pytest.approx(641 ** -0.75)
    assert t.attrs == {"capacity": 1.0, "growth": 0.25}


def test_readable_puts_numbers_in_words():
    t = m.readable(m.attention_table([1, 2, 8316]))
    assert t.loc[8316, "box"] == "273"
    assert t.loc[1, "box"] == "2.27 million"
    assert t.loc[2, "exclusive"] == "not defined"
    limits = m.readable(m.limits_table(growth=1))
    assert limits.loc["Samantha", "heart"] == "no limit"
    assert m.format_count(0.0001234) == "0.000123"
    with pytest.raises(ValueError):
        m.readable("a table")
    with pytest.raises(ValueError):
        m.format_count("1")


# -- limits: when exclusivity follows from finitude -------------------------------------
def test_a_person_who_needs_full_attention_for_each_love_can_love_one():
    t = m.limits_table()
    assert list(t.index) == ["a person", "Samantha"]
    assert list(t.columns) == ["capacity", "box", "heart", "exclusive"]
    assert t.loc["a person", ["box", "heart", "exclusive"]].tolist() == [1, 1, 1]
    assert t.loc["Samantha", "box"] == math.floor(C)
    assert t.loc["Samantha", "heart"] == pytest.approx(C ** 2, rel=1e-12)
    assert t.loc["Samantha", "exclusive"] == 1
    assert t.attrs == {"growth": 0.5, "threshold": 1.0}


def test_lower_threshold_makes_room_except_under_exclusivity():
    t = m.limits_table(threshold=0.4)
    assert t.loc["a person", "box"] == 2       # 1/0.4 = 2.5
    assert t.loc["a person", "heart"] == 6     # (1/0.4)**2 = 6.25
    assert t.loc["a person", "exclusive"] == 1


@pytest.mark.parametrize("capacity, threshold, expected", [
    (6, 2, 3), (1, 1 / 3, 3), (1, 0.5, 2), (1, 0.51, 1), (0.5, 1, 0), (10, 10, 1)])
def test_box_limits_at_exact_boundaries(capacity, threshold, expected):
    assert m.most_partners("box", capacity=capacity, threshold=threshold) == expected


def test_heart_limits():
    assert m.most_partners("heart", capacity=4, growth=0.5, threshold=1) == 16
    assert m.most_partners("heart", capacity=1, growth=1, threshold=1) == math.inf
    assert m.most_partners("heart", capacity=0.9, growth=1, threshold=1) == 0
    assert m.most_partners("heart", capacity=1e15, growth=0.99, threshold=1e-9) == math.inf
    assert m.most_partners("exclusive", capacity=1e15, threshold=1e-9) == 1
    assert m.most_partners("exclusive", capacity=0.5, threshold=1) == 0


def test_most_partners_is_the_last_count_that_gets_enough():
    rng = np.random.default_rng(4)
    for _ in range(300):
        cap = 10 ** rng.uniform(-2, 7)
        t = 10 ** rng.uniform(-3, 3)
        g = float(rng.choice([0.0, 0.2, 0.5, 0.8]))
        for model in ("box", "heart"):
            k = m.most_partners(model, capacity=cap, growth=g, threshold=t)
            if k == 0:
                assert cap < t
                continue
            if k > 1e9:
                continue
            k = int(k)
            assert m.attention(k, model, capacity=cap, growth=g) >= t * (1 - 1e-9)
            assert m.attention(k + 1, model, capacity=cap, growth=g) < t * (1 + 1e-9)


def test_limits_table_names_are_text_and_checked():
    t = m.limits_table({"<b>me</b>": 1, "مرحبا 😀": 3}, threshold=1)
    assert list(t.index) == ["<b>me</b>", "مرحبا 😀"]
    assert t.loc["مرحبا 😀", "box"] == 3
    with pytest.raises(ValueError, match="empty"):
        m.limits_table({"   ": 1})
    with pytest.raises(ValueError, match="capacities"):
        m.limits_table({})
    with pytest.raises(ValueError, match="capacities"):
        m.limits_table([1, 2])
    with pytest.raises(ValueError, match="at most 20"):
        m.limits_table({str(i): 1 for i in range(21)})
    with pytest.raises(ValueError, match="capacity"):
        m.limits_table({"me": -1})
    with pytest.raises(ValueError, match="characters"):
        m.limits_table({"x" * 1_000_000: 1})


# -- bad parameters: ValueError naming the parameter and its range ----------------------
BAD_NUMBERS = [0, -1, float("nan"), float("inf"), -float("inf"), True, "2", None, [1], 1e16]


@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_bad_capacity(value):
    with pytest.raises(ValueError, match=r"capacity must be"):
        m.attention(641, capacity=value) if value is not None else m.attention(641, capacity="x")


@pytest.mark.parametrize("value", [-0.1, 1.01, float("nan"), float("inf"), False, "0.5", 1e9])
def test_bad_growth(value):
    with pytest.raises(ValueError, match=r"growth must be .*at least 0 and at most 1"):
        m.attention(641, "heart", growth=value)


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), True, "1", 1e16])
def test_bad_threshold(value):
    with pytest.raises(ValueError, match=r"threshold must be"):
        m.most_partners(threshold=value)


@pytest.mark.parametrize("value", [0, -5, 10**10, True, 641.5, float("nan"), float("inf"), "641",
                                   b"641", None, {}, {1, 2}])
def test_bad_partner_count(value):
    with pytest.raises(ValueError, match=r"partners must be"):
        m.attention(value)


@pytest.mark.parametrize("value, words", [
    ([], "empty"), (np.array([[1, 2], [3, 4]]), "flat"), ([1, 0], "from 1 to"),
    ([1, 10**10], "from 1 to"), ([1, 2.5], "whole numbers"), ([1, float("nan")], "whole numbers"),
    ([True, False], "whole numbers"), (["a", "b"], "whole numbers"), ([[1], [2, 3]], "sequence"),
    (np.ones(m.MAX_POINTS + 1, dtype=int), "at most 2,000,000")])
def test_bad_partner_sequences(value, words):
    with pytest.raises(ValueError, match=r"partners") as info:
        m.attention_table(value)
    assert words in str(info.value)


@pytest.mark.parametrize("value", ["love", "", None, 3, "box; heart"])
def test_bad_model(value):
    with pytest.raises(ValueError, match=r"model must be one of box, heart, exclusive"):
        m.attention(641, value)


def test_bad_sizes_and_assumptions():
    with pytest.raises(ValueError, match="high"):
        m.partner_range(high=0)
    with pytest.raises(ValueError, match="points"):
        m.partner_range(points=10**9)
    with pytest.raises(ValueError, match="assumptions must be an Assumptions"):
        m.attention(641, assumptions={"growth": 1})


def test_a_megabyte_string_gets_a_short_message():
    with pytest.raises(ValueError) as info:
        m.attention(641, capacity="9" * 1_000_000)
    assert len(str(info.value)) < 200
    with pytest.raises(ValueError) as info:
        m.attention(641, model="x" * 1_000_000)
    assert len(str(info.value)) < 200


# -- the exercise's checks (seminar/classroom/exercise_checks/e04_one_of_many.py) -----------------
def test_exercise_checks_accept_right_answers_and_explain_wrong_ones():
    from matplotlib.figure import Figure

    from seminar.classroom.exercise_checks.e04_one_of_many import CHECKS, linear_heart_reference

    assert CHECKS["q1"](m.attention(8316))[0] and CHECKS["q1"](273)[0]  # rounded is fine
    assert not CHECKS["q1"](3540)[0]
    assert CHECKS["q2"](m.attention(641, "heart", growth=0.5))[0]
    assert CHECKS["q3"](m.most_partners("heart", capacity=1, growth=0.5, threshold=0.3))[0]
    assert not CHECKS["q3"](12)[0]
    assert CHECKS["q11"](linear_heart_reference) == (True, "")
    ok, hint = CHECKS["q11"](lambda n, c, a: c * (1 + a * n) / n)  # forgets the "- 1"
    assert not ok and "one partner" in hint
    ok, hint = CHECKS["q11"](lambda n, c, a: c if n == 1 else c * (1 + a * (n - 1)) / n)
    assert not ok and "ValueError" in hint  # an `if` on an array raises; the error is shown
    ok, hint = CHECKS["q11"](lambda n, c, a: c * (1 + a * (np.max(n) - 1)) / np.max(n))
    assert not ok and "numpy array" in hint  # one number back for a whole array
    ok, hint = CHECKS["q11"]("linear")
    assert not ok and "function" in hint
    # the core's multiple choice: one right letter, a why-wrong line for each other one
    assert CHECKS["q4"]("c") == (True, "") and CHECKS["q5"](" B ") == (True, "")
    ok, hint = CHECKS["q4"]("A")
    assert not ok and "Aristophanes" in hint
    ok, hint = CHECKS["q5"]("A")
    assert not ok and "one beloved" in hint
    assert "not one of the choices" in CHECKS["q5"]("E")[1]
    from seminar.classroom.exercise_checks.e04_one_of_many import OPTIONAL
    assert OPTIONAL == {"q11", "q12", "q13"}

    n = np.arange(1, 2001)
    ax = Figure().subplots()
    ok, hint = CHECKS["q13"](ax)
    assert not ok and "three curves" in hint
    ax.plot(n, m.attention(n), "-", label="box")
    ax.plot(n, m.attention(n, "heart"), "--", label="heart")
    ax.plot(n, linear_heart_reference(n, C, 0.01), "-.", label="linear")
    ok, hint = CHECKS["q13"](ax)
    assert not ok and "logarithmic" in hint
    ax.set_xscale("log")
    ax.set_yscale("log")
    ok, hint = CHECKS["q13"](ax)
    assert not ok and "vertical lines" in hint
    ax.axvline(641)
    ax.axvline(8316)
    ok, hint = CHECKS["q13"](ax)
    assert not ok and "legend" in hint
    ax.legend()
    ok, hint = CHECKS["q13"](ax)
    assert not ok and "label both axes" in hint
    ax.set_xlabel("partners")
    ax.set_ylabel("attention")
    assert CHECKS["q13"](ax) == (True, "")
    ok, hint = CHECKS["q13"]("my plot")
    assert not ok and "Axes" in hint


def test_the_assumptions_table_reads_in_words_with_every_digit_of_a_count():
    table = m.readable(m.assumptions_table())
    assert table.loc["people she talks with at once", "value"] == "8,316"   # not 8,320
    assert table.loc["Samantha's capacity", "value"] == "2.27 million"
    assert table.loc["people she is in love with", "value"] == "641"
    assert list(table.index) == [m.LABELS[n] for n in m.assumptions_table().index]
    assert "_" not in " ".join(table.index)
    assert m.format_count(float("nan")) == "not defined" and m.format_count(math.inf) == "no limit"
    assert "e+" not in " ".join(table["value"])
