"""Build the static site once per test session (two lessons, to keep CI fast; the whole
site's time is in benchmarks/bench_site.py) and share it between the tests that read it.

The build needs two tools from outside Python: npm (Node.js), which fetches the widget
renderer and require.js once, and Chromium, which prints the PDF handouts. Where either is
missing the site tests are skipped with a reason saying how to get it, unless
KIT_REQUIRE_BROWSER=1 (set by CI, which installs both), where that is a failure.
"""
from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from seminar import KIT_ROOT

#: Lesson 00 has a widget (the lesson explorer); lesson 05 a widget and a figure with alt text.
SITE_LESSONS = "00,05"

HOW_TO = ("The site tests need npm (Node.js) for the widget renderer and Chromium for the PDFs; "
          "`bash .ci/run` installs both (see the README).")


def site_tools_missing() -> str | None:
    """Why the site cannot be built here (npm assets or Chromium missing), or None."""
    from seminar.instructor.pdf import chromium
    from seminar.instructor.site import npm_modules
    from seminar.text import InputError

    missing = []
    # npm_modules installs into the cache once when npm is there, and raises when it is not
    for need in (npm_modules, chromium):
        try:
            need()
        except InputError as exc:
            missing.append(str(exc))
    return " ".join([*missing, HOW_TO]) if missing else None


@functools.lru_cache(maxsize=1)
def _missing_once() -> str | None:
    return site_tools_missing()


def site_or_skip() -> Path:
    """OUTDIR of the shared build; skips (or fails with KIT_REQUIRE_BROWSER=1) without the tools."""
    missing = _missing_once()
    if missing:
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail("KIT_REQUIRE_BROWSER=1 but " + missing, pytrace=False)
        pytest.skip(missing)
    return built_site()[0]


@functools.lru_cache(maxsize=1)
def built_site() -> tuple[Path, Path, dict]:
    """(OUTDIR, the temporary parent, build result) of one build with PDFs."""
    from seminar.instructor.site import build

    parent = Path(tempfile.mkdtemp(prefix="seminar-site-test-"))
    atexit.register(shutil.rmtree, parent, ignore_errors=True)
    out = parent / "site"
    result = build(KIT_ROOT, out, only=SITE_LESSONS, pdf=True, log=lambda *_: None)
    return out, parent, result
