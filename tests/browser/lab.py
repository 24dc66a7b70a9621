"""A real JupyterLab in headless Chromium, for the browser tests.

`LabServer` starts JupyterLab on 127.0.0.1 on a free port with a random token, serving a
temporary COPY of the kit's notebooks (Run All marks a notebook modified), with config,
data, runtime, settings and workspace folders in a temp folder, and stops it by its PID.
`open_notebook` and `run_all` drive it through Playwright.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

try:  # Playwright is a dev requirement: without it the browser tests skip (or fail in CI)
    from playwright.sync_api import expect
except ImportError:
    expect = None

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
KIT_ROOT = Path(__file__).resolve().parents[2]
COPIED = ("lessons", "exercises", "solutions")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LabServer:
    def __init__(self, workdir: Path):
        self.workdir = Path(workdir)
        self.root = self.workdir / "kit"
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log_path = self.workdir / "jupyterlab.log"

    # -- life cycle -------------------------------------------------------------
    def start(self, timeout: float = 60) -> "LabServer":
        self.root.mkdir(parents=True)
        for name in COPIED:
            if (KIT_ROOT / name).is_dir():
                shutil.copytree(KIT_ROOT / name, self.root / name,
                                ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        env = dict(os.environ)
        for var, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                         ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython"),
                         ("MPLCONFIGDIR", "mpl"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                         ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]:
            (self.workdir / sub).mkdir(exist_ok=True)
            env[var] = str(self.workdir / sub)
        # No news pop-up over the bottom-right corner.
        notif = self.workdir / "settings" / "@jupyterlab" / "apputils-extension"
        notif.mkdir(parents=True)
        (notif / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}))
        env.pop("SEMINAR_STRICT", None)
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser",
               f"--port={self.port}", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.token={self.token}", f"--ServerApp.root_dir={self.root}",
               "--ServerApp.port_retries=0", "--LabApp.news_url=None"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log_path.read_text()[-3000:]}")
            try:
                self.api("GET", "/api/status")
                return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer in {timeout} s:\n{self.log_path.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        if getattr(self, "_log", None):
            self._log.close()

    # -- REST helpers -----------------------------------------------------------
    def api(self, method: str, path: str):
        req = urllib.request.Request(self.url + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def delete_sessions(self) -> None:
        for session in self.api("GET", "/api/sessions") or []:
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def lab_url(self, relpath: str) -> str:
        return f"{self.url}/lab/tree/{relpath}?reset&token={self.token}"


# -- driving a notebook ---------------------------------------------------------
def wait_idle(page, timeout: float = 90_000) -> None:
    """Wait until the status bar reads '... | Idle' (the toolbar indicator races)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]
                 .some(e => /\\|\\s*Idle\\s*$/.test(e.textContent.trim()))""",
        timeout=timeout,
    )


def open_notebook(page, lab: LabServer, relpath: str) -> None:
    """Open a notebook of the kit copy in JupyterLab and wait for its kernel."""
    page.goto(lab.lab_url(relpath))
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    wait_idle(page)


def run_all(page, timeout: float = 180_000) -> None:
    """Run All Cells through the menu, then wait until no cell is queued or running.

    Waits for the first cell to get a prompt number before anything else, so a Run All
    that silently did nothing fails here rather than later.
    """
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    prompts = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt"
    page.wait_for_function(
        """sel => [...document.querySelectorAll(sel)].some(p => /\\[(\\d+|\\*)\\]/.test(p.textContent))""",
        arg=prompts, timeout=60_000)
    page.wait_for_function(
        """sel => ![...document.querySelectorAll(sel)].some(p => p.textContent.includes('*'))""",
        arg=prompts, timeout=timeout)
    wait_idle(page)


def show_app(page, selector: str):
    """The first element matching ``selector``, scrolled into view (the notebook renders
    cells far off screen lazily) and visible."""
    app = page.locator(selector).first
    app.wait_for(state="attached")
    app.evaluate("el => el.scrollIntoView({block: 'start'})")
    app.wait_for(state="visible")
    return app


def cell_errors(page) -> list[str]:
    """Texts of any error outputs in the open notebook."""
    return page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
                        ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']"
                        ).all_inner_texts()


# -- accessibility (axe-core, a test-only npm asset: tests/browser/assets) --------
AXE_JS = Path(__file__).resolve().parent / "assets" / "node_modules" / "axe-core" / "axe.min.js"
AXE_HOW_TO = "axe-core is missing: run `npm ci --prefix tests/browser/assets` (as .ci/run does)."
#: WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, include: str = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output"):
    """axe-core's WCAG 2.0/2.1 A and AA violations inside ``include`` (the output areas).

    Returns a list of ``{"id", "impact", "help", "targets"}``; empty when there are none.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async ([include, tags]) => {
               const nodes = [...document.querySelectorAll(include)];
               if (!nodes.length) return [];
               const r = await axe.run({include: nodes},
                                       {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
               return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                              targets: v.nodes.map(n => n.target.join(' '))}));
           }""", [include, AXE_TAGS])
    return result


_CHANGED = "([sel, old]) => { const e = document.querySelector(sel); return e && e.{prop} !== old; }"


def wait_changed(page, selector: str, old: str, prop: str = "textContent") -> None:
    """Wait until the element's ``prop`` (its text, or an image's ``src``) is no longer ``old``."""
    page.wait_for_function(_CHANGED.replace("{prop}", prop), arg=[selector, old])
