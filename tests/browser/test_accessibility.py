"""Every lesson and exercise, run in a real JupyterLab, as a student with a screen reader or
a narrow screen meets it: axe-core finds no WCAG 2.0/2.1 A or AA violation in the output
areas, and at 800 px and at 200 % zoom (683 x 450 CSS px) no app reaches past its column.

axe-core is a test-only npm asset (tests/browser/assets, installed by .ci/run with npm ci).
"""
import os
from pathlib import Path

import pytest

from tests.browser.lab import (AXE_HOW_TO, AXE_JS, KIT_ROOT, axe_violations, cell_errors,
                               open_notebook, run_all)

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.relative_to(KIT_ROOT).as_posix()
                   for folder in ("lessons", "exercises")
                   for p in (KIT_ROOT / folder).glob("[0-9][0-9]-*.ipynb"))

#: Width by which an output may reach past its column before it counts as overflow.
SLACK_PX = 1

OVERFLOW_JS = """
slack => {
  const bad = [];
  for (const out of document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output')) {
    const edge = out.getBoundingClientRect().right + slack;
    for (const el of out.querySelectorAll('.widget-box, .widget-inline-hbox, .seminar-control, button, img, input, select, label')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > edge && !el.closest('[data-scrolls="yes"]')) {
        bad.push((el.className || el.tagName).toString().slice(0, 60) + ' by ' + Math.round(r.right - edge + slack) + ' px');
      }
    }
  }
  return bad.slice(0, 10);
}
"""


@pytest.fixture(scope="module")
def axe_ready(browser_available):
    if not Path(AXE_JS).exists():
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail(AXE_HOW_TO, pytrace=False)
        pytest.skip(AXE_HOW_TO)
    return True


@pytest.mark.parametrize("relpath", NOTEBOOKS)
def test_no_axe_violation_and_no_overflow(relpath, axe_ready, chromium, lab):
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(90_000)
    try:
        open_notebook(page, lab, relpath)
        run_all(page)
        assert cell_errors(page) == []
        page.wait_for_timeout(500)  # the last widget views attach
        violations = axe_violations(page)
        assert violations == [], "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {v['targets'][:3]}" for v in violations)
        for width, height in ((800, 900), (683, 450)):
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_timeout(300)
            assert page.evaluate(OVERFLOW_JS, SLACK_PX) == [], f"overflow at {width} px wide"
    finally:
        context.close()
        lab.delete_sessions()
