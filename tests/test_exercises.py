"""exercises/ is generated from solutions/: in sync, leak-free, and blank checks that can fail.

The leak check below does not use the generator's parser: it reads the markers itself, so
a bug in the generator cannot hide a leak from it.
"""
import contextlib
import hashlib
import importlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from seminar import KIT_ROOT
from seminar.instructor import exercises as gen
from seminar.instructor.cli import main as seminar_main

SOLUTIONS = sorted(p.stem for p in (KIT_ROOT / "solutions").glob("*.ipynb"))
EXERCISES = sorted(p.stem for p in (KIT_ROOT / "exercises").glob("*.ipynb"))
OPEN = {"### BEGIN SOLUTION", "### BEGIN HIDDEN TESTS"}
CLOSE = {"### END SOLUTION", "### END HIDDEN TESTS"}
LOOK_FOR = "**What to look for:**"


def read(path):
    return nbformat.read(str(path), as_version=4)


def copy_kit(tmp_path, names=("00-start-here",)):
    """A copy of some exercise pairs (solutions/ and exercises/) to change freely."""
    root = tmp_path / "kit"
    for folder in ("solutions", "exercises"):
        (root / folder).mkdir(parents=True)
        for name in names:
            shutil.copy(KIT_ROOT / folder / f"{name}.ipynb", root / folder)
    return root


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def cli(root, *args):
    """``python -m seminar exercises --root ROOT ARGS``, run in this process (quicker)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = seminar_main(["exercises", "--root", str(root), *args])
    return Done(code, out.getvalue(), err.getvalue())


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ---------------------------------------------------------------- the leak check

def trivial(line):
    """Lines too common to count as a leak: blank, punctuation, `...`, bare keywords."""
    if re.fullmatch(r"[\s()\[\]{},;:.\\'\"`*_#=|>-]*", line):
        return True
    if line in {"pass", "else:", "try:", "finally:", "except:", "return", "break", "continue",
                "**Your answer:**"}:
        return True
    # a def/class header is shown to students on purpose (the stub keeps the signature)
    return bool(re.match(r"(async\s+)?def\s|class\s", line))


def secret_lines(solution):
    """Non-trivial lines found only inside solution/hidden regions or instructor cells."""
    inside, outside = set(), set()
    for cell in read(solution).cells:
        instructor = "instructor" in cell.metadata.get("tags", [])
        in_region = False
        for raw in cell.source.splitlines():
            line = raw.strip()
            if line in OPEN:
                in_region = True
            elif line in CLOSE:
                in_region = False
            elif in_region or instructor:
                inside.add(line)
            else:
                outside.add(line)
    return {line for line in inside - outside if not trivial(line)}


def strings(value):
    """Every piece of text stored in a JSON value (a list of strings is one multi-line text)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        yield "".join(value)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)


def exercise_text(path):
    """Everything stored in an exercise notebook: sources, outputs, metadata."""
    return "\n".join(strings(json.loads(Path(path).read_text(encoding="utf-8"))))


def find_leaks(root):
    """Every (exercise file, leaked text) where solution-only text reached exercises/."""
    root = Path(root)
    secrets = {}
    for solution in sorted((root / "solutions").glob("*.ipynb")):
        for line in secret_lines(solution):
            secrets.setdefault(line, solution.name)
    leaks = []
    for exercise in sorted((root / "exercises").glob("*.ipynb")):
        text = exercise_text(exercise)
        lines = {line.strip() for line in text.splitlines()}
        name = f"exercises/{exercise.name}"
        for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", LOOK_FOR):
            if marker.casefold() in text.casefold():
                leaks.append(f"{name}: contains {marker!r}")
        for line, source in sorted(secrets.items()):
            if line in lines or (len(line) >= 20 and line in text):
                leaks.append(f"{name}: contains a line of solutions/{source}: {line[:120]}")
    return leaks


def test_there_is_at_least_one_exercise_pair():
    assert "00-start-here" in SOLUTIONS and "00-start-here" in EXERCISES


def test_no_solution_or_hidden_line_reaches_exercises():
    leaks = find_leaks(KIT_ROOT)
    assert not leaks, "Solution text in exercises/:\n" + "\n".join(leaks)


def test_every_solution_has_secrets_to_check():
    for name in SOLUTIONS:
        assert secret_lines(KIT_ROOT / "solutions" / f"{name}.ipynb"), (
            f"solutions/{name}.ipynb has no solution regions: nothing for students to do")


