"""Lesson 09 in a real JupyterLab: it runs clean; the companion app fits an 800 px column,
its presets (mouse) and a weight slider (keyboard) change the choice, the plot and the
description in words."""
import pytest

from tests.browser.lab import (axe_violations, cell_errors, expect, open_notebook, run_all, show_app,
                               wait_changed)

pytestmark = pytest.mark.browser

APP = ".seminar-companion-app"
CHOSEN = f"{APP} .seminar-companion-chosen"
DESCRIPTION = f"{APP} .seminar-companion-description"
PLOT = f"{APP} img.seminar-companion-plot"


def test_lesson09_presets_and_slider_change_choice_plot_and_description(page, lab):
    open_notebook(page, lab, "lessons/09-power-data-perfection.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = show_app(page, APP)
    assert "javascript error" not in app.inner_text()
    assert app.bounding_box()["width"] <= 800
    plot, chosen, description = (page.locator(s).first for s in (PLOT, CHOSEN, DESCRIPTION))
    plot.wait_for(state="visible")
    assert plot.evaluate("img => img.naturalWidth") > 300
    text = chosen.text_content()
    assert "answers at once 100% of the time" in text and "agrees with its user 100%" in text
    assert "What the figure shows" in description.text_content()
    for label in ("engagement (company)", "growth (user)", "their own words (user)"):
        assert app.get_by_label(label, exact=True).count() == 1  # every slider is named
    assert plot.get_attribute("alt").startswith("Paired horizontal bars")

    # Mouse: the user's three goals.
    src = plot.get_attribute("src")
    app.get_by_role("button", name="the user's three goals").click()
    wait_changed(page, CHOSEN, text)
    wait_changed(page, PLOT, src, "src")
    text = chosen.text_content()
    assert "answers at once 25% of the time" in text
    expect(description).to_contain_text("time with other people (user): 84 against 20")

    # Keyboard: engagement back to 10 with End; the companion gives way partly.
    engagement = app.get_by_label("engagement (company)", exact=True)
    engagement.focus()
    page.keyboard.press("End")
    wait_changed(page, CHOSEN, text)
    assert engagement.input_value() == "10"
    assert engagement.get_attribute("aria-valuetext") == "weight 10 of 10"
    assert "answers at once 50% of the time" in chosen.text_content()
    assert app.locator(".seminar-msg-error").count() == 0
    assert "e+" not in app.inner_text()
    assert axe_violations(page, APP) == []
