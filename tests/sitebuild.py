"""Build the static site once per test session (two lessons, to keep CI fast; the whole
site's time is in benchmarks/bench_site.py) and share it between the tests that read it."""
from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from seminar import KIT_ROOT

#: Lesson 00 has a widget (the lesson explorer); lesson 05 a widget and a figure with alt text.
SITE_LESSONS = "00,05"


@functools.lru_cache(maxsize=1)
def built_site() -> tuple[Path, Path, dict]:
    """(OUTDIR, the temporary parent, build result) of one build with PDFs."""
    from seminar.instructor.site import build

    parent = Path(tempfile.mkdtemp(prefix="seminar-site-test-"))
    atexit.register(shutil.rmtree, parent, ignore_errors=True)
    out = parent / "site"
    result = build(KIT_ROOT, out, only=SITE_LESSONS, pdf=True, log=lambda *_: None)
    return out, parent, result
