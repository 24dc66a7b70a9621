"""Unit tests of seminar.classroom.checks: statuses, strict mode, placeholders, odd answers, hints."""
import importlib
import math
import pkgutil
import re
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import seminar.classroom.exercise_checks
from seminar.classroom import checks
from seminar.classroom.checks import (CORRECT, NOT_YET, UNANSWERED, CheckFailed, Checker, Exact, Number,
                            Predicate, Result, is_placeholder)


@pytest.fixture
def lenient(monkeypatch):
    monkeypatch.delenv("SEMINAR_STRICT", raising=False)


@pytest.fixture
def strict_mode(monkeypatch):
    monkeypatch.setenv("SEMINAR_STRICT", "1")


def make_checker(**checks_):
    return Checker("99-test", checks=checks_)


# ---------------------------------------------------------------- placeholders

def stub(x):
    return ...


def stub_with_docstring(x):
    """Only a docstring and the placeholder."""
    return ...


def stub_through_a_name(minutes):
    hours = ...
    return hours


def real(x):
    return x * 2


def identity(x):
    return x


def returns_none(x):
    pass


@pytest.mark.parametrize("value", [..., None, "", "   ", "...", " ... ", stub, stub_with_docstring,
                                   stub_through_a_name, lambda: ...])
def test_placeholders(value):
    assert is_placeholder(value)


@pytest.mark.parametrize("value", [0, 0.0, False, "x", "....", [], {}, float("nan"), real, print,
                                   lambda x: x, np.float64(0), identity, returns_none,
                                   lambda x: None])
def test_not_placeholders(value):
    assert not is_placeholder(value)


def test_stub_function_is_not_answered(lenient):
    checker = make_checker(q1=Predicate(test=lambda f: f(2) == 4))
    assert checker.evaluate("q1", stub).status == UNANSWERED
    assert checker.evaluate("q1", real).status == CORRECT


# ---------------------------------------------------------------- Number

@pytest.mark.parametrize("answer", [2.1, 2.1000001, np.float64(2.1), Fraction(21, 10)])
def test_number_correct(answer):
    assert Number(expected=2.1, rel_tol=1e-6)(answer) == (True, "")


def test_number_int_types():
    assert Number(expected=74)(np.int64(74))[0]
    assert Number(expected=74)(74)[0]
    assert Number(expected=-3.5)(-3.5)[0]


@pytest.mark.parametrize("answer, words", [
    (2.5, "arithmetic"),
    (float("nan"), "NaN"),
    (float("inf"), "infinite"),
    (float("-inf"), "infinite"),
    ("2.1", "without quotes"),
    (True, "bool"),
    (Decimal("2.1"), "Decimal"),
    (2.1 + 0j, "complex"),
    ([2.1], "list"),
    (pd.Series([2.1]), ".item()"),
    (np.array([2.1]), ".item()"),
    (np.array([1.0, 2.0]), "2 values"),
    (pd.DataFrame({"a": [1, 2]}), "DataFrame"),
    (-2.1, "arithmetic"),
])
def test_number_not_yet_says_why(answer, words):
    ok, message = Number(expected=2.1, hint="Not yet: check your arithmetic.")(answer)
    assert not ok
    assert words in message
    # the message may repeat what the student typed (text "2.1": "write 2.1 without quotes"),
    # never the expected answer otherwise
    assert "2.1" not in message.replace("write 2.1 without quotes", "")


def test_number_tolerances():
    assert Number(expected=100, rel_tol=0.05)(104)[0]
    assert not Number(expected=100, rel_tol=0.01)(104)[0]
    assert Number(expected=0, rel_tol=0.01, abs_tol=0.1)(0.05)[0]
    assert not Number(expected=0, rel_tol=0.01)(0.05)[0]


# ---------------------------------------------------------------- Exact

def test_exact_text_ignores_case_and_spaces():
    check = Exact(expected="Element Software")
    assert check("  element   SOFTWARE ")[0]
    assert not check("Element")[0]
    ok, message = check(42)
    assert not ok and "text" in message and "int" in message


def test_exact_int_refuses_floats_and_bools():
    check = Exact(expected=1, hint="Not yet.")
    assert check(1)[0]
    assert not check(1.0)[0]
    assert not check(True)[0]
    assert "float" in check(1.0)[1]


@pytest.mark.parametrize("answer", [np.array([1, 2]), pd.Series([1, 2]), object(), {"a": 1}])
def test_exact_never_raises_on_odd_answers(answer):
    ok, message = Exact(expected=[1, 2], hint="Not yet.")(answer)
    assert not ok and message == "Not yet."


def test_exact_other_values():
    assert Exact(expected=(1, "a"))((1, "a"))[0]
    assert Exact(expected=None)(None)[0]  # (a Checker would say "not answered" first)


# ---------------------------------------------------------------- Predicate

def test_predicate_verdicts():
    assert Predicate(test=lambda a: a > 3)(4) == (True, "")
    assert Predicate(test=lambda a: a > 3, hint="Too small.")(2) == (False, "Too small.")
    assert Predicate(test=lambda a: "A specific hint.")(2) == (False, "A specific hint.")
    assert Predicate(test=lambda a: np.bool_(True))(2)[0]