def test_leak_check_catches_a_planted_leak(tmp_path):
    root = copy_kit(tmp_path)
    assert find_leaks(root) == []
    secret = sorted(secret_lines(root / "solutions" / "00-start-here.ipynb"), key=len)[-1]
    target = root / "exercises" / "00-start-here.ipynb"
    nb = read(target)
    nb.cells[-1].source += "\n" + secret
    nbformat.write(nb, str(target))
    leaks = find_leaks(root)
    assert any("exercises/00-start-here.ipynb" in leak and secret[:120] in leak for leak in leaks), leaks


def test_leak_check_catches_a_leak_inside_a_longer_line_and_in_outputs(tmp_path):
    root = copy_kit(tmp_path)
    secret = sorted(secret_lines(root / "solutions" / "00-start-here.ipynb"), key=len)[-1]
    assert len(secret) >= 20
    target = root / "exercises" / "00-start-here.ipynb"
    nb = read(target)
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"x {secret} y\n")]
    nbformat.write(nb, str(target))
    assert any(secret[:120] in leak for leak in find_leaks(root))


def test_leak_check_catches_grader_notes(tmp_path):
    root = copy_kit(tmp_path)
    target = root / "exercises" / "00-start-here.ipynb"
    nb = read(target)
    nb.cells.append(nbformat.v4.new_markdown_cell(f"{LOOK_FOR} anything"))
    nbformat.write(nb, str(target))
    assert any(LOOK_FOR in leak for leak in find_leaks(root))


# ---------------------------------------------------------------- in sync

@pytest.mark.parametrize("name", SOLUTIONS)
def test_exercise_is_the_generators_output(name):
    path = KIT_ROOT / "exercises" / f"{name}.ipynb"
    assert path.exists(), f"exercises/{name}.ipynb is missing: run python -m seminar exercises {name}"
    expected = gen.generate(KIT_ROOT / "solutions" / f"{name}.ipynb", KIT_ROOT)
    assert path.read_bytes() == expected.encode("utf-8"), (
        f"exercises/{name}.ipynb is out of date with solutions/{name}.ipynb: "
        f"run python -m seminar exercises {name}")


def test_check_sync_finds_nothing_wrong():
    problems = gen.check_sync(KIT_ROOT)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("name", SOLUTIONS)
def test_generator_is_deterministic_and_independent_of_location(name, tmp_path):
    root = tmp_path / "kit"
    (root / "solutions").mkdir(parents=True)
    shutil.copy(KIT_ROOT / "solutions" / f"{name}.ipynb", root / "solutions")
    here = gen.generate(KIT_ROOT / "solutions" / f"{name}.ipynb", KIT_ROOT)
    assert gen.generate(KIT_ROOT / "solutions" / f"{name}.ipynb", KIT_ROOT) == here
    assert gen.generate(root / "solutions" / f"{name}.ipynb", root) == here


@pytest.mark.parametrize("name", EXERCISES)
def test_exercises_are_stored_clean_and_marked(name):
    nb = read(KIT_ROOT / "exercises" / f"{name}.ipynb")
    assert nb.metadata["seminar"]["generated_from"] == f"solutions/{name}.ipynb"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{name}: {cell.id}"
        assert "instructor" not in cell.metadata.get("tags", [])
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for field in ("**Questions**", "**Objectives**", "**Time**", "**Readings**"):
        assert field in first.source, f"exercises/{name}.ipynb: first cell lacks {field}"
    assert nb.cells[-1].source.startswith("## Key points")


def test_check_names_the_out_of_date_file_after_a_solution_changes(tmp_path):
    root = copy_kit(tmp_path)
    done = cli(root, "--check")
    assert done.returncode == 0, done.stdout + done.stderr
    solution = root / "solutions" / "00-start-here.ipynb"
    for old, new in [("*Her* runs 126 minutes.", "*Her* runs for 126 minutes."),  # question text
                     ("running_time_hours = 126 / 60",       # a region's name
                      "hours = 126 / 60")]:
        text = solution.read_text(encoding="utf-8")
        assert old in text
        solution.write_text(text.replace(old, new), encoding="utf-8")
        done = cli(root, "--check")
        assert done.returncode == 1
        assert "exercises/00-start-here.ipynb: out of date" in done.stdout
        assert "Traceback" not in done.stdout + done.stderr
        assert cli(root).returncode == 0
        assert cli(root, "--check").returncode == 0


