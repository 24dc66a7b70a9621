"""Exercise 02 in a real JupyterLab, done as a student would: type values and text only, run each
cell, and see every core check say correct (in a copy of the notebook)."""
import pytest

from tests.browser.lab import cell_errors, open_notebook, run_all

pytestmark = pytest.mark.browser

CELLS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell"
RULES = ('[("你好吗", "我很好，谢谢。"), ("你好", "你好！"), ("*你叫什么名字", "我叫小房。"), '
         '("我叫*", "你好，{1}！"), ("*", "对不起，我不明白。")]')
#: (name in the blank, value typed, question)
VALUES = [
    ("my_rules", RULES, "q1"),
    ("orders", "267.71", "q2"),
    ("years", "lookups_per_reply / lookups_per_second / (365.25 * 24 * 3600)", "q3"),
    ("answer_q4", '"B"', "q4"),
    ("answer_q5", '"c"', "q5"),
]


def type_value(page, name, value):
    """Click the blank's line, select what follows 'name = ', type the value, run the cell."""
    index = page.locator(CELLS).evaluate_all(
        "(cells, blank) => cells.findIndex(c => [...c.querySelectorAll('.cm-line')]"
        ".some(l => l.textContent.startsWith(blank)))", f"{name} = ...")
    assert index >= 0, f"no blank for {name}"
    cell = page.locator(CELLS).nth(index)           # pinned: the blank's text is about to change
    line = cell.locator(".cm-line", has_text=f"{name} = ...").first
    line.scroll_into_view_if_needed()
    line.click()
    page.keyboard.press("Home")
    for _ in range(len(f"{name} = ")):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+End")
    page.keyboard.type(value)
    page.keyboard.press("Control+Enter")
    return cell


def test_exercise02_core_done_by_typing_values_and_text(page, lab):
    open_notebook(page, lab, "exercises/02-chinese-room.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    outputs = page.locator(f"{CELLS} .jp-OutputArea-output")
    assert outputs.filter(has_text="not answered yet").count() >= 5

    for name, value, question in VALUES:
        cell = type_value(page, name, value)
        # "correct", or for q1 (which has hidden tests too) "passes the checks you can see"
        cell.locator(".seminar-check-correct").first.wait_for(state="attached", timeout=60_000)
        text = cell.locator(".jp-OutputArea-output").first.inner_text()
        assert "✔" in text and "Not yet" not in text, (question, text)
        if question == "q1":
            assert "passes the checks you can see" in text

    # Written answers: double-click a "Write your answer here" cell, type, render.
    blank = "Write your answer here"
    find = ("(cells, text) => cells.findIndex(c => c.classList.contains('jp-MarkdownCell')"
            " && c.textContent.includes(text))")
    count = page.locator(CELLS).filter(has_text=blank).count()
    assert count >= 5
    for n in range(count):
        index = page.locator(CELLS).evaluate_all(find, blank)
        cell = page.locator(CELLS).nth(index)
        rendered = cell.locator(".jp-RenderedMarkdown").first
        rendered.scroll_into_view_if_needed()
        rendered.dblclick()
        editor = cell.locator(".cm-content").first
        editor.wait_for(state="visible")
        editor.click()
        page.keyboard.press("Control+a")             # inside the cell's editor: its whole text
        page.keyboard.type(f"My argument number {n + 1}, in my own words.")
        page.keyboard.press("Control+Enter")           # render it
        cell.locator(".jp-RenderedMarkdown", has_text=f"My argument number {n + 1}").wait_for()
    assert page.locator(CELLS).filter(has_text=blank).count() == 0
    # The rulebook's table now shows every card passing.
    assert cell_errors(page) == []
