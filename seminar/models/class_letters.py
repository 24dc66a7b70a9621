"""The 641 letters: every student's ghostwritten letter, saved as a small file, read as a class.

In lesson 01 each student gives the ghostwriter five nuggets about themselves (see
:data:`NUGGETS`) and saves the letter it writes them from one template, ``for-you`` (the
kit's own words, in ``seminar/data/class_letters/for-you.md``). In lesson 04 each student
first reads "their" letter, then the class sees every letter side by side, with what is
shared (the writer's stock text, the same pile of phrases for everyone) and what is personal
(the student's own nuggets) marked. No widgets here: the front ends are in
:mod:`seminar.views.class_letters` (the class) and :mod:`seminar.views.letters` (saving).

Student side::

    record = make_record("Ada", {"name": "Ada", "memory": "the night of the storm", ...})
    path = save(record, "my-letter")          # never overwrites an earlier file

Instructor side::

    result = load_class("hand-ins/")          # a folder of letter files (or SAMPLE_DIR)
    print(result.report())                    # files skipped (and why), duplicates
    result.letters["Ada"].text; marked(result.letters["Ada"])

The rules are the class poll's: this module reuses its checks (:mod:`seminar.models.poll`)
and the shared safe saving and reading of hand-in files (:mod:`seminar.models.handins`): a letter file is UTF-8 JSON of at most :data:`MAX_FILE_BYTES` bytes, with
``"schema": "seminar.letter"``, ``"schema_version": 1``, the student's name or pseudonym,
``saved_at`` (ISO 8601), the five nuggets (each one line of 1 to :data:`MAX_NUGGET_CHARS`
characters, control characters removed, emoji and right-to-left text kept) and the letter.
The letter is not trusted as stored: it is written again from the nuggets, and a file whose
letter differs (edited by hand, or from another template) is skipped with that reason.
Saving never overwrites a file (``...-2.json`` is used instead) unless ``overwrite=True``.
Loading skips each bad file with a reason and loads the rest; when a student saved more than
once, the latest ``saved_at`` is kept and the others are reported as superseded.
"""
from __future__ import annotations

import functools
import random
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Mapping

import pandas as pd

from seminar import DATA_DIR
from seminar.models import handins
from seminar.models import letters as writer
from seminar.models import poll
from seminar.text import InputError, clean_text

SCHEMA = "seminar.letter"
SCHEMA_VERSION = 1
ACTIVITY = "641-letters"
FILE_PREFIX = "letter-"
TEMPLATE_MD = DATA_DIR / "class_letters" / "for-you.md"
TEMPLATE_NAME = "for-you"

MAX_NUGGET_CHARS = 200
MAX_FILE_BYTES = 32_000
MAX_FILES = poll.MAX_FILES
MAX_COPIES = poll.MAX_COPIES

#: The five nuggets a student gives: (name, the question the form asks).
NUGGETS: tuple[tuple[str, str], ...] = (
    ("name", "What should the letter call you? (your first name or a pseudonym)"),
    ("memory", "A moment you remember well (e.g. 'the summer we painted the boat')"),
    ("place", "A place that matters to you (e.g. 'the bridge over the canal')"),
    ("detail", "A small thing you do (e.g. 'the way you hum when you read')"),
    ("hope", "Something you are hoping for (e.g. 'the exams go well')"),
)
NUGGET_NAMES = tuple(n for n, _ in NUGGETS)

SAMPLE_DIR = DATA_DIR / "sample_letters"
SAMPLE_SEED = 641
SAMPLE_STUDENTS = 24


class LetterFileError(InputError):
    """A letter file that cannot be used; the message says why, in plain words."""


# --------------------------------------------------------------------------- the letter
@functools.lru_cache(maxsize=1)
def the_template() -> writer.Template:
    """The one template every student's letter is written from (read once; it is data)."""
    return writer.load_templates(TEMPLATE_MD)[TEMPLATE_NAME]


def seed_for(student: str) -> int:
    """The stock-phrase seed of a student's letter: fixed by the name, so the same every time."""
    return zlib.crc32(handins.name_key(student).encode("utf-8"))


