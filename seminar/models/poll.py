"""Was it real? A class poll: positions on a few claims, saved as small files, read into pandas.

Each student records a position on each of the :data:`CLAIMS` on a five-point scale
(1 = strongly disagree ... 5 = strongly agree) with a one-line reason. Their answers are
saved as a small JSON file they can download and hand in; the instructor reads a folder
of such files into one pandas table and plots the class's spread. No widgets here: the
front ends are in :mod:`seminar.views.poll`.

Student side::

    record = make_record("Ada", {"love": (4, "He felt it and acted on it.")})
    path = save(record, "poll-answers")        # never overwrites without overwrite=True

Instructor side::

    result = load_class("hand-ins/")            # a folder of poll files
    result.table                                # one row per student and claim
    print(result.report())                      # files skipped (and why), duplicates
    summary(result.table); plot_spread(result.table, ax); describe_spread(result.table)

Rules (the same when saving and when loading, so the loader accepts exactly what the
poll writes):

- A poll file is UTF-8 JSON of at most :data:`MAX_FILE_BYTES` bytes, with
  ``"schema": "seminar.poll"`` and ``"schema_version": 1``, the student's name (or a
  pseudonym, 1 to :data:`MAX_NAME_CHARS` characters), ``saved_at`` (ISO 8601) and a list
  of answers, each a known claim, a whole-number position 1-5 and a one-line reason of 1
  to :data:`MAX_REASON_CHARS` characters. A claim may be left out; a poll with no
  answers at all is refused ("an empty poll"), and nothing is written.
- Text is kept as typed (emoji and right-to-left scripts included), on one line, with
  control characters removed; it is escaped wherever it is shown as HTML.
- Saving never overwrites a file: if the name is taken, the next free name is used
  (``...-2.json``, ``...-3.json``), unless ``overwrite=True`` is passed explicitly.
- Loading skips any file that breaks a rule and names it with the reason; the rest load.
- Duplicate students: when several good files carry the same name (compared ignoring
  case and extra spaces), the one saved last (``saved_at``) is kept and the others are
  reported as superseded; on a tie (the same second) the later copy is kept, by file name
  with numbers compared as numbers (``...-2.json`` before ``...-11.json``).
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from numbers import Integral
from pathlib import Path
from typing import Mapping

import pandas as pd

from seminar import DATA_DIR
from seminar.models import handins
from seminar.models.handins import (iso, json_kind, name_key, natural_key, one_line,
                                     slug, timestamp, to_json)
from seminar.text import InputError, clean_text

SCHEMA = "seminar.poll"
SCHEMA_VERSION = 1
POLL = "07-was-it-real"
FILE_PREFIX = "poll-was-it-real-"

MAX_NAME_CHARS = 60
MAX_REASON_CHARS = 280
#: A poll file of five answers with the longest reasons in four-byte characters is ~7 KB.
MAX_FILE_BYTES = 64_000
#: More poll files than this in one folder is not a class (and would be slow to read).
MAX_FILES = 5_000
#: Highest numbered name ``save`` tries before giving up (``...-999.json``).
MAX_COPIES = 999

#: The five-point scale: position -> words.
SCALE = {1: "strongly disagree", 2: "disagree", 3: "neither agree nor disagree",
         4: "agree", 5: "strongly agree"}
SHORT_SCALE = {1: "strongly disagree", 2: "disagree", 3: "neither", 4: "agree", 5: "strongly agree"}

#: The made-up sample class shipped with the kit (see its README.txt).
SAMPLE_DIR = DATA_DIR / "sample_class"
SAMPLE_SEED = 2013
SAMPLE_STUDENTS = 24


class EmptyPoll(InputError):
    """A poll with no answers: nothing is saved."""


class PollFileError(InputError):
    """A poll file that cannot be used; the message says why, in plain words."""


@dataclass(frozen=True)
class Claim:
    id: str
    short: str        # a label for tables and plots
    statement: str    # the claim as the student reads it
    reading: str      # the excerpt id (readings/) it comes from


CLAIMS: tuple[Claim, ...] = (
    Claim("love", "1. His love was real",
          "Theodore's love for Samantha was real love.", "her-2013-9"),
    Claim("someone", "2. She was someone",
          "Samantha was someone, not only something: there was a 'she' to love.", "her-2013-6"),
    Claim("substance", "3. Substance doesn't matter",
          "What Samantha was made of (code, not cells) makes no difference to whether she "
          "could love.", "her-2013-13"),
    Claim("world", "4. He was in the world again",
          "Through Samantha, Theodore was living in the world again, not hiding from it.",
          "her-2013-10"),
    Claim("joy", "5. Joy is enough",
          "If the relationship brought him joy, it does not matter whether it was 'real'.",
          "dispatch-10"),
)
CLAIM_IDS = tuple(c.id for c in CLAIMS)
_BY_ID = {c.id: c for c in CLAIMS}

TABLE_COLUMNS = ["student", "claim", "position", "label", "reason", "file", "saved_at"]


def claims_table() -> pd.DataFrame:
    """The claims, one row each: id, short label, statement, and the reading it comes from."""
    return pd.DataFrame([c.__dict__ for c in CLAIMS]).set_index("id")


# --------------------------------------------------------------------------- checking
def _claim(claim_id, where: str = "") -> Claim:
    if not isinstance(claim_id, str) or claim_id not in _BY_ID:
        shown = repr(claim_id) if len(repr(claim_id)) <= 40 else repr(claim_id)[:37] + "..."
        raise InputError(f"{where}{shown} is not one of the claims "
                         f"({', '.join(CLAIM_IDS)}).")
    return _BY_ID[claim_id]


def get_claim(claim_id: str) -> Claim:
    """The claim with this id (InputError naming the known ids if there is none)."""
    return _claim(claim_id)


def _number_of(claim: Claim) -> int:
    return CLAIM_IDS.index(claim.id) + 1


def check_position(value, claim_id: str = "") -> int:
    """``value`` as a whole number from 1 to 5, else :class:`InputError` saying why."""
    where = f"claim {_number_of(_BY_ID[claim_id])} ({claim_id}): " if claim_id in _BY_ID else ""
    if isinstance(value, bool) or not isinstance(value, Integral):
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)  # 4.0 from a spreadsheet is 4
        else:
            shown = repr(value) if len(repr(value)) <= 30 else repr(value)[:27] + "..."
            raise InputError(f"{where}the position must be a whole number from 1 to 5; "
                             f"got {type(value).__name__} {shown}.")
    if not 1 <= int(value) <= 5:
        raise InputError(f"{where}the position must be a whole number from 1 to 5; got {int(value)}.")
    return int(value)


def check_reason(text, claim_id: str = "") -> str:
    """A reason as one line of 1 to :data:`MAX_REASON_CHARS` characters, else InputError."""
    what = f"reason for claim {_number_of(_BY_ID[claim_id])} ({claim_id})" if claim_id in _BY_ID else "reason"
    return one_line(clean_text(text, what=what, max_chars=MAX_REASON_CHARS))


def check_student(name) -> str:
    """A student's name or pseudonym, one line of 1 to :data:`MAX_NAME_CHARS` characters."""
    if name is None or (isinstance(name, str) and not name.strip()):
        raise InputError("Your name (or a pseudonym) is empty: type one, so your instructor "
                         "knows whose answers these are.")
    return one_line(clean_text(name, what="name", max_chars=MAX_NAME_CHARS))


