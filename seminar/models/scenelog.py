"""A voice and a screen (lesson 10): a scene log, saved as small files, read into one class table.

During or after the screening each student logs a few scenes, each in four short answers:

- **scene**: the scene in their own words (which moment of the film);
- **seen**: what is on the screen;
- **heard**: what is on the soundtrack (voices, sounds, silence);
- **suggests**: what the combination suggests (a reading, not a fact).

The log is saved as a small JSON file the student can download and hand in; the instructor
reads a folder of logs into one pandas table. Saving and loading follow the same rules as the
class poll of lesson 07 (:mod:`seminar.models.poll`), through the shared helpers in
:mod:`seminar.models.handins`: a file is never overwritten (the next numbered name is used),
a file that breaks a rule is skipped and named with the reason, and a student who saved more
than once counts once (the latest save is kept).

Student side::

    record = make_record("Ada", [{"scene": "...", "seen": "...", "heard": "...", "suggests": "..."}])
    path = save(record, "scene-log")

Instructor side::

    result = load_class(SAMPLE_DIR)        # the made-up sample class
    result.table; print(result.report())
    mentions(result.table, "voice", "heard")  # the entries whose 'heard' mentions a word

A log file is UTF-8 JSON of at most :data:`MAX_FILE_BYTES` bytes with ``"schema":
"seminar.scenelog"``, ``"schema_version": 1``, the student's name (1 to
:data:`MAX_NAME_CHARS` characters), ``saved_at`` (ISO 8601) and 1 to :data:`MAX_ENTRIES`
entries; in each entry every field is one line of 1 to :data:`MAX_FIELD_CHARS` characters.
An entry left wholly blank is left out; a half-filled entry is an error naming the blank
field. Text is kept as typed (emoji, right-to-left scripts) and escaped wherever shown.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd

from seminar import DATA_DIR
from seminar.models import handins
from seminar.models.handins import iso, json_kind, name_key, one_line, slug, timestamp, to_json
from seminar.text import InputError, clean_text

SCHEMA = "seminar.scenelog"
SCHEMA_VERSION = 1
LOG = "10-voice-and-screen"
FILE_PREFIX = "scenelog-voice-and-screen-"
NOUN = "scene-log file"

FIELDS = ("scene", "seen", "heard", "suggests")
FIELD_WORDS = {
    "scene": "the scene, in your own words",
    "seen": "what is seen",
    "heard": "what is heard",
    "suggests": "what it suggests",
}
MAX_NAME_CHARS = 60
MAX_FIELD_CHARS = 280
MAX_ENTRIES = 12
MAX_FILE_BYTES = 64_000
MAX_FILES = 5_000
MAX_COPIES = 999

SAMPLE_DIR = DATA_DIR / "sample_scenelog"
SAMPLE_SEED = 2014

TABLE_COLUMNS = ["student", "entry", *FIELDS, "file", "saved_at"]


class EmptyLog(InputError):
    """A log with no entries: nothing is saved."""


class LogFileError(InputError):
    """A scene-log file that cannot be used; the message says why, in plain words."""


def check_student(name) -> str:
    """A student's name or pseudonym, one line of 1 to :data:`MAX_NAME_CHARS` characters."""
    if name is None or (isinstance(name, str) and not name.strip()):
        raise InputError("Your name (or a pseudonym) is empty: type one, so your instructor "
                         "knows whose log this is.")
    return one_line(clean_text(name, what="name", max_chars=MAX_NAME_CHARS))


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_entry(entry, number: int = 1) -> dict | None:
    """One entry as ``{field: one line}``; None if wholly blank; InputError naming a gap."""
    if not isinstance(entry, dict):
        raise InputError(f"entry {number}: give a dict with {', '.join(FIELDS)}; "
                         f"got {json_kind(entry)}.")
    unknown = [k for k in entry if k not in FIELDS]
    if unknown:
        raise InputError(f"entry {number}: {str(unknown[0])[:40]!r} is not a field "
                         f"({', '.join(FIELDS)}).")
    if all(_blank(entry.get(k)) for k in FIELDS):
        return None
    out = {}
    for k in FIELDS:
        if _blank(entry.get(k)):
            raise InputError(f"entry {number}: {FIELD_WORDS[k]} is blank; fill it in, or clear "
                             "the whole entry.")
        out[k] = one_line(clean_text(entry[k], what=f"entry {number} ({FIELD_WORDS[k]})",
                                     max_chars=MAX_FIELD_CHARS))
    return out


