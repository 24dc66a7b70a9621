"""The scene log (seminar.models.scenelog): records, saving, loading, the sample class,
and that it shares the poll's file rules through seminar.models.handins."""
import json

import pytest

from seminar.models import handins, poll, scenelog as s
from seminar.text import InputError

ENTRY = {"scene": "The subway crowd", "seen": "People looking at phones",
         "heard": "Voices we never hear answered", "suggests": "Together and alone"}


def test_make_record_keeps_full_entries_and_drops_blank_ones():
    record = s.make_record(" Ada  Lovelace ", [ENTRY, {k: "" for k in s.FIELDS}],
                           saved_at="2024-03-11T09:00:00Z")
    assert record["student"] == "Ada Lovelace"
    assert record["entries"] == [ENTRY]
    assert record["saved_at"] == "2024-03-11T09:00:00Z"


@pytest.mark.parametrize("entries, words", [
    ([], "The log is empty"),
    ([{k: " " for k in s.FIELDS}], "The log is empty"),
    ([{**ENTRY, "heard": ""}], "entry 1: what is heard is blank"),
    ([{**ENTRY, "colour": "red"}], "not a field"),
    ([{**ENTRY, "seen": "x" * 281}], "the limit is 280"),
    (["just text"], "give a dict"),
    ("not a list", "must be a list"),
    ([ENTRY] * 13, "at most 12 entries"),
])
def test_bad_logs_get_a_plain_message(entries, words):
    with pytest.raises(InputError, match=words):
        s.make_record("Ada", entries)


def test_empty_name_is_refused():
    with pytest.raises(InputError, match="name"):
        s.make_record("  ", [ENTRY])


def test_unusual_text_is_kept_as_typed():
    text = "קול בלי גוף \U0001F4F1 <script>alert(1)</script>"
    record = s.make_record("Ada", [{**ENTRY, "suggests": text}])
    assert record["entries"][0]["suggests"] == text


def test_saving_never_overwrites_and_round_trips(tmp_path):
    record = s.make_record("Ada", [ENTRY], saved_at="2024-03-11T09:00:00Z")
    first = s.save(record, tmp_path)
    second = s.save(record, tmp_path)
    assert first.name == "scenelog-voice-and-screen-ada.json"
    assert second.name == "scenelog-voice-and-screen-ada-2.json"
    assert s.read_file(first) == record
    assert s.save(record, tmp_path, overwrite=True) == first


def test_a_poll_file_is_not_a_scene_log_and_the_reverse(tmp_path):
    p = poll.save(poll.make_record("Ada", {"love": (4, "yes")}), tmp_path)
    with pytest.raises(s.LogFileError, match="not a scene-log file"):
        s.read_file(p)
    q = s.save(s.make_record("Ada", [ENTRY]), tmp_path / "logs")
    with pytest.raises(poll.PollFileError, match="not a poll file"):
        poll.read_file(q)


def test_the_poll_and_the_log_share_the_save_and_load_rules():
    import inspect
    assert "handins.save_new" in inspect.getsource(poll.save)
    assert "handins.save_new" in inspect.getsource(s.save)
    assert "handins.latest_per_student" in inspect.getsource(s.load_class)
    assert "handins.latest_per_student" in inspect.getsource(poll.load_class)


def test_load_class_skips_bad_files_and_keeps_the_latest(tmp_path):
    s.save(s.make_record("Ada", [ENTRY], saved_at="2024-03-11T09:00:00Z"), tmp_path)
    s.save(s.make_record("ada", [ENTRY, ENTRY], saved_at="2024-03-11T10:00:00Z"), tmp_path)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "big.json").write_bytes(b" " * (s.MAX_FILE_BYTES + 1))
    (tmp_path / "notes.txt").write_text("hi", encoding="utf-8")
    result = s.load_class(tmp_path)
    assert result.students == 1 and len(result.table) == 2
    assert set(result.skipped["file"]) == {"broken.json", "big.json"}
    assert list(result.superseded["file"]) == ["scenelog-voice-and-screen-ada.json"]
    assert result.ignored == ["notes.txt"]
    assert "Skipped 2 files" in result.report()


