"""The ghostwriter: letters composed from a customer's nuggets through templates kept as data.

Theodore's job, as the essays describe it: customers send him nuggets from their lives and he
returns affectionate words for them to share as their own. This toy writer does the same with
a template. It never invents anything: every character of a letter is either the customer's
(a nugget) or the writer's (the template's stock text and stock phrases), and the letter
keeps a record of which, so the share of the customer's own material can be measured.

Template syntax
---------------
A template is plain text with two kinds of marks:

* ``{beloved}`` is a **nugget**: it is replaced by the customer's nugget of that name, exactly
  as the customer wrote it. A name is a letter followed by letters, digits or ``_``
  (``{first_meeting}``); case does not matter (``{Beloved}`` is ``{beloved}``).
* ``[Dear|Dearest|My love]`` is a **choice among stock phrases**: the writer uses one of the
  alternatives between the ``|``. Which one is a seeded random choice, so the same template,
  customer and seed always give the same letter. An alternative may be empty (``[truly |]``
  says "truly " or nothing) and may hold nuggets (``[I think of {memory}|{memory} stays with
  me]``). A choice needs at least two alternatives; choices do not nest.
* Everything else is the writer's **stock text**, copied as it is. A ``|`` outside a choice is
  ordinary text. Braces and square brackets are always marks, so stock text cannot contain
  them (a nugget may contain any character: it is never read as a template).

The kit's templates are in ``seminar/data/letter_templates/templates.md`` (one ``## name``
section per template); its invented example customers in ``example_customers.csv`` there.

Missing nuggets
---------------
Every nugget a template names anywhere (also inside a choice) must be given. With
``missing="error"`` (the default of :func:`compose`) a missing one raises :class:`LetterError`
naming all of them. With ``missing="mark"`` the letter gets a clearly marked gap,
``⟦missing: beloved⟧``, and lists the names in ``Letter.missing``; :func:`compare` uses
"mark", so one incomplete customer never stops a batch. A nugget that is empty text, None
or NaN counts as missing.

The own-material share
----------------------
Every character of a letter comes from one source: ``"nugget"`` (the customer's own
material), ``"stock"`` (the writer's template text and stock phrases) or ``"gap"``.

* **Words** (``by="words"``, the default). A word is a run of characters that are not
  spaces, punctuation or invisible formatting marks; an apostrophe or a hyphen between two
  such characters joins them ("Kasia's" and "seven-year" are one word each; an em dash
  separates). A word belongs to the source of its **first** character, so in
  ``{beloved}'s`` the whole word "Kasia's" is the customer's. The share is
  ``nugget words / (nugget words + stock words)``.
* **Characters** (``by="chars"``). Every character counts except spaces, line breaks and
  invisible marks (punctuation counts). The share is
  ``nugget characters / (nugget characters + stock characters)``.

Gaps count for neither side. A nugget used twice counts twice (the letter says it twice).
A letter with no words has no share (NaN). Scripts written without spaces between words
(Chinese, Japanese, Thai) make a whole run one word: use ``by="chars"`` for them. An emoji
counts as a word, and as many characters as it has code points.

Example::

    >>> from seminar.models.letters import compose
    >>> letter = compose("Dear {beloved}, thank you.", {"beloved": "Maya"})
    >>> letter.text
    'Dear Maya, thank you.'
    >>> letter.own_share()          # Maya: 1 of 4 words
    0.25

No widgets here: ``seminar.views.letters`` is the app.
"""
from __future__ import annotations

import bisect
import functools
import math
import random
import re
import unicodedata
from dataclasses import dataclass, field
from numbers import Integral, Real
from pathlib import Path
from typing import Mapping

import pandas as pd

from seminar import DATA_DIR
from seminar.text import InputError, clean_text

TEMPLATES_DIR = DATA_DIR / "letter_templates"
TEMPLATES_MD = TEMPLATES_DIR / "templates.md"
CUSTOMERS_CSV = TEMPLATES_DIR / "example_customers.csv"

SOURCES = ("nugget", "stock", "gap")
MISSING_MODES = ("error", "mark")
SHARE_KINDS = ("words", "chars")

#: Limits (beyond them: a clear message, never a slow or stuck notebook).
MAX_TEMPLATE_CHARS = 20_000
MAX_NUGGET_CHARS = 2_000
MAX_NAME_CHARS = 40
MAX_NUGGETS = 50
MAX_CUSTOMER_CHARS = 100
MAX_CUSTOMERS = 10_000
MAX_SEED = 2**32 - 1
#: Longest letter the writer will produce (a template repeating a long nugget could go further).
MAX_LETTER_CHARS = 200_000

