"""The loneliness model: reproducible, its mechanisms, the exodus, definitions, bad parameters."""
import math
import re
from dataclasses import FrozenInstanceError, fields, replace

import numpy as np
import pandas as pd
import pytest

from seminar.models import community as c

SMALL = {"people": 300}


@pytest.fixture(scope="module")
def run():
    return c.simulate()


# -- reproducible -------------------------------------------------------------------
def test_same_seed_gives_the_identical_table(run):
    again = c.simulate()
    pd.testing.assert_frame_equal(run, again, check_exact=True)
    assert run.attrs == again.attrs


def test_another_seed_gives_another_society_and_run(run):
    other = c.simulate(seed=7)
    assert not np.array_equal(run.lonely.to_numpy(), other.lonely.to_numpy())
    assert not np.array_equal(c.society().b, c.society(seed=7).b)


def test_the_table_has_the_documented_shape(run):
    assert list(run.columns) == ["adoption", "human_time", "tie_strength", "ties_lost", "lonely",
                                 "os_present"]
    assert run.index.name == "week" and list(run.index) == list(range(104))
    for col in ("adoption", "human_time", "tie_strength", "ties_lost", "lonely"):
        assert run[col].between(0, 1).all(), col
    assert run.attrs["seed"] == 2013 and run.attrs["exodus"] == 78
    assert run.attrs["definition"] == ("fewer than 2 human ties of strength 0.5 or more; "
                                       "an OS counts as one while it is there")


# -- the society --------------------------------------------------------------------
def test_graph_is_a_simple_small_world():
    soc = c.society()
    assert (soc.a < soc.b).all()  # no self-ties, each pair stored once
    pairs = soc.a.astype(np.int64) * soc.people + soc.b
    assert np.unique(pairs).size == pairs.size
    assert soc.degrees().sum() == 2 * soc.ties
    assert 5.8 < soc.degrees().mean() <= 6  # a few rewired ties land on an existing pair


def test_without_rewiring_the_graph_is_a_ring_lattice():
    soc = c.society(people=50, rewire=0.0)
    assert (soc.degrees() == 6).all()
    assert set(zip(soc.a.tolist(), soc.b.tolist())) >= {(0, 1), (0, 2), (0, 3), (0, 47), (0, 49)}


def test_ties_start_at_their_steady_strength():
    soc = c.society(**SMALL)
    p = c.ASSUMPTIONS
    expected = soc.contact * p.grow / (soc.contact * p.grow + (1 - soc.contact) * p.fade)
    np.testing.assert_allclose(soc.strength, expected)
    assert soc.contact.min() >= p.contact_low and soc.contact.max() <= p.contact_high


def test_a_week_with_contact_strengthens_and_without_weakens():
    w = np.array([0.5, 0.5, 0.2, 0.105, 0.0])
    met = np.array([True, False, True, False, True])
    lost = np.array([False, False, False, False, True])
    new, new_lost = c.update_ties(w, met, lost)
    np.testing.assert_allclose(new, [0.55, 0.475, 0.28, 0.0, 0.0])  # 0.105 * 0.95 < 0.1: lost
    assert new_lost.tolist() == [False, False, False, True, True]  # lost stays lost, even if met


def test_without_an_os_the_society_stays_about_as_it_was():
    table = c.simulate(adoption_level=0.0)
    assert (table.adoption == 0).all() and (table.human_time == 1).all()
    assert abs(table.tie_strength.iloc[-1] - table.tie_strength.iloc[0]) < 0.03
    assert table.ties_lost.iloc[-1] < 0.01 and table.lonely.max() < 0.02


def test_adoption_follows_the_s_curve_and_stops_at_the_exodus(run):
    curve = c.adoption_curve(np.arange(104))
    before = run.index < 78
    assert np.abs(run.adoption[before] - curve[before]).max() < 0.05
    assert (run.adoption[~before] == 0).all() and (run.human_time[~before] == 1).all()
    assert run.os_present.tolist() == [True] * 78 + [False] * 26
    assert run.adoption.is_monotonic_increasing is False  # it drops to 0 at the exodus
    assert run.adoption.iloc[:78].is_monotonic_increasing  # nobody gives an OS back before


