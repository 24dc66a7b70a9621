"""Small hand-in files: what the class poll (lesson 07) and the scene log (lesson 10) share.

A student's answers are saved as one small UTF-8 JSON file, never overwriting an earlier
one; an instructor reads a folder of such files back, skipping (and naming) any file that
cannot be used, and keeping only the latest file of a student who saved more than once.
The kinds of file differ only in what a record holds, so each model passes its own
``noun`` (for messages), its record check and its file names; the rules here are the same.

- :func:`save_new`: write bytes under a name, or under the next free numbered name
  (``...-2.json``, ``...-3.json``) if it is taken; ``overwrite=True`` replaces it instead.
- :func:`read_json`: read one file (size limit, empty, UTF-8, JSON) with plain messages.
- :func:`json_files`: the ``*.json`` files of a folder, and the other names in it.
- :func:`latest_per_student`: the duplicate rule (latest ``saved_at``, then file name).
"""
from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from seminar.files import write_atomic
from seminar.text import InputError, clean_text


def one_line(text: str) -> str:
    """Newlines, tabs and runs of spaces become single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def name_key(name: str) -> str:
    """The key two names are compared by for duplicates: NFC, case-folded, single spaces."""
    return one_line(unicodedata.normalize("NFC", name)).casefold()


def slug(name: str) -> str:
    """A file-name-safe form of a name: ASCII letters and digits joined by '-' (or 'student')."""
    ascii_name = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return text or "student"


def short_name(name: str) -> str:
    return name if len(name) <= 80 else name[:77] + "..."


def size_text(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} KB"


def json_kind(value) -> str:
    """What a JSON value is, in words ("a list", "text", ...)."""
    return {list: "a list", str: "text", int: "a number", float: "a number", bool: "true or false",
            type(None): "null", dict: "an object"}.get(type(value), type(value).__name__)


def timestamp(value) -> datetime:
    """``value`` (a datetime or ISO 8601 text) as an aware UTC datetime, else InputError."""
    if isinstance(value, datetime):
        stamp = value
    elif isinstance(value, str) and len(value) <= 40:
        try:
            text = value.strip()
            if text[-1:] in ("Z", "z"):  # Python 3.10's fromisoformat does not read "Z"
                text = text[:-1] + "+00:00"
            stamp = datetime.fromisoformat(text)
        except ValueError:
            raise InputError(f"saved_at is not a date and time (ISO 8601): {value!r}.") from None
    else:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        raise InputError(f"saved_at is not a date and time (ISO 8601): {shown}.")
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.astimezone(timezone.utc)


def iso(stamp: datetime) -> str:
    return stamp.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_json(record: dict) -> str:
    """A record as the text of a hand-in file (UTF-8 JSON, readable, ending in a newline)."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def natural_key(file_name: str) -> list:
    """Sort key for file names with numbers compared as numbers, ignoring ``.json``.

    ``...-ada.json`` < ``...-ada-2.json`` < ``...-ada-11.json``: the copies :func:`save_new`
    numbers come in the order they were written.
    """
    stem = file_name[:-5] if file_name.lower().endswith(".json") else file_name
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", stem)]


def save_new(data: bytes, folder, base: str, *, overwrite: bool, noun: str,
             max_copies: int = 999) -> Path:
    """Write ``data`` as ``folder/base`` (a ``.json`` name) and return the path.

    An existing file is never overwritten unless ``overwrite=True``: the next free name is
    used instead (``stem-2.json``, ``stem-3.json``, ...), each tried with exclusive creation
    so that two saves at once cannot overwrite each other.
    """
    if isinstance(overwrite, bool) is False:
        raise InputError(f"overwrite must be True or False; got {type(overwrite).__name__}.")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} is a file, not a folder: choose another folder to save in.")
    folder.mkdir(parents=True, exist_ok=True)
    if overwrite:
        target = folder / base
        write_atomic(target, data)
        return target
    stem = base[:-len(".json")]
    for n in range(1, max_copies + 1):
        target = folder / (base if n == 1 else f"{stem}-{n}.json")
        try:
            with open(target, "xb") as out:  # fails if the name is taken: nothing overwritten
                out.write(data)
            return target
        except FileExistsError:
            continue
    raise InputError(f"There are already {max_copies} {noun}s for this name in {folder}: "
                     "tidy the folder or save with overwrite=True.")