GAP = "⟦missing: {name}⟧"
#: Column order of :func:`compare`'s table.
COMPARE_COLUMNS = ["letter", "words", "own_words", "stock_words", "own_share_words", "chars",
                   "own_chars", "stock_chars", "own_share_chars", "missing", "unused", "problem"]

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_JOINERS = frozenset("'\u2019-\u2010")  # apostrophes and hyphens that join a word


class LetterError(InputError):
    """A template, a nugget or a customer the writer cannot use; the message says why."""


# ----------------------------------------------------------------------- small checks
def _short(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_seed(seed) -> int:
    """``seed`` as an int from 0 to MAX_SEED, else ValueError naming the range."""
    if isinstance(seed, bool) or not isinstance(seed, Integral):
        raise ValueError(f"seed must be a whole number from 0 to {MAX_SEED:,}; "
                         f"got {type(seed).__name__} {_short(seed)}.")
    if not 0 <= int(seed) <= MAX_SEED:
        raise ValueError(f"seed must be a whole number from 0 to {MAX_SEED:,}; got {int(seed):,}.")
    return int(seed)


def _choice_of(name: str, value, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(repr(a) for a in allowed)}; "
                         f"got {_short(value)}.")
    return value.strip().lower()


def check_name(name, what: str = "nugget name") -> str:
    """A nugget's name, lower-cased; LetterError if it is not a letter then letters/digits/_."""
    if not isinstance(name, str):
        raise LetterError(f"A {what} must be text, not {type(name).__name__} {_short(name)}.")
    clean = name.strip()
    if not clean:
        raise LetterError(f"A {what} is empty: give it a name such as beloved.")
    if len(clean) > MAX_NAME_CHARS:
        raise LetterError(f"The {what} {clean[:20]!r}... is {len(clean)} characters long; "
                          f"the limit is {MAX_NAME_CHARS}.")
    if not _NAME.fullmatch(clean):
        suggestion = re.sub(r"[^A-Za-z0-9_]+", "_", clean).strip("_").lower()
        hint = (f" Write {suggestion!r} instead." if suggestion and _NAME.fullmatch(suggestion)
                else "")
        raise LetterError(f"The {what} {clean!r} is not allowed: a name is a letter followed by "
                          f"letters, digits or _ (no spaces or accents).{hint}")
    return clean.lower()


def check_customer(customer) -> str:
    """A customer's label: text up to MAX_CUSTOMER_CHARS (may be empty)."""
    if customer is None:
        return ""
    if isinstance(customer, Integral) and not isinstance(customer, bool):
        customer = str(customer)
    if not isinstance(customer, str):
        raise LetterError(f"A customer's name must be text, not {type(customer).__name__}.")
    return clean_text(customer, what="customer's name", max_chars=MAX_CUSTOMER_CHARS,
                      allow_empty=True)


# ----------------------------------------------------------------------- templates
def _where(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}"


