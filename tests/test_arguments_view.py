"""The argument checker app, driven in Python: check, verdict, table, errors, big tables."""
import re

import pytest
from IPython.display import HTML

from seminar.models import arguments as model
from seminar.views import arguments as view
from seminar.views.arguments import MAX_SHOWN_ROWS, argument_app, report_html, show_argument
from tests.widgettree import html_values

SCRIPT = "<script>alert('x')</script>"


def run(app, premises, conclusion):
    app.premises.value = premises
    app.conclusion.value = conclusion
    app.check_button.click()


def body_rows(html):
    return re.findall(r"<tr class=\"([^\"]*)\"", html)


@pytest.fixture
def app():
    return argument_app()


def test_empty_app_shows_nothing_until_checked(app):
    assert app.verdict.value == app.table.value == app.status.value == ""
    assert app.last is None


def test_valid_argument(app):
    run(app, "love -> limbic\nlimbic -> body", "not body -> not love")
    assert "✔ Valid" in app.verdict.value and "seminar-arg-valid" in app.verdict.value
    assert app.last.valid
    classes = body_rows(app.table.value)
    assert len(classes) == 8
    assert classes.count("seminar-premises-true") == 4
    assert "seminar-counterexample" not in classes
    assert "P1: love → limbic" in app.table.value and "C: ¬body → ¬love" in app.table.value
    assert app.note.value == "" and app.status.value == ""


def test_invalid_argument_highlights_the_counterexample(app):
    run(app, "body -> love\nlove", "body")
    assert "✘ Not valid" in app.verdict.value
    assert "row 3: body = F, love = T" in app.verdict.value
    classes = body_rows(app.table.value)
    assert classes == ["seminar-premises-true", "", "seminar-counterexample", ""]
    counter_row = re.search(r'<tr class="seminar-counterexample"[^>]*>(.*?)</tr>',
                            app.table.value).group(1)
    assert view.COUNTER_BG in app.table.value
    assert "✘ counterexample" in counter_row      # marked in words, not only in colour
    assert re.findall(r"<td[^>]*>([TF])</td>", counter_row) == ["F", "T", "T", "T", "F"]


def test_app_built_with_an_argument_checks_it_at_once():
    app = argument_app("love -> body\nnot body", "not love")
    assert app.last is not None and app.last.valid
    assert "Valid" in app.verdict.value


def test_the_verdict_shows_how_the_formulas_were_read(app):
    run(app, "a and b or c", "c -> a")
    assert "(a ∧ b) ∨ c" in app.verdict.value and "How the formulas were read" in app.verdict.value


def test_parse_error_names_the_spot_and_draws_a_caret(app):
    run(app, "love -> limbic", "love -> body")
    assert app.table.value
    run(app, "love -> limbic\nlimbic -> )", "love -> body")
    assert "Premise 2 (line 2), position 11: expected an atom or &#x27;(&#x27; but found " \
           "&#x27;)&#x27;" in app.status.value
    pre = re.search(r"<pre[^>]*>(.*?)</pre>", app.status.value, re.S).group(1)
    assert pre == "limbic -&gt; )\n          ^"
    assert app.verdict.value == app.table.value == "" and app.last is None  # old result cleared
    assert app.premises.value == "love -> limbic\nlimbic -> )"               # work kept
    assert "Traceback" not in " ".join(html_values(app.widget))


@pytest.mark.parametrize("premises, conclusion, words", [
    ("a", "", "The conclusion is empty"),
    ("", "", "The conclusion is empty"),
    ("a", "b\nc", "one formula on one line"),
    ("x" * 1_048_576, "a", "The premises are 1,048,576 characters long; the limit is 10,000"),
    ("a" * 2000, "a", "characters long; the limit is 1,000"),
    ("love 😀", "love", "unknown symbol &#x27;😀&#x27; (GRINNING FACE)"),
    ("אהבה -> גוף", "love", "HEBREW LETTER ALEF"),
    ("(love -> body", "love", "to close the &#x27;(&#x27; at position 1"),
    ("love -> body)", "love", "with no &#x27;(&#x27; before it"),
    ("love $ body", "love", "unknown symbol &#x27;$&#x27;"),
    ("or -> love", "love", "operator word, so it cannot name an atom"),
    ("love", "not", "The conclusion, position 4"),
    ("\n".join(f"a{i}" for i in range(41)), "a0", "41 premises; the limit is 40"),
])
def test_bad_input_gets_a_clear_message(app, premises, conclusion, words):
    run(app, premises, conclusion)
    assert "seminar-msg-error" in app.status.value
    assert words in app.status.value, app.status.value
    assert app.table.value == "" and "Traceback" not in app.status.value


