"""Huge and wrongly typed values get a clear ValueError at once, never an OverflowError or a hang."""
import importlib
import inspect
import itertools
import pkgutil
import time

import numpy as np
import pytest

import seminar.models as models
from seminar.models import arguments
from seminar.models.params import check_number, check_whole
from seminar.text import InputError


@pytest.mark.parametrize("value", [10 ** 400, -10 ** 400, 2 ** 5000])
def test_check_number_and_check_whole_refuse_huge_ints_clearly(value):
    with pytest.raises(ValueError, match="far too large|about 10\\*\\*"):
        check_number("rate", value, 0, 100)
    with pytest.raises(ValueError, match="about 10\\*\\*") as info:
        check_whole("count", value, 0, 100)
    assert len(str(info.value)) < 200


def _numeric_parameters():
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"seminar.models.{info.name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__ \
                    or not callable(obj):
                continue
            try:
                signature = inspect.signature(obj)
            except (TypeError, ValueError):
                continue
            for p in signature.parameters.values():
                if isinstance(p.default, (int, float)) and not isinstance(p.default, bool):
                    yield pytest.param(obj, p.name, id=f"{info.name}.{name}.{p.name}")


@pytest.mark.parametrize("function, parameter", list(_numeric_parameters()))
def test_no_model_function_overflows_on_a_huge_int(function, parameter):
    started = time.perf_counter()
    try:
        function(**{parameter: 10 ** 400})
    except OverflowError as exc:  # the bug this test guards against
        pytest.fail(f"OverflowError instead of a clear ValueError: {exc}")
    except (ValueError, TypeError, LookupError):
        pass
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("args, words", [
    ((10 ** 10, 1), "n_atoms must be a whole number from 0 to 64"),
    ((-1, 1), "n_atoms"), ((3, 10 ** 400), "n_formulas"), ((3, 1, 2.5), "temporaries"),
    (("3", 1), "n_atoms"), ((True, 1), "n_atoms"),
])
def test_table_bytes_refuses_counts_over_its_limits(args, words):
    started = time.perf_counter()
    with pytest.raises(ValueError, match=words):
        arguments.table_bytes(*args)
    assert time.perf_counter() - started < 0.1
    assert arguments.table_bytes(3, 1) > 0


def test_atom_columns_refuses_too_many_atoms_before_allocating():
    started = time.perf_counter()
    with pytest.raises(InputError, match=f"More than {arguments.MAX_ATOMS} atoms"):
        arguments.atom_columns([f"a{i}" for i in range(40)])
    with pytest.raises(InputError, match="More than"):
        arguments.atom_columns(f"a{i}" for i in itertools.count())     # endless
    with pytest.raises(InputError, match="list of names"):
        arguments.atom_columns("abc")
    with pytest.raises(InputError, match="2-D array"):
        arguments.atom_columns(["a", "b"], out=np.empty((3, 2), dtype=bool))
    assert time.perf_counter() - started < 1
    assert list(arguments.atom_columns(["a", "b"])["a"]) == [True, True, False, False]


def test_entails_refuses_too_many_premises_at_once():
    started = time.perf_counter()
    with pytest.raises(InputError, match="More than 40 premises"):
        arguments.entails(("p" for _ in itertools.count()), "p")
    with pytest.raises(InputError, match="list of formulas"):
        arguments.entails("a -> b", "b")
    with pytest.raises(InputError, match="list of formulas"):
        arguments.entails(5, "b")
    assert time.perf_counter() - started < 1
    assert arguments.entails(["a -> b", "a"], "b")


@pytest.mark.parametrize("call, words", [
    (lambda: __import__("seminar.models.letters", fromlist=["x"]).template(5), "name is text"),
    (lambda: __import__("seminar.models.letters", fromlist=["x"]).parse_template(5), "must be text"),
    (lambda: __import__("seminar.models.letters", fromlist=["x"]).load_templates(5), "as a path"),
    (lambda: __import__("seminar.classroom.checks", fromlist=["x"]).Checker(
        "01-x", checks={}).evaluate(3, 1), "question id is text"),
    (lambda: __import__("seminar.classroom.checks", fromlist=["x"]).Checker(5), "look like"),
    (lambda: __import__("seminar.instructor.intake", fromlist=["x"]).entries(["a"]), "as a path"),
])
def test_wrong_types_for_a_template_question_or_folder_get_clear_messages(call, words):
    with pytest.raises((ValueError, TypeError)) as info:
        call()
    assert words in str(info.value)
