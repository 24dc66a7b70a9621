from seminar._jupyter import START, start_url


def test_kit_folder_opens_on_lesson00(tmp_path):
    (tmp_path / "lessons").mkdir()
    (tmp_path / START).write_text("{}")
    assert start_url(str(tmp_path), "/lab") == "/lab/tree/lessons/00-start-here.ipynb"
    assert start_url(str(tmp_path), "/user/ana/lab", "/user/ana/") == \
        "/user/ana/lab/tree/lessons/00-start-here.ipynb"


def test_other_folders_and_chosen_pages_are_left_alone(tmp_path):
    assert start_url(str(tmp_path), "/lab") == "/lab"
    (tmp_path / "lessons").mkdir()
    (tmp_path / START).write_text("{}")
    assert start_url(str(tmp_path), "/tree") == "/tree"


def test_jupyter_lab_opens_the_browser_on_lesson00(tmp_path):
    """`jupyter lab` in the kit's folder asks the browser for lesson 00 (no Chromium needed:
    BROWSER is a script that records what it was asked to open)."""
    import os
    import shutil
    import subprocess
    import sys
    import time

    from seminar import KIT_ROOT
    from tests.browser.lab import free_port

    kit = tmp_path / "kit"
    (kit / "lessons").mkdir(parents=True)
    shutil.copy(KIT_ROOT / START, kit / START)
    seen = tmp_path / "seen.txt"
    opener = tmp_path / "browser.py"
    opener.write_text(f"import sys\nopen({str(seen)!r}, 'a').write(' '.join(sys.argv[1:]))\n")
    opener.chmod(0o755)
    env = dict(os.environ, BROWSER=f"{sys.executable} {opener} %s")
    for var in ("JUPYTER_RUNTIME_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        env[var] = str(tmp_path / var.lower())
    cmd = [sys.executable, "-m", "jupyter", "lab", f"--port={free_port()}",
           "--ServerApp.ip=127.0.0.1", "--ServerApp.token=t0k3n", "--ServerApp.open_browser=True",
           "--ServerApp.use_redirect_file=False", "--ServerApp.port_retries=0"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, cwd=kit, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not (seen.exists() and seen.read_text()) and time.monotonic() < deadline:
            assert proc.poll() is None, "jupyter lab exited early"
            time.sleep(0.2)
        assert "/lab/tree/lessons/00-start-here.ipynb" in seen.read_text()
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)
