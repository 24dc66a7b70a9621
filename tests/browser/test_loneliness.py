"""Lesson 05 in a real JupyterLab: it runs clean; the keyboard moves the adoption slider and
the mouse ticks the definition box; the plot, its alt text, the numbers and the description
follow; axe finds nothing, and at 800 px wide nothing in the app reaches past its column."""
import pytest

from tests.browser.fit import overflow_at
from tests.browser.lab import (axe_violations, cell_errors, expect, open_notebook, run_all, show_app,
                               wait_changed)

pytestmark = pytest.mark.browser

APP = ".seminar-community-app"
PLOT = f"{APP} img.seminar-community-plot"
NUMBERS = f"{APP} .community-numbers"
DESCRIPTION = f"{APP} .community-description"


def test_lesson05_sliders_redraw_plot_numbers_and_description(page, lab):
    open_notebook(page, lab, "lessons/05-loneliness.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = show_app(page, APP)
    plot = page.locator(PLOT).first
    plot.wait_for(state="visible")
    assert plot.evaluate("img => img.naturalWidth") > 300  # a real PNG, decoded
    numbers, description = page.locator(NUMBERS).first, page.locator(DESCRIPTION).first
    first_src, first_numbers = plot.get_attribute("src"), numbers.text_content()
    first_description = description.text_content()
    assert "not more than half the society" in first_numbers
    assert "What the figure shows" in first_description
    assert "In week 78 every OS leaves at once" in first_description
    assert "In week 78 every OS leaves at once" in plot.get_attribute("alt")

    # Keyboard: focus the adoption-level slider and press ArrowRight 20 times (0.50 -> 0.70).
    handle = app.get_by_role("slider", name="OS adoption, long-run share")
    expect(handle).to_have_attribute("aria-valuetext", "50% of people")
    before = float(handle.input_value())
    handle.focus()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("sel => document.querySelector(sel).textContent.includes('(more than half')",
                           arg=NUMBERS, timeout=60_000)
    page.wait_for_function("([sel, old]) => document.querySelector(sel).src !== old",
                           arg=[PLOT, first_src])
    assert float(handle.input_value()) == pytest.approx(before + 0.2)
    expect(handle).to_have_attribute("aria-valuetext", "70% of people")
    assert plot.evaluate("img => img.naturalWidth") > 300
    assert description.text_content() != first_description
    assert "more than half of the society" in description.text_content()
    expect(plot).to_have_attribute("alt", description.text_content().split(": ", 1)[1])

    # Mouse: untick "An OS counts as one such tie"; the definition in the description follows.
    old = description.text_content()
    app.get_by_role("checkbox", name="An OS counts as one such tie while it is there").click()
    wait_changed(page, DESCRIPTION, old)
    # Wait for the words themselves: a late redraw from the key presses above may change the
    # description first.
    page.wait_for_function("sel => document.querySelector(sel).textContent.includes('an OS does not count')",
                           arg=DESCRIPTION, timeout=60_000)
    assert "an OS does not count" in description.text_content()
    assert cell_errors(page) == []
    assert axe_violations(page) == []
    assert overflow_at(page, APP) == []
    plot.evaluate("el => el.scrollIntoView({block: 'center'})")  # for the screenshot
