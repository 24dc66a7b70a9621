"""``python -m seminar links``: launch links for the exercises, ready to paste into an LMS.

Two kinds of link open an exercise in JupyterLab:

- **Binder** (mybinder.org builds the published repository): anyone can open it, no
  account, but the session stops after about 10 minutes idle and nothing is saved.
- **nbgitpuller** on a JupyterHub (``--hub`` and ``--repo``): the hub clones the
  repository into the student's home folder on the first click and merges updates on
  later clicks, keeping the student's version where both changed the same lines (see
  instructors/README.md for what that means in practice).
  The link is ``HUB/hub/user-redirect/git-pull?repo=...&branch=...&subPath=exercises/NN-slug.ipynb&app=lab``
  (plus ``targetPath`` with ``--target-path``). It names no folder itself: nbgitpuller
  works out both the folder it clones into (``targetPath``, by default the URL's last
  segment, ``.git`` included) and the page it opens (``lab/tree/`` + the hub's
  ``NBGITPULLER_PARENTPATH`` + that folder + ``subPath``) from the same values, so the
  link works with or without ``.git`` and on hubs that set a parent path. (A ``urlpath``
  link would have to guess the folder, and guesses wrong in both cases.)
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import urllib.parse
from pathlib import Path, PurePosixPath

from seminar.text import InputError

HELP = "print Binder and JupyterHub (nbgitpuller) links to the exercises, as Markdown or CSV"


def binder_link(relpath: str, repository: str, branch: str) -> str:
    """A mybinder.org link opening ``relpath`` in JupyterLab (like ``syllabus.binder_url``)."""
    from seminar.classroom.course import BINDER

    return (f"{BINDER}/{repository}/{urllib.parse.quote(branch, safe='')}?urlpath="
            + urllib.parse.quote(f"lab/tree/{relpath}", safe="/"))


def repo_folder(repo: str) -> str:
    """The repository's name: the clone URL's last path segment without ``.git``.

    Only to check ``--repo``; the links leave the folder to nbgitpuller (see above)."""
    path = urllib.parse.urlparse(repo).path if "://" in repo else repo.split(":")[-1]
    name = PurePosixPath(path.rstrip("/")).name
    name = name[:-4] if name.endswith(".git") else name
    if not name:
        raise InputError(f"Cannot tell the repository's name from {repo!r}: give its clone URL, "
                         "e.g. https://github.com/OWNER/REPO")
    return name


def check_hub(hub: str) -> str:
    parsed = urllib.parse.urlparse(hub.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(f"--hub must be the hub's web address, e.g. https://hub.example.edu "
                         f"(got {hub!r}).")
    path = re.sub(r"/hub(/.*)?$", "", parsed.path.rstrip("/"))  # "…/hub/home" pasted by mistake
    return urllib.parse.urlunparse((parsed.scheme, parsed.netloc, path, "", "", "")).rstrip("/")


def nbgitpuller_link(hub: str, repo: str, branch: str, relpath: str,
                     target_path: str | None = None) -> str:
    """An nbgitpuller link that pulls ``repo`` on ``hub`` and opens ``relpath`` in JupyterLab.

    nbgitpuller's own form (``subPath`` + ``app=lab``, no ``urlpath``): it opens
    ``relpath`` inside whatever folder it cloned into."""
    params = [("repo", repo), ("branch", branch), ("subPath", relpath), ("app", "lab")]
    if target_path:
        params.append(("targetPath", target_path.strip("/")))
    return check_hub(hub) + "/hub/user-redirect/git-pull?" + urllib.parse.urlencode(params)


def title_of(path: Path) -> str:
    try:
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
        source = cells[0]["source"]
        source = "".join(source) if isinstance(source, list) else source
        for line in source.split("\n"):
            if line.startswith("# "):
                return line[2:].strip()
    except Exception:  # an unreadable file still gets a link; its name stands in
        pass
    return Path(path).stem


def rows(root: Path, names: list[str], args) -> list[dict]:
    out = []
    for name in names:
        rel = f"exercises/{name}.ipynb"
        row = {"exercise": name, "title": title_of(Path(root) / rel),
               "binder": binder_link(rel, args.binder_repo, args.branch)}
        if args.hub:
            row["hub"] = nbgitpuller_link(args.hub, args.repo, args.branch, rel, args.target_path)
        out.append(row)
    return out


def markdown(table: list[dict]) -> str:
    hub = bool(table) and "hub" in table[0]
    cell = lambda s: str(s).replace("|", "\\|")  # noqa: E731
    lines = ["| Exercise | Binder |" + (" JupyterHub |" if hub else ""),
             "|---|---|" + ("---|" if hub else "")]
    for r in table:
        line = f"| {r['exercise']}: {cell(r['title'])} | [open on Binder]({r['binder']}) |"
        if hub:
            line += f" [open on the hub]({r['hub']}) |"
        lines.append(line)
    return "\n".join(lines)


def to_csv(table: list[dict]) -> str:
    buffer = io.StringIO()
    fields = ["exercise", "title", "binder"] + (["hub"] if table and "hub" in table[0] else [])
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return buffer.getvalue()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Print a link per exercise that opens it in JupyterLab: on Binder (anyone, no account; "
        "stops after about 10 minutes idle and keeps nothing, so students must download their "
        "work), and with --hub and --repo on your JupyterHub through nbgitpuller (the repository "
        "is cloned into each student's home; later clicks merge your updates, keeping the "
        "student's version wherever you both changed the same or neighbouring lines: see "
        "instructors/README.md). Paste the output into your LMS.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="exercises, e.g. 02-chinese-room (default: every exercises/*.ipynb)")
    parser.add_argument("--format", choices=["markdown", "csv"], default="markdown",
                        help="output format (default: %(default)s)")
    parser.add_argument("--hub", metavar="URL", help="your JupyterHub's address, e.g. "
                        "https://hub.example.edu (needs nbgitpuller installed on the hub)")
    parser.add_argument("--repo", metavar="URL", help="the kit's git clone URL for nbgitpuller, "
                        "e.g. https://github.com/OWNER/REPO (with or without .git; the hub "
                        "clones into a folder named like the URL's last part)")
    parser.add_argument("--branch", help="the branch to open, on Binder and the hub "
                        "(default: BRANCH in seminar/classroom/course.py)")
    parser.add_argument("--binder-repo", metavar="OWNER/NAME", help="the GitHub repository "
                        "Binder builds (default: REPOSITORY in seminar/classroom/course.py)")
    parser.add_argument("--target-path", metavar="DIR",
                        help="nbgitpuller's targetPath: the folder to clone into on the hub, "
                             "under the hub's NBGITPULLER_PARENTPATH if it sets one (default: "
                             "the clone URL's last part, e.g. REPO or REPO.git)")


def run(args: argparse.Namespace) -> int:
    from seminar.classroom.course import BRANCH, REPOSITORY

    root = Path(args.root)
    args.branch = args.branch or BRANCH
    args.binder_repo = args.binder_repo or REPOSITORY
    if bool(args.hub) != bool(args.repo):
        raise InputError("Give both --hub and --repo for JupyterHub links (or neither).")
    if args.hub:
        check_hub(args.hub)
        repo_folder(args.repo)
    if args.target_path is not None:
        target = PurePosixPath(args.target_path.strip().strip("/"))
        if not str(target) or str(target) == "." or ".." in target.parts or "\\" in str(target):
            raise InputError(f"--target-path must be a folder inside the student's home, e.g. "
                             f"courses/her (got {args.target_path!r}).")
    if not re.fullmatch(r"[\w.-]+/[\w.-]+", args.binder_repo or ""):
        raise InputError(f"--binder-repo looks like OWNER/NAME, not {args.binder_repo!r}.")
    folder = root / "exercises"
    known = sorted(p.stem for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    if not known:
        raise InputError(f"There are no exercise notebooks in {folder}: "
                         "run python -m seminar exercises first.")
    names = []
    for item in args.names or known:
        name = Path(item).name
        name = name[: -len(".ipynb")] if name.endswith(".ipynb") else name
        if name not in known:
            raise InputError(f"There is no exercises/{name}.ipynb (known: {', '.join(known)}).")
        names.append(name)
    table = rows(root, names, args)
    print(markdown(table) if args.format == "markdown" else to_csv(table), end="" if
          args.format == "csv" else "\n")
    return 0
