"""Arguments in propositional form: premises, a conclusion, the truth table, and the verdict.

A student writes an argument as premises (one per line) and a conclusion. This module
reads each line with a small hand-written parser (recursive descent; nothing is passed to
``eval``), builds the argument's truth table as a pandas DataFrame with numpy (one column
per atom, per premise and for the conclusion; rows where every premise is true are marked),
and says whether the argument is **valid**: no row makes every premise true and the
conclusion false. When it is not valid, such a row is a **counterexample**.

No widgets here: ``seminar.views.arguments`` is the app.

Writing formulas
----------------
* **Atoms** are words: a letter a-z, then letters, digits or ``_`` (``body``, ``love``,
  ``limbic``, ``has_body``), at most 40 characters. Case does not matter (``Body`` is
  ``body``); tables show them in lower case. ``true`` and ``false`` (or ``⊤`` and ``⊥``)
  are the two constants.
* **Operators**, from the tightest to the loosest binding:

  ========  ===========  ==============================  ==================================
  operator  word         symbols                         grouping
  ========  ===========  ==============================  ==================================
  not       ``not``      ``~``  ``!``  ``¬``             ``not not a`` is ``not (not a)``
  and       ``and``      ``&``  ``&&``  ``∧``  ``/\\``    ``a and b and c``: all of them
  or        ``or``       ``|``  ``||``  ``∨``  ``\\/``    ``a or b or c``: at least one
  implies   ``implies``  ``->``  ``=>``  ``→``  ``⇒``     to the right: ``a -> b -> c`` is
                                                         ``a -> (b -> c)``
  iff       ``iff``      ``<->``  ``<=>``  ``↔``  ``⇔``   to the left: ``a <-> b <-> c`` is
                                                         ``(a <-> b) <-> c``
  ========  ===========  ==============================  ==================================

  So ``not body -> not love`` is ``(not body) -> (not love)``, and
  ``a and b or c -> d`` is ``((a and b) or c) -> d``. Use brackets ``( )`` whenever in doubt.
  Operator words are not case-sensitive and cannot be used as atoms; nor can the words
  ``if``, ``then``, ``xor`` and ``therefore`` (write ``a -> b`` for "if a then b").
* ``#`` starts a comment: the rest of the line is ignored (``love -> limbic  # what-sucks-8``).
* A parse error names the position (counting characters from 1) and the symbol found, e.g.
  ``position 7: expected an atom or '(' but found ')'``; :meth:`FormulaError.pointer`
  draws a caret under the spot.

Arguments
---------
:func:`argument` takes the premises (text, one per line, or a list of texts) and the
conclusion (one line). :func:`argument_from_text` reads one text in which the last line
starts with ``therefore`` (or ``∴``)::

    love -> limbic
    limbic -> body
    therefore not body -> not love

:func:`assess` builds the table and the :class:`Verdict`. An argument may have at most
:data:`MAX_ATOMS` atoms: the table doubles with each atom, and the limit is computed from
a memory budget (:class:`Limits`), so a table that would not fit is refused with a
message instead of filling the memory.

Example::

    >>> v = assess(argument(["love -> limbic", "limbic -> body"], "not body -> not love"))
    >>> v.valid, v.rows
    (True, 8)
"""
from __future__ import annotations

import re
import unicodedata
from itertools import islice
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from numbers import Integral

import numpy as np
import pandas as pd

from seminar.text import InputError, MAX_CHARS


# -- limits ---------------------------------------------------------------------------------
def _src(text: str):
    return {"source": text}


@dataclass(frozen=True)
class Limits:
    """Sizes the tool accepts, each with the reason for its value (``Limits.source(name)``)."""

    max_formula_chars: int = field(default=1_000, metadata=_src(
        "The kit's choice: a premise longer than this is several premises run together"))
    max_text_chars: int = field(default=MAX_CHARS, metadata=_src(
        "seminar.text.MAX_CHARS, the kit's limit for one text box"))
    max_premises: int = field(default=40, metadata=_src(
        "The kit's choice: more premises than a seminar argument needs"))
    max_atom_chars: int = field(default=40, metadata=_src(
        "The kit's choice: keeps the table's column headers readable"))
    max_depth: int = field(default=64, metadata=_src(
        "The kit's choice: deepest nesting of brackets or operators, well inside Python's "
        "recursion limit"))
    memory_budget_bytes: int = field(default=128 * 2**20, metadata=_src(
        "Assumption: an eighth of the 1 GB that mybinder.org gives a session at the least "
        "(it gives 1-2 GB); the rest is for Python, pandas, the notebook's other tables and "
        "the page. With it, MAX_ATOMS is 22"))
    working_columns: int = field(default=3, metadata=_src(
        "Counted in the code: after the table is built, the verdict and the excerpt hold at "
        "most three temporary columns (a mask, its negation, their conjunction); "
        "benchmarks/bench_arguments.py compares the estimate with the measured peak"))
    overhead_bytes: int = field(default=2**20, metadata=_src(
        "Allowance for pandas' own objects (index, labels, block manager); measured at about "
        "10 kB beyond the columns (benchmarks/bench_arguments.py), so 1 MiB is generous"))

    def __post_init__(self):
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, Integral) or value < 1:
                raise ValueError(f"{f.name} must be a whole number of at least 1, "
                                 f"not {value!r}.")

    @classmethod
    def source(cls, name: str) -> str:
        for f in fields(cls):
            if f.name == name:
                return f.metadata["source"]
        raise KeyError(name)


