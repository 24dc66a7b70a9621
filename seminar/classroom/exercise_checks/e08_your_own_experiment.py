"""Self-checks of exercise 08-your-own-experiment.

The core (q1 to q4) explores lesson 08's worked example by changing values: two numbers
read off the toy (computed here from ``seminar.models.capstone``, never typed in) and two
choices. The student's own thought experiment is written (Q5 to Q11), read by a person.

"Going further (optional)" checks a student's own model. Every student builds a different
one, so those checks test the pattern, not the numbers:

- q12 ``PARAMETERS``: a dict of 1 to 8 names, each (lowest, highest, default) with
  lowest < highest and the default between them.
- q13 ``my_model``: every parameter has a default; ``my_model()`` returns a non-empty pandas
  DataFrame with a numeric column holding a finite number; NaN and text for any
  parameter raise ValueError naming it. If the notebook's ``PARAMETERS`` is ready, its
  names must be the function's parameters, its defaults the function's defaults; the
  ends of each range must work, and values beyond them must raise ValueError.
- q14 ``plot_model(ax, **params)``: draws something on ``ax`` and labels both axes.
- q15 ``describe_model(table)``: says in words, with at least one number, what the plot of
  ``my_model()``'s table shows.

The checks find ``PARAMETERS`` and ``my_model`` in the notebook through the function's
globals (the notebook's namespace).
"""
import inspect
import keyword
import math
from numbers import Real

import pandas as pd

from seminar.classroom.checks import Choice, Number, Predicate, is_placeholder
from seminar.models import capstone

MAX_PARAMETERS = 8
BAD_TEXT = "not a number"


def _is_number(x) -> bool:
    return isinstance(x, Real) and not isinstance(x, bool) and math.isfinite(float(x))


def _parameters_ok(parameters):
    if not isinstance(parameters, dict):
        return f"Not yet: PARAMETERS should be a dict, not {type(parameters).__name__}."
    if not 1 <= len(parameters) <= MAX_PARAMETERS:
        return f"Not yet: give between 1 and {MAX_PARAMETERS} parameters."
    for name, spec in parameters.items():
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            return f"Not yet: {str(name)[:40]!r} cannot be a parameter name (use letters, digits, _)."
        if not isinstance(spec, (tuple, list)) or len(spec) != 3:
            return f"Not yet: PARAMETERS[{name!r}] should be (lowest, highest, default)."
        if not all(_is_number(v) for v in spec):
            return f"Not yet: the three values for {name!r} should be finite numbers."
        low, high, default = spec
        if not low < high:
            return f"Not yet: for {name!r} the lowest value should be below the highest."
        if not low <= default <= high:
            return f"Not yet: the default for {name!r} should lie between its lowest and highest values."
    return True


def _raises_value_error(fn, name, value):
    """None if fn(name=value) raises ValueError naming ``name``, else a hint saying what happened."""
    call = f"my_model({name}={value!r})"
    try:
        fn(**{name: value})
    except ValueError as exc:
        if name not in str(exc):
            return f"Not yet: {call} raised ValueError, but its message should name {name!r}."
        return None
    except Exception as exc:  # noqa: BLE001 - the student's code may raise anything
        return (f"Not yet: {call} raised {type(exc).__name__}, not ValueError: check the value "
                "first and raise ValueError naming the parameter and its range.")
    return f"Not yet: {call} returned a result; it should raise ValueError naming {name!r}."


def _call(fn, kwargs):
    """(result or the exception raised, a text of the call) of ``fn(**kwargs)``."""
    call = "my_model(" + ", ".join(f"{k}={v!r}" for k, v in kwargs.items()) + ")"
    try:
        return fn(**kwargs), call
    except Exception as exc:  # noqa: BLE001 - the student's code may raise anything
        return exc, call


def _table_problem(table, call="my_model()"):
    if isinstance(table, Exception):
        return f"Not yet: {call} raised {type(table).__name__}: {str(table)[:150]}"
    if not isinstance(table, pd.DataFrame):
        return f"Not yet: {call} should return a pandas DataFrame, not {type(table).__name__}."
    if table.empty:
        return f"Not yet: {call} returned an empty table."
    numeric = table.select_dtypes(include="number").select_dtypes(exclude="bool")
    finite = [c for c in numeric.columns if numeric[c].map(_is_number).any()]
    if not finite:
        return f"Not yet: the table from {call} needs a numeric column with a finite number in it."
    return None


