"""The 641 letters in a real JupyterLab: a student saves their letter in lesson 01 (typing
only), then lesson 04 shows the sample class's letters (one unmarked, then all marked) and
loads the folder the student's letter was saved in."""
import pytest

from tests.browser.fit import overflow_at
from tests.browser.lab import (axe_violations, cell_errors, expect, open_notebook, run_all,
                               show_app)

pytestmark = pytest.mark.browser

FORM = ".seminar-my-letter"
VIEW = ".seminar-class-letters"
NUGGETS = ["the night of the <b>storm</b>", "the old pier", "the way you whistle off-key",
           "the spring comes early"]


def test_save_a_letter_in_lesson01_and_see_it_with_the_class_in_lesson04(page, lab):
    open_notebook(page, lab, "lessons/01-letters.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    form = show_app(page, FORM)
    boxes = form.locator(".widget-text input")
    expect(boxes).to_have_count(6)  # the name, then five nuggets

    # An empty box: a message, nothing saved, the typing kept.
    boxes.nth(0).fill("Ada")
    boxes.nth(1).fill("Ada")
    form.get_by_role("button", name="Save my letter").click()
    expect(form.locator(".seminar-msg-error")).to_contain_text("Fill in every box")
    assert boxes.nth(1).input_value() == "Ada"

    for k, text in enumerate(NUGGETS, start=2):
        boxes.nth(k).fill(text)
    form.get_by_role("button", name="Write my letter").click()
    letter = form.locator(".seminar-my-letter-text")
    expect(letter).to_contain_text("the night of the <b>storm</b>")  # typed tags stay text
    assert letter.locator("b").count() == 0
    form.get_by_role("button", name="Save my letter").click()
    expect(form.locator(".seminar-msg-ok")).to_contain_text("my-letter/letter-ada.json")
    expect(form.locator("a.seminar-letter-download")).to_have_attribute(
        "download", "letter-ada.json")
    saved = lab.root / "lessons" / "my-letter" / "letter-ada.json"
    assert saved.is_file() and "the old pier" in saved.read_text(encoding="utf-8")
    # Lesson 01 passes axe, and the form fits an 800 px window and 200 % zoom.
    violations = axe_violations(page)
    assert violations == [], [(v["id"], v["targets"]) for v in violations]
    for width, height in ((800, 900), (683, 450)):
        bad = overflow_at(page, FORM, width, height)
        assert bad == [], (width, bad)
    page.set_viewport_size({"width": 1400, "height": 1000})

    # Lesson 04: the sample class first.
    open_notebook(page, lab, "lessons/04-one-of-many.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    view = show_app(page, VIEW)
    expect(view.locator(".class-letters-report")).to_contain_text("letter-cut-short.json")
    menu = view.get_by_role("combobox", name="Whose letter?")  # a named, native <select>
    expect(view.locator(".class-letters-own")).to_have_count(0)  # no one's letter until picked
    menu.select_option(label="Oskar")
    own = view.locator(".class-letters-own")
    expect(own).to_contain_text("<script>")  # shown as text, never run
    assert own.locator("mark").count() == 0  # step 1: unmarked
    view.get_by_role("button", name="Show the whole class").click()
    expect(view.locator(".class-letters-card")).to_have_count(24)
    assert view.locator("mark.class-letters-personal").count() >= 24 * 5
    expect(view.locator(".class-letters-summary")).to_contain_text("of every 100 words")

    # Then the folder the student saved into (keyboard: type, Tab to the button, Enter).
    folder = view.locator(".widget-text input").first
    folder.fill("my-letter")
    view.get_by_role("button", name="Load the letters").focus()
    page.keyboard.press("Enter")
    expect(view.locator(".seminar-msg-ok")).to_contain_text("Loaded 1 letter")
    menu.select_option(label="Ada")
    expect(own).to_contain_text("the way you whistle off-key")
    view.get_by_role("button", name="Show the whole class").click()
    expect(view.locator(".class-letters-card")).to_have_count(1)
    assert page.evaluate("() => window.pwned === undefined")

    # The keyboard picks a name without moving JupyterLab's cell cursor.
    menu.focus()
    page.keyboard.press("ArrowUp")
    expect(own).to_have_count(0)  # back to "(pick a name)": no letter shown
    assert page.evaluate("() => document.activeElement.tagName") == "SELECT"
    assert axe_violations(page) == []
