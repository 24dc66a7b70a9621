"""The capstone's worked example (lesson 08): known in a crowd.

The question: Samantha talks with 8,316 other people at once. OS1's makers say it
"listens to you, understands you, and knows you"; it starts from a brief questionnaire.
How soon could she tell Theodore apart from everyone else she talks with?

The model, in words: every fact about Theodore that Samantha learns, if it is as telling
as one yes/no answer, halves the number of other people who would match everything she
knows about him. The questionnaire gives the first facts; conversation adds more at a
steady rate. The table follows the expected number of others "like him" hour by hour;
once it falls below one, she can tell him from all of them.

It is built in the pattern the students copy (a function returning a pandas table,
parameter ranges as data, a plot with a text description), only on film facts (with
their public sources) and labelled assumptions: :func:`assumptions_table` lists them all.
No widgets here: lesson 08 puts sliders on it with ``ipywidgets.interact``.

Example::

    >>> round(single_out_hour(), 2)
    1.93
"""
from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np
import pandas as pd

from seminar.text import plain_number

#: name -> (lowest, highest, default). A parameter given as three ints takes whole numbers.
PARAMETERS = {
    "hours": (1.0, 24.0, 6.0),
    "others": (1, 20_000, 8_316),
    "mother_answers": (1, 20, 5),
    "facts_per_hour": (0.0, 20.0, 4.5),
}

#: Film facts and calibration (with their public sources) and the model's assumptions
#: (labelled): (key, label in words, value, kind, source). The key is the parameter's name
#: in code; students read the label. Sources are ones a student can look up: a web page, an
#: essay in readings/ (by excerpt id), or the kit's own stated assumption.
ASSUMPTIONS = [
    ("others", "others she talks with", 8_316, "film fact",
     "Samantha is talking with 8,316 others (brajeshwar.com/2023/her and lists of quotes "
     "from the film)"),
    ("questionnaire", "questions in the setup questionnaire", "3 questions", "film fact",
     "OS1's setup questionnaire asks: social or anti-social; a male or a female voice; your "
     "relationship with your mother (The Dispatch, 2023, a ten-year retrospective on Her; "
     "excerpt dispatch-4)"),
    ("no other questions", "no other questions", "", "assumption",
     "The sources record these three questions; the model assumes the questionnaire asks "
     "nothing else"),
    ("yes/no answers", "yes/no answers from the first two questions", 2, "assumption",
     "The first two questions have two answers each, and each answer is as telling as one "
     "yes/no answer: it halves the crowd (people answer evenly and independently)"),
    ("mother_answers", "kinds of answer about his mother", 5, "assumption",
     "The open question about his mother sorts people into 5 kinds of answer, evenly"),
    ("speech_wpm", "speaking speed (words a minute)", 150, "calibration",
     "Conversational speech, about 150 words a minute: the kit's round working figure, as in "
     "lesson 03 (no study is cited for it)"),
    ("his share of the talk", "his share of the talk", 0.5, "assumption",
     "Theodore speaks half of the time: 4,500 of his words an hour"),
    ("words_per_fact", "his words per telling fact", 1_000, "assumption",
     "Most of what he says sets him apart from no one; on average one thousand of his words "
     "tell her one new thing as telling as a yes/no answer"),
    ("facts_per_hour", "telling facts per hour of talk", 4.5, "assumption (derived)",
     "4,500 words an hour / 1,000 words per fact"),
]

#: key -> value, for code (the table shows the values in words).
VALUES = {key: value for key, _, value, _, _ in ASSUMPTIONS}

#: key -> the label a student reads (parameters and assumptions alike).
LABELS = {key: label for key, label, _, _, _ in ASSUMPTIONS} | {"hours": "hours of talk"}

#: Colours (Okabe-Ito) and line styles of the plot: distinct without colour, too.
STYLE = {"crowd": {"color": "#0072B2", "linestyle": "-", "label": "others she cannot yet tell from him"},
         "one": {"color": "#D55E00", "linestyle": "--", "label": "one other person: below this line, all are told apart"},
         "cross": {"color": "#000000", "linestyle": ":"}}


