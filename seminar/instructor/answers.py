"""``python -m seminar answers``: every written answer to an exercise, one table per question.

Reads a folder (or a .zip) of handed-in notebooks of one exercise and writes, into
``--out`` (default: the current folder),

- ``NN-slug-answers-Q3.csv`` for each written question: one row per student (the
  answer, its length, a note), with the model answer and the "What to look for"
  notes from the solution in their own columns;
- ``NN-slug-answers.html``: one page with a section per question, each student's
  answer beside the model answer and the notes. All text is escaped;
- ``NN-slug-scoring-sheet.csv``: one row per student and written question, with an
  empty level column per criterion of the rubric (``--rubric``, default
  ``rubrics/written-answer.csv``) and a comment column, to fill in a spreadsheet and
  give to ``python -m seminar gradebook`` (see :mod:`seminar.instructor.scoring`).

An answer is found by its cell's id; a cell without its id is found by content or
position, and the note says so. A student who deleted the answer cell, left it blank,
or wrote the answer in a new cell below it gets a note saying which. Submission files
are read, never changed. Nothing is overwritten without ``--force``.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from seminar.text import InputError, escape

HELP = "gather the written answers of handed-in notebooks into CSV tables and an HTML page"

TEXT_STUB = "_Write your answer here._"
ANSWER_START = "**Your answer:**"
#: Longest answer kept (characters); longer text is cut, with a note.
MAX_ANSWER = 20_000


@dataclass
class Answer:
    student: str
    file: str
    text: str
    note: str


def answer_text(source: str) -> str:
    """A written answer cell's text without the "Your answer" line and the placeholder."""
    text = source.strip()
    if text.startswith(ANSWER_START):
        text = text[len(ANSWER_START):]
    return "\n".join(line for line in text.split("\n") if line.strip() != TEXT_STUB).strip()


def collect(ref, submissions, twice: set | None = None) -> dict[str, list[Answer]]:
    """Question label -> an :class:`Answer` per submission (of this exercise).

    ``submissions`` may be any iterable (a :class:`~seminar.instructor.submissions.Handins`
    reads one file at a time); ``twice`` names the students with more than one file (found
    from the list when not given). An unexpected error in one file becomes its note.
    """
    from seminar.instructor.submissions import duplicates

    if twice is None:
        submissions = list(submissions)
        twice = duplicates(submissions)
    table: dict[str, list[Answer]] = {q.label: [] for q in ref.written}
    for sub in submissions:
        base = "more than one file from this student" if sub.student in twice else ""
        try:
            found = _answers_of(ref, sub, base)
        except Exception as exc:  # a bug or an oddity in one file must not stop the class
            why = f"could not be read ({type(exc).__name__}: {str(exc)[:150]})"
            found = {q.label: Answer(sub.student, sub.rel, "", "; ".join(n for n in (base, why) if n))
                     for q in ref.written}
        for label, answer in found.items():
            table[label].append(answer)
    for answers in table.values():
        answers.sort(key=lambda a: (a.student.casefold(), a.file))
    return table


def _answers_of(ref, sub, base: str) -> dict[str, Answer]:
    """Question label -> this submission's answer (with its notes)."""
    from seminar.instructor.submissions import match_cells

    if sub.nb is None:
        note = "; ".join(n for n in (base, sub.problem) if n)
        return {q.label: Answer(sub.student, sub.rel, "", note) for q in ref.written}
    exercise_ids = set(ref.cell_ids)
    match = match_cells(ref, sub.nb)
    ordered = sorted(match.index.values())
    out: dict[str, Answer] = {}
    for q in ref.written:
        notes = [base] if base else []
        if q.cell_id not in match.index:
            out[q.label] = Answer(sub.student, sub.rel, "", "; ".join(
                notes + ["the answer cell was deleted (or replaced) and no cell like it was found"]))
            continue
        index = match.index[q.cell_id]
        how = match.how[q.cell_id]
        if how != "id":
            notes.append(f"answer cell found by {how} (its cell id is missing)")
        cell = sub.nb.cells[index]
        text = answer_text(cell.source) if cell.cell_type != "code" else cell.source.strip()
        if cell.cell_type == "code":
            notes.append("the answer cell was turned into a code cell")
        # cells the student added right below the answer cell, up to the next known cell
        following = [i for i in ordered if i > index]
        stop = following[0] if following else len(sub.nb.cells)
        extra = [sub.nb.cells[i] for i in range(index + 1, stop)
                 if sub.nb.cells[i].get("id") not in exercise_ids
                 and sub.nb.cells[i].cell_type in ("markdown", "raw")
                 and answer_text(sub.nb.cells[i].source)]
        if extra:
            notes.append(f"{len(extra)} added cell(s) below the answer cell included")
            text = "\n\n".join([text] + [answer_text(c.source) for c in extra]).strip()
        if not text:
            notes.append("no answer (the placeholder is still there)")
        if len(text) > MAX_ANSWER:
            notes.append(f"cut to {MAX_ANSWER:,} of {len(text):,} characters")
            text = text[:MAX_ANSWER]
        out[q.label] = Answer(sub.student, sub.rel, text, "; ".join(n for n in notes if n))
    return out