def parse_template(text: str) -> tuple:
    """Parse template text into tokens (see the module's docstring for the syntax).

    Tokens: ``("stock", text)``, ``("nugget", name)`` and ``("choice", (alt, alt, ...))``
    where each alternative is a tuple of stock and nugget tokens. Raises :class:`LetterError`
    naming the line and column of the first mistake.
    """
    if not isinstance(text, str):
        raise LetterError(f"A template must be text, not {type(text).__name__}.")
    tokens: list = []
    alternatives: list[list] | None = None  # inside [ ... ]
    opened = 0                                 # where the open [ is
    current = tokens
    buf: list[str] = []

    def flush():
        if buf:
            piece = "".join(buf)
            if current and current[-1][0] == "stock":
                current[-1] = ("stock", current[-1][1] + piece)
            else:
                current.append(("stock", piece))
            buf.clear()

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "{":
            if text.startswith("{{", i):
                raise LetterError(f"Double braces at {_where(text, i)}: a nugget takes one pair, "
                                  "as in {beloved}.")
            close = text.find("}", i + 1)
            other = text.find("{", i + 1)
            if close < 0 or (0 <= other < close):
                raise LetterError(f"The {{ at {_where(text, i)} is never closed: "
                                  "write a nugget as {name}.")
            raw = text[i + 1:close]
            if not raw.strip():
                raise LetterError(f"Empty braces at {_where(text, i)}: put a nugget's name "
                                  "inside, as in {beloved}.")
            try:
                name = check_name(raw)
            except LetterError as exc:
                raise LetterError(f"At {_where(text, i)}: {exc}") from None
            flush()
            current.append(("nugget", name))
            i = close + 1
            continue
        if ch == "}":
            raise LetterError(f"The }} at {_where(text, i)} has no {{ before it.")
        if ch == "[":
            if alternatives is not None:
                raise LetterError(f"A [ at {_where(text, i)} inside the choice opened at "
                                  f"{_where(text, opened)}: choices do not nest.")
            flush()
            alternatives, opened = [[]], i
            current = alternatives[-1]
        elif ch == "|" and alternatives is not None:
            flush()
            alternatives.append([])
            current = alternatives[-1]
        elif ch == "]":
            if alternatives is None:
                raise LetterError(f"The ] at {_where(text, i)} has no [ before it.")
            flush()
            if len(alternatives) < 2:
                raise LetterError(f"The choice at {_where(text, opened)} has only one "
                                  "alternative: separate two or more with |, as in "
                                  "[Dear|Dearest]. (A nugget is written {name}.)")
            tokens.append(("choice", tuple(tuple(a) for a in alternatives)))
            alternatives, current = None, tokens
        else:
            buf.append(ch)
        i += 1
    if alternatives is not None:
        raise LetterError(f"The choice opened at {_where(text, opened)} is never closed "
                          "with ].")
    flush()
    return tuple(tokens)


@dataclass(frozen=True)
class Template:
    """A parsed template. ``nuggets``: the names it uses, in order of first use."""
    text: str
    name: str = "my template"
    tokens: tuple = field(init=False, repr=False, compare=False)
    nuggets: tuple[str, ...] = field(init=False, repr=False, compare=False)
    choices: int = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if isinstance(self.text, Template):
            raise LetterError("This is already a Template: pass it as it is.")
        if not isinstance(self.text, str):
            raise LetterError(f"A template must be text, not {type(self.text).__name__}.")
        text = clean_text(self.text, what="template", max_chars=MAX_TEMPLATE_CHARS)
        name = clean_text(self.name, what="template's name", max_chars=MAX_CUSTOMER_CHARS) \
            if isinstance(self.name, str) else None
        if name is None:
            raise LetterError(f"A template's name must be text, not {type(self.name).__name__}.")
        tokens = parse_template(text)
        used: list[str] = []
        for kind, value in tokens:
            inner = [t for alt in value for t in alt] if kind == "choice" else [(kind, value)]
            used.extend(v for k, v in inner if k == "nugget" and v not in used)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "nuggets", tuple(used))
        object.__setattr__(self, "choices", sum(1 for k, _ in tokens if k == "choice"))


def as_template(template) -> Template:
    """A :class:`Template` from a Template or template text."""
    return template if isinstance(template, Template) else Template(template)


def load_templates(path: str | Path = TEMPLATES_MD) -> dict[str, Template]:
    """The templates of a Markdown file: each ``## name`` heading starts one; text before the
    first heading is documentation. Errors name the file, the template and its line."""
    if not isinstance(path, (str, Path)):
        raise LetterError(f"Give the template file as a path (text), not {type(path).__name__}.")
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LetterError(f"There is no template file at {path}.") from None
    except UnicodeDecodeError:
        raise LetterError(f"{path.name} is not UTF-8 text: save it as UTF-8.") from None
    found: dict[str, Template] = {}
    lines = text.splitlines()
    heads = [i for i, line in enumerate(lines) if line.startswith("## ")]
    for k, start in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        name = lines[start][3:].strip()
        where = f"{path.name}, line {start + 1}"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
            raise LetterError(f"{where}: a template's name is lower-case letters, digits and -, "
                              f"not {name!r}.")
        if name in found:
            raise LetterError(f"{where}: a second template called {name!r}.")
        body = "\n".join(lines[start + 1:end])
        try:
            found[name] = Template(body, name=name)
        except InputError as exc:
            raise LetterError(f"{where} (template {name!r}): {exc}") from None
    if not found:
        raise LetterError(f"{path.name} has no templates: start each with a line '## name'.")
    return found


