"""Read a core answer cell without running it: plain values and calculator arithmetic only.

The grader never runs a student's code for the core questions. It parses the answer cell
with :mod:`ast` and accepts only:

- assignments ``name = value`` (also ``a, b = 1, 2``), a bare ``...`` or text, ``pass``,
  and the cell's own ``check("qN", name)`` line (which is not run: the grader uses the
  solution's expression);
- values: numbers, text, ``True``/``False``/``None``, ``...``, and lists, tuples and dicts
  of values;
- arithmetic ``+ - * / // % **`` and unary ``-``/``+`` over values, the question's given
  names and the names assigned earlier in the exercise's answer cells;
- calls of ``round``, ``abs``, ``min``, ``max`` and of the functions in :data:`MATH`
  (``math.log10(x)``, ``math.sqrt(x)``, ...), and ``math.pi``/``math.e``/``math.tau``.

Everything else (another call, an import, ``def``, a loop, indexing, a method, an
attribute) makes the cell :class:`NotPlain`. Evaluation is bounded (:data:`MAX_INT_DIGITS`,
:data:`MAX_TEXT`, :data:`MAX_ITEMS`, :data:`MAX_DEPTH`): a value over a limit is refused
with a note (:class:`ValueRefused`) before it is built, so ``10**400`` or ``"x" * 10**9``
cost nothing.
"""
from __future__ import annotations

import ast
import math
import operator

#: The note a question gets when its answer cell holds more than plain values.
NOT_PLAIN = "not a plain value: see the question"
#: Largest whole number kept, in decimal digits. The largest an exercise uses is the
#: Blockhead table of 02-chinese-room (3000**100, 348 digits); 10**400 is refused.
MAX_INT_DIGITS = 375
MAX_INT = 10 ** MAX_INT_DIGITS
#: Longest text (characters), most items in one list/tuple/dict, deepest nesting.
MAX_TEXT = 20_000
MAX_ITEMS = 2_000
MAX_DEPTH = 60
#: Longest answer cell read (characters); a longer one is refused unparsed.
MAX_SOURCE = 200_000

MATH = {name: getattr(math, name) for name in (
    "sqrt", "log", "log10", "log2", "exp", "floor", "ceil", "trunc", "fabs", "pow", "hypot",
    "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "radians", "degrees", "factorial",
    "comb", "perm", "fsum", "prod", "gcd", "lcm", "isqrt")}
MATH_CONSTANTS = {"pi": math.pi, "e": math.e, "tau": math.tau}
BUILTINS = {"round": round, "abs": abs, "min": min, "max": max}
#: Arguments of these must be at most this (factorial(200) has 375 digits).
SMALL_ARGUMENT = {"factorial": 200, "comb": 10_000, "perm": 10_000}

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
           ast.Pow: operator.pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class NotPlain(ValueError):
    """The cell holds something other than plain values and calculator arithmetic."""

    def __init__(self, detail: str = ""):
        super().__init__(NOT_PLAIN + (f" ({detail})" if detail else ""))


class ValueRefused(ValueError):
    """A value over a limit, or arithmetic that cannot be done (division by zero, ...)."""


class Unknown(ValueError):
    """A name with no value (not given by the question, or its cell was not a plain value)."""


# ---------------------------------------------------------------- checking the shape

def parse(source: str) -> ast.Module:
    """The cell's syntax tree, or :class:`NotPlain` / :class:`ValueRefused`."""
    if not isinstance(source, str):
        raise NotPlain("the cell has no text")
    if len(source) > MAX_SOURCE:
        raise ValueRefused(f"the cell is longer than {MAX_SOURCE:,} characters; not read")
    lines = [ln for ln in source.split("\n") if ln.lstrip()[:1] not in ("%", "!")]
    if len(lines) != len(source.split("\n")):
        raise NotPlain("an IPython command (% or !)")
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError) as exc:
        raise NotPlain(f"it is not valid Python: {getattr(exc, 'msg', exc)}") from None
    except (RecursionError, MemoryError):
        raise ValueRefused("the cell is nested too deeply to read") from None


def _is_check_line(node: ast.stmt) -> bool:
    call = node.value if isinstance(node, ast.Expr) else None
    return (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "check"
            and not call.keywords and len(call.args) == 2
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str))


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)) and target.elts:
        return [n for e in target.elts for n in _target_names(e)]
    raise NotPlain("only names can be given values")


def validate(tree: ast.Module) -> None:
    """Raise :class:`NotPlain` unless every statement is a plain assignment (see the module)."""
    for node in tree.body:
        if isinstance(node, ast.Pass):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # a bare ``...`` or a string
        if _is_check_line(node):
            _expression(node.value.args[1], 0)
            continue
        if isinstance(node, ast.Assign):
            for target in node.targets:
                _target_names(target)
            _expression(node.value, 0)
            continue
        if isinstance(node, ast.AnnAssign) and node.value is not None and node.simple:
            _expression(node.value, 0)
            continue
        kind = type(node).__name__
        words = {"Import": "an import", "ImportFrom": "an import", "FunctionDef": "a def",
                 "AsyncFunctionDef": "a def", "ClassDef": "a class", "For": "a loop",
                 "While": "a loop", "If": "an if", "With": "a with", "Try": "a try",
                 "Expr": "a call or an expression on its own", "AugAssign": "+= and the like",
                 "Delete": "del", "Global": "global", "Nonlocal": "nonlocal"}
        raise NotPlain(words.get(kind, f"a {kind} statement"))