def test_check_reports_missing_and_orphaned_files(tmp_path):
    root = copy_kit(tmp_path)
    (root / "exercises" / "00-start-here.ipynb").unlink()
    shutil.copy(KIT_ROOT / "exercises" / "00-start-here.ipynb", root / "exercises" / "98-retired.ipynb")
    done = cli(root, "--check")
    assert done.returncode == 1
    assert "exercises/00-start-here.ipynb: missing" in done.stdout
    assert "exercises/98-retired.ipynb: orphaned" in done.stdout


def test_generator_refuses_to_overwrite_a_hand_written_file(tmp_path):
    root = copy_kit(tmp_path)
    target = root / "exercises" / "00-start-here.ipynb"
    hand = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("My own notes")])
    nbformat.write(hand, str(target))
    before = digest(target)
    done = cli(root)
    assert done.returncode == 1
    assert "exercises/00-start-here.ipynb was not written by the generator" in done.stderr
    assert "--force" in done.stderr and "Traceback" not in done.stderr
    assert digest(target) == before
    check = cli(root, "--check")
    assert check.returncode == 1 and "00-start-here.ipynb: not generated" in check.stdout
    forced = cli(root, "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_bytes() == (KIT_ROOT / "exercises" / "00-start-here.ipynb").read_bytes()


def test_generator_refuses_to_overwrite_a_generated_file_changed_since(tmp_path):
    """Run and saved in JupyterLab (outputs stored) or edited: the changes are not lost silently."""
    root = copy_kit(tmp_path)
    target = root / "exercises" / "00-start-here.ipynb"
    nb = read(target)
    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="my work\n")]
    nbformat.write(nb, str(target))
    before = digest(target)
    done = cli(root, "00-start-here")
    assert done.returncode == 1 and "changed after it was generated" in done.stderr
    assert digest(target) == before
    check = cli(root, "--check")
    assert check.returncode == 1 and "exercises/00-start-here.ipynb: edited" in check.stdout
    assert cli(root, "--force").returncode == 0
    assert target.read_bytes() == (KIT_ROOT / "exercises" / "00-start-here.ipynb").read_bytes()


def test_generator_refuses_to_overwrite_a_file_that_is_not_a_notebook(tmp_path):
    root = copy_kit(tmp_path)
    target = root / "exercises" / "00-start-here.ipynb"
    target.write_text("{ not json", encoding="utf-8")
    done = cli(root, "00-start-here")
    assert done.returncode == 1 and "not written by the generator" in done.stderr
    assert target.read_text(encoding="utf-8") == "{ not json"


def test_cli_user_errors_have_no_traceback(tmp_path):
    """The real command, in its own process: help works, a user's mistake is one clear line."""
    def run(*args):
        env = {k: v for k, v in os.environ.items() if k != "SEMINAR_STRICT"}
        return subprocess.run([sys.executable, "-m", "seminar", *args], capture_output=True,
                              text=True, env=env, timeout=300)
    done = run("exercises", "no-such-exercise")
    assert done.returncode == 1
    assert "There is no solutions/no-such-exercise.ipynb" in done.stderr
    assert "Traceback" not in done.stderr
    done = run("exercises", "--root", str(tmp_path / "nowhere"))
    assert done.returncode == 1 and "no solutions/ folder" in done.stderr
    assert "Traceback" not in done.stderr
    helped = run("--help")
    assert helped.returncode == 0 and "exercises" in helped.stdout
    helped = run("exercises", "--help")
    assert helped.returncode == 0 and "--check" in helped.stdout and "--force" in helped.stdout


