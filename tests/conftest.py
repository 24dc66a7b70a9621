"""Suite-wide settings for `pytest` run from the kit's root.

nbval runs every notebook in lessons/, exercises/ and solutions/. Solutions run in strict
mode (SEMINAR_STRICT=1: a self-check that is not correct raises), so a solution that fails
its own checks fails the suite; lessons and blank exercises run without it.
"""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # nbval starts one kernel per notebook when its first cell is set up; the kernel
    # inherits this process's environment at that moment.
    path = Path(str(item.path))
    if path.suffix != ".ipynb":
        return
    try:
        top = path.resolve().relative_to(ROOT).parts[0]
    except ValueError:
        return
    if top == "solutions":
        os.environ["SEMINAR_STRICT"] = "1"
    else:
        os.environ.pop("SEMINAR_STRICT", None)
