"""``python -m seminar schedule``: a course schedule made from the lessons' **Time** fields.

Each lesson's first cell says ``Teaching: N min · Exercises: M min``. Two plans:

- ``week8``: eight weekly sessions. Lessons stay in order; consecutive lessons share a
  week so that the longest week is as short as it can be (if there are fewer lessons
  than weeks, the last weeks are left open for review or the capstone).
- ``workshop2``: a two-day workshop with clock times: lessons split over the two days
  the same way, each lesson's teaching then its exercises, a 15-minute break after
  about 90 minutes of work and an hour's lunch at the first block ending after noon.
- ``workshop3``: the same over three days (with eleven lessons, two days run past
  seven in the evening; three days end in the afternoon).

``--update FILE`` rewrites the table between ``<!-- schedule:PLAN:start -->`` and
``<!-- schedule:PLAN:end -->`` in FILE (the instructor guide), so it never drifts.
"""
from __future__ import annotations

import argparse
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from seminar.text import InputError

HELP = "print a course schedule (8 weeks, or a 2- or 3-day workshop) from the lessons' Time fields"

#: Plan name -> number of days, for the workshop plans.
WORKSHOP_DAYS = {"workshop2": 2, "workshop3": 3}
PLANS = ["week8", *WORKSHOP_DAYS]

BREAK_AFTER, BREAK, LUNCH, LUNCH_FROM = 90, 15, 60, 12 * 60


@dataclass(frozen=True)
class Item:
    number: str      # "02"
    title: str
    teaching: int
    exercises: int

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercises

    @property
    def name(self) -> str:
        return f"{self.number} {self.title}"


def items(root: Path) -> list[Item]:
    from seminar.classroom.course import lesson_list

    try:
        lessons = lesson_list(root)
    except (ValueError, KeyError, OSError) as exc:
        raise InputError(f"A lesson's first cell cannot be read: {exc}") from None
    if not lessons:
        raise InputError(f"There are no lessons in {Path(root) / 'lessons'}.")
    return [Item(f"{les.number:02d}", les.title, les.teaching_min, les.exercise_min)
            for les in lessons]


def split(loads: list[int], parts: int) -> list[list[int]]:
    """Indexes of ``loads`` cut into at most ``parts`` consecutive groups, minimising the largest sum.

    Ties go to the earliest cut that keeps the largest sum smallest, so the result is stable.
    """
    n = len(loads)
    parts = max(1, min(parts, n))
    prefix = [0]
    for load in loads:
        prefix.append(prefix[-1] + load)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(parts + 1)]
    cut = [[0] * (n + 1) for _ in range(parts + 1)]
    best[0][0] = 0
    for k in range(1, parts + 1):
        for i in range(1, n + 1):
            for j in range(k - 1, i):
                cost = max(best[k - 1][j], prefix[i] - prefix[j])
                if cost < best[k][i]:
                    best[k][i], cut[k][i] = cost, j
    groups, i = [], n
    for k in range(parts, 0, -1):
        j = cut[k][i]
        groups.append(list(range(j, i)))
        i = j
    return list(reversed(groups))


def weeks(lessons: list[Item], count: int = 8) -> list[dict]:
    groups = split([les.minutes for les in lessons], count)
    rows = []
    for week, group in enumerate(groups, start=1):
        chosen = [lessons[i] for i in group]
        rows.append({"week": week, "lessons": [les.name for les in chosen],
                     "teaching_min": sum(les.teaching for les in chosen),
                     "exercise_min": sum(les.exercises for les in chosen)})
    for week in range(len(groups) + 1, count + 1):
        rows.append({"week": week, "lessons": [], "teaching_min": 0, "exercise_min": 0})
    return rows


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def workshop(lessons: list[Item], days: int = 2, start: int = 9 * 60 + 30) -> list[dict]:
    rows = []
    for day, group in enumerate(split([les.minutes for les in lessons], days), start=1):
        now, worked, lunched = start, 0, False
        for index in group:
            les = lessons[index]
            for activity, minutes in (("teaching", les.teaching), ("exercises", les.exercises)):
                if not minutes:
                    continue
                if not lunched and now >= LUNCH_FROM:
                    rows.append({"day": day, "start": _clock(now), "end": _clock(now + LUNCH),
                                 "lesson": "", "activity": "lunch", "minutes": LUNCH})
                    now, worked, lunched = now + LUNCH, 0, True
                elif worked >= BREAK_AFTER:
                    rows.append({"day": day, "start": _clock(now), "end": _clock(now + BREAK),
                                 "lesson": "", "activity": "break", "minutes": BREAK})
                    now, worked = now + BREAK, 0
                rows.append({"day": day, "start": _clock(now), "end": _clock(now + minutes),
                             "lesson": les.name, "activity": activity, "minutes": minutes})
                now, worked = now + minutes, worked + minutes
    return rows


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|")


