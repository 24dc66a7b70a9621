"""answers -> filled scoring sheet -> gradebook, on the made-up class: the round trip, the weights,
and the Canvas and Moodle files' documented columns."""
import csv
import io

import pytest

from seminar.instructor import gradebook
from tests.assignkit import NAME, cli, make_kit, submissions


def rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    base = tmp_path_factory.mktemp("book")
    root = make_kit(base / "kit")
    folder = base / "in"
    submissions(root, folder)
    assert cli("grade", str(folder), "--root", str(root), "--out", str(base / "core.csv")).returncode == 0
    done = cli("answers", str(folder), "--root", str(root), "--out", str(base / "answers"))
    assert done.returncode == 0, done.stderr
    sheet = base / "answers" / f"{NAME}-scoring-sheet.csv"
    filled = rows(sheet)
    header = list(filled[0])
    levels = [c for c in header if c.startswith("level: ")]
    for row in filled:   # alice: top levels; bob: all 0; others: level 1 (mallory: one left blank)
        for column in levels:
            top = int(column.rsplit("-", 1)[1].rstrip(")"))
            row[column] = {"alice": top, "bob": 0}.get(row["student"], 1)
        if row["student"] == "mallory":
            row[levels[0]] = ""
    with open(sheet, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(filled)
    roster = base / "roster.csv"
    roster.write_text("student,name,email,canvas_id,sis_login_id\nalice,Alice A,a@uni.edu,101,alice1\n",
                      encoding="utf-8")
    out = base / "book"
    done = cli("gradebook", "--core", str(base / "core.csv"), "--sheet", str(sheet), "--roster",
               str(roster), "--out", str(out))
    return base, header, levels, done, out


def test_the_scoring_sheet_has_a_level_column_per_criterion(round_trip):
    _, header, levels, _, _ = round_trip
    assert levels == ["level: argument (0-3)", "level: use of the reading (0-3)",
                      "level: objection considered (0-2)", "level: clarity (0-2)"]
    assert header[:10] == ["exercise", "student", "file", "question", "rubric", "answer", "words",
                           "note", "model_answer", "what_to_look_for"] and header[-1] == "comment"


def test_the_gradebook_merges_core_and_rubric_scores(round_trip):
    base, _, _, done, out = round_trip
    assert done.returncode == 0, done.stderr
    book = {r["student"]: r for r in rows(out / "gradebook.csv")}
    alice, bob = book["alice"], book["bob"]
    assert alice[f"{NAME} q1"] == "1" and alice[f"{NAME} written_Q3"] == "1"
    assert alice[f"{NAME} core %"] == "100" and alice[f"{NAME} written %"] == "100"
    assert alice[f"{NAME} mark"] == "100" and alice["total"] == "100"
    assert bob[f"{NAME} mark"] == "0"
    # judy: core 1 of 3; written level 1 everywhere: (3*1/3 + 2*1/3 + 2*1/2 + 1*1/2) / 8 = 0.396
    judy = book["judy"]
    written = (3 / 3 + 2 / 3 + 2 / 2 + 1 / 2) / 8
    assert float(judy[f"{NAME} mark"]) == pytest.approx(0.4 * 100 / 3 + 0.6 * 100 * written, abs=0.06)
    assert "no level for argument" in book["mallory"]["notes"]
    assert "not graded" in book["carol"]["notes"]


def test_canvas_and_moodle_files_have_the_documented_columns(round_trip):
    _, _, _, _, out = round_trip
    canvas = list(csv.reader(open(out / "gradebook-canvas.csv", encoding="utf-8")))
    assert canvas[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                         f"Between the Words {NAME}", "Between the Words total"]
    assert canvas[1][0] == "Points Possible" and canvas[1][5:] == ["100", "100"]
    alice = next(r for r in canvas if r[0] == "Alice A")
    assert alice[1:4] == ["101", "", "alice1"] and alice[5] == "100"
    moodle = list(csv.reader(open(out / "gradebook-moodle.csv", encoding="utf-8")))
    assert moodle[0] == ["Username", "ID number", "Email address", "Full name",
                         f"Between the Words {NAME}", "Between the Words total"]
    assert ["alice", "", "a@uni.edu", "Alice A"] == next(r for r in moodle if r[0] == "alice")[:4]


def test_weights_change_the_mark_and_bad_weights_are_refused(round_trip, tmp_path):
    base, _, _, _, _ = round_trip
    sheet = base / "answers" / f"{NAME}-scoring-sheet.csv"
    done = cli("gradebook", "--core", str(base / "core.csv"), "--sheet", str(sheet),
               "--weights", "core=100,written=0", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    judy = next(r for r in rows(tmp_path / "gradebook.csv") if r["student"] == "judy")
    assert float(judy[f"{NAME} mark"]) == pytest.approx(100 / 3, abs=0.06)
    for bad in ("core", "core=x", "speed=3", "core=-1"):
        done = cli("gradebook", "--core", str(base / "core.csv"), "--weights", bad, "--out", str(tmp_path / "b"))
        assert done.returncode == 1 and "Traceback" not in done.stderr, bad


def test_a_level_out_of_range_names_the_row(round_trip, tmp_path):
    base, header, levels, _, _ = round_trip
    sheet = tmp_path / "sheet.csv"
    text = (base / "answers" / f"{NAME}-scoring-sheet.csv").read_text(encoding="utf-8")
    filled = list(csv.DictReader(io.StringIO(text)))
    filled[0][levels[0]] = "7"
    with open(sheet, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(filled)
    done = cli("gradebook", "--sheet", str(sheet), "--out", str(tmp_path / "o"))
    assert done.returncode == 1 and "line 2" in done.stderr and "'7' is not a level" in done.stderr


def test_optional_scores_count_only_when_asked(tmp_path):
    core = tmp_path / "core.csv"
    core.write_text("exercise,student,file,q1,optional_q2,score,out_of,error\n"
                    "01-demo,zoe,z.ipynb,1,0,1,1,\n", encoding="utf-8")
    students, _, columns = gradebook.merge([core], [], {}, optional=False)
    assert students["zoe"].parts[("01-demo", "mark")] == 100 and columns["01-demo"] == ["q1"]
    students, _, _ = gradebook.merge([core], [], {}, optional=True)
    assert students["zoe"].parts[("01-demo", "mark")] == pytest.approx(100 * 40 / 50)
