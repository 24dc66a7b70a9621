"""A tiny Jupyter server extension: `jupyter lab` in the kit's folder opens on lesson 00.

Installed with the kit (requirements.txt's `-e .` puts jupyter-config/between-the-words.json
into <prefix>/etc/jupyter/jupyter_server_config.d/). It changes nothing unless the server's
root folder holds lessons/00-start-here.ipynb and the start page is still JupyterLab's default.
"""
from pathlib import Path

START = "lessons/00-start-here.ipynb"


def start_url(root_dir: str, default_url: str, base_url: str = "/") -> str:
    """The URL to open: lesson 00 where the kit is the root folder, else ``default_url``."""
    base = base_url.rstrip("/")
    if default_url.rstrip("/") == f"{base}/lab" and (Path(root_dir) / START).is_file():
        return f"{base}/lab/tree/{START}"
    return default_url


def _load_jupyter_server_extension(serverapp):
    # Runs after `jupyter lab` has set its own start page (/lab) and before the browser
    # opens, which reads serverapp.default_url.
    serverapp.default_url = start_url(serverapp.root_dir, serverapp.default_url,
                                      serverapp.base_url)
