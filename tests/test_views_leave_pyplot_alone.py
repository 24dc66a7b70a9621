"""Importing an app must not change matplotlib's backend: students' own plots stay inline."""
import subprocess
import sys

import pytest

from seminar import PACKAGE_DIR

VIEWS = sorted(p.stem for p in (PACKAGE_DIR / "views").glob("*.py")
               if p.stem not in ("__init__", "common"))


def test_views_are_found():
    assert "room" in VIEWS and "duration" in VIEWS


@pytest.mark.parametrize("name", VIEWS)
def test_importing_a_view_keeps_the_backend(name):
    code = ("import matplotlib; matplotlib.use('svg'); "
            f"import seminar.views.{name}; print(matplotlib.get_backend())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().lower() == "svg", f"seminar.views.{name} switched the backend"
