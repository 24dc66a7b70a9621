"""Between the Words: a teaching kit for a seminar on Her (2013).

The package has four wings (each ``__init__.py`` says what lives there and what it may import):

- ``seminar.models``: the toys' models, plain Python that imports no widgets;
- ``seminar.views``: thin ipywidgets front ends over the models;
- ``seminar.classroom``: what notebooks call besides the apps (excerpts, self-checks, hand-in);
- ``seminar.instructor``: every ``python -m seminar ...`` command and what only it uses.

The top level keeps what every wing shares: this module (finding the kit's root folder),
``text`` (escaping and checking text), ``files`` (writing a file atomically) and
``_jupyter`` (the page JupyterLab opens on).
"""
import os
from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def is_kit(folder: Path) -> bool:
    """True if ``folder`` looks like the kit's root (it holds lessons/ and readings/)."""
    return (folder / "lessons").is_dir() and (folder / "readings").is_dir()


def kit_around(folder: Path) -> Path | None:
    """The nearest folder at or above ``folder`` that looks like the kit, or None."""
    for candidate in (folder, *folder.parents):
        if is_kit(candidate):
            return candidate
    return None


def find_kit_root() -> Path:
    """The kit's root folder, holding lessons/, readings/, exercises/ and solutions/.

    ``SEMINAR_KIT_ROOT`` wins if set. Otherwise the nearest folder at or above the working
    directory that looks like the kit, else the folder this package sits in (an editable
    install, as requirements.txt makes, sits in the kit).

    The working directory comes first because a notebook's kernel starts in the notebook's
    folder: on a JupyterHub each student's nbgitpuller clone is a kit of its own, and its
    readings must be the ones the instructor last pushed, whatever copy of the package the
    hub installed (see instructors/hub-admin.md). On Binder (repo2docker runs
    ``pip install .``, a copy in site-packages) and in a checkout (``-e .``) both are the
    same folder; a command run outside any kit uses the package's own kit.
    """
    chosen = os.environ.get("SEMINAR_KIT_ROOT")
    if chosen:
        return Path(chosen).expanduser().resolve()
    try:
        around = kit_around(Path.cwd().resolve())
    except OSError:  # the working directory was deleted
        around = None
    return around or PACKAGE_DIR.parent


#: The kit's root folder (holds lessons/, readings/, exercises/, solutions/).
KIT_ROOT = find_kit_root()


def _jupyter_server_extension_points():
    """Lets `jupyter lab` started in the kit's folder open on lesson 00 (see seminar._jupyter)."""
    return [{"module": "seminar._jupyter"}]
