"""Lesson 03 in a real JupyterLab: it runs clean; moving a slider with the keyboard redraws
the plot and changes the numbers; the sugar wait runs in the background; axe finds no
violation and at 800 px wide nothing in the app reaches past its output area."""
import pytest

from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all, show_app

pytestmark = pytest.mark.browser

NUMBERS = ".seminar-duration-app .seminar-duration-numbers"
PLOT = ".seminar-duration-app img.seminar-duration-plot"
CAPTION = ".seminar-duration-plot-figure figcaption"
SPEED = "Her speed (x his), start"

#: Elements of the app that reach past the right edge of its output area (by > 1 px).
OVERFLOW_JS = """
sel => {
  const app = document.querySelector(sel);
  const edge = app.closest('.jp-OutputArea-output').getBoundingClientRect().right + 1;
  return [...app.querySelectorAll('*')].filter(el => !el.closest('[data-scrolls="yes"]'))
    .filter(el => { const r = el.getBoundingClientRect(); return r.width && r.right > edge; })
    .map(el => (el.className || el.tagName).toString().slice(0, 60));
}
"""


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
    description = app.locator(CAPTION).text_content()
    assert "What the figure shows" in description and "544 years" in description
    alt = plot.get_attribute("alt")
    assert "544 years" in alt and alt in description  # the caption's words are the alt text

    # Every slider has a name; the log-scale speed reads in words, not as an exponent.
    for name in (SPEED, "Growth rate (per minute)", "Conversations at once",
                 "Threshold: a pause lasts", "He speaks at minute"):
        assert app.get_by_role("slider", name=name).count() == 1, name
    handle = app.get_by_role("slider", name=SPEED)
    assert handle.get_attribute("aria-valuetext") == "2.27 million"
    assert app.get_by_role("slider", name="Threshold: a pause lasts").get_attribute(
        "aria-valuetext").startswith("1 year for her")

    # Keyboard: focus the start-speed slider and press ArrowRight ten times.
    before = float(handle.input_value())
    handle.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("([sel, old]) => document.querySelector(sel).textContent !== old",
                           arg=[NUMBERS, first_numbers])
    page.wait_for_function("([sel, old]) => document.querySelector(sel).src !== old",
                           arg=[PLOT, first_src])
    assert float(handle.input_value()) > before
    assert handle.get_attribute("aria-valuetext") != "2.27 million"
    assert "e+" not in handle.get_attribute("aria-valuetext")
    new_numbers = numbers.text_content()
    assert "2.27 million" not in new_numbers and "Her speed" in new_numbers
    assert plot.evaluate("img => img.naturalWidth") > 300
    assert app.locator(CAPTION).text_content() != description
    assert plot.get_attribute("alt") != alt

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

    assert axe_violations(page) == []
    page.set_viewport_size({"width": 800, "height": 900})
    page.wait_for_timeout(300)
    assert page.evaluate(OVERFLOW_JS, ".seminar-duration-app") == []
    # Never shrunk below 560 px (its text stays >= 10 px): a narrow column scrolls it sideways.
    assert 560 <= plot.evaluate("img => img.getBoundingClientRect().width") <= 760