def check_nuggets(nuggets) -> dict[str, str]:
    """The five nuggets as one-line texts, in :data:`NUGGET_NAMES` order, else InputError."""
    if not isinstance(nuggets, Mapping):
        raise InputError(f"The nuggets must be a dict of name -> text, not {type(nuggets).__name__}.")
    unknown = [str(k)[:30] for k in nuggets if k not in NUGGET_NAMES]
    if unknown:
        raise InputError(f"Unknown nugget {unknown[0]!r}: the letter uses {', '.join(NUGGET_NAMES)}.")
    out, empty = {}, []
    for name, question in NUGGETS:
        value = nuggets.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            empty.append(name)
            continue
        out[name] = handins.one_line(clean_text(value, what=f"nugget '{name}'",
                                             max_chars=MAX_NUGGET_CHARS))
    if empty:
        raise InputError(f"Fill in every box before the letter is written: {', '.join(empty)} "
                         f"{'is' if len(empty) == 1 else 'are'} empty.")
    return out


def compose(student: str, nuggets) -> writer.Letter:
    """The student's letter: the kit's template, their nuggets, their seed."""
    student = poll.check_student(student)
    return writer.compose(the_template(), check_nuggets(nuggets), seed=seed_for(student),
                          customer=student)


def make_record(student, nuggets, *, saved_at=None) -> dict:
    """A checked letter record (what a letter file holds)."""
    name = poll.check_student(student)
    clean = check_nuggets(nuggets)
    letter = compose(name, clean)
    stamp = datetime.now(timezone.utc) if saved_at is None else handins.timestamp(saved_at)
    return {"schema": SCHEMA, "schema_version": SCHEMA_VERSION, "activity": ACTIVITY,
            "student": name, "saved_at": handins.iso(stamp), "template": TEMPLATE_NAME,
            "seed": seed_for(name), "nuggets": clean, "letter": letter.text}


def validate_record(obj) -> dict:
    """Check a record read from JSON and return it normalised; LetterFileError says why not."""
    handins.check_header(obj, schema=SCHEMA, version=SCHEMA_VERSION, kind="letter file",
                         error=LetterFileError)
    if obj.get("template") != TEMPLATE_NAME:
        raise LetterFileError(f"written from another template ({str(obj.get('template'))[:40]!r}, "
                              f"not {TEMPLATE_NAME!r}).")
    if not isinstance(obj.get("nuggets"), dict):
        raise LetterFileError("it has no nuggets.")
    try:
        record = make_record(obj["student"], obj["nuggets"], saved_at=obj.get("saved_at", ""))
    except InputError as exc:
        raise LetterFileError(str(exc)) from None
    if obj.get("letter") != record["letter"]:
        raise LetterFileError("its letter is not the one its nuggets make (edited by hand, or "
                              "written by another version of the kit).")
    return record


def letter_of(record: dict) -> writer.Letter:
    """The letter of a (checked) record, with its pieces marked by source."""
    return compose(record["student"], record["nuggets"])


def to_json(record: dict) -> str:
    """The record as the text of a letter file (UTF-8 JSON, readable, ending in a newline)."""
    return handins.to_json(record)


def as_data_uri(record: dict) -> str:
    """A ``data:`` URI of the letter file, for a download link that works without a server."""
    return handins.as_data_uri(record)


def file_name(student: str) -> str:
    """``letter-ada.json`` for Ada."""
    return f"{FILE_PREFIX}{handins.slug(student)}.json"


def save(record: dict, folder=".", *, overwrite: bool = False) -> Path:
    """Write a letter file into ``folder`` (made if needed); never overwrites unless asked
    (the class poll's rule, :func:`seminar.models.handins.save_new`)."""
    record = validate_record(record)
    return handins.save_new(to_json(record).encode("utf-8"), folder, file_name(record["student"]),
                            overwrite=overwrite, noun="letter file", max_copies=MAX_COPIES)


def read_file(path) -> dict:
    """Read and check one letter file; :class:`LetterFileError` says what is wrong with it."""
    return validate_record(handins.read_json(path, max_bytes=MAX_FILE_BYTES, noun="letter file",
                                             error=LetterFileError))


# --------------------------------------------------------------------------- the class
@dataclass
class ClassLetters:
    """A folder of letter files, read.

    ``letters``: student -> :class:`~seminar.models.letters.Letter`, in name order.
    ``records``: student -> the checked record. ``skipped``: (file, problem);
    ``superseded``: (file, student, kept); ``ignored``: other names in the folder.
    """
    folder: Path
    letters: dict
    records: dict
    skipped: pd.DataFrame
    superseded: pd.DataFrame
    ignored: list = field(default_factory=list)
    files_read: int = 0

    @property
    def students(self) -> list[str]:
        return list(self.letters)

    def report(self) -> str:
        """What was read, skipped (and why) and superseded, in plain sentences."""
        n = len(self.letters)
        return handins.load_report(
            f"Read {self.files_read} letter file{'s' * (self.files_read != 1)}: "
            f"{n} student{'s' * (n != 1)}' letters loaded.",
            self.skipped, self.superseded, self.ignored, noun="letter file")


