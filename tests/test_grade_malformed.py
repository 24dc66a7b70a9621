"""Malformed notebooks never stop ``grade`` or ``answers`` for the class: each becomes its
student's row with a plain reason; and two files from one student are flagged."""
import csv
import json
from types import SimpleNamespace

import nbformat
import pytest

from seminar.instructor import intake
from seminar.instructor import submissions as subs
from tests.assignkit import NAME, cli, make_kit, solved


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def solved_json(root, change):
    data = json.loads(nbformat.writes(solved(root)))
    change(data)
    return json.dumps(data)


def cell(data, cell_id):
    return next(c for c in data["cells"] if c.get("id") == cell_id)


#: student -> what the file holds (a function of the kit root giving its text).
MALFORMED = {
    "metalist": lambda root: '{"nbformat": 4, "nbformat_minor": 5, "metadata": [], "cells": []}',
    "cellint": lambda root: '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [1, "x"]}',
    "idlist": lambda root: solved_json(root, lambda d: cell(d, "cell-03").update(id=["cell-03"])),
    "iddict": lambda root: solved_json(root, lambda d: cell(d, "cell-08").update(id={"a": 1})),
    "srcint": lambda root: solved_json(root, lambda d: cell(d, "cell-03").update(source=42)),
    "srcmixed": lambda root: solved_json(root, lambda d: cell(d, "cell-08").update(source=["a", 3])),
    "cellmeta": lambda root: solved_json(root, lambda d: cell(d, "cell-03").update(metadata=[1])),
    "nbmeta": lambda root: solved_json(root, lambda d: d.update(metadata="x")),
    "marker": lambda root: solved_json(root, lambda d: d["metadata"].update(seminar=["x"])),
    "outputs": lambda root: solved_json(root, lambda d: cell(d, "cell-03").update(outputs={"x": 1})),
    "typelist": lambda root: solved_json(root, lambda d: cell(d, "cell-03").update(cell_type=["code"])),
}


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    base = tmp_path_factory.mktemp("malformed")
    root = make_kit(base / "kit")
    folder = base / "handed-in"
    folder.mkdir()
    nbformat.write(solved(root), str(folder / f"alice_{NAME}.ipynb"))
    nbformat.write(solved(root), str(folder / f"alice_{NAME}-Copy1.ipynb"))
    nbformat.write(solved(root), str(folder / f"zed_{NAME}.ipynb"))   # sorted last: still graded
    for student, make in MALFORMED.items():
        (folder / f"{student}_{NAME}.ipynb").write_text(make(root), encoding="utf-8")
    graded = cli("grade", str(folder), "--root", str(root), "--exercise", NAME,
                 "--out", str(base / "g" / "book.csv"))
    gathered = cli("answers", str(folder), "--root", str(root), "--exercise", NAME,
                   "--out", str(base / "a"))
    rows = read_csv(base / "g" / "book.csv") if graded.returncode == 0 else []
    sheet = read_csv(base / "a" / f"{NAME}-answers-Q3.csv") if gathered.returncode == 0 else []
    return SimpleNamespace(root=root, folder=folder, base=base, graded=graded, gathered=gathered,
                           rows=rows, book={r["student"]: r for r in rows if r["student"] != "alice"},
                           sheet={r["student"]: r for r in sheet if r["student"] != "alice"})


def test_grade_finishes_with_a_row_for_every_file(klass):
    assert klass.graded.returncode == 0, klass.graded.stderr
    assert "Traceback" not in klass.graded.stderr + klass.graded.stdout
    assert set(klass.book) == set(MALFORMED) | {"zed"}
    assert klass.book["zed"]["score"] == "3"


def test_answers_finishes_with_a_row_for_every_file(klass):
    assert klass.gathered.returncode == 0, klass.gathered.stderr
    assert "Traceback" not in klass.gathered.stderr + klass.gathered.stdout
    assert set(klass.sheet) == set(MALFORMED) | {"zed"}


@pytest.mark.parametrize("student, words", [
    ("cellint", "cell 1 is not a cell"), ("srcint", "cell 4 has no text"),
    ("srcmixed", "has no text (its source"), ("typelist", "cell 4 has no type"),
])
def test_a_broken_cell_is_named_in_plain_words(klass, student, words):
    assert words in klass.book[student]["error"] and "not graded" in klass.book[student]["error"]
    assert "Error" not in klass.book[student]["error"]        # no exception names
    assert words in klass.sheet[student]["note"]


@pytest.mark.parametrize("student", ["idlist", "iddict", "cellmeta", "nbmeta", "marker", "outputs"])
def test_odd_metadata_and_ids_are_tidied_and_graded(klass, student):
    row = klass.book[student]
    assert row["score"] == "3", row
    assert klass.sheet[student]["answer"] == "Because Theodore writes other people's letters."


def test_an_empty_notebook_scores_zero(klass):
    row = klass.book["metalist"]
    assert row["score"] == "0" and "deleted or replaced cells" in row["error"]


def test_two_files_from_one_student_are_both_flagged(klass):
    alice = [r for r in klass.rows if r["student"] == "alice"]
    assert len(alice) == 2 and all("more than one file" in r["error"] for r in alice), alice
    assert all(r["score"] == "3" for r in alice)
    assert "more than one file" not in klass.book["zed"]["error"]
    handins = subs.Handins(intake.entries(klass.folder), NAME, [NAME])
    assert handins.twice == {"alice"}


def test_an_unexpected_error_in_one_file_becomes_its_row(klass, tmp_path, monkeypatch):
    real_read, real_match = intake.read_notebook, subs.match_cells

    def read(data):
        if b"BOOM-READ" in data:
            raise RuntimeError("the reader broke")
        return real_read(data)

    def match(ref, nb):
        if any("BOOM-MATCH" in c.source for c in nb.cells):
            raise RuntimeError("matching broke")
        return real_match(ref, nb)

    monkeypatch.setattr(intake, "read_notebook", read)
    monkeypatch.setattr(subs, "match_cells", match)
    folder = tmp_path / "in"
    folder.mkdir()
    for student, word in (("aa", "BOOM-READ"), ("bb", "BOOM-MATCH"), ("cc", "fine")):
        nb = solved(klass.root)
        nb.cells.append(nbformat.v4.new_markdown_cell(word))
        nbformat.write(nb, str(folder / f"{student}_{NAME}.ipynb"))
    graded = cli("grade", str(folder), "--root", str(klass.root), "--exercise", NAME,
                 "--out", str(tmp_path / "book.csv"))
    assert graded.returncode == 0, graded.stderr
    rows = {r["student"]: r for r in read_csv(tmp_path / "book.csv")}
    assert set(rows) == {"aa", "bb", "cc"} and rows["cc"]["score"] == "3"
    assert "could not be read" in rows["aa"]["error"] and "the reader broke" in rows["aa"]["error"]
    assert "not graded" in rows["aa"]["error"] and rows["aa"]["score"] == ""
    assert "could not be graded" in rows["bb"]["error"]
    gathered = cli("answers", str(folder), "--root", str(klass.root), "--exercise", NAME,
                   "--out", str(tmp_path / "a"))
    assert gathered.returncode == 0, gathered.stderr
    sheet = {r["student"]: r for r in read_csv(tmp_path / "a" / f"{NAME}-answers-Q3.csv")}
    assert set(sheet) == {"aa", "bb", "cc"} and sheet["cc"]["answer"]
    assert "could not be read" in sheet["aa"]["note"] and "the reader broke" in sheet["aa"]["note"]
    assert "could not be read" in sheet["bb"]["note"]