def make_record(student, entries, *, saved_at=None) -> dict:
    """A checked log record from a name and a list of entries (dicts of the four fields)."""
    name = check_student(student)
    if not isinstance(entries, (list, tuple)):
        raise InputError(f"entries must be a list of entries; got {json_kind(entries)}.")
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"A log holds at most {MAX_ENTRIES} entries; this one has {len(entries)}.")
    rows = [e for e in (check_entry(entry, n) for n, entry in enumerate(entries, start=1)) if e]
    if not rows:
        raise EmptyLog("The log is empty: fill in at least one scene (all four boxes) before "
                       "saving. Nothing was saved.")
    stamp = datetime.now(timezone.utc) if saved_at is None else timestamp(saved_at)
    return {"schema": SCHEMA, "schema_version": SCHEMA_VERSION, "log": LOG, "student": name,
            "saved_at": iso(stamp), "entries": rows}


def validate_record(obj) -> dict:
    """Check a record (as read from JSON) and return it normalised, else :class:`LogFileError`."""
    try:
        return _validate(obj)
    except EmptyLog:
        raise LogFileError("it holds no entries (an empty log).") from None
    except LogFileError:
        raise
    except InputError as exc:
        raise LogFileError(str(exc)) from None


def _validate(obj) -> dict:
    handins.check_header(obj, schema=SCHEMA, version=SCHEMA_VERSION, kind="scene-log file",
                         error=LogFileError)
    if obj.get("log") != LOG:
        raise LogFileError(f"the file is for another activity ({str(obj.get('log'))[:40]!r}, "
                           f"not {LOG!r}).")
    student = obj["student"]
    entries = obj.get("entries")
    if not isinstance(entries, list):
        raise LogFileError("it has no list of entries.")
    for n, entry in enumerate(entries, start=1):
        if isinstance(entry, dict) and all(_blank(entry.get(k)) for k in FIELDS):
            raise LogFileError(f"entry {n} is blank.")
    return make_record(student, entries, saved_at=obj.get("saved_at", ""))


def as_data_uri(record: dict) -> str:
    """A ``data:`` URI of the log file, for a download link that works without a server."""
    return handins.as_data_uri(record)


def file_name(student: str) -> str:
    """The file name a student's log is saved under, e.g. ``scenelog-voice-and-screen-ada.json``."""
    return f"{FILE_PREFIX}{slug(student)}.json"


def save(record: dict, folder=".", *, overwrite: bool = False) -> Path:
    """Write a log file into ``folder`` (made if needed); never overwrites unless asked."""
    record = validate_record(record)
    return handins.save_new(to_json(record).encode("utf-8"), folder, file_name(record["student"]),
                            overwrite=overwrite, noun=NOUN, max_copies=MAX_COPIES)


def read_file(path) -> dict:
    """Read and check one log file; :class:`LogFileError` says what is wrong with it."""
    return validate_record(handins.read_json(path, max_bytes=MAX_FILE_BYTES, noun=NOUN,
                                             error=LogFileError))


@dataclass
class ClassLog:
    """A folder of scene logs, read: ``table`` (one row per student and entry), ``skipped``
    (file, problem), ``superseded`` (file, student, kept), ``ignored`` (other names)."""

    folder: Path
    table: pd.DataFrame
    skipped: pd.DataFrame
    superseded: pd.DataFrame
    ignored: list = field(default_factory=list)
    files_read: int = 0

    @property
    def students(self) -> int:
        return int(self.table["student"].nunique())

    def report(self) -> str:
        """What was read, skipped (and why) and superseded, in plain sentences."""
        n, s = self.files_read, self.students
        return handins.load_report(
            f"Read {n} scene-log file{'s' * (n != 1)} from {self.folder.name or self.folder}: "
            f"{s} student{'s' * (s != 1)}, {len(self.table)} "
            f"entr{'ies' if len(self.table) != 1 else 'y'} loaded.",
            self.skipped, self.superseded, self.ignored, noun="scene-log file")


