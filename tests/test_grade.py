"""``python -m seminar grade``: every handed-in file gets a row, the checks decide the points,
broken notebooks get a clear reason, the batch never stops and no submission is changed."""
import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile
from types import SimpleNamespace

import nbformat
import pytest

from seminar import KIT_ROOT
from seminar.instructor import grade
from seminar.instructor.submissions import Submission, load_reference, load_submissions, match_cells
from tests.assignkit import NAME, cli, digests, make_kit, own_checks, submissions

TIMEOUT = 8  # seconds per notebook: the made-up ones finish in about one


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("grade")
    root = make_kit(base / "kit")
    folder = base / "handed-in"
    paths = submissions(root, folder)
    before = digests(folder)
    out = base / "out" / "book.csv"
    out.parent.mkdir()
    done = cli("grade", str(folder), "--root", str(root), "--timeout", str(TIMEOUT), "--out", str(out))
    return SimpleNamespace(
        base=base, root=root, folder=folder, paths=paths, before=before, after=digests(folder),
        out=out, done=done, rows={r["student"]: r for r in read_csv(out)},
        details={(r["student"], r["column"]): r for r in read_csv(base / "out" / "book-details.csv")})


def test_the_batch_finishes_with_a_row_for_every_file(graded):
    assert graded.done.returncode == 0, graded.done.stderr
    assert set(graded.rows) == set(graded.paths)
    header = list(next(iter(graded.rows.values())))
    assert header == ["student", "file", "q1", "q2", "hidden_cell-06", "score", "out_of", "error"]


def test_no_submission_file_is_changed(graded):
    assert graded.after == graded.before
    assert len(graded.before) == len(graded.paths)


def test_progress_bar_and_warning_go_to_stderr(graded):
    n = len(graded.paths)
    assert f"grading [{'#' * 24}] {n}/{n}" in graded.done.stderr
    assert "runs the students' code" in graded.done.stderr
    assert "Traceback" not in graded.done.stderr + graded.done.stdout


def test_fully_correct(graded):
    row = graded.rows["alice"]
    assert (row["q1"], row["q2"], row["hidden_cell-06"], row["score"], row["out_of"]) == ("1", "1", "1", "3", "3")
    assert row["error"] == ""


def test_blank_scores_zero_without_errors(graded):
    row = graded.rows["bob"]
    assert (row["q1"], row["q2"], row["hidden_cell-06"], row["score"]) == ("0", "0", "0", "0")
    assert row["error"] == ""
    assert graded.details[("bob", "q1")]["status"] == "not answered"


@pytest.mark.parametrize("student", ["alice", "bob", "judy"])
def test_points_match_what_the_students_own_checks_say(graded, student, tmp_path):
    """Run the notebook as the student would (no grading cells) and compare."""
    said = own_checks(graded.paths[student], tmp_path)
    assert set(said) == {"q1", "q2"}, said
    for question, message in said.items():
        assert graded.rows[student][question] == ("1" if message == "correct." else "0"), (student, message)
        assert graded.details[(student, question)]["message"] == message


def test_a_wrong_answer_gets_the_hint(graded):
    assert graded.rows["judy"]["q1"] == "0" and graded.rows["judy"]["q2"] == "1"
    assert graded.details[("judy", "q1")]["status"] == "not yet"


def test_a_check_line_edited_to_a_literal_does_not_fool_the_grader(graded, tmp_path):
    assert own_checks(graded.paths["ivan"], tmp_path)["q1"] == "correct."  # fooled himself...
    assert graded.rows["ivan"]["q1"] == "0"                                  # ...not the grader


@pytest.mark.parametrize("student, words", [("carol", "not valid JSON"), ("nina", "empty")])
def test_unreadable_files_are_not_graded_and_say_why(graded, student, words):
    row = graded.rows[student]
    assert words in row["error"] and "not graded" in row["error"]
    assert row["q1"] == row["q2"] == row["hidden_cell-06"] == row["score"] == ""


