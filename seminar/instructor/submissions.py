"""Handed-in notebooks, and the solution they answer: shared by ``answers`` and ``grade``.

A :class:`Reference` is read from ``solutions/NN-slug.ipynb`` alone (the student version
is generated from it in memory, so a stale ``exercises/`` file cannot mislead): its
self-checked questions, its hidden tests (and the cell each one follows), and its
written questions with the model answer and the "What to look for" notes.

A :class:`Submission` is one handed-in file, read once into memory (its bytes and
their SHA-256), never written to. Its cells are matched to the exercise's by cell id
(JupyterLab keeps the ids the generator wrote); a cell without its id (re-created by
cut and paste, or saved by a tool that drops ids) is matched by identical content, and
an answer cell by its position between matched neighbours. :func:`match_cells` says
which cells were matched how, which were deleted, and whether the order changed.
"""
from __future__ import annotations

import ast
import difflib
import hashlib
import re
import textwrap
import warnings
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from seminar.instructor import exercises as gen
from seminar.text import QUESTION_HEADING, InputError

#: The hand-in cells the generator adds; a student deleting them does not matter.
HANDIN_IDS = ("seminar-hand-in-note", "seminar-hand-in")

_CHECK_CALL = re.compile(r"""\bcheck\(\s*["'](\w+)["']""")
_ANSWER_START = "**Your answer:**"


# ---------------------------------------------------------------- the reference

@dataclass(frozen=True)
class CheckQuestion:
    """A self-checked question: ``check("q1", expression)`` in the solution cell ``cell_id``."""
    question: str
    cell_id: str
    expression: str | None  # None: the check call is not a plain statement of its own


@dataclass(frozen=True)
class HiddenTest:
    """The hidden tests of one solution cell; they run after exercise cell ``anchor``."""
    key: str            # gradebook column, e.g. "hidden_cell-07"
    cell_id: str        # the solution cell holding them
    anchor: str | None  # the exercise cell they follow (None: before every cell)
    source: str
    after: str          # a label for people, e.g. "after q2"


@dataclass(frozen=True)
class WrittenQuestion:
    cell_id: str
    label: str          # "Q3"
    title: str          # "Q3. What a check cannot mark"
    prompt: str         # the question's Markdown, from its heading to the answer cell
    model: str
    notes: str


@dataclass
class Reference:
    name: str
    exercise: object                     # the generated student notebook (NotebookNode)
    checks: list = field(default_factory=list)    # CheckQuestion
    hidden: list = field(default_factory=list)    # HiddenTest
    written: list = field(default_factory=list)   # WrittenQuestion

    @property
    def questions(self) -> list[str]:
        """Self-checked question ids in order of first appearance (q1, q2, ...)."""
        seen: list[str] = []
        for item in self.checks:
            if item.question not in seen:
                seen.append(item.question)
        return seen

    @property
    def cell_ids(self) -> list[str]:
        return [c.get("id") for c in self.exercise.cells]

    def describe(self, cell_id: str) -> str:
        """``cell-04 (Q1 answer)`` and the like: how a person finds the cell."""
        for item in self.written:
            if item.cell_id == cell_id:
                return f"{cell_id} ({item.label} answer)"
        asked = [c.question for c in self.checks if c.cell_id == cell_id]
        if asked:
            return f"{cell_id} ({', '.join(asked)} answer)"
        for index, cell in enumerate(self.exercise.cells):
            if cell.get("id") == cell_id:
                first = next((line.strip() for line in cell.source.split("\n") if line.strip()), "")
                first = first if len(first) <= 40 else first[:39] + "…"
                return f"{cell_id} ({cell.cell_type}: {first!r})" if first else cell_id
        return cell_id

    def matters(self, cell) -> bool:
        """Cells whose loss or move changes grading or answers: code and written answers."""
        if cell.get("id") in HANDIN_IDS:
            return False
        return cell.cell_type == "code" or cell.get("metadata", {}).get("seminar", {}).get(
            "answer") == "written"


def _masked(source: str) -> str:
    """Source with IPython magics (% and ! lines) replaced by ``pass``, for ``ast``."""
    return "\n".join((line[: len(line) - len(line.lstrip())] + "pass")
                     if line.lstrip()[:1] in ("%", "!") else line for line in source.split("\n"))


def _check_statements(source: str) -> dict[str, str | None]:
    """Question id -> the answer expression of each top-level ``check("qN", expr)`` statement."""
    found: dict[str, str | None] = {q: None for q in _CHECK_CALL.findall(source)}
    text = _masked(source)
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return found
    for node in tree.body:
        call = node.value if isinstance(node, ast.Expr) else None
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                and call.func.id == "check" and len(call.args) == 2 and not call.keywords
                and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
            found[call.args[0].value] = ast.get_source_segment(text, call.args[1])
    return found