def _expression(node: ast.expr, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise NotPlain("nested too deeply")
    if isinstance(node, ast.Constant):
        if isinstance(node.value, (bytes, complex)):
            raise NotPlain("bytes and complex numbers are not answers")
        return
    if isinstance(node, ast.Name):
        return
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        _expression(node.left, depth + 1)
        _expression(node.right, depth + 1)
        return
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        _expression(node.operand, depth + 1)
        return
    if isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            if isinstance(element, ast.Starred):
                raise NotPlain("* inside a list")
            _expression(element, depth + 1)
        return
    if isinstance(node, ast.Dict):
        for key, value in zip(node.keys, node.values):
            if key is None:
                raise NotPlain("** inside a dict")
            _expression(key, depth + 1)
            _expression(value, depth + 1)
        return
    if isinstance(node, ast.Attribute):
        if _math_name(node) in MATH_CONSTANTS:
            return
        raise NotPlain("an attribute or a method")
    if isinstance(node, ast.Call):
        if _function(node.func) is None:
            raise NotPlain("a call")
        if any(isinstance(a, ast.Starred) for a in node.args):
            raise NotPlain("* in a call")
        if any(k.arg not in ("ndigits",) for k in node.keywords):
            raise NotPlain("a keyword argument")
        for arg in [*node.args, *(k.value for k in node.keywords)]:
            _expression(arg, depth + 1)
        return
    words = {"Subscript": "indexing", "ListComp": "a comprehension", "GeneratorExp": "a comprehension",
             "SetComp": "a comprehension", "DictComp": "a comprehension", "Lambda": "a lambda",
             "IfExp": "an if", "Compare": "a comparison", "BoolOp": "and/or",
             "JoinedStr": "an f-string", "Set": "a set", "NamedExpr": ":="}
    raise NotPlain(words.get(type(node).__name__, type(node).__name__))


def _math_name(node: ast.expr) -> str | None:
    if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "math"):
        return node.attr
    return None


def _function(node: ast.expr):
    if isinstance(node, ast.Name) and node.id in BUILTINS:
        return node.id
    name = _math_name(node)
    return name if name in MATH else None


# ---------------------------------------------------------------- evaluating

def _bounded(value):
    """``value`` if within the limits, else :class:`ValueRefused`."""
    if isinstance(value, bool) or value is None or value is Ellipsis:
        return value
    if isinstance(value, int):
        if -MAX_INT <= value <= MAX_INT:
            return value
        raise ValueRefused(f"a whole number over 10**{MAX_INT_DIGITS} (the limit for an answer)")
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise ValueRefused(f"text longer than {MAX_TEXT:,} characters")
        return value
    if isinstance(value, (list, tuple, dict)):
        if len(value) > MAX_ITEMS:
            raise ValueRefused(f"more than {MAX_ITEMS:,} items in one list")
        return value
    raise ValueRefused(f"a {type(value).__name__} is not a plain value")


def _digits(value) -> float:
    return math.log10(abs(value)) if value else 0.0


def _binop(op, left, right):
    if isinstance(left, str) or isinstance(right, str) or isinstance(left, (list, tuple)) or \
            isinstance(right, (list, tuple)):
        if op is operator.mod:
            raise NotPlain("% on text")
        if op is operator.mul:
            count = right if isinstance(left, (str, list, tuple)) else left
            seq = left if isinstance(left, (str, list, tuple)) else right
            if isinstance(count, int) and not isinstance(count, bool):
                limit = MAX_TEXT if isinstance(seq, str) else MAX_ITEMS
                if count > 0 and len(seq) * count > limit:
                    raise ValueRefused(f"text or a list longer than {limit:,}")
    if op is operator.pow and isinstance(left, (int, float)) and isinstance(right, int) and \
            not isinstance(right, bool) and right > 0 and abs(left) > 1:
        if right * _digits(left) > MAX_INT_DIGITS + 1:
            raise ValueRefused(f"a number over 10**{MAX_INT_DIGITS} (the limit for an answer)")
    if op is operator.pow and isinstance(right, float) and isinstance(left, int) and \
            abs(left) > 1 and right * _digits(left) > 400:
        raise ValueRefused("a number too large for a float")
    try:
        return _bounded(op(left, right))
    except ZeroDivisionError:
        raise ValueRefused("division by zero") from None
    except OverflowError:
        raise ValueRefused("a number too large for a float") from None
    except TypeError as exc:
        raise ValueRefused(f"arithmetic on the wrong kinds of value ({exc})") from None