def template(name: str) -> Template:
    """One of the kit's templates by name (``"anniversary"``, ...)."""
    if not isinstance(name, str):
        raise LetterError(f"A template's name is text such as 'anniversary', not {type(name).__name__}.")
    templates = load_templates()
    if name not in templates:
        raise LetterError(f"No template called {name!r}; the kit has: {', '.join(templates)}.")
    return templates[name]


# ----------------------------------------------------------------------- nuggets and customers
def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def check_nuggets(nuggets) -> dict[str, str]:
    """The nuggets as ``{name: text}``; names lower-cased, texts cleaned; missing ones dropped.

    Accepts a dict (or a pandas Series). Values may be text or whole numbers (``years: 7``);
    empty text, None and NaN count as missing. Raises :class:`LetterError` for anything else.
    """
    if isinstance(nuggets, pd.Series):
        nuggets = nuggets.to_dict()
    if not isinstance(nuggets, Mapping):
        raise LetterError(f"The nuggets must be a dict of name -> text, not "
                          f"{type(nuggets).__name__}.")
    if len(nuggets) > MAX_NUGGETS:
        raise LetterError(f"{len(nuggets)} nuggets; a customer may send at most {MAX_NUGGETS}.")
    out: dict[str, str | None] = {}
    for raw_name, value in nuggets.items():
        name = check_name(raw_name)
        if name in out:
            raise LetterError(f"The nugget {name!r} is given twice (names ignore case).")
        if _is_missing(value):
            out[name] = None  # missing: remembered only to catch a duplicate name
            continue
        if isinstance(value, bool) or not isinstance(value, (str, Real)):
            raise LetterError(f"The nugget {name!r} must be text, not {type(value).__name__}.")
        if isinstance(value, Integral):
            value = str(int(value))
        elif isinstance(value, Real):
            number = float(value)
            if math.isinf(number):
                raise LetterError(f"The nugget {name!r} is infinite: write it as text.")
            value = str(int(number)) if number.is_integer() else repr(number)
        text = clean_text(value, what=f"nugget {name!r}", max_chars=MAX_NUGGET_CHARS,
                          allow_empty=True)
        if text:
            out[name] = text
        else:
            out[name] = None
    return {k: v for k, v in out.items() if v is not None}


def parse_nuggets(text: str) -> dict[str, str]:
    """Nuggets typed one per line as ``name: text`` (blank lines and lines starting with # are
    skipped; an empty text after the colon is a missing nugget)."""
    text = clean_text(text, what="list of nuggets", max_chars=MAX_NUGGETS * (MAX_NUGGET_CHARS + 50),
                      allow_empty=True)
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if ":" not in stripped:
            raise LetterError(f"Line {number} of the nuggets has no colon: write one nugget per "
                              f"line, as in  beloved: Maya")
        name, value = stripped.split(":", 1)
        try:
            name = check_name(name)
        except LetterError as exc:
            raise LetterError(f"Line {number} of the nuggets: {exc}") from None
        if name in found:
            raise LetterError(f"Line {number} of the nuggets: {name!r} is given twice.")
        found[name] = value.strip()
    return check_nuggets(found)


def nuggets_text(nuggets) -> str:
    """The inverse of :func:`parse_nuggets`: one ``name: text`` line per nugget."""
    return "\n".join(f"{name}: {' '.join(value.split())}"
                     for name, value in check_nuggets(nuggets).items())


def example_customers(path: str | Path = CUSTOMERS_CSV) -> pd.DataFrame:
    """The kit's example customers (all invented), one row each, indexed by ``customer``.

    Columns are nugget names; an empty cell is a nugget the customer did not send.
    """
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise LetterError(f"There is no customer file at {path}.") from None
    if "customer" not in frame.columns:
        raise LetterError(f"{Path(path).name} needs a column called 'customer'.")
    return frame.set_index("customer")


def _customer_rows(customers) -> list[tuple[str, object]]:
    """(label, nuggets) pairs from a DataFrame (one row per customer) or a dict of dicts."""
    if isinstance(customers, pd.DataFrame):
        frame = customers
        if "customer" in frame.columns:
            frame = frame.set_index("customer")
        labels = [str(x) for x in frame.index]
        rows = [(label, {k: v for k, v in row.items()})
                for label, (_, row) in zip(labels, frame.iterrows())]
    elif isinstance(customers, Mapping):
        rows = [(str(k), v) for k, v in customers.items()]
    else:
        raise LetterError("The customers must be a pandas DataFrame (one row per customer) or "
                          f"a dict of name -> nuggets, not {type(customers).__name__}.")
    if not rows:
        raise LetterError("There are no customers: give at least one.")
    if len(rows) > MAX_CUSTOMERS:
        raise LetterError(f"{len(rows):,} customers; the limit is {MAX_CUSTOMERS:,}.")
    seen = set()
    for label, _ in rows:
        if label in seen:
            raise LetterError(f"Two customers are both called {label!r}: give each its own name.")
        seen.add(label)
    return rows


