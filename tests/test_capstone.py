"""The capstone's worked example (lesson 08): known in a crowd."""
import math
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from seminar.models import capstone  # noqa: E402


def test_defaults_follow_the_stated_facts_and_assumptions():
    low, high, default = capstone.PARAMETERS["others"]
    assert default == 8_316  # the film's number (brajeshwar.com/2023/her)
    values = capstone.VALUES
    kinds = {key: kind for key, _, _, kind, _ in capstone.ASSUMPTIONS}
    assert kinds["others"] == "film fact" and values["others"] == 8_316
    assert values["speech_wpm"] == 150
    # 150 words a minute, half of the time his, one fact per 1,000 words:
    words_an_hour = values["speech_wpm"] * 60 * values["his share of the talk"]
    assert words_an_hour / values["words_per_fact"] == capstone.PARAMETERS["facts_per_hour"][2]
    assert values["mother_answers"] == capstone.PARAMETERS["mother_answers"][2]
    assert set(kinds.values()) <= {"film fact", "calibration", "assumption", "assumption (derived)"}


def test_the_assumptions_table_reads_in_words_and_cites_public_sources():
    table = capstone.assumptions_table()
    assert table.loc["others she talks with", "kind"] == "film fact"
    assert table.loc["others she talks with", "value"] == "8,316"
    assert "8,316" in table.loc["others she talks with", "source"]
    assert "brajeshwar.com/2023/her" in table.loc["others she talks with", "source"]
    assert "dispatch-4" in table.loc["questions in the setup questionnaire", "source"]
    assert table.loc["his words per telling fact", "value"] == "1,000"
    assert table.loc["kinds of answer about his mother", "value"] == "5"
    labels = [table.index.name, *table.index, *table.columns]
    for label in labels:  # no parameter names such as mother_answers or speech_wpm
        assert "_" not in label, label
    every_label = set(capstone.LABELS)
    assert set(capstone.PARAMETERS) <= every_label
    text = table.to_string()
    for private in ("film-facts", "public-domain.md", "seeds/", "sources/", ".txt"):
        assert private not in text, private
    assert not re.search(r"\bseeds? \d{3}", text), "cites a developer's seed file"
    assert "e+" not in text


def test_the_questionnaire_and_the_crowd_by_hand():
    # two yes/no answers and one of five kinds of answer: 2 * 2 * 5 = 20 kinds of people
    assert capstone.questionnaire_facts(5) == pytest.approx(math.log2(20))
    table = capstone.crowd_model()
    assert table["others_like_him"].iloc[0] == pytest.approx(8_316 / 20)
    assert table.index[0] == 0 and table.index[-1] == 6 and len(table) == 241
    one_hour = capstone.crowd_model(hours=1, steps=2)
    assert one_hour["others_like_him"].iloc[-1] == pytest.approx(8_316 / 20 / 2 ** 4.5)
    # log2(8316 / 20) / 4.5 hours
    assert capstone.single_out_hour() == pytest.approx(math.log2(8_316 / 20) / 4.5)
    assert round(capstone.single_out_hour(), 2) == 1.93


def test_the_table_is_a_pandas_table_with_numeric_columns_and_its_crossing():
    table = capstone.crowd_model(hours=4, others=1000, mother_answers=2, facts_per_hour=1.5)
    assert isinstance(table, pd.DataFrame) and table.index.name == "hour"
    assert list(table.columns) == ["facts", "others_like_him", "told_apart"]
    assert table["others_like_him"].is_monotonic_decreasing
    crossing = table.attrs["single_out_hour"]
    assert crossing == pytest.approx((math.log2(1000) - 3) / 1.5)
    assert not table.loc[table.index < crossing, "told_apart"].any()
    assert table.loc[table.index > crossing, "told_apart"].all()


def test_never_and_at_once():
    assert capstone.single_out_hour(facts_per_hour=0) is None
    assert capstone.single_out_hour(others=10, mother_answers=5) == 0.0  # 20 kinds > 10 people
    text = capstone.describe_crowd(capstone.crowd_model(facts_per_hour=0))
    assert "never falls below one within 6 hours" in text
    assert "from the start" in capstone.describe_crowd(capstone.crowd_model(others=10))
    slow = capstone.crowd_model(hours=1, facts_per_hour=1)
    assert "never falls below one within 1 hours" in capstone.describe_crowd(slow)