# --------------------------------------------------------------------------- records
def make_record(student, answers: Mapping, *, saved_at=None) -> dict:
    """A checked poll record from a name and ``{claim_id: (position, reason)}``.

    A claim whose position is None and whose reason is blank is left out. A position
    without a reason, or a reason without a position, is an error naming the claim; so is
    an unknown claim. With no answers at all, :class:`EmptyPoll` is raised.
    """
    name = check_student(student)
    if not isinstance(answers, Mapping):
        raise InputError(f"answers must map claim ids to (position, reason); got {type(answers).__name__}.")
    rows = []
    for claim_id in answers:
        _claim(claim_id, "answers: ")
    for claim in CLAIMS:  # in the claims' order, whatever the order given
        if claim.id not in answers:
            continue
        pair = answers[claim.id]
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise InputError(f"claim {_number_of(claim)} ({claim.id}): give (position, reason).")
        position, reason = pair
        blank = reason is None or (isinstance(reason, str) and not reason.strip())
        if position is None and blank:
            continue
        if position is None:
            raise InputError(f"claim {_number_of(claim)} ({claim.id}): you wrote a reason but "
                             "chose no position; choose one, or clear the reason.")
        position = check_position(position, claim.id)
        if blank:
            raise InputError(f"claim {_number_of(claim)} ({claim.id}): give a one-line reason "
                             "for your position.")
        rows.append({"claim": claim.id, "statement": claim.statement, "position": position,
                     "label": SCALE[position], "reason": check_reason(reason, claim.id)})
    if not rows:
        raise EmptyPoll("The poll is empty: choose a position on at least one claim, with a "
                        "one-line reason, before saving. Nothing was saved.")
    stamp = datetime.now(timezone.utc) if saved_at is None else timestamp(saved_at)
    return {"schema": SCHEMA, "schema_version": SCHEMA_VERSION, "poll": POLL, "student": name,
            "saved_at": iso(stamp), "scale": "1 = strongly disagree ... 5 = strongly agree",
            "answers": rows}


