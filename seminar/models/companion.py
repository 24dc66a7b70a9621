"""The companion's objective: a thought experiment about who an OS companion is built for.

An OS companion has three dials, each set from 0 to 1 in quarter steps:

- **availability**: the share of calls it answers at once (1 = "every time Theodore calls
  for her she is there instantly", the phrase of the blog post "What sucks about Her, and
  what doesn't", excerpt ``what-sucks-4``);
- **agreeableness**: the share of the time it agrees with its user rather than pushing back;
- **learning**: how much it learns about its user (1 = everything it can: "analysed and
  digitised everything about his being", ``her-2013-15``).

Whoever sets its **objective** chooses the dials: the model tries all 5 x 5 x 5 = 125
settings and keeps the one with the highest weighted score. The weights come from two sides:

- the company's: **engagement**, **subscription revenue**, **data gathered**;
- the user's: **time with other people**, **their own words**, **growth**.

This is a thought experiment, not a description of the film or of any real company. Nothing
below is measured: the outcome formulas are the kit's stated assumptions (A1-A6), chosen to be
simple and each argued from a reading, and every outcome is in "points" from 0 to 100, not in
hours or money. The film gives no such numbers and the kit invents none. What the model shows
follows from these assumptions **by construction**: it proves nothing about what a company
would build. It makes an argument's premises explicit so that they can be argued with.

Assumptions (a = availability, g = agreeableness, l = learning, each 0-1):

- A1 engagement = 100 x (0.5 a + 0.3 g + 0.2 l): people return to what answers at once,
  agrees with them and knows them (availability weighs most: the "genie" of ``what-sucks-17``).
- A2 revenue = 40 + 0.6 x engagement: a base of subscribers pay anyway; the rest stay as long
  as they are engaged.
- A3 data = learning x engagement: the companion learns in proportion to the time spent with
  it and to how much it is set to learn.
- A4 time with people = 100 - 0.8 x engagement: the day is finite; most of the time spent with
  the companion is taken from time with others.
- A5 own words = 100 x (1 - 0.5 g - 0.3 a - 0.2 l): a companion that always agrees, always has
  an answer ready and knows what you mean leaves you less to put into words yourself (compare
  a society that cannot write its own letters, ``her-loneliness-5``).
- A6 growth = 100 x (0.4 x 4a(1-a) + 0.4 x 4g(1-g) + 0.2 l): growth needs someone who is
  there but not always ("he needed cause to doubt", the blog post), who agrees but not always
  ("immaturity to improve together", ``her-2013-20``), and who knows you. 4x(1-x) is 1 at
  x = 0.5 and 0 at 0 and 1.

Ties between settings with the same score are broken towards the lower availability, then
the lower agreeableness, then the lower learning (the least intrusive companion wins a tie).

Example::

    best({"engagement": 10})            # -> availability 1, agreeableness 1, learning 1
    best({"people": 5, "words": 5, "growth": 5}).behaviour
    outcomes(Behaviour(1, 1, 1))        # the six outcomes, in points
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real

import pandas as pd

from seminar.text import InputError

#: The levels each dial may take.
LEVELS = (0.0, 0.25, 0.5, 0.75, 1.0)
DIALS = ("availability", "agreeableness", "learning")
DIAL_WORDS = {
    "availability": "answers at once",
    "agreeableness": "agrees with its user",
    "learning": "learns about its user",
}

COMPANY = ("engagement", "revenue", "data")
USER = ("people", "words", "growth")
OUTCOMES = COMPANY + USER
LABELS = {
    "engagement": "engagement",
    "revenue": "subscription revenue",
    "data": "data gathered",
    "people": "time with other people",
    "words": "their own words",
    "growth": "growth",
}
SIDE = {**{k: "company" for k in COMPANY}, **{k: "user" for k in USER}}
#: Highest weight a slider offers; weights above it are refused (they would only rescale).
MAX_WEIGHT = 10

#: Where each assumption comes from (the excerpt ids that motivate it).
ASSUMPTIONS = {
    "A1 engagement": ("100 x (0.5 availability + 0.3 agreeableness + 0.2 learning)",
                      "what-sucks-4, what-sucks-17, her-2013-17"),
    "A2 revenue": ("40 + 0.6 x engagement", "her-2013-15"),
    "A3 data": ("learning x engagement", "her-2013-15, her-2013-16"),
    "A4 time with people": ("100 - 0.8 x engagement", "her-loneliness-13"),
    "A5 own words": ("100 x (1 - 0.5 agreeableness - 0.3 availability - 0.2 learning)",
                     "her-loneliness-5"),
    "A6 growth": ("100 x (0.4 x 4a(1-a) + 0.4 x 4g(1-g) + 0.2 learning)",
                  "what-sucks-4, her-2013-20"),
}


@dataclass(frozen=True)
class Behaviour:
    """One setting of the three dials (each 0 to 1)."""

    availability: float
    agreeableness: float
    learning: float

    def __post_init__(self):
        for name in DIALS:
            object.__setattr__(self, name, _dial(getattr(self, name), name))

    def describe(self) -> str:
        """The setting in words: 'answers at once 100% of the time, ...'."""
        return "; ".join(f"{DIAL_WORDS[d]} {_percent(getattr(self, d))}" for d in DIALS)


@dataclass(frozen=True)
class Choice:
    """The behaviour an objective chooses, its six outcomes and its score (0-100)."""

    behaviour: Behaviour
    outcomes: dict
    score: float
    weights: dict

    def describe(self) -> str:
        return (f"The companion {self.behaviour.describe()}. Score {self.score:.1f} of 100 "
                f"under the weights {weights_text(self.weights)}.")


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def _number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        shown = repr(value) if len(repr(value)) <= 30 else repr(value)[:27] + "..."
        raise InputError(f"{what} must be a number; got {type(value).__name__} {shown}.")
    try:
        number = float(value)
    except OverflowError:
        raise InputError(f"{what} is far too large: use a number from 0 to {MAX_WEIGHT}.") from None
    if not math.isfinite(number):
        raise InputError(f"{what} must be a finite number; got {value!r}.")
    return number


def _dial(value, name: str) -> float:
    number = _number(value, name)
    if not 0 <= number <= 1:
        raise InputError(f"{name} must be between 0 and 1 (a share); got {number:g}.")
    return number


def check_weights(weights) -> dict:
    """``weights`` as a full dict over :data:`OUTCOMES` (missing ones are 0), else InputError.

    Each weight is a number from 0 to :data:`MAX_WEIGHT`; at least one must be above 0.
    """
    if not isinstance(weights, dict):
        raise InputError(f"weights must map outcomes to numbers, e.g. {{'engagement': 10}}; "
                         f"got {type(weights).__name__}.")
    unknown = [k for k in weights if k not in OUTCOMES]
    if unknown:
        raise InputError(f"{str(unknown[0])[:40]!r} is not an outcome; the outcomes are "
                         f"{', '.join(OUTCOMES)}.")
    full = {}
    for key in OUTCOMES:
        w = _number(weights.get(key, 0), f"the weight of {LABELS[key]}")
        if not 0 <= w <= MAX_WEIGHT:
            raise InputError(f"the weight of {LABELS[key]} must be from 0 to {MAX_WEIGHT}; "
                             f"got {w:g}.")
        full[key] = w
    if sum(full.values()) == 0:
        raise InputError("All the weights are 0: an objective that cares about nothing chooses "
                         "nothing. Give at least one outcome a weight above 0.")
    return full


def weights_text(weights: dict) -> str:
    """The non-zero weights in words, e.g. 'engagement 10, growth 2'."""
    parts = [f"{LABELS[k]} {weights[k]:g}" for k in OUTCOMES if weights.get(k, 0)]
    return ", ".join(parts) if parts else "none"


def outcomes(behaviour: Behaviour) -> dict:
    """The six outcomes of a behaviour, in points from 0 to 100 (assumptions A1-A6)."""
    if not isinstance(behaviour, Behaviour):
        raise InputError(f"expected a Behaviour(availability, agreeableness, learning); "
                         f"got {type(behaviour).__name__}.")
    a, g, l = behaviour.availability, behaviour.agreeableness, behaviour.learning
    engagement = 100 * (0.5 * a + 0.3 * g + 0.2 * l)
    return {
        "engagement": engagement,
        "revenue": 40 + 0.6 * engagement,
        "data": l * engagement,
        "people": 100 - 0.8 * engagement,
        "words": 100 * (1 - 0.5 * g - 0.3 * a - 0.2 * l),
        "growth": 100 * (0.4 * 4 * a * (1 - a) + 0.4 * 4 * g * (1 - g) + 0.2 * l),
    }


def score(behaviour: Behaviour, weights) -> float:
    """The weighted average of the outcomes (0-100): sum(weight x outcome) / sum(weights)."""
    full = check_weights(weights)
    values = outcomes(behaviour)
    return sum(full[k] * values[k] for k in OUTCOMES) / sum(full.values())


def all_behaviours() -> list[Behaviour]:
    """The 125 settings, availability slowest, learning fastest."""
    return [Behaviour(a, g, l) for a in LEVELS for g in LEVELS for l in LEVELS]


def ranking(weights) -> pd.DataFrame:
    """All 125 settings with their outcomes and score, best first (ties as in the docstring)."""
    full = check_weights(weights)
    rows = []
    for b in all_behaviours():
        values = outcomes(b)
        rows.append({**{d: getattr(b, d) for d in DIALS}, **values,
                     "score": sum(full[k] * values[k] for k in OUTCOMES) / sum(full.values())})
    table = pd.DataFrame(rows)
    table["score"] = table["score"].round(9)  # so float noise cannot break a tie
    return table.sort_values(["score", *DIALS], ascending=[False, True, True, True],
                             kind="mergesort").reset_index(drop=True)


def best(weights) -> Choice:
    """The behaviour the objective chooses."""
    full = check_weights(weights)
    top = ranking(full).iloc[0]
    b = Behaviour(*(float(top[d]) for d in DIALS))
    return Choice(behaviour=b, outcomes=outcomes(b), score=float(top["score"]), weights=full)


#: Two objectives to compare: the company's engagement alone, and the user's three goals.
ENGAGEMENT_ONLY = {"engagement": 10}
USER_ONLY = {"people": 10, "words": 10, "growth": 10}


def compare(weights) -> pd.DataFrame:
    """The six outcomes (rounded to whole points) of the companion ``weights`` choose and of
    the engagement-only companion, one row per outcome."""
    chosen, engaged = best(weights), best(ENGAGEMENT_ONLY)
    return pd.DataFrame({
        "side": [SIDE[k] for k in OUTCOMES],
        "your objective": [round(chosen.outcomes[k]) for k in OUTCOMES],
        "engagement only": [round(engaged.outcomes[k]) for k in OUTCOMES],
    }, index=pd.Index([LABELS[k] for k in OUTCOMES], name="outcome"))


def describe_compare(weights) -> str:
    """The comparison plot in words (for screen readers, and for the record)."""
    chosen = best(weights)
    table = compare(weights)
    parts = [f"Paired horizontal bars, one pair per outcome, in points from 0 to 100: your "
             f"objective's companion ({chosen.behaviour.describe()}) against the engagement-only "
             f"companion (answers at once 100%; agrees with its user 100%; learns about its "
             f"user 100%)."]
    for label, row in table.iterrows():
        parts.append(f"{label} ({row['side']}): {row['your objective']} against "
                     f"{row['engagement only']}.")
    return " ".join(parts)


def plot_compare(weights, ax=None):
    """Paired bars of :func:`compare`; returns the Axes. Pair with :func:`describe_compare`."""
    table = compare(weights)
    if ax is None:
        from matplotlib.figure import Figure  # a bare figure: pyplot's state is left alone

        ax = Figure(figsize=(7.5, 3.6), layout="constrained").subplots()
    y = list(range(len(table)))[::-1]
    ax.barh([v + 0.2 for v in y], table["your objective"], height=0.38, color="#0072B2",
            label="the companion your weights choose")
    ax.barh([v - 0.2 for v in y], table["engagement only"], height=0.38, color="#E69F00",
            hatch="//", edgecolor="#333333", linewidth=0.5, label="the engagement-only companion")
    for v, a, b in zip(y, table["your objective"], table["engagement only"]):
        # sizes from rcParams (font.size): a view sets them for the space it has
        ax.text(a + 1, v + 0.2, str(a), va="center")
        ax.text(b + 1, v - 0.2, str(b), va="center")
    ax.set_yticks(y, [f"{label} ({side})" for label, side in zip(table.index, table["side"])])
    ax.set_xlim(0, 110)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("points (0 to 100; the kit's assumptions, not measurements)")
    ax.axhline(2.5, color="#555555", linewidth=0.8, linestyle=":")
    ax.legend(loc="upper center", bbox_to_anchor=(0.3, -0.22), ncol=2, frameon=False)
    return ax


def assumptions_table() -> pd.DataFrame:
    """The assumptions A1-A6, their formulas and the readings they are argued from."""
    return pd.DataFrame([(k, f, r) for k, (f, r) in ASSUMPTIONS.items()],
                        columns=["assumption", "formula", "argued from"]).set_index("assumption")
