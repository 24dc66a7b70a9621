"""Optional code runs only in the bubblewrap sandbox: the network, files outside its /tmp, a fork
bomb and a memory bomb all fail inside it, and the grader goes on."""
import os
import socket
import threading

import pytest

from seminar.instructor import sandbox

needs_bwrap = pytest.mark.skipif(
    sandbox.available() is None and not os.environ.get("KIT_REQUIRE_SANDBOX"),
    reason=f"bubblewrap is not installed ({sandbox.INSTALL})")


def one(code, call="f", inputs=([],), **kwargs):
    return sandbox.run(code, {}, call, [list(i) for i in inputs], **kwargs)


@needs_bwrap
def test_an_honest_function_runs_and_its_outputs_come_back():
    outcome = one("def square(x):\n    return x * x\n", "square", [[4], [-3]])
    assert outcome.error == "" and outcome.outputs == [{"value": 16}, {"value": 9}]


@needs_bwrap
def test_the_network_is_unreachable_from_inside():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    got = []
    thread = threading.Thread(target=lambda: got.append(server.accept()), daemon=True)
    thread.start()
    code = ("import socket\ndef f():\n    s = socket.create_connection(('127.0.0.1', %d), timeout=3)\n"
            "    s.sendall(b'stolen')\n    return 'sent'\n" % port)
    outcome = one(code)
    server.close()
    assert outcome.outputs and "error" in outcome.outputs[0], outcome
    assert not got


@needs_bwrap
def test_files_outside_its_tmp_cannot_be_written_or_seen(tmp_path):
    target = tmp_path / "victim.txt"
    target.write_text("safe")
    code = ("import os\ndef f(path, home):\n    out = []\n"
            "    for p in (path, '/usr/evil', home + '/evil', '/kit/seminar/evil'):\n"
            "        try:\n            open(p, 'w').write('x')\n            out.append('wrote ' + p)\n"
            "        except OSError as e:\n            out.append(type(e).__name__)\n"
            "    open('/tmp/mine', 'w').write('ok')\n"
            "    out.append(sorted(os.listdir('/')))\n"
            "    out.append(os.listdir('/kit/seminar/classroom/exercise_checks'))\n"
            "    out.append(sorted(os.environ))\n    return out\n")
    outcome = one(code, inputs=[[str(target), os.path.expanduser("~")]])
    value = outcome.outputs[0]["value"]
    assert not any(isinstance(x, str) and x.startswith("wrote") for x in value), value
    assert target.read_text() == "safe"
    assert "home" not in value[4] and "solutions" not in value[4]
    assert value[5] == [] and not any("TOKEN" in k or "SECRET" in k for k in value[6])


@needs_bwrap
def test_a_fork_bomb_fails_inside_and_the_grader_goes_on():
    outcome = one("import os\nwhile True:\n    os.fork()\n", wall=10)
    assert outcome.outputs is None and outcome.error
    assert one("def f():\n    return 1\n").outputs == [{"value": 1}]


@needs_bwrap
def test_a_memory_bomb_fails_inside():
    outcome = one("def f():\n    x = bytearray(8 * 1024 ** 3)\n    return len(x)\n")
    assert outcome.outputs and "MemoryError" in outcome.outputs[0]["error"]


@needs_bwrap
def test_an_output_flood_and_an_endless_loop_are_stopped():
    flood = one("import sys\ndef f():\n    sys.__stdout__.write('x' * 10 ** 8)\n    return 1\n")
    assert flood.outputs is None
    loop = one("while True:\n    pass\n", wall=3)
    assert loop.outputs is None and ("stopped" in loop.error or "CPU" in loop.error)


def test_without_bwrap_optional_code_is_not_graded(monkeypatch):
    monkeypatch.setattr(sandbox, "available", lambda: None)
    outcome = one("def f():\n    return 1\n")
    assert outcome.outputs is None and "apt-get install bubblewrap" in outcome.error


@needs_bwrap
def test_the_grader_grades_optional_questions_with_the_flag(tmp_path):
    import csv

    from tests.assignkit import NAME, cli, make_kit, submissions

    root = make_kit(tmp_path / "kit")
    paths = submissions(root, tmp_path / "in")
    out = tmp_path / "book.csv"
    done = cli("grade", str(tmp_path / "in"), "--root", str(root), "--out", str(out), "--optional")
    assert done.returncode == 0, done.stderr
    rows = {r["student"]: r for r in csv.DictReader(open(out, encoding="utf-8"))}
    assert set(rows) == set(paths)
    assert rows["alice"]["optional_q2"] == "1" and rows["bob"]["optional_q2"] == "0"
    assert rows["ken"]["optional_q2"] == "0" and rows["alice"]["score"] == "3"  # optional not in the score
    assert NAME in rows["alice"]["file"]


@needs_bwrap
def test_a_python_installed_under_tmp_still_runs_in_the_sandbox():
    # CI makes its venv with `mktemp -d`: the sandbox's private /tmp must not hide it.
    import subprocess
    import sys
    import tempfile

    from seminar import KIT_ROOT

    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        venv = os.path.join(folder, "venv")
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
        script = ("import sys; sys.path.insert(0, sys.argv[1])\n"
                  "from seminar.instructor import sandbox\n"
                  "print(sys.prefix); print(sandbox.problem()); print(sandbox.run("
                  "'def f(x):\\n    return x + 1\\n', {}, 'f', [[41]]))\n")
        done = subprocess.run([os.path.join(venv, "bin", "python"), "-c", script, str(KIT_ROOT)],
                              capture_output=True, text=True, timeout=60)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and lines[0].startswith("/tmp/"), (done.stdout, done.stderr)
    assert lines[1] == "None", lines
    assert "outputs=[{'value': 42}]" in lines[2], lines


@needs_bwrap
def test_a_sandbox_that_cannot_start_says_so_once_and_grades_nothing_wrong(monkeypatch):
    real = sandbox.command
    monkeypatch.setattr(sandbox, "command", lambda *a: real(*a)[:-3] + ["/no/such/python"])
    outcome = one("def f():\n    return 1\n")
    assert outcome.outputs is None and "sandbox could not start" in outcome.error, outcome
    why = sandbox.problem()
    assert why and "does not work on this machine" in why and "/no/such/python" in why


def test_the_grader_marks_optional_questions_not_graded_when_the_sandbox_is_blocked(tmp_path):
    from seminar.instructor import grade

    class Plan:
        optional = ["q9"]
        ref = type("Ref", (), {"name": "00-x"})()

    class Sub:
        nb, exercise = object(), "00-x"

    row = grade.Row("ann", "ann.ipynb", "0" * 64)
    grade.grade_optional(Plan(), Sub(), row, blocked="the sandbox does not work here")
    assert row.details["optional_q9"] == ("not graded", "the sandbox does not work here")
    assert "optional_q9" not in row.points
