"""``python -m seminar answers``: written answers gathered per question, escaped, beside the model."""
import csv
from types import SimpleNamespace

import nbformat
import pytest

from seminar.instructor import answers
from tests.assignkit import NAME, cli, digests, make_kit, solved, submissions

MODEL = "Because a model answer explains itself with a reason from the film."


@pytest.fixture(scope="module")
def gathered(tmp_path_factory):
    base = tmp_path_factory.mktemp("answers")
    root = make_kit(base / "kit")
    folder = base / "handed-in"
    paths = submissions(root, folder)
    nb = solved(root)                                    # deleted the written answer cell
    nb.cells = [c for c in nb.cells if c.get("id") != "cell-08"]
    nbformat.write(nb, str(folder / f"olga_{NAME}.ipynb"))
    nb = solved(root)                                    # answer starting with a formula sign
    next(c for c in nb.cells if c.get("id") == "cell-08").source = "**Your answer:**\n\n=HYPERLINK(1)"
    nbformat.write(nb, str(folder / f"pete_{NAME}.ipynb"))
    before = digests(folder)
    out = base / "out"
    done = cli("answers", str(folder), "--root", str(root), "--out", str(out))
    with open(out / f"{NAME}-answers-Q3.csv", encoding="utf-8", newline="") as handle:
        rows = {r["student"]: r for r in csv.DictReader(handle)}
    return SimpleNamespace(root=root, folder=folder, paths=paths, before=before, out=out, done=done,
                           rows=rows, html=(out / f"{NAME}-answers.html").read_text(encoding="utf-8"))


def test_one_table_per_written_question_and_a_page(gathered):
    assert gathered.done.returncode == 0, gathered.done.stderr
    assert sorted(p.name for p in gathered.out.iterdir()) == [
        f"{NAME}-answers-Q3.csv", f"{NAME}-answers.html", f"{NAME}-scoring-sheet.csv"]
    assert set(gathered.rows) == set(gathered.paths) | {"olga", "pete"}


def test_answers_and_the_model_side_by_side(gathered):
    alice = gathered.rows["alice"]
    assert alice["answer"] == "Because Theodore writes other people's letters."
    assert alice["words"] == "6" and alice["note"] == ""
    assert alice["model_answer"] == MODEL
    assert alice["what_to_look_for"] == "a reason, not only a claim."
    assert alice["question"] == "Q3. Why"


@pytest.mark.parametrize("student, words", [
    ("bob", "no answer"),
    ("carol", "not valid JSON"),
    ("nina", "empty"),
    ("olga", "answer cell was deleted"),
    ("heidi", "found by position"),
])
def test_notes_say_what_happened(gathered, student, words):
    assert words in gathered.rows[student]["note"]


def test_answer_written_in_an_added_cell_is_included(gathered):
    mallory = gathered.rows["mallory"]
    assert "<script>alert('x')</script> 😊 سامانثا" in mallory["answer"]
    assert "=1+1 and more <b>bold</b> text" in mallory["answer"]
    assert "1 added cell(s) below the answer cell included" in mallory["note"]


def test_spreadsheet_formulas_are_defused(gathered):
    assert gathered.rows["pete"]["answer"] == "'=HYPERLINK(1)"
    assert answers.safe_cell("@x") == "'@x" and answers.safe_cell("plain") == "plain"


def test_the_page_escapes_everything_students_typed(gathered):
    html = gathered.html
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "😊 سامانثا" in html
    assert "Because a model answer explains itself" in html and "a reason, not only a claim." in html
    assert html.count("class='answer'") == len(gathered.rows)


def test_no_submission_changed_and_no_overwrite(gathered):
    assert digests(gathered.folder) == gathered.before
    page = gathered.out / f"{NAME}-answers.html"
    before = page.read_bytes()
    done = cli("answers", str(gathered.folder), "--root", str(gathered.root), "--out", str(gathered.out))
    assert done.returncode == 1 and "already exist" in done.stderr and "Traceback" not in done.stderr
    assert page.read_bytes() == before
    forced = cli("answers", str(gathered.folder), "--root", str(gathered.root), "--out",
                 str(gathered.out), "--force")
    assert forced.returncode == 0 and page.read_bytes() == before  # deterministic


def test_a_megabyte_answer_is_cut_with_a_note(gathered, tmp_path):
    nb = solved(gathered.root)
    next(c for c in nb.cells if c.get("id") == "cell-08").source = "**Your answer:**\n\n" + "word " * 250_000
    folder = tmp_path / "big"
    folder.mkdir()
    nbformat.write(nb, str(folder / f"quinn_{NAME}.ipynb"))
    done = cli("answers", str(folder), "--root", str(gathered.root), "--out", str(tmp_path / "o"))
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "o" / f"{NAME}-answers-Q3.csv").read_text(encoding="utf-8")
    assert "cut to 20,000 of" in text and len(text) < 60_000


def test_answer_text_strips_the_prompt_and_placeholder():
    assert answers.answer_text("**Your answer:**\n\n_Write your answer here._") == ""
    assert answers.answer_text("**Your answer:**\n\n_Write your answer here._\nMine.") == "Mine."
    assert answers.answer_text("Just text") == "Just text"


@pytest.mark.parametrize("rel, student", [
    ("jdoe_01-demo.ipynb", "jdoe"),
    ("Jane Doe - 01-demo.ipynb", "Jane Doe"),
    ("jdoe/01-demo.ipynb", "jdoe"),
    ("course/jdoe/01-demo-Copy1.ipynb", "jdoe"),
    ("01-demo.ipynb", "01-demo.ipynb"),
    ("homework.ipynb", "homework"),
    ("Émile Zoë_01-DEMO.ipynb", "Émile Zoë"),
])
def test_student_name_from_the_file_name(rel, student):
    from seminar.instructor.submissions import student_name

    assert student_name(rel, NAME) == student