def test_predicate_survives_errors_and_ambiguous_verdicts():
    ok, message = Predicate(test=lambda f: f(0), hint="Not yet.")(lambda x: 1 / x)
    assert not ok and "ZeroDivisionError" in message and message.startswith("Not yet.")
    ok, message = Predicate(test=lambda a: a == 1, hint="Not yet.")(np.array([1, 2]))
    assert not ok
    ok, message = Predicate(test=lambda a: a + 1)("text")
    assert not ok and "TypeError" in message


def test_predicate_error_messages_are_short():
    def crash(answer):
        raise ValueError("x" * 100_000)
    ok, message = Predicate(test=crash)(1)
    assert not ok and len(message) < 400


# ---------------------------------------------------------------- Checker

def test_checker_statuses(lenient):
    checker = make_checker(q1=Number(expected=2.1, hint="Not yet: divide."))
    assert checker.evaluate("q1", 2.1).status == CORRECT
    assert checker.evaluate("q1", ...).status == UNANSWERED
    result = checker.evaluate("q1", 3)
    assert result.status == NOT_YET and result.message == "Not yet: divide."
    assert checker.results["q1"] is result


def test_checker_call_shows_result(lenient, capsys):
    checker = make_checker(q1=Number(expected=2.1))
    assert checker("q1", 2.1) is None
    assert "q1: correct." in capsys.readouterr().out
    checker("q1", ...)
    assert "not answered yet" in capsys.readouterr().out


def test_checker_guards_against_a_check_that_crashes(lenient):
    class Boom:
        def __call__(self, answer):
            raise RuntimeError("broken comparison")
    result = make_checker(q1=Boom()).evaluate("q1", 3)
    assert result.status == NOT_YET and "RuntimeError" in result.message


def test_unknown_question_names_the_known_ones():
    with pytest.raises(KeyError, match="q1"):
        make_checker(q1=Number(expected=1)).evaluate("q7", 1)


def test_missing_check_module_is_a_clear_error():
    with pytest.raises(LookupError, match="e98_no_such_exercise"):
        Checker("98-no-such-exercise")


@pytest.mark.parametrize("name", ["start-here", "0-start", "00_start_here", "00-Start", 7])
def test_bad_exercise_names(name):
    with pytest.raises(ValueError, match="02-chinese-room"):
        checks.module_name(name)


@pytest.mark.parametrize("value, expected", [("1", True), ("yes", True), ("0", False), ("", False),
                                             ("false", False), ("False", False), ("off", False),
                                             ("no", False)])
def test_strict_flag_values(monkeypatch, value, expected):
    monkeypatch.setenv("SEMINAR_STRICT", value)
    assert checks.strict() is expected


def test_strict_mode_raises_unless_correct(strict_mode):
    checker = make_checker(q1=Number(expected=2.1, hint="Not yet: divide."))
    checker("q1", 2.1)  # correct: no error
    with pytest.raises(CheckFailed, match="not answered yet"):
        checker("q1", ...)
    with pytest.raises(CheckFailed, match="divide"):
        checker("q1", 5)
    with pytest.raises(CheckFailed, match="NaN"):
        checker("q1", float("nan"))
    with pytest.raises(CheckFailed):
        checker("q1", stub)


def test_strict_mode_off_never_raises(lenient):
    checker = make_checker(q1=Number(expected=2.1))
    for answer in (..., 5, "text", float("nan"), None, [1], stub):
        checker("q1", answer)


def test_result_html_is_escaped():
    html = Result("<q1>", NOT_YET, "<script>alert(1)</script> & more")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;q1&gt;" in html


def test_result_html_for_each_status():
    for status in (CORRECT, NOT_YET, UNANSWERED):
        assert "seminar-check" in Result("q1", status, "m")._repr_html_()


def test_emoji_and_rtl_answers_do_not_crash(lenient):
    checker = make_checker(q1=Exact(expected="Samantha"), q2=Number(expected=1))
    for answer in ("سامانثا 😊", "\u202eahtnamaS", "<b>x</b>", "x" * 1_000_000):
        assert checker.evaluate("q1", answer).status == NOT_YET
        assert checker.evaluate("q2", answer).status == NOT_YET
        assert len(checker.evaluate("q2", answer).message) < 400


# ---------------------------------------------------------------- every exercise's check data

def check_modules():
    return sorted(m.name for m in pkgutil.iter_modules(seminar.classroom.exercise_checks.__path__))


def spellings(value):
    """Ways an expected value might be written in a hint."""
    if isinstance(value, str):
        return {value.strip().casefold()} if value.strip() else set()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return {str(value)}
    forms = {repr(value), str(value), f"{value:,}"}
    try:
        forms.add(f"{value:g}")
        if math.isfinite(value):
            for digits in range(0, 4):
                rounded = f"{value:.{digits}f}"
                forms |= {rounded, rounded.rstrip("0").rstrip(".") if "." in rounded else rounded}
    except OverflowError:  # a whole number too large for a float
        pass
    return {f for f in forms if f not in ("", "-", "0")}


