"""Between the Words: models, views and checks for a seminar on Her (2013).

Models (room, duration, ...) are plain Python and import no widgets; views in
``seminar.views`` are thin ipywidgets front ends over them.
"""
from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
#: The kit's root folder (holds lessons/, readings/, exercises/, solutions/).
KIT_ROOT = PACKAGE_DIR.parent
DATA_DIR = PACKAGE_DIR / "data"


def _jupyter_server_extension_points():
    """Lets `jupyter lab` started in the kit's folder open on lesson 00 (see seminar._jupyter)."""
    return [{"module": "seminar._jupyter"}]