def test_an_endless_loop_is_stopped_and_the_rest_graded(graded):
    row = graded.rows["dave"]
    assert "time limit" in row["error"] and "under Q2" in row["error"]
    assert (row["q1"], row["q2"], row["hidden_cell-06"]) == ("1", "0", "0")
    assert float(graded.details[("dave", "q1")]["seconds"]) < TIMEOUT + 10


def test_a_cell_that_raises_is_named_and_later_questions_still_count(graded):
    row = graded.rows["erin"]
    assert "cell 4 (under Q1) raised ZeroDivisionError" in row["error"]
    assert (row["q1"], row["q2"], row["hidden_cell-06"]) == ("0", "1", "1")


def test_a_deleted_answer_cell(graded):
    row = graded.rows["frank"]
    assert "deleted" in row["error"] and "cell-05 (q2 answer)" in row["error"]
    assert (row["q1"], row["q2"], row["hidden_cell-06"]) == ("1", "0", "0")
    assert "NameError" in graded.details[("frank", "q2")]["message"]


def test_reordered_cells_are_reported_and_run_in_the_students_order(graded):
    row = graded.rows["grace"]
    assert "moved out of the exercise's order" in row["error"]
    assert row["score"] == "3"


def test_a_notebook_without_cell_ids_is_matched_by_content(graded):
    row = graded.rows["heidi"]
    assert "no cell ids" in row["error"] and row["score"] == "3"


def test_a_kernel_that_dies_is_reported(graded):
    row = graded.rows["ken"]
    assert "kernel died" in row["error"] and "under Q2" in row["error"]
    assert (row["q1"], row["q2"]) == ("1", "0")


def test_the_details_file_has_a_line_per_student_and_column(graded):
    assert len(graded.details) == len(graded.paths) * 3
    assert graded.details[("alice", "hidden_cell-06")]["status"] == "passed"
    assert graded.details[("bob", "hidden_cell-06")]["message"].startswith("AssertionError")


def test_refuses_to_overwrite_a_gradebook(graded):
    before = graded.out.read_bytes()
    done = cli("grade", str(graded.folder), "--root", str(graded.root), "--out", str(graded.out))
    assert done.returncode == 1 and "already exist" in done.stderr and "--force" in done.stderr
    assert graded.out.read_bytes() == before


