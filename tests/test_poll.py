"""The class poll (lesson 07): records, files that never overwrite, a loader that skips and names
broken files, the duplicate rule, the summaries and the made-up sample class."""
import base64
import json
import math
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from seminar.models import poll  # noqa: E402
from seminar.text import InputError  # noqa: E402

STAMP = "2024-03-04T10:00:00Z"
GOOD = {"love": (4, "He felt it and acted on it."), "joy": (2, "Joy is not the whole story.")}


def record(name="Ada", answers=None, saved_at=STAMP):
    return poll.make_record(name, GOOD if answers is None else answers, saved_at=saved_at)


def write(folder, name, content):
    path = Path(folder) / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def raw_record(**changes):
    """A good record as plain JSON data, with some fields changed."""
    data = json.loads(poll.to_json(record()))
    data.update(changes)
    return data


# ------------------------------------------------------------------ records
def test_a_record_holds_the_answers_in_claim_order_with_labels():
    rec = poll.make_record("  Ada  Lovelace ", {"joy": (2, " Joy\nis not\tenough "),
                                               "love": (5, "Yes.")}, saved_at=STAMP)
    assert rec["schema"] == "seminar.poll" and rec["schema_version"] == 1
    assert rec["poll"] == "07-was-it-real" and rec["saved_at"] == STAMP
    assert rec["student"] == "Ada Lovelace"
    assert [a["claim"] for a in rec["answers"]] == ["love", "joy"]
    assert rec["answers"][0]["label"] == "strongly agree"
    assert rec["answers"][1]["reason"] == "Joy is not enough"  # one line


def test_unanswered_claims_are_left_out():
    rec = record(answers={"love": (4, "Yes."), "someone": (None, ""), "world": (None, "   ")})
    assert [a["claim"] for a in rec["answers"]] == ["love"]


@pytest.mark.parametrize("answers", [{}, {"love": (None, "")},
                                     {c: (None, "") for c in poll.CLAIM_IDS}])
def test_an_empty_poll_is_refused_with_a_clear_message(answers, tmp_path):
    with pytest.raises(poll.EmptyPoll, match="The poll is empty.*Nothing was saved"):
        poll.make_record("Ada", answers)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value, words", [
    (0, "got 0"), (6, "got 6"), (-1, "got -1"), (2.5, "float 2.5"), (math.nan, "float nan"),
    (math.inf, "float inf"), ("4", "str '4'"), (True, "bool True"), ([4], "list"),
])
def test_bad_positions_name_the_claim_and_the_scale(value, words):
    with pytest.raises(InputError) as err:
        record(answers={"someone": (value, "Because.")})
    assert "claim 2 (someone)" in str(err.value) and "whole number from 1 to 5" in str(err.value)
    assert words in str(err.value)


def test_a_whole_float_position_is_accepted():
    assert record(answers={"love": (4.0, "Yes.")})["answers"][0]["position"] == 4


def test_position_and_reason_must_come_together():
    with pytest.raises(InputError, match=r"claim 1 \(love\): give a one-line reason"):
        record(answers={"love": (4, "  ")})
    with pytest.raises(InputError, match=r"claim 3 \(substance\): you wrote a reason but chose no position"):
        record(answers={"substance": (None, "Cells feel.")})


def test_reasons_are_length_limited_with_a_message():
    assert record(answers={"love": (4, "x" * poll.MAX_REASON_CHARS)})
    with pytest.raises(InputError, match=r"reason for claim 1 \(love\) is 281 characters long; the limit is 280"):
        record(answers={"love": (4, "x" * (poll.MAX_REASON_CHARS + 1))})
    with pytest.raises(InputError, match="1,048,576 characters long"):
        record(answers={"love": (4, "x" * 2**20)})


def test_emoji_right_to_left_and_tags_are_kept_as_typed_data():
    text = "אהבה היא אהבה 🙂 <script>alert(1)</script>\x07"
    rec = record(answers={"love": (4, text)})
    assert rec["answers"][0]["reason"] == "אהבה היא אהבה 🙂 <script>alert(1)</script>"  # no BEL


@pytest.mark.parametrize("name, words", [("", "empty"), ("   ", "empty"), (None, "empty"),
                                         ("x" * 61, "limit is 60"), (42, "must be text")])