def load_class(folder) -> ClassLetters:
    """Read every ``*.json`` letter file in ``folder`` (not sub-folders); bad ones are skipped."""
    path = handins.folder_path(folder, noun="letter file")
    files, ignored = handins.json_files(path, max_files=MAX_FILES)
    good, skipped = handins.read_all(files, read_file)
    latest, superseded = handins.latest_per_student(good)
    ordered = sorted(latest.values(), key=lambda nr: handins.name_key(nr[1]["student"]))
    records = {record["student"]: record for _, record in ordered}
    return ClassLetters(folder=path, letters={s: letter_of(r) for s, r in records.items()},
                        records=records,
                        skipped=pd.DataFrame(skipped, columns=["file", "problem"]),
                        superseded=pd.DataFrame(superseded, columns=["file", "student", "kept"]),
                        ignored=ignored, files_read=len(files))


def marked(letter: writer.Letter) -> list[tuple[str, str]]:
    """The letter as (text, kind) runs: kind "personal" (the student's nuggets) or "shared"."""
    runs: list[tuple[str, str]] = []
    for piece in letter.pieces:
        kind = "personal" if piece.source == "nugget" else "shared"
        if runs and runs[-1][1] == kind:
            runs[-1] = (runs[-1][0] + piece.text, kind)
        else:
            runs.append((piece.text, kind))
    return runs


def class_table(result: ClassLetters) -> pd.DataFrame:
    """One row per student: the letter's words, how many are their own, how many shared."""
    rows = []
    for student, letter in result.letters.items():
        c = letter.counts()
        rows.append({"student": student, "words": c["words"], "personal_words": c["own_words"],
                     "shared_words": c["stock_words"]})
    return pd.DataFrame(rows, columns=["student", "words", "personal_words", "shared_words"])


def describe_class(result: ClassLetters) -> str:
    """One plain sentence about the class's letters (for the view and for screen readers)."""
    table = class_table(result)
    n = len(table)
    if n == 0:
        return "No letters were loaded."
    shared = int(table["shared_words"].sum())
    words = int(table["words"].sum())
    percent = round(100 * shared / words) if words else 0
    return (f"{n} letter{'s' * (n != 1)}, each signed S. and written from the same template: "
            f"{percent} of every 100 words are the writer's stock phrases, shared by everyone; "
            "the rest are each student's own.")


# --------------------------------------------------------------------------- the sample class
SAMPLE_README = """\
THIS CLASS IS MADE UP.

These letter files are invented sample data for the "641 letters" activity of the Between
the Words kit (saved in lesson 01, read in lesson 04). The students and everything they
"remember" are invented for the kit (seed {seed}); nothing here comes from real people or
from the film.

The folder shows what the loader does:
- {students} students' letters load;
- {dup} saved twice: the later file is kept and the earlier one reported as superseded;
- three files are broken on purpose and are named and skipped, while the rest load:
  {prefix}cut-short.json (not valid JSON), {prefix}edited.json (its letter was edited by
  hand, so it is not the letter its nuggets make) and {prefix}empty-hope.json (a nugget
  left empty);
- a few nuggets contain an emoji, right-to-left (Arabic) text and typed HTML tags, which
  the kit shows as text, never as markup.

Regenerate it (byte for byte) with:
    python -c "from seminar.models.class_letters import make_sample_class as m; m(overwrite=True)"
"""

_NAMES = ("Ada", "Bo", "Camille", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonah",
          "Kemal", "Lena", "Malik", "Nora", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tess",
          "Uma", "Viktor", "Wen", "Yara", "Zofia", "Luca", "Mira", "Teo")
_MEMORIES = ("the summer we painted the boat", "the night the power went out during the exam",
             "your first day at the new school", "the long drive to the coast in the rain",
             "the winter your grandmother taught you to knit", "the concert where you lost your shoe",
             "the morning you finally passed your driving test", "the birthday nobody forgot",
             "the trip when the train broke down", "the afternoon you learned to swim",
             "the evening you read your poem out loud", "the day the dog came home",
             "the first snow in the new city", "the match you won in extra time")