LIMITS = Limits()

#: Extra columns in every table: "all premises true" and "counterexample".
MARKER_COLUMNS = 2
PREMISES_TRUE = "all premises true"
COUNTEREXAMPLE = "counterexample"


#: Largest counts :func:`table_bytes` estimates for (far beyond any table that fits).
MAX_ESTIMATE_ATOMS = 64
MAX_COUNT = 100_000


def _count(name: str, value, most: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral) or not 0 <= value <= most:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        raise ValueError(f"{name} must be a whole number from 0 to {most:,}; got {shown}.")
    return int(value)


def table_bytes(n_atoms: int, n_formulas: int, temporaries: int = 0,
                limits: Limits = LIMITS) -> int:
    """Bytes needed to build and judge the truth table of ``n_atoms`` atoms and ``n_formulas``
    formulas, whose evaluation holds at most ``temporaries`` columns at once (see
    :func:`temporaries`).

    One byte per cell (numpy booleans, written straight into the table's only block, which
    pandas takes without a copy), plus the larger of ``temporaries`` and
    ``limits.working_columns`` temporary columns, plus ``limits.overhead_bytes``.

    Each count must be a whole number from 0 to :data:`MAX_COUNT` (``n_atoms`` to
    :data:`MAX_ESTIMATE_ATOMS`); anything else is refused at once with a ValueError, so a
    stray ``10**10`` cannot build a gigabyte-long integer.
    """
    _count("n_atoms", n_atoms, MAX_ESTIMATE_ATOMS)
    _count("n_formulas", n_formulas, MAX_COUNT)
    _count("temporaries", temporaries, MAX_COUNT)
    columns = n_atoms + n_formulas + MARKER_COLUMNS + max(temporaries, limits.working_columns)
    return (2 ** n_atoms) * columns + limits.overhead_bytes


def max_atoms(limits: Limits = LIMITS) -> int:
    """Most atoms whose smallest table (a lone conclusion) fits in the memory budget."""
    n = 0
    while table_bytes(n + 1, 1, 0, limits) <= limits.memory_budget_bytes:
        n += 1
    return n


#: Most atoms an argument may have (22 with the default 128 MiB budget: 4,194,304 rows).
MAX_ATOMS = max_atoms()


