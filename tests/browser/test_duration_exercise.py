"""Exercise 03's whole no-code core in a real JupyterLab, as a student does it: run all, read
two values off the toys, type values and letters over the blanks and written answers into
the Markdown cells (of a copy of the notebook), and see every check say correct."""
import json
import re

import pytest

from tests.browser.lab import (KIT_ROOT, axe_violations, cell_errors, open_notebook, run_all,
                               show_app, wait_idle)
from tests.browser.test_duration import OVERFLOW_JS

pytestmark = pytest.mark.browser

NOTEBOOK = "exercises/03-duration.ipynb"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
STUB = "...  # YOUR ANSWER HERE"
WRITTEN = {  # question heading -> a short answer a student might type
    "Q7. Finitude, speed, or both?": "Finitude first: a mortal body makes the time he gives scarce; speed only makes it vivid.",
    "Q8. The model's central assumption": "Reading speed is throughput, not lived time; 8,316 conversations measure breadth.",
    "Q9. The stretched tune": "At 100x one note filled the clip and the tune was gone; but she is not my ear slowed down.",
    "Q10. Attention, 8,316 and 641": "Each of the 641 gets about 273 times, like everyone; the hurt is about being the one.",
    "Q11. Can two durations meet?": "Only one way, perhaps: she might enter his duration by intuition; he can only count hers.",
    "Q12. Spatialised time": "Minutes on an axis, lives as lengths, a ratio: Bergson's melting notes become a sum.",
}


def stub_source(question: str) -> str:
    """The blank cell's source, from the exercise file the student opened."""
    nb = json.loads((KIT_ROOT / NOTEBOOK).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        src = "".join(cell["source"])
        if cell["cell_type"] == "code" and f'check("{question}"' in src:
            return src
    raise AssertionError(f"no cell checks {question}")


def find_cell(page, text: str, kind: str = ".jp-Cell"):
    """The notebook cell (of ``kind``) containing ``text``, scrolled into view (cells render lazily)."""
    page.evaluate(f"() => document.querySelector('{PANEL} .jp-WindowedPanel-outer').scrollTop = 0")
    target = page.locator(f"{PANEL} {kind}").filter(has_text=text)
    for _ in range(120):
        if target.count():
            target.first.scroll_into_view_if_needed()
            return target.first
        page.evaluate(f"() => document.querySelector('{PANEL} .jp-WindowedPanel-outer').scrollTop += 350")
        page.wait_for_timeout(60)
    raise AssertionError(f"no cell shows {text!r}")


def type_over(page, cell, text: str) -> None:
    """Select everything in the cell's editor and type ``text`` in its place."""
    cell.locator(".cm-content").first.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)


def answer(page, question: str, value: str) -> str:
    """Type ``value`` over the blank of ``question``, run the cell, return its check's words."""
    cell = find_cell(page, f'check("{question}"')
    type_over(page, cell, stub_source(question).replace(STUB, value))
    page.keyboard.press("Shift+Enter")
    wait_idle(page)
    cell = find_cell(page, f'check("{question}"')
    result = cell.locator(".seminar-check")
    result.first.wait_for()
    return result.first.text_content()


def test_exercise03_core_by_typing_values_and_text_only(page, lab):
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert cell_errors(page) == []

    # Q4: read the minute off the two-clocks app (exponential growth, rate left at 0.030).
    app = show_app(page, ".seminar-duration-app")
    app.get_by_role("button", name="exponential").click()
    numbers = ".seminar-duration-app .seminar-duration-numbers"
    page.wait_for_function("sel => /at minute \\d/.test(document.querySelector(sel).textContent)",
                           arg=numbers)
    minute = re.search(r"at minute (\d+\.\d)", page.locator(numbers).first.text_content()).group(1)
    # Q5: read the days off the melody toy's last row (Samantha's ratio).
    melody = show_app(page, ".seminar-melody-app")
    days = re.search(r"whole tune (\d+) days", melody.text_content()).group(1)

    assert "not answered yet" in answer(page, "q1", "...")
    assert "correct" in answer(page, "q1", "2270000")
    assert "correct" in answer(page, "q2", "10.5")
    wrong = answer(page, "q3", '"A"')
    assert "Not this one" in wrong and "7,675" in wrong
    assert "correct" in answer(page, "q3", '"B"')
    assert "correct" in answer(page, "q4", minute)
    assert "correct" in answer(page, "q5", days)
    assert "correct" in answer(page, "q6", '"b"')

    for heading, text in WRITTEN.items():
        prompt = find_cell(page, heading)
        box = prompt.locator("xpath=following-sibling::div[contains(@class,'jp-Cell')]").filter(
            has_text="Your answer").first
        box.dblclick()
        type_over(page, box, "**Your answer:**\n\n" + text)
        page.keyboard.press("Shift+Enter")
        rendered = find_cell(page, text[:40], kind=".jp-MarkdownCell")
        assert "jp-mod-rendered" in rendered.get_attribute("class")
        assert text in rendered.locator(".jp-RenderedMarkdown").text_content()

    for q in ("q1", "q2", "q3", "q4", "q5", "q6"):
        cell = find_cell(page, f'check("{q}"')
        assert "correct" in cell.locator(".seminar-check").first.text_content(), q
    assert cell_errors(page) == []

    assert axe_violations(page) == []
    page.set_viewport_size({"width": 800, "height": 900})
    page.wait_for_timeout(300)
    for app in (".seminar-duration-app", ".seminar-melody-app"):
        show_app(page, app)
        assert page.evaluate(OVERFLOW_JS, app) == [], app