def test_the_os_takes_time_from_people_and_ties_weaken(run):
    np.testing.assert_allclose(run.human_time, 1 - 0.5 * run.adoption)
    assert run.tie_strength.iloc[77] < run.tie_strength.iloc[0] - 0.15
    assert run.lonely.iloc[77] > run.lonely.iloc[0] + 0.1


def test_after_the_exodus_ties_recover_but_lost_ties_stay_lost(run):
    assert run.tie_strength.iloc[-1] > run.tie_strength.iloc[78] + 0.1
    assert run.ties_lost.is_monotonic_increasing
    assert run.ties_lost.iloc[-1] > 0.03


def test_when_the_os_counts_the_exodus_is_a_jump_in_loneliness(run):
    jump = run.lonely.iloc[78] - run.lonely.iloc[77]
    assert jump > 0.1
    plain = c.simulate(lonely=c.fewer_than(2, 0.5, os_counts=False))
    assert abs(plain.lonely.iloc[78] - plain.lonely.iloc[77]) < 0.03
    assert plain.lonely.iloc[77] > run.lonely.iloc[77]  # without the OS counting, more are lonely before
    assert plain.lonely.iloc[78] == run.lonely.iloc[78]  # the week they leave, nobody has one


def test_no_exodus_keeps_the_os():
    table = c.simulate(exodus=None, **SMALL)
    assert table.os_present.all() and table.adoption.iloc[-1] > 0.4
    assert c.summary(table).lonely_at_exodus == table.lonely.iloc[-1]


def test_a_higher_level_never_leaves_ties_stronger():
    levels = np.linspace(0, 1, 11)
    at = [c.simulate(adoption_level=x, **SMALL).iloc[60] for x in levels]
    assert all(np.diff([r.tie_strength for r in at]) <= 1e-12)
    assert all(np.diff([r.lonely for r in at]) >= 0)


def test_os_time_zero_means_the_os_changes_nothing_for_ties():
    none = c.simulate(adoption_level=0.0, **SMALL)
    free = c.simulate(os_time=0.0, **SMALL)
    np.testing.assert_array_equal(none.tie_strength, free.tie_strength)


# -- loneliness definitions -----------------------------------------------------------
def test_fewer_than_counts_ties_at_or_above_the_strength():
    strengths = np.array([[0.5, 0.49, 0.0], [0.9, 0.8, 0.0], [0.0, 0.0, 0.0], [0.6, 0.0, 0.0]])
    has_os = np.array([False, False, True, True])
    assert c.fewer_than(2, 0.5)(strengths, has_os).tolist() == [True, False, True, False]
    assert c.fewer_than(2, 0.5, os_counts=False)(strengths, has_os).tolist() == [True, False, True, True]
    assert c.fewer_than(1, 0.5, os_counts=False)(strengths, has_os).tolist() == [False, False, True, False]
    assert c.fewer_than(1, 0.95)(strengths, has_os).tolist() == [True, True, False, False]


def test_a_function_definition_gives_the_same_run_as_fewer_than():
    def lonely(strengths, has_os):
        """fewer than 2 ties of 0.5 or more, the OS counting as one"""
        return (strengths >= 0.5).sum(axis=1) + has_os < 2

    mine = c.simulate(lonely=lonely, **SMALL)
    kit = c.simulate(**SMALL)
    pd.testing.assert_series_equal(mine.lonely, kit.lonely)
    assert mine.attrs["definition"].startswith("lonely: fewer than 2 ties")


def test_the_definition_sees_one_row_per_person_and_has_os():
    seen = {}

    def spy(strengths, has_os):
        seen.setdefault("first", (strengths.copy(), has_os.copy()))
        seen["last"] = (strengths.copy(), has_os.copy())
        return np.zeros(len(has_os), dtype=bool)

    table = c.simulate(lonely=spy, **SMALL)
    strengths, has_os = seen["first"]
    soc = c.society(**SMALL)
    assert strengths.shape == (300, soc.widest)
    row_sums = np.bincount(soc.a, soc.strength, 300) + np.bincount(soc.b, soc.strength, 300)
    np.testing.assert_allclose(strengths.sum(axis=1), row_sums)
    assert ((strengths > 0).sum(axis=1) == soc.degrees()).all()
    assert has_os.mean() == table.adoption.iloc[0]
    assert (table.lonely == 0).all()


