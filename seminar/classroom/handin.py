"""The "hand in" cell at the end of every exercise: what to upload, and whether it is saved.

The generator ends each exercise with::

    from seminar.classroom.handin import hand_in
    hand_in("02-chinese-room")

``hand_in`` finds the notebook file this kernel belongs to and tells the student its
name and folder, what to upload, and (on Binder, where nothing is kept) to download it
first. It reads the file as saved on disk, because that file is what gets uploaded:

- when it was last saved;
- which answers still look blank *in the saved file*;
- whether code run in this session is missing from the saved file. Only the *latest*
  run of each cell counts (``seminar.classroom.session`` keeps it, by the cell id the
  notebook sends), so an answer changed, run again and saved gives no warning. A kernel
  cannot see the editor's unsaved changes, so this is a hint, not a proof: a cell run
  and then deleted also counts. Saving (Ctrl+S) and running the cell again is always
  the safe answer;
- how the self-checks run in this session came out.

It never raises: whatever goes wrong, the student still gets the upload instructions.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from seminar.text import QUESTION_HEADING, escape

TEXT_STUB = "_Write your answer here._"
#: What starts each line, in text and in HTML: a warning differs by a word, not colour only.
MARK = {"warning": "⚠ Warning: ", "ok": "✔ ", "info": "- "}
CODE_STUB = "# YOUR ANSWER HERE"


@dataclass
class Report:
    path: Path | None
    place: str                                   # "binder", "hub" or "local"
    exercise: str = ""
    saved_ago: float | None = None               # seconds since the file was saved
    blank: list = field(default_factory=list)    # labels of answers still blank in the file
    answers: int = 0                             # answer cells in the file
    unsaved: list = field(default_factory=list)  # code run in this session, not in the file
    checks: dict = field(default_factory=dict)   # question -> status, from this session
    unchecked: list = field(default_factory=list)
    problem: str = ""                            # why the file could not be read

    def lines(self) -> list[tuple[str, str]]:
        """(kind, text) lines: kind is "ok", "warning" or "info"."""
        out: list[tuple[str, str]] = []
        name = self.path.name if self.path else (f"{self.exercise}.ipynb" if self.exercise else "")
        if self.path is None:
            out.append(("warning", "I could not find this notebook's file from here. Upload the "
                        "notebook you are working in" + (f" (it started as {name})" if name else "")
                        + ": in JupyterLab its name is on the tab above."))
        else:
            out.append(("info", f"Upload this file: {name}  (folder: {self.path.parent})"))
        if self.place == "binder":
            out.append(("warning", "You are on Binder: nothing is kept when this session ends "
                        "(it stops after about 10 minutes without activity). Save (Ctrl+S), then "
                        "download the notebook now: File → Download. Upload the downloaded file."))
        elif self.place == "hub":
            out.append(("info", "To upload it elsewhere, download it first: save (Ctrl+S), then "
                        "right-click the file in the file browser → Download."))
        elif self.path is not None:
            out.append(("info", "It is the file at the path above, on this computer."))
        if self.problem:
            out.append(("warning", self.problem))
        if self.saved_ago is not None:
            out.append(("info", f"Last saved {_ago(self.saved_ago)}."))
        if self.unsaved:
            sample = self.unsaved[0].strip().split("\n")[0][:60]
            out.append(("warning", f"{len(self.unsaved)} cell(s) you ran last are not in the saved "
                        f"file as you ran them (for example: {sample!r}). Either there are unsaved "
                        "changes, or you edited or deleted cells after running them. Save (Ctrl+S), "
                        "then run this cell again."))
        if self.blank:
            out.append(("warning", f"In the saved file, {len(self.blank)} of {self.answers} answers "
                        f"still look blank: {', '.join(self.blank)}."))
        elif self.answers and not self.problem:
            out.append(("ok", f"In the saved file, all {self.answers} answers have been filled in."))
        if self.checks or self.unchecked:
            correct = [q for q, s in self.checks.items() if s == "correct"]
            parts = [f"{len(correct)} of {len(self.checks) + len(self.unchecked)} correct"]
            other = [f"{q}: {s}" for q, s in self.checks.items() if s != "correct"]
            if other:
                parts.append("; ".join(other))
            if self.unchecked:
                parts.append("not run in this session: " + ", ".join(self.unchecked)
                             + " (Run → Run All Cells runs them)")
            out.append(("info", "Self-checks: " + "; ".join(parts) + "."))
        return out

    @property
    def warnings(self) -> list[str]:
        return [line for kind, line in self.lines() if kind == "warning"]

    def text(self) -> str:
        return "\n".join(MARK[kind] + line for kind, line in self.lines())

    def html(self) -> str:
        colours = {"ok": "#1b5e20", "warning": "#7a4f01", "info": "#1f4e79"}
        items = "".join(f'<li style="color:{colours[kind]}"><b>{escape(MARK[kind].strip())}</b> '
                        f"{escape(line)}</li>" for kind, line in self.lines())
        return (f'<div class="seminar-hand-in"><b>Handing in</b><ul style="margin:4px 0">'
                f"{items}</ul></div>")


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 90:
        return f"{seconds} seconds ago"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} minutes ago"
    if seconds < 36 * 3600:
        return f"{round(seconds / 3600)} hours ago"
    return f"{round(seconds / 86400)} days ago"


def place(env=None) -> str:
    """Where the kernel runs: "binder", "hub" (a JupyterHub) or "local"."""
    env = os.environ if env is None else env
    if any(env.get(k) for k in ("BINDER_REPO_URL", "BINDER_LAUNCH_HOST", "BINDER_REQUEST")):
        return "binder"
    if env.get("JUPYTERHUB_USER") or env.get("JUPYTERHUB_SERVICE_PREFIX"):
        return "hub"
    return "local"


def find_notebook(exercise: str = "", env=None, cwd: Path | None = None) -> Path | None:
    """The notebook file of this kernel, if it can be found.

    JupyterLab tells a kernel its notebook in ``JPY_SESSION_NAME`` (jupyter_server 2:
    the full path; older servers: a path relative to the server's folder). The kernel's
    working folder is the notebook's folder, so ``<exercise>.ipynb`` there is the next guess.
    """
    env = os.environ if env is None else env
    cwd = Path.cwd() if cwd is None else Path(cwd)
    guesses = []
    session = env.get("JPY_SESSION_NAME", "")
    if session.endswith(".ipynb"):
        guesses += [Path(session), cwd / Path(session).name]
    if exercise:
        guesses.append(cwd / f"{exercise}.ipynb")
    for guess in guesses:
        try:
            if guess.is_file():
                return guess.resolve()
        except OSError:
            continue
    return None


def _label(cells, index: int) -> str:
    for back in range(index - 1, -1, -1):
        cell = cells[back]
        if cell.get("cell_type") != "markdown":
            continue
        for line in reversed(_source(cell).split("\n")):
            found = QUESTION_HEADING.match(line)
            if found:
                return found.group(1)
    return f"cell {index + 1}"


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _blank(cell) -> bool:
    text = _source(cell)
    if cell.get("cell_type") == "markdown":
        return TEXT_STUB in text
    return any(line.split("#")[0].rstrip().endswith("...") or line.strip() == CODE_STUB
               for line in text.split("\n") if CODE_STUB in line)


def inspect(path: Path | None, *, exercise: str = "", env=None, ran: list[str] | None = None,
            checkers=(), now: float | None = None) -> Report:
    """What the saved file at ``path`` holds, against what this session ran and checked."""
    report = Report(path=path, place=place(env), exercise=exercise)
    for checker in checkers:
        results = getattr(checker, "results", {}) or {}
        for question in getattr(checker, "checks", {}) or {}:
            if question in results:
                report.checks[question] = results[question].status
            elif question not in report.unchecked:
                report.unchecked.append(question)
    report.unchecked = [q for q in report.unchecked if q not in report.checks]
    if path is None:
        return report
    try:
        report.saved_ago = (time.time() if now is None else now) - path.stat().st_mtime
        data = json.loads(path.read_text(encoding="utf-8"))
        cells = data["cells"]
    except Exception as exc:  # unreadable, half-written, not a notebook
        report.problem = (f"The saved file cannot be read as a notebook ({type(exc).__name__}); "
                          "save again (Ctrl+S) and run this cell again.")
        return report
    saved_code = {_source(c).strip() for c in cells if c.get("cell_type") == "code"}
    for index, cell in enumerate(cells):
        kind = (cell.get("metadata", {}).get("seminar") or {}).get("answer")
        if kind in ("code", "written"):
            report.answers += 1
            if _blank(cell):
                report.blank.append(_label(cells, index))
    seen = set()
    for source in ran or []:
        text = source.strip()
        if text and text not in saved_code and text not in seen and "hand_in(" not in text:
            seen.add(text)
            report.unsaved.append(text)
    return report


def _session():
    """(raw inputs run in this session, Checker objects) from the live IPython kernel."""
    try:
        from IPython import get_ipython
        shell = get_ipython()
    except Exception:
        shell = None
    if shell is None:
        return [], []
    try:
        from seminar.classroom import session
        ran = session.latest_runs()
    except Exception:  # noqa: BLE001
        ran = None
    if ran is None:  # the kit's record was never installed: the whole history, every version
        ran = list(getattr(shell.history_manager, "input_hist_raw", []) or [])
    try:
        from seminar.classroom.checks import Checker
        checkers = [v for k, v in shell.user_ns.items()
                    if isinstance(v, Checker) and not k.startswith("_")]
    except Exception:
        checkers = []
    unique = []
    for checker in checkers:
        if all(checker is not other for other in unique):
            unique.append(checker)
    return ran, unique


def hand_in(exercise: str = "") -> None:
    """Tell the student what to upload and whether the saved file looks complete. Never raises."""
    try:
        ran, checkers = _session()
        report = inspect(find_notebook(exercise), exercise=exercise, ran=ran, checkers=checkers)
        text, html = report.text(), report.html()
    except Exception as exc:  # noqa: BLE001 - the instructions must always reach the student
        text = (f"Save your notebook (Ctrl+S), download it (File → Download) and upload the "
                f"downloaded .ipynb file. (The automatic check failed: {type(exc).__name__}.)")
        html = f"<div class='seminar-hand-in'>{escape(text)}</div>"
    try:
        from IPython.display import display
        display({"text/plain": text, "text/html": html}, raw=True)
    except Exception:
        print(text)
