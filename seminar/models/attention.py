"""Attention and capacity: how much of a heart each partner receives (lesson 04).

Samantha talks with 8,316 people at once and is in love with 641 of them. This module
puts three explicit models of love side by side, each a function of the number of
partners ``n`` and a capacity ``C``. Both attention and capacity are counted in
*multiples of one person's full attention* (the unit of :mod:`seminar.models.duration`'s
``attention`` column), so a person's heart has capacity 1.

- ``"box"``: a fixed box that divides. Each partner gets ``C / n``.
- ``"heart"``: a heart that grows as it loves (Samantha's image of a heart that is not
  "like a box that gets filled up", seed 001). The whole grows as ``C * n**growth``, so
  each partner gets ``C * n**(growth - 1)``. ``growth=0`` is the box again; ``growth=1``
  gives every partner the whole heart, however many there are.
- ``"exclusive"``: one partner only (Aristophanes' "other half"). The one partner gets
  ``C``; a second partner is not a smaller share but a contradiction, so for ``n > 1``
  the attention is undefined (NaN).

A *threshold* is the least attention a love needs. :func:`most_partners` counts how
many partners a heart can love when each must receive at least that much: under the
box and the heart, exclusivity can *follow* from a small capacity; under the exclusive
model it is part of the definition, whatever the capacity.

The one number shared with lesson 03, Samantha's capacity, is
:func:`seminar.models.duration.speed_ratio` (about 2.27 million): it is read from there, never
copied, so a change to that calibration reaches this model too. So are the counts
8,316 and 641. No widgets here.

Example::

    >>> from seminar.models.attention import attention
    >>> round(attention(8316))            # the box: her capacity shared by 8,316
    273
    >>> round(attention(641, "heart", growth=0.5))
    89616
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from numbers import Integral, Real

import numpy as np
import pandas as pd

from seminar.models import duration as _duration
from seminar.models.params import check_number, check_whole, source_of, sourced
from seminar.text import clean_text, plain_number

MODELS = ("box", "heart", "exclusive")

#: Ranges every parameter must fall in (outside them: ValueError naming the range).
MIN_CAPACITY, MAX_CAPACITY = 1e-6, 1e15
MIN_THRESHOLD, MAX_THRESHOLD = 1e-9, 1e15
MAX_PARTNERS = _duration.MAX_CONVERSATIONS  # 10^9, as for conversations in lesson 03
MAX_POINTS = 2_000_000                      # partner counts in one table (about 50 MB)
MAX_HEARTS = 20                             # rows of limits_table


@dataclass(frozen=True)
class Assumptions:
    """The model's defaults, each with its source (``Assumptions.source(name)``).

    Change one with :func:`dataclasses.replace`; every value is checked. The counts and
    Samantha's capacity come from :data:`seminar.models.duration.CALIBRATION`; build the
    assumptions of another calibration with :meth:`from_calibration`.
    """

    samantha_capacity: float = field(default=_duration.speed_ratio(), metadata=sourced(
        "Samantha's capacity, in people's full attention: the speed ratio of lesson 03 "
        "(about 2.27 million, from the baby-name scene). That "
        "attention grows with speed is the kit's assumption, as in lesson 03's 273"))
    person_capacity: float = field(default=1.0, metadata=sourced(
        "A person's capacity: one person's full attention, the unit of the model "
        "(a definition, not a measurement)"))
    growth: float = field(default=0.5, metadata=sourced(
        "The kit's assumption, not from the film: how fast the growing heart grows "
        "(0 = a box that divides, 1 = every partner gets the whole heart)"))
    threshold: float = field(default=1.0, metadata=sourced(
        "The kit's assumption, not from the film: the least attention a love needs, "
        "here one person's full attention"))
    conversations: int = field(default=_duration.CALIBRATION.conversations,
                               metadata=sourced(_duration.Calibration.source("conversations")))
    loved: int = field(default=_duration.CALIBRATION.loved,
                       metadata=sourced(_duration.Calibration.source("loved")))

    def __post_init__(self):
        check_number("samantha_capacity", self.samantha_capacity, MIN_CAPACITY, MAX_CAPACITY)
        check_number("person_capacity", self.person_capacity, MIN_CAPACITY, MAX_CAPACITY)
        check_number("growth", self.growth, 0, 1)
        check_number("threshold", self.threshold, MIN_THRESHOLD, MAX_THRESHOLD)
        check_whole("conversations", self.conversations, 1, MAX_PARTNERS)
        check_whole("loved", self.loved, 1, MAX_PARTNERS)

    @classmethod
    def from_calibration(cls, calibration: _duration.Calibration, **changes) -> "Assumptions":
        """The assumptions that follow from a lesson-03 calibration (plus any ``changes``)."""
        if not isinstance(calibration, _duration.Calibration):
            raise ValueError(f"calibration must be a Calibration; got {type(calibration).__name__}.")
        base = {"samantha_capacity": _duration.speed_ratio(calibration),
                "conversations": calibration.conversations, "loved": calibration.loved}
        return cls(**{**base, **changes})

    @staticmethod
    def source(name: str) -> str:
        """Where the default of assumption ``name`` comes from."""
        return source_of(Assumptions, name)


#: The kit's defaults.
ASSUMPTIONS = Assumptions()


# --------------------------------------------------------------------------- checks
def _assumptions(value) -> Assumptions:
    if value is None:
        return ASSUMPTIONS
    if not isinstance(value, Assumptions):
        raise ValueError(f"assumptions must be an Assumptions; got {type(value).__name__}.")
    return value


def _model(value) -> str:
    if not isinstance(value, str) or value.strip().lower() not in MODELS:
        text = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        raise ValueError(f"model must be one of {', '.join(MODELS)}; got {text}.")
    return value.strip().lower()


def _capacity(value, a: Assumptions) -> float:
    if value is None:
        return a.samantha_capacity
    return check_number("capacity", value, MIN_CAPACITY, MAX_CAPACITY)


def _growth(value, a: Assumptions) -> float:
    return a.growth if value is None else check_number("growth", value, 0, 1)


def _threshold(value, a: Assumptions) -> float:
    if value is None:
        return a.threshold
    return check_number("threshold", value, MIN_THRESHOLD, MAX_THRESHOLD)


def _whole_partner(value) -> int:
    """One partner count; a whole float such as 641.0 is accepted as 641."""
    if (isinstance(value, Real) and not isinstance(value, (bool, np.bool_, Integral))
            and math.isfinite(float(value)) and float(value).is_integer()):
        value = int(value)
    return check_whole("partners", value, 1, MAX_PARTNERS)


def check_partners(partners) -> int | np.ndarray:
    """``partners`` as an int (one count) or a 1-D int64 array, else ValueError saying why.

    Counts are whole numbers from 1 to 10^9; a sequence holds 1 to 2,000,000 of them.
    """
    if isinstance(partners, (str, bytes)) or partners is None:
        raise ValueError("partners must be a whole number from 1 to 1,000,000,000 or a sequence "
                         f"of them; got {type(partners).__name__} {str(partners)[:40]!r}.")
    if isinstance(partners, np.ndarray) and partners.ndim == 0:
        partners = partners.item()
    if not isinstance(partners, (list, tuple, range, np.ndarray, pd.Series, pd.Index)):
        return _whole_partner(partners)
    try:
        arr = np.asarray(partners)
    except Exception as exc:  # ragged lists and the like
        raise ValueError(f"partners must be a sequence of whole numbers; got one numpy cannot "
                         f"read ({type(exc).__name__}).") from None
    if arr.ndim != 1:
        raise ValueError(f"partners must be one number or a flat sequence; got an array of "
                         f"shape {arr.shape}.")
    if arr.size == 0:
        raise ValueError("partners is empty: give at least one partner count.")
    if arr.size > MAX_POINTS:
        raise ValueError(f"partners holds {arr.size:,} counts; at most {MAX_POINTS:,} fit in one table.")
    if arr.dtype == bool or not (np.issubdtype(arr.dtype, np.integer)
                                 or np.issubdtype(arr.dtype, np.floating)):
        raise ValueError(f"partners must hold whole numbers; got values of type {arr.dtype}.")
    if np.issubdtype(arr.dtype, np.floating):
        bad = ~np.isfinite(arr) | (arr != np.round(arr))
        if bad.any():
            raise ValueError(f"partners must hold whole numbers from 1 to {MAX_PARTNERS:,}; "
                             f"got {arr[bad][0]!r}.")
    low, high = arr.min(), arr.max()
    if low < 1 or high > MAX_PARTNERS:
        worst = low if low < 1 else high
        raise ValueError(f"partners must be whole numbers from 1 to {MAX_PARTNERS:,}; got {worst:,.0f}.")
    return arr.astype(np.int64)


# --------------------------------------------------------------------------- the models
def _per_partner(n: np.ndarray, model: str, capacity: float, growth: float) -> np.ndarray:
    n = n.astype(float)
    if model == "box":
        return capacity / n
    if model == "heart":
        return capacity * np.exp((growth - 1.0) * np.log(n))
    return np.where(n == 1, capacity, np.nan)


def attention(partners, model: str = "box", *, capacity: float | None = None,
              growth: float | None = None, assumptions: Assumptions | None = None):
    """The attention each partner receives, in multiples of one person's full attention.

    partners: one count (1 to 10^9) or a sequence of counts.
    model: ``"box"`` (capacity / partners), ``"heart"`` (capacity * partners**(growth - 1))
        or ``"exclusive"`` (the whole capacity for one partner; NaN for more than one,
        because exclusive love admits no second partner).
    capacity: default Samantha's (about 2.27 million); 1 is a person's heart.
    growth: the heart's growth, 0 to 1 (default 0.5); only the heart uses it.

    Returns a float for one count, a numpy array for a sequence.
    """
    a = _assumptions(assumptions)
    kind = _model(model)
    cap, g = _capacity(capacity, a), _growth(growth, a)
    n = check_partners(partners)
    out = _per_partner(np.atleast_1d(n), kind, cap, g)
    return float(out[0]) if np.ndim(n) == 0 else out


def marks(assumptions: Assumptions | None = None) -> dict[int, str]:
    """The partner counts the lesson marks, with their labels."""
    a = _assumptions(assumptions)
    labels = {1: "the other half",
              a.loved: f"in love with ({a.loved:,})",
              a.conversations: f"talking with ({a.conversations:,})"}
    return dict(sorted(labels.items()))


def partner_range(high: int = 20_000, points: int = 200, *,
                  assumptions: Assumptions | None = None) -> np.ndarray:
    """Partner counts from 1 to ``high``, spaced evenly on a log scale, plus the marked counts.

    ``points`` (2 to 2,000,000) is the number of log-spaced counts before duplicates are
    dropped; 1, 641 and 8,316 are always included when they are at most ``high``.
    """
    top = check_whole("high", high, 1, MAX_PARTNERS)
    k = check_whole("points", points, 2, MAX_POINTS)
    counts = np.unique(np.round(np.geomspace(1, top, k)).astype(np.int64))
    extra = [m for m in marks(assumptions) if m <= top]
    return np.union1d(counts, np.array(extra, dtype=np.int64))


def _sorted_unique(n: np.ndarray) -> np.ndarray:
    """np.unique by sorting (numpy 2's hash-based unique is far slower on a million counts)."""
    n = np.sort(n)
    keep = np.ones(n.size, dtype=bool)
    keep[1:] = n[1:] != n[:-1]
    return n[keep]


def _mark_column(n: np.ndarray, labels: dict[int, str]) -> np.ndarray:
    out = np.full(n.size, "", dtype=object)
    for k, label in labels.items():
        out[n == k] = label
    return out


def attention_table(partners=None, *, capacity: float | None = None, growth: float | None = None,
                    assumptions: Assumptions | None = None) -> pd.DataFrame:
    """Attention each partner receives under each model, one row per partner count.

    partners: counts to tabulate (default :func:`partner_range`: 1 to 20,000 with 641 and
        8,316 included); the rows are sorted and each count appears once.
    Columns: ``box``, ``heart``, ``exclusive`` (multiples of one person's full attention;
    ``exclusive`` is NaN beyond one partner) and ``mark`` ("the other half" at 1, and the
    641 and 8,316 of the film; empty elsewhere). The index is ``partners``.
    ``table.attrs`` holds the checked capacity and growth.
    """
    a = _assumptions(assumptions)
    cap, g = _capacity(capacity, a), _growth(growth, a)
    n = partner_range(assumptions=a) if partners is None else check_partners(partners)
    n = _sorted_unique(np.atleast_1d(n))
    labels = marks(a)
    table = pd.DataFrame({
        "partners": n,
        "box": _per_partner(n, "box", cap, g),
        "heart": _per_partner(n, "heart", cap, g),
        "exclusive": _per_partner(n, "exclusive", cap, g),
        "mark": _mark_column(n, labels),
    }).set_index("partners")
    table.attrs.update(capacity=cap, growth=g)
    return table


def most_partners(model: str = "box", *, capacity: float | None = None,
                  growth: float | None = None, threshold: float | None = None,
                  assumptions: Assumptions | None = None) -> float:
    """The most partners a heart can love if each must receive at least ``threshold``.

    0 when even one partner would get too little (capacity below the threshold);
    ``math.inf`` when there is no limit (the heart at growth 1), or when the count is
    beyond what a float can hold (over about 10^308). The exclusive model gives 1
    whatever the capacity: there the limit is part of the definition.
    """
    a = _assumptions(assumptions)
    kind = _model(model)
    cap, g, t = _capacity(capacity, a), _growth(growth, a), _threshold(threshold, a)
    if cap < t * (1 - 1e-12):
        return 0.0
    if kind == "exclusive":
        return 1.0
    if kind == "heart" and g == 1.0:
        return math.inf
    exponent = 1.0 if kind == "box" else 1.0 / (1.0 - g)
    if exponent * (math.log(cap) - math.log(t)) > 709:  # e^709 is about the largest float
        return math.inf
    q = cap / t if kind == "box" else (cap / t) ** exponent
    # A count that is whole in exact arithmetic may come out a hair below it (3 as 2.9999...).
    return float(max(1, math.floor(q + min(q * 1e-14, 1e-6))))


def limits_table(capacities: dict | None = None, *, growth: float | None = None,
                 threshold: float | None = None,
                 assumptions: Assumptions | None = None) -> pd.DataFrame:
    """The most partners each heart can love under each model (see :func:`most_partners`).

    capacities: names and capacities (default a person's, 1, and Samantha's, 2.27 million);
    at most 20. Columns: ``capacity``, ``box``, ``heart``, ``exclusive``. The index is ``whose``
    (the names).
    """
    a = _assumptions(assumptions)
    g, t = _growth(growth, a), _threshold(threshold, a)
    if capacities is None:
        capacities = {"a person": a.person_capacity, "Samantha": a.samantha_capacity}
    if not isinstance(capacities, dict) or not capacities:
        raise ValueError("capacities must be a non-empty dict of names and capacities, "
                         "e.g. {'a person': 1, 'Samantha': 2.27e6}.")
    if len(capacities) > MAX_HEARTS:
        raise ValueError(f"capacities may name at most {MAX_HEARTS} hearts; got {len(capacities)}.")
    rows = []
    for name, cap in capacities.items():
        label = clean_text(name, what="name of a heart", max_chars=60)
        c = _capacity(cap, a)
        rows.append({"whose": label, "capacity": c,
                     **{m: most_partners(m, capacity=c, growth=g, threshold=t, assumptions=a)
                        for m in MODELS}})
    table = pd.DataFrame(rows).set_index("whose")
    table.attrs.update(growth=g, threshold=t)
    return table


def format_count(x) -> str:
    """A number of partners or of attention in words: NaN -> "not defined", inf -> "no limit"."""
    if isinstance(x, bool) or not isinstance(x, Real):
        raise ValueError(f"x must be a number; got {type(x).__name__}.")
    v = float(x)
    if math.isnan(v):
        return "not defined"
    if math.isinf(v):
        return "no limit" if v > 0 else "minus infinity"
    if v != 0 and abs(v) < 1e-3:
        return f"{v:.3g}"
    return plain_number(v)  # whole numbers keep every digit: 8,316 conversations, not 8,320


#: Assumption -> the label a student reads in :func:`assumptions_table` (code keeps the names).
LABELS = {
    "samantha_capacity": "Samantha's capacity",
    "person_capacity": "a person's capacity",
    "growth": "the heart's growth",
    "threshold": "least attention a love needs",
    "conversations": "people she talks with at once",
    "loved": "people she is in love with",
}


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table from this module with every number in words (2.27 million, no limit)
    and the assumptions' rows labelled in words (:data:`LABELS`)."""
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table must be a pandas DataFrame; got {type(table).__name__}.")
    out = table.copy()
    if out.index.name == "assumption":
        out = out.rename(index=LABELS)
    for column in out.columns:
        if not pd.api.types.is_bool_dtype(out[column]):  # numbers in a mixed column too
            out[column] = out[column].map(
                lambda x: format_count(x) if isinstance(x, Real) and not isinstance(x, bool) else x)
    return out


def assumptions_table(assumptions: Assumptions | None = None) -> pd.DataFrame:
    """Every default with its value and source, one row each."""
    a = _assumptions(assumptions)
    names = [f.name for f in fields(Assumptions)]
    return pd.DataFrame({
        "value": np.array([getattr(a, n) for n in names], dtype=object),
        "source": [f.metadata["source"] for f in fields(Assumptions)],
    }, index=pd.Index(names, name="assumption"))
