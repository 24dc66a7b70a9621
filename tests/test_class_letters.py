"""The 641 letters (lessons 01 and 04): records, files that never overwrite, a loader that skips
and names broken files, shared and personal runs, and the made-up sample class."""
import json
from pathlib import Path

import pytest

from seminar.models import class_letters as cl
from seminar.text import InputError

STAMP = "2024-02-12T10:00:00Z"
NUGGETS = {"name": "Ada", "memory": "the night of the storm", "place": "the old pier",
           "detail": "the way you whistle off-key", "hope": "the spring comes early"}


def record(name="Ada", nuggets=None, saved_at=STAMP):
    return cl.make_record(name, NUGGETS if nuggets is None else nuggets, saved_at=saved_at)


def write(folder, name, content):
    path = Path(folder) / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# ------------------------------------------------------------------ the letter
def test_the_letter_holds_every_nugget_word_for_word_and_is_signed_s():
    rec = record()
    for text in NUGGETS.values():
        assert text in rec["letter"]
    assert rec["letter"].rstrip().endswith("S.")
    assert rec["nuggets"] == NUGGETS and rec["student"] == "Ada" and rec["saved_at"] == STAMP


def test_the_same_student_always_gets_the_same_letter_and_others_get_other_stock():
    assert record()["letter"] == record()["letter"]
    texts = {cl.make_record(n, dict(NUGGETS, name="X"), saved_at=STAMP)["letter"]
             for n in ("Ada", "Bo", "Camille", "Dev", "Elif", "Femi")}
    assert len(texts) > 1  # same nuggets, different students: the stock phrases vary


def test_marked_runs_rebuild_the_letter_and_personal_runs_are_the_nuggets():
    letter = cl.letter_of(record())
    runs = cl.marked(letter)
    assert "".join(t for t, _ in runs) == letter.text
    assert {k for _, k in runs} == {"personal", "shared"}
    assert sorted(t for t, k in runs if k == "personal") == sorted(NUGGETS.values())
    assert all(a[1] != b[1] for a, b in zip(runs, runs[1:]))  # neighbours merged


@pytest.mark.parametrize("nuggets, words", [
    ({k: v for k, v in NUGGETS.items() if k != "hope"}, "hope is empty"),
    (dict(NUGGETS, place="   "), "place is empty"),
    (dict(NUGGETS, colour="blue"), "Unknown nugget 'colour'"),
    (dict(NUGGETS, memory="x" * 201), "the limit is 200"),
    (dict(NUGGETS, memory=42), "must be text"),
    ("name: Ada", "must be a dict"),
])
def test_bad_nuggets_get_a_clear_message(nuggets, words):
    with pytest.raises(InputError, match=words):
        record(nuggets=nuggets)


@pytest.mark.parametrize("name", ["", "   ", None, "x" * 61, 7])
def test_a_bad_name_is_refused(name):
    with pytest.raises(InputError):
        record(name=name)


def test_unusual_text_is_kept_on_one_line():
    rec = record(nuggets=dict(NUGGETS, memory="the <b>night</b>\n\U0001F319 \u0644\u064a\u0644\u0649"))
    assert rec["nuggets"]["memory"] == "the <b>night</b> \U0001F319 \u0644\u064a\u0644\u0649"


# ------------------------------------------------------------------ saving
def test_saving_never_overwrites(tmp_path):
    first = cl.save(record(), tmp_path / "my-letter")
    second = cl.save(record(), tmp_path / "my-letter")
    assert first.name == "letter-ada.json" and second.name == "letter-ada-2.json"
    assert json.loads(first.read_text(encoding="utf-8"))["letter"] == record()["letter"]
    replaced = cl.save(record(nuggets=dict(NUGGETS, hope="rain")), tmp_path / "my-letter",
                       overwrite=True)
    assert replaced == first and "rain" in first.read_text(encoding="utf-8")


def test_saving_into_a_file_is_refused(tmp_path):
    write(tmp_path, "f", "x")
    with pytest.raises(InputError, match="is a file"):
        cl.save(record(), tmp_path / "f")


def test_a_saved_file_reads_back_and_the_data_uri_holds_it(tmp_path):
    path = cl.save(record(), tmp_path)
    assert cl.read_file(path) == record()
    assert cl.as_data_uri(record()).startswith("data:application/json;charset=utf-8;base64,")