# ----------------------------------------------------------------------- letters
@dataclass(frozen=True)
class Piece:
    """A stretch of a letter and where it came from (``nugget`` names the nugget)."""
    text: str
    source: str
    nugget: str | None = None


_CLASSES: dict[str, str] = {}
_WORD = re.compile(r"w(?:[wi]|j(?=i*w))*")   # a joiner counts only between word characters


def _classify(ch: str) -> str:
    """'w' word character, 'j' joiner, 'p' punctuation, 's' space, 'i' invisible mark."""
    found = _CLASSES.get(ch)
    if found is None:
        cat = unicodedata.category(ch)
        if ch in _JOINERS:
            found = "j"
        elif cat in ("Cf", "Cc"):
            found = "i"
        elif ch.isspace() or cat[0] == "Z":
            found = "s"
        elif cat[0] == "P":
            found = "p"
        else:
            found = "w"
        if len(_CLASSES) < 100_000:
            _CLASSES[ch] = found
    return found


@dataclass(frozen=True)
class Tally:
    """What :meth:`Letter.counts` counts: the words with their sources, and characters by source."""
    words: tuple[tuple[str, str, str | None], ...]
    chars: dict


def _tally(pieces) -> Tally:
    """Words (text, source, nugget) and counted characters by source, by the module's rules."""
    text = "".join(p.text for p in pieces)
    classes = "".join(map(_classify, text))
    ends, chars, at = [], {s: 0 for s in SOURCES}, 0
    for p in pieces:
        part = classes[at:at + len(p.text)]
        chars[p.source] += len(part) - part.count("s") - part.count("i")
        at += len(p.text)
        ends.append(at)
    found = []
    for m in _WORD.finditer(classes):
        a, b = m.span()
        word = text[a:b]
        if "i" in m.group():
            word = "".join(ch for ch, c in zip(word, m.group()) if c != "i")
        piece = pieces[bisect.bisect_right(ends, a)]
        found.append((word, piece.source, piece.nugget))
    return Tally(tuple(found), chars)


@dataclass(frozen=True)
class Letter:
    """A composed letter: its pieces, and what was missing or left unused."""
    pieces: tuple[Piece, ...]
    template: str = "my template"
    customer: str = ""
    seed: int = 0
    missing: tuple[str, ...] = ()
    unused: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def __str__(self) -> str:
        return self.text

    @functools.cached_property
    def tally(self) -> Tally:
        """The counted words and characters (computed once per letter)."""
        return _tally(self.pieces)

    def words(self) -> pd.DataFrame:
        """One row per word: the word, its source, and the nugget it came from ("" for stock)."""
        rows = [(w, s, n or "") for w, s, n in self.tally.words]
        frame = pd.DataFrame(rows, columns=["word", "source", "nugget"])
        frame.index = pd.RangeIndex(1, len(frame) + 1, name="n")
        return frame

    def pieces_frame(self) -> pd.DataFrame:
        """One row per piece: its text, source and nugget name ("" for stock)."""
        frame = pd.DataFrame([(p.text, p.source, p.nugget or "") for p in self.pieces],
                             columns=["text", "source", "nugget"])
        frame.index = pd.RangeIndex(1, len(frame) + 1, name="piece")
        return frame

    def counts(self) -> dict:
        """Words and characters by source (gaps are counted apart, in ``gaps``)."""
        by_word = {s: 0 for s in SOURCES}
        for _, source, _ in self.tally.words:
            by_word[source] += 1
        by_char = self.tally.chars
        return {"words": by_word["nugget"] + by_word["stock"], "own_words": by_word["nugget"],
                "stock_words": by_word["stock"],
                "chars": by_char["nugget"] + by_char["stock"], "own_chars": by_char["nugget"],
                "stock_chars": by_char["stock"], "gaps": len(self.missing)}

    def own_share(self, by: str = "words") -> float:
        """The share of the letter that is the customer's own material (0 to 1; NaN if empty)."""
        return own_share(self, by=by)


