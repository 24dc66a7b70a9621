"""Rubrics as data (rubrics/*.csv) and their loader."""
import pytest

from seminar import KIT_ROOT
from seminar.instructor.rubrics import load_rubric, parse_rubric
from seminar.text import InputError

HEAD = "criterion,weight,level,descriptor\n"


def test_every_shipped_rubric_loads_and_has_levels_from_zero():
    paths = sorted((KIT_ROOT / "rubrics").glob("*.csv"))
    assert paths, "rubrics/ holds no rubric"
    for path in paths:
        rubric = load_rubric(path)
        assert rubric.criteria and all(c.top >= 1 for c in rubric.criteria)


def test_the_default_written_answer_rubric():
    rubric = load_rubric(KIT_ROOT / "rubrics" / "written-answer.csv")
    assert [c.name for c in rubric.criteria] == [
        "argument", "use of the reading", "objection considered", "clarity"]
    assert rubric.score({}) == 0
    full = {c.name: c.top for c in rubric.criteria}
    assert rubric.score(full) == 1
    half = dict(full, argument=0)  # argument weighs 3 of 8
    assert rubric.score(half) == pytest.approx(5 / 8)
    assert rubric.score({"argument": "3", "clarity": 2.0}) == pytest.approx(4 / 8)


@pytest.mark.parametrize("level", ["4", "-1", "1.5", "two", "nan?"])
def test_a_level_out_of_range_is_refused_with_the_criterion_named(level):
    rubric = load_rubric(KIT_ROOT / "rubrics" / "written-answer.csv")
    with pytest.raises(InputError, match="argument"):
        rubric.score({"argument": level})


@pytest.mark.parametrize("text,words", [
    ("a,b\n1,2\n", "columns"),
    (HEAD + "x,1,0,a\nx,1,2,b\n", "no gaps"),
    (HEAD + "x,1,0,a\nx,2,1,b\n", "two different weights"),
    (HEAD + "x,0,0,a\nx,0,1,b\n", "positive"),
    (HEAD + "x,1,0,a\nx,1,0,b\n", "twice"),
    (HEAD + ",1,0,a\n", "empty"),
    (HEAD + "x,one,0,a\n", "number"),
])
def test_broken_rubrics_say_what_is_wrong(text, words):
    with pytest.raises(InputError, match=words):
        parse_rubric(text, "broken")
