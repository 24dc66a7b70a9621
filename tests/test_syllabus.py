"""python -m seminar syllabus and the course documents: the course file, the lesson notes, the
essay prompts and rubrics, the viewing guide, the bibliography and the reading packet."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from seminar import KIT_ROOT
from seminar.classroom.course import lesson_list
from seminar.classroom.readings import SHARED_DIR, all_excerpts, readings
from seminar.instructor import coursedocs as cd
from seminar.instructor.cli import main
from seminar.instructor.rubrics import load_rubric
from seminar.text import InputError

COURSE = """---
instructor: Dr Ada Example
term: [Term]
plan: week8
screening_before: 02
---
## Description
About.
## Assessment
- Essay: 60: the essay
- Exercises: 40: weekly
## Content note
Be kind.
"""


def test_the_kit_course_file_parses_and_weights_add_up():
    course = cd.load_course_file(KIT_ROOT)
    assert sum(w for _, w, _ in course.assessment) == 100
    for key in ("instructor", "term", "meetings", "screening_before", "plan"):
        assert key in course.meta
    for section in ("description", "policies", "accessibility", "academic integrity", "content note"):
        assert course.sections.get(section), section


def test_placeholders_are_listed_and_links_are_not_placeholders():
    course = cd.parse_course_file(COURSE + "\nSee [the guide](x.md) and [Your office].\n")
    found = cd.placeholders(course)
    assert "term: [Term]" in found
    assert any("[Your office]" in f for f in found)
    assert not any("the guide" in f for f in found)


@pytest.mark.parametrize("text, message", [
    ("no front matter", "key: value"),
    ("---\nnot a pair\n---\n", "not 'key: value'"),
    ("---\na: b\n---\n## Assessment\n- Essay: lots\n", "not a number"),
    ("---\na: b\n---\n## Assessment\n- Essay: 60\n- Other: 30\n", "add up to 90"),
    ("---\na: b\n---\n## Assessment\n- Essay: -5\n", "between 0 and 100"),
    ("---\na: b\n---\n## Assessment\n- Essay\n", "should read"),
])
def test_a_broken_course_file_gets_a_clear_message(text, message):
    with pytest.raises(InputError, match=re.escape(message)):
        cd.parse_course_file(text)


def test_syllabus_is_made_from_the_lessons_and_the_course_file(tmp_path):
    course = cd.parse_course_file(COURSE)
    text = cd.syllabus_markdown(KIT_ROOT, course)
    lessons = lesson_list(KIT_ROOT)
    assert text.index("## Content note") < text.index("## Description") < text.index("## Schedule")
    assert "Dr Ada Example" in text and "Be kind." in text
    for les in lessons:  # every objective, every lesson, from the notebooks' first cells
        assert les.title in text
        for objective in les.objectives:
            assert objective in text
    assert "| Essay | 60 % | the essay |" in text
    # screening before lesson 02, in the week the schedule puts lesson 02
    assert f"watch *Her* ({cd.FILM_MINUTES} min) before lesson 02" in text
    week_of_02 = next(line for line in text.splitlines() if "before lesson 02" in line and line.startswith("|"))
    assert "02 " in week_of_02
    for section in ("## Assessment", "## Screening plan", "## Policies", "## Accessibility",
                    "## Academic integrity", "### Readings by week"):
        assert section in text


def test_readings_by_week_give_full_references():
    text = cd.syllabus_markdown(KIT_ROOT)
    for r in readings(KIT_ROOT / "readings"):
        used = any(eid in text for eid in (e.id for e in r.excerpts))
        if used:
            assert r.citation.rstrip(".") in text, r.slug


def test_lesson_notes_parse_and_every_lesson_has_a_section():
    notes = cd.lesson_notes(KIT_ROOT)
    numbers = {f"{les.number:02d}" for les in lesson_list(KIT_ROOT)}
    assert set(notes) <= numbers, "a section for a lesson the kit does not have"
    assert len(notes) >= 9
    assert notes["01"].content_note and "invented" in notes["01"].content_note
    for n, note in notes.items():
        assert note.watch, n
        assert note.discuss and all(q.endswith("?") for q in note.discuss), n
    guide = cd.viewing_guide_markdown(KIT_ROOT)
    assert f"{cd.FILM_MINUTES} minutes" in guide and "timestamp" in guide
    assert not re.search(r"\b\d{1,2}:\d\d\b", guide), "the viewing guide gives no timestamps"


def test_the_film_facts_are_those_of_the_shared_sources():
    facts = Path(SHARED_DIR) / "sources" / "film-facts.md"
    if not facts.is_file():
        pytest.skip("../shared/sources/film-facts.md is not beside the kit (a user's clone)")
    text = facts.read_text(encoding="utf-8")
    assert f"running time {cd.FILM_MINUTES} minutes" in text
    assert "2013-12-18" in text and "2013-10-13" in text


def test_a_lesson_without_notes_is_reported(tmp_path):
    root = tmp_path / "kit"
    for folder in ("lessons", "course", "readings", "rubrics"):
        shutil.copytree(KIT_ROOT / folder, root / folder)
    notes = root / "course" / "lesson-notes.md"
    notes.write_text(re.sub(r"## 03\n.*?(?=\n## 04)", "", notes.read_text(encoding="utf-8"), flags=re.S),
                     encoding="utf-8")
    assert cd.missing_notes(root) == ["03"]
    assert "No viewing notes for this lesson yet" in cd.viewing_guide_markdown(root)


def test_at_least_twelve_prompts_each_naming_readings_and_a_toy():
    prompts = cd.essay_prompts(KIT_ROOT)
    assert len(prompts) >= 12
    cd.check_prompts(KIT_ROOT, prompts)
    assert len({p.lesson for p in prompts}) >= 7
    text = cd.prompts_markdown(KIT_ROOT)
    assert text.count("**Readings:** ") == len(prompts) and text.count("**Toy:** ") == len(prompts)
    assert "?." not in text


def test_a_prompt_naming_a_missing_reading_or_lesson_is_refused(tmp_path):
    root = tmp_path / "kit"
    for folder in ("lessons", "course", "readings", "rubrics"):
        shutil.copytree(KIT_ROOT / folder, root / folder)
    path = root / "course" / "essay-prompts.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n### Extra\nLesson: 02\nReadings: nosuch\n\nText.\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="nosuch"):
        cd.prompts_markdown(root)
    path.write_text("### Extra\nLesson: 42\nReadings: searle\n\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no lesson 42"):
        cd.prompts_markdown(root)


def test_essay_rubrics_load_and_the_essay_page_is_current():
    for name, _ in cd.RUBRICS:
        rubric = load_rubric(KIT_ROOT / "rubrics" / f"{name}.csv")
        assert len(rubric.criteria) >= 4
        assert rubric.score({c.name: c.top for c in rubric.criteria}) == pytest.approx(1.0)
    assert main(["syllabus", "--check"]) == 0, "run python -m seminar syllabus"
    page = (KIT_ROOT / "course" / "essay.md").read_text(encoding="utf-8")
    assert "What a strong proposal does" in page and "peer-review.md" in page
    assert (KIT_ROOT / "course" / "peer-review.md").is_file()


def test_check_fails_when_the_essay_page_is_stale(tmp_path):
    root = tmp_path / "kit"
    for folder in ("lessons", "course", "readings", "rubrics"):
        shutil.copytree(KIT_ROOT / folder, root / folder)
    rubric = root / "rubrics" / "essay-final.csv"
    rubric.write_text(rubric.read_text(encoding="utf-8").replace("No thesis.", "No thesis at all."),
                      encoding="utf-8")
    assert main(["syllabus", "--root", str(root), "--check"]) == 1
    assert main(["syllabus", "--root", str(root), "--out", str(tmp_path / "out")]) == 0
    assert main(["syllabus", "--root", str(root), "--check"]) == 0
    assert "No thesis at all." in (root / "course" / "essay.md").read_text(encoding="utf-8")


def test_bibliography_and_packet_cover_every_reading_and_excerpt():
    bib = cd.bibliography_markdown(KIT_ROOT)
    packet = cd.packet_markdown(KIT_ROOT)
    for r in readings(KIT_ROOT / "readings"):
        assert r.citation.rstrip(".") in bib, r.slug
    for eid, e in all_excerpts(KIT_ROOT / "readings").items():
        assert f"**{eid}**" in packet
        first_line = e.text.split("\n")[0]
        assert first_line in packet
    for les in lesson_list(KIT_ROOT):
        if les.readings:
            assert f"## Lesson {les.number:02d}: {les.title}" in packet


def test_command_writes_every_document(tmp_path, capsys):
    assert main(["syllabus", "--out", str(tmp_path)]) == 0
    for name in ("syllabus", "essay", "peer-review", "viewing-guide", "bibliography", "reading-packet"):
        assert (tmp_path / f"{name}.md").is_file()
        page = (tmp_path / f"{name}.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "<h1>" in page
        assert "http://" not in page.split("<main>")[0] and "https://" not in page.split("<main>")[0]
    out = capsys.readouterr().out
    assert "Still to fill in course/course.md" in out and "instructor: [Your name]" in out


def test_html_escapes_nothing_it_should_not_and_renders_tables():
    page = cd.html_page("T <x>", "| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<title>T &lt;x&gt;</title>" in page and "<table>" in page


@pytest.mark.parametrize("plan, unit", [("week8", "| Week |"), ("workshop2", "| Day |")])
def test_the_plan_line_picks_the_schedule(plan, unit):
    course = cd.parse_course_file(COURSE.replace("plan: week8", f"plan: {plan}"))
    text = cd.syllabus_markdown(KIT_ROOT, course)
    assert unit in text
    assert "before lesson 02" in text


def test_an_unknown_plan_is_refused():
    course = cd.parse_course_file(COURSE.replace("plan: week8", "plan: fortnightly"))
    with pytest.raises(InputError, match="fortnightly"):
        cd.syllabus_markdown(KIT_ROOT, course)