def validate_record(obj) -> dict:
    """Check a record (as read from JSON) and return it normalised.

    Raises :class:`PollFileError` (an InputError) saying, in plain words, what is wrong.
    """
    try:
        return _validate(obj)
    except EmptyPoll:
        raise PollFileError("it holds no answers (an empty poll).") from None
    except PollFileError:
        raise
    except InputError as exc:
        raise PollFileError(str(exc)) from None


def _validate(obj) -> dict:
    handins.check_header(obj, schema=SCHEMA, version=SCHEMA_VERSION, kind="poll file",
                         error=PollFileError)
    if obj.get("poll") != POLL:
        shown = str(obj.get("poll"))[:40]
        raise PollFileError(f"the answers are for another poll ({shown!r}, not {POLL!r}).")
    student = obj["student"]
    answers = obj.get("answers")
    if not isinstance(answers, list):
        raise PollFileError("it has no list of answers.")
    pairs, seen = {}, set()
    for i, answer in enumerate(answers, start=1):
        if not isinstance(answer, dict):
            raise PollFileError(f"answer {i} is {json_kind(answer)}, not an object.")
        claim = _claim(answer.get("claim"), f"answer {i}: ")
        if claim.id in seen:
            raise PollFileError(f"claim {claim.id!r} is answered twice.")
        seen.add(claim.id)
        if answer.get("position") is None:
            raise PollFileError(f"answer {i} ({claim.id}) has no position.")
        pairs[claim.id] = (answer.get("position"), answer.get("reason"))
    return make_record(student, pairs, saved_at=obj.get("saved_at", ""))


def as_data_uri(record: dict) -> str:
    """A ``data:`` URI of the poll file, for a download link that works without a server."""
    return handins.as_data_uri(record)


def file_name(student: str) -> str:
    """The file name a student's answers are saved under, e.g. ``poll-was-it-real-ada.json``."""
    return f"{FILE_PREFIX}{slug(student)}.json"