def _call(name: str, args: list, kwargs: dict):
    function = BUILTINS.get(name) or MATH[name]
    if name in SMALL_ARGUMENT:
        for arg in args:
            if isinstance(arg, (int, float)) and abs(arg) > SMALL_ARGUMENT[name]:
                raise ValueRefused(f"math.{name} of a number over {SMALL_ARGUMENT[name]:,}")
    if name in ("prod", "lcm", "fsum"):
        numbers = [x for a in args for x in (a if isinstance(a, (list, tuple)) else [a])
                   if isinstance(x, (int, float)) and not isinstance(x, bool)]
        if name != "fsum" and sum(_digits(x) for x in numbers) > MAX_INT_DIGITS + 1:
            raise ValueRefused(f"a number over 10**{MAX_INT_DIGITS} (the limit for an answer)")
    if name == "pow" and len(args) == 2 and all(isinstance(a, (int, float)) for a in args):
        return _binop(operator.pow, float(args[0]), float(args[1]))
    if name == "round" and len(args) == 2 and isinstance(args[1], int) and abs(args[1]) > 400:
        raise ValueRefused("round to more than 400 digits")
    try:
        return _bounded(function(*args, **kwargs))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as exc:
        raise ValueRefused(f"{name}(...) could not be worked out ({type(exc).__name__}: "
                           f"{str(exc)[:100]})") from None


def evaluate(node: ast.expr, names: dict, depth: int = 0):
    """The value of a validated expression, with ``names`` the values known so far."""
    if depth > MAX_DEPTH:
        raise ValueRefused("nested too deeply")
    if isinstance(node, ast.Constant):
        return _bounded(node.value)
    if isinstance(node, ast.Name):
        if node.id not in names:
            raise Unknown(f"it uses {node.id}, which has no value here")
        return names[node.id]
    if isinstance(node, ast.BinOp):
        return _binop(_BINOPS[type(node.op)], evaluate(node.left, names, depth + 1),
                      evaluate(node.right, names, depth + 1))
    if isinstance(node, ast.UnaryOp):
        value = evaluate(node.operand, names, depth + 1)
        if not isinstance(value, (int, float)):
            raise ValueRefused("a minus sign before something that is not a number")
        return _UNARY[type(node.op)](value)
    if isinstance(node, ast.List):
        return _bounded([evaluate(e, names, depth + 1) for e in _few(node.elts)])
    if isinstance(node, ast.Tuple):
        return _bounded(tuple(evaluate(e, names, depth + 1) for e in _few(node.elts)))
    if isinstance(node, ast.Dict):
        out = {}
        for key, value in zip(_few(node.keys), node.values):
            k = evaluate(key, names, depth + 1)
            try:
                hash(k)
            except TypeError:
                raise ValueRefused("a dict key that is a list") from None
            out[k] = evaluate(value, names, depth + 1)
        return _bounded(out)
    if isinstance(node, ast.Attribute):
        return MATH_CONSTANTS[node.attr]
    if isinstance(node, ast.Call):
        args = [evaluate(a, names, depth + 1) for a in node.args]
        kwargs = {k.arg: evaluate(k.value, names, depth + 1) for k in node.keywords}
        return _call(_function(node.func), args, kwargs)
    raise NotPlain(type(node).__name__)  # validate() lets nothing else through


def _few(items: list) -> list:
    if len(items) > MAX_ITEMS:
        raise ValueRefused(f"more than {MAX_ITEMS:,} items in one list")
    return items


def _assign(target: ast.expr, value, names: dict) -> None:
    if isinstance(target, ast.Name):
        names[target.id] = value
        return
    if not isinstance(value, (list, tuple)) or len(value) != len(target.elts):
        raise ValueRefused("the number of names and of values differ")
    for t, v in zip(target.elts, value):
        _assign(t, v, names)


def run_cell(source: str, names: dict) -> dict:
    """Evaluate a plain-value cell; returns the names it assigned (``names`` is updated too).

    Raises :class:`NotPlain`, :class:`ValueRefused` or :class:`Unknown` with a note. A
    name whose value could not be worked out is left out of ``names``, so later cells
    that use it say so.
    """
    tree = parse(source)
    validate(tree)
    assigned: dict = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            try:
                value = evaluate(node.value, names)
            except (ValueRefused, Unknown):
                for target in targets:
                    for name in _target_names(target):
                        names.pop(name, None)
                raise
            for target in targets:
                scratch: dict = {}
                _assign(target, value, scratch)
                names.update(scratch)
                assigned.update(scratch)
    return assigned


def givens(source: str, names: dict) -> None:
    """Add the plain assignments of an instructor's cell (a "given") to ``names``; skip the rest."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        try:
            for target in node.targets:
                _target_names(target)
            _expression(node.value, 0)
            value = evaluate(node.value, names)
            for target in node.targets:
                _assign(target, value, names)
        except (NotPlain, ValueRefused, Unknown):
            continue


def expression(text: str, names: dict):
    """The value of the solution's check expression (``hours``, or ``round(x, 2)``)."""
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        raise NotPlain("the check's expression cannot be read") from None
    _expression(node, 0)
    return evaluate(node, names)