def test_a_definition_that_changes_its_input_cannot_change_the_run():
    def vandal(strengths, has_os):
        strengths[:] = 0.0
        has_os[:] = True
        return strengths[:, 0] > 1

    table = c.simulate(lonely=vandal, **SMALL)
    pd.testing.assert_series_equal(table.tie_strength, c.simulate(**SMALL).tie_strength)


def test_describe_definition():
    assert c.describe_definition(None) == c.DEFAULT_LONELY.describe()
    assert c.describe_definition(c.fewer_than(1, 0.3, False)) == (
        "fewer than 1 human tie of strength 0.3 or more; an OS does not count")
    assert c.describe_definition(lambda s, h: s[:, 0] < 0) == "your definition (<lambda>)"


@pytest.mark.parametrize("definition, words", [
    ("lonely", "lonely must be a function"),
    (42, "lonely must be a function"),
    (lambda s, h: 1 / 0, "lonely raised ZeroDivisionError"),
    (lambda s, h: None, "lonely returned nothing"),
    (lambda s, h: ..., "lonely returned nothing"),
    (lambda s, h: True, "got shape ()"),
    (lambda s, h: s < 0.5, "got shape (300, "),
    (lambda s, h: np.array(["yes"] * len(h)), "True/False values"),
    (lambda s, h: s.sum(axis=1), "True/False values"),
    (lambda s, h: np.full(len(h), np.nan), "True/False values"),
])
def test_a_bad_definition_is_a_value_error_naming_lonely(definition, words):
    with pytest.raises(ValueError, match="lonely") as info:
        c.simulate(lonely=definition, **SMALL)
    assert words in str(info.value)


def test_zero_one_answers_are_accepted():
    table = c.simulate(lonely=lambda s, h: ((s >= 0.5).sum(axis=1) < 2).astype(int), **SMALL)
    assert table.lonely.iloc[0] == c.simulate(lonely=c.fewer_than(2, 0.5, False), **SMALL).lonely.iloc[0]


@pytest.mark.parametrize("kwargs, name", [
    ({"ties": 0}, "ties"), ({"ties": 2.5}, "ties"), ({"ties": "2"}, "ties"), ({"ties": 51}, "ties"),
    ({"strength": 0}, "strength"), ({"strength": 1.5}, "strength"),
    ({"strength": math.nan}, "strength"), ({"os_counts": "yes"}, "os_counts"),
    ({"os_counts": None}, "os_counts"),
])
def test_fewer_than_checks_its_values(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name} must"):
        c.fewer_than(**kwargs)


# -- the exercise's numbers -----------------------------------------------------------
@pytest.fixture(scope="module")
def tip():
    return c.tipping_level()


def test_tipping_level_is_where_the_exodus_passes_half(tip):
    assert 0.55 < tip < 0.65
    assert c.lonely_at_exodus(adoption_level=tip) > 0.5
    assert c.lonely_at_exodus(adoption_level=tip - 0.001) <= 0.5
    assert c.tipping_level() == tip  # deterministic given the seed


def test_a_sweep_agrees_with_the_tipping_level(tip):
    table = c.sweep(np.round(np.arange(0.5, 0.71, 0.01), 2))
    first = table.index[table.lonely_at_exodus > 0.5][0]
    assert first - 0.01 < tip <= first + 1e-9
    assert table.lonely_at_exodus.is_monotonic_increasing
    assert list(table.columns) == ["lonely_before", "lonely_at_exodus", "lonely_end", "ties_lost_end"]


def test_lonely_at_exodus_matches_the_full_run(run):
    assert c.lonely_at_exodus() == run.lonely.iloc[78]


