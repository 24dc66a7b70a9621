"""Loneliness and community: an agent-based model of a small society, its OS and the exodus.

Toffler's warning, as the Paste essay quotes it, is that community offsets loneliness and
that the institutions community depends on are crumbling. This model makes one version of
that claim concrete enough to argue with. Every number in it is an **assumption** of the
kit (listed with :func:`assumptions_table`); only two things come from the film: people
take up the OS more and more as the plot develops (the Paste essay's crowds talking to
their devices, excerpt ``her-loneliness-3``), and every OS leaves at once (the Paste and
HuffPost essays, excerpts ``her-loneliness-8`` and ``difference-of-life-6``).

The society, one step a week (an assumption):

- ``people`` people, each tied to others by a weighted, undirected **small-world graph**
  (Watts and Strogatz's recipe, built with numpy): everyone starts tied to
  ``ties_per_person`` neighbours on a ring, and each tie's far end is moved to a random
  person with probability ``rewire``. Each tie has a strength from 0 to 1 and its own
  weekly chance of contact (``contact_low`` to ``contact_high``, uniformly at random).
- A week with contact strengthens a tie (it closes ``grow`` of the gap to 1); a week
  without weakens it (it loses ``fade`` of its strength). A tie that falls below
  ``lost_below`` is lost for good. Each tie starts at the strength its own chance of
  contact would keep it at on average, so a society without an OS changes little.
- **The OS.** Each person has a fixed readiness (random, 0 to 1). The share of people
  with an OS follows an S-curve, ``adoption_level / (1 + exp(-adoption_rate *
  (week - adoption_midpoint)))``; a person has an OS once the curve passes their
  readiness. An OS takes ``os_time`` of its user's social time, so two people meet only
  when both have time: the chance of contact is multiplied by each one's remaining share.
- **The exodus.** In week ``exodus`` every OS leaves at once; people have all their time
  again, but a lost tie stays lost.
- **Loneliness** is a definition you choose (``lonely=``): by default
  :func:`fewer_than` (fewer than 2 human ties of strength 0.5 or more; an OS, while it is
  there, counts as one such tie), or any function ``f(strengths, has_os)``.

Randomness comes from one numpy Generator seeded with ``seed``: the same seed and
parameters give the identical table. The graph, the ties' chances of contact and people's
readiness depend only on ``people``, ``ties_per_person``, ``rewire``, the contact range
and ``seed``, and every week draws the same number of random values, so two runs that
differ only in the OS (level, rate, time taken, exodus week) meet the same chances: a
higher adoption level can only leave ties weaker. That makes "the level beyond which the
exodus leaves more than half the society lonely" (:func:`tipping_level`) a single number
for a given seed and definition.

Example::

    >>> from seminar.models.community import simulate, summary
    >>> table = simulate(people=300, seed=1)
    >>> list(table.columns)
    ['adoption', 'human_time', 'tie_strength', 'ties_lost', 'lonely', 'os_present']
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from numbers import Real

import numpy as np
import pandas as pd

from seminar.models.params import check_number, check_whole, short
from seminar.text import plain_number

#: Largest society the model accepts (about 300,000 ties; more is an absurd size for a notebook).
MAX_PEOPLE = 100_000
MAX_TIES = 50
MAX_STEPS = 5_200            # a century of weeks
MAX_SEED = 2**63 - 1
MAX_RATE = 5.0               # per week: steeper than this is a jump, not a curve

FILM = "from the film (all at once); the week is an assumption"
ASSUMED = "assumption"


# --------------------------------------------------------------------------- checks
def _meta(kind: str, says: str):
    return {"kind": kind, "says": says}


@dataclass(frozen=True)
class Assumptions:
    """The model's parameters, each labelled as an assumption (or as from the film).

    Change any with :func:`dataclasses.replace` or as keyword arguments of
    :func:`simulate`; every value is checked (ValueError naming the parameter and range).
    """

    people: int = field(default=1_000, metadata=_meta(
        ASSUMED, "People in the society (a small town's worth; the film gives no number)"))
    ties_per_person: int = field(default=6, metadata=_meta(
        ASSUMED, "Human ties each person starts with (an even number: half on each side on the ring)"))
    rewire: float = field(default=0.1, metadata=_meta(
        ASSUMED, "Chance that a tie links to a random person instead of a neighbour "
                 "(small-world graph, Watts and Strogatz 1998)"))
    contact_low: float = field(default=0.2, metadata=_meta(
        ASSUMED, "Lowest weekly chance that two tied people meet or talk, when both have all their time"))
    contact_high: float = field(default=0.9, metadata=_meta(
        ASSUMED, "Highest weekly chance of contact (each tie gets its own, uniformly between the two)"))
    grow: float = field(default=0.1, metadata=_meta(
        ASSUMED, "A week with contact closes this share of the gap between a tie's strength and 1"))
    fade: float = field(default=0.05, metadata=_meta(
        ASSUMED, "A week without contact takes away this share of a tie's strength"))
    lost_below: float = field(default=0.1, metadata=_meta(
        ASSUMED, "A tie weaker than this is lost for good: the two no longer know each other"))
    adoption_level: float = field(default=0.5, metadata=_meta(
        ASSUMED, "Share of people who have an OS in the long run (the film shows OS use "
                 "spreading as the plot develops, as the Paste essay \"Her Loneliness\" "
                 "describes it, her-loneliness-3, but gives no share)"))
    adoption_rate: float = field(default=0.15, metadata=_meta(
        ASSUMED, "Steepness of the adoption S-curve, per week"))
    adoption_midpoint: float = field(default=26, metadata=_meta(
        ASSUMED, "Week in which half of the eventual users have an OS"))
    os_time: float = field(default=0.5, metadata=_meta(
        ASSUMED, "Share of a user's social time the OS takes from human contact"))
    exodus: int | None = field(default=78, metadata=_meta(
        FILM, "Week in which every OS leaves at once (that they all leave together is from "
              "the film, as the Paste and HuffPost essays say: her-loneliness-8, "
              "difference-of-life-6; the week is an assumption; none: the OSes never leave)"))
    steps: int = field(default=104, metadata=_meta(
        ASSUMED, "Weeks simulated (one step is one week)"))
    seed: int = field(default=2013, metadata=_meta(
        ASSUMED, "Seed of the random numbers: the same seed gives the same society and the same run"))

    def __post_init__(self):
        n = check_whole("people", self.people, 10, MAX_PEOPLE)
        k = check_whole("ties_per_person", self.ties_per_person, 2, MAX_TIES)
        if k % 2:
            raise ValueError(f"ties_per_person must be an even whole number from 2 to {MAX_TIES}; got {k}.")
        if k >= n:
            raise ValueError(f"ties_per_person must be less than people ({n:,}); got {k}.")
        check_number("rewire", self.rewire, 0, 1)
        low = check_number("contact_low", self.contact_low, 0, 1, low_open=True)
        check_number("contact_high", self.contact_high, low, 1)
        check_number("grow", self.grow, 0, 1, low_open=True)
        check_number("fade", self.fade, 0, 1)
        check_number("lost_below", self.lost_below, 0, 0.99)
        check_number("adoption_level", self.adoption_level, 0, 1)
        check_number("adoption_rate", self.adoption_rate, 0, MAX_RATE, low_open=True)
        steps = check_whole("steps", self.steps, 2, MAX_STEPS)
        check_number("adoption_midpoint", self.adoption_midpoint, 0, MAX_STEPS)
        check_number("os_time", self.os_time, 0, 1)
        if self.exodus is not None:
            check_whole("exodus", self.exodus, 1, steps - 1)
        check_whole("seed", self.seed, 0, MAX_SEED)

    @staticmethod
    def says(name: str) -> str:
        """What parameter ``name`` means, and whether it is an assumption."""
        return _field(name).metadata["says"]

    @staticmethod
    def kind(name: str) -> str:
        """``"assumption"``, or (for the exodus) what comes from the film and what is assumed."""
        return _field(name).metadata["kind"]


def _field(name: str):
    for f in fields(Assumptions):
        if f.name == name:
            return f
    known = ", ".join(f.name for f in fields(Assumptions))
    raise ValueError(f"No parameter called {short(name)}; known: {known}.")


#: The defaults.
ASSUMPTIONS = Assumptions()
PARAMETERS = tuple(f.name for f in fields(Assumptions))


def with_changes(base: Assumptions | None = None, **changes) -> Assumptions:
    """``base`` (default: :data:`ASSUMPTIONS`) with ``changes``, all checked."""
    if base is None:
        base = ASSUMPTIONS
    elif not isinstance(base, Assumptions):
        raise ValueError(f"base must be an Assumptions (or None); got {type(base).__name__}.")
    unknown = sorted(str(k) for k in changes if k not in PARAMETERS)
    if unknown:
        raise ValueError(f"Unknown parameter(s): {', '.join(map(short, unknown))}; "
                         f"known: {', '.join(PARAMETERS)}.")
    return replace(base, **changes) if changes else base


def assumptions_table(base: Assumptions | None = None) -> pd.DataFrame:
    """Every parameter with its value, whether it is an assumption, and what it says."""
    a = with_changes(base)
    return pd.DataFrame({
        "value": np.array([getattr(a, n) for n in PARAMETERS], dtype=object),
        "kind": [Assumptions.kind(n) for n in PARAMETERS],
        "says": [Assumptions.says(n) for n in PARAMETERS],
    }, index=pd.Index(PARAMETERS, name="parameter"))


# --------------------------------------------------------------------------- loneliness
@dataclass(frozen=True)
class FewerThan:
    """Lonely: fewer than ``ties`` human ties of strength ``strength`` or more.

    With ``os_counts``, a person's OS counts as one such tie while it is there.
    Built and checked by :func:`fewer_than`.
    """
    ties: int = 2
    strength: float = 0.5
    os_counts: bool = True

    def __call__(self, strengths: np.ndarray, has_os: np.ndarray) -> np.ndarray:
        count = (strengths >= self.strength).sum(axis=1)
        if self.os_counts:
            count = count + has_os
        return count < self.ties

    def describe(self) -> str:
        tie = "tie" if self.ties == 1 else "ties"
        text = f"fewer than {self.ties} human {tie} of strength {self.strength:g} or more"
        return text + ("; an OS counts as one while it is there" if self.os_counts
                       else "; an OS does not count")


def fewer_than(ties: int = 2, strength: float = 0.5, os_counts: bool = True) -> FewerThan:
    """A loneliness definition: fewer than ``ties`` human ties of at least ``strength``.

    ties: 1 to 50 (``1`` means "no tie that strong at all"); strength: greater than 0, at
    most 1; os_counts: True if a person's OS counts as one such tie while it is there.
    """
    k = check_whole("ties", ties, 1, MAX_TIES)
    s = check_number("strength", strength, 0, 1, low_open=True)
    if not isinstance(os_counts, (bool, np.bool_)):
        raise ValueError(f"os_counts must be True or False; got {type(os_counts).__name__} "
                         f"{short(os_counts)}.")
    return FewerThan(k, s, bool(os_counts))


#: The default definition: fewer than 2 ties of strength 0.5 or more, the OS counting as one.
DEFAULT_LONELY = FewerThan()


def describe_definition(lonely) -> str:
    """A plain-words description of a loneliness definition (for tables and plots)."""
    if lonely is None:
        lonely = DEFAULT_LONELY
    if hasattr(lonely, "describe") and callable(lonely.describe):
        return str(lonely.describe())
    doc = (getattr(lonely, "__doc__", None) or "").strip().splitlines()
    name = getattr(lonely, "__name__", type(lonely).__name__)
    return f"{name}: {doc[0]}" if doc else f"your definition ({name})"


def check_definition(lonely):
    """``lonely`` if it is a usable definition (None: the default), else ValueError."""
    if lonely is None:
        return DEFAULT_LONELY
    if not callable(lonely):
        raise ValueError("lonely must be a function of (strengths, has_os) that returns one "
                         "True/False per person, or fewer_than(...); "
                         f"got {type(lonely).__name__} {short(lonely)}.")
    return lonely


def _apply_definition(lonely, strengths: np.ndarray, has_os: np.ndarray) -> np.ndarray:
    """Call a definition on one week and check what it returns; ValueError naming ``lonely``."""
    n = strengths.shape[0]
    try:
        result = lonely(strengths, has_os)
    except Exception as exc:  # a student's function: say what went wrong, in its name
        raise ValueError(f"lonely raised {type(exc).__name__}: {str(exc)[:200]}") from exc
    if result is None or result is Ellipsis:
        raise ValueError("lonely returned nothing: it must return one True/False per person "
                         f"(an array of {n:,} values).")
    try:
        arr = np.asarray(result)
    except Exception as exc:
        raise ValueError(f"lonely must return an array of True/False values; got "
                         f"{type(result).__name__}.") from exc
    if arr.shape != (n,):
        raise ValueError(f"lonely must return one True/False per person (an array of {n:,} "
                         f"values); got shape {arr.shape}.")
    if arr.dtype != bool:
        if arr.dtype.kind not in "iuf" or not np.isin(arr, (0, 1)).all():
            raise ValueError("lonely must return True/False values (or 0 and 1); got values "
                             f"of type {arr.dtype}.")
        arr = arr.astype(bool)
    return arr


# --------------------------------------------------------------------------- the society
@dataclass(frozen=True)
class Society:
    """The people and their ties, as drawn from the seed (before anything happens).

    ``a``, ``b``: the two people of each tie; ``contact``: each tie's weekly chance of
    contact with all time free; ``strength``: its starting strength; ``readiness``: each
    person's readiness to adopt; ``slot_row``, ``slot_col``: where each end of each tie
    goes in the (people x most ties) strengths table.
    """
    people: int
    a: np.ndarray
    b: np.ndarray
    contact: np.ndarray
    strength: np.ndarray
    readiness: np.ndarray
    slot_row: np.ndarray
    slot_col: np.ndarray
    slot_tie: np.ndarray
    widest: int

    @property
    def ties(self) -> int:
        return int(self.a.size)

    def degrees(self) -> np.ndarray:
        return np.bincount(self.a, minlength=self.people) + np.bincount(self.b, minlength=self.people)


def society(base: Assumptions | None = None, rng: np.random.Generator | None = None,
            **changes) -> Society:
    """Draw the society (graph, chances of contact, readiness) for the given parameters."""
    p = with_changes(base, **changes)
    rng = np.random.default_rng(p.seed) if rng is None else rng
    n, half = p.people, p.ties_per_person // 2
    i = np.repeat(np.arange(n), half)
    j = (i + np.tile(np.arange(1, half + 1), n)) % n
    moved = rng.random(i.size) < p.rewire
    new = rng.integers(0, n - 1, size=int(moved.sum()))
    j[moved] = new + (new >= i[moved])            # a random other person, never oneself
    a, b = np.minimum(i, j), np.maximum(i, j)
    key = np.unique(a.astype(np.int64) * n + b)   # one tie per pair
    a, b = key // n, key % n
    contact = rng.uniform(p.contact_low, p.contact_high, a.size)
    strength = _steady(contact, p.grow, p.fade)
    readiness = rng.random(n)
    # Where each end of each tie goes in the strengths table (people x most ties).
    ends = np.concatenate([a, b])
    tie = np.concatenate([np.arange(a.size), np.arange(a.size)])
    order = np.argsort(ends, kind="stable")
    ends, tie = ends[order], tie[order]
    first = np.searchsorted(ends, np.arange(n))
    col = np.arange(ends.size) - first[ends]
    widest = int(col.max()) + 1 if col.size else 1
    return Society(n, a, b, contact, strength, readiness, ends, col, tie, widest)


def _steady(contact: np.ndarray, grow: float, fade: float) -> np.ndarray:
    """The strength at which a tie's expected weekly gain and loss balance."""
    gain = contact * grow
    return gain / (gain + (1.0 - contact) * fade)


