"""Lesson 04 in a real JupyterLab: it runs clean; the jump and preset buttons (mouse) and the
growth slider (keyboard) redraw the plot and change the numbers and the description."""
import pytest

from tests.browser.lab import cell_errors, expect, open_notebook, run_all, show_app

pytestmark = pytest.mark.browser

APP = ".seminar-attention-app"
NUMBERS = f"{APP} .seminar-attention-numbers"
DESCRIPTION = f"{APP} .seminar-attention-description"
PLOT = f"{APP} img.seminar-attention-plot"
CHANGED = "([sel, old]) => { const e = document.querySelector(sel); return e && e.{prop} !== old; }"


def wait_changed(page, selector, old, prop="textContent"):
    page.wait_for_function(CHANGED.replace("{prop}", prop), arg=[selector, old])


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

    # Mouse: jump to the 641 she loves.
    src = plot.get_attribute("src")
    app.get_by_role("button", name="in love with (641)").click()
    wait_changed(page, NUMBERS, text)
    wait_changed(page, PLOT, src, "src")
    text = numbers.text_content()
    assert "With 641 partners" in text and "box 3,540" in text
    expect(description).to_contain_text("your choice, 641 partners")  # retries: it may redraw last

    # Mouse: a person's heart has room for one love under every model.
    app.get_by_role("button", name="a person's heart").click()
    wait_changed(page, NUMBERS, text)
    text = numbers.text_content()
    assert "box 1 partner, heart 1 partner, exclusive 1 partner" in text

    # Keyboard: focus the growth slider's handle and press End (growth 1, an undivided heart).
    growth = app.locator(".widget-hslider", has_text="Heart's growth").locator(".noUi-handle")
    growth.focus()
    page.keyboard.press("End")
    wait_changed(page, NUMBERS, text)
    assert float(growth.get_attribute("aria-valuenow")) == pytest.approx(1.0)
    assert "heart any number of partners" in numbers.text_content()
    page.wait_for_function("sel => /stays level/.test(document.querySelector(sel).textContent)",
                           arg=DESCRIPTION)
    assert app.locator(".seminar-msg-error").count() == 0
    plot.scroll_into_view_if_needed()
