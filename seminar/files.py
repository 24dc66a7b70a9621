"""Writing files safely: all or nothing, readable like any ordinary file.

A file is first written to a temporary file beside its target and then renamed over it,
so a crash never leaves half a notebook behind. (``tempfile.mkstemp`` creates files only
the owner can read; these are made ordinary, readable files.)
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

MODE = 0o644


def temp_beside(target: Path) -> Path:
    """An empty temporary file in ``target``'s folder (the caller renames or removes it)."""
    fd, tmp = tempfile.mkstemp(dir=Path(target).parent, prefix=f".{Path(target).name}.",
                               suffix=".tmp")
    os.close(fd)
    os.chmod(tmp, MODE)
    return Path(tmp)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8 with ``\\n`` line ends) to ``path`` at once."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(path)
    try:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