# -- errors -----------------------------------------------------------------------------------
def _width(ch: str) -> int:
    """Columns a character takes in a monospaced display (wide East Asian and emoji: 2)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class FormulaError(InputError):
    """A formula that cannot be read. ``position`` counts characters from 1 (None: no spot).

    ``str(error)`` is one line (``premise 2, position 7: expected ... but found ')'``);
    :meth:`pointer` is the formula with a caret under the position; :meth:`explain` is both.
    """

    def __init__(self, message: str, *, formula: str = "", position: int | None = None,
                 symbol: str | None = None, where: str | None = None):
        self.formula, self.position, self.symbol, self.where = formula, position, symbol, where
        self.reason = message
        head = f"position {position}: " if position is not None else ""
        text = head + message
        if where:
            text = f"{where}, {text}" if position is not None else f"{where}: {message}"
        if not text.startswith("position"):
            text = text[:1].upper() + text[1:]
        super().__init__(text)
        if self.pointer() and hasattr(self, "add_note"):  # Python 3.11+: tracebacks show it
            self.add_note(self.pointer())

    def pointer(self) -> str:
        """The formula, and a caret under the position (empty when there is no position)."""
        if self.position is None or not self.formula or len(self.formula) > 200:
            return ""
        before = self.formula[: self.position - 1]
        pad = "".join("\t" if ch == "\t" else " " * _width(ch) for ch in before)
        return f"{self.formula}\n{pad}^"

    def explain(self) -> str:
        pointer = self.pointer()
        return f"{self}\n{pointer}" if pointer else str(self)


# -- tokens -------------------------------------------------------------------------------------
OPERATORS = ("not", "and", "or", "implies", "iff")
#: Symbols, longest first so that "<->" is read before "<" would be.
SYMBOLS = (
    ("<->", "iff"), ("<=>", "iff"), ("->", "implies"), ("=>", "implies"),
    ("&&", "and"), ("||", "or"), ("/\\", "and"), ("\\/", "or"),
    ("~", "not"), ("!", "not"), ("¬", "not"), ("&", "and"), ("|", "or"), ("∧", "and"),
    ("∨", "or"), ("→", "implies"), ("⇒", "implies"), ("↔", "iff"), ("⇔", "iff"),
    ("⊤", "true"), ("⊥", "false"), ("(", "("), (")", ")"),
)
CONSTANTS = {"true": True, "false": False}
#: Words that may not name atoms, with advice.
RESERVED = {
    "if": "write 'a -> b' (or 'a implies b') for 'if a then b'",
    "then": "write 'a -> b' (or 'a implies b') for 'if a then b'",
    "xor": "there is no xor here: write 'not (a <-> b)' for 'a or b but not both'",
    "therefore": "'therefore' may only start the conclusion's line, in the one-text form",
}
#: Advice for symbols students often type by mistake.
NEAR_MISSES = {
    "-": "write -> for implies", "<": "write <-> for iff", ">": "write -> for implies",
    "=": "write -> for implies or <-> for iff", "^": "write & (or 'and') for and",
    "+": "write | (or 'or') for or", "*": "write & (or 'and') for and",
    ",": "write each premise on its own line", ";": "write each premise on its own line",
    ".": "a formula has no full stop", "∴": "'∴' may only start the conclusion's line",
    "∀": "propositional logic has no quantifiers: let one atom stand for the whole sentence",
    "∃": "propositional logic has no quantifiers: let one atom stand for the whole sentence",
    '"': "atoms are bare words, without quotation marks",
    "'": "atoms are bare words, without quotation marks",
    "[": "use round brackets ( )", "]": "use round brackets ( )",
    "{": "use round brackets ( )", "}": "use round brackets ( )",
}
_WORD = re.compile(r"[A-Za-z0-9_]+")


@dataclass(frozen=True)
class Token:
    kind: str    # "atom", "const", an operator, "(", ")" or "end"
    text: str    # as typed
    pos: int     # 0-based index in the formula
    value: object = None  # atom name (lower case) or constant's truth value


def _symbol_name(ch: str) -> str:
    try:
        return f"{ch!r} ({unicodedata.name(ch)})"
    except ValueError:
        return f"{ch!r} (U+{ord(ch):04X})"


def tokenize(text: str, *, where: str | None = None, limits: Limits = LIMITS) -> list[Token]:
    """Split a formula into tokens, or raise :class:`FormulaError` at the first bad symbol."""
    def fail(message, pos, symbol):
        raise FormulaError(message, formula=text, position=pos + 1, symbol=symbol, where=where)

    tokens, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():  # spaces, tabs, and the no-break spaces a web page pastes in
            i += 1
            continue
        for sym, kind in SYMBOLS:
            if text.startswith(sym, i):
                if kind in CONSTANTS:
                    tokens.append(Token("const", sym, i, CONSTANTS[kind]))
                else:
                    tokens.append(Token(kind, sym, i))
                i += len(sym)
                break
        else:
            m = _WORD.match(text, i)
            if m:
                word = m.group()
                end = m.end()
                if end < n and (text[end].isalnum() or unicodedata.category(text[end])[0] == "M"):
                    fail(f"{_symbol_name(text[end])} cannot be part of an atom's name: "
                         "atom names use the letters a-z, digits and _ only", end, text[end])
                low = word.lower()
                if not word[0].isalpha():
                    fail(f"an atom's name must start with a letter a-z, but {word!r} starts "
                         f"with {word[0]!r}", i, word)
                if low in OPERATORS:
                    tokens.append(Token(low, word, i))
                elif low in CONSTANTS:
                    tokens.append(Token("const", word, i, CONSTANTS[low]))
                elif low in RESERVED:
                    fail(f"{word!r} is a reserved word: {RESERVED[low]}", i, word)
                elif len(word) > limits.max_atom_chars:
                    fail(f"the atom {word[:20]!r}... is {len(word)} characters long; "
                         f"the limit is {limits.max_atom_chars}", i, word)
                else:
                    tokens.append(Token("atom", word, i, low))
                i = end
            else:
                advice = NEAR_MISSES.get(ch)
                if ch.isalpha():
                    advice = "atom names use the letters a-z, digits and _ only"
                fail(f"unknown symbol {_symbol_name(ch)}" + (f": {advice}" if advice else ""),
                     i, ch)
    tokens.append(Token("end", "", n))
    return tokens


# -- syntax trees ---------------------------------------------------------------------------------
BINARY = ("and", "or", "implies", "iff")


@dataclass(frozen=True)
class Node:
    """A formula's tree: ``op`` is "atom", "const", "not", "and", "or", "implies" or "iff".

    "and" and "or" hold two or more ``args`` (``a & b & c`` is one node); "implies" and
    "iff" hold two; "not" holds one.
    """
    op: str
    args: tuple = ()
    name: str = ""
    value: bool = False
    depth: int = field(default=1, compare=False)

    @staticmethod
    def make(op: str, args: tuple) -> "Node":
        return Node(op, args, depth=1 + max(a.depth for a in args))


_SYMBOL_OF = {"not": "¬", "and": "∧", "or": "∨", "implies": "→", "iff": "↔"}


def render(node: Node, style: str = "symbols") -> str:
    """A formula as text: ``symbols`` (¬ ∧ ∨ → ↔) or ``words`` (not and or implies iff).

    Every binary operator inside another one is bracketed, so the text shows how the
    formula was grouped: ``a and b or c`` reads back as ``(a ∧ b) ∨ c``.
    """
    if style not in ("symbols", "words"):
        raise ValueError(f"style must be 'symbols' or 'words', not {style!r}")
    words = style == "words"
    if node.op == "atom":
        return node.name
    if node.op == "const":
        return ("true" if node.value else "false") if words else ("⊤" if node.value else "⊥")
    if node.op == "not":
        inner = render(node.args[0], style)
        if node.args[0].op in BINARY:
            inner = f"({inner})"
        return f"not {inner}" if words else f"¬{inner}"
    sep = f" {node.op} " if words else f" {_SYMBOL_OF[node.op]} "
    parts = []
    for arg in node.args:
        text = render(arg, style)
        parts.append(f"({text})" if arg.op in BINARY else text)
    return sep.join(parts)


class _Parser:
    """Recursive descent over the tokens; one method per level of binding."""

    def __init__(self, text: str, tokens: list[Token], where: str | None, limits: Limits):
        self.text, self.tokens, self.where, self.limits = text, tokens, where, limits
        self.i = 0

    def fail(self, message: str, tok: Token):
        raise FormulaError(message, formula=self.text, position=tok.pos + 1,
                           symbol=tok.text or None, where=self.where)

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def check_depth(self, node: Node, tok: Token) -> Node:
        if node.depth > self.limits.max_depth:
            self.fail(f"operators nested more than {self.limits.max_depth} deep: "
                      "split the formula into shorter premises", tok)
        return node

    def formula(self) -> Node:
        node = self.iff(0)
        tok = self.peek()
        if tok.kind == ")":
            self.fail("found ')' with no '(' before it to match", tok)
        if tok.kind != "end":
            self.fail(f"expected an operator or the end of the formula but found "
                      f"{describe(tok)}", tok)
        return node

    def iff(self, depth: int) -> Node:
        left = self.implies(depth)
        while self.peek().kind == "iff":
            tok = self.take()
            left = self.check_depth(Node.make("iff", (left, self.implies(depth))), tok)
        return left

    def implies(self, depth: int) -> Node:
        operands, ops = [self.or_(depth)], []
        while self.peek().kind == "implies":
            ops.append(self.take())
            operands.append(self.or_(depth))
        node = operands[-1]
        for left, tok in zip(reversed(operands[:-1]), reversed(ops)):  # a -> (b -> c)
            node = self.check_depth(Node.make("implies", (left, node)), tok)
        return node

    def _nary(self, op: str, lower, depth: int) -> Node:
        first_tok = self.peek()
        args = [lower(depth)]
        while self.peek().kind == op:
            self.take()
            args.append(lower(depth))
        if len(args) == 1:
            return args[0]
        return self.check_depth(Node.make(op, tuple(args)), first_tok)

    def or_(self, depth: int) -> Node:
        return self._nary("or", self.and_, depth)

    def and_(self, depth: int) -> Node:
        return self._nary("and", self.unary, depth)

    def unary(self, depth: int) -> Node:
        nots = []
        while self.peek().kind == "not":
            nots.append(self.take())
        node = self.primary(depth)
        for tok in reversed(nots):
            node = self.check_depth(Node.make("not", (node,)), tok)
        return node

    def primary(self, depth: int) -> Node:
        tok = self.peek()
        if tok.kind == "atom":
            self.take()
            return Node("atom", name=tok.value)
        if tok.kind == "const":
            self.take()
            return Node("const", value=tok.value)
        if tok.kind == "(":
            if depth >= self.limits.max_depth:
                self.fail(f"brackets nested more than {self.limits.max_depth} deep", tok)
            self.take()
            node = self.iff(depth + 1)
            close = self.peek()
            if close.kind != ")":
                self.fail(f"expected ')' to close the '(' at position {tok.pos + 1} but found "
                          f"{describe(close)}", close)
            self.take()
            return node
        message = f"expected an atom or '(' but found {describe(tok)}"
        if tok.kind in BINARY and tok.text.isalpha():
            message += f" ({tok.text!r} is an operator word, so it cannot name an atom)"
        elif tok.kind in BINARY:
            message += " (an operator needs a formula on each side)"
        self.fail(message, tok)


def describe(tok: Token) -> str:
    """How an error message names a token."""
    if tok.kind == "end":
        return "the end of the formula"
    if tok.kind == "atom":
        return f"the atom {tok.text!r}"
    return repr(tok.text)


# -- formulas ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Formula:
    """One parsed formula: the text as typed, its tree, and its atoms in order of appearance."""
    text: str
    tree: Node
    atoms: tuple[str, ...]

    def __str__(self) -> str:
        return render(self.tree)

    def words(self) -> str:
        """The formula with operator words (``not``, ``and``, ...) instead of symbols."""
        return render(self.tree, "words")

    def values(self, columns: Mapping[str, np.ndarray], rows: int) -> np.ndarray:
        """The formula's truth value in every row, given one boolean array per atom."""
        return _evaluate(self.tree, columns, rows)


