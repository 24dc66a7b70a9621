"""Issue 13's no-code core, enforced on every solution notebook (one test per exercise).

- Every ``### BEGIN SOLUTION`` region in a code cell not tagged ``optional`` is
  calculator-level: assignments of literals, containers of literals, given names,
  arithmetic, and calls to ``round``/``abs``/``min``/``max``/``math.*`` only. No ``def``,
  loop, ``if``, lambda, comprehension, indexing, other calls or imports.
- Written prompts (Markdown solution regions outside Going further) are at least three
  and at least as many as the checked core questions, in each exercise and in total.
- The questions under "Going further (optional, for those who code)" are tagged
  ``optional`` and listed in the checks module's ``OPTIONAL``, and only they are.
- A question the instructor's hidden tests test is listed in the module's ``HIDDEN``, so
  that its self-check never says a plain "correct" (it says it passes the checks you can see).

Exercises converted by other branches fail here, each on its own, until they land.
"""
import ast
import importlib
import re

import nbformat
import pytest

from seminar import KIT_ROOT
from seminar.instructor.exercises import Region, parse_cell

SOLUTIONS = sorted((KIT_ROOT / "solutions").glob("*.ipynb"))
GOING_FURTHER = "Going further (optional, for those who code)"
CHECK_CALL = re.compile(r"""\bcheck\(\s*["'](\w+)["']""")

ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
FUNCTIONS = {"round", "abs", "min", "max"}


