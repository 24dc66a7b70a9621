"""A beginner's slips get plain words: in check(...) itself, and under a traceback (session hook).

Each slip of issue 13 has a test here: a comma inside a number, text where a number is
expected and the reverse, a letter not offered, a list where pairs are expected (check);
unquoted Chinese or a full-width mark (SyntaxError), a misspelt name (NameError), a missing
comma between pairs (TypeError), each in a real IPython shell and in a real kernel.
"""
import os

import nbformat
import pytest
from IPython.core.interactiveshell import InteractiveShell

from seminar.classroom import session
from seminar.classroom.checks import (CORRECT, NOT_YET, SEEN_ONLY, Checker, Choice, Exact,
                                      Number, Predicate)


@pytest.fixture(autouse=True)
def lenient(monkeypatch):
    monkeypatch.delenv("SEMINAR_STRICT", raising=False)


def make_checker(**checks_):
    return Checker("99-test", checks=checks_)


# ------------------------------------------------------------------ slips check(...) sees

def test_a_comma_inside_a_number():
    checker = make_checker(q1=Number(expected=8316))
    conversations = 8,316  # noqa: E231 - the slip under test
    result = checker.evaluate("q1", conversations)
    assert result.status == NOT_YET
    assert "comma inside a number" in result.message and "8316" in result.message
    assert "8_316" in result.message


def test_a_decimal_comma_suggests_a_point():
    result = make_checker(q1=Number(expected=2.1)).evaluate("q1", (2, 1))
    assert "comma inside a number" in result.message and "2.1" in result.message


def test_a_comma_inside_a_whole_number_for_exact():
    result = make_checker(q1=Exact(expected=8316)).evaluate("q1", (8, 316))
    assert "comma inside a number" in result.message


def test_a_comma_in_a_number_reaches_a_predicate_as_a_plain_message():
    checker = make_checker(q1=Predicate(test=lambda x: x > 3, expects="number"))
    assert "comma inside a number" in checker.evaluate("q1", (8, 316)).message


@pytest.mark.parametrize("answer, words", [
    ("8316", "write 8316 without quotes"),
    ("8,316", "write 8316 without quotes"),
    ("2.1 hours", "write 2.1 without quotes"),
    ("two", "without quotes"),
])
def test_text_where_a_number_is_expected(answer, words):
    result = make_checker(q1=Number(expected=8316)).evaluate("q1", answer)
    assert result.status == NOT_YET and words in result.message


def test_a_number_where_text_is_expected():
    result = make_checker(q1=Exact(expected="Bilal")).evaluate("q1", 3)
    assert result.status == NOT_YET and "inside quotes" in result.message


def test_a_choice_letter_not_offered_and_a_number_for_a_letter():
    checker = make_checker(q1=Choice("B", {"A": "no.", "B": "", "C": "no."}))
    assert 'not one of the choices: "A", "B", "C"' in checker.evaluate("q1", "E").message
    assert "one letter in quotes" in checker.evaluate("q1", 2).message


@pytest.mark.parametrize("answer, words", [
    (["你好！", "你好！", "你好吗？", "我很好。"], "single text"),
    (("你好！", "你好！"), "one pair on its own"),
    ([("你好！", "你好！"), ("a", "b", "c")], "has 3 parts"),
    ("你好！", "one piece of text"),
])
def test_a_list_where_pairs_are_expected(answer, words):
    for check in (Exact(expected=[("你好！", "你好！")]),
                  Predicate(test=lambda rows: True, expects="pairs")):
        result = make_checker(q1=check).evaluate("q1", answer)
        assert result.status == NOT_YET and words in result.message
        assert '[("first", "second"), ("third", "fourth")]' in result.message


def test_right_answers_are_not_taken_for_slips():
    checker = make_checker(q1=Number(expected=8316), q2=Exact(expected=[("a", "b")]),
                           q3=Exact(expected="B"))
    assert checker.evaluate("q1", 8316).status == CORRECT
    assert checker.evaluate("q1", 8_316.0).status == CORRECT
    assert checker.evaluate("q2", [("a", "b")]).status == CORRECT
    assert checker.evaluate("q3", "b").status == CORRECT


