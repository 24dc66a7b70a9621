"""Lesson 06 in a real JupyterLab: it runs clean, and the argument checker responds to
mouse and keyboard, shows counterexamples, names parse errors, and never runs typed HTML."""
import pytest
from tests.browser.lab import expect

from tests.browser.fit import active_cell, overflow_at
from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all

pytestmark = pytest.mark.browser

APP = ".seminar-arguments-app"


def press_check(page, app, keyboard=False):
    button = app.get_by_role("button", name="Check")
    if keyboard:
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()


def test_lesson06_runs_and_the_checker_responds(page, lab):
    open_notebook(page, lab, "lessons/06-bodies.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = page.locator(APP).first
    app.wait_for(state="visible")
    app.scroll_into_view_if_needed()
    # Built with the argument from embodiment and checked at once: valid, no counterexample.
    verdict = app.locator(".seminar-arg-verdict")
    expect(verdict).to_contain_text("Valid")
    expect(app.locator("table.seminar-truth-table tbody tr")).to_have_count(8)
    assert app.locator("tr.seminar-counterexample").count() == 0

    premises = app.locator(".widget-textarea textarea").nth(0)
    conclusion = app.locator(".widget-textarea textarea").nth(1)

    # Mouse: drop the last premise; a counterexample appears, highlighted and marked in words.
    premises.fill("love -> mind\nmind -> body")
    press_check(page, app)
    counter = app.locator("tr.seminar-counterexample")
    expect(counter).to_have_count(1)
    expect(counter).to_contain_text("counterexample")
    expect(verdict).to_contain_text("Not valid")

    # Keyboard: a parse error names the premise, the position and the symbol, with a caret.
    premises.fill("love -> (mind\nmind -> body")
    press_check(page, app, keyboard=True)
    status = app.locator(".seminar-arg-status .seminar-msg-error")
    expect(status).to_contain_text("Premise 1 (line 1), position 14")
    assert "')'" in status.inner_text()
    assert app.locator("pre.seminar-arg-pointer").inner_text().splitlines()[-1].endswith("^")
    assert app.locator("table.seminar-truth-table").count() == 0
    assert "Traceback" not in app.inner_text()

    # Typed HTML is shown as text and never run.
    premises.fill("<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>")
    conclusion.fill("love")
    press_check(page, app)
    expect(status).to_contain_text("unknown symbol")
    assert page.evaluate("() => window.__pwned") is None
    assert "<script>" in app.locator("pre.seminar-arg-pointer").inner_text()   # shown as text

    # Converse of the chain: two counterexamples, two other rows with every premise true
    # (the state the screenshot shows, with KIT_SCREENSHOTS set).
    premises.fill("love -> limbic\nlimbic -> body")
    conclusion.fill("body -> love")
    press_check(page, app)
    expect(app.locator("table.seminar-truth-table tbody tr")).to_have_count(8)
    expect(app.locator("tr.seminar-counterexample")).to_have_count(2)
    expect(app.locator("tr.seminar-premises-true")).to_have_count(2)
    expect(verdict).to_contain_text("2 of the 8 rows are counterexamples")
    app.locator(".seminar-arg-verdict").scroll_into_view_if_needed()

    # The formula help opens from the keyboard (a native disclosure: Enter on its summary).
    summary = app.locator("details.seminar-arg-help-box summary")
    summary.focus()
    before = active_cell(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('details.seminar-arg-help-box').open")
    expect(app.locator("details.seminar-arg-help-box table")).to_contain_text("implies")
    assert active_cell(page) == before

    # Truth tables scroll sideways inside a named region the keyboard reaches, the
    # 16-atom one of section 7 too.
    region = app.get_by_role("region", name="Truth table: 3 atoms, 8 rows shown")
    assert region.get_attribute("tabindex") == "0"
    big = page.get_by_role("region", name="Truth table: 16 atoms, 5 rows shown")
    big.evaluate("el => el.scrollIntoView()")
    page.set_viewport_size({"width": 800, "height": 900})
    page.wait_for_timeout(400)
    assert big.evaluate("el => el.scrollWidth > el.clientWidth")  # it does scroll at 800 px
    big.focus()
    page.keyboard.press("ArrowRight")   # scrolls the table; JupyterLab does not take the key
    page.wait_for_function("""() => [...document.querySelectorAll('.seminar-truth-table-wrap')]
                              .some(el => el.scrollLeft > 0)""")
    heads = big.locator("thead th")
    tall = heads.evaluate_all("hs => Math.max(...hs.map(h => h.getBoundingClientRect().height))")
    assert tall < 120, f"a header {tall} px tall"
    violations = axe_violations(page)
    assert violations == [], [v["targets"] for v in violations]
    assert overflow_at(page, APP) == []
    assert overflow_at(page, APP, 683, 450) == []
