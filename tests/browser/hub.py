"""A real JupyterHub with nbgitpuller, and the kit served by `git daemon`, for tests/browser/test_hub.py.

Everything listens on 127.0.0.1 on free ports and lives in one temp folder: the hub's
database, cookie secret and proxy, the students' home folders (SimpleLocalProcessSpawner
runs every single-user server as this same unix user, with HOME under the temp folder, so
their Jupyter config, data, runtime and JupyterLab settings are there too), the bare
repository the instructor pushes to and `git daemon` serving it. Every process is started
in a session of its own and stopped by its PID (its process group, which holds what it
spawned: the proxy, the single-user servers, their kernels).

The hub's Python installs the kit's dependencies only, as set-up (b) of
instructors/hub-admin.md: the spawned servers get PYTHONPATH=<a folder whose
sitecustomize.py adds jupyter-config/ as a site folder>, so Python processes
jupyter-config/seminar-from-clone.pth exactly as it would from site-packages, and a kernel
started in a student's clone imports `seminar` from that clone.
"""
from __future__ import annotations

import json
import os
import shutil
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.browser.lab import KIT_ROOT, free_port

PASSWORD = "between-the-words-test"  # SharedPasswordAuthenticator wants 8 characters or more
PROXY = "configurable-http-proxy"
INSTALL_PROXY = "npm install -g configurable-http-proxy"
REPO_NAME = "her-seminar"


def proxy_command() -> str | None:
    found = shutil.which(PROXY)
    if found:
        return found
    local = KIT_ROOT / ".ci" / "node_modules" / ".bin" / PROXY  # .ci/run's fallback folder
    return str(local) if local.exists() else None


