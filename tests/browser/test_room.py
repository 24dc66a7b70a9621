"""Lesson 02 in a real JupyterLab: it runs clean, and the Chinese Room app answers a card."""
import os

import pytest

from tests.browser.lab import cell_errors, open_notebook, run_all

pytestmark = pytest.mark.browser


def test_lesson02_room_app_replies_and_shows_the_trace(page, lab):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_notebook(page, lab, "lessons/02-chinese-room.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = page.locator(".seminar-room-app").first
    app.wait_for(state="visible")
    card = app.locator(".widget-text input").first
    reply = app.locator(".seminar-room-reply")
    trace_steps = app.locator(".seminar-room-trace li")

    # Type a card and click Send.
    card.fill("你懂中文吗？")
    app.get_by_role("button", name="Send").click()
    page.wait_for_function(
        "() => (document.querySelector('.seminar-room-reply') || {}).textContent?.includes('当然懂')")
    assert "当然懂" in reply.inner_text()
    assert trace_steps.count() >= 5
    trace = app.locator(".seminar-room-trace").inner_text()
    assert "row 13" in trace and "copy out these shapes" in trace
    assert "Of course" not in trace  # the glossary never reaches the operator

    # Enter sends too.
    card.fill("你在吗")
    card.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.seminar-room-reply').textContent.includes('我一直在这里')")

    # The outside observer's glossary.
    app.get_by_role("button", name="Outside observer: show meanings").click()
    observer = app.locator(".seminar-room-observer")
    observer.wait_for(state="visible")
    assert "Are you there?" in observer.inner_text()

    # A typed <script> is shown as text and never runs.
    card.fill("<script>alert('x')</script>")
    app.get_by_role("button", name="Send").click()
    page.wait_for_function(
        "() => document.querySelector('.seminar-room-trace').textContent.includes('< s c r i p t >')")
    assert "对不起" in reply.inner_text()
    assert app.locator(".seminar-room-trace script").count() == 0

    # The rule editor: the new rule is used at once.
    inputs = app.locator(".widget-text input")
    inputs.nth(1).fill("你喜欢猫吗")
    inputs.nth(2).fill("喜欢。")
    app.get_by_role("button", name="Add rule at the top").click()
    page.wait_for_function(
        "() => document.querySelector('.seminar-room-reply').textContent.includes('喜欢。')")
    assert "Rule added" in app.inner_text()

    # An empty card: a message, no traceback.
    card.fill("")
    app.get_by_role("button", name="Send").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.seminar-msg-error')].some(e => e.textContent.includes('empty'))")
    assert cell_errors(page) == []
    assert dialogs == []

    shots = os.environ.get("KIT_SCREENSHOTS")
    if shots:
        card.fill("我叫西奥多")
        app.get_by_role("button", name="Send").click()
        page.wait_for_function(
            "() => document.querySelector('.seminar-room-reply').textContent.includes('西奥多')")
        app.scroll_into_view_if_needed()
        os.makedirs(shots, exist_ok=True)
        app.screenshot(path=os.path.join(shots, "room-app.png"))