def test_cli_reports_a_broken_solution_and_carries_on(tmp_path):
    root = copy_kit(tmp_path)
    nb = read(root / "solutions" / "00-start-here.ipynb")
    nb.cells.append(nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = (\n### END SOLUTION"))
    nbformat.write(nb, str(root / "solutions" / "01-broken.ipynb"))
    done = cli(root)
    assert done.returncode == 1
    assert "solutions/01-broken.ipynb, cell" in done.stderr and "does not parse" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (root / "exercises" / "01-broken.ipynb").exists()
    assert "up to date: exercises/00-start-here.ipynb" in done.stdout


# ---------------------------------------------------------------- written answers

def written_regions(path):
    """(cell id, region text) of each Markdown solution region."""
    found = []
    for cell in read(path).cells:
        if cell.cell_type != "markdown":
            continue
        region = None
        for line in cell.source.splitlines():
            if line.strip() == "### BEGIN SOLUTION":
                region = []
            elif line.strip() == "### END SOLUTION":
                found.append((cell.id, "\n".join(region)))
                region = None
            elif region is not None:
                region.append(line)
    return found


@pytest.mark.parametrize("name", SOLUTIONS)
def test_written_answers_have_model_answer_and_grader_notes(name):
    exercise = {c.id: c for c in read(KIT_ROOT / "exercises" / f"{name}.ipynb").cells}
    for cell_id, text in written_regions(KIT_ROOT / "solutions" / f"{name}.ipynb"):
        assert LOOK_FOR in text, f"solutions/{name}.ipynb cell {cell_id}: no {LOOK_FOR}"
        model, notes = text.split(LOOK_FOR, 1)
        assert len(model.strip()) > 20, f"solutions/{name}.ipynb cell {cell_id}: no model answer"
        assert len(notes.strip()) > 20, f"solutions/{name}.ipynb cell {cell_id}: no grader notes"
        student = exercise[cell_id].source
        assert gen.TEXT_STUB in student
        assert LOOK_FOR not in student and model.strip()[:40] not in student


# ---------------------------------------------------------------- checks used in solutions

def checked_questions(path):
    ids = set()
    for cell in read(path).cells:
        if cell.cell_type == "code":
            ids |= set(re.findall(r"""\bcheck\(\s*["'](\w+)["']""", cell.source))
    return ids


@pytest.mark.parametrize("name", SOLUTIONS)
def test_every_check_call_has_check_data_and_back(name):
    used = checked_questions(KIT_ROOT / "solutions" / f"{name}.ipynb")
    if not used:
        pytest.skip(f"{name} has no automatic checks")  # a legitimate state, not a missing feature
    module = importlib.import_module("seminar.classroom.exercise_checks.e" + name.replace("-", "_"))
    assert used <= set(module.CHECKS), f"{name}: no check data for {sorted(used - set(module.CHECKS))}"
    assert set(module.CHECKS) <= used, f"{name}: check data never used: {sorted(set(module.CHECKS) - used)}"


# ---------------------------------------------------------------- running notebooks

def execute(path, tmp_path, strict):
    """Run a copy of a notebook in a fresh kernel; returns the executed notebook."""
    from nbclient import NotebookClient

    work = tmp_path / "run"
    work.mkdir(exist_ok=True)
    nb = read(path)
    saved = os.environ.get("SEMINAR_STRICT")
    if strict:
        os.environ["SEMINAR_STRICT"] = "1"
    else:
        os.environ.pop("SEMINAR_STRICT", None)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(work)}}).execute()
    finally:
        if saved is None:
            os.environ.pop("SEMINAR_STRICT", None)
        else:
            os.environ["SEMINAR_STRICT"] = saved
    return nb


def errors(nb):
    return [(cell, out) for cell in nb.cells if cell.cell_type == "code"
            for out in cell.get("outputs", []) if out.output_type == "error"]


CHECKED_EXERCISES = [n for n in EXERCISES if checked_questions(KIT_ROOT / "exercises" / f"{n}.ipynb")]


@pytest.mark.parametrize("name", CHECKED_EXERCISES)
def test_blank_exercise_fails_every_check_when_strict(name, tmp_path):
    """Run blank with SEMINAR_STRICT=1: each check cell raises "not answered yet", nothing else does."""
    nb = execute(KIT_ROOT / "exercises" / f"{name}.ipynb", tmp_path, strict=True)
    failed = errors(nb)
    check_cells = [c for c in nb.cells if c.cell_type == "code" and checked_questions_in(c.source)]
    assert failed, f"exercises/{name}.ipynb ran blank under SEMINAR_STRICT=1 without failing"
    for cell, out in failed:
        assert out.ename == "CheckFailed", f"{name} cell {cell.id}: {out.ename}: {out.evalue}"
        assert "not answered yet" in out.evalue, f"{name} cell {cell.id}: {out.evalue}"
    assert {c.id for c, _ in failed} == {c.id for c in check_cells}, (
        f"exercises/{name}.ipynb: some check cells did not fail when blank")


def checked_questions_in(source):
    return re.findall(r"""\bcheck\(\s*["'](\w+)["']""", source)


# ---------------------------------------------------------------- the generator's rules

