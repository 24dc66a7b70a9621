"""Lesson 08 in a real JupyterLab: it runs clean and the worked example's sliders redraw the plot
and its description; the blank exercise runs clean, its worked example shows its result, and the
optional model asks for Q12 to Q15 before the sliders."""
import pytest

from tests.browser.lab import cell_errors, open_notebook, run_all, show_app

pytestmark = pytest.mark.browser

INTERACT = ".widget-interact"


def test_lesson08_worked_example_sliders_redraw(page, lab):
    open_notebook(page, lab, "lessons/08-your-own-experiment.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = show_app(page, INTERACT)
    output = app.locator(".widget-output")
    page.wait_for_function("sel => /after 1\\.9 hours/.test(document.querySelector(sel).textContent)",
                           arg=f"{INTERACT} .widget-output")
    image = output.locator("img")
    assert image.evaluate("img => img.naturalWidth") > 300
    first_src = image.get_attribute("src")
    labels = app.locator(".widget-slider .widget-label").all_inner_texts()
    assert labels == ["hours", "others", "mother_answers", "facts_per_hour"]

    # Keyboard: focus the facts-per-hour handle and press End (20 facts an hour).
    handle = app.locator(".widget-slider .noUi-handle").nth(3)
    handle.focus()
    page.keyboard.press("End")
    page.wait_for_function("sel => /after 0\\.4 hours/.test(document.querySelector(sel).textContent)",
                           arg=f"{INTERACT} .widget-output")
    assert float(handle.get_attribute("aria-valuenow")) == 20
    page.wait_for_function("([sel, old]) => { const i = document.querySelector(sel);"
                           " return i && i.src !== old; }",
                           arg=[f"{INTERACT} .widget-output img", first_src])

    # Home: no facts from talk at all; the description says so, no traceback.
    handle.focus()
    page.keyboard.press("Home")
    page.wait_for_function("sel => /never falls below one/.test(document.querySelector(sel).textContent)",
                           arg=f"{INTERACT} .widget-output")
    assert cell_errors(page) == []


def test_exercise08_blank_runs_clean_and_asks_for_the_model_first(page, lab):
    open_notebook(page, lab, "exercises/08-your-own-experiment.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    outputs = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")
    assert outputs.filter(has_text="not answered yet").count() == 8  # q1 to q4, q12 to q15
    assert outputs.filter(has_text="after 1.9 hours").count() == 1    # the worked example's cell
    assert outputs.filter(has_text="Finish Q12 to Q15 first").count() == 1