def _atoms(node: Node, out: dict) -> None:
    if node.op == "atom":
        out.setdefault(node.name, None)
    for arg in node.args:
        _atoms(arg, out)


def _as_text(text: object, label: str, limit: int) -> str:
    """``text`` NFC-normalised, or InputError; ``label`` starts the message ("The premises")."""
    if not isinstance(text, str):
        raise InputError(f"{label} must be text, not {type(text).__name__}.")
    if len(text) > limit:
        verb = "are" if label.endswith("premises") else "is"
        raise InputError(f"{label} {verb} {len(text):,} characters long; the limit is {limit:,}.")
    return unicodedata.normalize("NFC", text)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].strip()


def parse(text: object, *, where: str | None = None, limits: Limits = LIMITS) -> Formula:
    """Read one formula (see the module's help for the syntax), or raise :class:`FormulaError`."""
    text = _as_text(text, where or "The formula", limits.max_formula_chars)
    if "\n" in text.strip() or "\r" in text.strip():
        raise FormulaError("a formula is one line; write each premise on a line of its own",
                           where=where)
    text = _strip_comment(text)
    if not text:
        raise FormulaError("the formula is empty: write something like 'body -> love'",
                           where=where)
    tokens = tokenize(text, where=where, limits=limits)
    tree = _Parser(text, tokens, where, limits).formula()
    found: dict = {}
    _atoms(tree, found)
    return Formula(text, tree, tuple(found))


