"""Lesson 01 in a real JupyterLab: it runs clean, the ghostwriter app writes a letter from a
typed template (a script tag stays text), and the comparison shows every customer."""
import pytest

from tests.browser.lab import cell_errors, open_notebook, run_all

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
    app.locator(".widget-dropdown select").nth(1).select_option(label="Farah")
    expect(letter).to_contain_text("ليلى")
    expect(letter).to_contain_text("from Farah.")
    assert app.locator(".letters-letter bdi").count() >= 2

    # Compare all customers: a table row per customer, a chart and its description.
    app.get_by_role("button", name="Compare all customers").click()
    table = app.locator(".letters-table")
    expect(table).to_be_visible()
    expect(table.locator("tr")).to_have_count(7)
    expect(app.locator(".letters-card")).to_have_count(6)
    expect(app.locator(".letters-description")).to_contain_text("Horizontal bar chart")
    expect(app.locator(".widget-image").first).to_be_visible()
    app.locator(".widget-image").first.scroll_into_view_if_needed()
