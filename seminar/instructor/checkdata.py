"""The instructor's check data for grading, read from ``<root>/seminar/classroom/exercise_checks``.

A checks module (``eNN_slug.py``) may define, beside ``CHECKS`` (the students' self-checks):

- ``HIDDEN = {"q1": Predicate(...), ...}``: the hidden tests of a core question, as
  check objects run on the value the grader read (the solution notebook keeps its
  ``### BEGIN HIDDEN TESTS`` cell, for nbgrader and for the tests, with the same
  assertions written as code);
- ``OPTIONAL = {"q7", ...}``: the "Going further" questions (cells tagged ``optional``);
- ``CASES = {"q7": {"call": "days_between", "cases": [[["2013-12-18", "2014-03-02"], 74],
  ...]}}``: hidden inputs for an optional question's function and the results expected.
  Only the inputs go into the sandbox; the results are compared outside it. An expected
  result may instead be a function of the output (``{"value": ...}`` or ``{"error": "..."}``)
  returning True or False, for answers that differ from student to student. ``"arrays":
  [0, 1]`` turns those arguments into numpy arrays inside the sandbox;
- ``GIVENS = {"capacity": speed_ratio()}``: values the exercise's own cells compute with a
  call (which the grader does not run from a notebook), computed here, in the grader's
  process, from the kit's models. Each must be a plain value (a number, text, a list or
  dict of them); the grader starts every submission with them.

The module is the instructor's own code: it is loaded from its file in the kit given by
``--root`` (never from a student's folder), once, in the grader's process.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from seminar.text import InputError


@dataclass
class CheckData:
    checks: dict
    hidden: dict = field(default_factory=dict)
    optional: frozenset = frozenset()
    cases: dict = field(default_factory=dict)
    givens: dict = field(default_factory=dict)


def module_path(root: Path, name: str) -> Path:
    return Path(root) / "seminar" / "classroom" / "exercise_checks" / f"e{name.replace('-', '_')}.py"


def load(root: Path, name: str) -> CheckData:
    """The check data of exercise ``name`` in the kit at ``root`` (InputError if it has none)."""
    if not isinstance(name, str):
        raise InputError(f"An exercise name is text such as '02-chinese-room', not {type(name).__name__}.")
    path = module_path(root, name)
    if not path.is_file():
        raise InputError(f"There is no check data for {name}: expected {path}.")
    spec = importlib.util.spec_from_file_location(f"_seminar_grading_{name.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        raise InputError(f"{path} could not be loaded ({type(exc).__name__}: {exc}).") from None
    checks = getattr(module, "CHECKS", None)
    if not isinstance(checks, dict):
        raise InputError(f"{path} has no CHECKS dict.")
    cases = dict(getattr(module, "CASES", {}) or {})
    for question, spec_ in cases.items():
        if not (isinstance(spec_, dict) and isinstance(spec_.get("call"), str)
                and isinstance(spec_.get("cases"), list)
                and all(isinstance(c, (list, tuple)) and len(c) == 2
                        and isinstance(c[0], (list, tuple)) for c in spec_["cases"])
                and all(isinstance(i, int) for i in spec_.get("arrays", []))):
            raise InputError(f"{path}: CASES[{question!r}] must be {{'call': 'name', 'cases': "
                             "[[inputs, expected], ...]} (and 'arrays': [argument positions]).")
    hidden = getattr(module, "HIDDEN", {}) or {}
    # a set of question ids only tells the students' self-check that more tests exist
    hidden = dict(hidden) if isinstance(hidden, dict) else {}
    return CheckData(checks=checks, hidden=hidden,
                     optional=frozenset(getattr(module, "OPTIONAL", ()) or ()), cases=cases,
                     givens=_givens(path, getattr(module, "GIVENS", {}) or {}))


def _plain(value, depth: int = 0):
    """``value`` as a plain Python value (numpy scalars become floats and ints), or ValueError."""
    from seminar.instructor import values

    if depth > values.MAX_DEPTH:
        raise ValueError("nested too deeply")
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, str)):
        value = value.item()  # a numpy scalar
    if isinstance(value, (list, tuple)):
        value = type(value)(_plain(v, depth + 1) for v in value)
    elif isinstance(value, dict):
        value = {_plain(k, depth + 1): _plain(v, depth + 1) for k, v in value.items()}
    try:
        return values._bounded(value)
    except values.ValueRefused as exc:
        raise ValueError(str(exc)) from None


def _givens(path: Path, givens) -> dict:
    if not isinstance(givens, dict):
        raise InputError(f"{path}: GIVENS must be a dict of name -> value.")
    out = {}
    for name, value in givens.items():
        if not (isinstance(name, str) and name.isidentifier()):
            raise InputError(f"{path}: GIVENS has {name!r}, which is not a name.")
        try:
            out[name] = _plain(value)
        except ValueError as exc:
            raise InputError(f"{path}: GIVENS[{name!r}] is not a plain value ({exc}).") from None
    return out