def save(record: dict, folder=".", *, overwrite: bool = False) -> Path:
    """Write a poll file into ``folder`` (created if needed) and return its path.

    The record is checked first (nothing is written if it is bad). An existing file is
    never overwritten unless ``overwrite=True``: the next free name is used instead
    (``...-2.json``, ``...-3.json``, ...). Writing is atomic.
    """
    record = validate_record(record)
    return handins.save_new(to_json(record).encode("utf-8"), folder, file_name(record["student"]),
                            overwrite=overwrite, noun="poll file", max_copies=MAX_COPIES)


def read_file(path) -> dict:
    """Read and check one poll file; :class:`PollFileError` says what is wrong with it."""
    obj = handins.read_json(path, max_bytes=MAX_FILE_BYTES, noun="poll file", error=PollFileError)
    return validate_record(obj)


# --------------------------------------------------------------------------- the class
@dataclass
class ClassPoll:
    """A folder of poll files, read.

    ``table``: one row per student and answered claim (columns :data:`TABLE_COLUMNS`).
    ``skipped``: files that could not be used, with the problem (columns file, problem).
    ``superseded``: earlier files of a student who saved again (file, student, kept).
    ``ignored``: names of other files in the folder (not ``*.json``).
    """
    folder: Path
    table: pd.DataFrame
    skipped: pd.DataFrame
    superseded: pd.DataFrame
    ignored: list = field(default_factory=list)
    files_read: int = 0

    @property
    def students(self) -> int:
        return int(self.table["student"].nunique())

    def wide(self) -> pd.DataFrame:
        """Positions as a student x claim table (NaN where a claim was left out)."""
        wide = self.table.pivot(index="student", columns="claim", values="position")
        return wide.reindex(columns=list(CLAIM_IDS)).astype("Float64")

    def report(self) -> str:
        """What was read, skipped (and why) and superseded, in plain sentences."""
        return handins.load_report(
            f"Read {self.files_read} poll file{'s' * (self.files_read != 1)} from "
            f"{self.folder.name or self.folder}: {self.students} student"
            f"{'s' * (self.students != 1)} loaded.",
            self.skipped, self.superseded, self.ignored, noun="poll file")


def load_class(folder) -> ClassPoll:
    """Read every ``*.json`` poll file in ``folder`` (not its sub-folders) into one table.

    A file that cannot be used is skipped and named in ``skipped`` with the reason; the
    rest are loaded. Duplicate students: the latest ``saved_at`` is kept (see the module's
    docstring); the others are listed in ``superseded``.
    """
    path = handins.folder_path(folder, noun="poll file")
    files, ignored = handins.json_files(path, max_files=MAX_FILES)
    good, skipped = handins.read_all(files, read_file)
    latest, superseded = handins.latest_per_student(good)
    rows = [{"student": record["student"], "claim": a["claim"], "position": a["position"],
             "label": a["label"], "reason": a["reason"], "file": name,
             "saved_at": record["saved_at"]}
            for name, record in sorted(latest.values(), key=lambda nr: name_key(nr[1]["student"]))
            for a in record["answers"]]
    table = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    table["claim"] = pd.Categorical(table["claim"], categories=list(CLAIM_IDS), ordered=True)
    table["position"] = table["position"].astype("int64")
    table["saved_at"] = pd.to_datetime(table["saved_at"], utc=True)
    return ClassPoll(folder=path, table=table,
                     skipped=pd.DataFrame(skipped, columns=["file", "problem"]),
                     superseded=pd.DataFrame(superseded, columns=["file", "student", "kept"]),
                     ignored=ignored, files_read=len(files))


#: Column -> the label a student reads (code keeps the column names).
LABELS = {"saved_at": "saved at"}


def readable(table: pd.DataFrame) -> pd.DataFrame:
    """The poll table (or a few of its rows) for reading: column names in words and the time
    each file was saved written out ("4 March 2024, 09:04 UTC", not pandas' ISO stamp)."""
    if not isinstance(table, pd.DataFrame):
        raise InputError("Expected the poll table (load_class(folder).table) or some of its rows.")
    out = table.copy()
    if "saved_at" in out.columns:
        out["saved_at"] = [_when(t) for t in out["saved_at"]]
    return out.rename(columns=LABELS)