def _minutes(m: int) -> str:
    return f"{m // 60} h {m % 60:02d} min" if m >= 60 else f"{m} min"


def markdown(plan: str, table: list[dict]) -> str:
    if plan == "week8":
        out = ["| Week | Lessons | Teaching | Exercises | Total |", "|---|---|---|---|---|"]
        for r in table:
            lessons = "<br>".join(_cell(x) for x in r["lessons"]) or "open: review, or the capstone"
            total = r["teaching_min"] + r["exercise_min"]
            out.append(f"| {r['week']} | {lessons} | {r['teaching_min']} min | "
                       f"{r['exercise_min']} min | {_minutes(total) if total else '–'} |")
        return "\n".join(out)
    out = ["| Day | Time | Lesson | Activity |", "|---|---|---|---|"]
    for r in table:
        lesson = _cell(r["lesson"]) or "–"
        out.append(f"| {r['day']} | {r['start']}–{r['end']} | {lesson} | {r['activity']} "
                   f"({r['minutes']} min) |")
    return "\n".join(out)


def to_csv(plan: str, table: list[dict]) -> str:
    buffer = io.StringIO()
    if plan == "week8":
        fields = ["week", "lessons", "teaching_min", "exercise_min"]
        table = [{**r, "lessons": "; ".join(r["lessons"])} for r in table]
    else:
        fields = ["day", "start", "end", "lesson", "activity", "minutes"]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return buffer.getvalue()


def update(path: Path, plan: str, text: str) -> bool:
    """Put ``text`` between the plan's markers in ``path``. Returns True if it was already there."""
    start, end = f"<!-- schedule:{plan}:start -->", f"<!-- schedule:{plan}:end -->"
    old = path.read_text(encoding="utf-8")
    if start not in old or end not in old:
        raise InputError(f"{path} has no '{start}' ... '{end}' markers to put the table between.")
    new = re.sub(re.escape(start) + r".*?" + re.escape(end),
                 lambda _m: f"{start}\n{text}\n{end}", old, count=1, flags=re.S)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new == old


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print a course schedule made from the lessons' Time fields (Teaching: N min · "
        "Exercises: M min): eight weekly sessions, or a two- or three-day workshop with clock times.")
    parser.add_argument("--plan", choices=PLANS, default="week8",
                        help="eight weeks, or a two- or three-day workshop (default: %(default)s)")
    parser.add_argument("--format", choices=["markdown", "csv"], default="markdown",
                        help="output format (default: %(default)s)")
    parser.add_argument("--start", default="09:30", metavar="HH:MM",
                        help="workshop: when each day starts (default: %(default)s)")
    parser.add_argument("--update", metavar="FILE",
                        help="instead of printing, rewrite the Markdown table between FILE's "
                             "<!-- schedule:PLAN:start/end --> markers")
    parser.add_argument("--check", action="store_true",
                        help="with --update: write nothing, exit 1 if FILE's table is out of date")


def run(args: argparse.Namespace) -> int:
    m = re.fullmatch(r"(\d{1,2}):(\d\d)", args.start.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise InputError(f"--start must be a time such as 09:30, not {args.start!r}.")
    lessons = items(Path(args.root))
    table = (weeks(lessons, 8) if args.plan == "week8"
             else workshop(lessons, WORKSHOP_DAYS[args.plan], int(m.group(1)) * 60 + int(m.group(2))))
    if args.update:
        path = Path(args.update)
        text = markdown(args.plan, table)
        if args.check:
            current = f"<!-- schedule:{args.plan}:start -->\n{text}\n<!-- schedule:{args.plan}:end -->"
            ok = current in path.read_text(encoding="utf-8")
            print(f"{path}: the {args.plan} schedule is " + ("up to date." if ok else
                  f"out of date: run python -m seminar schedule --plan {args.plan} --update {path}"))
            return 0 if ok else 1
        same = update(path, args.plan, text)
        print(f"{path}: the {args.plan} schedule " + ("was already up to date." if same else "rewritten."))
        return 0
    print(markdown(args.plan, table) if args.format == "markdown" else to_csv(args.plan, table),
          end="\n" if args.format == "markdown" else "")
    return 0
