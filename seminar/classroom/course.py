"""The seminar's lessons as data, read from each lesson notebook's first cell.

The first cell of every lesson (see "Adding a lesson" in instructors/README.md) holds a title and the fields
**Questions**, **Objectives**, **Time** and **Readings**. `lessons()` gathers them into
a pandas table, from which the README's lesson map and launch links are made, so the
map is never typed twice.
"""
from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from seminar import KIT_ROOT

#: Where the kit is published (Binder builds it from here). A fork changes this line (and
#: CITATION.cff's repository-code; a test compares them), then runs `python -m seminar refresh`.
REPOSITORY = "between-the-words/between-the-words"
BRANCH = "main"
BINDER = "https://mybinder.org/v2/gh"

_FIELD = re.compile(r"^\*\*(Questions|Objectives|Time|Readings|Toy)\*\*:?\s*(.*)$")


@dataclass
class Lesson:
    path: Path
    number: int
    slug: str
    title: str
    questions: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    teaching_min: int = 0
    exercise_min: int = 0
    readings: list[str] = field(default_factory=list)
    toy: str = ""

    @property
    def relpath(self) -> str:
        return self.path.relative_to(self.path.parents[1]).as_posix()


def parse_header(markdown: str, path: Path) -> Lesson:
    """Read a lesson's first Markdown cell into a :class:`Lesson`.

    Raises ValueError naming the notebook and the missing field.
    """
    m = re.match(r"(\d\d)-([a-z0-9-]+)\.ipynb$", path.name)
    if not m:
        raise ValueError(f"{path.name}: lesson files are named NN-slug.ipynb")
    title = ""
    fields: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        s = line.strip()
        if s.startswith("# ") and not title:
            title = s[2:].strip()
            continue
        fm = _FIELD.match(s)
        if fm:
            current = fm.group(1)
            fields[current] = [fm.group(2)] if fm.group(2) else []
        elif current and s.startswith(("- ", "* ")):
            fields[current].append(s[2:].strip())
        elif current and s and not s.startswith("**"):
            fields[current].append(s)
        elif not s:
            continue
        else:
            current = None
    missing = [f for f in ("Questions", "Objectives", "Time", "Readings") if f not in fields]
    if not title or missing:
        what = ", ".join((["a '# title'"] if not title else []) + missing)
        raise ValueError(f"{path.name}: the first cell lacks {what}")
    time_text = " ".join(fields["Time"])
    teach = re.search(r"Teaching:\s*(\d+)\s*min", time_text)
    exer = re.search(r"Exercises?:\s*(\d+)\s*min", time_text)
    if not teach:
        raise ValueError(f"{path.name}: **Time** should read 'Teaching: N min · Exercises: M min'")
    readings = re.findall(r"`([a-z0-9-]+-\d+)`", " ".join(fields["Readings"]))
    return Lesson(path=path, number=int(m.group(1)), slug=m.group(2), title=title,
                  questions=fields["Questions"], objectives=fields["Objectives"],
                  teaching_min=int(teach.group(1)), exercise_min=int(exer.group(1)) if exer else 0,
                  readings=readings, toy=" ".join(fields.get("Toy", [])))


def read_lesson(path: Path) -> Lesson:
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    first = nb["cells"][0] if nb.get("cells") else None
    if not first or first.get("cell_type") != "markdown":
        raise ValueError(f"{Path(path).name}: the first cell must be Markdown")
    source = first["source"] if isinstance(first["source"], str) else "".join(first["source"])
    return parse_header(source, Path(path))


def lesson_list(root: Path = KIT_ROOT) -> list[Lesson]:
    return [read_lesson(p) for p in sorted((Path(root) / "lessons").glob("[0-9][0-9]-*.ipynb"))]


def binder_url(relpath: str) -> str:
    """A Binder link that opens ``relpath`` (e.g. ``lessons/00-start-here.ipynb``) in JupyterLab."""
    return f"{BINDER}/{REPOSITORY}/{BRANCH}?urlpath=" + urllib.parse.quote(f"lab/tree/{relpath}", safe="/")


def lessons(root: Path = KIT_ROOT) -> pd.DataFrame:
    """One row per lesson: number, title, question, toy, readings, minutes, files and Binder link."""
    rows = []
    for les in lesson_list(root):
        exercise = Path(root) / "exercises" / les.path.name
        rows.append({
            "lesson": f"{les.number:02d}",
            "title": les.title,
            "question": les.questions[0] if les.questions else "",
            "toy": les.toy,
            "readings": ", ".join(les.readings),
            "teaching_min": les.teaching_min,
            "exercise_min": les.exercise_min,
            "notebook": f"lessons/{les.path.name}",
            "exercise": f"exercises/{les.path.name}" if exercise.exists() else "",
            "binder": binder_url(f"lessons/{les.path.name}"),
        })
    columns = ["lesson", "title", "question", "toy", "readings", "teaching_min",
               "exercise_min", "notebook", "exercise", "binder"]
    return pd.DataFrame(rows, columns=columns)


def reading_slugs(excerpt_ids: list[str]) -> list[str]:
    """The readings (file slugs) that excerpt ids come from, in first-use order."""
    return list(dict.fromkeys(re.sub(r"-\d+$", "", e) for e in excerpt_ids))


def lesson_map_markdown(root: Path = KIT_ROOT) -> str:
    """The README's lesson map: a Markdown table with a launch link per lesson."""
    out = ["| Lesson | Question | Readings | Toy | Time | Launch |",
           "|---|---|---|---|---|---|"]
    for r in lessons(root).itertuples():
        time = f"{r.teaching_min} + {r.exercise_min} min"
        launch = f"[lesson]({r.binder})"
        if r.exercise:
            launch += f" · [exercise]({binder_url(r.exercise)})"
        cell = lambda s: str(s).replace("|", "\\|")  # noqa: E731
        slugs = reading_slugs([x for x in r.readings.split(", ") if x])
        readings = ", ".join(f"[{s}](readings/{s}.md)" for s in slugs)
        out.append(f"| [{r.lesson} {cell(r.title)}]({r.notebook}) | {cell(r.question)} | "
                   f"{readings or '–'} | {cell(r.toy) or '–'} | {time} | {launch} |")
    return "\n".join(out)


def binder_badge() -> str:
    """The README's Binder badge, opening lesson 00."""
    return ("[![Binder](https://mybinder.org/badge_logo.svg)]"
            f"({binder_url('lessons/00-start-here.ipynb')})")


def _fill(text: str, block: str, content: str) -> str:
    start_mark, end_mark = f"<!-- {block}:start -->", f"<!-- {block}:end -->"
    start, end = text.index(start_mark) + len(start_mark), text.index(end_mark)
    return text[:start] + "\n" + content + "\n" + text[end:]


def update_readme(root: Path = KIT_ROOT, check: bool = False) -> bool:
    """Rewrite the README's Binder badge and lesson map between their markers.

    Returns True if they were already current.
    """
    readme = Path(root) / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = _fill(_fill(text, "binder-badge", binder_badge()), "lesson-map", lesson_map_markdown(root))
    if new == text:
        return True
    if not check:
        readme.write_text(new, encoding="utf-8")
    return False
