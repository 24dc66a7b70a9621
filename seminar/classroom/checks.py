"""Students' self-checks: ``check("q3", answer)`` says correct, not yet right, or not answered yet.

The checks of one exercise are data, kept beside the questions in
``seminar/classroom/exercise_checks/eNN_slug.py`` as a dict ``CHECKS`` of question id to a
check object (:class:`Number`, :class:`Exact`, :class:`Choice`, :class:`Predicate`);
an optional set ``OPTIONAL`` names the questions under "Going further (optional, for
those who code)", whose results say "optional". In a notebook::

    from seminar.classroom import Checker
    check = Checker("02-chinese-room")
    check("q3", answer)

A hint never reveals the expected answer. An answer that is still a placeholder
(``...``, ``None``, blank text, or a stub function whose body only returns ``...``)
is "not answered yet". With the environment variable ``SEMINAR_STRICT=1`` any
result but "correct" raises :class:`CheckFailed`, so a solution notebook that fails
its own checks fails the test suite, and a blank exercise run strictly proves its
checks can fail.

A check never raises because of what a student typed: a wrong type, NaN, an array,
or a function that crashes all give a "not yet" message instead of a traceback.
Common slips get a plain-words fix (:func:`slip`): a comma inside a number
(``8,316`` is two numbers), a number in quotes, text without quotes where a letter
is asked, a letter that is not offered, a flat list where pairs are asked.

A checks module may also define ``HIDDEN = {"q1", ...}``: the questions whose
instructor's (hidden) tests test more than the student's self-check. Their self-check
never says "correct"; it says "passes the checks you can see; your instructor runs more".
"""
from __future__ import annotations

import dis
import importlib
import math
import os
import re
import types
from dataclasses import dataclass, field
from numbers import Real
from typing import Any, Callable

from seminar.text import escape

CORRECT, NOT_YET, UNANSWERED = "correct", "not yet", "not answered"

#: Longest piece of an error message (which may quote a student's data) shown in a result.
MAX_DETAIL = 200


class CheckFailed(AssertionError):
    """Raised in strict mode (SEMINAR_STRICT=1) when a check is not correct."""


@dataclass(frozen=True, repr=False)
class Result:
    question: str
    status: str  # CORRECT, NOT_YET or UNANSWERED
    message: str

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def _repr_html_(self) -> str:
        colour = {CORRECT: "#1b5e20", NOT_YET: "#7a4f01", UNANSWERED: "#1f4e79"}[self.status]
        icon = {CORRECT: "✔", NOT_YET: "✘", UNANSWERED: "…"}[self.status]
        return (f'<div class="seminar-check seminar-check-{self.status.replace(" ", "-")}" '
                f'style="color:{colour}"><b>{icon} {escape(self.question)}</b>: '
                f"{escape(self.message)}</div>")

    def __str__(self) -> str:
        return f"{self.question}: {self.message}"

    __repr__ = __str__


_STUB_OPS = {"LOAD_CONST", "RETURN_CONST", "RETURN_VALUE", "STORE_FAST", "LOAD_FAST",
             "LOAD_FAST_CHECK", "STORE_NAME", "LOAD_NAME", "POP_TOP"}


def _is_stub_function(answer: Any) -> bool:
    """True for a function that only passes ``...`` around and returns it (the generator's stub).

    ``def f(x): return ...`` and ``def f(x): h = ...; return h`` are stubs.
    """
    if not isinstance(answer, types.FunctionType):
        return False
    try:
        ops = [ins for ins in dis.get_instructions(answer)
               if ins.opname not in ("RESUME", "NOP", "CACHE", "EXTENDED_ARG")]
    except Exception:  # an exotic code object: treat it as an answer
        return False
    if not ops or any(ins.opname not in _STUB_OPS for ins in ops):
        return False
    constants = [ins.argval for ins in ops if ins.opname in ("LOAD_CONST", "RETURN_CONST")]
    return bool(constants) and all(c is Ellipsis for c in constants)


def is_placeholder(answer: Any) -> bool:
    """True for the stub values a blank exercise holds.

    ``...``, ``None``, blank text, text that is only ``...``, and a stub function
    (``def f(x): return ...``) all count as "not answered yet".
    """
    if answer is Ellipsis or answer is None:
        return True
    if isinstance(answer, str):
        return answer.strip() in ("", "...")
    return _is_stub_function(answer)