_PLACES = ("the bridge over the canal", "the library's top floor", "the bakery on the corner",
           "your aunt's garden", "the bus stop by the river", "the old cinema",
           "the beach below the cliffs", "the rooftop of the dormitory", "the market on Saturdays",
           "the park with the broken fountain", "the kitchen at home", "the station café")
_DETAILS = ("the way you hum when you read", "how you always keep one sweet for later",
            "the way you laugh before the joke ends", "how you greet every cat you pass",
            "the notes you leave in the margins", "how you fold your ticket into a bird",
            "the way you count stairs under your breath", "how you always bring an umbrella",
            "the way you lose your keys and find them in the fridge",
            "how you remember everyone's birthday")
_HOPES = ("the exams go well", "you get to travel next year", "your sister visits soon",
          "the band gets its first concert", "you find a flat with a window that opens",
          "you finish the novel you are writing", "you learn to drive this spring",
          "the job interview goes your way", "you see the northern lights one day")
#: Nuggets that show the kit's handling of unusual text: (student number, nugget, text).
_SPECIAL = ((4, "detail", "the way you draw a \U0001F319 on every note"),
            (9, "place", "\u0628\u064a\u062a \u062c\u062f\u062a\u064a (my grandmother's house)"),
            (15, "memory", "the <b>night</b> we wrote <script>alert('hi')</script> on the board"))


def _sample_nuggets(rng: random.Random, name: str) -> dict[str, str]:
    return {"name": name, "memory": rng.choice(_MEMORIES), "place": rng.choice(_PLACES),
            "detail": rng.choice(_DETAILS), "hope": rng.choice(_HOPES)}


def sample_files(seed: int = SAMPLE_SEED, students: int = SAMPLE_STUDENTS) -> dict[str, str]:
    """The made-up sample class as {file name: text}, the same for the same seed."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputError(f"seed must be a whole number; got {type(seed).__name__}.")
    if isinstance(students, bool) or not isinstance(students, int) or not 5 <= students <= len(_NAMES) - 3:
        raise InputError(f"students must be a whole number from 5 to {len(_NAMES) - 3}; got {students!r}.")
    rng = random.Random(seed)
    start = datetime(2024, 2, 12, 10, 0, tzinfo=timezone.utc)
    dup = _NAMES[1]
    files = {"README.txt": SAMPLE_README.format(seed=seed, students=students, prefix=FILE_PREFIX,
                                                dup=dup)}
    for number, name in enumerate(_NAMES[:students], start=1):
        nuggets = _sample_nuggets(rng, name)
        for who, key, text in _SPECIAL:
            if who == number:
                nuggets[key] = text
        stamp = start + timedelta(minutes=2 * number + rng.randint(0, 1))
        if name == dup:  # saved, changed a nugget, saved again
            files[file_name(name)] = to_json(make_record(name, nuggets, saved_at=stamp))
            nuggets = dict(nuggets, hope=rng.choice(_HOPES))
            stamp += timedelta(minutes=15)
            files[file_name(name)[:-5] + "-2.json"] = to_json(make_record(name, nuggets, saved_at=stamp))
        else:
            files[file_name(name)] = to_json(make_record(name, nuggets, saved_at=stamp))
    extra = _NAMES[students:students + 3]
    stamp = start + timedelta(hours=2)
    cut = to_json(make_record(extra[0], _sample_nuggets(rng, extra[0]), saved_at=stamp))
    files[f"{FILE_PREFIX}cut-short.json"] = cut[: len(cut) // 2]
    edited = make_record(extra[1], _sample_nuggets(rng, extra[1]), saved_at=stamp)
    edited["letter"] = edited["letter"].replace("S.", "Samantha")
    files[f"{FILE_PREFIX}edited.json"] = to_json(edited)
    empty = make_record(extra[2], _sample_nuggets(rng, extra[2]), saved_at=stamp)
    empty["nuggets"]["hope"] = ""
    files[f"{FILE_PREFIX}empty-hope.json"] = to_json(empty)
    return files


def make_sample_class(folder=SAMPLE_DIR, *, seed: int = SAMPLE_SEED,
                      students: int = SAMPLE_STUDENTS, overwrite: bool = False) -> list[Path]:
    """Write the made-up sample class into ``folder``; refuses to overwrite unless asked."""
    return handins.write_sample(folder, sample_files(seed, students), overwrite=overwrite)