def test_there_is_check_data():
    assert "e00_start_here" in check_modules()


@pytest.mark.parametrize("module_name", check_modules())
def test_check_data_is_well_formed_and_hints_hide_the_answer(module_name):
    module = importlib.import_module(f"seminar.classroom.exercise_checks.{module_name}")
    assert isinstance(module.CHECKS, dict) and module.CHECKS, f"{module_name}: CHECKS is empty"
    for question, check in module.CHECKS.items():
        assert re.fullmatch(r"q\d+[a-z]?", question), f"{module_name}: odd question id {question!r}"
        assert callable(check), f"{module_name} {question}: not a check object"
        hint = getattr(check, "hint", "")
        assert hint.strip(), f"{module_name} {question}: empty hint"
        if isinstance(check, (Number, Exact)):
            text = hint.casefold()
            for form in spellings(check.expected):
                pattern = r"(?<![\w.])" + re.escape(form.casefold()) + r"(?![\w]|\.\d)"
                assert not re.search(pattern, text), (
                    f"{module_name} {question}: the hint {hint!r} reveals the answer ({form})")


def test_spellings_catch_a_revealing_hint():
    form_found = [f for f in spellings(126 / 60) if re.search(
        r"(?<![\w.])" + re.escape(f) + r"(?![\w]|\.\d)", "the answer is 2.1 hours")]
    assert form_found


# ---------------------------------------------------------------- the warm-up's own checks

def test_start_here_q7_hints(lenient):
    checker = Checker("00-start-here")

    def right(earlier, later):
        return (pd.Timestamp(later) - pd.Timestamp(earlier)).days

    def as_timedelta(earlier, later):
        return pd.Timestamp(later) - pd.Timestamp(earlier)

    def backwards(earlier, later):
        return (pd.Timestamp(earlier) - pd.Timestamp(later)).days

    def off_by_one(earlier, later):
        return right(earlier, later) + 1

    def as_float(earlier, later):
        return (pd.Timestamp(later) - pd.Timestamp(earlier)) / pd.Timedelta(days=1)

    assert checker.evaluate("q7", right).correct
    assert checker.evaluate("q7", as_float).correct
    assert checker.evaluate("q7", stub).status == UNANSWERED
    assert "Timedelta" in checker.evaluate("q7", as_timedelta).message
    assert "sign" in checker.evaluate("q7", backwards).message
    for wrong in (off_by_one, lambda a, b: "74", 74, lambda a: 1, lambda a, b: None):
        result = checker.evaluate("q7", wrong)
        assert result.status == NOT_YET
        assert "74" not in result.message.replace("'74'", "")


def test_start_here_q1(lenient):
    checker = Checker("00-start-here")
    assert checker.evaluate("q1", 126 / 60).correct
    assert not checker.evaluate("q1", 126 / 100).correct
    assert not checker.evaluate("q1", 126).correct


def test_start_here_q2_and_q3(lenient):
    checker = Checker("00-start-here")
    assert checker.evaluate("q2", 13 + 31 + 28 + 2).correct
    assert not checker.evaluate("q2", 12 + 31 + 28 + 2).correct   # counted the 18th itself
    assert checker.evaluate("q3", "b").correct
    assert "interpretation" in checker.evaluate("q3", "A").message
    assert "not one of the choices" in checker.evaluate("q3", "E").message


# ------------------------------------------------------------------ multiple choice, optional
CHOICE = checks.Choice("B", {"A": "that is Leibniz's mill, not Searle.", "B": "",
                             "C": "the systems reply says the opposite."})


@pytest.mark.parametrize("answer", ["B", "b", " B ", "b\n"])
def test_choice_accepts_the_letter_in_any_case(answer):
    assert CHOICE(answer) == (True, "")


@pytest.mark.parametrize("answer,words", [
    ("A", "Leibniz's mill"),            # a wrong option says why it is wrong
    ("C", "systems reply"),
    ("D", 'not one of the choices: "A", "B", "C"'),
    ("", "not one of the choices"),
    (2, 'one letter in quotes, such as "A"'),
    (None, "got NoneType"),
    (["B"], "got list"),
])
def test_choice_says_why_not(answer, words):
    ok, message = CHOICE(answer)
    assert not ok and words in message


def test_optional_questions_say_optional(monkeypatch):
    import types
    fake = types.ModuleType("seminar.classroom.exercise_checks.e99_fake")
    fake.CHECKS = {"q1": Number(3), "q2": Number(4)}
    fake.OPTIONAL = {"q2"}
    monkeypatch.setitem(__import__("sys").modules, fake.__name__, fake)
    check = Checker("99-fake")
    assert check.evaluate("q1", 3).message == "correct."
    assert check.evaluate("q2", 4).message == "(optional) correct."
    assert check.evaluate("q2", 5).message.startswith("(optional) ")