@pytest.mark.parametrize("params, words", [
    ({"hours": 0}, "hours must be a number from 1.0 to 24.0; got 0"),
    ({"hours": math.inf}, "hours must be"), ({"hours": "many"}, "got str 'many'"),
    ({"others": 0}, "others must be a whole number from 1 to 20,000"),
    ({"others": 2.5}, "others must be a whole number"), ({"others": True}, "got bool True"),
    ({"others": 10**9}, "others must be"), ({"mother_answers": -1}, "mother_answers must be"),
    ({"mother_answers": math.nan}, "mother_answers must be"),
    ({"facts_per_hour": -0.5}, "facts_per_hour must be"), ({"facts_per_hour": math.nan}, "got nan"),
    ({"facts_per_hour": None}, "got NoneType"), ({"steps": 1}, "steps must be"),
    ({"steps": 10**7}, "steps must be"), ({"hours": "x" * 10_000}, "..."),
])
def test_bad_parameters_raise_value_error_naming_them(params, words):
    with pytest.raises(ValueError) as err:
        capstone.crowd_model(**params)
    assert words in str(err.value) and len(str(err.value)) < 200


def test_every_range_is_consistent_and_its_defaults_are_the_functions():
    import inspect

    defaults = {n: p.default for n, p in inspect.signature(capstone.crowd_model).parameters.items()}
    for name, (low, high, default) in capstone.PARAMETERS.items():
        assert low < high and low <= default <= high
        assert defaults[name] == default
        assert capstone.check_parameter(name, low) == low and capstone.check_parameter(name, high) == high


def test_the_plot_and_its_description():
    fig, ax = plt.subplots()
    table = capstone.plot_crowd(ax)
    assert ax.get_yscale() == "log" and ax.get_xlabel() and ax.get_ylabel()
    styles = {line.get_linestyle() for line in ax.lines}
    assert {"-", "--", ":"} <= styles  # distinct without colour
    colours = {line.get_color() for line in ax.lines}
    assert {"#0072B2", "#D55E00"} <= colours
    assert len(ax.get_legend().get_texts()) == 2
    text = capstone.describe_crowd(table)
    assert "starts at 416 after" in text and "ends at 0.0000031" in text and "e-0" not in text and "after 1.9 hours" in text
    assert "ends at 416" in capstone.describe_crowd(capstone.crowd_model(facts_per_hour=0))
    assert "ends at 18.4" in capstone.describe_crowd(capstone.crowd_model(hours=1))
    plt.close(fig)
    fig, ax = plt.subplots()
    capstone.plot_crowd(ax, facts_per_hour=0)  # no crossing line
    assert ":" not in {line.get_linestyle() for line in ax.lines}
    plt.close(fig)


def test_check_parameter_works_with_any_table_of_ranges():
    ranges = {"speed": (0.5, 2.0, 1.0), "count": (1, 10, 3)}
    assert capstone.check_parameter("speed", 1, ranges) == 1.0
    assert capstone.check_parameter("count", 10, ranges) == 10
    with pytest.raises(ValueError, match="count must be a whole number from 1 to 10; got float 2.5"):
        capstone.check_parameter("count", 2.5, ranges)
    with pytest.raises(ValueError, match="speed must be a number from 0.5 to 2.0; got 3"):
        capstone.check_parameter("speed", 3, ranges)
    with pytest.raises(ValueError, match="'size' is not a parameter; known: speed, count"):
        capstone.check_parameter("size", 1, ranges)


# ------------------------------------------------------------------ exercise 08's generic checks
from seminar.classroom.checks import Checker  # noqa: E402
from seminar.classroom.exercise_checks import e08_your_own_experiment as e08  # noqa: E402