def test_bad_names_get_a_message(name, words):
    with pytest.raises(InputError, match=words):
        record(name=name)


def test_unknown_claims_and_odd_answers_are_refused():
    with pytest.raises(InputError, match="'body' is not one of the claims"):
        record(answers={"body": (4, "Yes.")})
    with pytest.raises(InputError, match="give \\(position, reason\\)"):
        record(answers={"love": 4})
    with pytest.raises(InputError, match="answers must map"):
        poll.make_record("Ada", [("love", 4, "Yes.")])


def test_saved_at_is_stored_in_utc():
    assert record(saved_at="2024-03-04T11:00:00+01:00")["saved_at"] == STAMP
    assert record(saved_at="2024-03-04T10:00:00")["saved_at"] == STAMP  # naive: taken as UTC
    with pytest.raises(InputError, match="saved_at is not a date"):
        record(saved_at="yesterday")
    assert record(saved_at=None)["saved_at"].endswith("Z")


# ------------------------------------------------------------------ files
def test_save_writes_a_readable_utf8_json_file(tmp_path):
    rec = record(answers={"love": (4, "مرحبا 😀")})
    path = poll.save(rec, tmp_path / "answers")
    assert path == tmp_path / "answers" / "poll-was-it-real-ada.json"
    text = path.read_text(encoding="utf-8")
    assert "مرحبا 😀" in text  # not \u-escaped: a student can read their own file
    assert json.loads(text) == rec
    assert poll.read_file(path) == rec


def test_save_never_overwrites_without_the_flag(tmp_path):
    first = poll.save(record(answers={"love": (1, "No.")}), tmp_path)
    second = poll.save(record(answers={"love": (5, "Yes.")}), tmp_path)
    third = poll.save(record(answers={"love": (3, "Maybe.")}), tmp_path)
    assert [p.name for p in (first, second, third)] == [
        "poll-was-it-real-ada.json", "poll-was-it-real-ada-2.json", "poll-was-it-real-ada-3.json"]
    assert poll.read_file(first)["answers"][0]["position"] == 1  # untouched
    replaced = poll.save(record(answers={"love": (2, "Changed.")}), tmp_path, overwrite=True)
    assert replaced == first and poll.read_file(first)["answers"][0]["position"] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (first, second, third))


def test_save_refuses_a_bad_record_and_writes_nothing(tmp_path):
    bad = json.loads(poll.to_json(record()))
    bad["answers"][0]["position"] = 9
    with pytest.raises(InputError, match="got 9"):
        poll.save(bad, tmp_path)
    with pytest.raises(InputError, match="overwrite must be True or False"):
        poll.save(record(), tmp_path, overwrite="yes")
    assert list(tmp_path.iterdir()) == []
    target = write(tmp_path, "afile", "x")
    with pytest.raises(InputError, match="is a file, not a folder"):
        poll.save(record(), target)


@pytest.mark.parametrize("name, expected", [
    ("Ada Lovelace", "ada-lovelace"), ("Zoë O'Brien", "zoe-o-brien"), ("אהבה", "student"),
    ("😀", "student"), ("../../etc/passwd", "etc-passwd"), ("A" * 100, "a" * 40),
])
def test_file_names_are_safe(name, expected):
    assert poll.slug(name) == expected
    assert poll.file_name(name) == f"poll-was-it-real-{expected}.json"