def notebook(tmp_path, *cells, name="01-demo"):
    root = tmp_path / "kit"
    (root / "solutions").mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook(cells=list(cells))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    path = root / "solutions" / f"{name}.ipynb"
    nbformat.write(nb, str(path))
    return root, path


def generated_cells(tmp_path, *cells):
    root, path = notebook(tmp_path, *cells)
    return nbformat.reads(gen.generate(path, root), as_version=4).cells


def code(source, **kw):
    return nbformat.v4.new_code_cell(source, **kw)


def md(source, **kw):
    return nbformat.v4.new_markdown_cell(source, **kw)


def region(body, indent=""):
    lines = [f"{indent}### BEGIN SOLUTION", *[indent + b for b in body.split("\n")], f"{indent}### END SOLUTION"]
    return "\n".join(lines)


WRITTEN = "**Your answer:**\n\n" + region("A model answer.\n\n**What to look for:** a reason.")


@pytest.mark.parametrize("body, stub", [
    ("rate = 2.27e6", ["rate = ...  # YOUR ANSWER HERE"]),
    ("a, (b, *c) = 1, (2, 3)\nd = e = 4", [f"{n} = ...  # YOUR ANSWER HERE" for n in "abcde"]),
    ("total = 0\nfor m in [1, 2]:\n    total += m\nif total:\n    big: bool = True",
     ["total = ...  # YOUR ANSWER HERE", "big = ...  # YOUR ANSWER HERE"]),
    ("def hours(minutes: int, per=60) -> float:\n    \"\"\"Doc.\"\"\"\n    return minutes / per",
     ["def hours(minutes: int, per=60) -> float:", "    return ...  # YOUR ANSWER HERE"]),
    ("@staticmethod\nasync def fetch(x):\n    return x", ["async def fetch(x):", "    return ...  # YOUR ANSWER HERE"]),
    ("class Room(object):\n    size = 3", ["class Room(object):", "    ...  # YOUR ANSWER HERE"]),
    ("print(2 + 2)", ["# YOUR ANSWER HERE"]),
    ("df['x'] = 1", ["# YOUR ANSWER HERE"]),
])
def test_code_stubs(tmp_path, body, stub):
    [cell] = generated_cells(tmp_path, code("x0 = 1\n" + region(body) + "\ncheck('q1', x0)"))
    assert cell.source.split("\n") == ["x0 = 1", *stub, "check('q1', x0)"]
    compile(cell.source, "cell", "exec")
    assert cell.metadata["seminar"] == {"answer": "code"}


def test_indented_region_inside_a_function(tmp_path):
    body = "def hours(m):\n    \"\"\"Doc.\"\"\"\n" + region("h = m / 60\nreturn h", "    ")
    [cell] = generated_cells(tmp_path, code(body))
    assert cell.source == ('def hours(m):\n    """Doc."""\n    h = ...  # YOUR ANSWER HERE\n'
                           "    return ...  # YOUR ANSWER HERE")
    namespace = {}
    exec(cell.source, namespace)
    from seminar.classroom.checks import is_placeholder
    assert is_placeholder(namespace["hours"])


def test_indented_region_with_nothing_to_stub_stays_valid(tmp_path):
    [cell] = generated_cells(tmp_path, code("for i in range(2):\n" + region("print(i)", "    ")))
    assert cell.source == "for i in range(2):\n    ...  # YOUR ANSWER HERE"


def test_markdown_region_becomes_a_placeholder(tmp_path):
    [cell] = generated_cells(tmp_path, md(WRITTEN))
    assert cell.source == "**Your answer:**\n\n" + gen.TEXT_STUB
    assert cell.metadata["seminar"] == {"answer": "written"}


def test_hidden_tests_removed_and_empty_cells_dropped(tmp_path):
    cells = generated_cells(
        tmp_path,
        code("x = 1"),
        code("### BEGIN HIDDEN TESTS\nassert x == 1\n### END HIDDEN TESTS"),
        code("y = x\n### BEGIN HIDDEN TESTS\nassert y == 1\n### END HIDDEN TESTS"),
        code(""),
        md("Notes for teachers", metadata={"tags": ["instructor"]}),
    )
    assert [c.source for c in cells] == ["x = 1", "y = x", ""]
    assert [c.id for c in cells] == ["cell-00", "cell-02", "cell-03"]


