"""Lesson 01 in a real JupyterLab: it runs clean, the ghostwriter app writes a letter from a
typed template (a script tag stays text), and the comparison shows every customer."""
import pytest

from tests.browser.fit import active_cell, overflow_at
from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all

pytestmark = pytest.mark.browser


def test_lesson01_runs_and_the_ghostwriter_responds(page, lab):
    from playwright.sync_api import expect   # retries until the notebook has painted the cell

    open_notebook(page, lab, "lessons/01-letters.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = page.locator(".seminar-letters-app").first
    app.scroll_into_view_if_needed()
    letter = app.locator(".letters-letter").first
    expect(letter).to_contain_text("Dear Tomás")
    assert app.locator("mark.letters-own").count() >= 6

    # Type a template (with a script tag) into the first text area and write it.
    box = app.locator("textarea").first
    box.fill("<script>window.pwned = 1</script> Dear {beloved}, [hello|hi] from {sender}.")
    app.get_by_role("button", name="Write the letter").click()
    expect(letter).to_contain_text("<script>window.pwned = 1</script> Dear Tomás,")
    assert app.locator(".letters-letter script").count() == 0
    assert page.evaluate("() => window.pwned === undefined")

    # A broken template: a message, and the text stays in the box.
    box.fill("Dear {first name}")
    app.get_by_role("button", name="Write the letter").click()
    expect(app.locator(".seminar-msg-error").first).to_contain_text("first_name")
    assert box.input_value() == "Dear {first name}"

    # Right-to-left text: choose Farah from the customer menu.
    box.fill("Dear {beloved}, [hello|hi] from {sender}.")
    app.get_by_role("button", name="Write the letter").click()
    expect(letter).to_contain_text("from Ana.")
    assert app.locator("img").count() == 0   # no empty picture before the comparison
    menu = app.get_by_role("combobox", name="Customer:")
    menu.focus()
    before = active_cell(page)
    page.keyboard.press("ArrowDown")   # the keys choose a customer, not a notebook cell
    assert active_cell(page) == before
    expect(letter).to_contain_text("Bilal.")
    menu.select_option(label="Farah")
    expect(letter).to_contain_text("ليلى")
    expect(letter).to_contain_text("from Farah.")
    assert app.locator(".letters-letter bdi").count() >= 2

    # Compare all customers: a table row per customer, a chart and its description.
    app.get_by_role("button", name="Compare all customers").click()
    table = app.locator(".letters-table")
    expect(table).to_be_visible()
    expect(table.locator("tr")).to_have_count(7)
    expect(app.locator(".letters-card")).to_have_count(6)
    chart = app.locator("img.letters-chart")
    expect(chart).to_be_visible()
    assert chart.get_attribute("alt").startswith("Horizontal bar chart")
    assert "Farah" in chart.get_attribute("alt")
    expect(app.locator(".letters-chart-figure figcaption")).to_contain_text("What the figure shows")
    chart.scroll_into_view_if_needed()
    assert chart.evaluate("img => img.naturalWidth") > 300
    assert app.get_by_role("region", name="The comparison table").get_attribute("tabindex") == "0"
    assert axe_violations(page) == []
    bad = overflow_at(page, ".seminar-letters-app")
    assert bad == [], "\n".join(bad)
    bad = overflow_at(page, ".seminar-letters-app", 683, 450)
    assert bad == [], "\n".join(bad)
