"""Lesson 07 in a real JupyterLab: it runs clean; the poll refuses an empty poll, saves a file
and offers it for download; typed HTML shows as text; the class view names skipped files."""
import json

import pytest

from tests.browser.fit import active_cell, overflow_at
from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all, show_app

pytestmark = pytest.mark.browser

FORM = ".seminar-poll-form"
CLASS = ".seminar-poll-class"


def test_lesson07_poll_saves_and_downloads_and_class_view_reports(page, lab):
    open_notebook(page, lab, "lessons/07-was-it-real.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    form = show_app(page, FORM)
    save = form.get_by_role("button", name="Save my answers")

    # An empty poll: a message, and nothing is written.
    form.locator(".widget-text input").first.fill("Ada <b>Bold</b>")
    save.click()
    form.locator(".seminar-msg-error").wait_for(state="visible")
    assert "The poll is empty" in form.locator(".seminar-msg-error").inner_text()
    answers = lab.root / "lessons" / "poll-answers"
    assert not answers.exists()

    # Claim 1 with the mouse: "agree", and a reason with a typed script tag and emoji.
    claim1 = form.locator(".widget-toggle-buttons").nth(0)
    claim1.get_by_role("button", name="agree", exact=True).click()
    reason = "<script>alert('x')</script> real 🙂"
    form.locator(".widget-text input").nth(1).fill(reason)
    # Claim 3 with the keyboard: Tab into its buttons and press Enter on "strongly disagree".
    claim3 = form.locator(".widget-toggle-buttons").nth(2)
    claim3.get_by_role("button", name="strongly disagree").focus()
    page.keyboard.press("Enter")
    form.locator(".widget-text input").nth(3).fill("Cells feel; chips compute.")
    save.click()
    form.locator(".seminar-msg-ok").wait_for(state="visible")
    assert "Saved 2 answers" in form.locator(".seminar-msg-ok").inner_text()

    result = form.locator(".seminar-poll-result")
    assert reason in result.inner_text()            # shown as text ...
    assert result.locator("script").count() == 0    # ... never as markup
    assert result.locator("b").count() == 0 or "Bold" not in result.locator("b").all_inner_texts()

    saved = json.loads((answers / "poll-was-it-real-ada-b-bold-b.json").read_text(encoding="utf-8"))
    assert [(a["claim"], a["position"]) for a in saved["answers"]] == [("love", 4), ("substance", 1)]

    link = result.locator("a.seminar-poll-download")
    assert link.get_attribute("href").startswith("data:application/json")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "poll-was-it-real-ada-b-bold-b.json"
    assert json.loads(open(download.path(), encoding="utf-8").read()) == saved

    # The class view: the made-up class, two broken files named, a plot with a description.
    view = page.locator(CLASS).first
    view.evaluate("el => el.scrollIntoView({block: 'start'})")
    view.wait_for(state="visible")
    skipped = view.locator(".seminar-poll-skipped li")
    assert skipped.count() == 2
    assert "student-25.json" in skipped.nth(0).inner_text()
    assert "got 7" in skipped.nth(1).inner_text()
    plot = view.locator("img.seminar-poll-plot")
    assert plot.evaluate("img => img.naturalWidth") > 300
    assert plot.get_attribute("alt").startswith("Diverging bars")
    assert "Claim 1. His love was real" in plot.get_attribute("alt")
    caption = view.locator(".seminar-poll-plot-figure figcaption").inner_text()
    assert caption.startswith("What the figure shows") and "Claim 1. His love was real" in caption

    # Keyboard on the claim menu: the reasons follow, escaped.
    reasons = view.locator(".seminar-poll-reasons")
    first = reasons.inner_text()
    select = view.get_by_role("combobox", name="Reasons for")
    select.focus()
    before = active_cell(page)
    page.keyboard.press("ArrowDown")  # "2. She was someone"; the cell cursor stays put
    assert active_cell(page) == before
    page.wait_for_function("([sel, old]) => document.querySelector(sel).innerText !== old",
                           arg=[f"{CLASS} .seminar-poll-reasons", first])
    assert "<script>" in reasons.inner_text() and reasons.locator("script").count() == 0

    # The plot of section 7, shown by the notebook itself: alt text, and its caption.
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer").evaluate(
        "el => el.scrollTop = el.scrollHeight")  # cells far down are drawn when seen
    static = page.locator(".jp-RenderedHTMLCommon figure img.seminar-poll-plot")
    static.first.wait_for(state="attached")
    assert static.first.evaluate("img => img.naturalWidth") > 300
    assert all(alt.startswith("Diverging bars") for alt in
               page.locator("img.seminar-poll-plot").evaluate_all("imgs => imgs.map(i => i.alt)"))
    assert cell_errors(page) == []
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["targets"]) for v in violations]
    for width, height in ((800, 900), (683, 450)):
        for app in (FORM, CLASS):
            bad = overflow_at(page, app, width, height)
            assert bad == [], (app, width, bad)