def _short(text: object) -> str:
    text = str(text)
    return text if len(text) <= MAX_DETAIL else text[:MAX_DETAIL] + "…"


def _kind(answer: Any) -> str:
    return type(answer).__name__


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


@dataclass(frozen=True)
class Number:
    """A numeric answer within a relative (and optional absolute) tolerance."""
    expected: float
    rel_tol: float = 0.02
    abs_tol: float = 0.0
    hint: str = "Not yet: check your arithmetic and units."

    def __call__(self, answer: Any) -> tuple[bool, str]:
        if isinstance(answer, bool) or not isinstance(answer, Real):
            return False, _not_a_number(answer) + " " + self.hint
        value = float(answer)
        if math.isnan(value):
            return False, "Your answer is NaN (not a number). " + self.hint
        if math.isinf(value):
            return False, "Your answer is infinite: is something divided by zero? " + self.hint
        ok = math.isclose(value, float(self.expected), rel_tol=self.rel_tol, abs_tol=self.abs_tol)
        return ok, "" if ok else self.hint


def _number_in_text(text: str) -> str | None:
    """The number a piece of text holds ("8,316", " 2.1 ", "8316 hours"), written as Python wants it."""
    found = re.fullmatch(r"\s*(-?\d[\d,_ ]*(?:\.\d+)?)\s*[A-Za-z% ]*", text)
    if not found:
        return None
    digits = re.sub(r"[,_ ]", "", found.group(1))
    return digits if re.fullmatch(r"-?\d+(\.\d+)?", digits) else None


def _comma_in_number(answer: Any) -> str | None:
    """A plain-words fix when ``answer`` is a tuple of numbers: ``8,316`` or ``2,1`` typed as one number."""
    if not isinstance(answer, tuple) or not 2 <= len(answer) <= 6:
        return None
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in answer):
        return None
    shown = ",".join(str(x) for x in answer)
    whole = "".join([str(answer[0])] + [f"{x:03d}" if 0 <= x < 1000 else str(x) for x in answer[1:]])
    fix = (f"A comma inside a number splits it in two: Python read {shown} as {len(answer)} "
           f"separate numbers. Write it without the comma: {whole} (or with an underscore, "
           f"{whole[:-3]}_{whole[-3:]})." if len(whole) > 3 and all(0 <= x < 1000 for x in answer[1:])
           else f"A comma inside a number splits it in two: Python read {shown} as "
                f"{len(answer)} separate numbers. Write it without the comma.")
    if len(answer) == 2:
        fix += f" For a decimal, use a point: {answer[0]}.{answer[1]}."
    return fix


def _not_a_number(answer: Any) -> str:
    kind = _kind(answer)
    if isinstance(answer, str):
        number = _number_in_text(answer)
        if number is not None:
            return (f"Expected a number, got text (it is in quotes): write {number} "
                    "without quotes, commas or units.")
        return "Expected a number, got text (a str): write the number without quotes."
    comma = _comma_in_number(answer)
    if comma:
        return comma
    size = getattr(answer, "size", None)
    if isinstance(size, int) and hasattr(answer, "shape"):
        if size == 1:
            return (f"Expected a single number, got {_a(kind)} holding one value: "
                    "take the number out with .item().")
        return f"Expected a single number, got {_a(kind)} of {size} values."
    return f"Expected a number, got {kind}."


@dataclass(frozen=True)
class Exact:
    """An answer equal to the expected one (text compared without case or outer spaces)."""
    expected: Any
    hint: str = "Not yet: read the question again."

    def __call__(self, answer: Any) -> tuple[bool, str]:
        expected = self.expected
        if isinstance(expected, str):
            if not isinstance(answer, str):
                return False, _not_text(answer) + " " + self.hint
            ok = _norm(answer) == _norm(expected)
        elif isinstance(expected, int) and not isinstance(expected, bool):
            if isinstance(answer, bool) or not isinstance(answer, int):
                why = (_comma_in_number(answer)
                       or (_not_a_number(answer) if isinstance(answer, str) else "")
                       or f"Expected a whole number (an int), got {_kind(answer)}.")
                return False, why + " " + self.hint
            ok = answer == expected
        else:
            shape = _pairs_slip(answer) if _is_pairs(expected) else None
            if shape:
                return False, shape
            try:
                ok = bool(answer == expected)
            except Exception:  # e.g. an array compared with a list: truth value is ambiguous
                ok = False
        return ok, "" if ok else self.hint


