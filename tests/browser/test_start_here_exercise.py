"""Exercise 00 in a real JupyterLab, done as a student who never programmed does it.

Typing values only: a slip (a comma inside a number) gets a plain-words check; a letter
without quotes stops the cell with its real NameError and a Hint under it. Then the hand-in
sequence of issue 13: answer, change an answer, run it, save, hand in: no warning about
unsaved code; change an answer and run it without saving: the warning, marked "Warning".
"""
import pytest

from tests.browser.lab import open_notebook, run_all, wait_idle

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def cell_with(page, text):
    cell = page.locator(f"{PANEL} .jp-CodeCell").filter(has_text=text).first
    cell.evaluate("el => el.scrollIntoView({block: 'center'})")
    return cell


def run_and_wait(page, cell):
    """Shift+Enter in ``cell``, then wait until its prompt shows a new, finished run
    (the status bar alone can read Idle before the run has started)."""
    handle = cell.element_handle()
    prompt = "el => el.querySelector('.jp-InputPrompt').textContent"
    before = handle.evaluate(prompt)
    page.keyboard.press("Shift+Enter")
    page.wait_for_function(
        """([el, old]) => { const p = el.querySelector('.jp-InputPrompt').textContent;
                            return p !== old && /\\[\\d+\\]/.test(p); }""",
        arg=[handle, before], timeout=90_000)
    wait_idle(page)


def type_into(page, cell, source):
    """Replace a code cell's text as a student would (click, select all, type), then run it."""
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(source)
    run_and_wait(page, cell)


def outputs(cell):
    return " ".join(cell.locator(".jp-OutputArea-output").all_inner_texts())


def save(page):
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-mod-dirty')"
        " && !document.title.startsWith('*')", timeout=30_000)
    page.wait_for_timeout(500)


def hand_in(page):
    cell = cell_with(page, "hand_in(")
    cell.locator(".cm-content").click()
    run_and_wait(page, cell)
    return outputs(cell_with(page, "hand_in("))


def test_exercise00_by_typing_values_slips_and_hand_in(page, lab):
    open_notebook(page, lab, "exercises/00-start-here.ipynb")
    run_all(page)

    q2 = cell_with(page, 'check("q2"')
    type_into(page, q2, 'days = 8,316\ncheck("q2", days)')
    assert "comma inside a number" in outputs(cell_with(page, 'check("q2"'))

    q3 = cell_with(page, 'check("q3"')
    type_into(page, q3, 'answer = B\ncheck("q3", answer)')
    text = outputs(cell_with(page, 'check("q3"'))
    assert "NameError" in text, "the real error is shown"
    assert 'Hint: if you meant the choice B, put the letter in quotes' in text

    type_into(page, cell_with(page, 'check("q1"'), 'running_time_hours = 126 / 100\ncheck("q1", running_time_hours)')
    assert "not yet" in outputs(cell_with(page, 'check("q1"')).lower()
    type_into(page, cell_with(page, 'check("q1"'), 'running_time_hours = 126 / 60\ncheck("q1", running_time_hours)')
    type_into(page, cell_with(page, 'check("q2"'), 'days = 13 + 31 + 28 + 2\ncheck("q2", days)')
    type_into(page, cell_with(page, 'check("q3"'), 'answer = "B"\ncheck("q3", answer)')
    for question in ("q1", "q2", "q3"):
        assert "correct" in outputs(cell_with(page, f'check("{question}"')).lower()

    save(page)
    text = hand_in(page)
    assert "Upload this file: 00-start-here.ipynb" in text
    assert "not in the saved file" not in text, text

    type_into(page, cell_with(page, 'check("q2"'), 'days = 74\ncheck("q2", days)')  # not saved
    text = hand_in(page)
    assert "Warning: 1 cell(s) you ran last are not in the saved file" in text, text