def _heading_before(cells, index: int) -> tuple[str, str, int]:
    """(label, title, index of the cell holding it) of the last question heading before ``index``."""
    for back in range(index - 1, -1, -1):
        cell = cells[back]
        if cell.cell_type != "markdown":
            continue
        for line in reversed(cell.source.split("\n")):
            m = QUESTION_HEADING.match(line)
            if m:
                title = re.sub(r"^#+\s*", "", line.strip()).replace("**", "")
                return m.group(1), title, back
    return "", "", -1


def _prompt(cells, start: int, end: int, title: str) -> str:
    parts = []
    for cell in cells[max(start, 0):end]:
        if cell.cell_type != "markdown" or gen.INSTRUCTOR_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        text = cell.source
        if title:
            lines = text.split("\n")
            for i, line in enumerate(lines):
                if title.split(".")[0] in line and QUESTION_HEADING.match(line):
                    text = "\n".join(lines[i + 1:])  # the heading itself is the section's title
                    break
        parts.append(text.strip())
    return "\n\n".join(p for p in parts if p)[:4000]


def load_reference(root: Path, name: str) -> Reference:
    """Read ``solutions/<name>.ipynb`` (and generate its student version in memory)."""
    import nbformat

    root = Path(root)
    path = gen.solution_path(root, name)
    if not path.exists():
        known = ", ".join(gen.solution_names(root)) or "none"
        raise InputError(f"There is no solutions/{name}.ipynb (known: {known}).")
    exercise = nbformat.reads(gen.generate(path, root), as_version=4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        solution = nbformat.read(str(path), as_version=4)
    exercise_ids = [c.get("id") for c in exercise.cells]
    ref = Reference(name=name, exercise=exercise)
    last_anchor: str | None = None
    last_question = ""
    labels: set[str] = set()
    for index, cell in enumerate(solution.cells):
        cid = cell.get("id")
        where = f"solutions/{name}.ipynb, cell {index + 1}"
        items = gen.parse_cell(cell.source, where)
        if cid in exercise_ids:
            last_anchor = cid
        if cell.cell_type == "code":
            for question, expression in _check_statements(cell.source).items():
                ref.checks.append(CheckQuestion(question, cid, expression))
                last_question = question
            hidden = [item for item in items if isinstance(item, gen.Region) and item.kind == "hidden"]
            if hidden:
                code = "\n".join(textwrap.dedent("\n".join(r.lines)) for r in hidden)
                ref.hidden.append(HiddenTest(
                    key=f"hidden_{cid}", cell_id=cid, anchor=last_anchor, source=code,
                    after=f"after {last_question}" if last_question else "before the questions"))
        elif cell.cell_type == "markdown":
            regions = [item for item in items if isinstance(item, gen.Region) and item.kind == "solution"]
            if not regions or cid not in exercise_ids:
                continue
            model, notes = gen.split_written(regions[0], where)
            label, title, at = _heading_before(solution.cells, index)
            label = label or f"W{len(ref.written) + 1}"
            if label in labels:
                label = f"{label}-{cid}"
            labels.add(label)
            ref.written.append(WrittenQuestion(
                cell_id=cid, label=label, title=title or label,
                prompt=_prompt(solution.cells, at, index, title), model=model, notes=notes))
    return ref


# ---------------------------------------------------------------- handed-in files

@dataclass
class Submission:
    path: Path           # where it was read from (inside a zip: the zip, plus ``member``)
    rel: str             # its name relative to the folder (or zip) handed in
    student: str
    sha256: str
    nb: object = None    # NotebookNode, or None when it cannot be read
    problem: str = ""    # why it cannot be read
    exercise: str = ""   # the exercise it says it is ("" if unknown)


def student_name(rel: str, exercise: str) -> str:
    """The student, from the file name: the name without the exercise's name and ``.ipynb``.

    ``jdoe_02-chinese-room.ipynb`` -> ``jdoe``; ``Jane Doe - 02-chinese-room.ipynb`` ->
    ``Jane Doe``. A file named just ``02-chinese-room.ipynb`` (or ``...-Copy1.ipynb``) takes
    its folder's name (``jdoe/02-chinese-room.ipynb`` -> ``jdoe``).
    """
    path = PurePosixPath(rel)
    stem = path.name[: -len(".ipynb")] if path.name.lower().endswith(".ipynb") else path.name
    if exercise:
        stem = re.sub(re.escape(exercise), " ", stem, flags=re.IGNORECASE)
    stem = re.sub(r"[-_ ]Copy\d*$", "", stem)  # JupyterLab's "Duplicate" adds -Copy1
    stem = re.sub(r"\s+", " ", stem).strip(" _-.,;()[]")
    if stem:
        return stem
    parents = [p for p in path.parent.parts if p not in ("", ".")]
    return parents[-1] if parents else rel


def _which_exercise(nb, rel: str, known: list[str]) -> str:
    marker = nb.get("metadata", {}).get("seminar", {}) if nb is not None else {}
    source = marker.get("generated_from", "") if isinstance(marker, dict) else ""
    name = PurePosixPath(str(source)).stem if source else ""
    if name in known:
        return name
    lowered = PurePosixPath(rel).name.lower()
    matches = [k for k in known if k in lowered]
    return max(matches, key=len) if matches else ""


def _submission(entry, exercise_given: str, known: list[str]) -> Submission:
    """One handed-in file, read; whatever goes wrong becomes its ``problem``, never an error."""
    try:
        return _read_submission(entry, exercise_given, known)
    except Exception as exc:  # a bug or an oddity in one file must not stop the class
        return Submission(path=entry.origin, rel=entry.rel,
                          student=student_name(entry.rel, exercise_given), sha256="",
                          problem=f"could not be read ({type(exc).__name__}: {str(exc)[:150]})")


def _read_submission(entry, exercise_given: str, known: list[str]) -> Submission:
    from seminar.instructor import intake

    data, problem = intake.read_bytes(entry)
    nb, why = intake.read_notebook(data) if not problem else (None, problem)
    exercise = _which_exercise(nb, entry.rel, known)
    name = exercise or exercise_given
    return Submission(path=entry.origin, rel=entry.rel, student=student_name(entry.rel, name),
                      sha256=hashlib.sha256(data).hexdigest(), nb=nb, problem=why, exercise=exercise)


def load_submissions(source: Path, known: list[str]) -> list[Submission]:
    """Every handed-in notebook under ``source`` (a folder or a zip), read but never changed."""
    from seminar.instructor import intake

    return [_submission(entry, "", known) for entry in intake.entries(source)]


class Handins:
    """The handed-in files of one exercise, read one at a time as they are iterated.

    ``exercise`` names the students (``alice_02-chinese-room.ipynb`` -> ``alice``), so two
    files from one student are found before any is read (:attr:`twice`).
    """

    def __init__(self, found: list, exercise: str, known: list[str]):
        self.found, self.exercise, self.known = found, exercise, known
        counts: dict[str, int] = {}
        for entry in found:
            student = student_name(entry.rel, exercise)
            counts[student] = counts.get(student, 0) + 1
        self.twice = {name for name, n in counts.items() if n > 1}

    def __len__(self) -> int:
        return len(self.found)

    def __iter__(self):
        for entry in self.found:
            yield _submission(entry, self.exercise, self.known)


def plan_submissions(root: Path, source: str, exercise: str | None) -> tuple[str, Handins]:
    """The exercise and the handed-in files (not read yet) a command works on.

    Without ``exercise``, the file names decide, or else each file is read once (and
    dropped) to find the exercise its metadata names.
    """
    from seminar.instructor import intake

    known = gen.solution_names(root)
    if exercise is not None and not isinstance(exercise, str):
        raise InputError(f"--exercise is a name such as 02-chinese-room, not {type(exercise).__name__}.")
    found = intake.entries(source)
    if not found:
        raise InputError(f"There are no .ipynb files in {source}.")
    if exercise:
        name = choose_exercise([], exercise, known)
        return name, Handins(found, name, known)
    named = {_which_exercise(None, e.rel, known) for e in found}
    if "" in named or len(named) != 1:
        named = {sub.exercise for sub in (_submission(e, "", known) for e in found)}
    stand_ins = [Submission(path=Path(), rel="", student="", sha256="", exercise=n) for n in named]
    name = choose_exercise(stand_ins, None, known)
    return name, Handins(found, name, known)


def choose_exercise(submissions: list[Submission], given: str | None, known: list[str]) -> str:
    """The exercise to work on: ``given``, or the one every readable file says it is."""
    if given:
        name = Path(given).name
        name = name[: -len(".ipynb")] if name.endswith(".ipynb") else name
        if name not in known:
            raise InputError(f"There is no solutions/{name}.ipynb (known: {', '.join(known) or 'none'}).")
        return name
    named = sorted({s.exercise for s in submissions if s.exercise})
    if len(named) == 1:
        return named[0]
    if not named:
        raise InputError("Cannot tell which exercise these notebooks answer: "
                         "name it with --exercise, e.g. --exercise 02-chinese-room.")
    raise InputError(f"These notebooks answer several exercises ({', '.join(named)}): "
                     "name one with --exercise.")


def duplicates(submissions: list[Submission]) -> set[str]:
    counts: dict[str, int] = {}
    for s in submissions:
        counts[s.student] = counts.get(s.student, 0) + 1
    return {name for name, n in counts.items() if n > 1}


# ---------------------------------------------------------------- matching cells

@dataclass
class Match:
    """Where each exercise cell is in a submission (index into its cells), and how it was found."""
    index: dict = field(default_factory=dict)      # exercise cell id -> submission cell index
    how: dict = field(default_factory=dict)        # exercise cell id -> "id" | "content" | "position"
    deleted: list = field(default_factory=list)    # exercise cell ids (that matter) not found
    reordered: bool = False
    added: int = 0                                 # submission cells matching no exercise cell

    def notes(self, ref: Reference) -> list[str]:
        out = []
        if self.deleted:
            out.append("deleted or replaced cells: " + "; ".join(ref.describe(c) for c in self.deleted))
        if self.reordered:
            out.append("cells were moved out of the exercise's order (each is still found by its id)")
        guessed = [c for c, how in self.how.items() if how != "id"]
        if guessed and not any(how == "id" for how in self.how.values()):
            out.append("the notebook has no cell ids (saved by a tool that drops them); its cells "
                       "were matched by content and position")
        elif guessed:
            shown = ", ".join(guessed[:5]) + (f" and {len(guessed) - 5} more" if len(guessed) > 5 else "")
            out.append(f"cell ids missing (cells re-created by cut and paste?); matched by content "
                       f"or position: {shown}")
        return out


def _key(cell) -> tuple[str, str]:
    return cell.cell_type, cell.source.strip()


def match_cells(ref: Reference, nb) -> Match:
    """Find each exercise cell in a submission: by id, then identical content, then position."""
    ex_cells = ref.exercise.cells
    sub_cells = nb.cells
    match = Match()
    taken: set[int] = set()
    first_at: dict[str, int] = {}
    for i, cell in enumerate(sub_cells):
        cid = cell.get("id")
        if cid and cid not in first_at:
            first_at[cid] = i
    for cell in ex_cells:
        cid = cell.get("id")
        if cid in first_at:
            match.index[cid], match.how[cid] = first_at[cid], "id"
            taken.add(first_at[cid])
    # identical content, in order (difflib over the cells not matched yet)
    rest_ex = [c for c in ex_cells if c.get("id") not in match.index]
    rest_sub = [i for i in range(len(sub_cells)) if i not in taken]
    if rest_ex and rest_sub:
        matcher = difflib.SequenceMatcher(a=[_key(c) for c in rest_ex],
                                          b=[_key(sub_cells[i]) for i in rest_sub], autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                cell = rest_ex[block.a + k]
                if not cell.source.strip():  # an empty cell matches anything: not evidence
                    continue
                index = rest_sub[block.b + k]
                match.index[cell.get("id")], match.how[cell.get("id")] = index, "content"
                taken.add(index)
    # answer cells the student changed: the one candidate between matched neighbours
    ex_ids = [c.get("id") for c in ex_cells]
    for pos, cell in enumerate(ex_cells):
        cid = cell.get("id")
        if cid in match.index or not ref.matters(cell):
            continue
        before = [match.index[i] for i in ex_ids[:pos] if i in match.index]
        after = [match.index[i] for i in ex_ids[pos + 1:] if i in match.index]
        low = max(before) if before else -1
        high = min([a for a in after if a > low], default=len(sub_cells))
        candidates = [i for i in range(low + 1, high) if i not in taken
                      and sub_cells[i].cell_type == cell.cell_type]
        alike = [i for i in candidates if _looks_like(cell, sub_cells[i])]
        pick = alike[0] if alike else (candidates[0] if len(candidates) == 1 else None)
        if pick is not None:
            match.index[cid], match.how[cid] = pick, "position"
            taken.add(pick)
    match.deleted = [c.get("id") for c in ex_cells if c.get("id") not in match.index and ref.matters(c)]
    order = [match.index[c.get("id")] for c in ex_cells
             if c.get("id") in match.index and c.cell_type == "code" and ref.matters(c)]
    match.reordered = order != sorted(order)
    match.added = len(sub_cells) - len(taken)
    return match


def _looks_like(exercise_cell, cell) -> bool:
    """Does a changed cell still look like this answer cell (same check call, or "Your answer")?"""
    if exercise_cell.cell_type == "markdown":
        return cell.source.lstrip().startswith(_ANSWER_START)
    wanted = set(_CHECK_CALL.findall(exercise_cell.source))
    return bool(wanted) and wanted <= set(_CHECK_CALL.findall(cell.source))


def section_of(nb, index: int) -> str:
    """The question a submission cell sits under ("Q2"), from the headings above it."""
    label, _title, _at = _heading_before(nb.cells, index + 1)
    return label


def add_arguments(parser, example: str) -> None:
    """The options every command that reads handed-in notebooks takes."""
    parser.add_argument("submissions", metavar="FOLDER_OR_ZIP",
                        help="the handed-in notebooks (searched recursively)")
    parser.add_argument("--exercise", metavar="NAME",
                        help=f"which exercise they answer, e.g. {example} (default: the one "
                             "the notebooks say they are)")
