"""The scoring sheet for written answers: written by ``answers``, filled in a spreadsheet, read by
``gradebook``.

One row per student and written question: ``exercise``, ``student``, ``file``, ``question``,
``answer``, ``words``, ``note``, ``model_answer``, ``what_to_look_for``, then one empty
column per criterion of the rubric, headed ``level: <criterion> (0-<top>)``, then
``comment``. The instructor types a level (a whole number) in each level column; a blank
counts 0 and is reported. The rubric's name is in each row (``rubric``), so the sheet can be
read back with the same rubric.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from seminar.text import InputError

FIXED = ["exercise", "student", "file", "question", "rubric", "answer", "words", "note",
         "model_answer", "what_to_look_for"]
COMMENT = "comment"
_LEVEL = re.compile(r"^level: (.+) \(0-(\d+)\)$")
MAX_BYTES = 50 * 2**20


def level_column(criterion) -> str:
    return f"level: {criterion.name} (0-{criterion.top})"


def sheet_csv(exercise: str, ref, table: dict, rubric) -> str:
    """The scoring sheet of one exercise (``table`` from :func:`answers.collect`)."""
    from seminar.instructor.answers import safe_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIXED + [level_column(c) for c in rubric.criteria] + [COMMENT])
    for q in ref.written:
        for a in table[q.label]:
            writer.writerow([exercise, safe_cell(a.student), safe_cell(a.file), q.label, rubric.name,
                             safe_cell(a.text), len(a.text.split()), a.note, q.model, q.notes]
                            + [""] * len(rubric.criteria) + [""])
    return buffer.getvalue()


def read_sheet(path: Path, rubrics: dict) -> list[dict]:
    """Rows of a filled sheet: exercise, student, question, share (0..1), problems (list).

    ``rubrics`` maps a rubric name to a :class:`~seminar.instructor.rubrics.Rubric`.
    """
    from seminar.instructor.rubrics import parse_level

    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no scoring sheet {path}.")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path} is too large for a scoring sheet.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text: save it from the spreadsheet as "
                         "'CSV UTF-8'.") from None
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in ("exercise", "student", "question", "rubric") if c not in header]
    if missing:
        raise InputError(f"{path}: not a scoring sheet (no column {', '.join(missing)}).")
    levels = {m.group(1): col for col in header if (m := _LEVEL.match(col))}
    out = []
    for number, row in enumerate(reader, start=2):
        name = (row.get("rubric") or "").strip()
        if name not in rubrics:
            raise InputError(f"{path}, line {number}: the rubric {name!r} is not loaded "
                             f"(known: {', '.join(rubrics) or 'none'}).")
        rubric = rubrics[name]
        given, problems = {}, []
        for criterion in rubric.criteria:
            column = levels.get(criterion.name)
            raw = (row.get(column) or "").strip() if column else ""
            if not raw:
                problems.append(f"no level for {criterion.name}")
            try:
                given[criterion.name] = parse_level(raw, criterion)
            except InputError as exc:
                raise InputError(f"{path}, line {number} ({row.get('student')}, "
                                 f"{row.get('question')}): {exc}") from None
        out.append({"exercise": (row.get("exercise") or "").strip(),
                    "student": (row.get("student") or "").strip().lstrip("'"),
                    "question": (row.get("question") or "").strip(),
                    "share": rubric.score(given), "problems": problems})
    return out
