"""Does an app fit its column? For the browser tests of the apps (issue 20)."""
from __future__ import annotations

#: Elements of the apps that reach past the right edge of their output area (by more than
#: 1 px), except inside a region made to scroll sideways (marked data-scrolls="yes").
OVERFLOW_JS = """
sel => {
  const bad = [];
  for (const app of document.querySelectorAll(sel)) {
    const area = app.closest('.jp-OutputArea-output');
    if (!area) continue;
    const edge = area.getBoundingClientRect().right + 1;
    for (const el of [app, ...app.querySelectorAll('*')]) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > edge && !el.closest('[data-scrolls="yes"]')) {
        bad.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 50)} by ${Math.round(r.right - edge + 1)} px`);
      }
    }
  }
  return bad.slice(0, 10);
}
"""


def overflow_at(page, selector: str, width: int = 800, height: int = 900) -> list[str]:
    """Resize the window to ``width`` x ``height`` and list what in ``selector`` overflows."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_timeout(400)  # JupyterLab relays out the notebook
    return page.evaluate(OVERFLOW_JS, selector)


def active_cell(page) -> str | None:
    """The index of the notebook's active cell (a key that reached JupyterLab moves it)."""
    return page.locator(".jp-Notebook .jp-Cell.jp-mod-active").first.get_attribute(
        "data-windowed-list-index")