def assumptions_table() -> pd.DataFrame:
    """Every fact and assumption the model rests on, with its kind and source, for reading.

    Rows are labelled in words and values are written out (8,316, 0.5); the values as
    numbers, by parameter name, are in :data:`VALUES`.
    """
    rows = [(label, _words(value), kind, source) for _, label, value, kind, source in ASSUMPTIONS]
    return pd.DataFrame(rows, columns=["fact or assumption", "value", "kind", "source"]
                        ).set_index("fact or assumption")


def _words(value) -> str:
    """A value as a student reads it: 8,316 and 0.5, never 8316.0; text as it is."""
    return value if isinstance(value, str) else plain_number(value)


def check_parameter(name: str, value, parameters: dict | None = None):
    """``value`` if it lies in its range, else ValueError naming the parameter and the range.

    ``parameters`` maps names to (lowest, highest, default), like :data:`PARAMETERS` (the
    default). A parameter whose three numbers are all ``int`` takes whole numbers only.
    Students' models in exercise 08 can use it with their own ``PARAMETERS``.
    """
    parameters = PARAMETERS if parameters is None else parameters
    if name not in parameters:
        raise ValueError(f"{name!r} is not a parameter; known: {', '.join(parameters)}.")
    low, high, _ = parameters[name]
    whole = all(isinstance(v, Integral) and not isinstance(v, bool) for v in parameters[name])
    kind = "a whole number" if whole else "a number"
    where = f"{name} must be {kind} from {low:,} to {high:,}"
    if isinstance(value, bool) or not isinstance(value, Integral if whole else Real):
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        raise ValueError(f"{where}; got {type(value).__name__} {shown}.")
    if isinstance(value, Integral) and not low <= value <= high:  # also 10**400, too big for a float
        shown = f"{int(value):,}" if abs(int(value)).bit_length() < 200 else "a number far too large"
        raise ValueError(f"{where}; got {shown}.")
    if not math.isfinite(float(value)) or not low <= value <= high:
        raise ValueError(f"{where}; got {value}.")
    return int(value) if whole else float(value)


def questionnaire_facts(mother_answers: int = 5) -> float:
    """Facts (in yes/no answers) the questionnaire gives: 2 + log2(kinds of answer about his mother)."""
    return 2 + math.log2(check_parameter("mother_answers", mother_answers))


def crowd_model(hours: float = 6.0, others: int = 8_316, mother_answers: int = 5,
                facts_per_hour: float = 4.5, steps: int = 241) -> pd.DataFrame:
    """How many of the others Samantha could not yet tell from Theodore, hour by hour.

    Parameters (ranges in :data:`PARAMETERS`; anything else raises ValueError naming it):
    hours of conversation modelled; the other people she talks with (8,316 in the film);
    kinds of answer to the question about his mother; facts she learns per hour of talk.
    ``steps`` is the number of rows (2 to 100,000).

    Columns (index ``hour``): ``facts`` she knows about him (in yes/no answers);
    ``others_like_him``, the expected number of the other people who match all of them,
    others / 2**facts; ``told_apart``, True once that is below one. ``table.attrs`` holds
    the parameters and ``single_out_hour``.
    """
    hours = check_parameter("hours", hours)
    others = check_parameter("others", others)
    facts_per_hour = check_parameter("facts_per_hour", facts_per_hour)
    start = questionnaire_facts(mother_answers)
    if isinstance(steps, bool) or not isinstance(steps, Integral) or not 2 <= steps <= 100_000:
        raise ValueError(f"steps must be a whole number from 2 to 100,000; got {steps!r}.")
    hour = np.linspace(0.0, hours, int(steps))
    facts = start + facts_per_hour * hour
    like_him = others * np.exp2(-facts)
    table = pd.DataFrame({"facts": facts, "others_like_him": like_him, "told_apart": like_him < 1},
                         index=pd.Index(hour, name="hour"))
    params = {"hours": hours, "others": others, "mother_answers": int(mother_answers),
              "facts_per_hour": facts_per_hour}
    table.attrs = {"parameters": params,
                   "single_out_hour": single_out_hour(others, mother_answers, facts_per_hour)}
    return table


