"""The course documents, made from the kit's data: syllabus, essay page, viewing guide,
bibliography and reading packet.

Sources (all in the kit, all editable):

- ``course/course.md``: the course file. Front matter of ``key: value`` lines (instructor,
  term, meetings, deadlines, ...) and ``## Section`` blocks (description, assessment with
  weights, policies, accessibility, academic integrity, content note). Anything in
  ``[square brackets]`` is a placeholder; :func:`placeholders` lists what is left.
- ``course/lesson-notes.md``: per lesson (``## NN``): content note, what to watch and listen
  for, discussion questions.
- ``course/essay-prompts.md``: the essay prompts as data (lesson, readings, text).
- ``rubrics/essay-*.csv``: the essay rubrics (see :mod:`seminar.instructor.rubrics`).
- the lessons' first cells (:mod:`seminar.classroom.course`), the schedule
  (:mod:`seminar.instructor.schedule`) and the readings (:mod:`seminar.classroom.readings`).

Every function returns Markdown; :func:`html_page` turns it into a printable HTML page.
Nothing here reads a lesson's content beyond its first cell and its ``show("id")`` calls.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from seminar.text import InputError

#: The film, as ../shared/sources/film-facts.md states it (a test compares the runtime).
FILM_TITLE = "Her"
FILM_CREDIT = ("written and directed by Spike Jonze; with Joaquin Phoenix, Scarlett Johansson "
               "(voice), Amy Adams and Rooney Mara")
FILM_RELEASE = "premiere New York Film Festival 13 October 2013; US release 18 December 2013"
FILM_MINUTES = 126

RUBRICS = (("essay-proposal", "Proposal"), ("essay-draft", "Draft and peer review"),
           ("essay-final", "Final essay"))
_PLACEHOLDER = re.compile(r"\[([^\]\n]{2,200})\](?![(\[])")


# ---------------------------------------------------------------- the course file

@dataclass
class CourseFile:
    meta: dict[str, str]
    sections: dict[str, str]             # lower-case heading -> Markdown text
    assessment: list[tuple[str, float, str]] = field(default_factory=list)
    path: Path | None = None

    def get(self, key: str, default: str = "") -> str:
        return self.meta.get(key, default)


def _sections(text: str, level: str = "## ", lower: bool = True) -> dict[str, str]:
    out: dict[str, str] = {}
    name, buf = None, []
    for line in text.split("\n"):
        if line.startswith(level) and not line.startswith(level + "#"):
            if name is not None:
                out[name] = "\n".join(buf).strip()
            name, buf = line[len(level):].strip(), []
            name = name.lower() if lower else name
            if name in out:
                raise InputError(f"The heading {level}{name} appears twice.")
        elif name is not None:
            buf.append(line)
    if name is not None:
        out[name] = "\n".join(buf).strip()
    return out


def parse_course_file(text: str, where: str = "course.md") -> CourseFile:
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    m = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.S)
    if not m:
        raise InputError(f"{where}: must start with a block of 'key: value' lines between '---' lines.")
    meta: dict[str, str] = {}
    for number, line in enumerate(m.group(1).split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[a-z_]+", key.strip()):
            raise InputError(f"{where}, line {number}: {line.strip()[:60]!r} is not 'key: value'.")
        meta[key.strip()] = value.strip()
    sections = _sections(m.group(2))
    assessment = []
    for item in re.findall(r"^- (.+)$", sections.get("assessment", ""), re.M):
        parts = [p.strip() for p in item.split(":", 2)]
        if len(parts) < 2:
            raise InputError(f"{where}: assessment line {item[:60]!r} should read '- name: weight: what it is'.")
        try:
            weight = float(parts[1])
        except ValueError:
            raise InputError(f"{where}: the weight of {parts[0]!r} is {parts[1][:20]!r}, not a number.") from None
        if not 0 < weight <= 100:
            raise InputError(f"{where}: the weight of {parts[0]!r} must be between 0 and 100.")
        assessment.append((parts[0], weight, parts[2] if len(parts) > 2 else ""))
    if assessment and abs(sum(w for _, w, _ in assessment) - 100) > 1e-9:
        total = sum(w for _, w, _ in assessment)
        raise InputError(f"{where}: the assessment weights add up to {total:g}, not 100.")
    return CourseFile(meta, sections, assessment)


def load_course_file(root: Path) -> CourseFile:
    path = Path(root) / "course" / "course.md"
    if not path.is_file():
        raise InputError(f"There is no course file {path}.")
    course = parse_course_file(path.read_text(encoding="utf-8"), "course/course.md")
    course.path = path
    return course


def placeholders(course: CourseFile) -> list[str]:
    """The ``[...]`` placeholders still in the course file, as 'where: text'."""
    found = [f"{key}: [{m}]" for key, value in course.meta.items() for m in _PLACEHOLDER.findall(value)]
    for name, text in course.sections.items():
        found += [f"{name}: [{m}]" for m in _PLACEHOLDER.findall(text)]
    return found


# ---------------------------------------------------------------- lesson notes and prompts

@dataclass
class LessonNote:
    content_note: str = ""
    watch: str = ""
    listen: str = ""
    discuss: list[str] = field(default_factory=list)


def parse_lesson_notes(text: str) -> dict[str, LessonNote]:
    notes: dict[str, LessonNote] = {}
    for name, body in _sections(text.replace("\r\n", "\n")).items():
        if not re.fullmatch(r"\d\d", name):
            continue
        note, current, buf = LessonNote(), None, []

        def close():
            if current is None:
                return
            value = " ".join(" ".join(buf).split())
            if current == "discuss":
                note.discuss = [q.strip() for q in re.split(r"(?:^|\s)\d+\.\s+", " ".join(buf)) if q.strip()]
            else:
                setattr(note, current, value)

        for line in body.split("\n"):
            m = re.match(r"(Content note|Watch for|Listen for|Discuss):\s*(.*)$", line)
            if m:
                close()
                current = {"Content note": "content_note", "Watch for": "watch",
                           "Listen for": "listen", "Discuss": "discuss"}[m.group(1)]
                buf = [m.group(2)]
            elif current:
                buf.append(line)
        close()
        notes[name] = note
    return notes


def lesson_notes(root: Path) -> dict[str, LessonNote]:
    path = Path(root) / "course" / "lesson-notes.md"
    return parse_lesson_notes(path.read_text(encoding="utf-8")) if path.is_file() else {}


@dataclass
class Prompt:
    title: str
    lesson: str
    readings: list[str]
    text: str


def parse_prompts(text: str) -> list[Prompt]:
    prompts = []
    for title, body in _sections(text.replace("\r\n", "\n"), "### ", lower=False).items():
        lesson = re.search(r"^Lesson:\s*(\d\d)\s*$", body, re.M)
        readings = re.search(r"^Readings:\s*(.+)$", body, re.M)
        if not lesson or not readings:
            raise InputError(f"essay-prompts.md, {title!r}: needs 'Lesson: NN' and 'Readings: slug, ...' lines.")
        rest = re.sub(r"^(Lesson|Readings):.*$", "", body, flags=re.M).strip()
        prompts.append(Prompt(title, lesson.group(1),
                              [s.strip() for s in readings.group(1).split(",") if s.strip()], rest))
    return prompts


def essay_prompts(root: Path) -> list[Prompt]:
    path = Path(root) / "course" / "essay-prompts.md"
    if not path.is_file():
        raise InputError(f"There is no prompts file {path}.")
    return parse_prompts(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- shared pieces

def _lessons(root: Path):
    from seminar.classroom.course import lesson_list

    try:
        return lesson_list(root)
    except (ValueError, KeyError, OSError) as exc:
        raise InputError(f"A lesson's first cell cannot be read: {exc}") from None


def _readings(root: Path) -> dict:
    from seminar.classroom.readings import load_readings

    return load_readings(Path(root) / "readings")


def lesson_excerpt_ids(lesson, root: Path) -> list[str]:
    """The excerpts a lesson names in its first cell, then those it shows, in order."""
    from seminar.classroom.readings import ids_in_notebook

    return list(dict.fromkeys([*lesson.readings, *ids_in_notebook(lesson.path)]))


def _slugs(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(re.sub(r"-\d+$", "", i) for i in ids))


def reference(reading, addresses: dict[str, str] | None = None) -> str:
    """A reading's full reference: its citation line, with the essay's address where known."""
    text = reading.citation.rstrip()
    address = (addresses or {}).get(Path(reading.source).name[:3]) if reading.kind == "essay" else None
    if address and address not in text:
        text = text.rstrip(".") + f". {address}"
    if reading.translator and reading.translator not in text:
        text = text.rstrip(".") + f". Translated by {reading.translator}."
    return text


def essay_addresses(shared: Path | None = None) -> dict[str, str]:
    """Addresses of the essays from ../shared/seeds/INDEX.md ("000" -> "https://..."), if present."""
    from seminar.classroom.readings import SHARED_DIR

    index = Path(shared or SHARED_DIR) / "seeds" / "INDEX.md"
    if not index.is_file():
        return {}
    out = {}
    for m in re.finditer(r"^\| (\d{3}) \|.*?(https?://\S+?)(?: |\)|\|)", index.read_text(encoding="utf-8"), re.M):
        out[m.group(1)] = m.group(2).rstrip(".,")
    return out


def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _week_table(root: Path, plan: str):
    from seminar.instructor import schedule

    items = schedule.items(root)
    days = getattr(schedule, "WORKSHOP_DAYS", {"workshop2": 2}).get(plan)
    if plan != "week8" and not days:
        plans = ", ".join(["week8", *getattr(schedule, "WORKSHOP_DAYS", {"workshop2": 2})])
        raise InputError(f"course/course.md: plan {plan!r} is not one of {plans}.")
    if days:
        rows = schedule.workshop(items, days)
        groups: dict[int, list[str]] = {}
        for r in rows:
            if r["lesson"] and r["lesson"] not in groups.setdefault(r["day"], []):
                groups[r["day"]].append(r["lesson"])
        return "Day", [(d, names) for d, names in groups.items()]
    return "Week", [(r["week"], r["lessons"]) for r in schedule.weeks(items, 8)]


def screening_unit(root: Path, course: CourseFile) -> tuple[str, int | None, str]:
    """(lesson number, week or day it falls in, unit name) of the lesson before which the film is watched."""
    before = course.get("screening_before", "01").strip()[:2].zfill(2)
    unit, table = _week_table(root, course.get("plan", "week8"))
    for number, names in table:
        if any(name.startswith(before + " ") for name in names):
            return before, number, unit
    return before, None, unit


# ---------------------------------------------------------------- the syllabus

def syllabus_markdown(root: Path, course: CourseFile | None = None) -> str:
    root = Path(root)
    course = course or load_course_file(root)
    lessons = _lessons(root)
    readings = _readings(root)
    addresses = essay_addresses()
    notes = lesson_notes(root)
    by_number = {f"{les.number:02d}": les for les in lessons}
    g = course.get
    out = [f"# {g('course_code')} {g('course_title')}".strip(), ""]
    out += [f"**Term:** {g('term')}  ", f"**Instructor:** {g('instructor')} ({g('email')})  ",
            f"**Office hours:** {g('office_hours')}  ", f"**Meetings:** {g('meetings')}  ",
            f"**Notebooks:** {g('notebooks_at')}", ""]
    out += ["## Content note", "", course.sections.get("content note", "").strip(), ""]
    concerned = [(n, notes[n].content_note) for n in sorted(notes) if n in by_number and notes[n].content_note]
    if concerned:
        out += ["Lessons with their own content note:", ""]
        out += [f"- **Lesson {n} ({by_number[n].title}):** {text}" for n, text in concerned]
        out.append("")
    out += ["## Description", "", course.sections.get("description", "").strip(), ""]
    out += ["## Learning outcomes", "", "By the end of each lesson you will be able to:", ""]
    for les in lessons:
        out.append(f"**Lesson {les.number:02d}: {les.title}**")
        out.append("")
        out += [f"- {o}" for o in les.objectives]
        out.append("")

    plan = g("plan", "week8")
    unit, table = _week_table(root, plan)
    before, screen_at, _ = screening_unit(root, course)
    kind = "eight weekly sessions" if unit == "Week" else f"a workshop of {len(table)} days"
    out += ["## Schedule", "", f"Plan: {kind}"
            " (times from the lessons' Time fields; `python -m seminar schedule`).", ""]
    out += [f"| {unit} | Lessons | Before the session | Readings |", "|---|---|---|---|"]
    for number, names in table:
        nums = [name[:2] for name in names]
        prep = []
        if number == screen_at:
            prep.append(f"watch *Her* ({FILM_MINUTES} min) before lesson {before}")
        ids = [i for n in nums for i in lesson_excerpt_ids(by_number[n], root)]
        titles = [readings[s].title for s in _slugs(ids) if s in readings]
        lesson_cell = "<br>".join(_md_cell(n) for n in names) or "open: review, essay work"
        out.append(f"| {number} | {lesson_cell} | {'; '.join(prep) or '–'} | "
                   f"{_md_cell('; '.join(titles)) or '–'} |")
    out.append("")
    out += ["### Readings by week", "",
            "Every excerpt is in the reading packet; full references are in the bibliography.", ""]
    for number, names in table:
        nums = [name[:2] for name in names]
        ids = [i for n in nums for i in lesson_excerpt_ids(by_number[n], root)]
        slugs = [s for s in _slugs(ids) if s in readings]
        if not slugs:
            continue
        out.append(f"**{unit} {number}**")
        out.append("")
        for s in slugs:
            used = ", ".join(i for i in ids if re.sub(r"-\d+$", "", i) == s)
            out.append(f"- {reference(readings[s], addresses)} Excerpts: {used}.")
        out.append("")

    out += ["## Assessment", ""]
    if course.assessment:
        out += ["| Part | Weight | What it is |", "|---|---|---|"]
        out += [f"| {_md_cell(n)} | {w:g} % | {_md_cell(d)} |" for n, w, d in course.assessment]
        out.append("")
    out += ["**The final essay** is written in three stages: proposal (due "
            f"{g('proposal_due')}), draft (due {g('draft_due')}) with peer review (due "
            f"{g('peer_review_due')}), and the final essay (due {g('final_due')}). "
            "The prompts, the rubrics and what a strong proposal does are on the essay page "
            "(`course/essay.md`).", ""]

    out += ["## Screening plan", ""]
    when = f"{unit.lower()} {screen_at}" if screen_at else "the start of the course"
    out += [f"Watch the whole film, *{FILM_TITLE}* (2013, {FILM_MINUTES} minutes), once before "
            f"lesson {before} ({when}). Screening: {g('screening')}. Allow about two and a half "
            "hours with a short discussion after. Later lessons ask you to recall particular "
            "scenes; the viewing guide says, lesson by lesson, what to watch and listen for. "
            "Read the content note above first.", ""]
    out += ["## Policies", "", course.sections.get("policies", "").strip(), ""]
    out += ["## Accessibility", "", course.sections.get("accessibility", "").strip(), ""]
    out += ["## Academic integrity", "", course.sections.get("academic integrity", "").strip(), ""]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- the viewing guide

def viewing_guide_markdown(root: Path, course: CourseFile | None = None) -> str:
    root = Path(root)
    course = course or load_course_file(root)
    notes = lesson_notes(root)
    before, at, unit = screening_unit(root, course)
    out = ["# Viewing guide: *Her* (2013)", "",
           f"*{FILM_TITLE}*, {FILM_CREDIT}; {FILM_RELEASE}; {FILM_MINUTES} minutes.", "",
           "## When to watch", "",
           f"Watch the whole film once before lesson {before}"
           + (f" ({unit.lower()} {at})" if at else "") + f". Screening: {course.get('screening')}. "
           "Later lessons return to particular scenes; this guide names them, without timestamps, "
           "so that you can find them again or recall them.", "",
           "## Content note", "", course.sections.get("content note", "").strip(), ""]
    for les in _lessons(root):
        n = f"{les.number:02d}"
        note = notes.get(n)
        out += [f"## Lesson {n}: {les.title}", ""]
        if les.questions:
            out += [f"*{les.questions[0]}*", ""]
        if not note:
            out += ["No viewing notes for this lesson yet (add them in `course/lesson-notes.md`).", ""]
            continue
        if note.content_note:
            out += [f"**Content note.** {_cap(note.content_note)}", ""]
        if note.watch:
            out += [f"**Watch for.** {_cap(note.watch)}", ""]
        if note.listen:
            out += [f"**Listen for.** {_cap(note.listen)}", ""]
        if note.discuss:
            out += ["**Discussion questions.**", ""]
            out += [f"{i}. {q}" for i, q in enumerate(note.discuss, start=1)]
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def missing_notes(root: Path) -> list[str]:
    notes = lesson_notes(root)
    return [f"{les.number:02d}" for les in _lessons(root) if f"{les.number:02d}" not in notes]


# ---------------------------------------------------------------- the essay page

def check_prompts(root: Path, prompts: list[Prompt]) -> None:
    lessons = {f"{les.number:02d}" for les in _lessons(root)}
    readings = _readings(root)
    for p in prompts:
        if p.lesson not in lessons:
            raise InputError(f"essay prompt {p.title!r}: there is no lesson {p.lesson}.")
        for slug in p.readings:
            if slug not in readings:
                raise InputError(f"essay prompt {p.title!r}: there is no reading {slug!r} in readings/.")


def prompts_markdown(root: Path) -> str:
    root = Path(root)
    prompts = essay_prompts(root)
    check_prompts(root, prompts)
    lessons = {f"{les.number:02d}": les for les in _lessons(root)}
    readings = _readings(root)
    out = []
    for i, p in enumerate(prompts, start=1):
        les = lessons[p.lesson]
        toy = les.toy or "no toy (a reading lesson)"
        names = "; ".join(f"{readings[s].title} (`{s}`)" for s in p.readings)
        out += [f"### {i}. {p.title}", "",
                f"*From lesson {p.lesson}, {_sentence(les.title)}* **Readings:** {_sentence(names)} "
                f"**Toy:** {_sentence(toy)}", "", p.text, ""]
    return "\n".join(out).rstrip()


def _sentence(text: str) -> str:
    """``text`` ending in one full stop (or its own ? or !)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def rubric_markdown(root: Path, name: str, heading: str) -> str:
    from seminar.instructor.rubrics import load_rubric

    rubric = load_rubric(Path(root) / "rubrics" / f"{name}.csv")
    width = max(c.top for c in rubric.criteria) + 1
    out = [f"### {heading} (`rubrics/{name}.csv`)", "",
           "| Criterion | Weight | " + " | ".join(f"Level {i}" for i in range(width)) + " |",
           "|---|---|" + "---|" * width]
    for c in rubric.criteria:
        cells = [_md_cell(c.levels[i]) if i <= c.top else "" for i in range(width)]
        out.append(f"| {_md_cell(c.name)} | {c.weight:g} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def rubrics_markdown(root: Path) -> str:
    return "\n\n".join(rubric_markdown(root, name, heading) for name, heading in RUBRICS)


def _fill(text: str, block: str, content: str) -> str:
    start, end = f"<!-- {block}:start -->", f"<!-- {block}:end -->"
    if start not in text or end not in text:
        raise InputError(f"course/essay.md has no '{start}' ... '{end}' markers.")
    a, b = text.index(start) + len(start), text.index(end)
    return text[:a] + "\n" + content + "\n" + text[b:]


def essay_markdown(root: Path) -> str:
    """course/essay.md as it should be: its prompts and rubrics rewritten from the data."""
    text = (Path(root) / "course" / "essay.md").read_text(encoding="utf-8")
    text = _fill(text, "essay:prompts", prompts_markdown(root))
    return _fill(text, "essay:rubrics", rubrics_markdown(root))


# ---------------------------------------------------------------- bibliography and packet

def _sort_key(reading) -> tuple[str, str]:
    """Authors by surname; works without an author by title (quotes and brackets ignored)."""
    name = reading.author.split()[-1] if reading.author else re.sub(r"^[\W_]+", "", reading.title)
    return name.lower(), str(reading.year or "")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def bibliography_markdown(root: Path) -> str:
    readings = _readings(root)
    addresses = essay_addresses()
    groups = (("essay", "Essays on the film"), ("primary", "Philosophy and literature"),
              ("secondary", "Secondary sources"))
    out = ["# Bibliography", "",
           "Generated from the citation lines of `readings/*.md` by `python -m seminar syllabus`; "
           "excerpt ids in brackets. A reference gives only what the kit's checked sources record: "
           "where a first name, an issue or pages, a publisher or an edition is missing, those "
           "sources did not give it.", "", "## The film", "",
           f"- *{FILM_TITLE}* (2013), {FILM_CREDIT}. {FILM_RELEASE[0].upper()}{FILM_RELEASE[1:]}. "
           f"{FILM_MINUTES} minutes.", ""]
    for kind, heading in groups:
        items = sorted((r for r in readings.values() if r.kind == kind), key=_sort_key)
        if not items:
            continue
        out += [f"## {heading}", ""]
        for r in items:
            ids = ", ".join(e.id for e in r.excerpts)
            out.append(f"- {reference(r, addresses)} [{ids}]")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def packet_markdown(root: Path) -> str:
    root = Path(root)
    readings = _readings(root)
    excerpts = {e.id: e for r in readings.values() for e in r.excerpts}
    addresses = essay_addresses()
    out = ["# Reading packet", "",
           "Every excerpt of the course, grouped by the lesson that reads it, with its citation. "
           "Short quotations from copyrighted essays are reproduced for teaching and criticism; "
           "read the whole essays at the addresses in the bibliography.", ""]
    seen: set[str] = set()

    def block(eid: str) -> list[str]:
        e = excerpts[eid]
        quote = "\n".join("> " + line if line else ">" for line in e.text.split("\n"))
        return [f"**{eid}**", "", quote, "",
                f"— {reference(readings[e.reading], addresses)}", ""]

    for les in _lessons(root):
        ids = [i for i in lesson_excerpt_ids(les, root) if i in excerpts]
        if not ids:
            continue
        out += [f"## Lesson {les.number:02d}: {les.title}", ""]
        for eid in ids:
            out += block(eid)
            seen.add(eid)
    rest = [eid for eid in excerpts if eid not in seen]
    if rest:
        out += ["## Further excerpts (used in exercises or kept for discussion)", ""]
        for eid in rest:
            out += block(eid)
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- HTML

CSS = """
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #222; }
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; line-height: 1.25; }
table { border-collapse: collapse; width: 100%; table-layout: auto; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; vertical-align: top; text-align: left;
         overflow-wrap: break-word; hyphens: auto; }
th { white-space: nowrap; }
td:first-child { min-width: 2.5em; }
blockquote { margin: 0.5em 0; padding: 0.2em 1em; border-left: 4px solid #8a6d3b; }
pre, code { white-space: pre-wrap; overflow-wrap: break-word; }
img, svg, video { max-width: 100%; height: auto; }
nav.site { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 0.9em; margin-bottom: 1rem; }
a { color: #0b4f8a; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  nav.site { display: none; }
  a { color: inherit; }
  h2, h3 { break-after: avoid; }
  blockquote, tr { break-inside: avoid; }
}
@page { size: A4; margin: 18mm 16mm; }
"""


def markdown_to_html(text: str) -> str:
    import mistune

    render = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])
    return render(text)


def html_page(title: str, body_markdown: str, nav: str = "", css_href: str | None = None) -> str:
    style = (f'<link rel="stylesheet" href="{html.escape(css_href)}">' if css_href
             else f"<style>{CSS}</style>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(title)}</title>\n{style}\n</head>\n<body>\n"
            f"{nav}<main>\n{markdown_to_html(body_markdown)}</main>\n</body>\n</html>\n")