def test_load_class_of_a_missing_folder_is_a_message(tmp_path):
    with pytest.raises(InputError, match="There is no folder"):
        s.load_class(tmp_path / "nowhere")


def test_mentions_matches_words_case_blind_and_checks_input():
    table = s.load_class(s.SAMPLE_DIR).table
    voices = s.mentions(table, "VOICE", "heard")
    assert len(voices) == sum("voice" in h.casefold() for h in table["heard"])
    assert len(s.mentions(table, "voice")) >= len(voices)
    for bad in ("", "   ", None, 3):
        with pytest.raises(InputError):
            s.mentions(table, bad)
    with pytest.raises(InputError, match="not a field"):
        s.mentions(table, "voice", "colour")


def test_the_shipped_sample_class_is_what_the_generator_makes():
    files = s.sample_files()
    on_disk = {p.name for p in s.SAMPLE_DIR.iterdir()}
    assert on_disk == set(files)
    for name, text in files.items():
        assert (s.SAMPLE_DIR / name).read_text(encoding="utf-8") == text, name


def test_the_sample_class_numbers_the_exercise_checks_use():
    from seminar.classroom.exercise_checks import e10_voice_and_screen as checks
    result = s.load_class(s.SAMPLE_DIR)
    # recomputed from the JSON files with the json module alone
    good = {}
    for p in sorted(s.SAMPLE_DIR.glob("*.json")):
        try:
            obj = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        if any(not e[k].strip() for e in obj["entries"] for k in s.FIELDS):
            continue
        if obj["student"] not in good or obj["saved_at"] > good[obj["student"]]["saved_at"]:
            good[obj["student"]] = obj
    entries = [e for obj in good.values() for e in obj["entries"]]
    assert len(result.skipped) == checks.SKIPPED == 2
    assert len(entries) == len(result.table) == checks.ENTRIES
    assert sum("voice" in e["heard"].casefold() for e in entries) == checks.VOICE_HEARD


def test_sample_scenes_come_from_the_essays():
    # every scene the made-up class logs is one an essay describes (see the module's _SCENES)
    scenes = {row["scene"] for row in s.load_class(s.SAMPLE_DIR).table.to_dict("records")}
    assert scenes <= {sc[0] for sc in s._SCENES}


def test_handins_helpers_keep_the_polls_rules():
    assert handins.slug("Zoë O'Brien") == "zoe-o-brien"
    assert sorted(["a-11.json", "a.json", "a-2.json"], key=handins.natural_key) == \
        ["a.json", "a-2.json", "a-11.json"]


def test_the_load_report_names_skipped_superseded_and_ignored_files_in_plain_sentences():
    import pandas as pd

    from seminar.models import handins

    skipped = pd.DataFrame([("a.json", "not valid JSON")], columns=["file", "problem"])
    superseded = pd.DataFrame([("b.json", "Bo", "b-2.json")], columns=["file", "student", "kept"])
    text = handins.load_report("Read 3 files.", skipped, superseded, [f"n{i}.txt" for i in range(7)],
                               noun="scene-log file")
    assert text.splitlines()[:3] == ["Read 3 files.", "Skipped 1 file that could not be used "
                                     "(the rest were loaded):", "  - a.json: not valid JSON"]
    assert "1 earlier file replaced by a later save" in text and "b.json (Bo): kept b-2.json" in text
    assert text.endswith("Not scene-log files (ignored): n0.txt, n1.txt, n2.txt, n3.txt, n4.txt and 2 more.")
    empty = pd.DataFrame(columns=["file", "problem"])
    assert handins.load_report("Read 0 files.", empty, empty, [], noun="x") == \
        "Read 0 files.\nNo file was skipped."