def _evaluate(node: Node, columns: Mapping[str, np.ndarray], rows: int) -> np.ndarray:
    op = node.op
    if op == "atom":
        return columns[node.name]
    if op == "const":
        return np.full(rows, node.value, dtype=bool)
    if op == "not":
        return np.logical_not(_evaluate(node.args[0], columns, rows))
    if op in ("and", "or"):
        combine = np.logical_and if op == "and" else np.logical_or
        out = combine(_evaluate(node.args[0], columns, rows),
                      _evaluate(node.args[1], columns, rows))
        for arg in node.args[2:]:
            combine(out, _evaluate(arg, columns, rows), out=out)
        return out
    left = _evaluate(node.args[0], columns, rows)
    right = _evaluate(node.args[1], columns, rows)
    if op == "implies":
        out = np.logical_not(left)
        np.logical_or(out, right, out=out)
        return out
    return np.equal(left, right)  # iff


def _allocates(node: Node) -> int:
    """1 when evaluating ``node`` makes a new column (an atom's column is only looked up)."""
    return 0 if node.op == "atom" else 1


def temporaries(node: Node) -> int:
    """Most columns :func:`_evaluate` holds at once while evaluating ``node`` (its result
    included): the memory a formula needs beyond the table, in columns."""
    if node.op == "atom":
        return 0
    if node.op == "const":
        return 1
    if node.op == "not":
        child = node.args[0]
        return max(temporaries(child), _allocates(child) + 1)
    first, second, *rest = node.args
    peak = max(temporaries(first), _allocates(first) + temporaries(second),
               _allocates(first) + _allocates(second) + 1)
    for arg in rest:  # and/or with more than two parts combine in place
        peak = max(peak, 1 + temporaries(arg), 1 + _allocates(arg))
    return peak


# -- arguments -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Argument:
    """Premises and a conclusion, parsed. Build one with :func:`argument`."""
    premises: tuple[Formula, ...]
    conclusion: Formula

    @property
    def atoms(self) -> tuple[str, ...]:
        """Every atom, in order of first appearance (premises first, then the conclusion)."""
        found: dict = {}
        for formula in (*self.premises, self.conclusion):
            for atom in formula.atoms:
                found.setdefault(atom, None)
        return tuple(found)

    @property
    def labels(self) -> list[str]:
        """Column labels of the formulas: ``P1: ...``, ``P2: ...``, ``C: ...``."""
        return [f"P{i}: {p}" for i, p in enumerate(self.premises, start=1)] + [
            f"C: {self.conclusion}"]

    def __str__(self) -> str:
        lines = [f"P{i}. {p}" for i, p in enumerate(self.premises, start=1)]
        return "\n".join(lines + [f"∴  {self.conclusion}"])


