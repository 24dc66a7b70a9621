"""Lesson 08 in a real JupyterLab: it runs clean and the worked example's sliders redraw the plot
and its description; the blank exercise runs clean, its worked example shows its result, and the
optional model asks for Q12 to Q15 before the sliders."""
import pytest

from tests.browser.fit import active_cell, overflow_at
from tests.browser.lab import (axe_violations, cell_errors, expect, open_notebook, run_all,
                               show_app)

pytestmark = pytest.mark.browser

CAPSTONE = ".jp-OutputArea-output .widget-vbox:has(.seminar-slider)"
OUT = f"{CAPSTONE} .widget-output"


def test_lesson08_worked_example_sliders_redraw(page, lab):
    open_notebook(page, lab, "lessons/08-your-own-experiment.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = show_app(page, CAPSTONE)
    output = app.locator(".widget-output")
    page.wait_for_function("sel => /after 1\\.9 hours/.test(document.querySelector(sel).textContent)",
                           arg=OUT)
    image = output.locator("img")
    assert image.evaluate("img => img.naturalWidth") > 300
    assert image.get_attribute("alt").startswith("A line on a logarithmic scale")
    assert "after 1.9 hours" in image.get_attribute("alt")
    first_src = image.get_attribute("src")
    sliders = app.get_by_role("slider")
    assert sliders.count() == 4
    # readable names, the values in words
    others = app.get_by_role("slider", name="Others she talks with")
    assert others.get_attribute("aria-valuetext") == "8,316"
    assert app.get_by_role("slider", name="Kinds of answer about his mother").get_attribute(
        "aria-valuetext") == "5"

    # Keyboard: focus the facts-per-hour slider and press End (20 facts an hour); the
    # notebook's cell cursor stays where it was.
    facts = app.get_by_role("slider", name="Telling facts per hour")
    facts.focus()
    before = active_cell(page)
    page.keyboard.press("End")
    page.wait_for_function("sel => /after 0\\.4 hours/.test(document.querySelector(sel).textContent)",
                           arg=OUT)
    assert facts.get_attribute("aria-valuetext") == "20"
    assert active_cell(page) == before
    page.wait_for_function("([sel, old]) => { const i = document.querySelector(sel);"
                           " return i && i.src !== old; }",
                           arg=[f"{OUT} img", first_src])

    # Home: no facts from talk at all; the description says so, no traceback.
    facts.focus()
    page.keyboard.press("Home")
    page.wait_for_function("sel => /never falls below one/.test(document.querySelector(sel).textContent)",
                           arg=OUT)
    # The crowd on its log scale: Home is one other person.
    others.focus()
    page.keyboard.press("Home")
    page.wait_for_function("sel => /starts at 0\\.05 after/.test(document.querySelector(sel).textContent)",
                           arg=OUT)
    expect(others).to_have_attribute("aria-valuetext", "1")
    assert cell_errors(page) == []
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["targets"]) for v in violations]
    for width, height in ((800, 900), (683, 450)):
        bad = overflow_at(page, CAPSTONE, width, height)
        assert bad == [], (width, bad)


def test_exercise08_blank_runs_clean_and_asks_for_the_model_first(page, lab):
    open_notebook(page, lab, "exercises/08-your-own-experiment.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    outputs = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
    assert outputs.filter(has_text="not answered yet").count() == 8  # q1 to q4, q12 to q15
    assert outputs.filter(has_text="after 1.9 hours").count() == 1    # the worked example's cell
    assert outputs.filter(has_text="Finish Q12 to Q15 first").count() == 1