def load_class(folder) -> ClassLog:
    """Read every ``*.json`` log file in ``folder`` (not its sub-folders) into one table."""
    path = handins.folder_path(folder, noun=NOUN)
    files, ignored = handins.json_files(path, max_files=MAX_FILES)
    good, skipped = handins.read_all(files, read_file)
    latest, superseded = handins.latest_per_student(good)
    rows = [{"student": record["student"], "entry": n, **entry, "file": name,
             "saved_at": record["saved_at"]}
            for name, record in sorted(latest.values(), key=lambda nr: name_key(nr[1]["student"]))
            for n, entry in enumerate(record["entries"], start=1)]
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["entry"] = table["entry"].astype("int64")
    table["saved_at"] = pd.to_datetime(table["saved_at"], utc=True)
    return ClassLog(folder=path, table=table,
                    skipped=pd.DataFrame(skipped, columns=["file", "problem"]),
                    superseded=pd.DataFrame(superseded, columns=["file", "student", "kept"]),
                    ignored=ignored, files_read=len(files))


def _check_table(table) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame) or not set(FIELDS) <= set(table.columns):
        raise InputError("Expected the class table (load_class(folder).table), with columns "
                         + ", ".join(FIELDS) + ".")
    return table


def mentions(table: pd.DataFrame, word, column: str | None = None) -> pd.DataFrame:
    """The entries that mention ``word`` (case ignored) in ``column``, or in any field if None.

    A word is matched as typed, anywhere in the text ("voice" also finds "voices").
    """
    table = _check_table(table)
    if not isinstance(word, str) or not word.strip():
        raise InputError("Type a word to look for (for example: voice).")
    word = one_line(clean_text(word, what="word", max_chars=60)).casefold()
    if column is not None and column not in FIELDS:
        raise InputError(f"{str(column)[:40]!r} is not a field; the fields are {', '.join(FIELDS)}.")
    columns = FIELDS if column is None else (column,)
    hit = pd.Series(False, index=table.index)
    for c in columns:
        hit |= table[c].str.casefold().str.contains(word, regex=False)
    return table[hit].reset_index(drop=True)


def entries_per_student(table: pd.DataFrame) -> pd.Series:
    """How many entries each student logged."""
    return _check_table(table).groupby("student").size().rename("entries")


# --------------------------------------------------------------------------- the sample class
SAMPLE_README = """A MADE-UP class for lesson 10's scene log: not real students.

{students} invented students ("Student 01" ... ) logged scenes of Her. Every scene they
describe is one that the five essays in the kit's readings/ describe; their notes on what is
seen, heard and suggested are invented examples of student writing, not facts about the film.
Generated by seminar.models.scenelog.sample_files(seed={seed}). Three files show what can go
wrong: Student 04 saved twice (the later file is kept), one file is cut short (skipped), one
has a blank field (skipped). Some notes show emoji, right-to-left text and HTML-like text,
which the kit keeps as typed and escapes when it shows them.
"""

#: Scenes the essays describe, with made-up notes (seen, heard, suggests), several per scene.
_SCENES = (
    ("Theodore walks through the crowd to the subway",
     ("More and more people looking down at phones or talking into earpieces.",
      "Crowds gliding past, everyone staring ahead or at the ground."),
     ("People talking, but we never hear who they talk to.",
      "Lots of voices, none of them in conversation with each other."),
     ("Everyone is connected and nobody is together.",
      "The whole city is already half inside its devices.")),
    ("Dust over the blankets and a kettle on the stove, as things go wrong",
     ("Dust floating above blankets; a tea kettle heating.",
      "Close details: blankets, dust floating, the kettle on the stove."),
     ("I noted no sound here: I was watching the dust.",
      "Hard to say; the images stayed with me more than the sound."),
     ("His physical world keeps going while she is somewhere else.",
      "The body's world (dust, heat) against a voice that has none.")),
    ("The sex scene, when the screen goes black",
     ("Nothing: the screen is black.",
      "Black screen."),
     ("Only their voices.",
      "Just the two of them talking, nothing to see."),
     ("We are put where Theodore is: with a voice and no body.",
      "Her body is imagined, by him and by us.")),
    ("The opening: Theodore reciting a love letter",
     ("A close-up of Theodore's face.",
      "Theodore, close, speaking as if to a lover."),
     ("Theodore's voice reading the letter aloud.",
      "A declaration of love we think is his."),
     ("Words of love can be someone's job.",
      "We trust the voice before we know whose words they are.")),
    ("The trip to the beach, with the device in his shirt pocket",
     ("Theodore running through the train station, zigzagging, the camera lens peeking out.",
      "Him turning and stopping, the device pinned in his pocket."),
     ("Samantha's voice reacting to where he goes.",
      "Her voice, answering his moves."),
     ("He wants her to see exactly what he sees.",
      "She only sees through his pocket: his world, his angle.")),
    ("The last shot: Theodore and Amy on the rooftop",
     ("Two people overlooking the city, her head on his shoulder.",
      "Theodore and Amy, side by side, looking out."),
     ("Nothing from an OS: they have all gone.",
      "I can't recall: I was watching them."),
     ("Bodies are what is left when the voices go.",
      "Comfort from someone physically there.")),
)