# ------------------------------------------------------------------ a folder of files
def test_a_folder_loads_good_files_and_skips_bad_ones_with_reasons(tmp_path):
    cl.save(record("Ada"), tmp_path)
    cl.save(record("Bo", dict(NUGGETS, name="Bo")), tmp_path)
    good = json.loads(cl.to_json(record("Cy")))
    write(tmp_path, "cut.json", cl.to_json(record("Dee"))[:100])
    write(tmp_path, "edited.json", json.dumps(dict(good, letter=good["letter"] + " PS.")))
    write(tmp_path, "empty.json", "")
    write(tmp_path, "latin1.json", "caf\xe9".encode("latin-1"))
    write(tmp_path, "poll.json", json.dumps({"schema": "seminar.poll"}))
    write(tmp_path, "list.json", "[1, 2]")
    write(tmp_path, "newer.json", json.dumps(dict(good, schema_version=9)))
    write(tmp_path, "big.json", "x" * (cl.MAX_FILE_BYTES + 1))
    write(tmp_path, "notes.txt", "not a letter")
    result = cl.load_class(tmp_path)
    assert result.students == ["Ada", "Bo"]
    problems = dict(result.skipped.itertuples(index=False))
    assert "not valid JSON" in problems["cut.json"]
    assert "edited by hand" in problems["edited.json"]
    assert "empty" in problems["empty.json"]
    assert "not UTF-8" in problems["latin1.json"]
    assert "not a letter file" in problems["poll.json"]
    assert "not an object" in problems["list.json"]
    assert "newer version" in problems["newer.json"]
    assert "too large" in problems["big.json"]
    assert result.ignored == ["notes.txt"]
    text = result.report()
    assert "2 students' letters loaded" in text and "cut.json" in text


def test_a_student_who_saved_twice_counts_once_with_the_latest_kept(tmp_path):
    cl.save(record(saved_at="2024-02-12T10:00:00Z"), tmp_path)
    cl.save(record(nuggets=dict(NUGGETS, hope="snow"), saved_at="2024-02-12T11:00:00Z"), tmp_path)
    result = cl.load_class(tmp_path)
    assert result.students == ["Ada"] and "snow" in result.letters["Ada"].text
    assert list(result.superseded["file"]) == ["letter-ada.json"]


@pytest.mark.parametrize("folder", ["", "no-such-folder", 5])
def test_a_bad_folder_gets_a_clear_message(folder, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError):
        cl.load_class(folder)


def test_an_empty_folder_loads_no_letters(tmp_path):
    result = cl.load_class(tmp_path)
    assert result.students == [] and cl.describe_class(result) == "No letters were loaded."


# ------------------------------------------------------------------ the sample class
def test_the_sample_class_loads_24_letters_and_skips_its_three_broken_files():
    result = cl.load_class(cl.SAMPLE_DIR)
    assert len(result.letters) == cl.SAMPLE_STUDENTS
    assert sorted(result.skipped["file"]) == ["letter-cut-short.json", "letter-edited.json",
                                              "letter-empty-hope.json"]
    assert list(result.superseded["student"]) == ["Bo"]
    table = cl.class_table(result)
    assert (table["personal_words"] + table["shared_words"] == table["words"]).all()
    assert (table["shared_words"] > 0).all() and (table["personal_words"] > 0).all()
    assert "24 letters" in cl.describe_class(result)


def test_the_shipped_sample_is_what_the_generator_makes():
    files = cl.sample_files()
    shipped = {p.name: p.read_text(encoding="utf-8") for p in cl.SAMPLE_DIR.iterdir()}
    assert shipped == files


def test_the_sample_generator_refuses_to_overwrite(tmp_path):
    cl.make_sample_class(tmp_path)
    with pytest.raises(InputError, match="already holds"):
        cl.make_sample_class(tmp_path)
    assert len(cl.make_sample_class(tmp_path, overwrite=True)) == len(cl.sample_files())


@pytest.mark.parametrize("kwargs", [{"seed": "x"}, {"students": 2}, {"students": True}])
def test_bad_sample_arguments_are_refused(kwargs):
    with pytest.raises(InputError):
        cl.sample_files(**kwargs)
