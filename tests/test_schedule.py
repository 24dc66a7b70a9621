"""``python -m seminar schedule``: a schedule made from the lessons' Time fields."""
import csv
import io
import itertools
import random
from pathlib import Path

import nbformat
import pytest

from seminar import KIT_ROOT
from seminar.instructor import schedule
from tests.assignkit import cli

GUIDE = KIT_ROOT / "instructors" / "README.md"


def make_lessons(root: Path, times: list[tuple[int, int]]) -> Path:
    (root / "lessons").mkdir(parents=True)
    for number, (teach, exercise) in enumerate(times):
        header = (f"# Lesson {number} | a title\n\n**Questions**\n- Why?\n\n**Objectives**\n- Learn.\n\n"
                  f"**Time**: Teaching: {teach} min · Exercises: {exercise} min\n\n**Readings**: none")
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(header, id="c0")])
        nbformat.write(nb, str(root / "lessons" / f"{number:02d}-lesson-{number}.ipynb"))
    return root


def brute_force(loads, parts):
    n = len(loads)
    best = None
    for cuts in itertools.combinations(range(1, n), min(parts, n) - 1):
        bounds = [0, *cuts, n]
        worst = max(sum(loads[a:b]) for a, b in zip(bounds, bounds[1:]))
        best = worst if best is None else min(best, worst)
    return best


def test_split_is_optimal_and_keeps_order():
    rng = random.Random(7)
    for _ in range(200):
        loads = [rng.randint(0, 120) for _ in range(rng.randint(1, 9))]
        parts = rng.randint(1, 8)
        groups = schedule.split(loads, parts)
        assert [i for g in groups for i in g] == list(range(len(loads)))
        assert all(groups) and len(groups) == min(parts, len(loads))
        assert max(sum(loads[i] for i in g) for g in groups) == brute_force(loads, parts)


def test_eight_weeks_holds_every_lesson_once_in_order(tmp_path):
    times = [(20, 15), (45, 40), (50, 45), (45, 50), (40, 45), (45, 40), (45, 50), (45, 40), (30, 90)]
    root = make_lessons(tmp_path, times)
    done = cli("schedule", "--root", str(root), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["week"] for r in rows] == [str(w) for w in range(1, 9)]
    names = [n for r in rows for n in r["lessons"].split("; ") if n]
    assert [n[:2] for n in names] == [f"{i:02d}" for i in range(9)]
    assert rows[0]["lessons"].startswith("00 ") and "; 01 " in rows[0]["lessons"]
    assert sum(int(r["teaching_min"]) + int(r["exercise_min"]) for r in rows) == sum(map(sum, times))
    assert max(int(r["teaching_min"]) + int(r["exercise_min"]) for r in rows) == 120


def test_fewer_lessons_than_weeks_leaves_weeks_open(tmp_path):
    root = make_lessons(tmp_path, [(30, 30), (40, 20)])
    done = cli("schedule", "--root", str(root))
    lines = done.stdout.strip().split("\n")
    assert len(lines) == 2 + 8
    assert lines[2].startswith("| 1 | 00 Lesson 0 \\| a title | 30 min | 30 min | 1 h 00 min |")
    assert "open: review, or the capstone" in lines[4] and lines[-1].startswith("| 8 |")


def test_workshop_is_two_days_of_continuous_times(tmp_path):
    root = make_lessons(tmp_path, [(20, 15), (45, 40), (50, 45), (45, 50), (40, 45), (45, 40)])
    done = cli("schedule", "--root", str(root), "--plan", "workshop2", "--format", "csv",
               "--start", "9:00")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    for day in ("1", "2"):
        today = [r for r in rows if r["day"] == day]
        assert today[0]["start"] == "09:00"
        for a, b in zip(today, today[1:]):
            assert a["end"] == b["start"]
        afternoon = any(r["start"] >= "12:00" for r in today if r["activity"] != "lunch")
        assert [r["activity"] for r in today].count("lunch") == (1 if afternoon else 0)
        work = 0
        for r in today:
            work = 0 if r["activity"] in ("break", "lunch") else work + int(r["minutes"])
            assert work <= schedule.BREAK_AFTER + 50
    lessons = [r["lesson"] for r in rows if r["lesson"]]
    assert lessons == sorted(lessons)
    teaching = [(r["lesson"], r["activity"]) for r in rows if r["lesson"]]
    assert teaching[:2] == [(lessons[0], "teaching"), (lessons[0], "exercises")]


def test_workshop3_is_three_days_in_order_and_every_lesson_once(tmp_path):
    root = make_lessons(tmp_path, [(20, 15), (45, 40), (50, 45), (45, 50), (40, 45), (45, 40),
                                   (45, 50), (45, 40), (30, 90), (50, 60), (45, 60)])
    done = cli("schedule", "--root", str(root), "--plan", "workshop3", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {r["day"] for r in rows} == {"1", "2", "3"}
    lessons = [r["lesson"] for r in rows if r["activity"] == "teaching"]
    assert lessons == sorted(lessons) and len(lessons) == 11
    assert max(r["end"] for r in rows) <= "18:00"  # three days end in the afternoon
    two = cli("schedule", "--root", str(root), "--plan", "workshop2", "--format", "csv")
    assert max(r["end"] for r in csv.DictReader(io.StringIO(two.stdout))) > "19:00"


def test_bad_start_and_missing_lessons(tmp_path):
    done = cli("schedule", "--root", str(tmp_path), "--plan", "workshop2", "--start", "25:00")
    assert done.returncode == 1 and "--start" in done.stderr
    done = cli("schedule", "--root", str(tmp_path))
    assert done.returncode == 1 and "no lessons" in done.stderr and "Traceback" not in done.stderr


def test_update_rewrites_only_between_the_markers(tmp_path):
    root = make_lessons(tmp_path / "kit", [(30, 30), (40, 20)])
    guide = tmp_path / "guide.md"
    guide.write_text("Intro\n<!-- schedule:week8:start -->\nold\n<!-- schedule:week8:end -->\nEnd\n",
                     encoding="utf-8")
    check = cli("schedule", "--root", str(root), "--update", str(guide), "--check")
    assert check.returncode == 1 and "out of date" in check.stdout
    assert cli("schedule", "--root", str(root), "--update", str(guide)).returncode == 0
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("Intro\n<!-- schedule:week8:start -->\n| Week |") and text.endswith("end -->\nEnd\n")
    assert cli("schedule", "--root", str(root), "--update", str(guide), "--check").returncode == 0
    done = cli("schedule", "--root", str(root), "--plan", "workshop2", "--update", str(guide))
    assert done.returncode == 1 and "markers" in done.stderr


@pytest.mark.parametrize("plan", ["week8", "workshop2", "workshop3"])
def test_the_instructor_guide_schedule_is_up_to_date(plan):
    done = cli("schedule", "--plan", plan, "--update", str(GUIDE), "--check")
    assert done.returncode == 0, (done.stdout + done.stderr +
                                  f"\nRun: python -m seminar schedule --plan {plan} --update instructors/README.md")