GOOD_STUDENT = '''
import math
import numpy as np
import pandas as pd
from seminar.models.capstone import check_parameter

PARAMETERS = {"letters": (1, 500, 40), "minutes_each": (0.5, 60.0, 10.0)}

def my_model(letters=40, minutes_each=10.0):
    letters = check_parameter("letters", letters, PARAMETERS)
    minutes_each = check_parameter("minutes_each", minutes_each, PARAMETERS)
    n = np.arange(letters + 1)
    return pd.DataFrame({"letters": n, "hours": n * minutes_each / 60})

def plot_model(ax, **params):
    table = my_model(**params)
    ax.plot(table["letters"], table["hours"], color="#0072B2")
    ax.set_xlabel("letters written")
    ax.set_ylabel("hours")
    return table

def describe_model(table):
    return f"A straight line rising to {table['hours'].iloc[-1]:.1f} hours."
'''


def student(code=GOOD_STUDENT):
    """Run a student's notebook code in its own namespace, as a notebook would."""
    namespace = {}
    exec(code, namespace)  # noqa: S102 - test code written here
    return namespace


def verdict(question, answer):
    ok, message = e08.CHECKS[question](answer)
    return ok, message


def test_a_good_student_model_passes_every_check():
    ns = student()
    assert verdict("q12", ns["PARAMETERS"]) == (True, "")
    assert verdict("q13", ns["my_model"]) == (True, "")
    assert verdict("q14", ns["plot_model"]) == (True, "")
    assert verdict("q15", ns["describe_model"]) == (True, "")


def test_the_worked_example_passes_the_generic_checks():
    ns = {"PARAMETERS": capstone.PARAMETERS}
    exec("from seminar.models.capstone import crowd_model as _m\n"
         "def my_model(hours=6.0, others=8316, mother_answers=5, facts_per_hour=4.5):\n"
         "    return _m(hours, others, mother_answers, facts_per_hour)\n", ns)
    assert verdict("q13", ns["my_model"]) == (True, "")


@pytest.mark.parametrize("parameters, words", [
    ([1, 2, 3], "should be a dict"), ({}, "between 1 and 8"),
    ({f"p{i}": (0, 1, 0) for i in range(9)}, "between 1 and 8"),
    ({"1x": (0, 1, 0)}, "cannot be a parameter name"), ({"class": (0, 1, 0)}, "cannot be"),
    ({"a": (0, 1)}, "(lowest, highest, default)"), ({"a": (0, math.nan, 0)}, "finite numbers"),
    ({"a": (0, True, 0)}, "finite numbers"), ({"a": (2, 1, 1)}, "below the highest"),
    ({"a": (0, 1, 5)}, "between its lowest and highest"),
])
def test_bad_parameter_tables_get_a_specific_hint(parameters, words):
    ok, message = verdict("q12", parameters)
    assert not ok and words in message