def _when(stamp) -> str:
    if stamp is None or pd.isna(stamp):
        return ""
    t = pd.Timestamp(stamp)
    t = t.tz_convert("UTC") if t.tzinfo is not None else t.tz_localize("UTC")
    return f"{t.day} {t:%B %Y, %H:%M} UTC"


# --------------------------------------------------------------------------- summaries
def _check_table(table) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame) or not {"claim", "position"} <= set(table.columns):
        raise InputError("Expected the poll table (load_class(folder).table), with columns "
                         "claim and position.")
    return table


def counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many answers each claim got at each position: claims x positions 1-5."""
    table = _check_table(table)
    if len(table) == 0:  # pandas 2's crosstab mangles the columns of an empty table
        grid = pd.DataFrame(0, index=list(CLAIM_IDS), columns=[1, 2, 3, 4, 5])
    else:
        grid = pd.crosstab(pd.Categorical(table["claim"], categories=list(CLAIM_IDS)),
                           pd.Categorical(table["position"], categories=[1, 2, 3, 4, 5]),
                           dropna=False)
    grid.index.name, grid.columns.name = "claim", "position"
    return grid.astype("int64")


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: answers, mean, median, standard deviation, and who agrees.

    ``agree`` counts positions 4-5, ``disagree`` 1-2, ``neither`` 3; ``std`` is the sample
    standard deviation (pandas' default). Claims nobody answered have 0 answers and NaN.
    """
    grid = counts(table)
    positions = _check_table(table).groupby("claim", observed=False)["position"]
    out = pd.DataFrame({
        "short": [c.short for c in CLAIMS],
        "answers": grid.sum(axis=1).to_numpy(),
        "mean": positions.mean().reindex(list(CLAIM_IDS)).to_numpy(dtype=float),
        "median": positions.median().reindex(list(CLAIM_IDS)).to_numpy(dtype=float),
        "std": positions.std().reindex(list(CLAIM_IDS)).to_numpy(dtype=float),
        "disagree": (grid[1] + grid[2]).to_numpy(),
        "neither": grid[3].to_numpy(),
        "agree": (grid[4] + grid[5]).to_numpy(),
    }, index=pd.Index(list(CLAIM_IDS), name="claim"))
    return out


#: Okabe-Ito colours, diverging from vermillion (disagree) to blue (agree), with hatching
#: so the two ends differ in pattern as well as colour.
SPREAD_STYLE = {
    1: {"color": "#D55E00", "hatch": "xx"},
    2: {"color": "#E69F00", "hatch": "//"},
    3: {"color": "#BBBBBB", "hatch": ""},
    4: {"color": "#56B4E9", "hatch": "\\\\"},
    5: {"color": "#0072B2", "hatch": "++"},
}