def missing() -> str | None:
    """Why a real hub cannot run here, or None."""
    for module in ("jupyterhub", "nbgitpuller"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed: `pip install -r requirements-dev.txt`."
    if not proxy_command():
        return (f"JupyterHub's proxy is not installed: `{INSTALL_PROXY}` "
                "(needs Node.js and npm; .ci/run does it).")
    if not shutil.which("git"):
        return "git is not installed: `sudo apt-get install -y git`."
    if not (Path(git("--exec-path").strip()) / "git-daemon").exists():
        return "`git daemon` is missing from this git."
    return None


def git(*args, cwd=None, **kw) -> str:
    done = subprocess.run(["git", "-c", "user.name=Instructor", "-c", "user.email=i@example.edu",
                           "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120, **kw)
    if done.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


class KitRepo:
    """The kit committed into a bare repository, served read-only by `git daemon`,
    and the instructor's working clone that pushes to it."""

    def __init__(self, workdir: Path):
        self.workdir = Path(workdir)
        self.bare = self.workdir / "served" / f"{REPO_NAME}.git"
        self.instructor = self.workdir / "instructor"
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    def url(self, dot_git: bool) -> str:
        return f"git://127.0.0.1:{self.port}/{REPO_NAME}" + (".git" if dot_git else "")

    def start(self) -> "KitRepo":
        # The kit's files as they are in this checkout (tracked, plus new files not ignored).
        files = git("ls-files", "-z", "--cached", "--others", "--exclude-standard",
                    cwd=KIT_ROOT).split("\0")
        self.instructor.mkdir(parents=True)
        for rel in filter(None, files):
            src = KIT_ROOT / rel
            if src.is_file():
                (self.instructor / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, self.instructor / rel)
        git("init", "-q", cwd=self.instructor)
        git("add", "-A", cwd=self.instructor)
        git("commit", "-q", "-m", "The kit, as released", cwd=self.instructor)
        self.bare.parent.mkdir(parents=True)
        git("clone", "-q", "--bare", str(self.instructor), str(self.bare))
        git("remote", "add", "origin", str(self.bare), cwd=self.instructor)
        git("fetch", "-q", "origin", cwd=self.instructor)
        self.log = open(self.workdir / "git-daemon.log", "w")
        self.proc = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--export-all", "--listen=127.0.0.1",
             f"--port={self.port}", f"--base-path={self.bare.parent}", str(self.bare.parent)],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 20
        while True:
            done = subprocess.run(["git", "ls-remote", self.url(False)], capture_output=True,
                                  text=True, timeout=20)
            if done.returncode == 0 and "refs/heads/main" in done.stdout:
                return self
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("git daemon did not serve the kit: "
                                   f"{done.stderr}{(self.workdir / 'git-daemon.log').read_text()}")
            time.sleep(0.2)

    def push(self, message: str) -> None:
        git("add", "-A", cwd=self.instructor)
        git("commit", "-q", "-m", message, cwd=self.instructor)
        git("push", "-q", "origin", "HEAD:main", cwd=self.instructor)

    def stop(self) -> None:
        _stop(self.proc)
        if getattr(self, "log", None):
            self.log.close()


class Hub:
    """JupyterHub with SharedPasswordAuthenticator (JupyterHub 5.3's replacement for
    DummyAuthenticator's password) and SimpleLocalProcessSpawner."""

    def __init__(self, workdir: Path, parent_paths: dict[str, str] | None = None):
        self.workdir = Path(workdir)
        self.homes = self.workdir / "homes"
        self.port, self.hub_port, self.api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.parent_paths = parent_paths or {}  # user -> NBGITPULLER_PARENTPATH of their server
        self.proc: subprocess.Popen | None = None
        self.log_path = self.workdir / "jupyterhub.log"
        self.token = secrets.token_hex(16)  # a service's, for the REST API

    def home(self, user: str) -> Path:
        return self.homes / user

    def _config(self) -> str:
        bindir = Path(sys.executable).parent
        singleuser = shutil.which("jupyterhub-singleuser", path=str(bindir)) or "jupyterhub-singleuser"
        site = self.workdir / "hub-site"  # see the module's docstring
        site.mkdir()
        (site / "sitecustomize.py").write_text(
            f"import site\nsite.addsitedir({str(KIT_ROOT / 'jupyter-config')!r})\n")
        allow_root = ["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []
        return f"""
import os
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {self.hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{self.api_port}"
c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = "sqlite:///{self.workdir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(self.workdir / 'cookie_secret')!r}
c.JupyterHub.pid_file = {str(self.workdir / 'jupyterhub.pid')!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes / '{username}')!r}
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {allow_root!r} + ["--ServerApp.ip=127.0.0.1"]
c.Spawner.default_url = "/lab"
c.Spawner.popen_kwargs = {{"start_new_session": False}}  # in the hub's process group
c.Spawner.start_timeout = 90
c.Spawner.http_timeout = 90
c.JupyterHub.services = [{{"name": "kit-test", "api_token": {self.token!r}}}]
c.JupyterHub.load_roles = [{{"name": "kit-test", "services": ["kit-test"],
                            "scopes": ["admin:users", "admin:servers", "access:servers"]}}]
parents = {self.parent_paths!r}
c.Spawner.environment = {{
    "PYTHONPATH": {str(site)!r},
    "NBGITPULLER_PARENTPATH": lambda spawner: parents.get(spawner.user.name, ""),
    "MPLBACKEND": "Agg",
}}
"""

    def prepare_home(self, user: str) -> None:
        """A student's home with JupyterLab's news pop-up off (it covers the status bar)."""
        settings = self.home(user) / ".jupyter" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        (settings / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}))

    def start(self, timeout: float = 60) -> "Hub":
        self.homes.mkdir(parents=True)
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(self._config())
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "SEMINAR_KIT_ROOT", "SEMINAR_STRICT")
               and not k.startswith(("JUPYTER", "JPY_"))}
        hubhome = self.workdir / "hub-home"
        hubhome.mkdir()
        env.update(HOME=str(hubhome), JUPYTER_CONFIG_DIR=str(hubhome / "config"),
                   JUPYTER_DATA_DIR=str(hubhome / "data"), JUPYTER_RUNTIME_DIR=str(hubhome / "runtime"))
        self._log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=self.workdir, env=env,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub exited early:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/hub/api/", timeout=5) as resp:
                    if resp.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterHub did not answer in {timeout} s:\n{self.log_tail()}")

    def api(self, method: str, path: str, timeout: float = 30):
        """A request to the hub (or through it to a user's server) with the service token;
        (status, body text)."""
        req = urllib.request.Request(self.url + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")

    def start_server(self, user: str, timeout: float = 90) -> None:
        """Create ``user`` and start their server through the REST API, as a login would."""
        self.api("POST", f"/hub/api/users/{user}")
        self.api("POST", f"/hub/api/users/{user}/server")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = json.loads(self.api("GET", f"/hub/api/users/{user}")[1])["servers"].get("", {})
            if server.get("ready"):
                return
            time.sleep(0.3)
        raise RuntimeError(f"{user}'s server did not start in {timeout} s:\n{self.log_tail()}")

    def pull_like_the_page(self, user: str, link: str) -> str:
        """What nbgitpuller's status page does in the browser, over HTTP: read the page the
        link leads to, call its sync API with the values it hands to its script
        (static/js/gitsync.js), follow the event stream to the end. Returns the JupyterLab
        path the page would then open."""
        query = link.split("?", 1)[1]
        _, html = self.api("GET", f"/user/{user}/git-pull?{query}")
        data = {k: urllib.parse.unquote(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', html)}
        params = {k: data[k] for k in ("repo", "targetpath", "depth", "branch", "backup") if k in data}
        _, events = self.api("GET", f"/user/{user}/git-pull/api?" + urllib.parse.urlencode(params),
                             timeout=120)
        phases = [json.loads(line[5:]).get("phase") for line in events.splitlines()
                  if line.startswith("data:")]
        if phases[-1:] != ["finished"]:
            raise RuntimeError(f"nbgitpuller did not finish: {events[-2000:]}")
        return data["path"]

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""

    def stop(self) -> None:
        """Stop the hub and then, by PID, whatever it started that is still running: the
        proxy, the single-user servers and their kernels (psutil comes with ipykernel)."""
        import psutil

        started = []
        if self.proc and self.proc.poll() is None:
            try:
                started = psutil.Process(self.proc.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                pass
        _stop(self.proc)  # the hub stops its servers (cleanup_servers) and its proxy
        for child in started:
            try:
                if child.is_running():  # the same process: psutil checks its start time
                    child.terminate()
            except psutil.NoSuchProcess:
                pass
        gone, alive = psutil.wait_procs(started, timeout=10)
        for child in alive:
            child.kill()
        if getattr(self, "_log", None):
            self._log.close()


def login(page, user: str) -> None:
    """Fill the hub's login form (the page the kit's link led to) and submit it."""
    page.wait_for_selector("#username_input")
    page.fill("#username_input", user)
    page.fill("#password_input", PASSWORD)
    page.click("#login_submit")