@dataclass(frozen=True)
class Choice:
    """A multiple-choice answer: one letter among ``options``.

    ``options`` maps each offered letter to the line shown when that letter is chosen and
    it is wrong (why that option is wrong); the entry of the right letter is not shown.
    Letters are compared without case or spaces, so ``"b"``, ``" B "`` and ``"B"`` agree.
    """
    expected: str
    options: dict
    hint: str = "Not yet: read the passage again."

    def __call__(self, answer: Any) -> tuple[bool, str]:
        letters = ", ".join(f'"{k}"' for k in self.options)
        if not isinstance(answer, str):
            return False, (f"Expected one letter in quotes, such as \"{next(iter(self.options))}\"; "
                           f"got {_kind(answer)}. The choices are {letters}.")
        chosen = answer.strip().upper()
        if chosen not in {k.upper() for k in self.options}:
            return False, f"\"{_short(answer)}\" is not one of the choices: {letters}."
        if chosen == self.expected.strip().upper():
            return True, ""
        why = {k.upper(): v for k, v in self.options.items()}[chosen]
        return False, f"Not this one: {why}" if why else self.hint


@dataclass(frozen=True)
class Predicate:
    """An answer that passes a test function.

    ``test(answer)`` returns True (correct), False (not yet: show ``hint``), or a string,
    which is a more specific hint. If it raises (for instance because the student's
    function crashed), the result is "not yet" with the hint and the error's message.
    """
    test: Callable[[Any], Any]
    hint: str = "Not yet."
    #: "number", "text", "letter" or "pairs": what the answer should look like (for :func:`slip`).
    expects: str = ""

    def __call__(self, answer: Any) -> tuple[bool, str]:
        try:
            verdict = self.test(answer)
        except Exception as exc:
            return False, f"{self.hint} ({type(exc).__name__}: {_short(exc)})"
        if isinstance(verdict, str):
            return False, verdict
        try:
            ok = bool(verdict)
        except Exception:
            ok = False
        return ok, "" if ok else self.hint


def _not_text(answer: Any) -> str:
    """Why a non-text answer is not text, and how to write it as text."""
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return (f"Expected text in quotes, got a number ({_kind(answer)}): put the answer "
                'inside quotes, like "this".')
    if isinstance(answer, (list, tuple)):
        return (f"Expected one piece of text in quotes, got {_a(_kind(answer))} of "
                f"{len(answer)} items: write a single text in quotes.")
    return f"Expected text in quotes (a str), got {_kind(answer)}."


def _is_pairs(value: Any) -> bool:
    return (isinstance(value, (list, tuple)) and len(value) > 0
            and all(isinstance(v, (list, tuple)) and len(v) == 2 for v in value))


def _pairs_slip(answer: Any) -> str | None:
    """A plain-words fix when pairs are expected and ``answer`` is not a list of pairs."""
    how = ('Write each pair in round brackets with a comma inside, and a comma between '
           'pairs: [("first", "second"), ("third", "fourth")].')
    if isinstance(answer, str):
        return "Expected a list of pairs, got one piece of text. " + how
    if not isinstance(answer, (list, tuple)):
        return f"Expected a list of pairs, got {_kind(answer)}. " + how
    if len(answer) == 2 and all(isinstance(x, str) for x in answer):
        return ("This is one pair on its own: put it inside square brackets, as a list "
                "of pairs, even if there is only one. " + how)
    for number, item in enumerate(answer, start=1):
        if isinstance(item, (list, tuple)) and len(item) == 2:
            continue
        if isinstance(item, str):
            return (f"Item {number} of your list is a single text ({_short(item)!r}), not a pair: "
                    "the list should hold pairs, not loose texts. " + how)
        if isinstance(item, (list, tuple)):
            return (f"Item {number} of your list has {len(item)} parts, not 2: is a comma "
                    "between two pairs missing, or a bracket misplaced? " + how)
        return f"Item {number} of your list is {_a(_kind(item))}, not a pair. " + how
    return None


#: What a check expects, for :func:`slip`: "number", "text", "letter", "pairs" or "".
def expects(check: Any) -> str:
    declared = getattr(check, "expects", "")
    if declared:
        return declared
    if isinstance(check, Number):
        return "number"
    if isinstance(check, Choice):
        return "letter"
    if isinstance(check, Exact):
        if isinstance(check.expected, str):
            return "text"
        if isinstance(check.expected, (int, float)) and not isinstance(check.expected, bool):
            return "number"
        if _is_pairs(check.expected):
            return "pairs"
    return ""