def _model_ok(fn):
    if not callable(fn):
        return "Not yet: my_model should be a function, defined with def."
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):
        return "Not yet: my_model should be a function, defined with def."
    params = [p for p in signature.parameters.values()
              if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    if not params or len(params) != len(signature.parameters):
        return "Not yet: list each parameter by name, with a default (no *args or **kwargs)."
    missing = [p.name for p in params if p.default is inspect.Parameter.empty]
    if missing:
        return f"Not yet: give every parameter a default value ({', '.join(missing)} has none)."
    problem = _table_problem(*_call(fn, {}))
    if problem:
        return problem
    names = [p.name for p in params][:MAX_PARAMETERS]
    for name in names:
        for bad in (math.nan, BAD_TEXT):
            problem = _raises_value_error(fn, name, bad)
            if problem:
                return problem
    ranges = getattr(fn, "__globals__", {}).get("PARAMETERS")
    if ranges is None or is_placeholder(ranges) or _parameters_ok(ranges) is not True:
        return True  # the checks of q2 say what is wrong with PARAMETERS
    if set(ranges) != set(p.name for p in params):
        return (f"Not yet: PARAMETERS names {', '.join(map(str, ranges))}, but my_model takes "
                f"{', '.join(p.name for p in params)}: they should be the same.")
    for p in params:
        low, high, default = ranges[p.name]
        if p.default != default:
            return (f"Not yet: the default of {p.name} in my_model differs from the default in "
                    "PARAMETERS; make them the same.")
        for end in (low, high):
            problem = _table_problem(*_call(fn, {p.name: end}))
            if problem:
                return problem + " (The ends of each range in PARAMETERS should work.)"
        width = high - low
        for beyond in (low - width - 1, high + width + 1):
            problem = _raises_value_error(fn, p.name, beyond)
            if problem:
                return problem + " (It lies outside the range in PARAMETERS.)"
    return True


def _plot_ok(fn):
    if not callable(fn):
        return "Not yet: plot_model should be a function, defined with def."
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    fn(ax)
    marks = len(ax.lines) + len(ax.patches) + len(ax.collections) + len(ax.images)
    if marks == 0:
        return "Not yet: plot_model(ax) drew nothing on ax: draw with ax.plot(...) or similar."
    if not ax.get_xlabel().strip() or not ax.get_ylabel().strip():
        return "Not yet: label both axes with ax.set_xlabel(...) and ax.set_ylabel(...)."
    return True


def _description_ok(fn):
    if not callable(fn):
        return "Not yet: describe_model should be a function, defined with def."
    model = getattr(fn, "__globals__", {}).get("my_model")
    if model is None or is_placeholder(model):
        return "Not yet: finish my_model (Q13) first: describe_model needs its table."
    text = fn(model())
    if not isinstance(text, str):
        return f"Not yet: describe_model should return text (a str), not {type(text).__name__}."
    if not 20 <= len(text.strip()) <= 2000:
        return "Not yet: the description should be a sentence or a few (20 to 2,000 characters)."
    if not any(ch.isdigit() for ch in text):
        return "Not yet: say what the figure shows with at least one number from the table."
    return True


#: Q1 and Q2: hours until she can tell him from all the others, read off the toy.
Q1_HOURS = capstone.single_out_hour()
Q2_HOURS = capstone.single_out_hour(facts_per_hour=capstone.PARAMETERS["facts_per_hour"][2] / 10)

CHECKS = {
    "q1": Number(expected=Q1_HOURS, rel_tol=0.03,
                 hint="Not yet: run the worked example's cell with the values as given, and read "
                      "the hours in the sentence under the figure (after ... hours)."),
    "q2": Number(expected=Q2_HOURS, rel_tol=0.03,
                 hint="Not yet: set facts_per_hour to a tenth of 4.5 in the worked example's cell, "
                      "run it, and read the hours in the sentence under the figure."),
    "q3": Choice("B", {
        "A": "the time grows only with the logarithm of the crowd: from 831 to 20,000 others "
             "it changes by about an hour.",
        "B": "",
        "C": "the answers about his mother only move the starting point, by at most about "
             "four facts: under an hour of talk.",
    }, hint="Not yet: change one value at a time and compare how far the hours move."),
    "q4": Choice("B", {
        "A": "4.5 facts an hour is derived from two assumptions (he speaks half the time; one "
             "telling fact per 1,000 words) and a calibration.",
        "B": "",
        "C": "the source records the question about his mother, not how the answers spread: "
             "5 kinds is the example's assumption.",
        "D": "150 words a minute is a calibration for conversational speech in general, not "
             "something the film states.",
    }, hint="Not yet: look at the kind column of the table of facts and assumptions."),
    "q12": Predicate(test=_parameters_ok,
                     hint="Not yet: PARAMETERS maps each name to (lowest, highest, default)."),
    "q13": Predicate(test=_model_ok,
                     hint="Not yet: my_model() should return a pandas DataFrame, and raise "
                          "ValueError for a bad parameter."),
    "q14": Predicate(test=_plot_ok,
                     hint="Not yet: plot_model(ax) should draw on ax and label both axes."),
    "q15": Predicate(test=_description_ok,
                     hint="Not yet: describe_model(table) should return a sentence about the figure."),
}

#: "Going further (optional, for those who code)".
OPTIONAL = {"q12", "q13", "q14", "q15"}


def _a_table(out):
    """A sandbox output: a table (as the sandbox sends it) with a finite number in some column."""
    table = out.get("value")
    if not isinstance(table, dict) or not table.get("rows") or not isinstance(table.get("columns"), dict):
        return False
    return any(_is_number(x) for column in table["columns"].values() if isinstance(column, list)
               for x in column)


def _value_error(out):
    return str(out.get("error", "")).startswith("ValueError")


#: Hidden cases of q13 for ``grade --optional``. Every model differs, so they test the pattern:
#: ``my_model()`` gives a table with a finite number; NaN or text for the first parameter raises
#: ValueError. (q14 draws on an Axes and q15 describes a table: neither can be passed into the
#: sandbox as data, so they are read by a person.)
CASES = {"q13": {"call": "my_model", "cases": [
    [[], _a_table], [[math.nan], _value_error], [[BAD_TEXT], _value_error]]}}
