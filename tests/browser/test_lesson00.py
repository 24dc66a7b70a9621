"""Lesson 00 in a real JupyterLab: it runs clean and its widget renders and responds, from
the keyboard too (arrow keys change the lesson, never the notebook's active cell); axe finds
no violation and at 800 px wide the explorer stays inside its output area."""
import pytest

from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all
from tests.browser.test_duration import OVERFLOW_JS

pytestmark = pytest.mark.browser


def test_lesson00_runs_and_explorer_responds(page, lab):
    open_notebook(page, lab, "lessons/00-start-here.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    select = page.get_by_role("combobox", name="Lesson").first
    # Run All leaves the notebook scrolled to the end; JupyterLab does not lay out cells
    # far off screen, so bring the widget into view before reading it.
    select.scroll_into_view_if_needed()
    select.wait_for(state="visible")
    card = page.locator(".seminar-lesson-card").first
    card.wait_for(state="visible")
    first_title = card.locator("h3").text_content()
    assert first_title.startswith("00")

    options = select.locator("option").all_inner_texts()
    # Keyboard: focus the menu and press End / ArrowDown to pick another lesson.
    select.focus()
    page.keyboard.press("End" if len(options) > 1 else "Home")
    if len(options) > 1:
        page.wait_for_function(
            "t => document.querySelector('.seminar-lesson-card h3').textContent !== t",
            arg=first_title)
        assert card.locator("h3").text_content() != first_title
    # ArrowDown/ArrowUp change the lesson and leave JupyterLab's active cell where it was.
    active = page.locator(".jp-Notebook .jp-Cell.jp-mod-active").first.get_attribute(
        "data-windowed-list-index")
    select.select_option(index=0)
    page.wait_for_function(
        "t => document.querySelector('.seminar-lesson-card h3').textContent === t", arg=first_title)
    select.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function(
        "t => document.querySelector('.seminar-lesson-card h3').textContent !== t", arg=first_title)
    assert card.locator("h3").text_content().startswith("01")
    assert select.evaluate("el => el === document.activeElement")
    assert page.locator(".jp-Notebook .jp-Cell.jp-mod-active").first.get_attribute(
        "data-windowed-list-index") == active

    # Mouse: choose the first lesson again from the menu.
    select.select_option(index=0)
    page.wait_for_function(
        "t => document.querySelector('.seminar-lesson-card h3').textContent === t",
        arg=first_title)
    assert "Questions" in card.text_content()

    assert axe_violations(page) == []
    page.set_viewport_size({"width": 800, "height": 900})
    page.wait_for_timeout(300)
    assert page.evaluate(OVERFLOW_JS, ".seminar-lesson-explorer") == []