def test_a_zip_of_submissions_and_a_notebook_of_another_exercise(graded, tmp_path):
    archive = tmp_path / "handed-in.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(graded.paths["alice"], "alice/" + graded.paths["alice"].name)
        z.write(graded.paths["carol"], graded.paths["carol"].name)
        z.writestr("__MACOSX/._junk.ipynb", b"junk")
    before = archive.read_bytes()
    out = tmp_path / "zip.csv"
    done = cli("grade", str(archive), "--root", str(graded.root), "--timeout", str(TIMEOUT),
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = {r["student"]: r for r in read_csv(out)}
    assert set(rows) == {"alice", "carol"} and rows["alice"]["score"] == "3"
    assert archive.read_bytes() == before
    ref = load_reference(graded.root, NAME)
    other = Submission(path=archive, rel="x.ipynb", student="x", sha256="", exercise="02-other",
                       nb=nbformat.v4.new_notebook())
    row = grade.grade_one(ref, other, TIMEOUT)
    assert "not 01-demo" in row.problems[0] and set(row.points.values()) == {None}


def test_grading_cells_go_after_their_cell_or_the_one_before_it(graded):
    ref = load_reference(graded.root, NAME)
    nb = nbformat.read(str(graded.paths["frank"]), as_version=4)  # cell-05 (q2) deleted
    copy, roles = grade.graded_copy(ref, nb, match_cells(ref, nb), "/tmp/log")
    ids = [c.get("id") for c in nb.cells]
    q1 = roles.index(("check", "q1"))
    assert roles[q1 - 1] == ("student", ids.index("cell-03"))
    q2 = roles.index(("check", "q2"))  # its cell is gone: after the cell before it (cell-04, Markdown)
    assert roles[q2 - 1] == ("check", "q1") and roles[q2 + 1] == ("hidden", "hidden_cell-06")
    assert copy.cells[q2].source == "__seminar_grade__('q2', lambda: (square))"


def test_progress_writes_a_line_per_notebook_when_not_a_terminal():
    stream = io.StringIO()
    bar = grade.Progress(2, stream=stream, width=4)
    bar.step("alice")
    bar.step("bob")
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("grading [##..] 1/2") and lines[1].startswith("grading [####] 2/2")


def test_the_warm_up_exercise_solved_gets_full_marks_with_the_kits_check_data(tmp_path):
    """The real 00-start-here, whose checks live in seminar/exercise_checks (not in the notebook)."""
    from seminar.instructor import exercises as gen

    name = "00-start-here"
    solution = nbformat.read(str(KIT_ROOT / "solutions" / f"{name}.ipynb"), as_version=4)
    nb = nbformat.reads(gen.generate(KIT_ROOT / "solutions" / f"{name}.ipynb", KIT_ROOT), as_version=4)
    by_id = {c.id: c for c in solution.cells}
    for cell in nb.cells:
        if cell.metadata.get("seminar", {}).get("answer") == "code":
            cell.source = "\n".join(line for line in by_id[cell.id].source.split("\n")
                                    if "### " not in line)
    folder = tmp_path / "in"
    folder.mkdir()
    nbformat.write(nb, str(folder / f"zoe_{name}.ipynb"))
    out = tmp_path / "book.csv"
    done = cli("grade", str(folder), "--timeout", "120", "--out", str(out))
    assert done.returncode == 0, done.stderr
    [row] = read_csv(out)
    assert row["student"] == "zoe" and row["error"] == ""
    assert row["score"] == row["out_of"] and int(row["out_of"]) >= 2


def test_help_says_it_runs_student_code_and_bad_input_has_no_traceback(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SEMINAR_STRICT"}
    run = lambda *a: subprocess.run([sys.executable, "-m", "seminar", *a], capture_output=True,  # noqa: E731
                                    text=True, env=env, timeout=120)
    helped = run("grade", "--help")
    assert helped.returncode == 0 and "RUNS THE STUDENTS' CODE" in helped.stdout
    for args, words in [((str(tmp_path / "nowhere"),), "does not exist"),
                        ((str(tmp_path),), "no .ipynb files"),
                        ((str(tmp_path), "--timeout", "-1"), "--timeout")]:
        done = run("grade", *args)
        assert done.returncode == 1 and words in done.stderr and "Traceback" not in done.stderr


def test_cannot_tell_the_exercise_without_a_marker(graded, tmp_path):
    folder = tmp_path / "anon"
    folder.mkdir()
    shutil.copy(graded.paths["carol"], folder / "homework.ipynb")
    done = cli("grade", str(folder), "--root", str(graded.root))
    assert done.returncode == 1 and "--exercise" in done.stderr
    subs = load_submissions(folder, [NAME])
    assert subs[0].student == "homework" and subs[0].exercise == ""


def test_grading_in_parallel_gives_the_same_rows(graded, tmp_path):
    folder = tmp_path / "some"
    folder.mkdir()
    chosen = ["alice", "bob", "carol", "erin", "judy"]
    for student in chosen:
        shutil.copy(graded.paths[student], folder)
    out = tmp_path / "parallel.csv"
    done = cli("grade", str(folder), "--root", str(graded.root), "--timeout", str(TIMEOUT),
               "--out", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    rows = {r["student"]: r for r in read_csv(out)}
    assert rows == {s: graded.rows[s] for s in chosen}
    assert f"{len(chosen)}/{len(chosen)}" in done.stderr


def test_the_grading_kernel_gets_no_secrets():
    env = grade.kernel_env({"PATH": "/bin", "JUPYTERHUB_API_TOKEN": "t", "JPY_API_TOKEN": "t",
                            "AWS_SECRET_ACCESS_KEY": "s", "GITHUB_TOKEN": "g", "SEMINAR_STRICT": "1",
                            "JPY_SESSION_NAME": "x.ipynb", "HOME": "/home/me"})
    assert env == {"PATH": "/bin", "HOME": "/home/me", "MPLBACKEND": "Agg"}