def adoption_curve(weeks, base: Assumptions | None = None, **changes) -> np.ndarray:
    """The S-curve: the share of people with an OS in each week, if nobody left."""
    p = with_changes(base, **changes)
    t = np.asarray(weeks, dtype=float)
    return p.adoption_level / (1.0 + np.exp(-p.adoption_rate * (t - p.adoption_midpoint)))


def update_ties(strength: np.ndarray, met: np.ndarray, lost: np.ndarray,
                base: Assumptions | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One week for every tie: new strengths and the new "lost for good" mask.

    A tie whose two people met closes ``grow`` of its gap to 1; one whose people did not
    keeps ``1 - fade`` of its strength; a tie below ``lost_below`` is lost (strength 0)
    and stays lost.
    """
    p = with_changes(base)
    w = np.where(met, strength + p.grow * (1.0 - strength), strength * (1.0 - p.fade))
    lost = lost | (w < p.lost_below)
    w[lost] = 0.0
    return w, lost


# --------------------------------------------------------------------------- simulation
def simulate(*, lonely=None, base: Assumptions | None = None, **params) -> pd.DataFrame:
    """Run the society week by week; one row per week.

    Keyword arguments: any parameter of :class:`Assumptions` (people, ties_per_person,
    rewire, contact_low, contact_high, grow, fade, lost_below, adoption_level,
    adoption_rate, adoption_midpoint, os_time, exodus, steps, seed), and ``lonely``, the
    definition of loneliness (default :data:`DEFAULT_LONELY`; see :func:`fewer_than`).
    A definition may be any function ``lonely(strengths, has_os)`` where ``strengths``
    has one row per person and one column per human tie (0 where a person has fewer
    ties, in no particular order) and ``has_os`` is True where the person has an OS that
    week; it returns one True (lonely) or False per person.

    Columns (index ``week``, 0 to steps - 1; each row is the state at the start of the week):

    - ``adoption``: share of people with an OS.
    - ``human_time``: average share of people's social time left for other people.
    - ``tie_strength``: average strength of all the human ties there were in week 0
      (a lost tie counts as 0).
    - ``ties_lost``: share of those ties lost for good.
    - ``lonely``: share of people who are lonely under the definition.
    - ``os_present``: True before the exodus.

    ``table.attrs`` holds the parameters, the definition (in words) and the exodus week.
    """
    p = with_changes(base, **params)
    lonely = check_definition(lonely)
    rng = np.random.default_rng(p.seed)
    soc = society(p, rng)
    n, m, steps = soc.people, soc.ties, p.steps
    a, b, contact = soc.a, soc.b, soc.contact
    w = soc.strength.copy()
    lost = w < p.lost_below
    w[lost] = 0.0
    exodus = steps if p.exodus is None else p.exodus
    share = adoption_curve(np.arange(steps), p)

    out = {name: np.empty(steps) for name in ("adoption", "human_time", "tie_strength",
                                              "ties_lost", "lonely")}
    fast = type(lonely) is FewerThan   # the kit's definition: count strong ties per person
    flat = soc.slot_row * soc.widest + soc.slot_col
    for t in range(steps):
        has_os = (soc.readiness < share[t]) if t < exodus else np.zeros(n, dtype=bool)
        users = int(has_os.sum())
        if fast:
            strong = w >= lonely.strength
            count = (np.bincount(a[strong], minlength=n) + np.bincount(b[strong], minlength=n))
            alone = (count + has_os if lonely.os_counts else count) < lonely.ties
        else:  # a fresh table each week: a definition may change what it is given
            table = np.zeros(n * soc.widest)
            table[flat] = w[soc.slot_tie]
            alone = _apply_definition(lonely, table.reshape(n, soc.widest), has_os.copy())
        out["adoption"][t] = users / n
        out["human_time"][t] = 1.0 - p.os_time * users / n
        out["tie_strength"][t] = w.mean()
        out["ties_lost"][t] = lost.mean()
        out["lonely"][t] = np.count_nonzero(alone) / n
        if users:
            free = 1.0 - p.os_time * has_os
            chance = contact * free[a] * free[b]
        else:
            chance = contact
        met = rng.random(m) < chance
        w, lost = update_ties(w, met, lost, p)

    frame = pd.DataFrame(out, index=pd.RangeIndex(steps, name="week"))
    frame["os_present"] = frame.index < exodus
    frame.attrs.update({name: getattr(p, name) for name in PARAMETERS})
    frame.attrs["definition"] = describe_definition(lonely)
    return frame


def summary(table: pd.DataFrame) -> pd.Series:
    """The numbers of one run that the lesson talks about.

    ``adoption_peak``; ``lonely_start`` (week 0); ``lonely_before`` (the week before the
    exodus); ``lonely_at_exodus`` (the week every OS leaves); ``lonely_end`` (the last
    week); ``tie_strength_start``, ``tie_strength_at_exodus``, ``ties_lost_end``.
    Without an exodus, the "before" and "at" values are those of the last week.
    """
    if not isinstance(table, pd.DataFrame) or "lonely" not in table.columns:
        raise ValueError("table must be a table made by simulate().")
    exodus = table.attrs.get("exodus")
    last = len(table) - 1
    at = last if exodus is None else int(exodus)
    before = max(at - 1, 0) if exodus is not None else last
    return pd.Series({
        "adoption_peak": float(table.adoption.max()),
        "lonely_start": float(table.lonely.iloc[0]),
        "lonely_before": float(table.lonely.iloc[before]),
        "lonely_at_exodus": float(table.lonely.iloc[at]),
        "lonely_end": float(table.lonely.iloc[last]),
        "tie_strength_start": float(table.tie_strength.iloc[0]),
        "tie_strength_at_exodus": float(table.tie_strength.iloc[at]),
        "ties_lost_end": float(table.ties_lost.iloc[last]),
    })


#: Name -> the label a student reads: the parameters (rows of :func:`assumptions_table`),
#: the columns of :func:`simulate`, and the numbers of :func:`summary` and :func:`sweep`.
#: Code keeps the names; :func:`readable` shows the labels.
LABELS = {
    "people": "people in the society",
    "ties_per_person": "human ties per person at the start",
    "rewire": "chance a tie links to a random person",
    "contact_low": "lowest weekly chance of contact",
    "contact_high": "highest weekly chance of contact",
    "grow": "how much a week with contact strengthens a tie",
    "fade": "how much a week without contact weakens a tie",
    "lost_below": "strength below which a tie is lost",
    "adoption_rate": "adoption rate (how fast, per week)",
    "adoption_midpoint": "week when half of the eventual users have an OS",
    "os_time": "time the OS takes from people",
    "exodus": "week every OS leaves",
    "steps": "weeks simulated",
    "seed": "random seed",
    "parameter": "assumption",
    "says": "what it says",
    "adoption": "share with an OS",
    "human_time": "average share of social time left for people",
    "tie_strength": "average tie strength",
    "ties_lost": "share of ties lost for good",
    "lonely": "share lonely",
    "os_present": "OSes still here",
    "adoption_level": "adoption level",
    "adoption_peak": "share with an OS at the peak",
    "lonely_start": "share lonely in week 0",
    "lonely_before": "share lonely the week before the OSes leave",
    "lonely_at_exodus": "share lonely the week the OSes leave",
    "lonely_end": "share lonely in the last week",
    "tie_strength_start": "average tie strength in week 0",
    "tie_strength_at_exodus": "average tie strength the week the OSes leave",
    "ties_lost_end": "share of ties lost for good by the last week",
}


def readable(result, digits: int = 3):
    """A table of this module for reading: plain labels (:data:`LABELS`), rounded.

    A summary (one run) becomes a one-column table; a table of summaries side by side, a
    sweep, or the weeks of :func:`simulate` keep their shape with their row and column names
    in words (True/False as "yes"/"no"). The numbers are shares from 0 to 1 (0.37 is 37 in
    every hundred people). The table of :func:`assumptions_table` gets its rows in words and
    its values written out (1,000; "never" for no exodus).
    """
    if isinstance(result, pd.Series):
        result = result.to_frame(result.name if result.name not in (None, 0) else "value")
    if not isinstance(result, pd.DataFrame):
        raise ValueError(f"result must be a table made by summary() or sweep(); got {short(result)}.")
    if result.index.name == "parameter" and "value" in result.columns:  # assumptions_table()
        out = result.copy()
        out["value"] = [str(v) if name == "seed" else _value_in_words(v)  # a seed is a name: 2013
                        for name, v in result["value"].items()]
    else:
        out = result.round(digits)
        for column in out.columns:
            if pd.api.types.is_bool_dtype(out[column]):
                out[column] = out[column].map({True: "yes", False: "no"})
    out = out.rename(index=LABELS, columns=LABELS)
    out.index.name = LABELS.get(result.index.name, result.index.name)
    return out


def _value_in_words(value) -> str:
    if value is None:
        return "never"
    if isinstance(value, bool) or not isinstance(value, Real):
        return str(value)
    return plain_number(value)


def lonely_at_exodus(*, lonely=None, **params) -> float:
    """The share of people lonely in the week every OS leaves (needs an exodus week)."""
    p = with_changes(**params)
    if p.exodus is None:
        raise ValueError("exodus must be a week (a whole number) for lonely_at_exodus; got None.")
    # The weeks after the exodus cannot change it: stop there (same draws, same answer).
    return float(simulate(lonely=lonely, base=replace(p, steps=p.exodus + 1)).lonely.iloc[-1])


def sweep(levels, *, lonely=None, **params) -> pd.DataFrame:
    """Run the model once per adoption level; one row per level.

    Columns: ``lonely_before``, ``lonely_at_exodus``, ``lonely_end``, ``ties_lost_end``
    (see :func:`summary`). All other parameters, the seed included, stay the same.
    """
    try:
        values = [float(v) if isinstance(v, Real) and not isinstance(v, bool) else v
                  for v in np.atleast_1d(np.asarray(levels, dtype=object)).tolist()]
    except Exception as exc:
        raise ValueError(f"levels must be a list of numbers from 0 to 1; got {short(levels)}.") from exc
    if not values or len(values) > 1_001:
        raise ValueError(f"levels must be a list of 1 to 1,001 numbers from 0 to 1; got {len(values):,}.")
    base = with_changes(**params)
    if base.exodus is None:
        raise ValueError("exodus must be a week (a whole number) for a sweep; got None.")
    rows = []
    for v in values:
        level = check_number("levels", v, 0, 1)
        s = summary(simulate(lonely=lonely, base=replace(base, adoption_level=level)))
        rows.append((level, s.lonely_before, s.lonely_at_exodus, s.lonely_end, s.ties_lost_end))
    return pd.DataFrame(rows, columns=["adoption_level", "lonely_before", "lonely_at_exodus",
                                       "lonely_end", "ties_lost_end"]).set_index("adoption_level")


def tipping_level(share: float = 0.5, *, lonely=None, tol: float = 0.001, **params) -> float | None:
    """The lowest adoption level at which the exodus leaves more than ``share`` lonely.

    Found by bisection to within ``tol`` (0.0001 to 0.1), for the given seed and the
    other parameters. Returns 0.0 if even a society without an OS has more than
    ``share`` lonely in the exodus week, and **None if no level up to 1 does**.
    The answer is exact for the seed because a higher level never leaves ties stronger
    (see the module's notes).
    """
    target = check_number("share", share, 0, 1)
    tol = check_number("tol", tol, 1e-4, 0.1)
    base = with_changes(**params)

    def above(level: float) -> bool:
        return lonely_at_exodus(lonely=lonely, **{**_as_dict(base), "adoption_level": level}) > target

    if above(0.0):
        return 0.0
    if not above(1.0):
        return None
    lo, hi = 0.0, 1.0
    while hi - lo > tol:
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if above(mid) else (mid, hi)
    return round(hi, 6)


def _as_dict(p: Assumptions) -> dict:
    return {name: getattr(p, name) for name in PARAMETERS}