_THEREFORE = re.compile(r"^\s*(therefore\b|∴)\s*:?", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, formula) for every line that holds more than blanks and a comment."""
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)
            if _strip_comment(line)]


def argument(premises: object, conclusion: object, *, limits: Limits = LIMITS) -> Argument:
    """Parse an argument. ``premises``: text with one premise per line (blank lines and
    ``#`` comments are skipped) or a list of texts; may be empty. ``conclusion``: one line.

    Raises :class:`FormulaError` (which names the premise and the position) or
    :class:`~seminar.text.InputError` for input of the wrong kind or size.
    """
    if premises is None:
        premises = ""
    if isinstance(premises, str):
        text = _as_text(premises, "The premises", limits.max_text_chars)
        items = [(f"Premise {k} (line {n})", line)
                 for k, (n, line) in enumerate(_lines(text), start=1)]
    elif isinstance(premises, (list, tuple)):
        if len(premises) > limits.max_premises:
            raise InputError(f"There are {len(premises):,} premises; the limit is "
                             f"{limits.max_premises}.")
        items = []
        for k, p in enumerate(premises, start=1):
            if not isinstance(p, str):
                raise InputError(f"Premise {k} must be text, not {type(p).__name__}.")
            items.append((f"Premise {k}", p))
        items = [(w, p) for w, p in items if _strip_comment(p)]
    else:
        raise InputError("The premises must be text (one premise per line) or a list of "
                         f"texts, not {type(premises).__name__}.")
    if len(items) > limits.max_premises:
        raise InputError(f"There are {len(items):,} premises; the limit is {limits.max_premises}.")
    if conclusion is None:
        conclusion = ""
    conclusion = _as_text(conclusion, "The conclusion", limits.max_text_chars)
    lines = _lines(conclusion)
    if not lines:
        raise InputError("The conclusion is empty: write the formula the premises should "
                         "lead to.")
    if len(lines) > 1:
        raise InputError(f"The conclusion is one formula on one line; it has {len(lines)} "
                         "lines. Put the other lines among the premises.")
    line = lines[0][1]
    marker = _THEREFORE.match(line)   # "therefore not love" in the conclusion box is fine
    parsed = tuple(parse(p, where=w, limits=limits) for w, p in items)
    return Argument(parsed, parse(line[marker.end():] if marker else line,
                                  where="The conclusion", limits=limits))


def argument_from_text(text: object, *, limits: Limits = LIMITS) -> Argument:
    """Parse an argument written as one text: premises one per line, then a last line that
    starts with ``therefore`` (or ``∴``) and holds the conclusion."""
    text = _as_text("" if text is None else text, "The argument", limits.max_text_chars)
    lines = _lines(text)
    if not lines:
        raise InputError("The argument is empty: write the premises one per line, then a "
                         "line starting with 'therefore' and the conclusion.")
    marked = [(n, line) for n, line in lines if _THEREFORE.match(line)]
    if not marked:
        raise InputError("No conclusion: start the last line with 'therefore' (or '∴'), "
                         "e.g. 'therefore not love'.")
    if len(marked) > 1:
        raise InputError(f"An argument has one conclusion, but lines "
                         f"{', '.join(str(n) for n, _ in marked)} start with 'therefore'.")
    if marked[0] != lines[-1]:
        raise InputError(f"The conclusion (line {marked[0][0]}) must come last, after the "
                         "premises.")
    n, last = lines[-1]
    premises = [(f"Premise {k} (line {m})", line) for k, (m, line) in enumerate(lines[:-1], 1)]
    if len(premises) > limits.max_premises:
        raise InputError(f"There are {len(premises):,} premises; the limit is "
                         f"{limits.max_premises}.")
    rest = last[_THEREFORE.match(last).end():]
    parsed = tuple(parse(p, where=w, limits=limits) for w, p in premises)
    return Argument(parsed, parse(rest, where=f"The conclusion (line {n})", limits=limits))


def coerce_argument(answer: object, *, limits: Limits = LIMITS) -> Argument:
    """An :class:`Argument` from what a student may hand in: an Argument, the one-text form
    (last line starting with ``therefore``), or a pair ``(premises, conclusion)``."""
    if isinstance(answer, Argument):
        return answer
    if isinstance(answer, str):
        return argument_from_text(answer, limits=limits)
    if isinstance(answer, (tuple, list)) and len(answer) == 2:
        return argument(answer[0], answer[1], limits=limits)
    if isinstance(answer, Mapping) and set(answer) == {"premises", "conclusion"}:
        return argument(answer["premises"], answer["conclusion"], limits=limits)
    raise InputError("Write the argument as text: premises one per line, then a line "
                     f"starting with 'therefore' (got {type(answer).__name__}).")


# -- truth tables -----------------------------------------------------------------------------------
def _check_size(n_atoms: int, n_formulas: int, limits: Limits, temps: int = 0) -> None:
    """Refuse, with a message, a table that would not fit in the memory budget."""
    most = max_atoms(limits)
    if n_atoms > most:
        raise InputError(
            f"This has {n_atoms} atoms, so its truth table would have {2 ** n_atoms:,} rows; "
            f"the limit is {most} atoms ({2 ** most:,} rows, to stay within "
            f"{_mb(limits.memory_budget_bytes)} of memory). Use fewer atoms: let one atom "
            "stand for a whole sentence, or split the argument into steps.")
    need = table_bytes(n_atoms, n_formulas, temps, limits)
    if need > limits.memory_budget_bytes:
        raise InputError(
            f"This truth table would have {2 ** n_atoms:,} rows ({n_atoms} atoms) and "
            f"{n_formulas} formulas, and need about {_mb(need)}: more than the "
            f"{_mb(limits.memory_budget_bytes)} the kit allows. Use fewer atoms or fewer "
            "premises.")


def _mb(n: int) -> str:
    if n >= 2**30:
        return f"{n / 2**30:,.1f} GB"
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n / 2**10:,.0f} kB"


def atom_columns(atoms: Iterable[str], out: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """The atoms' truth values over all 2**n rows: the first atom is T in the top half and
    F in the bottom half, the last atom alternates T, F, T, F (the textbook order).

    At most :data:`MAX_ATOMS` atoms (a longer list, or an endless iterator, is refused at
    once with an :class:`InputError`, before any memory is taken)."""
    if isinstance(atoms, (str, bytes)):
        raise InputError("Give the atoms as a list of names, not one text.")
    atoms = list(islice(atoms, MAX_ATOMS + 1))
    if len(atoms) > MAX_ATOMS:
        raise InputError(f"More than {MAX_ATOMS} atoms: their table would not fit in memory "
                         f"(the limit is {MAX_ATOMS} atoms, {2 ** MAX_ATOMS:,} rows).")
    if out is not None and (getattr(out, "shape", (0, 0))[0] != 2 ** len(atoms)
                            or getattr(out, "ndim", 0) != 2 or out.shape[1] < len(atoms)):
        raise InputError("out must be a 2-D array with 2**len(atoms) rows and a column per atom.")
    n = len(atoms)
    rows = 2 ** n
    columns = {}
    for i, atom in enumerate(atoms):
        half = 2 ** (n - 1 - i)          # a run of T, then a run of F, this long
        length = min(rows, max(2 * half, 4096))
        pattern = np.tile(np.repeat(np.array([True, False]), half), length // (2 * half))
        col = out[:, i] if out is not None else np.empty(rows, dtype=bool)
        col.reshape(-1, length)[:] = pattern   # a view of the column: whole patterns, copied
        columns[atom] = col
    return columns


def truth_table(arg: Argument, *, limits: Limits = LIMITS) -> pd.DataFrame:
    """The argument's truth table: one row per assignment of T/F to the atoms.

    Columns: each atom; each premise (``P1: ...``); the conclusion (``C: ...``);
    ``all premises true``; ``counterexample`` (every premise true, conclusion false).
    The index, named ``row``, counts from 1. Values are booleans.
    """
    if not isinstance(arg, Argument):
        raise InputError(f"Expected an Argument (from argument(...)), not {type(arg).__name__}.")
    atoms = arg.atoms
    formulas = (*arg.premises, arg.conclusion)
    _check_size(len(atoms), len(formulas), limits, max(temporaries(f.tree) for f in formulas))
    rows = 2 ** len(atoms)
    width = len(atoms) + len(formulas) + MARKER_COLUMNS
    # One Fortran-ordered block: each column is contiguous and pandas takes it without a copy.
    block = np.empty((rows, width), dtype=bool, order="F")
    columns = atom_columns(atoms, out=block)
    for j, formula in enumerate(formulas, start=len(atoms)):
        block[:, j] = formula.values(columns, rows)
    premises_true = block[:, width - 2]
    premises_true[:] = True
    for j in range(len(atoms), len(atoms) + len(arg.premises)):
        premises_true &= block[:, j]
    counter = block[:, width - 1]
    np.logical_not(block[:, width - 3], out=counter)
    counter &= premises_true
    labels = [*atoms, *arg.labels, PREMISES_TRUE, COUNTEREXAMPLE]
    index = pd.RangeIndex(1, rows + 1, name="row")
    return pd.DataFrame(block, columns=labels, index=index, copy=False)


@dataclass(frozen=True, eq=False)
class Verdict:
    """What the truth table says about an argument."""
    argument: Argument
    table: pd.DataFrame
    valid: bool
    premise_rows: int          # rows where every premise is true
    counterexample_rows: int   # rows where every premise is true and the conclusion false

    @property
    def rows(self) -> int:
        return len(self.table)

    @property
    def consistent(self) -> bool:
        """True when some row makes every premise true."""
        return self.premise_rows > 0

    def counterexamples(self, limit: int | None = 10) -> pd.DataFrame:
        """The counterexample rows (the first ``limit`` of them; None for all)."""
        picked = np.flatnonzero(self.table[COUNTEREXAMPLE].to_numpy())
        return self.table.iloc[picked if limit is None else picked[:limit]]

    def counterexample(self) -> dict[str, bool] | None:
        """The first counterexample as ``{atom: True/False}``, or None when the argument is valid."""
        first = self.first_counterexample_row()
        if first is None:
            return None
        return {a: bool(self.table.at[first, a]) for a in self.argument.atoms}

    def first_counterexample_row(self) -> int | None:
        """The number (counting from 1) of the first counterexample row, or None."""
        if self.valid:
            return None
        return int(np.argmax(self.table[COUNTEREXAMPLE].to_numpy())) + 1

    def summary(self) -> str:
        """The verdict in one or two sentences."""
        rows = f"{self.rows:,} row" + ("s" if self.rows != 1 else "")
        n_premises = len(self.argument.premises)
        if n_premises == 0:
            if self.valid:
                return (f"Valid: with no premises, the conclusion must be true in every row, "
                        f"and it is (in all {rows}): it is a tautology.")
            return (f"Not valid: with no premises, the conclusion must be true in every row, "
                    f"but it is false in {self.counterexample_rows:,} of the {rows}, "
                    f"for example when {assignment_text(self.counterexample())}.")
        if self.valid and not self.consistent:
            return (f"Valid, but only because no row of the {rows} makes every premise true: "
                    "the premises contradict each other, and contradictory premises 'prove' "
                    "any conclusion at all.")
        if self.valid:
            where = (f"all {n_premises} premises are" if n_premises > 1 else "the premise is")
            return (f"Valid: in every row where {where} true ({self.premise_rows:,} of the "
                    f"{rows}), the conclusion is true too.")
        first = self.first_counterexample_row()
        return (f"Not valid: {self.counterexample_rows:,} of the {rows} "
                f"{'is a counterexample' if self.counterexample_rows == 1 else 'are counterexamples'}"
                f" (every premise true, the conclusion false). The first is row {first:,}: "
                f"{assignment_text(self.counterexample())}.")


def assignment_text(values: Mapping[str, bool] | None) -> str:
    """``{"body": False, "love": True}`` -> ``"body = F, love = T"``."""
    if not values:
        return "(no atoms)"
    return ", ".join(f"{a} = {'T' if v else 'F'}" for a, v in values.items())


def assess(arg: object, conclusion: object = None, *, limits: Limits = LIMITS) -> Verdict:
    """Build the truth table and the verdict.

    ``assess(arg)`` takes an :class:`Argument` (or the one-text form);
    ``assess(premises, conclusion)`` parses them first, like :func:`argument`.
    """
    if conclusion is not None:
        arg = argument(arg, conclusion, limits=limits)
    elif not isinstance(arg, Argument):
        arg = coerce_argument(arg, limits=limits)
    table = truth_table(arg, limits=limits)
    premise_rows = int(table[PREMISES_TRUE].sum())
    counter = int(table[COUNTEREXAMPLE].sum())
    return Verdict(arg, table, counter == 0, premise_rows, counter)


def table_excerpt(verdict: Verdict, max_rows: int = 64) -> tuple[pd.DataFrame, str]:
    """At most ``max_rows`` rows to show, and a note saying which (empty when all are shown).

    A big table shows the counterexamples first, then other rows where every premise is
    true: rows where some premise is false cannot make an argument invalid.
    """
    if isinstance(max_rows, bool) or not isinstance(max_rows, Integral) or max_rows < 1:
        raise ValueError(f"max_rows must be a whole number of at least 1, not {max_rows!r}.")
    table = verdict.table
    if len(table) <= max_rows:
        return table, ""
    counter = np.flatnonzero(table[COUNTEREXAMPLE].to_numpy())[:max_rows]
    others = np.flatnonzero(table[PREMISES_TRUE].to_numpy() & ~table[COUNTEREXAMPLE].to_numpy())
    picked = np.concatenate([counter, others[: max_rows - len(counter)]])
    if len(picked) == 0:
        return table.head(max_rows), (
            f"Showing the first {max_rows} of {len(table):,} rows. No row makes every premise "
            "true, so none of them can be a counterexample.")
    picked.sort()
    shown = table.iloc[picked]
    parts = [f"Showing {len(shown):,} of {len(table):,} rows: "]
    if verdict.counterexample_rows:
        parts.append(f"counterexamples first ({verdict.counterexample_rows:,} in all)")
        if len(shown) > len(counter):
            parts.append(", then other rows where every premise is true")
    else:
        parts.append(f"rows where every premise is true ({verdict.premise_rows:,} in all)")
    parts.append(". Rows where some premise is false cannot make the argument invalid, "
                 "so they are left out.")
    return shown, "".join(parts)


# -- questions about formulas --------------------------------------------------------------------------
def _as_formula(f: object, limits: Limits) -> Formula:
    return f if isinstance(f, Formula) else parse(f, limits=limits)


def equivalent(a: object, b: object, *, limits: Limits = LIMITS) -> bool:
    """True when two formulas have the same truth value in every row."""
    fa, fb = _as_formula(a, limits), _as_formula(b, limits)
    atoms = tuple(dict.fromkeys(fa.atoms + fb.atoms))
    _check_size(len(atoms), 2, limits, temporaries(fa.tree) + temporaries(fb.tree))
    rows = 2 ** len(atoms)
    columns = atom_columns(atoms)
    return bool(np.array_equal(fa.values(columns, rows), fb.values(columns, rows)))


def entails(premises: Iterable[object], conclusion: object, *, limits: Limits = LIMITS) -> bool:
    """True when every row that makes all ``premises`` true makes ``conclusion`` true.

    At most ``limits.max_premises`` premises: more (or an endless iterator) is refused at once.
    """
    if isinstance(premises, (str, bytes)) or not isinstance(premises, Iterable):
        raise InputError("Give the premises as a list of formulas (texts), e.g. "
                         "['love -> limbic', 'love'].")
    listed = list(islice(premises, limits.max_premises + 1))
    if len(listed) > limits.max_premises:
        raise InputError(f"More than {limits.max_premises} premises: the limit is "
                         f"{limits.max_premises}.")
    ps = tuple(_as_formula(p, limits) for p in listed)
    return assess(Argument(ps, _as_formula(conclusion, limits)), limits=limits).valid


def _truth(atom: str, value: object) -> bool:
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, Integral) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().casefold() in ("t", "true", "f", "false"):
        return value.strip().casefold() in ("t", "true")
    raise InputError(f"The value for {atom!r} must be True or False, not {value!r}.")


def row_values(arg: Argument, values: object) -> dict[str, bool]:
    """Each formula's truth value (keyed by its label) in the row given as ``{atom: T/F}``.

    Every atom of the argument needs a value (True/False; 1/0 and "T"/"F" also work).
    """
    if not isinstance(values, Mapping):
        raise InputError("Give the row as a dict of atoms to True/False, e.g. "
                         f"{{'body': False, 'love': True}}; got {type(values).__name__}.")
    given = {}
    for key, value in values.items():
        if not isinstance(key, str):
            raise InputError(f"Atom names are text; {key!r} is {type(key).__name__}.")
        given[key.strip().lower()] = _truth(key, value)
    atoms = arg.atoms
    missing = [a for a in atoms if a not in given]
    unknown = [a for a in given if a not in atoms]
    if unknown:
        raise InputError(f"{', '.join(map(repr, unknown))} "
                         f"{'is not an atom' if len(unknown) == 1 else 'are not atoms'} of this "
                         f"argument (its atoms: {', '.join(atoms)}).")
    if missing:
        raise InputError(f"No value for {', '.join(map(repr, missing))}: a row gives every "
                         f"atom a value (this argument's atoms: {', '.join(atoms)}).")
    columns = {a: np.array([given[a]]) for a in atoms}
    formulas = (*arg.premises, arg.conclusion)
    return {label: bool(f.values(columns, 1)[0]) for label, f in zip(arg.labels, formulas)}


def is_counterexample(arg: Argument, values: object) -> bool:
    """True when the row ``{atom: T/F}`` makes every premise true and the conclusion false."""
    result = list(row_values(arg, values).values())
    return all(result[:-1]) and not result[-1]


def syntax_table() -> pd.DataFrame:
    """The operators, how to write them, and how tightly they bind (1 = tightest)."""
    rows = []
    for rank, op in enumerate(OPERATORS, start=1):
        spellings = sorted((s for s, k in SYMBOLS if k == op),
                           key=lambda s: (not s.isascii(), len(s)))
        rows.append({"binds": rank, "word": op, "symbols": "  ".join(spellings),
                     "true when": _MEANING[op]})
    return pd.DataFrame(rows).set_index("binds")


_MEANING = {
    "not": "the part after it is false",
    "and": "both sides are true",
    "or": "at least one side is true",
    "implies": "the left side is false or the right side is true",
    "iff": "both sides have the same value",
}
