"""``python -m seminar release``: the student notebooks of chosen exercises, for an LMS.

Copies ``exercises/NN-slug.ipynb`` (the generated student versions, with no solutions)
into a folder, or into one zip. It refuses, writing nothing, when

- an exercise is out of date with its solution (run ``python -m seminar exercises``), or
- a file of the same name with different content is already there (``--force`` replaces
  it; an identical file is left as it is).

Files are written to temporary names first and renamed at the end, so an error half-way
leaves no half-released set.
"""
from __future__ import annotations

import argparse
import os
import zipfile
from pathlib import Path

from seminar.files import temp_beside
from seminar.text import InputError

HELP = "copy the student versions of exercises to a folder or a .zip (for an LMS)"


def choose(root: Path, raw: list[str]) -> list[str]:
    from seminar.instructor import exercises as gen

    known = gen.solution_names(root)
    if not raw:
        return known
    names = []
    for item in raw:
        name = Path(item).name
        name = name[: -len(".ipynb")] if name.endswith(".ipynb") else name
        if name not in known:
            raise InputError(f"There is no exercise {name!r} (known: {', '.join(known) or 'none'}).")
        if name not in names:
            names.append(name)
    return names


def check_current(root: Path, names: list[str]) -> None:
    from seminar.instructor import exercises as gen

    problems = gen.check_sync(root, names)
    problems = [p for p in problems if Path(p.path).stem in names]
    if problems:
        listed = "\n  ".join(str(p) for p in problems)
        raise InputError(f"Not released: these student versions are not in step with "
                         f"solutions/:\n  {listed}\nRun: python -m seminar exercises")


def release_to_folder(root: Path, names: list[str], folder: Path, force: bool = False) -> list[str]:
    """Copy the exercises into ``folder``; returns the lines to print."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} exists and is not a folder.")
    sources = {name: (Path(root) / "exercises" / f"{name}.ipynb").read_bytes() for name in names}
    conflicts, same = [], []
    for name, data in sources.items():
        target = folder / f"{name}.ipynb"
        if target.exists():
            if target.is_file() and target.read_bytes() == data:
                same.append(name)
            else:
                conflicts.append(target)
    if conflicts and not force:
        listed = "\n  ".join(str(p) for p in conflicts)
        raise InputError(f"Nothing released: these files already exist with other content:\n  "
                         f"{listed}\nMove them away, or pass --force to replace them "
                         "(their content is lost).")
    folder.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in sources.items():
            if name in same:
                continue
            target = folder / f"{name}.ipynb"
            tmp = temp_beside(target)
            staged.append((tmp, target))
            tmp.write_bytes(data)
        for tmp, target in staged:
            os.replace(tmp, target)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    lines = [f"{'replaced' if folder / f'{n}.ipynb' in conflicts else 'wrote'} "
             f"{folder / f'{n}.ipynb'}" for n in names if n not in same]
    lines += [f"already there (identical): {folder / f'{n}.ipynb'}" for n in same]
    return lines


def release_to_zip(root: Path, names: list[str], target: Path, force: bool = False) -> list[str]:
    if target.exists() and not force:
        raise InputError(f"Nothing released: {target} already exists. Move it away, or pass "
                         "--force to replace it (its content is lost).")
    if not target.parent.is_dir():
        raise InputError(f"The folder {target.parent} does not exist.")
    tmp = temp_beside(target)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                info = zipfile.ZipInfo(f"{name}.ipynb", date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, (Path(root) / "exercises" / f"{name}.ipynb").read_bytes())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return [f"wrote {target} ({len(names)} notebook(s): {', '.join(names)})"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Copy the student versions of exercises (exercises/NN-slug.ipynb: no solutions, no hidden "
        "tests) into a folder or a .zip, to upload to an LMS. Refuses to overwrite a file that is "
        "already there unless --force, and refuses exercises that are out of date with solutions/.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="exercises to release, e.g. 02-chinese-room (default: all)")
    parser.add_argument("--to", required=True, metavar="DIR_OR_ZIP",
                        help="a folder (created if needed) or a file name ending in .zip")
    parser.add_argument("--force", action="store_true",
                        help="replace files already there (RISK: their content is lost)")


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    names = choose(root, args.names)
    if not names:
        raise InputError(f"There are no exercises in {root / 'solutions'} to release.")
    check_current(root, names)
    target = Path(args.to).expanduser()
    if target.suffix.lower() == ".zip":
        lines = release_to_zip(root, names, target, args.force)
    else:
        lines = release_to_folder(root, names, target, args.force)
    for line in lines:
        print(line)
    print("Students need the kit's Python packages to run these notebooks "
          "(pip install -r requirements.txt, or your JupyterHub's environment).")
    return 0