def _choose(tokens, rng: random.Random) -> list:
    """The stock and nugget tokens of one letter, with each choice made."""
    out = []
    for kind, value in tokens:
        if kind == "choice":
            out.extend(value[rng.randrange(len(value))])
        else:
            out.append((kind, value))
    return out


def compose(template, nuggets, *, seed: int = 0, customer: str = "",
            missing: str = "error") -> Letter:
    """Write a letter from ``template`` (a Template or template text) and ``nuggets``.

    The stock phrases are chosen with ``random.Random(f"letters|{seed}|{customer}")``: the same
    template, customer and seed give the same letter, and two customers (usually) differ.
    ``missing`` is "error" (raise LetterError naming every missing nugget) or "mark" (write a
    gap ``⟦missing: name⟧`` and list it in ``Letter.missing``).
    """
    tpl = as_template(template)
    seed = check_seed(seed)
    missing = _choice_of("missing", missing, MISSING_MODES)
    customer = check_customer(customer)
    given = check_nuggets(nuggets)
    absent = tuple(n for n in tpl.nuggets if n not in given)
    if absent and missing == "error":
        who = f"{customer}'s nuggets" if customer else "the nuggets"
        names = ", ".join("{" + n + "}" for n in absent)
        have = ", ".join(given) or "none"
        raise LetterError(f"The template needs {names}, which {who} do not include "
                          f"(given: {have}). Add the nugget, or take it out of the template.")
    rng = random.Random(f"letters|{seed}|{customer}")
    pieces: list[Piece] = []
    length = 0
    for kind, value in _choose(tpl.tokens, rng):
        if kind == "stock":
            piece = Piece(value, "stock")
        elif value in given:
            piece = Piece(given[value], "nugget", value)
        else:
            piece = Piece(GAP.format(name=value), "gap", value)
        length += len(piece.text)
        if length > MAX_LETTER_CHARS:
            raise LetterError(f"The letter would be more than {MAX_LETTER_CHARS:,} characters "
                              "long: use fewer or shorter nuggets, or a shorter template.")
        if pieces and piece.source == "stock" and pieces[-1].source == "stock":
            pieces[-1] = Piece(pieces[-1].text + piece.text, "stock")
        else:
            pieces.append(piece)
    unused = tuple(n for n in given if n not in tpl.nuggets)
    return Letter(tuple(pieces), template=tpl.name, customer=customer, seed=seed,
                  missing=absent, unused=unused)


def own_share(letter: Letter, by: str = "words") -> float:
    """Nugget words / (nugget + stock words), or the same for characters with ``by="chars"``."""
    if not isinstance(letter, Letter):
        raise ValueError(f"own_share needs a Letter (from compose), not {type(letter).__name__}.")
    by = _choice_of("by", by, SHARE_KINDS)
    c = letter.counts()
    own, total = (c["own_words"], c["words"]) if by == "words" else (c["own_chars"], c["chars"])
    return own / total if total else float("nan")


def words(text: str) -> list[str]:
    """The words of a text, by the same rule as the own-material share."""
    text = clean_text(text, what="text", max_chars=1_000_000, allow_empty=True)
    return [w for w, _, _ in _tally([Piece(text, "stock")]).words]


# ----------------------------------------------------------------------- many customers
def write_all(template, customers, *, seed: int = 0,
              missing: str = "mark") -> dict[str, Letter | LetterError]:
    """A letter for every customer; a customer whose nuggets cannot be used gets the error
    (a LetterError with the reason) instead of a letter, so a batch never stops half-way."""
    tpl = as_template(template)
    seed = check_seed(seed)
    missing = _choice_of("missing", missing, MISSING_MODES)
    out: dict[str, Letter | LetterError] = {}
    for label, nuggets in _customer_rows(customers):
        try:
            out[label] = compose(tpl, nuggets, seed=seed, customer=label, missing=missing)
        except InputError as exc:
            out[label] = exc if isinstance(exc, LetterError) else LetterError(str(exc))
    return out


