"""Self-checks of exercise 06-bodies: arguments about love and bodies, checked by truth table.

Students write arguments as text (premises one per line, then a line starting with
``therefore``); the checks parse them with :mod:`seminar.models.arguments`. The arguments the
exercise gives are kept here too, so editing the notebook's copy cannot change what passes.
"""
from __future__ import annotations

from seminar.models.arguments import (Argument, argument, assess, assignment_text, coerce_argument,
                               entails, equivalent, is_counterexample, parse, row_values)
from seminar.classroom.checks import Choice, Exact, Predicate

#: Q2: the lesson's reconstruction of "no body, no love" (embodied cognition, dispatch-13).
NO_BODY_PREMISES = ("love -> mind", "mind -> body", "not body")
NO_BODY_CONCLUSION = "not love"
#: Q3 and Q4: a reconstruction of what-sucks-5 that is not valid.
DISPARITY_PREMISES = ("body -> limited", "limited -> together", "not body")
DISPARITY_CONCLUSION = "not together"


def no_body_argument() -> Argument:
    return argument(list(NO_BODY_PREMISES), NO_BODY_CONCLUSION)


def disparity_argument() -> Argument:
    return argument(list(DISPARITY_PREMISES), DISPARITY_CONCLUSION)


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"number {n}")


def _steps(arg: Argument) -> str | None:
    """A hint when the premises are contradictory, beg the question, or do not get there."""
    verdict = assess(arg)
    if arg.premises and not verdict.consistent:
        return ("Not yet: your premises contradict each other, so no row makes them all true "
                "and they would 'prove' anything. Drop or change one.")
    for k, premise in enumerate(arg.premises, start=1):
        if entails([premise], arg.conclusion):
            return (f"Not yet: your {_ordinal(k)} premise already says the conclusion by "
                    "itself. Get there in steps, one claim from the readings per premise.")
    if not verdict.valid:
        return ("Not yet: the argument is not valid. " + verdict.summary()
                + " Add or change a premise so that this row is ruled out.")
    return None


def _read(answer) -> Argument | str:
    try:
        return coerce_argument(answer)
    except ValueError as exc:
        return f"Not yet: the argument cannot be read. {exc}"


def _no_body_no_love(answer):
    arg = _read(answer)
    if isinstance(arg, str):
        return arg
    missing = [a for a in ("love", "limbic", "body") if a not in arg.atoms]
    if missing:
        return ("Not yet: use the atoms love, limbic and body (missing: "
                f"{', '.join(missing)}). You may add atoms of your own.")
    if not (equivalent(arg.conclusion, "love -> body") or equivalent(arg.conclusion, "not love")):
        return ("Not yet: the conclusion should say 'no body, no love', either in general "
                "(if there is no body, there is no love) or of Samantha (she does not love).")
    if len(arg.premises) < 2:
        return "Not yet: an argument from the readings needs at least two premises."
    if not any("limbic" in p.atoms for p in arg.premises):
        return ("Not yet: the premises should go through limbic revision (the atom limbic), "
                "the book's claim in what-sucks-8.")
    return _steps(arg) or True


def _counterexample(answer):
    arg = disparity_argument()
    if not isinstance(answer, dict):
        return ("Not yet: give the row as a dict of each atom to True or False, e.g. "
                "{'body': ..., 'limited': ..., 'together': ...}.")
    try:
        values = row_values(arg, answer)
    except ValueError as exc:
        return f"Not yet: {exc}"
    if is_counterexample(arg, answer):
        return True
    wrong = [label.split(":")[0] for label, v in list(values.items())[:-1] if not v]
    if wrong:
        return (f"Not yet: in your row ({assignment_text(answer)}) "
                f"{', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} false. "
                "A counterexample makes every premise true.")
    return ("Not yet: in your row every premise is true, but so is the conclusion. "
            "A counterexample makes the conclusion false.")


def _repair(answer):
    if not isinstance(answer, str):
        return f"Not yet: write the extra premise as text, e.g. 'a -> b' (got {type(answer).__name__})."
    try:
        extra = parse(answer, where="Your premise")
    except ValueError as exc:
        return f"Not yet: {exc}"
    arg = disparity_argument()
    if entails([extra], arg.conclusion):
        return ("Not yet: your premise says the conclusion by itself. Find the assumption "
                "that links the premises the writer gives to the conclusion.")
    repaired = Argument(arg.premises + (extra,), arg.conclusion)
    verdict = assess(repaired)
    if not verdict.consistent:
        return ("Not yet: with your premise the premises contradict each other, so they "
                "would 'prove' anything.")
    if not verdict.valid:
        return "Not yet: with your premise the argument is still not valid. " + verdict.summary()
    return True


def _searle(answer):
    arg = _read(answer)
    if isinstance(arg, str):
        return arg
    missing = [a for a in ("program", "syntax", "semantics", "mind") if a not in arg.atoms]
    if missing:
        return ("Not yet: use the atoms program, syntax, semantics and mind (missing: "
                f"{', '.join(missing)}).")
    if len(arg.premises) != 3:
        return (f"Not yet: Searle gives three premises (searle-1 to searle-3); you have "
                f"{len(arg.premises)}.")
    if not equivalent(arg.conclusion, "program -> not mind"):
        return ("Not yet: the conclusion (searle-4), read as a claim about Samantha, says that "
                "if she is a program, she has no mind.")
    if not any(entails([p], "program -> syntax") for p in arg.premises):
        return ("Not yet: no premise says what searle-1 says: being a program brings "
                "(only) syntax.")
    if not any(entails([p], "mind -> semantics") for p in arg.premises):
        return "Not yet: no premise says what searle-2 says about minds and semantics."
    return _steps(arg) or True


CHECKS = {
    # ---- the core: short texts and values, found with the argument checker or by reading
    "q1": Predicate(test=_no_body_no_love,
                    hint="Not yet: build the argument with the app first and read its verdict."),
    "q2": Exact(expected=2,
                hint="Not yet: read the excerpt again. What do the functionalists (the essay's "
                     "'materialists') say a mind can be caused by? Which premise denies that?"),
    "q3": Predicate(test=_counterexample,
                    hint="Not yet: a counterexample makes every premise true and the "
                         "conclusion false."),
    "q4": Predicate(test=_repair,
                    hint="Not yet: find the assumption the writer needs but does not state."),
    "q5": Choice(expected="A", options={
        "A": "",
        "B": "searle-2 is about minds, not programs: it is true whatever a program is.",
        "C": "searle-3 is about syntax in general; it does not mention programs at all.",
        "D": "the conclusion is where the running sense is NEEDED (Samantha is a running "
             "system); the question asks where only the text sense makes a premise true."}),
    # ---- Going further (optional, for those who code)
    "q11": Predicate(test=_searle,
                     hint="Not yet: one premise per axiom, then check validity with the app."),
}

#: Questions under "Going further (optional, for those who code)".
OPTIONAL = {"q11"}