def test_hidden_questions_never_say_plain_correct(monkeypatch):
    import sys
    import types
    fake = types.ModuleType("seminar.classroom.exercise_checks.e98_fake")
    fake.CHECKS = {"q1": Number(3), "q2": Number(4)}
    fake.HIDDEN = {"q2"}
    monkeypatch.setitem(sys.modules, fake.__name__, fake)
    check = Checker("98-fake")
    assert check.evaluate("q1", 3).message == "correct."
    result = check.evaluate("q2", 4)
    assert result.status == CORRECT and result.message == SEEN_ONLY
    assert "your instructor runs more" in result.message
    assert check.evaluate("q2", 5).status == NOT_YET


# ------------------------------------------------------------------ hints under a traceback

@pytest.mark.parametrize("source, words", [
    ("answer = 你好！", "full-width mark"),
    ('rules = [("你好", "你好")，("a", "b")]', "the ordinary one is ,"),
    ("answer = 你好 吗", "outside quotes"),
    ("answer = 你好", 'put it inside quotes: "你好"'),
    ("x = running_tme", "Did you mean running_time_minutes?"),
    ("answer = B", 'put the letter in quotes: answer = "B"'),
    ('rules = [("a", "b")\n         ("c", "d")]', "a comma is missing between two pairs"),
    ("answer = “B”", "curly quote"),
    ('answer = "B', "a quote is missing"),
    ("x = (1 + 2", "not closed"),
])
def test_each_slip_gets_its_hint_after_the_real_error(source, words, capsys):
    shell = InteractiveShell.instance()
    shell.user_ns["running_time_minutes"] = 126
    shown = []
    saved = session._show_hint
    session._show_hint = shown.append
    old = shell.custom_exceptions, shell.CustomTB
    try:
        shell.set_custom_exc(session.HINTED, session._handler)
        result = shell.run_cell(source)
    finally:
        session._show_hint = saved
        shell.custom_exceptions, shell.CustomTB = old
    error = result.error_before_exec or result.error_in_exec
    assert error is not None, "the real error must still happen"
    out = capsys.readouterr()
    assert type(error).__name__ in out.out + out.err, "the real error must be shown"
    assert len(shown) == 1 and words in shown[0], shown


def test_an_unrelated_error_gets_no_hint():
    assert session.hint(ZeroDivisionError, ZeroDivisionError("division by zero")) is None
    assert session.hint(TypeError, TypeError("unsupported operand type(s)")) is None


def test_install_does_not_replace_someone_elses_hook():
    shell = InteractiveShell.instance()
    old = shell.custom_exceptions, shell.CustomTB

    def theirs(self, etype, value, tb, tb_offset=None):
        return None
    try:
        shell.set_custom_exc((KeyError,), theirs)
        session._INSTALLED.discard(id(shell))
        assert session.install(shell)
        assert shell.custom_exceptions == (KeyError,)
    finally:
        shell.custom_exceptions, shell.CustomTB = old
        shell.events.unregister("post_run_cell", session._post_run)
        session._INSTALLED.discard(id(shell))


def test_hints_in_a_real_kernel_after_the_first_cell():
    """A notebook whose first cell makes a Checker: the slips below show their error, then a hint."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in (
        'from seminar.classroom import Checker\ncheck = Checker("00-start-here")',
        "answer = 你好！",
        "running_time_minutes = 126\nhours = running_tme_minutes / 60",
        'rules = [("你好！", "你好！")\n         ("你好吗？", "我很好。")]',
        "conversations = 8,316\ncheck('q1', conversations)",
    )]
    env = {k: v for k, v in os.environ.items() if k != "SEMINAR_STRICT"}
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute(env=env)
    outs = [c.outputs for c in nb.cells]
    assert not any(o.output_type == "error" for o in outs[0])
    for cell, ename, words in ((1, "SyntaxError", "full-width"),
                               (2, "NameError", "Did you mean running_time_minutes?"),
                               (3, "TypeError", "comma is missing between two pairs")):
        kinds = [o.output_type for o in outs[cell]]
        assert "error" in kinds and outs[cell][kinds.index("error")].ename == ename
        hints = [o.data["text/plain"] for o in outs[cell] if o.output_type == "display_data"]
        assert kinds.index("error") < kinds.index("display_data"), "the error comes first"
        assert hints and hints[0].startswith("Hint: ") and words in hints[0]
        assert "seminar-hint" in outs[cell][kinds.index("display_data")].data["text/html"]
    last = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outs[4])
    assert "comma inside a number" in last