BROKEN_MODELS = [
    ("my_model = 3", "should be a function"),
    ("def my_model(**params):\n    return pd.DataFrame({'a': [1]})", "no *args or **kwargs"),
    ("def my_model(letters, minutes_each=1.0):\n    return pd.DataFrame({'a': [1]})", "letters has none"),
    ("def my_model(letters=40, minutes_each=10.0):\n    return [1, 2]", "should return a pandas DataFrame"),
    ("def my_model(letters=40, minutes_each=10.0):\n    return pd.DataFrame()", "empty table"),
    ("def my_model(letters=40, minutes_each=10.0):\n    return pd.DataFrame({'a': ['x']})", "numeric column"),
    ("def my_model(letters=40, minutes_each=10.0):\n    return pd.DataFrame({'a': [math.nan]})", "numeric column"),
    ("def my_model(letters=40, minutes_each=10.0):\n    return pd.DataFrame({'a': [1.0]})",
     "my_model(letters=nan) returned a result"),
    ("def my_model(letters=40, minutes_each=10.0):\n    return pd.DataFrame({'a': [letters + minutes_each]})",
     "my_model(letters=nan) returned a result"),
    ("def my_model(letters=40, minutes_each=10.0):\n"
     "    if letters != letters: raise ValueError('letters is NaN')\n"
     "    return pd.DataFrame({'a': [letters + 1]})", "my_model(letters='not a number') raised TypeError"),
    ("def my_model(letters=40, minutes_each=10.0):\n"
     "    if letters != letters or isinstance(letters, str): raise ValueError('bad value')\n"
     "    return pd.DataFrame({'a': [1.0]})", "should name 'letters'"),
    ("def my_model(letters=40, minutes=10.0):\n"
     "    check_parameter('letters', letters, PARAMETERS)\n"
     "    if minutes != minutes or isinstance(minutes, str): raise ValueError('minutes')\n"
     "    return pd.DataFrame({'a': [1.0]})", "they should be the same"),
    ("def my_model(letters=41, minutes_each=10.0):\n"
     "    check_parameter('letters', letters, PARAMETERS)\n"
     "    check_parameter('minutes_each', minutes_each, PARAMETERS)\n"
     "    return pd.DataFrame({'a': [1.0]})", "differs from the default in PARAMETERS"),
    ("def my_model(letters=40, minutes_each=10.0):\n"
     "    check_parameter('letters', letters, PARAMETERS)\n"
     "    check_parameter('minutes_each', minutes_each, PARAMETERS)\n"
     "    if letters == 500: raise ValueError('letters: too many')\n"
     "    return pd.DataFrame({'a': [1.0]})", "my_model(letters=500) "),
    ("def my_model(letters=40, minutes_each=10.0):\n"
     "    if letters != letters or isinstance(letters, str): raise ValueError('letters')\n"
     "    check_parameter('minutes_each', minutes_each, PARAMETERS)\n"
     "    return pd.DataFrame({'a': [1.0]})", "outside the range in PARAMETERS"),
]


@pytest.mark.parametrize("code, words", BROKEN_MODELS, ids=range(len(BROKEN_MODELS)))
def test_broken_models_fail_with_a_specific_hint(code, words):
    ns = student(GOOD_STUDENT.split("def my_model")[0] + code)
    ok, message = verdict("q13", ns["my_model"])
    assert not ok and words in message, message


def test_plot_and_description_checks_can_fail():
    ns = student()
    exec("def blank_plot(ax, **params):\n    my_model(**params)\n"
         "def unlabelled(ax, **params):\n    ax.plot([1, 2])\n"
         "def wordy(table):\n    return 'A line that goes up, no numbers here.'\n"
         "def short(table):\n    return 'Up 1.'\n"
         "def not_text(table):\n    return 42\n", ns)
    assert "drew nothing" in verdict("q14", ns["blank_plot"])[1]
    assert "label both axes" in verdict("q14", ns["unlabelled"])[1]
    assert "at least one number" in verdict("q15", ns["wordy"])[1]
    assert "20 to 2,000 characters" in verdict("q15", ns["short"])[1]
    assert "not int" in verdict("q15", ns["not_text"])[1]
    del ns["my_model"]
    assert "finish my_model (Q13) first" in verdict("q15", ns["describe_model"])[1]


def test_blank_stubs_are_not_answered_yet():
    checker = Checker("08-your-own-experiment")
    ns = {}
    exec("def my_model(a=1):\n    return ...\n"
         "def plot_model(ax, **params):\n    return ...\n"
         "def describe_model(table):\n    return ...\n", ns)
    for question, answer in (("q12", ...), ("q13", ns["my_model"]), ("q14", ns["plot_model"]),
                             ("q15", ns["describe_model"])):
        assert checker.evaluate(question, answer).status == "not answered"


def test_the_core_of_exercise_08_is_read_off_the_worked_example():
    """q1 and q2 are hours the toy prints (one decimal is enough); q3 and q4 say why not."""
    assert verdict("q1", 1.9)[0] and verdict("q1", 1.93)[0] and not verdict("q1", 2.4)[0]
    assert verdict("q2", 19.3)[0] and not verdict("q2", 1.9)[0]
    assert verdict("q3", "B")[0] and "logarithm" in verdict("q3", "A")[1]
    assert verdict("q4", "b")[0] and "assumption" in verdict("q4", "C")[1]
    assert e08.OPTIONAL == {"q12", "q13", "q14", "q15"}