def test_data_uri_holds_the_file():
    rec = record(answers={"love": (4, "🙂 <b>x</b>")})
    uri = poll.as_data_uri(rec)
    assert uri.startswith("data:application/json;charset=utf-8;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]).decode("utf-8") == poll.to_json(rec)


BAD_FILES = [
    ("empty", b"", "the file is empty"),
    ("latin1", "{\"student\": \"Zo\xeb\"}".encode("latin-1"), "not UTF-8 text"),
    ("cut", poll.to_json(record())[:80], "not valid JSON"),
    ("list", "[1, 2]", "holds a list, not an object"),
    ("noschema", json.dumps({"student": "Ada"}), "not a poll file of this kit"),
    ("newer", json.dumps(raw_record(schema_version=2)), "newer version of the kit"),
    ("version-text", json.dumps(raw_record(schema_version="1")), "schema_version is missing"),
    ("otherpoll", json.dumps(raw_record(poll="06-bodies")), "another poll"),
    ("nostudent", json.dumps(raw_record(student="")), "no student name"),
    ("noanswers", json.dumps(raw_record(answers={})), "no list of answers"),
    ("emptyanswers", json.dumps(raw_record(answers=[])), "no answers (an empty poll)"),
    ("badstamp", json.dumps(raw_record(saved_at="soon")), "saved_at is not a date"),
    ("position7", poll.to_json(record()).replace('"position": 4', '"position": 7'), "got 7"),
    ("positiontext", poll.to_json(record()).replace('"position": 4', '"position": "4"'), "str '4'"),
    ("positionnan", poll.to_json(record()).replace('"position": 4', '"position": NaN'), "float nan"),
    ("positionbool", poll.to_json(record()).replace('"position": 4', '"position": true'), "bool True"),
    ("noposition", poll.to_json(record()).replace('"position": 4', '"position": null'), "has no position"),
    ("twice", json.dumps(raw_record(answers=[{"claim": "love", "position": 4, "reason": "a"}] * 2)),
     "answered twice"),
    ("unknown", json.dumps(raw_record(answers=[{"claim": "body", "position": 4, "reason": "a"}])),
     "not one of the claims"),
    ("answertext", json.dumps(raw_record(answers=["love"])), "answer 1 is text"),
    ("longreason", poll.to_json(record()).replace("He felt it", "x" * 500), "the limit is 280"),
    ("huge", poll.to_json(record()).replace("He felt it", "x" * 1_000_000), "too large (1.0 MB"),
    ("nested", "[" * 30_000 + "]" * 30_000, "not valid JSON"),
]


@pytest.mark.parametrize("name, content, words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_with_the_reason(tmp_path, name, content, words):
    path = write(tmp_path, f"{name}.json", content)
    with pytest.raises(poll.PollFileError) as err:
        poll.read_file(path)
    assert words in str(err.value)
    assert len(str(err.value)) < 400  # a megabyte of text never reaches the message


# ------------------------------------------------------------------ the class
def test_the_sample_class_loads_and_names_its_broken_files():
    result = poll.load_class(poll.SAMPLE_DIR)
    assert result.files_read == 27 and result.students == 24
    assert list(result.skipped["file"]) == ["poll-was-it-real-student-25.json",
                                            "poll-was-it-real-student-26.json"]
    assert "not valid JSON" in result.skipped["problem"].iloc[0]
    assert "got 7" in result.skipped["problem"].iloc[1]
    assert result.superseded.to_dict("records") == [{
        "file": "poll-was-it-real-student-05.json", "student": "Student 05",
        "kept": "poll-was-it-real-student-05-2.json"}]
    assert result.ignored == ["README.txt"]
    assert set(result.table["student"]) == {f"Student {n:02d}" for n in range(1, 25)}
    assert list(result.table.columns) == poll.TABLE_COLUMNS
    report = result.report()
    for words in ("24 students loaded", "Skipped 2 files", "student-25.json: not valid JSON",
                  "student-26.json", "student-05.json (Student 05): kept", "README.txt"):
        assert words in report


def test_sample_summary_matches_the_files_read_independently():
    """Means and counts recomputed from the JSON with the json module alone (no loader)."""
    by_student = {}
    for path in sorted(poll.SAMPLE_DIR.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        if any(not 1 <= a["position"] <= 5 for a in data["answers"]):
            continue
        old = by_student.get(data["student"])
        if old is None or data["saved_at"] >= old["saved_at"]:
            by_student[data["student"]] = data
    assert len(by_student) == 24
    stats = poll.summary(poll.load_class(poll.SAMPLE_DIR).table)
    for claim in poll.CLAIM_IDS:
        values = [a["position"] for d in by_student.values() for a in d["answers"] if a["claim"] == claim]
        assert stats.loc[claim, "answers"] == len(values)
        assert stats.loc[claim, "mean"] == pytest.approx(sum(values) / len(values))
        assert stats.loc[claim, "agree"] == sum(v >= 4 for v in values)
        assert stats.loc[claim, "disagree"] == sum(v <= 2 for v in values)
        assert stats.loc[claim, "std"] == pytest.approx(pd.Series(values).std())


def test_the_exercise_checks_hold_the_sample_numbers():
    from seminar.classroom.exercise_checks import e07_was_it_real as e07

    stats = poll.summary(poll.load_class(poll.SAMPLE_DIR).table)
    assert e07.MEANS == pytest.approx(stats["mean"].round(3).to_dict(), abs=0.001)


def test_a_corrupt_file_is_skipped_and_the_rest_load(tmp_path):
    poll.save(record("Ada"), tmp_path)
    poll.save(record("Bea"), tmp_path)
    write(tmp_path, "broken.json", '{"schema": "seminar.poll", ')
    write(tmp_path, "notes.txt", "not a poll")
    (tmp_path / "sub").mkdir()
    poll.save(record("Cy"), tmp_path / "sub")  # sub-folders are not read
    result = poll.load_class(tmp_path)
    assert result.students == 2 and list(result.skipped["file"]) == ["broken.json"]
    assert sorted(result.ignored) == ["notes.txt", "sub"]
    assert len(result.table) == 4


def test_duplicate_students_keep_the_latest_save(tmp_path):
    poll.save(record("Ada", {"love": (1, "No.")}, saved_at="2024-03-04T10:00:00Z"), tmp_path)
    poll.save(record(" ada ", {"love": (5, "Yes.")}, saved_at="2024-03-04T12:00:00Z"), tmp_path)
    poll.save(record("ADA", {"love": (3, "Hm.")}, saved_at="2024-03-04T11:00:00Z"), tmp_path)
    result = poll.load_class(tmp_path)
    assert result.students == 1
    assert result.table["position"].tolist() == [5]
    assert len(result.superseded) == 2 and set(result.superseded["kept"]) == {"poll-was-it-real-ada-2.json"}


def test_duplicate_tie_keeps_the_higher_numbered_copy(tmp_path):
    for n in range(1, 12):  # the same saved_at: ada.json, ada-2.json, ..., ada-11.json
        poll.save(record("Ada", {"love": (1 + n % 5, "Hm.")}), tmp_path)
    result = poll.load_class(tmp_path)
    assert result.table["file"].tolist() == ["poll-was-it-real-ada-11.json"]
    assert len(result.superseded) == 10
    names = ["poll-was-it-real-ada-11.json", "poll-was-it-real-ada.json", "poll-was-it-real-ada-2.json",
             "poll-was-it-real-student-05-2.json", "poll-was-it-real-student-05.json"]
    assert sorted(names, key=poll.natural_key) == [names[1], names[2], names[0], names[4], names[3]]


def test_an_empty_folder_gives_an_empty_table_that_summarises(tmp_path):
    result = poll.load_class(tmp_path)
    assert result.students == 0 and result.table.empty and result.files_read == 0
    stats = poll.summary(result.table)
    assert stats["answers"].tolist() == [0] * 5 and stats["mean"].isna().all()
    assert poll.describe_spread(result.table) == "The plot is empty: no answers were loaded."
    ax = poll.plot_spread(result.table)
    assert any("no answers" in t.get_text() for t in ax.texts)
    plt.close("all")
    assert "No file was skipped" in result.report()


@pytest.mark.parametrize("folder, words", [
    ("no/such/folder", "There is no folder"), ("", "folder name is empty"),
    ("x" * 5000, "the limit is 1,000"), (123, "must be text"),
])
def test_bad_folders_get_a_message(folder, words):
    with pytest.raises(InputError, match=words):
        poll.load_class(folder)


def test_a_file_is_not_a_folder(tmp_path):
    target = poll.save(record(), tmp_path)
    with pytest.raises(InputError, match="is a file, not a folder"):
        poll.load_class(target)


def test_too_many_files_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(poll, "MAX_FILES", 2)
    for name in ("A", "B", "C"):
        poll.save(record(name), tmp_path)
    with pytest.raises(InputError, match="holds 3 .json files; a class is at most 2"):
        poll.load_class(tmp_path)


def test_wide_table_and_reasons():
    result = poll.load_class(poll.SAMPLE_DIR)
    wide = result.wide()
    assert wide.shape == (24, 5) and list(wide.columns) == list(poll.CLAIM_IDS)
    assert wide.notna().sum().tolist() == poll.summary(result.table)["answers"].tolist()
    picked = poll.reasons(result.table, "someone")
    assert picked["position"].is_monotonic_increasing
    assert any("<script>" in r for r in picked["reason"])  # kept as data; views escape it
    with pytest.raises(InputError, match="not one of the claims"):
        poll.reasons(result.table, "nope")


def test_counts_add_up_and_describe_names_every_claim():
    table = poll.load_class(poll.SAMPLE_DIR).table
    grid = poll.counts(table)
    assert grid.shape == (5, 5) and int(grid.to_numpy().sum()) == len(table)
    text = poll.describe_spread(table)
    stats = poll.summary(table)
    for claim in poll.CLAIMS:
        row = stats.loc[claim.id]
        assert f"Claim {claim.short}: {row['agree']} of {row['answers']} agree" in text
    assert "Most divided" in text
    with pytest.raises(InputError, match="poll table"):
        poll.summary(pd.DataFrame({"x": [1]}))


def test_the_plot_uses_the_colour_blind_safe_palette_and_hatches():
    fig, ax = plt.subplots()
    poll.plot_spread(poll.load_class(poll.SAMPLE_DIR).table, ax)
    bars = ax.patches
    assert len(bars) == 25
    colours = {matplotlib.colors.to_hex(b.get_facecolor()).upper() for b in bars}
    assert colours == {s["color"].upper() for s in poll.SPREAD_STYLE.values()}
    assert {b.get_hatch() or "" for b in bars} == {s["hatch"] for s in poll.SPREAD_STYLE.values()}
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "1 strongly disagree"
    assert [t.get_text() for t in ax.get_yticklabels()][0] == poll.CLAIMS[0].short
    plt.close(fig)


# ------------------------------------------------------------------ the sample class
def test_the_shipped_sample_is_the_generators_output_byte_for_byte():
    files = poll.sample_files()
    shipped = {p.name: p.read_text(encoding="utf-8") for p in poll.SAMPLE_DIR.iterdir()}
    assert shipped == files


def test_the_sample_is_labelled_made_up_and_deterministic(tmp_path):
    readme = (poll.SAMPLE_DIR / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("THIS CLASS IS MADE UP.")
    assert poll.sample_files(seed=2013) == poll.sample_files(seed=2013)
    assert poll.sample_files(seed=1) != poll.sample_files(seed=2013)
    written = poll.make_sample_class(tmp_path, seed=7, students=6)
    assert len(written) == 1 + 6 + 1 + 2
    result = poll.load_class(tmp_path)
    assert result.students == 6 and len(result.skipped) == 2


def test_make_sample_class_never_overwrites_without_the_flag(tmp_path):
    poll.make_sample_class(tmp_path, students=5)
    mine = write(tmp_path, "mine.json", "{}")
    (tmp_path / "README.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(InputError, match="already holds"):
        poll.make_sample_class(tmp_path, students=5)
    assert (tmp_path / "README.txt").read_text(encoding="utf-8") == "my notes"
    poll.make_sample_class(tmp_path, students=5, overwrite=True)
    assert mine.read_text() == "{}"  # never deletes other files
    with pytest.raises(InputError, match="students must be"):
        poll.sample_files(students=500)


# ------------------------------------------------------------------ command line
def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "seminar", "poll", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd)


def test_cli_summary_and_errors(tmp_path):
    done = cli("summary", poll.SAMPLE_DIR, "--csv", tmp_path / "class.csv")
    assert done.returncode == 0, done.stderr
    assert "24 students loaded" in done.stdout and "Skipped 2 files" in done.stdout
    assert len(pd.read_csv(tmp_path / "class.csv")) == len(poll.load_class(poll.SAMPLE_DIR).table)
    again = cli("summary", poll.SAMPLE_DIR, "--csv", tmp_path / "class.csv")
    assert again.returncode == 1 and "exists already" in again.stderr
    missing = cli("summary", tmp_path / "nowhere")
    assert missing.returncode == 1 and "There is no folder" in missing.stderr
    assert "Traceback" not in missing.stderr + again.stderr
    made = cli("sample", tmp_path / "sample")
    assert made.returncode == 0 and (tmp_path / "sample" / "README.txt").exists()
    assert cli("sample", tmp_path / "sample").returncode == 1


# ------------------------------------------------------------------ exercise 07's checks
def test_exercise_checks_accept_right_answers_in_several_shapes_and_refuse_wrong_ones():
    from seminar.classroom.exercise_checks import e07_was_it_real as e07

    table = poll.load_class(poll.SAMPLE_DIR).table
    means = table.groupby("claim", observed=True)["position"].mean()
    assert e07.CHECKS["q11"](means) == (True, "")
    assert e07.CHECKS["q11"](means.to_dict())[0]
    assert e07.CHECKS["q11"](means.to_frame())[0]
    by_label = {poll.get_claim(c).short: v for c, v in means.items()}
    assert e07.CHECKS["q11"](by_label)[0]
    ok, hint = e07.CHECKS["q11"](table.groupby("student")["position"].mean())
    assert not ok and "is not a claim id" in hint
    ok, hint = e07.CHECKS["q11"](means.drop("joy"))
    assert not ok and "no mean for joy" in hint
    ok, hint = e07.CHECKS["q11"](means.fillna(0) + 0.5)
    assert not ok and "is off" in hint and "3.7" not in hint
    everyone = table.pivot(index="student", columns="claim", values="position").fillna(0).mean()
    assert not e07.CHECKS["q11"](everyone)[0]  # a left-out claim counted as 0
    assert not e07.CHECKS["q11"]("3.77")[0]
    assert not e07.CHECKS["q11"](means.to_frame().assign(x=1))[0]
    spread = table.groupby("claim", observed=True)["position"].std()
    assert e07.CHECKS["q2"](str(spread.idxmax())) == (True, "")
    assert e07.CHECKS["q2"](poll.get_claim(str(spread.idxmax())).short)[0]
    assert not e07.CHECKS["q2"](str(spread.idxmin()))[0]
    assert "give the claim's id" in e07.CHECKS["q2"](3)[1]
    assert e07.CHECKS["q1"](2)[0] and not e07.CHECKS["q1"](3)[0]
    # the core's multiple choice on lesson 07's corrections, each wrong letter says why
    assert e07.CHECKS["q4"]("B")[0] and "identity theorist" in e07.CHECKS["q4"]("A")[1]
    assert e07.CHECKS["q5"]("a")[0] and "Schechtman" in e07.CHECKS["q5"]("C")[1]
    assert e07.CHECKS["q6"]("B")[0] and "always already" in e07.CHECKS["q6"]("A")[1]
    assert e07.OPTIONAL == {"q11", "q12"}


def test_exercise_plot_check():
    from seminar.classroom.exercise_checks import e07_was_it_real as e07

    means = poll.load_class(poll.SAMPLE_DIR).table.groupby("claim", observed=True)["position"].mean()
    fig, ax = plt.subplots()
    means.plot.barh(ax=ax)
    assert "label both axes" in e07.CHECKS["q12"](ax)[1]
    ax.set_xlabel("mean position")
    ax.set_ylabel("claim")
    assert e07.CHECKS["q12"](ax) == (True, "")
    fig2, empty = plt.subplots()
    assert "one bar (or point) per claim" in e07.CHECKS["q12"](empty)[1]
    assert "matplotlib Axes" in e07.CHECKS["q12"](fig)[1]
    plt.close("all")


def test_the_counts_in_the_bars_are_readable_on_solid_labels():
    fig, ax = plt.subplots()
    poll.plot_spread(poll.load_class(poll.SAMPLE_DIR).table, ax)
    counts = [t for t in ax.texts if t.get_text().isdigit()]
    assert counts, "no counts drawn in the bars"
    for t in counts:
        assert t.get_fontsize() >= 10 and matplotlib.colors.to_hex(t.get_color()) == "#000000"
        assert matplotlib.colors.to_hex(t.get_bbox_patch().get_facecolor()) == "#ffffff"
    plt.close(fig)


def test_readable_writes_the_save_time_out_and_keeps_the_data():
    table = poll.load_class(poll.SAMPLE_DIR).table
    shown = poll.readable(table.head(2))
    assert "saved_at" not in shown.columns and shown["saved at"].iloc[0] == "4 March 2024, 09:04 UTC"
    assert str(table["saved_at"].dtype).startswith("datetime64")   # the data keeps its type
    with pytest.raises(InputError):
        poll.readable("a table")
