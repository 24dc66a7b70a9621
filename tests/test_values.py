"""The grader's reader of plain-value answers: what it accepts, what it refuses, and its limits."""
import math
import time

import pytest

from seminar.instructor import values as v


def run(source, names=None):
    names = dict(names or {})
    v.run_cell(source, names)
    return names


@pytest.mark.parametrize("source, name, expected", [
    ("x = 126 / 60", "x", 2.1),
    ("x = round(126 / 60, 2)", "x", 2.1),
    ("x = round(2.456, ndigits=1)", "x", 2.5),
    ("x = abs(-3) + min(1, 2) + max([4, 5])", "x", 9),
    ("x = math.log10(10 ** 10) - 80", "x", -70.0),
    ("x = math.sqrt(16) * math.pi / math.pi", "x", 4.0),
    ("x = 'B'", "x", "B"),
    ("x = ['a', 'b'] + ['c']", "x", ["a", "b", "c"]),
    ("x = [('你好', '我很好'), ('*', '对不起')]", "x", [("你好", "我很好"), ("*", "对不起")]),
    ("x = {'love': True, 'body': False}", "x", {"love": True, "body": False}),
    ("x = 3000 ** 20", "x", 3000 ** 20),
    ("x = (3000 ** 20) ** 5", "x", 3000 ** 100),
    ("x = -2 ** 2", "x", -4),
    ("x = 7 // 2 + 7 % 2", "x", 4),
    ("a, b = 1, 2\nx = a + b", "x", 3),
    ("x = ...", "x", Ellipsis),
    ("x: float = 2.5", "x", 2.5),
    ("'a note'\npass\nx = 1\ncheck('q1', x)", "x", 1),
    ("x = 'ab' * 3", "x", "ababab"),
    ("x = math.factorial(5)", "x", 120),
])
def test_accepts_calculator_answers(source, name, expected):
    got = run(source)[name]
    assert got == expected or (isinstance(expected, float) and math.isclose(got, expected))


def test_given_names_and_earlier_answers_are_usable():
    names = {}
    v.givens("import math\nminutes = 126\nlookups, rate = 10 ** 10, 2\nkit = compute(minutes)", names)
    assert names == {"minutes": 126, "lookups": 10 ** 10, "rate": 2}
    v.run_cell("hours = minutes / 60", names)
    assert names["hours"] == 2.1
    assert v.expression("round(hours, 1)", names) == 2.1


@pytest.mark.parametrize("source, words", [
    ("import os\nx = 1", "an import"),
    ("def f():\n    return 1", "a def"),
    ("x = f(1)", "a call"),
    ("x = open('/etc/passwd')", "a call"),
    ("x = __import__('os')", "a call"),
    ("x = (1).__class__", "an attribute"),
    ("x = math.__dict__", "an attribute"),
    ("x = [i for i in range(3)]", "a comprehension"),
    ("x = sum(i for i in range(3))", "a call"),
    ("x = [1, 2][0]", "indexing"),
    ("x = lambda: 1", "a lambda"),
    ("x = 1 if True else 2", "an if"),
    ("for i in []:\n    pass", "a loop"),
    ("while True:\n    pass", "a loop"),
    ("x = 1\nx += 1", "+="),
    ("x = f'{1}'", "an f-string"),
    ("x = 1 < 2", "a comparison"),
    ("x = b'bytes'", "bytes"),
    ("%time x = 1", "IPython"),
    ("!ls", "IPython"),
    ("x = (", "not valid Python"),
    ("x.y = 1", "only names"),
    ("x[0] = 1", "only names"),
    ("check('q1', f())", "a call"),
    ("print(1)", "a call"),
    ("x = {1, 2}", "a set"),
    ("x = 'a' % 1", ""),
])
def test_refuses_anything_else_with_the_note(source, words):
    with pytest.raises(v.NotPlain) as info:
        run(source)
    assert str(info.value).startswith(v.NOT_PLAIN) and words in str(info.value)


@pytest.mark.parametrize("source, words", [
    ("x = 10 ** 400", "over 10**375"),
    ("x = 10 ** 10 ** 10", "over 10**375"),
    ("x = (10 ** 300) * (10 ** 300)", "over 10**375"),
    ("x = 2.0 ** 10000", "over 10**375"),
    ("x = 2.0 ** 1100", "too large for a float"),
    ("x = 10 ** 0.5 ** -2000", "too large"),
    ("x = math.exp(1000)", "could not be worked out"),
    ("x = math.factorial(10 ** 6)", "over 200"),
    ("x = math.comb(10 ** 9, 10 ** 8)", "over 10,000"),
    ("x = math.prod([10 ** 300] * 2)", "over 10**375"),
    ("x = 'x' * 10 ** 9", "longer than 20,000"),
    ("x = [0] * 10 ** 9", "longer than 2,000"),
    ("x = 1 / 0", "division by zero"),
    ("x = 'a' + 1", "wrong kinds"),
    ("x = -'a'", "minus sign"),
    ("x = y", "y, which has no value"),
    ("x = round(1.5, 10 ** 9)", "400 digits"),
    ("x = " + "-" * 5000 + "1", "nested too deeply"),
])
def test_values_over_a_limit_are_refused_at_once(source, words):
    started = time.perf_counter()
    with pytest.raises((v.ValueRefused, v.Unknown, v.NotPlain)) as info:
        run(source)
    assert words in str(info.value)
    assert time.perf_counter() - started < 1


def test_a_huge_or_deeply_nested_cell_is_refused_not_crashed():
    with pytest.raises(v.ValueRefused, match="longer than"):
        run("x = 1\n" * 100_000)
    with pytest.raises((v.NotPlain, v.ValueRefused)):
        run("x = " + "(" * 100_000 + "1" + ")" * 100_000)
    with pytest.raises((v.NotPlain, v.ValueRefused)):
        run("x = " + "[" * 10_000 + "]" * 10_000)


def test_a_refused_name_is_unknown_afterwards():
    names = {}
    with pytest.raises(v.ValueRefused):
        v.run_cell("x = 10 ** 400", names)
    assert "x" not in names
    with pytest.raises(v.Unknown):
        v.run_cell("y = x + 1", names)


def test_the_students_check_line_is_never_evaluated_as_a_call():
    names = run("x = 2\ncheck('q1', x)")
    assert names == {"x": 2}
