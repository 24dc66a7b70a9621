"""Between the Words: models, views and checks for a seminar on Her (2013).

Models (room, duration, ...) are plain Python and import no widgets; views in
``seminar.views`` are thin ipywidgets front ends over them.
"""
import os
from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def is_kit(folder: Path) -> bool:
    """True if ``folder`` looks like the kit's root (it holds lessons/ and readings/)."""
    return (folder / "lessons").is_dir() and (folder / "readings").is_dir()


def find_kit_root() -> Path:
    """The kit's root folder, holding lessons/, readings/, exercises/ and solutions/.

    ``SEMINAR_KIT_ROOT`` wins if set. Otherwise the folder this package sits in (an
    editable install, as requirements.txt makes), else the nearest folder at or above the
    working directory that looks like the kit: Binder (repo2docker) also runs
    ``pip install .``, which puts a copy of the package in site-packages, and a notebook's
    kernel starts in the notebook's folder inside the kit.
    """
    chosen = os.environ.get("SEMINAR_KIT_ROOT")
    if chosen:
        return Path(chosen).expanduser().resolve()
    if is_kit(PACKAGE_DIR.parent):
        return PACKAGE_DIR.parent
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        if is_kit(folder):
            return folder
    return PACKAGE_DIR.parent


#: The kit's root folder (holds lessons/, readings/, exercises/, solutions/).
KIT_ROOT = find_kit_root()


def _jupyter_server_extension_points():
    """Lets `jupyter lab` started in the kit's folder open on lesson 00 (see seminar._jupyter)."""
    return [{"module": "seminar._jupyter"}]
