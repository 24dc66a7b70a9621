"""Run a student's optional ("Going further") code only inside a bubblewrap sandbox.

``run(code, names, call, inputs)`` starts ``bwrap`` (Debian package ``bubblewrap``) with:

- ``--unshare-all`` (no network, own process, IPC and host-name namespaces), ``--die-with-parent``,
  ``--new-session``, ``--clearenv`` (none of the instructor's environment);
- a file system of only ``/usr`` (and its ``/bin``, ``/lib`` links), the Python installation and
  the kit's ``seminar`` package, all read-only; the check data folder hidden by an empty
  folder; a private empty ``/tmp`` of :data:`TMP_BYTES`; ``/proc`` and ``/dev`` of its own.
  No other submission, no solution, no home folder is visible;
- limits set before ``bwrap`` starts (inherited by everything in it): address space
  :data:`MEMORY_BYTES`, CPU seconds, processes, file size (which also caps the output,
  written to a file), open files; and a wall-clock limit after which the whole sandbox is killed.

If the grader runs as root, the sandbox gets no user namespace (root does not need one) and
the runner inside drops to the user ``nobody`` before reading the student's code, so the
process limit holds (root is exempt from it).

The sandboxed process gets the exercise's own import lines (taken by the grader from the
kit's copy of the exercise, never from the student's notebook), the given values, the
student's cells and the hidden *inputs*; it prints the outputs as JSON, and the grader
compares them with the expected results outside.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from seminar import KIT_ROOT

INSTALL = "sudo apt-get install bubblewrap"
MEMORY_BYTES = 1536 * 2**20
CPU_SECONDS = 5
WALL_SECONDS = 15
PROCESSES = 32          # beyond the processes the sandbox's user already has
OUTPUT_BYTES = 1 * 2**20
TMP_BYTES = 16 * 2**20
OPEN_FILES = 64
RUNNER = Path(__file__).with_name("sandbox_runner.py")


@dataclass
class Outcome:
    outputs: list | None   # one {"value": ...} or {"error": ...} per input; None if it failed
    error: str             # why it failed ("" if it ran)
    seconds: float


def available() -> str | None:
    """The path of bwrap, or None."""
    return shutil.which("bwrap")


def missing_message() -> str:
    return ("optional code not graded: the sandbox program bubblewrap (bwrap) is not installed; "
            f"install it with: {INSTALL}")


def problem() -> str | None:
    """Why optional code cannot be graded on this machine, or None if the sandbox works.

    Runs one trivial function in the sandbox, so that a sandbox which cannot start (a kernel
    without user namespaces, a Python it cannot see) is reported once, instead of marking
    every student's optional answer wrong.
    """
    if available() is None:
        return missing_message()
    outcome = run("def f():\n    return 1\n", {}, "f", [[]])
    if outcome.outputs != [{"value": 1}]:
        return f"optional code not graded: the sandbox does not work on this machine: {outcome.error}"
    return None


def _json_ok(value) -> bool:
    try:
        json.dumps(value)
        return True
    except (TypeError, ValueError):
        return False


def _processes_of(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                pass
    return count


def _limits(as_root: bool):
    nproc = PROCESSES + _processes_of(65534 if as_root else os.getuid())

    def apply():
        for limit, value in ((resource.RLIMIT_AS, MEMORY_BYTES), (resource.RLIMIT_CPU, CPU_SECONDS),
                             (resource.RLIMIT_NPROC, nproc), (resource.RLIMIT_FSIZE, OUTPUT_BYTES),
                             (resource.RLIMIT_NOFILE, OPEN_FILES), (resource.RLIMIT_CORE, 0)):
            resource.setrlimit(limit, (value, value))
    return apply


def command(bwrap: str, as_root: bool) -> list[str]:
    """The bwrap command line (the Python to run and its runner come last)."""
    binds: list[str] = []
    seen: list[str] = []
    for prefix in sorted({os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix),
                          sys.prefix}, key=len):
        if prefix != "/usr" and not any(prefix.startswith(s + "/") for s in seen):
            for parent in reversed(Path(prefix).parents[:-1]):  # readable by "nobody" too
                if str(parent) != "/tmp":  # already there: the private /tmp is mounted first
                    binds += ["--perms", "0755", "--dir", str(parent)]
            binds += ["--ro-bind", prefix, prefix]
            seen.append(prefix)
    namespaces = (["--unshare-all"] if not as_root else
                  # root: no user namespace, so the runner can become nobody (see the module)
                  ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                   "--unshare-cgroup-try", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"])
    return [bwrap, *namespaces, "--die-with-parent", "--new-session", "--clearenv",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin",
            "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            # the private /tmp before the binds: a Python installed under /tmp (CI's venv,
            # `mktemp -d`) is bound on top of it rather than hidden by it
            "--perms", "1777", "--size", str(TMP_BYTES), "--tmpfs", "/tmp",
            *binds,
            "--perms", "0755", "--dir", "/kit",
            "--ro-bind", str(KIT_ROOT / "seminar"), "/kit/seminar",
            "--perms", "0555", "--tmpfs", "/kit/seminar/classroom/exercise_checks",
            "--ro-bind", str(RUNNER), "/kit/runner.py",
            "--proc", "/proc", "--dev", "/dev",
            "--setenv", "HOME", "/tmp", "--setenv", "PATH", "/usr/bin:/bin",
            "--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "OMP_NUM_THREADS", "1",
            "--setenv", "MPLBACKEND", "Agg", "--chdir", "/tmp",
            sys.executable, "-I", "/kit/runner.py"]


def run(code: str, names: dict, call: str, inputs: list, *, unsafe: bool = False,
        wall: float = WALL_SECONDS, setup: list | tuple = (), before: list | tuple = (),
        arrays: list | tuple = ()) -> Outcome:
    """Run ``call(*args)`` for each of ``inputs`` after the student's ``code``, in the sandbox.

    ``setup`` (import lines, each run on its own) and ``before`` (the student's earlier
    cells, errors ignored) run first; ``arrays`` are argument positions made numpy arrays.

    ``unsafe=True`` runs it in a plain subprocess with the same limits but no sandbox (only
    for a machine where nothing can be lost: ``--unsafe-no-sandbox``).
    """
    started = time.monotonic()
    bwrap = available()
    as_root = os.getuid() == 0
    if unsafe:
        cmd = [sys.executable, "-I", str(RUNNER)]
    elif bwrap is None:
        return Outcome(None, missing_message(), 0.0)
    else:
        cmd = command(bwrap, as_root)
    kit = str(KIT_ROOT) if unsafe else "/kit"
    names = {k: v for k, v in names.items() if _json_ok(v)}
    request = json.dumps({"code": code, "names": names, "call": call, "inputs": inputs, "kit": kit,
                          "setup": list(setup), "before": list(before), "arrays": list(arrays)})
    with tempfile.TemporaryDirectory(prefix="seminar-sandbox-") as work:
        stdin_path, stdout_path = Path(work) / "in.json", Path(work) / "out.json"
        stderr_path = Path(work) / "err.txt"
        stdin_path.write_text(request, encoding="utf-8")
        with open(stdin_path, "rb") as stdin, open(stdout_path, "wb") as stdout, \
                open(stderr_path, "wb") as stderr:
            try:
                proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=stderr,
                                        preexec_fn=_limits(as_root and not unsafe),
                                        start_new_session=True, close_fds=True,
                                        env={"PATH": "/usr/bin:/bin"} if unsafe else None)
            except OSError as exc:
                return Outcome(None, f"the sandbox could not start ({exc})", time.monotonic() - started)
            try:
                code_ = proc.wait(timeout=wall)
                error = ""
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                code_, error = None, f"stopped after {wall:g} s (an endless loop?)"
        raw = stdout_path.read_bytes()[:OUTPUT_BYTES]
        with open(stderr_path, "rb") as stderr:
            complaint = stderr.read(300).decode("utf-8", "replace")
    seconds = time.monotonic() - started
    if error:
        return Outcome(None, error, seconds)
    try:
        result = json.loads(raw.decode("utf-8"))
    except ValueError:
        if complaint.startswith("bwrap:"):  # the sandbox itself failed, not the student's code
            return Outcome(None, "the sandbox could not start ("
                           + complaint.splitlines()[0].strip() + ")", seconds)
        why = {-signal.SIGKILL: "killed (out of memory or CPU time?)",
               -signal.SIGXCPU: "CPU time limit reached", -signal.SIGXFSZ: "output too large",
               -signal.SIGSEGV: "crashed"}.get(code_, f"exit status {code_}")
        return Outcome(None, f"the code did not finish: {why}", seconds)
    if not isinstance(result, dict):
        return Outcome(None, "the code gave no result", seconds)
    if "error" in result:
        return Outcome(None, f"the code raised {str(result['error'])[:200]}", seconds)
    outputs = result.get("outputs")
    if not isinstance(outputs, list) or len(outputs) != len(inputs):
        return Outcome(None, "the code gave no result", seconds)
    return Outcome(outputs, "", seconds)