def test_the_conclusion_moves_with_the_definition(tip):
    stricter = c.tipping_level(lonely=c.fewer_than(3, 0.5))
    no_one = c.tipping_level(lonely=c.fewer_than(1, 0.5, os_counts=False))
    assert stricter < tip < no_one < 1
    assert c.tipping_level(lonely=c.fewer_than(1, 0.3, os_counts=False)) is None  # never half
    assert c.tipping_level(lonely=c.fewer_than(10, 0.9)) == 0.0  # already more than half


@pytest.mark.parametrize("kwargs, name", [
    ({"share": 1.5}, "share"), ({"share": "half"}, "share"), ({"tol": 0}, "tol"),
    ({"exodus": None}, "exodus"), ({"people": 5}, "people"),
])
def test_tipping_level_checks_its_values(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name} must"):
        c.tipping_level(**kwargs)


@pytest.mark.parametrize("levels", [[], [0.5, math.nan], [1.5], ["high"], "high", [0.1] * 1002, None])
def test_sweep_rejects_bad_levels(levels):
    with pytest.raises(ValueError, match="levels must"):
        c.sweep(levels, **SMALL)


def test_summary_needs_a_simulated_table():
    with pytest.raises(ValueError, match="table must"):
        c.summary(pd.DataFrame({"x": [1]}))


# -- assumptions ----------------------------------------------------------------------
def test_every_parameter_is_labelled_and_only_the_exodus_is_from_the_film():
    table = c.assumptions_table()
    assert list(table.index) == list(c.PARAMETERS)
    assert list(table.index[table.kind != "assumption"]) == ["exodus"]
    assert table.kind["exodus"] == "from the film (all at once); the week is an assumption"
    assert "her-loneliness-8" in c.Assumptions.says("exodus")   # excerpts students can show()
    assert "the week is an assumption" in c.Assumptions.says("exodus")
    for f in fields(c.Assumptions):
        assert len(c.Assumptions.says(f.name)) > 20, f.name
    with pytest.raises(ValueError, match="No parameter"):
        c.Assumptions.says("nonsense")


def test_assumptions_are_frozen_and_changes_are_checked():
    with pytest.raises(FrozenInstanceError):
        c.ASSUMPTIONS.people = 5  # type: ignore[misc]
    changed = c.with_changes(people=400, os_time=0.2)
    assert (changed.people, changed.os_time) == (400, 0.2)
    assert c.simulate(base=changed).attrs["people"] == 400
    assert c.simulate(base=changed, people=500).attrs["people"] == 500
    with pytest.raises(ValueError, match="os_time must"):
        replace(c.ASSUMPTIONS, os_time=3)


@pytest.mark.parametrize("kwargs, name", [
    ({"people": 0}, "people"), ({"people": -5}, "people"), ({"people": 9}, "people"),
    ({"people": 2.5}, "people"), ({"people": "many"}, "people"), ({"people": True}, "people"),
    ({"people": math.nan}, "people"), ({"people": 10**9}, "people"),
    ({"ties_per_person": 5}, "ties_per_person"), ({"ties_per_person": 0}, "ties_per_person"),
    ({"ties_per_person": 52}, "ties_per_person"),
    ({"people": 10, "ties_per_person": 10}, "ties_per_person"),
    ({"rewire": 1.5}, "rewire"), ({"rewire": -0.1}, "rewire"),
    ({"contact_low": 0}, "contact_low"), ({"contact_low": 0.95}, "contact_high"),
    ({"contact_high": 1.1}, "contact_high"),
    ({"grow": 0}, "grow"), ({"fade": math.nan}, "fade"), ({"fade": -1}, "fade"),
    ({"lost_below": 1}, "lost_below"),
    ({"adoption_level": -0.1}, "adoption_level"), ({"adoption_level": 1.5}, "adoption_level"),
    ({"adoption_level": math.inf}, "adoption_level"), ({"adoption_level": "most"}, "adoption_level"),
    ({"adoption_level": None}, "adoption_level"),
    ({"adoption_rate": 0}, "adoption_rate"), ({"adoption_rate": 50}, "adoption_rate"),
    ({"adoption_midpoint": -1}, "adoption_midpoint"),
    ({"os_time": 2}, "os_time"), ({"os_time": -0.5}, "os_time"),
    ({"exodus": 0}, "exodus"), ({"exodus": 104}, "exodus"), ({"exodus": 1.5}, "exodus"),
    ({"exodus": "78"}, "exodus"), ({"steps": 1}, "steps"), ({"steps": 10**7}, "steps"),
    ({"steps": 50}, "exodus"),  # the default exodus week 78 is past the end
    ({"seed": -1}, "seed"), ({"seed": 1.5}, "seed"), ({"seed": "<script>"}, "seed"),
])
def test_bad_parameters_are_value_errors_naming_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=f"^{name} must") as info:
        c.simulate(**kwargs)
    assert len(str(info.value)) < 300


