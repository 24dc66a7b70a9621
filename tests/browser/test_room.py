"""Lesson 02 in a real JupyterLab: it runs clean, and the Chinese Room app answers a card."""
import os

import pytest

from tests.browser.fit import active_cell, overflow_at
from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all, show_app

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

    # The outside observer's glossary, with the keyboard: Space presses the toggle, which
    # says it is pressed (aria-pressed) and has a real tooltip (not "null").
    toggle = app.get_by_role("button", name="Outside observer: show meanings")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert toggle.get_attribute("title") and toggle.get_attribute("title") != "null"
    toggle.focus()
    page.keyboard.press("Space")
    observer = app.locator(".seminar-room-observer")
    observer.wait_for(state="visible")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert "Are you there?" in observer.inner_text()

    # The camera list: the arrow keys choose a camera card, never move the cell cursor.
    camera = app.get_by_role("combobox", name="Camera:")
    before = active_cell(page)
    camera.focus()
    page.keyboard.press("ArrowDown")
    assert active_cell(page) == before
    page.wait_for_function("() => [...document.querySelectorAll('.seminar-room-app select')]"
                           ".some(s => s.selectedIndex === 1)")
    card.fill("外面天气怎么样？")
    app.get_by_role("button", name="Send").click()
    page.wait_for_function(
        "() => document.querySelector('.seminar-room-trace').textContent.includes('camera')")
    camera.select_option(index=0)

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
    page.wait_for_function(  # the status box is a separate widget: wait for it too
        "() => document.querySelector('.seminar-room-app').textContent.includes('Rule added')")

    # The rulebook opens from the keyboard: Tab from the last button reaches it, Enter opens it.
    book = app.locator("details.seminar-room-rulebook")
    assert book.get_attribute("open") is not None  # opened to show the rule just added
    book.locator("summary").click()  # closed again
    assert book.evaluate("d => d.open") is False
    app.get_by_role("button", name="Add rule at the top").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    assert "The rulebook (" in page.evaluate("() => document.activeElement.textContent")
    before = active_cell(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('details.seminar-room-rulebook').open")
    assert book.locator("tr").count() > 10 and book.locator("tr").nth(1).is_visible()
    assert active_cell(page) == before

    # An empty card: a message, no traceback.
    card.fill("")
    app.get_by_role("button", name="Send").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.seminar-msg-error')].some(e => e.textContent.includes('empty'))")
    assert cell_errors(page) == []
    assert dialogs == []
    assert axe_violations(page) == []
    assert overflow_at(page, ".seminar-room-app") == []
    assert overflow_at(page, ".seminar-room-app", 683, 450) == []

    shots = os.environ.get("KIT_SCREENSHOTS")
    if shots:
        card.fill("我叫西奥多")
        app.get_by_role("button", name="Send").click()
        page.wait_for_function(
            "() => document.querySelector('.seminar-room-reply').textContent.includes('西奥多')")
        app.scroll_into_view_if_needed()
        os.makedirs(shots, exist_ok=True)
        app.screenshot(path=os.path.join(shots, "room-app.png"))


def test_lesson02_memory_room_and_blind_test_answer_in_the_browser(page, lab):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_notebook(page, lab, "lessons/02-chinese-room.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    # The room with a memory: tell it a name, then ask for it back (Enter sends).
    memory = show_app(page, ".seminar-memory-app")
    card = memory.locator(".widget-text input").first
    card.fill("我叫西奥多。")
    memory.get_by_role("button", name="Send").click()
    page.wait_for_function("() => document.querySelector('.seminar-memory-notebook')"
                           ".textContent.includes('西奥多')")
    card.fill("我叫什么名字？")
    card.press("Enter")
    page.wait_for_function("() => document.querySelector('.seminar-memory-app .seminar-room-reply')"
                           ".textContent.includes('你叫西奥多')")
    page.wait_for_function("() => document.querySelector('.seminar-memory-app .seminar-room-trace')"
                           ".textContent.includes('read notebook')")
    # Its rulebook: Enter on the summary opens it.
    memory.locator("details.seminar-memory-rulebook summary").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('details.seminar-memory-rulebook').open")
    memory.get_by_role("button", name="Tear out the notebook").click()
    page.wait_for_function("() => document.querySelector('.seminar-memory-notebook')"
                           ".textContent.includes('empty')")
    card.fill("")
    memory.get_by_role("button", name="Send").click()
    page.wait_for_function("() => [...document.querySelectorAll('.seminar-memory-app .seminar-msg-error')]"
                           ".some(e => e.textContent.includes('empty'))")

    # The blind test: send a card, guess, see the reveal and the score.
    blind = show_app(page, ".seminar-blind-app")
    card = blind.locator(".widget-text input").first
    guess = blind.get_by_role("button", name="Guess: the rulebook")
    assert guess.is_disabled()
    card.fill("<img src=x onerror=alert(1)> Are you human?")
    blind.get_by_role("button", name="Send").click()
    page.wait_for_function("() => (document.querySelector('.seminar-blind-answer') || {})"
                           ".textContent?.includes('Answer to card 1')")
    answer = blind.locator(".seminar-blind-answer").inner_text()
    assert "rulebook" not in answer and "person" not in answer   # the source stays hidden
    guess.click()
    page.wait_for_function("() => (document.querySelector('.seminar-blind-reveal') || {})"
                           ".textContent?.includes('the answer came from')")
    assert blind.locator(".seminar-blind-reveal .seminar-room-trace li").count() >= 3
    page.wait_for_function("() => document.querySelector('.seminar-blind-score')"
                           ".textContent.includes('out of 1')")
    assert blind.locator(".seminar-blind-app img").count() == 0
    # The classmate's box is there, idle while no card waits for a person.
    box = show_app(page, ".seminar-blind-classmate")
    assert box.get_by_role("button", name="Send answer").is_disabled()
    assert cell_errors(page) == []
    assert dialogs == []
    assert axe_violations(page) == []
    for width, height in ((800, 900), (683, 450)):
        for app in (".seminar-memory-app", ".seminar-blind-app", ".seminar-blind-classmate"):
            assert overflow_at(page, app, width, height) == [], (app, width)
