"""Lesson 10 in a real JupyterLab: it runs clean; the scene log refuses an empty log, saves a
file and offers it for download; typed HTML shows as text; the class view finds a word."""
import json

import pytest

from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all, show_app

pytestmark = pytest.mark.browser

FORM = ".seminar-scenelog-form"
CLASS = ".seminar-scenelog-class"


def test_lesson10_scene_log_saves_and_class_view_searches(page, lab):
    open_notebook(page, lab, "lessons/10-voice-and-screen.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    form = show_app(page, FORM)
    assert form.bounding_box()["width"] <= 800
    save = form.get_by_role("button", name="Save my log")
    form.locator(".widget-text input").first.fill("Ada")
    save.click()
    form.locator(".seminar-msg-error").wait_for(state="visible")
    assert "The log is empty" in form.locator(".seminar-msg-error").inner_text()
    folder = lab.root / "lessons" / "scene-log"
    assert not folder.exists()

    boxes = form.locator(".widget-textarea textarea")
    typed = ["The walk to the subway", "People looking down at phones",
             "Voices, but never the other side", "<script>alert('x')</script> alone together 🙂"]
    for i, text in enumerate(typed):
        boxes.nth(i).fill(text)
    boxes.nth(3).press("Tab")  # keyboard: leave the last box
    save.click()
    form.locator(".seminar-msg-ok").wait_for(state="visible")
    assert "Saved 1 scene" in form.locator(".seminar-msg-ok").inner_text()
    assert typed[3] in form.inner_text() and form.locator("script").count() == 0

    saved = json.loads((folder / "scenelog-voice-and-screen-ada.json").read_text(encoding="utf-8"))
    assert saved["entries"][0]["suggests"] == typed[3]
    link = form.locator("a.seminar-scenelog-download")
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "scenelog-voice-and-screen-ada.json"

    view = show_app(page, CLASS)
    assert view.bounding_box()["width"] <= 800
    assert "2 files skipped" in view.locator(".seminar-msg-warning").inner_text()
    view.get_by_label("where", exact=True).select_option(label="in what is heard")
    word = view.get_by_label("Find a word", exact=True)
    word.fill("voice")
    word.press("Enter")
    found = view.locator(".seminar-scenelog-found")
    found.wait_for(state="visible")
    assert found.inner_text().startswith("10 of 31 entries mention voice")
    assert view.locator("table script").count() == 0
    assert axe_violations(page, f"{FORM}, {CLASS}") == []