def read_json(path, *, max_bytes: int, noun: str, error: type[InputError]):
    """The JSON value in the file at ``path``; ``error`` (with a plain message) if unusable."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise error(f"too large ({size_text(size)}; a {noun} is at most {size_text(max_bytes)}).")
    raw = path.read_bytes()
    if not raw.strip():
        raise error("the file is empty.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (a bad byte at position {exc.start}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"not valid JSON ({exc.msg}: line {exc.lineno}, column {exc.colno}); "
                    "was the file cut short or edited by hand?") from None
    except (ValueError, RecursionError) as exc:
        raise error(f"not valid JSON ({type(exc).__name__}).") from None


def folder_path(folder, *, noun: str) -> Path:
    """``folder`` (a Path or typed text) as an existing folder, else InputError saying why."""
    if isinstance(folder, Path):
        path = folder
    else:
        text = clean_text(folder, what="folder name", max_chars=1000)
        path = Path(text).expanduser()
    if not path.exists():
        raise InputError(f"There is no folder {short_name(str(path))!s}: check the name "
                         "(it is relative to this notebook's folder).")
    if not path.is_dir():
        raise InputError(f"{short_name(str(path))} is a file, not a folder: put the {noun}s "
                         "in a folder and give the folder's name.")
    return path


def json_files(path: Path, *, max_files: int) -> tuple[list[Path], list[str]]:
    """The ``*.json`` files directly in ``path`` (sorted) and the names of everything else."""
    entries = sorted(p for p in path.iterdir() if not p.name.startswith("."))
    files = [p for p in entries if p.is_file() and p.suffix.lower() == ".json"]
    chosen = {p.name for p in files}
    ignored = [p.name for p in entries if p.name not in chosen]
    if len(files) > max_files:
        raise InputError(f"{path} holds {len(files):,} .json files; a class is at most "
                         f"{max_files:,}. Is this the right folder?")
    return files, ignored


def read_all(files: list[Path], read: Callable[[Path], dict]):
    """``(good, skipped)``: ``[(name, record)]`` and ``[(name, problem)]`` for every file."""
    good, skipped = [], []
    for p in files:
        try:
            good.append((p.name, read(p)))
        except InputError as exc:
            skipped.append((p.name, str(exc)))
        except OSError as exc:
            skipped.append((p.name, f"could not be read ({exc.strerror or type(exc).__name__})."))
    return good, skipped


def latest_per_student(good: list[tuple[str, dict]]):
    """The duplicate rule: ``(latest, superseded)``.

    ``latest`` maps each student's :func:`name_key` to the ``(name, record)`` kept: the one
    saved last (``saved_at``), and on a tie the later file name (:func:`natural_key`).
    ``superseded`` lists ``(file, student, kept file)`` for the others.
    """
    latest: dict[str, tuple[str, dict]] = {}
    for name, record in good:
        key = name_key(record["student"])
        if key not in latest or ((record["saved_at"], natural_key(name)) >
                                 (latest[key][1]["saved_at"], natural_key(latest[key][0]))):
            latest[key] = (name, record)
    kept = {name for name, _ in latest.values()}
    superseded = [(name, record["student"], latest[name_key(record["student"])][0])
                  for name, record in good if name not in kept]
    return latest, superseded


def as_data_uri(record: dict) -> str:
    """A ``data:`` URI of a hand-in file, for a download link that works without a server."""
    import base64

    payload = base64.b64encode(to_json(record).encode("utf-8")).decode("ascii")
    return f"data:application/json;charset=utf-8;base64,{payload}"


def check_header(obj, *, schema: str, version: int, kind: str, error: type[InputError]) -> None:
    """The checks every hand-in file shares, each failure an ``error`` saying what is wrong.

    A JSON object whose ``"schema"`` is this kit's ``schema`` for ``kind`` (e.g. "poll file"),
    a whole-number ``schema_version`` from 1 up to ``version``, and a student's name.
    """
    if not isinstance(obj, dict):
        raise error(f"not a {kind} (the JSON holds {json_kind(obj)}, not an object).")
    if obj.get("schema") != schema:
        raise error(f'not a {kind} of this kit (it has no "schema": "{schema}").')
    found = obj.get("schema_version")
    if isinstance(found, bool) or not isinstance(found, int):
        raise error("schema_version is missing or not a whole number.")
    if found > version:
        raise error(f"written by a newer version of the kit (schema_version {found}; "
                    f"this kit reads {version}): update the kit.")
    if found < 1:
        raise error(f"schema_version {found} does not exist (this kit reads {version}).")
    student = obj.get("student")
    if not isinstance(student, str) or not student.strip():
        raise error("it has no student name (or pseudonym).")


def write_sample(folder, files: dict[str, str], *, overwrite: bool, how: str = "overwrite=True") -> list[Path]:
    """Write a made-up sample class (file name -> text) into ``folder``; return the paths.

    Refuses, writing nothing, if any of its files exists, unless ``overwrite``; never deletes
    anything else in the folder.
    """
    from seminar.files import write_atomic

    folder = Path(folder)
    taken = [name for name in files if (folder / name).exists()]
    if taken and not overwrite:
        raise InputError(f"{folder} already holds {len(taken)} of the sample's files "
                         f"(e.g. {taken[0]}); pass {how} to replace them.")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in files.items():
        write_atomic(folder / name, text.encode("utf-8"))
        paths.append(folder / name)
    return paths


def load_report(first: str, skipped, superseded, ignored: list, *, noun: str) -> str:
    """What loading a class folder read, skipped (and why) and superseded, in plain sentences.

    ``first`` is the opening sentence (what was read and loaded); ``skipped`` a table of
    (file, problem), ``superseded`` of (file, student, kept); ``ignored`` the names that are
    not ``noun`` files at all.
    """
    lines = [first]
    if len(skipped):
        lines.append(f"Skipped {len(skipped)} file{'s' * (len(skipped) != 1)} "
                     "that could not be used (the rest were loaded):")
        lines += [f"  - {short_name(f)}: {p}" for f, p in skipped.itertuples(index=False)]
    else:
        lines.append("No file was skipped.")
    if len(superseded):
        lines.append(f"{len(superseded)} earlier file{'s' * (len(superseded) != 1)} "
                     "replaced by a later save of the same student (the latest is kept):")
        lines += [f"  - {short_name(f)} ({who}): kept {short_name(k)}"
                  for f, who, k in superseded.itertuples(index=False)]
    if ignored:
        shown = ", ".join(short_name(n) for n in ignored[:5])
        more = f" and {len(ignored) - 5} more" if len(ignored) > 5 else ""
        lines.append(f"Not {noun}s (ignored): {shown}{more}.")
    return "\n".join(lines)