def plot_spread(table: pd.DataFrame, ax=None):
    """Diverging stacked bars, one per claim: the share of answers at each position.

    Disagreement extends left of zero, agreement right, "neither" straddles zero. Returns
    the Axes. Pair it with :func:`describe_spread` for readers who cannot see it.
    """
    grid = counts(table)
    totals = grid.sum(axis=1).replace(0, 1)
    share = grid.div(totals, axis=0) * 100
    if ax is None:
        from matplotlib.figure import Figure  # a bare figure: pyplot's state is left alone

        ax = Figure(figsize=(8, 3.8), layout="constrained").subplots()
    y = list(range(len(CLAIMS)))[::-1]  # claim 1 on top
    left = -(share[1] + share[2] + share[3] / 2)
    for position in (1, 2, 3, 4, 5):
        style = SPREAD_STYLE[position]
        ax.barh(y, share[position], left=left, color=style["color"], hatch=style["hatch"],
                edgecolor="#333333", linewidth=0.6, label=f"{position} {SHORT_SCALE[position]}")
        for yi, width, start, n in zip(y, share[position], left, grid[position]):
            if width >= 7:  # the count on a solid white label, readable over any hatch
                ax.text(start + width / 2, yi, str(n), ha="center", va="center", fontsize=10.5,
                        color="black", fontweight="bold",
                        bbox={"facecolor": "white", "edgecolor": "#333333", "linewidth": 0.5,
                              "pad": 1.5, "boxstyle": "round,pad=0.15"})
        left = left + share[position]
    ax.axvline(0, color="#000000", linewidth=1)
    ax.set_yticks(y, [c.short for c in CLAIMS])
    ax.set_xlim(-100, 100)
    ax.set_xticks([-100, -50, 0, 50, 100], ["100%", "50%", "0", "50%", "100%"])
    ax.set_xlabel("share of answers: disagree  \u2190  |  \u2192  agree   (numbers in bars: students)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False,
              fontsize=10, columnspacing=0.9, handlelength=1.6, handletextpad=0.4)
    if int(grid.to_numpy().sum()) == 0:
        ax.text(0, len(CLAIMS) / 2 - 0.5, "no answers yet", ha="center", va="center")
    return ax


def describe_spread(table: pd.DataFrame) -> str:
    """The plot of :func:`plot_spread` in words, for screen readers (and for the record)."""
    stats = summary(table)
    if int(stats["answers"].sum()) == 0:
        return "The plot is empty: no answers were loaded."
    parts = ["Diverging bars, one per claim: disagreement to the left of the centre line, "
             "agreement to the right, 'neither' across it."]
    for claim in CLAIMS:
        row = stats.loc[claim.id]
        n = int(row["answers"])
        if n == 0:
            parts.append(f"Claim {claim.short}: no answers.")
            continue
        parts.append(f"Claim {claim.short}: {int(row['agree'])} of {n} agree, "
                     f"{int(row['disagree'])} disagree, {int(row['neither'])} neither "
                     f"(mean {row['mean']:.1f} on the 1-5 scale).")
    answered = stats[stats["answers"] >= 2]
    if len(answered):
        most = answered["mean"].idxmax()
        split = answered["std"].idxmax()
        parts.append(f"Most agreement: {_BY_ID[most].short}. Most divided (largest spread): "
                     f"{_BY_ID[split].short}.")
    return " ".join(parts)


def reasons(table: pd.DataFrame, claim_id: str) -> pd.DataFrame:
    """The reasons given for one claim, grouped from strongly disagree to strongly agree."""
    _claim(claim_id)
    table = _check_table(table)
    picked = table[table["claim"] == claim_id]
    return (picked.sort_values(["position", "student"])[["position", "label", "student", "reason"]]
            .reset_index(drop=True))


# --------------------------------------------------------------------------- the sample class
SAMPLE_README = """\
THIS CLASS IS MADE UP.

These poll files are invented sample data for lesson 07 ("Was it real?") of the
Between the Words kit. The students ("Student 01" to "Student 24") do not exist; their
positions were drawn at random (seed {seed}) and their reasons picked from a list written
for the kit. Nothing here comes from real people.

The folder shows what the instructor's loader does:
- {students} students' files load into one table;
- Student 05 saved twice: the later file ({prefix}student-05-2.json) is kept and the
  earlier one is reported as superseded;
- two files are broken on purpose and are named and skipped, while the rest load:
  {prefix}student-25.json (cut short: not valid JSON) and
  {prefix}student-26.json (a position of 7 on a 1-5 scale);
- a few reasons contain an emoji, right-to-left (Hebrew) text and typed HTML tags,
  which the kit shows as text, never as markup.

Regenerate it (byte for byte) with:
    python -m seminar poll sample seminar/data/sample_class --overwrite
"""

_LEANINGS = {  # chances of positions 1..5 for each claim in the made-up class
    "love": (8, 12, 15, 40, 25),
    "someone": (15, 25, 25, 25, 10),
    "substance": (20, 25, 20, 20, 15),
    "world": (5, 15, 20, 40, 20),
    "joy": (25, 30, 15, 20, 10),
}
_SKIP_CHANCE = 0.06