def slip(check: Any, answer: Any) -> str | None:
    """A plain-words message for a common slip in ``answer``, or None.

    Used before the check itself, so that a Predicate's own test never sees a tuple
    where it wanted a number. Only shape slips: a wrong value is the check's business.
    """
    kind = expects(check)
    if kind == "number":
        return _comma_in_number(answer)
    if kind == "pairs":
        return _pairs_slip(answer)
    return None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def strict() -> bool:
    """True when ``SEMINAR_STRICT`` is set to anything but empty, 0, false, no or off."""
    value = os.environ.get("SEMINAR_STRICT", "").strip().casefold()
    return value not in ("", "0", "false", "no", "off")


def module_name(exercise: str) -> str:
    """``"02-chinese-room"`` -> ``"seminar.classroom.exercise_checks.e02_chinese_room"``."""
    if not isinstance(exercise, str) or not re.fullmatch(r"\d\d-[a-z0-9-]+", exercise):
        raise ValueError(f"Exercise names look like '02-chinese-room', not {exercise!r}.")
    return "seminar.classroom.exercise_checks.e" + exercise.replace("-", "_")


def load_checks(exercise: str) -> dict:
    name = module_name(exercise)
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        path = name.replace(".", "/") + ".py"
        raise LookupError(f"There are no checks for exercise {exercise!r} "
                          f"(expected them in {path}).") from None
    return dict(module.CHECKS)


#: What a passing self-check says when the instructor's hidden tests test more.
SEEN_ONLY = "passes the checks you can see; your instructor runs more."


def hidden_questions(exercise: str) -> frozenset:
    """The questions of ``exercise`` whose hidden tests test more (its checks module's ``HIDDEN``)."""
    return frozenset(getattr(importlib.import_module(module_name(exercise)), "HIDDEN", ()))


def optional_questions(exercise: str) -> frozenset:
    """The questions of ``exercise`` under "Going further" (its checks module's ``OPTIONAL``)."""
    return frozenset(getattr(importlib.import_module(module_name(exercise)), "OPTIONAL", ()))


@dataclass
class Checker:
    """The self-checks of one exercise. Call it: ``check("q3", answer)``.

    ``results`` holds the latest :class:`Result` of each question checked so far.
    """
    exercise: str
    checks: dict = field(default=None)  # type: ignore[assignment]

    def __post_init__(self):
        if self.checks is None:
            self.checks = load_checks(self.exercise)
            self.optional = optional_questions(self.exercise)
            self.hidden = hidden_questions(self.exercise)
        else:
            self.optional = frozenset()
            self.hidden = frozenset()
        self.results: dict[str, Result] = {}
        try:  # plain-words hints under a traceback, and the hand-in's record of runs
            from seminar.classroom import session
            session.install()
        except Exception:  # noqa: BLE001 - a check must work without a kernel
            pass

    def evaluate(self, question: str, answer: Any) -> Result:
        if not isinstance(question, str):
            raise TypeError(f"A question id is text such as 'q3', not {type(question).__name__}.")
        if question not in self.checks:
            known = ", ".join(sorted(self.checks)) or "none"
            raise KeyError(f"No check called {question!r} in {self.exercise} (known: {known}).")
        if is_placeholder(answer):
            result = Result(question, UNANSWERED,
                            "not answered yet: replace the ... with your answer.")
        else:
            try:
                fix = slip(self.checks[question], answer)
                ok, hint = (False, fix) if fix else self.checks[question](answer)
            except Exception as exc:  # an answer so odd that comparing it failed
                ok, hint = False, f"this answer could not be checked ({type(exc).__name__}: {_short(exc)})."
            if ok and question in self.hidden:
                result = Result(question, CORRECT, SEEN_ONLY)
            elif ok:
                result = Result(question, CORRECT, "correct.")
            else:
                result = Result(question, NOT_YET, hint or "not yet right.")
        if question in self.optional:
            result = Result(question, result.status, "(optional) " + result.message)
        self.results[question] = result
        return result

    def __call__(self, question: str, answer: Any) -> Result | None:
        result = self.evaluate(question, answer)
        if strict() and not result.correct:
            raise CheckFailed(f"[{self.exercise}] {result}")
        _show(result)
        return None


def _show(result: Result) -> None:
    try:
        from IPython.display import display
    except ImportError:  # plain Python
        print(result)
        return
    display(result)