def test_outputs_counts_and_timings_are_cleared(tmp_path):
    cell = code("x = 1", execution_count=7,
                outputs=[nbformat.v4.new_output("stream", name="stdout", text="secret\n")])
    cell.metadata["execution"] = {"iopub.execute_input": "2024-01-01T00:00:00"}
    cell.metadata["tags"] = ["nbval-check-output"]
    [out] = generated_cells(tmp_path, cell)
    assert out.outputs == [] and out.execution_count is None
    assert out.metadata == {"tags": ["nbval-check-output"]}


@pytest.mark.parametrize("source, message", [
    ("### BEGIN SOLUTION\nx = (\n### END SOLUTION", "does not parse as Python"),
    ("### BEGIN SOLUTION\n%time x = 1\n### END SOLUTION", "magics"),
    ("### BEGIN SOLUTION\nx = 1", "never closed"),
    ("x = 1\n### END SOLUTION", "without its BEGIN"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION", "nested"),
    ("### BEGIN SOLUTION\nx = 1\n### END HIDDEN TESTS", "without its BEGIN"),
    ("x = 1  ### BEGIN SOLUTION\ny = 2\n### END SOLUTION", "on a line of its own"),
    ("### begin solution\nx = 1\n### end solution", "exactly"),
    ("## BEGIN SOLUTION\nx = 1\n## END SOLUTION", "exactly"),
])
def test_bad_markup_is_an_error_naming_file_and_cell(tmp_path, source, message):
    root, path = notebook(tmp_path, md("# Title"), code(source))
    with pytest.raises(gen.ExerciseError, match=message) as info:
        gen.generate(path, root)
    assert "solutions/01-demo.ipynb, cell 2 (id cell-01)" in str(info.value)


@pytest.mark.parametrize("body", ["**What to look for:** notes only.", "A model answer only.",
                                  "A model answer.\n\n**What to look for:**"])
def test_written_region_needs_model_answer_and_notes(tmp_path, body):
    root, path = notebook(tmp_path, md("**Your answer:**\n\n" + region(body)))
    with pytest.raises(gen.ExerciseError, match="What to look for"):
        gen.generate(path, root)


@pytest.mark.parametrize("content", ["not json", "", "[]", '{"cells": 3}',
                                     '{"cells": [{"cell_type": "code"}], "metadata": {}, '
                                     '"nbformat": 4, "nbformat_minor": 5}'])
def test_a_solution_that_is_not_a_notebook(tmp_path, content):
    root = tmp_path / "kit"
    (root / "solutions").mkdir(parents=True)
    (root / "solutions" / "01-demo.ipynb").write_text(content, encoding="utf-8")
    with pytest.raises(gen.ExerciseError, match="solutions/01-demo.ipynb cannot be read"):
        gen.generate(root / "solutions" / "01-demo.ipynb", root)


def test_missing_cell_ids_are_given_stable_ids(tmp_path):
    root, path = notebook(tmp_path, md("# Title"), code(region("x = 1")), md("end"))
    data = json.loads(path.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        del cell["id"]
    data["cells"][2]["id"] = "cell-00"
    path.write_text(json.dumps(data), encoding="utf-8")
    first = gen.generate(path, root)
    assert gen.generate(path, root) == first
    ids = [c.id for c in nbformat.reads(first, as_version=4).cells]
    assert ids[1:] == ["cell-01", "cell-00"] and len(set(ids)) == 3


def test_prose_that_mentions_the_words_is_not_a_marker(tmp_path):
    [cell] = generated_cells(tmp_path, md("Let us begin solution-hunting; the end solution is near."))
    assert cell.source.startswith("Let us begin")


def test_text_stays_as_typed(tmp_path):
    text = "Emoji 😊, right-to-left سامانثا, <script>alert(1)</script>"
    [cell] = generated_cells(tmp_path, md(text))
    assert cell.source == text


def test_write_exercise_leaves_identical_files_alone(tmp_path):
    root, _ = notebook(tmp_path, code(region("x = 1")))
    assert gen.write_exercise("01-demo", root) == "written"
    mtime = (root / "exercises" / "01-demo.ipynb").stat().st_mtime_ns
    assert gen.write_exercise("01-demo", root) == "unchanged"
    assert (root / "exercises" / "01-demo.ipynb").stat().st_mtime_ns == mtime


def test_bad_solution_names_are_refused(tmp_path):
    root, _ = notebook(tmp_path, code("x = 1"), name="Demo")
    with pytest.raises(gen.ExerciseError, match="02-chinese-room"):
        gen.write_exercise("Demo", root)
    assert [p.problem for p in gen.check_sync(root)] == ["error"]
