"""Rubrics as data: ``rubrics/<name>.csv``, one row per criterion and level.

Columns: ``criterion`` (a short name), ``weight`` (a positive number, the same on every row
of one criterion), ``level`` (a whole number from 0 up, no gaps) and ``descriptor`` (what
work at that level does). Criteria keep the order of their first row.

    rubric = load_rubric(KIT_ROOT / "rubrics" / "written-answer.csv")
    rubric.criteria[0].name, rubric.criteria[0].levels[2]
    rubric.score({"argument": 3, "use of the reading": 2, ...})   # a weighted share, 0..1
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from seminar.text import InputError

COLUMNS = ("criterion", "weight", "level", "descriptor")
MAX_BYTES = 200_000


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: float
    levels: tuple[str, ...]  # descriptor of level 0, 1, ..., top

    @property
    def top(self) -> int:
        return len(self.levels) - 1


@dataclass(frozen=True)
class Rubric:
    name: str
    criteria: tuple[Criterion, ...]

    @property
    def total_weight(self) -> float:
        return sum(c.weight for c in self.criteria)

    def criterion(self, name: str) -> Criterion:
        for c in self.criteria:
            if c.name.casefold() == str(name).strip().casefold():
                return c
        known = ", ".join(c.name for c in self.criteria)
        raise InputError(f"The rubric {self.name!r} has no criterion {name!r} (it has: {known}).")

    def score(self, levels: dict) -> float:
        """The weighted share (0 to 1) for a level per criterion; a missing criterion counts 0."""
        total = 0.0
        for c in self.criteria:
            raw = levels.get(c.name, 0)
            level = parse_level(raw, c)
            total += c.weight * level / c.top if c.top else 0.0
        return total / self.total_weight


def parse_level(raw, criterion: Criterion) -> int:
    """A level typed in a spreadsheet cell ("3", 3, 3.0, "") as a whole number, or InputError."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)) or str(raw).strip() == "":
        return 0
    text = str(raw).strip()
    try:
        number = float(text)
    except ValueError:
        raise InputError(f"{criterion.name}: {text[:40]!r} is not a level "
                         f"(a whole number 0 to {criterion.top}).") from None
    if not number.is_integer() or not 0 <= number <= criterion.top:
        raise InputError(f"{criterion.name}: {text[:40]!r} is not a level "
                         f"(a whole number 0 to {criterion.top}).")
    return int(number)


def parse_rubric(text: str, name: str = "rubric") -> Rubric:
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows or tuple(rows[0].keys())[:4] != COLUMNS:
        raise InputError(f"{name}: a rubric's columns are {', '.join(COLUMNS)}.")
    order: list[str] = []
    weights: dict[str, float] = {}
    levels: dict[str, dict[int, str]] = {}
    for number, row in enumerate(rows, start=2):
        crit = (row["criterion"] or "").strip()
        if not crit:
            raise InputError(f"{name}, line {number}: the criterion is empty.")
        try:
            weight, level = float(row["weight"]), int(row["level"])
        except (TypeError, ValueError):
            raise InputError(f"{name}, line {number}: weight must be a number and level a "
                             "whole number.") from None
        if not math.isfinite(weight) or weight <= 0:
            raise InputError(f"{name}, line {number}: the weight must be a positive number.")
        if crit not in weights:
            order.append(crit)
            weights[crit], levels[crit] = weight, {}
        elif weights[crit] != weight:
            raise InputError(f"{name}, line {number}: {crit!r} has two different weights.")
        if level in levels[crit]:
            raise InputError(f"{name}, line {number}: {crit!r} has level {level} twice.")
        levels[crit][level] = (row["descriptor"] or "").strip()
    criteria = []
    for crit in order:
        got = levels[crit]
        if sorted(got) != list(range(len(got))) or len(got) < 2:
            raise InputError(f"{name}: {crit!r} needs levels 0, 1, ... with no gaps.")
        criteria.append(Criterion(crit, weights[crit], tuple(got[i] for i in range(len(got)))))
    return Rubric(name, tuple(criteria))


def load_rubric(path: Path | str) -> Rubric:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no rubric file {path}.")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path} is too large for a rubric.")
    return parse_rubric(path.read_text(encoding="utf-8-sig"), path.stem)
