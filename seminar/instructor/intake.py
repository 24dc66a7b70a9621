"""Reading handed-in files safely: a folder or a zip, one file at a time, every problem a reason.

- A folder is walked without following symbolic links; a link (to a file or a folder) is
  reported, never read. Only regular files are opened (``O_NOFOLLOW``).
- A zip's members are read in memory, never extracted: a name with ``..``, an absolute path
  (``/x`` or ``C:\\x``) or a NUL character is reported and not read; so is an encrypted
  member, one over :data:`MAX_BYTES`, and every member once the total expanded size passes
  :data:`MAX_TOTAL`. A member is read with a size cap, so a lying header cannot blow up.
- :func:`read_notebook` turns any content into a notebook or a reason: empty, not UTF-8, not
  JSON, nested too deeply (``RecursionError``), not a notebook; nbformat 3 is converted.
"""
from __future__ import annotations

import json
import os
import re
import stat
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from seminar.text import InputError

#: Largest handed-in file read (a notebook with huge saved outputs gets a row, not loaded).
MAX_BYTES = 50 * 2**20
#: Most bytes read out of one zip in total.
MAX_TOTAL = 1 * 2**30


@dataclass
class Entry:
    rel: str              # its name inside the folder or the zip
    origin: Path          # the file, or the zip
    member: object = None  # zipfile.ZipInfo for a zip member
    problem: str = ""     # why it is not read ("" if it can be)


def _skip(parts) -> bool:
    return any(p.startswith(".") or p in ("__MACOSX", ".ipynb_checkpoints") for p in parts)


def _unsafe_member(raw: str) -> str:
    if "\x00" in raw:
        return "its name holds a NUL character"
    name = raw.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "its name is an absolute path"
    if ".." in name.split("/"):
        return "its name goes up a folder (..)"
    return ""


def entries(source: Path) -> list[Entry]:
    """Every notebook (and every file that cannot be one safely) in a folder or a zip; no reading."""
    if not isinstance(source, (str, os.PathLike)):
        raise InputError(f"Give the folder (or .zip) of handed-in notebooks as a path, "
                         f"not {type(source).__name__}.")
    source = Path(source)
    if source.is_symlink():
        raise InputError(f"{source} is a symbolic link: give the folder or zip itself.")
    if not source.exists():
        raise InputError(f"{source} does not exist: give the folder (or .zip) of handed-in notebooks.")
    found: list[Entry] = []
    if source.is_file():
        try:
            archive = zipfile.ZipFile(source)
            infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError(f"{source} is a file but not a readable .zip ({exc}): give a folder "
                             "of notebooks or a zip of them.") from None
        archive.close()
        total = 0
        for info in infos:
            raw = getattr(info, "orig_filename", info.filename)  # zipfile cuts names at NUL
            unsafe = _unsafe_member(raw)
            name = PurePosixPath(raw.replace("\\", "/").replace("\x00", "?"))
            if info.is_dir() or (not unsafe and (_skip(name.parts) or name.suffix.lower() != ".ipynb")):
                continue
            problem = ""
            if unsafe:
                problem = f"zip member not read: {unsafe}"
            elif info.flag_bits & 0x1:
                problem = "zip member not read: it is encrypted (password-protected)"
            elif info.file_size > MAX_BYTES:
                problem = f"too large to read ({info.file_size:,} bytes; the limit is {MAX_BYTES:,})"
            else:
                total += info.file_size
                if total > MAX_TOTAL:
                    problem = f"not read: the zip expands to more than {MAX_TOTAL:,} bytes in all"
            found.append(Entry(name.as_posix(), source, info, problem))
    else:
        for folder, dirs, files in os.walk(source, followlinks=False):
            base = Path(folder)
            rel_base = base.relative_to(source)
            for d in list(dirs):
                if (base / d).is_symlink():
                    dirs.remove(d)
                    if not _skip((rel_base / d).parts):
                        found.append(Entry((rel_base / d).as_posix(), base / d, problem=(
                            "a symbolic link to a folder: not followed")))
                elif _skip((rel_base / d).parts):
                    dirs.remove(d)
            for f in files:
                rel = rel_base / f
                if _skip(rel.parts) or not f.lower().endswith(".ipynb"):
                    continue
                path = base / f
                problem = ""
                info = path.lstat()
                if stat.S_ISLNK(info.st_mode):
                    problem = "a symbolic link: not followed (hand in the notebook itself)"
                elif not stat.S_ISREG(info.st_mode):
                    problem = "not a regular file: not read"
                elif info.st_size > MAX_BYTES:
                    problem = f"too large to read ({info.st_size:,} bytes; the limit is {MAX_BYTES:,})"
                found.append(Entry(rel.as_posix(), path, problem=problem))
    return sorted(found, key=lambda e: e.rel)