_REASONS = {  # claim -> (disagree, neither, agree) made-up one-line reasons
    "love": (
        ("He loved a product tuned to please him, which is closer to a mirror.",
         "Real love needs someone who can refuse you, and she was designed not to.",
         "He loved an idea of her that he filled in himself.",
         "A feeling is not enough; love is a relation, and the other end was missing.",
         "He wrote other people's love letters and then fell for the same trick."),
        ("His feelings were real; I can't tell whether that makes the love real.",
         "It depends on what Samantha was, which the film never settles.",
         "Real for him, maybe not real in the world."),
        ("He felt it and acted on it; that is what love is for anyone.",
         "His feelings changed how he lived, so they were real feelings.",
         "Nobody can see inside a partner's head, human or not; he loved all the same.",
         "He was hurt when she left, and you are not hurt like that by nothing.",
         "Love is in the lover; whether she loved him back is another question."),
    ),
    "someone": (
        ("Everything she did could be a program's output, so no one was home.",
         "A voice and good timing are not a self.",
         "She was the same program for thousands of people at once.",
         "A company made her to sell a product; that is a thing, not a person.",
         "Clever talk is still only talk; we never learn what it is like to be her."),
        ("The film gives us only her voice, so I can't decide.",
         "I don't know what would even count as evidence here.",
         "Maybe she became someone part-way through."),
        ("She made choices he did not expect, which is what a someone does.",
         "She grew and changed on her own; software on rails does not do that.",
         "She left. Something that can leave was somebody.",
         "She had her own friends and plans by the end.",
         "If she talked, joked and worried like a person, I count her as one."),
    ),
    "substance": (
        ("Love is tied to bodies that can be touched and can age.",
         "Code copies perfectly, and a love that can be copied is not the same thing.",
         "Cells feel; chips compute. The material is the whole question.",
         "Without a body she could not share his world the way lovers do.",
         "Being made of something that can be backed up changes what losing someone means."),
        ("It depends on whether code can feel at all, and I'm not sure.",
         "Maybe it matters for some kinds of love and not others.",
         "I'd need to know more about what consciousness is."),
        ("If two minds feel and think the same, the material is a detail.",
         "We are made of cells and nobody thinks that is what makes love love.",
         "What matters is how she thinks and feels, not what runs it.",
         "Brains are physical too; code on chips is just another physical thing.",
         "If we met aliens made of silicon we would not deny they could love."),
    ),
    "world": (
        ("He was hiding in an earpiece instead of facing people.",
         "It was a private bubble, not the shared world.",
         "He saw the world through a device, which is the opposite of being in it.",
         "He avoided his divorce and his friends by talking to her.",
         "Being in the world means being with others who can surprise you, not an app."),
        ("Both: more alive, but also more alone.",
         "He changed, but I can't tell if it was because of her.",
         "Hard to say; maybe he only got there after she left."),
        ("He went out, laughed, went to the beach: he was back in the world.",
         "She showed him things to care about again.",
         "Talking with her made his ordinary days feel like his own.",
         "Even a strange relationship can open the world up again.",
         "Before her he was stuck; with her he could feel things again."),
    ),
    "joy": (
        ("A drug gives joy too; that does not make it a relationship.",
         "It matters because he built his life around it and it ended.",
         "Truth matters even in happiness; otherwise anything goes.",
         "Joy from something unreal can keep you from real connection.",
         "If it were only about joy, the ending would not hurt so much."),
        ("It matters for some people and not for others.",
         "Joy matters, but so does knowing what you're in.",
         "I see Amy's point but I'm not fully convinced."),
        ("Amy is right: life is short and joy is enough.",
         "If nobody is harmed, it is not our business whether it was real.",
         "Asking whether it was real only makes people doubt good things.",
         "Joy is real even if its cause is strange.",
         "Most love stories are partly imagination anyway."),
    ),
}