def test_script_tags_are_escaped_everywhere(app):
    run(app, SCRIPT, SCRIPT)
    shown = " ".join(html_values(app.widget))
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_nothing_unescaped_reaches_the_table():
    # Labels are rebuilt from the parse tree, and still escaped: a label with markup
    # (as a future operator spelling might produce) cannot break out of its cell.
    verdict = model.assess(["a -> b"], "b")
    table = verdict.table.rename(columns={"b": "<b>bold</b>"})
    html = view.table_html(table, 2, caption=SCRIPT)
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert SCRIPT not in html


def test_big_table_is_capped_with_a_note(app):
    atoms = [f"a{i}" for i in range(16)]
    run(app, " | ".join(atoms), "a0")
    rows = body_rows(app.table.value)
    assert len(rows) == MAX_SHOWN_ROWS and set(rows) == {"seminar-counterexample"}
    assert "Showing 64 of 65,536 rows" in app.note.value
    assert "16 atoms, 65,536 rows" in app.table.value


def test_too_many_atoms_are_refused_with_a_message(app):
    atoms = [f"a{i}" for i in range(model.MAX_ATOMS + 2)]
    run(app, " & ".join(atoms), "a0")
    assert f"the limit is {model.MAX_ATOMS} atoms" in app.status.value
    assert app.table.value == ""


def test_unexpected_errors_become_a_message_not_a_traceback(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(model, "assess", broken)
    run(app, "a", "a")
    assert "Something went wrong (RuntimeError: simulated failure)" in app.status.value
    assert app.premises.value == "a"


def test_constructor_rejects_non_text():
    with pytest.raises(ValueError, match="must be text"):
        argument_app(premises=3)
    with pytest.raises(ValueError, match="must be text"):
        argument_app(conclusion=None)


@pytest.mark.parametrize("bad", [0, -1, 1001, 2.5, True, "64", None])
def test_constructor_rejects_bad_row_caps(bad):
    with pytest.raises(ValueError, match="max_rows"):
        argument_app(max_rows=bad)


def test_help_lists_every_operator():
    html = view.syntax_html()
    for word in ("not", "and", "or", "implies", "iff", "-&gt;", "&lt;-&gt;", "¬", "∧"):
        assert word in html


# ---------------------------------------------------------------- the static display

def test_show_argument_static_display():
    out = show_argument("love -> body\nnot body\ntherefore not love")
    assert isinstance(out, HTML) and "✔ Valid" in out.data
    assert "✘ Not valid" in report_html(["a -> b", "b"], "a")


def test_show_argument_of_a_blank_answer_says_so():
    assert "Nothing to show yet" in report_html(...)
    assert "Nothing to show yet" in report_html(["a"], ...)


@pytest.mark.parametrize("answer, words", [
    ("a -> b\nb", "start the last line with &#x27;therefore&#x27;"),
    ("a\ntherefore )", "position 1"),
    (42, "Write the argument as text"),
    (SCRIPT + "\ntherefore a", "unknown symbol"),
    (SCRIPT, "No conclusion"),
])
def test_show_argument_never_raises_for_bad_answers(answer, words):
    html = report_html(answer)
    assert "seminar-msg-error" in html and words in html
    assert "<script>" not in html


def test_show_argument_caps_big_tables():
    html = report_html([" | ".join(f"a{i}" for i in range(12))], "a0", max_rows=10)
    assert len(body_rows(html)) == 10 and "Showing 10 of 4,096 rows" in html


# ---------------------------------------------------------------- accessibility

def test_wide_truth_table_scrolls_in_a_focusable_named_region():
    html = report_html([" | ".join(f"p{i}" for i in range(16))], "p0", max_rows=5)
    start = html.index('<div class="seminar-truth-table-wrap"')
    wrap = html[start:html.index(">", start)]
    assert 'role="region"' in wrap and 'tabindex="0"' in wrap and "overflow-x:auto" in wrap
    assert 'data-lm-suppress-shortcuts="true"' in wrap  # arrow keys scroll, not move cells
    assert 'aria-label="Truth table: 16 atoms, 5 rows shown"' in wrap
    assert "overflow-wrap:anywhere" in html  # a long formula in a header wraps


def test_formula_help_is_a_native_disclosure_and_boxes_shrink():
    from tests.widgettree import fixed_widths
    app = argument_app()
    assert app.help.value.startswith("<details") and "How to write formulas" in app.help.value
    assert not any(type(w).__name__ == "Accordion" for w in app.widget.children)
    assert fixed_widths(app.widget) == [] and app.premises.layout.max_width == "560px"
