"""The suite runs solutions strictly (a failing self-check raises) and everything else leniently."""
import os
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT, pytest_runtest_setup


@pytest.fixture
def restore_env():
    before = os.environ.get("SEMINAR_STRICT")
    yield
    if before is None:
        os.environ.pop("SEMINAR_STRICT", None)
    else:
        os.environ["SEMINAR_STRICT"] = before


@pytest.mark.parametrize("folder, strict", [("solutions", "1"), ("exercises", None),
                                            ("lessons", None)])
def test_notebooks_get_the_right_mode(folder, strict, restore_env):
    os.environ["SEMINAR_STRICT"] = "stale"
    pytest_runtest_setup(SimpleNamespace(path=ROOT / folder / "00-start-here.ipynb"))
    assert os.environ.get("SEMINAR_STRICT") == strict


def test_python_tests_leave_the_mode_alone(restore_env):
    os.environ["SEMINAR_STRICT"] = "1"
    pytest_runtest_setup(SimpleNamespace(path=ROOT / "tests" / "test_checks.py"))
    assert os.environ["SEMINAR_STRICT"] == "1"
