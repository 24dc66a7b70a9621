"""Lesson 04 in a real JupyterLab: it runs clean; the jump and preset buttons (mouse) and the
growth slider (keyboard) redraw the plot and change the numbers and the description; the
sliders are named and read out in words, the plot has alt text, axe finds nothing, and at
800 px wide nothing in the app reaches past its column."""
import re

import pytest

from tests.browser.fit import overflow_at
from tests.browser.lab import (axe_violations, cell_errors, expect, open_notebook, run_all, show_app,
                               wait_changed)

pytestmark = pytest.mark.browser

APP = ".seminar-attention-app"
NUMBERS = f"{APP} .seminar-attention-numbers"
DESCRIPTION = f"{APP} .seminar-attention-description"
PLOT = f"{APP} img.seminar-attention-plot"


def test_lesson04_buttons_and_slider_redraw_plot_numbers_and_description(page, lab):
    open_notebook(page, lab, "lessons/04-one-of-many.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = show_app(page, APP)
    assert "javascript error" not in app.inner_text()  # every widget rendered
    plot, numbers, description = (page.locator(s).first for s in (PLOT, NUMBERS, DESCRIPTION))
    plot.wait_for(state="visible")
    assert plot.evaluate("img => img.naturalWidth") > 300  # a real PNG, decoded
    text = numbers.text_content()
    assert "With 8,316 partners" in text and "box 273" in text and "2.27 million" in text
    words = description.text_content()
    assert "What the figure shows" in words and "green star" in words
    assert "your choice, 8,316 partners" in plot.get_attribute("alt")  # the same words, as alt
    partners = app.get_by_role("slider", name="Partners at once")
    expect(partners).to_have_attribute("aria-valuetext", "8,316 partners")
    expect(app.get_by_role("slider", name="Capacity of the heart")).to_have_attribute(
        "aria-valuetext", "2.27 million people's full attention")  # words, not an exponent

    # Mouse: jump to the 641 she loves.
    src = plot.get_attribute("src")
    app.get_by_role("button", name="in love with (641)").click()
    wait_changed(page, NUMBERS, text)
    wait_changed(page, PLOT, src, "src")
    text = numbers.text_content()
    assert "With 641 partners" in text and "box 3,540" in text
    expect(description).to_contain_text("your choice, 641 partners")  # retries: it may redraw last
    expect(partners).to_have_attribute("aria-valuetext", "641 partners")
    expect(plot).to_have_attribute("alt", re.compile("your choice, 641 partners"))

    # Mouse: a person's heart has room for one love under every model.
    app.get_by_role("button", name="a person's heart").click()
    wait_changed(page, NUMBERS, text)
    text = numbers.text_content()
    assert "box 1 partner, heart 1 partner, exclusive 1 partner" in text

    # Keyboard: focus the growth slider and press End (growth 1, an undivided heart).
    growth = app.get_by_role("slider", name="Heart's growth (0 = a box that divides)")
    growth.focus()
    page.keyboard.press("End")
    wait_changed(page, NUMBERS, text)
    expect(growth).to_have_attribute("aria-valuetext", "growth 1")
    assert float(growth.input_value()) == pytest.approx(1.0)
    assert "heart any number of partners" in numbers.text_content()
    page.wait_for_function("sel => /stays level/.test(document.querySelector(sel).textContent)",
                           arg=DESCRIPTION)
    assert app.locator(".seminar-msg-error").count() == 0
    assert axe_violations(page) == []
    assert overflow_at(page, APP) == []
    width = plot.evaluate("img => img.getBoundingClientRect().width")
    assert 560 <= width < 760  # shrank with the column, but not below a readable size
    assert overflow_at(page, APP, 683, 450) == []  # 200 % zoom: it scrolls instead
    assert plot.evaluate("img => img.getBoundingClientRect().width") >= 560
    plot.scroll_into_view_if_needed()