def calculator_problems(source: str) -> list[str]:
    """Why ``source`` is not calculator-level (empty: it is)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return [f"does not parse: {exc.msg}"]
    problems = []
    for statement in tree.body:
        if not isinstance(statement, ast.Assign):
            problems.append(f"line {statement.lineno}: {type(statement).__name__} is not an "
                            "assignment (no def, loop, if, import or bare call in the core)")
            continue
        for target in statement.targets:
            if not isinstance(target, ast.Name):
                problems.append(f"line {statement.lineno}: assign to a plain name, not "
                                f"{type(target).__name__}")
        problems += _value_problems(statement.value)
    return problems


def _value_problems(node: ast.AST) -> list[str]:
    where = f"line {getattr(node, 'lineno', '?')}"
    if isinstance(node, ast.Constant):
        return []
    if isinstance(node, ast.Name):
        return []
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [p for e in node.elts for p in _value_problems(e)]
    if isinstance(node, ast.Dict):
        return [p for part in (*node.keys, *node.values) if part is not None
                for p in _value_problems(part)]
    if isinstance(node, ast.BinOp):
        if not isinstance(node.op, ARITHMETIC):
            return [f"{where}: {type(node.op).__name__} is not calculator arithmetic"]
        return _value_problems(node.left) + _value_problems(node.right)
    if isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            return [f"{where}: {type(node.op).__name__} is not calculator arithmetic"]
        return _value_problems(node.operand)
    if isinstance(node, ast.Call):
        func = node.func
        allowed = ((isinstance(func, ast.Name) and func.id in FUNCTIONS)
                   or (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                       and func.value.id == "math"))
        if not allowed:
            return [f"{where}: a call to {ast.unparse(func)} (only round, abs, min, max, math.*)"]
        return ([p for a in node.args for p in _value_problems(a)]
                + [p for k in node.keywords for p in _value_problems(k.value)])
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "math":
        return []  # math.pi, math.e
    return [f"{where}: {type(node).__name__} is not calculator-level"]


# ------------------------------------------------------------------ the rule itself can fail

@pytest.mark.parametrize("source", [
    "hours = 126 / 60",
    "days = (31 - 18) + 31 + 28 + 2",
    'answer = "B"',
    "share = round(own / (own + stock), 3)",
    "x = math.log10(2) * -3 + abs(-1) + min(1, 2) + max(3, 4) + math.pi",
    'rules = [("你好！", "你好！"), ("*", "对不起。")]',
    'template = """Dear {beloved},\n[Love|Yours]"""',
    "facts = {'a': 1, 'b': [2, 3]}",
    "n = 8_316\nm = n ** 2",
])
def test_calculator_level_is_allowed(source):
    assert calculator_problems(source) == []


@pytest.mark.parametrize("source, words", [
    ("def f(x):\n    return x", "FunctionDef"),
    ("for x in [1]:\n    y = x", "For"),
    ("if True:\n    y = 1", "If"),
    ("f = lambda x: x", "Lambda"),
    ("xs = [x for x in range(3)]", "ListComp"),
    ("y = table['col']", "Subscript"),
    ("y = table.mean()", "call to table.mean"),
    ("y = len([1])", "call to len"),
    ("import math", "Import"),
    ("y = 1 if x else 2", "IfExp"),
    ("y = x > 2", "Compare"),
    ("y = f'{x}'", "JoinedStr"),
    ("table.x = 2", "Attribute"),
    ("check('q1', 2)", "Expr"),
])
def test_code_is_refused(source, words):
    problems = calculator_problems(source)
    assert problems and any(words in p for p in problems), problems


# ------------------------------------------------------------------ each solution notebook

def cells_of(path):
    return nbformat.read(str(path), as_version=4).cells


def optional(cell) -> bool:
    return "optional" in cell.metadata.get("tags", [])


def regions(cell):
    return [item for item in parse_cell(cell.source) if isinstance(item, Region) and item.kind == "solution"]


def checks_module(path):
    return importlib.import_module("seminar.classroom.exercise_checks.e" + path.stem.replace("-", "_"))


def counts(path) -> dict:
    """Core values, multiple choice, written and optional questions of one solution notebook."""
    cells = cells_of(path)
    module = checks_module(path)
    opt = set(getattr(module, "OPTIONAL", ()))
    core = {q for c in cells if c.cell_type == "code" and not optional(c)
            for q in CHECK_CALL.findall(c.source)} - opt
    written = sum(1 for c in cells if c.cell_type == "markdown" and not optional(c) and regions(c))
    choice = {q for q in core if type(module.CHECKS[q]).__name__ == "Choice"}
    return {"core": len(core), "choice": len(choice), "written": written, "optional": len(opt)}


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_core_solutions_are_calculator_level(path):
    problems = []
    for cell in cells_of(path):
        if cell.cell_type != "code" or optional(cell):
            continue
        for region in regions(cell):
            for problem in calculator_problems("\n".join(region.lines)):
                problems.append(f"cell {cell.get('id')}: {problem}")
    assert not problems, (f"solutions/{path.name}: core answers must be calculator-level "
                          "(move code-writing to Going further, tagged optional):\n"
                          + "\n".join(problems))


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_written_prompts_at_least_match_checked_core_questions(path):
    n = counts(path)
    assert n["written"] >= 3, f"{path.stem}: {n['written']} written prompts; at least 3 are needed"
    assert n["written"] >= n["core"], (
        f"{path.stem}: {n['written']} written prompts for {n['core']} checked core questions")


def test_written_prompts_at_least_match_checked_core_questions_in_total():
    total = [counts(p) for p in SOLUTIONS]
    assert sum(n["written"] for n in total) >= sum(n["core"] for n in total)


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_going_further_is_last_tagged_and_listed(path):
    cells = cells_of(path)
    module = checks_module(path)
    opt = set(getattr(module, "OPTIONAL", ()))
    starts = [i for i, c in enumerate(cells)
              if c.cell_type == "markdown" and f"## {GOING_FURTHER}" in c.source]
    tagged_checks = {q for c in cells if c.cell_type == "code" and optional(c)
                     for q in CHECK_CALL.findall(c.source)}
    assert tagged_checks == opt, (f"{path.stem}: checks in cells tagged optional "
                                  f"{sorted(tagged_checks)} differ from OPTIONAL {sorted(opt)}")
    if not starts:
        assert not opt and not any(optional(c) for c in cells)
        return
    assert len(starts) == 1
    for cell in cells[starts[0]:]:
        if cell.source.startswith("## Key points") or "instructor" in cell.metadata.get("tags", []):
            continue
        assert optional(cell), f"{path.stem} cell {cell.get('id')}: under Going further, not tagged optional"
    assert not any(optional(c) for c in cells[:starts[0]]), (
        f"{path.stem}: a cell tagged optional comes before '{GOING_FURTHER}'")


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_questions_with_hidden_tests_are_declared_hidden(path):
    """A question with hidden tests must not tell the student a plain "correct"."""
    last, hidden = None, set()
    for cell in cells_of(path):
        if cell.cell_type != "code":
            continue
        if "### BEGIN HIDDEN TESTS" in cell.source and last:
            hidden.add(last)
        asked = CHECK_CALL.findall(cell.source)
        if asked:
            last = asked[-1]
    declared = set(getattr(checks_module(path), "HIDDEN", ()))
    assert hidden <= declared, (f"{path.stem}: {sorted(hidden - declared)} have hidden tests "
                                "but are not in the checks module's HIDDEN")
    assert declared <= hidden, f"{path.stem}: HIDDEN lists {sorted(declared - hidden)} without hidden tests"
