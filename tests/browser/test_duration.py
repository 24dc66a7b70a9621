"""Lesson 03 in a real JupyterLab: it runs clean; moving a slider with the keyboard redraws
the plot and changes the numbers; the sugar wait runs in the background."""
import pytest

from tests.browser.lab import cell_errors, open_notebook, run_all, show_app

pytestmark = pytest.mark.browser

NUMBERS = ".seminar-duration-app .seminar-duration-numbers"
PLOT = ".seminar-duration-app img.seminar-duration-plot"


def test_lesson03_sliders_redraw_plot_and_numbers(page, lab):
    open_notebook(page, lab, "lessons/03-duration.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = show_app(page, ".seminar-duration-app")
    plot, numbers = page.locator(PLOT).first, page.locator(NUMBERS).first
    plot.wait_for(state="visible")
    assert plot.evaluate("img => img.naturalWidth") > 300  # a real PNG, decoded
    first_src, first_numbers = plot.get_attribute("src"), numbers.text_content()
    assert "2.27 million" in first_numbers and "10.5 days" in first_numbers
    description = app.locator(".seminar-duration-description").text_content()
    assert "What the figure shows" in description and "544 years" in description

    # Keyboard: focus the start-speed slider's handle and press ArrowRight ten times.
    handle = app.locator(".widget-slider .noUi-handle").first
    before = float(handle.get_attribute("aria-valuenow"))
    handle.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("([sel, old]) => document.querySelector(sel).textContent !== old",
                           arg=[NUMBERS, first_numbers])
    page.wait_for_function("([sel, old]) => document.querySelector(sel).src !== old",
                           arg=[PLOT, first_src])
    assert float(handle.get_attribute("aria-valuenow")) > before
    new_numbers = numbers.text_content()
    assert "2.27 million" not in new_numbers and "Her speed" in new_numbers
    assert plot.evaluate("img => img.naturalWidth") > 300
    assert app.locator(".seminar-duration-description").text_content() != description

    # Mouse: choose exponential growth; the threshold is then passed within the film.
    app.get_by_role("button", name="exponential").click()
    page.wait_for_function("sel => /at minute \\d/.test(document.querySelector(sel).textContent)",
                           arg=NUMBERS)

    # The sugar wait fills its bar from a background thread, without blocking the kernel.
    app.get_by_role("button", name="Wait for the sugar to melt").click()
    page.wait_for_function(
        "() => /s of your time so far/.test(document.querySelector('.seminar-duration-app').textContent)")
    page.wait_for_function(
        """() => { const bar = document.querySelector('.seminar-duration-wait .progress-bar');
                   return bar && parseFloat(bar.style.width) > 0; }""")
    assert app.get_by_role("button", name="Wait for the sugar to melt").is_disabled()
    app.locator(".seminar-duration-plot").scroll_into_view_if_needed()