def summarise(letters: Mapping[str, Letter | Exception]) -> pd.DataFrame:
    """The table of :func:`compare` for letters already written."""
    rows = []
    for label, letter in letters.items():
        if isinstance(letter, Letter):
            c = letter.counts()
            rows.append({"customer": label, "letter": letter.text, "words": c["words"],
                         "own_words": c["own_words"], "stock_words": c["stock_words"],
                         "own_share_words": own_share(letter, "words"), "chars": c["chars"],
                         "own_chars": c["own_chars"], "stock_chars": c["stock_chars"],
                         "own_share_chars": own_share(letter, "chars"),
                         "missing": ", ".join(letter.missing), "unused": ", ".join(letter.unused),
                         "problem": ""})
        else:
            rows.append({"customer": label, "letter": "", "problem": str(letter),
                         "missing": "", "unused": ""})
    frame = pd.DataFrame(rows, columns=["customer"] + COMPARE_COLUMNS).set_index("customer")
    for col in ("words", "own_words", "stock_words", "chars", "own_chars", "stock_chars"):
        frame[col] = frame[col].astype("Int64")
    for col in ("own_share_words", "own_share_chars"):
        frame[col] = frame[col].astype(float)
    return frame


def compare(template, customers, *, seed: int = 0, missing: str = "mark") -> pd.DataFrame:
    """One row per customer: the letter, its word and character counts by source, the two
    own-material shares, missing and unused nuggets, and a problem (if the row has no letter)."""
    return summarise(write_all(template, customers, seed=seed, missing=missing))


def side_by_side(templates, nuggets, *, seed: int = 0, customer: str = "",
                 missing: str = "mark") -> pd.DataFrame:
    """One customer's letter from several templates: a dict (or list) of templates -> a table
    with one row per template (same columns as :func:`compare`)."""
    if isinstance(templates, (str, Template)):
        templates = [templates]
    if isinstance(templates, Mapping):
        items = list(templates.items())
    else:
        items = []
        for number, t in enumerate(templates, start=1):
            t = as_template(t)
            taken = {name for name, _ in items}
            items.append((t.name if t.name not in taken else f"{t.name} ({number})", t))
    letters: dict[str, Letter | Exception] = {}
    for name, tpl in items:
        try:
            letters[str(name)] = compose(tpl, nuggets, seed=seed, customer=customer,
                                         missing=missing)
        except InputError as exc:
            letters[str(name)] = exc
    return summarise(letters).rename_axis("template")


# ----------------------------------------------------------------------- tables for reading
#: Column -> the label a student reads, for the tables of :func:`compare` and
#: :func:`side_by_side` and for :meth:`Letter.counts`. Code keeps the column names.
LABELS = {
    "letter": "letter",
    "words": "words",
    "own_words": "customer's own words",
    "stock_words": "writer's stock words",
    "own_share_words": "own share by words",
    "chars": "characters",
    "own_chars": "customer's own characters",
    "stock_chars": "writer's stock characters",
    "own_share_chars": "own share by characters",
    "missing": "missing nuggets",
    "unused": "unused nuggets",
    "problem": "problem",
    "gaps": "marked gaps",
}


def readable(table: pd.DataFrame, digits: int = 3) -> pd.DataFrame:
    """A table of :func:`compare` or :func:`side_by_side` for reading: columns in words
    (:data:`LABELS`), the two shares rounded to ``digits`` decimals (0.426, not 0.426471).

    Select the columns first, by their names in code::

        readable(table[["words", "own_share_words"]])
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table must be a table made by compare() or side_by_side(); got {_short(table)}.")
    digits = int(digits)
    out = table.copy()
    for column in ("own_share_words", "own_share_chars"):
        if column in out.columns:
            out[column] = out[column].astype(float).round(digits)
    return out.rename(columns=LABELS)


def describe_counts(letter: Letter) -> str:
    """A letter's counts in words: ``"7 words: 3 the customer's own, 4 the writer's stock
    text. 28 characters: 11 the customer's own, 17 the writer's."`` (gaps, if any, named)."""
    if not isinstance(letter, Letter):
        raise ValueError(f"describe_counts needs a Letter (from compose), not {type(letter).__name__}.")
    c = letter.counts()
    text = (f"{c['words']:,} words: {c['own_words']:,} the customer's own, {c['stock_words']:,} "
            f"the writer's stock text. {c['chars']:,} characters: {c['own_chars']:,} the "
            f"customer's own, {c['stock_chars']:,} the writer's.")
    if c["gaps"]:
        text += f" {c['gaps']:,} marked gap{'s' if c['gaps'] != 1 else ''} (a missing nugget)."
    return text