def read_bytes(entry: Entry) -> tuple[bytes, str]:
    """(bytes, "") or (b"", the reason it cannot be read)."""
    if entry.problem:
        return b"", entry.problem
    try:
        if entry.member is not None:
            with zipfile.ZipFile(entry.origin) as archive, archive.open(entry.member) as handle:
                data = handle.read(MAX_BYTES + 1)
        else:
            fd = os.open(entry.origin, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    return b"", "not a regular file: not read"
                data = handle.read(MAX_BYTES + 1)
    except Exception as exc:  # damaged member, unknown compression, vanished file, ...
        return b"", f"could not be read ({type(exc).__name__}: {str(exc)[:150]})"
    if len(data) > MAX_BYTES:
        return b"", f"too large to read (over {MAX_BYTES:,} bytes)"
    return data, ""


def tidy(nb: dict) -> str:
    """Make a notebook's JSON safe to grade, in place; or say why it cannot be a notebook.

    Grading reads only the cells' type, text, id and metadata, so anything odd there is
    normalised (metadata that is not an object becomes empty; an id that is not text is
    dropped, so the cell is matched by content or position; a source given as a list of
    lines is joined) or refused with the cell's number (a cell that is not an object, a
    cell without a type, a source that is not text). Outputs and attachments are never
    read: they are dropped.
    """
    if not isinstance(nb.get("metadata"), dict):
        nb["metadata"] = {}
    cells = nb.get("cells")
    if not isinstance(cells, list):
        return "not a notebook: the JSON has no list of cells"
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict):
            return f"not a notebook: cell {number} is not a cell (not a JSON object)"
        if not isinstance(cell.get("cell_type"), str) or cell["cell_type"] not in (
                "code", "markdown", "raw"):
            return f"not a notebook: cell {number} has no type (code, markdown or raw)"
        source = cell.get("source", "")
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            source = "".join(source)
        if not isinstance(source, str):
            return f"not a notebook: cell {number} has no text (its source is not text)"
        cell["source"] = source
        if not isinstance(cell.get("metadata"), dict):
            cell["metadata"] = {}
        if "id" in cell and not (isinstance(cell["id"], str) and cell["id"]):
            del cell["id"]
        cell.pop("attachments", None)
        if cell["cell_type"] == "code":
            cell["outputs"] = []
    return ""


def read_notebook(data: bytes):
    """(notebook, "") or (None, the reason in plain words)."""
    import nbformat

    if not data:
        return None, "the file is empty (0 bytes): was the upload cut short?"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "not a notebook: the file is not text (UTF-8); was a different file uploaded?"
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, (f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}): "
                      "the file was cut short or edited outside Jupyter")
    except RecursionError:
        return None, "not a notebook: the JSON is nested too deeply to read"
    if not isinstance(raw, dict):
        return None, "not a notebook: the JSON has no list of cells"
    old = raw.get("nbformat") == 3 and isinstance(raw.get("worksheets"), list)
    if not old and not isinstance(raw.get("cells"), list):
        return None, "not a notebook: the JSON has no list of cells"
    if not old:
        why = tidy(raw)
        if why:
            return None, why
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if old:
                nb = nbformat.reads(json.dumps(raw), as_version=4)
                why = tidy(nb)
                if why:
                    return None, why
            else:
                nb = nbformat.from_dict(raw)   # not validated: 10 ms a file saved
    except RecursionError:
        return None, "not a notebook: the JSON is nested too deeply to read"
    except Exception as exc:  # a notebook nbformat cannot read: old, or damaged
        return None, f"not a notebook Jupyter can read ({type(exc).__name__}: {str(exc)[:200]})"
    return nb, ""