def safe_cell(text: str) -> str:
    """Text for a spreadsheet cell: a leading = + - @ would be read as a formula, so quote it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def question_csv(question, answers: list[Answer]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", "file", "answer", "words", "note", "question",
                     "model_answer", "what_to_look_for"])
    for a in answers:
        writer.writerow([safe_cell(a.student), safe_cell(a.file), safe_cell(a.text),
                         len(a.text.split()), a.note, question.title, question.model, question.notes])
    return buffer.getvalue()


STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em;line-height:1.45;color:#222}
section{margin-bottom:3em} h2{border-bottom:2px solid #1f4e79;padding-bottom:.2em}
.grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5em;align-items:start}
.key{position:sticky;top:.5em;max-height:95vh;overflow:auto;background:#eef4fa;
border:1px solid #c9d9ea;padding:.8em;border-radius:6px}
.answer{border:1px solid #ddd;border-radius:6px;padding:.6em .8em;margin-bottom:.8em}
.who{font-weight:600} .note{color:#7a4f01;font-size:.9em} .blank{color:#888}
.text,.prompt{white-space:pre-wrap;overflow-wrap:anywhere}
"""


def page(ref, table: dict[str, list[Answer]], count: int) -> str:
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
             f"<title>{escape(ref.name)}: written answers</title><style>{STYLE}</style></head><body>",
             f"<h1>{escape(ref.name)}: written answers</h1>",
             f"<p>{count} notebook(s). Each answer is shown as the student typed it (Markdown "
             "is not rendered). The model answer and the notes for the grader are on the right.</p>"]
    if ref.written:
        parts.append("<p>" + " · ".join(f"<a href='#{escape(q.label)}'>{escape(q.title)}</a>"
                                         for q in ref.written) + "</p>")
    for q in ref.written:
        answers = table[q.label]
        parts.append(f"<section id='{escape(q.label)}'><h2>{escape(q.title)}</h2>"
                     f"<div class='grid'><div>")
        for a in answers:
            body = (f"<div class='text'>{escape(a.text)}</div>" if a.text
                    else "<div class='blank'>(no answer)</div>")
            note = f"<div class='note'>{escape(a.note)}</div>" if a.note else ""
            parts.append(f"<div class='answer'><div class='who'>{escape(a.student)} "
                         f"<small>({escape(a.file)})</small></div>{note}{body}</div>")
        parts.append(f"</div><div class='key'><h3>The question</h3><div class='prompt'>"
                     f"{escape(q.prompt)}</div><h3>Model answer</h3><div class='text'>"
                     f"{escape(q.model)}</div><h3>What to look for</h3><div class='text'>"
                     f"{escape(q.notes)}</div></div></div></section>")
    if not ref.written:
        parts.append("<p>This exercise has no written questions.</p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_all(files: dict[Path, str], force: bool) -> None:
    """Write every file, or none: refuses (naming them) if any exists, unless ``force``."""
    existing = [p for p in files if p.exists()]
    if existing and not force:
        listed = "\n  ".join(str(p) for p in existing)
        raise InputError(f"Nothing written: these files already exist:\n  {listed}\n"
                         "Choose another --out folder, or pass --force to replace them.")
    staged = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            staged.append((Path(tmp), path))
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Read a folder (or .zip) of handed-in notebooks of one exercise and gather every written "
        "answer into one CSV table per question and one HTML page to read them side by side, with "
        "the model answer and the grader's notes from the solution. Runs no code; changes no "
        "submission.")
    from seminar.instructor import submissions as subs  # imported here: --help stays light

    subs.add_arguments(parser, example="05-loneliness")
    parser.add_argument("--out", default=".", metavar="DIR",
                        help="where to write the tables and the page (default: this folder)")
    parser.add_argument("--rubric", default="written-answer", metavar="NAME_OR_CSV",
                        help="the rubric of the scoring sheet: a name in rubrics/ or a CSV file "
                             "(default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="replace files already there")


def rubric_path(root: Path, given: str) -> Path:
    """``rubrics/<given>.csv`` in the kit, or ``given`` itself if it is a path to a file."""
    if not isinstance(given, str) or not given.strip():
        raise InputError("--rubric is a rubric's name (e.g. written-answer) or a .csv file.")
    path = Path(given)
    if path.suffix.lower() == ".csv" or path.is_file():
        return path
    from seminar import KIT_ROOT

    for folder in (Path(root) / "rubrics", KIT_ROOT / "rubrics"):
        if (folder / f"{given}.csv").is_file():
            return folder / f"{given}.csv"
    return Path(root) / "rubrics" / f"{given}.csv"


def _of_this_exercise(handins, name: str, counts: dict):
    """The submissions of exercise ``name``, one at a time; notes on stderr for the others."""
    import sys

    for sub in handins:
        if sub.exercise and sub.exercise != name:
            print(f"note: left out {sub.rel}: it is exercise {sub.exercise}, not {name}", file=sys.stderr)
            continue
        counts["notebooks"] += 1
        counts["unreadable"] += sub.nb is None
        yield sub


def run(args: argparse.Namespace) -> int:
    from seminar.instructor.rubrics import load_rubric
    from seminar.instructor.scoring import sheet_csv
    from seminar.instructor.submissions import load_reference, plan_submissions

    root = Path(args.root)
    name, handins = plan_submissions(root, args.submissions, args.exercise)
    rubric = load_rubric(rubric_path(root, args.rubric))
    ref = load_reference(root, name)
    counts = {"notebooks": 0, "unreadable": 0}
    table = collect(ref, _of_this_exercise(handins, name, counts), twice=handins.twice)
    out = Path(args.out)
    files = {out / f"{name}-answers-{q.label}.csv": question_csv(q, table[q.label]) for q in ref.written}
    files[out / f"{name}-answers.html"] = page(ref, table, counts["notebooks"])
    if ref.written:
        files[out / f"{name}-scoring-sheet.csv"] = sheet_csv(name, ref, table, rubric)
    write_all(files, args.force)
    for path in files:
        print(f"wrote {path}")
    unreadable = counts["unreadable"]
    print(f"{counts['notebooks']} notebook(s), {len(ref.written)} written question(s)"
          + (f"; {unreadable} file(s) could not be read (see the notes)" if unreadable else "") + ".")
    return 0