def test_unknown_parameters_and_bad_base_are_named():
    with pytest.raises(ValueError, match="Unknown parameter.*colour"):
        c.simulate(colour="red")
    with pytest.raises(ValueError, match="^base must"):
        c.simulate(base={"people": 10})


def test_a_megabyte_of_text_gives_a_short_message():
    with pytest.raises(ValueError) as info:
        c.simulate(people="x" * 1_000_000)
    assert len(str(info.value)) < 300


def test_large_societies_run():
    table = c.simulate(people=10_000, steps=20, exodus=10)
    assert table.attrs["people"] == 10_000 and len(table) == 20


def test_exercise_05_model_answer_numbers_hold():
    """Exercise 05's model answer (Q5) quotes these tipping levels: keep it true if the model changes."""
    scenario = {"os_time": 0.7, "exodus": 65, "seed": 2013}
    from seminar.models import community as c
    levels = [c.tipping_level(lonely=d, **scenario) for d in (
        c.fewer_than(3, 0.5), c.fewer_than(2, 0.5), c.fewer_than(1, 0.5, os_counts=False),
        c.fewer_than(1, 0.4, os_counts=False), c.fewer_than(1, 0.3, os_counts=False))]
    for got, quoted in zip(levels, (0.34, 0.45, 0.61, 0.79, 0.94)):
        assert abs(got - quoted) < 0.01


def test_readable_tables_have_plain_labels_and_no_programmer_names():
    one = c.readable(c.summary(c.simulate(**SMALL)))
    assert list(one.columns) == ["value"] and "share lonely the week the OSes leave" in one.index
    assert not any("_" in label for label in one.index)
    sweep = c.readable(c.sweep([0.2, 0.5], **SMALL))
    assert sweep.index.name == "adoption level"
    assert not any("_" in label for label in sweep.columns)
    assert sweep.to_numpy().round(3).tolist() == sweep.to_numpy().tolist()
    side = c.readable(pd.DataFrame({"a": c.summary(c.simulate(**SMALL))}))
    assert "share of ties lost for good by the last week" in side.index
    with pytest.raises(ValueError, match="made by summary"):
        c.readable("<b>not a table</b>")


def test_readable_assumptions_and_weeks_read_in_words_with_public_sources():
    table = c.readable(c.assumptions_table())
    assert table.index.name == "assumption" and list(table.columns) == ["value", "kind", "what it says"]
    assert list(table.index) == [c.LABELS[n] for n in c.PARAMETERS]
    assert not any("_" in label for label in table.index)
    assert table.loc["people in the society", "value"] == "1,000"
    assert table.loc["random seed", "value"] == "2013"
    assert c.readable(c.assumptions_table(c.with_changes(exodus=None))).loc["week every OS leaves", "value"] == "never"
    for text in [*table["kind"], *table["what it says"]]:
        assert not re.search(r"\bseeds? \d{3}|film-facts|sources/|None", text), text
    weeks = c.readable(c.simulate(**SMALL))
    assert weeks.index.name == "week"
    assert not any("_" in label for label in weeks.columns)
    assert set(weeks["OSes still here"]) == {"yes", "no"}
    seeds = c.readable(pd.Series({1: 0.6484375}, name="tipping level").rename_axis("seed"))
    assert list(seeds.columns) == ["tipping level"] and seeds.index.name == "random seed"
    assert seeds.iloc[0, 0] == 0.648
