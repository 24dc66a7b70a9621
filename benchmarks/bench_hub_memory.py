"""How much memory does one student take on a JupyterHub? (instructors/hub-admin.md quotes it)

Run from the kit's root:  python benchmarks/bench_hub_memory.py [--solutions] [NAME ...]
For each exercise (default: all; with --solutions the worked solutions, so every toy has
computed something), starts a fresh kernel in exercises/ as JupyterLab would,
runs every cell (nbclient), and prints the kernel's memory: RSS (what `top` shows) and USS
(memory only this process holds; shared libraries counted once per machine, not per
student). Then the same for an idle single-user Jupyter server (jupyter lab, no kernel),
the other process each student has. Nothing is asserted: a benchmark measures.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def memory(pid: int) -> tuple[float, float]:
    info = psutil.Process(pid).memory_full_info()
    return info.rss / MB, info.uss / MB


def kernel_after_run_all(path: Path) -> tuple[float, float, float]:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        rss, uss = memory(client.km.provisioner.process.pid)
    return rss, uss, seconds


def idle_server() -> tuple[float, float]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "JUPYTER_CONFIG_DIR": tmp, "JUPYTER_RUNTIME_DIR": tmp,
               "JUPYTERLAB_SETTINGS_DIR": tmp, "JUPYTERLAB_WORKSPACES_DIR": tmp}
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
               "--ServerApp.ip=127.0.0.1", "--ServerApp.token=bench", f"--ServerApp.root_dir={ROOT}"]
        if os.geteuid() == 0:
            cmd.append("--allow-root")
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        try:
            import urllib.request
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token=bench", timeout=2)
                    break
                except OSError:
                    time.sleep(0.3)
            time.sleep(2)
            return memory(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def main(args: list[str]) -> None:
    folder = ROOT / ("solutions" if "--solutions" in args else "exercises")
    names = [a for a in args if not a.startswith("--")]
    paths = [folder / f"{n}.ipynb" for n in names] or sorted(folder.glob("*.ipynb"))
    print(f"{'exercise':32} {'RSS MB':>8} {'USS MB':>8} {'run all s':>10}")
    for path in paths:
        rss, uss, seconds = kernel_after_run_all(path)
        print(f"{path.stem:32} {rss:8.0f} {uss:8.0f} {seconds:10.1f}")
    rss, uss = idle_server()
    print(f"{'idle jupyter lab server':32} {rss:8.0f} {uss:8.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