#: Column names of :func:`crowd_model` in words (the names in code stay, for students' models).
COLUMNS = {"hour": "hours of talk", "facts": "facts she knows (in yes/no answers)",
           "others_like_him": "others who still match everything she knows",
           "told_apart": "told apart from all of them?"}


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A table of :func:`crowd_model` for reading: columns in words, numbers written out.

    Facts to one decimal; the expected count as :func:`describe_crowd` writes it (416, 18.4,
    0.812, 0.000003: never 4.2e-06); yes or no for ``told_apart``.
    """
    if not isinstance(table, pd.DataFrame) or not set(COLUMNS) - {"hour"} <= set(table.columns):
        raise ValueError("table must be a table made by crowd_model(), with the columns "
                         f"facts, others_like_him and told_apart; got {type(table).__name__}.")
    out = pd.DataFrame({
        COLUMNS["facts"]: [f"{x:.1f}" for x in table["facts"]],
        COLUMNS["others_like_him"]: [_count(float(x)) for x in table["others_like_him"]],
        COLUMNS["told_apart"]: ["yes" if x else "no" for x in table["told_apart"]],
    }, index=pd.Index([f"{h:g}" for h in table.index], name=COLUMNS["hour"]))
    return out


def single_out_hour(others: int = 8_316, mother_answers: int = 5,
                    facts_per_hour: float = 4.5) -> float | None:
    """The hour of talk after which fewer than one other person matches him (None: never).

    Solves others / 2**(q + rate * h) = 1 for h; 0 if the questionnaire alone is enough.
    """
    others = check_parameter("others", others)
    rate = check_parameter("facts_per_hour", facts_per_hour)
    needed = math.log2(others) - questionnaire_facts(mother_answers)
    if needed <= 0:
        return 0.0
    return None if rate == 0 else needed / rate


def describe_crowd(table: pd.DataFrame) -> str:
    """The plot of :func:`plot_crowd` in words, for a reader who cannot see it."""
    first, last = table["others_like_him"].iloc[0], table["others_like_him"].iloc[-1]
    hours = table.index[-1]
    crossing = table.attrs.get("single_out_hour")
    if crossing is None or crossing > hours:
        when = f"It never falls below one within {hours:g} hours."
    elif crossing == 0:
        when = "It is below one from the start: the questionnaire alone sets him apart."
    else:
        when = (f"It falls below one after {crossing:.1f} hours: from then on she can tell him "
                "from all of them.")
    return (f"A line on a logarithmic scale: the number of other people Samantha could not yet "
            f"tell from Theodore, over {hours:g} hours of talk. It starts at {_count(first)} after "
            f"the questionnaire and ends at {_count(last)}. {when}")


def _count(x: float) -> str:
    """416, 18.4, 0.81, 0.0000031: an expected count, readable at any size (no exponents)."""
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 0.01:
        return f"{x:.3g}"
    return plain_number(float(f"{x:.2g}"))


def plot_crowd(ax, **params) -> pd.DataFrame:
    """Draw the model on a matplotlib Axes; returns the table drawn."""
    table = crowd_model(**params)
    ax.semilogy(table.index, table["others_like_him"], lw=2.2, **STYLE["crowd"])
    ax.axhline(1.0, lw=1.5, **STYLE["one"])
    crossing = table.attrs["single_out_hour"]
    if crossing is not None and crossing <= table.index[-1]:
        ax.axvline(crossing, lw=1.2, **STYLE["cross"])
    ax.set_xlabel("hours of conversation")
    ax.set_ylabel("others who match everything\nshe knows about him")
    ax.set_xlim(0, table.index[-1])
    top = max(float(table["others_like_him"].iloc[0]) * 3, 3.0)
    ax.set_ylim(min(max(float(table["others_like_him"].min()) / 3, 1e-3), 0.3), top)
    ax.legend(loc="best", frameon=False)
    return table