#: Reasons that show the kit's handling of unusual text: (student number, claim, position, reason).
_SPECIAL = (
    (3, "love", 4, "It made him happy \U0001F642 and that counts."),
    (11, "substance", 4, "\u05d0\u05d4\u05d1\u05d4 \u05d4\u05d9\u05d0 \u05d0\u05d4\u05d1\u05d4 (love is love)"),
    (17, "someone", 5, "<b>Yes</b>, she was someone <script>alert('hi')</script>"),
)


def _sample_answers(rng: random.Random, number: int, unused: dict) -> dict:
    """One made-up student's answers; reasons are dealt from a shuffled pile per claim and side."""
    answers = {}
    for claim in CLAIMS:
        if rng.random() < _SKIP_CHANCE:
            answers[claim.id] = (None, "")
            continue
        position = rng.choices((1, 2, 3, 4, 5), weights=_LEANINGS[claim.id])[0]
        side = 0 if position <= 2 else 1 if position == 3 else 2
        pile = unused.setdefault((claim.id, side), [])
        if not pile:
            pile.extend(_REASONS[claim.id][side])
            rng.shuffle(pile)
        answers[claim.id] = (position, pile.pop())
    for student, claim_id, position, reason in _SPECIAL:
        if student == number:
            answers[claim_id] = (position, reason)
    return answers


def sample_files(seed: int = SAMPLE_SEED, students: int = SAMPLE_STUDENTS) -> dict[str, str]:
    """The made-up sample class as {file name: text}, the same for the same seed."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InputError(f"seed must be a whole number; got {type(seed).__name__}.")
    if isinstance(students, bool) or not isinstance(students, int) or not 5 <= students <= 99:
        raise InputError(f"students must be a whole number from 5 to 99; got {students!r}.")
    rng = random.Random(seed)
    unused: dict = {}
    start = datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)
    files = {"README.txt": SAMPLE_README.format(seed=seed, students=students, prefix=FILE_PREFIX)}
    for number in range(1, students + 1):
        name = f"Student {number:02d}"
        stamp = start + timedelta(minutes=3 * number + rng.randint(0, 2))
        if number == 5:  # saved once, changed their mind, saved again: both files handed in
            first = make_record(name, _sample_answers(rng, number, unused), saved_at=stamp)
            files[file_name(name)] = to_json(first)
            later = make_record(name, _sample_answers(rng, number, unused), saved_at=stamp + timedelta(minutes=20))
            files[file_name(name)[:-5] + "-2.json"] = to_json(later)
        else:
            files[file_name(name)] = to_json(make_record(name, _sample_answers(rng, number, unused),
                                                         saved_at=stamp))
    stamp = start + timedelta(minutes=3 * (students + 1))
    cut = to_json(make_record(f"Student {students + 1:02d}", _sample_answers(rng, students + 1, unused),
                              saved_at=stamp))
    files[file_name(f"Student {students + 1:02d}")] = cut[: len(cut) * 3 // 5]  # cut short
    bad = make_record(f"Student {students + 2:02d}", _sample_answers(rng, students + 2, unused),
                      saved_at=stamp + timedelta(minutes=1))
    bad["answers"][-1]["position"] = 7
    files[file_name(f"Student {students + 2:02d}")] = to_json(bad)
    return files


def make_sample_class(folder=SAMPLE_DIR, *, seed: int = SAMPLE_SEED,
                      students: int = SAMPLE_STUDENTS, overwrite: bool = False) -> list[Path]:
    """Write the made-up sample class into ``folder``; returns the paths written.

    Refuses (nothing written) if any of its files exists, unless ``overwrite=True``.
    Never deletes anything else in the folder.
    """
    return handins.write_sample(folder, sample_files(seed, students), overwrite=overwrite, how="overwrite=True (--overwrite)")