#: Notes that show the kit's handling of unusual text: (student number, entry index, field, text).
_SPECIAL = (
    (3, 0, "suggests", "Connected and alone at once \U0001F4F1"),
    (7, 0, "suggests", "\u05e7\u05d5\u05dc\u05d5\u05ea \u05d1\u05dc\u05d9 \u05d2\u05d5\u05e3 (voices without bodies)"),
    (9, 0, "suggests", "<i>Her</i> speaks <script>alert('hi')</script> through what we cannot see"),
)


def _sample_entries(rng: random.Random, number: int) -> list[dict]:
    picks = rng.sample(range(len(_SCENES)), k=rng.choice((2, 3, 3)))
    entries = []
    for i in picks:
        scene, seen, heard, suggests = _SCENES[i]
        entries.append({"scene": scene, "seen": rng.choice(seen), "heard": rng.choice(heard),
                        "suggests": rng.choice(suggests)})
    for student, index, key, text in _SPECIAL:
        if student == number and index < len(entries):
            entries[index][key] = text
    return entries


def sample_files(seed: int = SAMPLE_SEED, students: int = 12) -> dict[str, str]:
    """The made-up sample class as {file name: text}, the same for the same seed."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputError(f"seed must be a whole number; got {type(seed).__name__}.")
    if isinstance(students, bool) or not isinstance(students, int) or not 5 <= students <= 99:
        raise InputError(f"students must be a whole number from 5 to 99; got {students!r}.")
    rng = random.Random(seed)
    start = datetime(2024, 3, 11, 9, 0, tzinfo=timezone.utc)
    files = {"README.txt": SAMPLE_README.format(seed=seed, students=students)}
    for number in range(1, students + 1):
        name = f"Student {number:02d}"
        stamp = start + timedelta(minutes=4 * number + rng.randint(0, 3))
        record = make_record(name, _sample_entries(rng, number), saved_at=stamp)
        if number == 4:  # saved a short log first, then a fuller one: both handed in
            first = make_record(name, record["entries"][:1], saved_at=stamp - timedelta(minutes=15))
            files[file_name(name)] = to_json(first)
            files[file_name(name)[:-5] + "-2.json"] = to_json(record)
        else:
            files[file_name(name)] = to_json(record)
    stamp = start + timedelta(minutes=4 * (students + 1))
    cut = to_json(make_record(f"Student {students + 1:02d}", _sample_entries(rng, students + 1),
                              saved_at=stamp))
    files[file_name(f"Student {students + 1:02d}")] = cut[: len(cut) // 2]
    bad = make_record(f"Student {students + 2:02d}", _sample_entries(rng, students + 2),
                      saved_at=stamp + timedelta(minutes=1))
    bad["entries"][0]["heard"] = ""
    files[file_name(f"Student {students + 2:02d}")] = to_json(bad)
    return files


def make_sample_class(folder=SAMPLE_DIR, *, seed: int = SAMPLE_SEED, students: int = 12,
                      overwrite: bool = False) -> list[Path]:
    """Write the made-up sample class into ``folder``; refuses to replace files unless asked."""
    return handins.write_sample(folder, sample_files(seed, students), overwrite=overwrite)
