"""The Chinese Room: a rulebook as data, an operator who only compares shapes, and Blockhead.

Searle's thought experiment as a toy. Cards of Chinese come in through a slot; an operator
who reads no Chinese finds the row of the rulebook whose shapes match the card and copies the
row's reply onto a new card. The room's replies can look fluent; the operator's trace shows
every step and understands none of them.

The rulebook (``seminar/data/rulebook.csv``) has two columns, ``pattern`` and ``reply``:

* A pattern matches a **whole message**: ``你好`` matches the card 你好 and nothing longer.
* ``*`` is the **wildcard**: it stands for any run of shapes, including none. ``*吗`` matches
  every card that ends in 吗; ``我叫*`` every card that starts with 我叫. A pattern may hold
  several stars, but never two in a row. The full-width ``＊`` of a Chinese keyboard counts
  as ``*``. There are no other special characters and no escapes (``.*`` and ``\\*`` are
  refused, so a regular expression is not mistaken for a pattern).
* In a reply, ``{1}``, ``{2}``, ... copy the shapes that the first, second, ... star of the
  pattern covered (``我叫*`` -> ``你好，{1}！``).
* Spaces and punctuation marks (。，！？ and their Western forms) do not count: the operator
  compares the remaining shapes only, so 你好！ and 你好 are the same card.
* **First match wins**: rows are tried from the top, and the first row that matches is used.
* A row whose pattern is a lone ``*`` is the rulebook's **catch-all** (its fallback): it is
  used only when no other row matches, wherever it stands in the file (it is saved last).
  A rulebook without one answers an unmatched card with a blank card.

The glossary (``seminar/data/glossary.csv``: ``chinese``, ``english``) is for the observer
outside the room only. :class:`ChineseRoom` never reads it; :class:`Glossary` is there so a
view can show the observer what the shapes mean.

This module imports no widgets: ``seminar.views.room`` is the app.
"""
from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from numbers import Integral, Real
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from seminar import DATA_DIR
from seminar.text import InputError, clean_text

RULEBOOK_CSV = DATA_DIR / "rulebook.csv"
GLOSSARY_CSV = DATA_DIR / "glossary.csv"
RULEBOOK_COLUMNS = ("pattern", "reply")
GLOSSARY_COLUMNS = ("chinese", "english")
WILDCARD = "*"

#: What a camera can send in (the robot reply): a scene, and the shapes the camera writes for it.
#: The shipped rulebook has rows for these cards (下雨*..., 晴天*...).
CAMERA_CARDS = {"rain": "下雨", "a sunny day": "晴天"}

#: Longest card a person may pass into the room.
MAX_MESSAGE_CHARS = 1_000
MAX_PATTERN_CHARS = 200
MAX_REPLY_CHARS = 500
#: Most rows a rulebook may hold (the benchmark uses 1,000; a class never needs more).
MAX_RULES = 100_000
#: Largest rulebook file the kit will read, in bytes.
MAX_FILE_BYTES = 20_000_000

_PLACEHOLDER = re.compile(r"\{(\d+)\}")


class RulebookError(InputError):
    """A rulebook or glossary that cannot be used; ``line`` is the file line at fault (or None)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


# -- shapes ---------------------------------------------------------------------------
def shapes(text: str) -> str:
    """The shapes of ``text`` the operator compares: spaces, punctuation and invisible
    formatting characters (such as a right-to-left mark) set aside.

    Text is NFKC-normalised (full-width ``？`` and ``?`` are one mark) and case-folded.
    """
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text
                   if not ch.isspace() and unicodedata.category(ch)[0] != "P"
                   and unicodedata.category(ch) != "Cf").casefold()


def _marks(text: str) -> str:
    """The punctuation marks in ``text`` (what the operator sets aside), in order."""
    return "".join(ch for ch in text if unicodedata.category(ch).startswith("P"))


def parse_pattern(pattern: str) -> tuple[str, ...]:
    """Split a pattern into the shapes between its stars: ``"*你好*"`` -> ``("", "你好", "")``.

    Raises :class:`RulebookError` for an empty pattern or a bad wildcard.
    """
    if not isinstance(pattern, str):
        raise RulebookError(f"The pattern must be text, not {type(pattern).__name__}.")
    raw = unicodedata.normalize("NFKC", pattern).strip()
    if not raw:
        raise RulebookError("The pattern is empty: write the shapes the row should match.")
    if len(raw) > MAX_PATTERN_CHARS:
        raise RulebookError(f"The pattern is {len(raw):,} characters long; "
                            f"the limit is {MAX_PATTERN_CHARS}.")
    if re.search(r"(?<!\.)\.\*", raw):
        raise RulebookError(f"Bad wildcard in {pattern!r}: '.*' is regular-expression syntax; "
                            "here a lone * already means 'any shapes'.")
    if "\\*" in raw:
        raise RulebookError(f"Bad wildcard in {pattern!r}: there are no escapes; "
                            "a * always means 'any shapes'.")
    pieces = tuple(shapes(p) for p in raw.split(WILDCARD))
    if len(pieces) == 1:
        if not pieces[0]:
            raise RulebookError(f"The pattern {pattern!r} has no shapes, only spaces or marks.")
        return pieces
    if any(not p for p in pieces[1:-1]):
        raise RulebookError(f"Bad wildcard in {pattern!r}: two * in a row "
                            "(with nothing but spaces or marks between them) mean no more than one.")
    if not any(pieces):
        raise RulebookError(f"Bad wildcard in {pattern!r}: a pattern of only * and marks; "
                            "write a lone * for the catch-all row.")
    return pieces


def is_catch_all(pattern: object) -> bool:
    """True for the lone ``*`` (or ``＊``) that marks a rulebook's catch-all row."""
    return isinstance(pattern, str) and unicodedata.normalize("NFKC", pattern).strip() == WILDCARD


def match_pieces(pieces: Sequence[str], card: str) -> tuple[str, ...] | None:
    """Match a parsed pattern against a card's shapes; the stars' shapes, or None.

    Each star takes the fewest shapes that let the rest match (leftmost match); the time is
    linear in the card's length for each piece, never exponential.
    """
    if len(pieces) == 1:
        return () if card == pieces[0] else None
    first, *middle, last = pieces
    end = len(card) - len(last)
    if end < len(first) or not card.startswith(first) or not card.endswith(last):
        return None
    pos, caught = len(first), []
    for piece in middle:
        found = card.find(piece, pos, end)
        if found < 0:
            return None
        caught.append(card[pos:found])
        pos = found + len(piece)
    caught.append(card[pos:end])
    return tuple(caught)


# -- rules and rulebooks --------------------------------------------------------------
@dataclass(frozen=True)
class Rule:
    """One row of the rulebook: a pattern and the reply to copy out when it matches."""
    pattern: str
    reply: str
    pieces: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if is_catch_all(self.pattern):
            raise RulebookError("A lone * is the catch-all row: give it as the rulebook's "
                                "fallback, not as an ordinary rule.")
        pieces = parse_pattern(self.pattern)
        if not isinstance(self.reply, str):
            raise RulebookError(f"The reply must be text, not {type(self.reply).__name__}.")
        reply = self.reply.strip()
        check_reply(reply, stars=len(pieces) - 1)
        object.__setattr__(self, "pattern", self.pattern.strip().replace("＊", WILDCARD))
        object.__setattr__(self, "reply", reply)
        object.__setattr__(self, "pieces", pieces)

    @property
    def stars(self) -> int:
        return len(self.pieces) - 1

    def match(self, card: str) -> tuple[str, ...] | None:
        """The shapes each star covered if this row matches ``card`` (already shapes), else None."""
        return match_pieces(self.pieces, card)

    def fill(self, caught: Sequence[str]) -> str:
        """The reply with ``{n}`` replaced by the shapes the n-th star covered."""
        return _PLACEHOLDER.sub(lambda m: caught[int(m.group(1)) - 1], self.reply)


def check_reply(reply: str, stars: int, what: str = "reply") -> None:
    """Raise :class:`RulebookError` unless ``reply`` is non-empty, short, with valid ``{n}``."""
    if not reply:
        raise RulebookError(f"The {what} is empty: write the shapes to copy out.")
    if len(reply) > MAX_REPLY_CHARS:
        raise RulebookError(f"The {what} is {len(reply):,} characters long; "
                            f"the limit is {MAX_REPLY_CHARS}.")
    for m in _PLACEHOLDER.finditer(reply):
        n = int(m.group(1))
        if not 1 <= n <= stars:
            have = ("no {n} at all (it has no *)" if not stars
                    else "only {1}" if stars == 1 else f"{{1}} to {{{stars}}}")
            raise RulebookError(f"The {what} uses {{{n}}}, but its pattern allows {have}.")


class Rulebook:
    """Rows of (pattern -> reply), tried top to bottom, plus an optional catch-all reply."""

    def __init__(self, rules: Iterable[Rule] = (), fallback: str | None = None):
        rules = tuple(rules)
        for rule in rules:
            if not isinstance(rule, Rule):
                raise RulebookError(f"A rulebook holds Rule rows, not {type(rule).__name__}.")
        if len(rules) + (fallback is not None) > MAX_RULES:
            raise RulebookError(f"A rulebook may hold at most {MAX_RULES:,} rows.")
        if fallback is not None:
            if not isinstance(fallback, str):
                raise RulebookError(f"The fallback must be text, not {type(fallback).__name__}.")
            fallback = fallback.strip()
            check_reply(fallback, stars=0, what="catch-all reply")
        self.rules: tuple[Rule, ...] = rules
        self.fallback: str | None = fallback

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> "Rulebook":
        """Build a rulebook from (pattern, reply) pairs; a lone ``*`` row is the catch-all.

        Errors name the row (counted from 1).
        """
        if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
            raise RulebookError("The rules must be a list of (pattern, reply) pairs.")
        rules, fallback, fallback_row = [], None, None
        for number, row in enumerate(rows, start=1):
            if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) != 2:
                raise RulebookError(f"Row {number}: expected a (pattern, reply) pair, got {row!r:.80}.",
                                    number)
            pattern, reply = row
            try:
                if is_catch_all(pattern):
                    if fallback_row is not None:
                        raise RulebookError(f"a second catch-all row (the first is row {fallback_row}).")
                    if not isinstance(reply, str):
                        raise RulebookError(f"The reply must be text, not {type(reply).__name__}.")
                    check_reply(reply.strip(), stars=0, what="catch-all reply")
                    fallback, fallback_row = reply.strip(), number
                else:
                    rules.append(Rule(pattern, reply))
            except RulebookError as exc:
                raise RulebookError(f"Row {number}: {exc}", number) from None
        return cls(rules, fallback)

    # -- editing (a rulebook is never changed in place) -------------------------------
    def with_rule(self, pattern: str, reply: str, position: int | None = 0) -> "Rulebook":
        """A new rulebook with one more row, at ``position`` (0 = top, None = bottom).

        A lone ``*`` replaces the catch-all reply instead.
        """
        if is_catch_all(pattern):
            return self.with_fallback(reply)
        rule = Rule(pattern, reply)
        rules = list(self.rules)
        if position is None:
            rules.append(rule)
        else:
            if isinstance(position, bool) or not isinstance(position, Integral) \
                    or not 0 <= position <= len(rules):
                raise ValueError(f"position must be a whole number from 0 to {len(rules)}, "
                                 f"or None for the bottom; got {position!r}.")
            rules.insert(int(position), rule)
        return Rulebook(rules, self.fallback)

    def with_fallback(self, reply: str | None) -> "Rulebook":
        return Rulebook(self.rules, reply)

    # -- views of the data --------------------------------------------------------------
    def rows(self) -> list[tuple[str, str]]:
        """(pattern, reply) pairs in file order, the catch-all (if any) last."""
        rows = [(r.pattern, r.reply) for r in self.rules]
        if self.fallback is not None:
            rows.append((WILDCARD, self.fallback))
        return rows

    def to_frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.rows(), columns=list(RULEBOOK_COLUMNS))
        frame.index = pd.RangeIndex(1, len(frame) + 1, name="row")
        return frame

    def to_csv(self, path: str | Path) -> Path:
        """Save as UTF-8 CSV (columns pattern, reply); read it back with :meth:`from_csv`."""
        path = Path(path)
        self.to_frame().to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        return path

    @classmethod
    def from_csv(cls, path: str | Path = RULEBOOK_CSV) -> "Rulebook":
        """Load a rulebook CSV; a malformed file raises :class:`RulebookError` naming the line."""
        path = Path(path)
        frame = _read_table(path, RULEBOOK_COLUMNS)
        rules, fallback, fallback_line = [], None, None
        for line, pattern, reply in zip(frame["line"], frame["pattern"], frame["reply"]):
            try:
                if is_catch_all(pattern):
                    if fallback_line is not None:
                        raise RulebookError(
                            f"a second catch-all row (a lone *); the first is on line {fallback_line}.")
                    check_reply(reply.strip(), stars=0, what="catch-all reply")
                    fallback, fallback_line = reply.strip(), line
                else:
                    rules.append(Rule(pattern, reply))
            except RulebookError as exc:
                raise RulebookError(f"{path.name}, line {line}: {exc}", line) from None
        if len(frame) > MAX_RULES:
            raise RulebookError(f"{path.name}: {len(frame):,} rows; the limit is {MAX_RULES:,}.")
        return cls(rules, fallback)

    def __len__(self) -> int:
        return len(self.rules) + (self.fallback is not None)

    def __repr__(self) -> str:
        catch = "a catch-all" if self.fallback is not None else "no catch-all"
        return f"<Rulebook: {len(self.rules)} rules and {catch}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Rulebook) and self.rows() == other.rows()

    __hash__ = None  # type: ignore[assignment]


def load_rulebook(path: str | Path = RULEBOOK_CSV) -> Rulebook:
    """The kit's rulebook, or the one at ``path``."""
    return Rulebook.from_csv(path)


def _read_table(path: Path, columns: Sequence[str]) -> pd.DataFrame:
    """Read a small UTF-8 CSV of text columns, with a ``line`` column (file line of each row).

    Every error is a :class:`RulebookError` naming the file and the line.
    """
    name = path.name
    if not path.is_file():
        raise RulebookError(f"There is no file {str(path)!r}.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise RulebookError(f"{name} is {path.stat().st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}.")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise RulebookError(f"{name}, line {line}: this is not UTF-8 text (perhaps it was saved as "
                            "GBK, Big5 or Latin-1). Save the file as UTF-8 and load it again.",
                            line) from None
    if not text.strip():
        raise RulebookError(f"{name}, line 1: the file is empty; it needs a header line "
                            f"'{','.join(columns)}'.", 1)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                            skip_blank_lines=False, engine="python")
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        if found:
            line = int(found.group(1))
            raise RulebookError(f"{name}, line {line}: the row does not split into the columns "
                                f"{', '.join(columns)} (is a comma inside a field missing its "
                                "quotes?).", line) from None
        odd = [n for n, row in enumerate(text.splitlines(), start=1) if row.count('"') % 2]
        line = odd[0] if odd else None
        raise RulebookError(f"{name}, line {line or '?'}: a quote mark \" opens a field that is "
                            "never closed.", line) from None
    header = [str(c).strip() for c in frame.columns]
    frame.columns = header
    missing = [c for c in columns if c not in header]
    extra = [c for c in header if c not in columns]
    if missing or extra:
        problem = (f"no column {', '.join(repr(c) for c in missing)}" if missing
                   else f"an unknown column {', '.join(repr(c) for c in extra)}")
        raise RulebookError(f"{name}, line 1: the header has {problem}; it must name exactly the "
                            f"columns {', '.join(columns)} (found: {', '.join(header) or 'nothing'}).", 1)
    frame = frame[list(columns)]
    # One file line per row: a quoted field spanning lines would break the line count, so refuse it.
    frame.insert(0, "line", range(2, len(frame) + 2))
    blank = []
    for line, *values in frame.itertuples(index=False):
        if all(not isinstance(v, str) or not v.strip() for v in values):
            blank.append(line)  # a blank line (or a row of empty fields): skipped
            continue
        if not all(isinstance(v, str) for v in values):
            found = sum(isinstance(v, str) for v in values)
            raise RulebookError(f"{name}, line {line}: the row has {found} field(s); it needs "
                                f"{len(columns)}: {', '.join(columns)}.", line)
        if any("\n" in v or "\r" in v for v in values):
            raise RulebookError(f"{name}, line {line}: a field runs over several lines; "
                                "keep each row on one line.", line)
    return frame[~frame["line"].isin(blank)].reset_index(drop=True)


# -- the glossary: for the observer outside the room only ------------------------------
class Glossary:
    """What the shapes mean in English: for the outside observer, never for the operator.

    Keys are Chinese text or patterns with ``*`` (as in a rulebook); meanings may use
    ``{1}``... for the shapes a star covered (translated too, where the glossary knows them).
    """

    def __init__(self, entries: Iterable[Sequence[str]] = ()):
        self.entries: tuple[Rule, ...] = tuple(Rule(chinese, english) for chinese, english in entries)
        self._exact = {}
        for e in self.entries:
            if e.stars == 0:
                self._exact.setdefault(e.pieces[0], e.reply)

    def meaning(self, text: str) -> str | None:
        """The English meaning of ``text``, or None when the glossary has no entry for it."""
        if not isinstance(text, str):
            return None
        card = shapes(text)
        if not card:
            return None
        if card in self._exact:
            return self._exact[card]
        for entry in self.entries:
            caught = entry.match(card) if entry.stars else None
            if caught is not None and all(caught):
                return entry.fill([self._exact.get(c, c) for c in caught])
        return None

    def with_entry(self, chinese: str, english: str) -> "Glossary":
        return Glossary([(chinese, english)] + [(e.pattern, e.reply) for e in self.entries])

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([(e.pattern, e.reply) for e in self.entries], columns=list(GLOSSARY_COLUMNS))

    def __len__(self) -> int:
        return len(self.entries)


def load_glossary(path: str | Path = GLOSSARY_CSV) -> Glossary:
    """The observer's glossary. :class:`ChineseRoom` never calls this."""
    path = Path(path)
    frame = _read_table(path, GLOSSARY_COLUMNS)
    entries = []
    for line, chinese, english in frame.itertuples(index=False):
        try:
            entries.append(Rule(chinese, english))
        except RulebookError as exc:
            raise RulebookError(f"{path.name}, line {line}: {exc}", line) from None
    return Glossary((e.pattern, e.reply) for e in entries)


# -- the room and its operator ----------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One thing the operator does, as the operator would tell it."""
    action: str  # read, set aside, camera, compare, match, copy, fill, hand out, no match
    text: str


@dataclass(frozen=True)
class Reply:
    """What came out of the room, and how the operator produced it."""
    message: str                 # the card as it came in
    output: str                  # the card that goes out ("" for a blank card)
    steps: tuple[Step, ...]
    row: int | None              # 1-based row of the rule used; None for the catch-all / blank
    pattern: str | None          # the pattern of that row ("*" for the catch-all)
    caught: tuple[str, ...] = ()  # the shapes each star covered
    lookups: int = 0             # rows compared (each catch-all or memory look-up counts one)
    camera: str = ""

    @property
    def fallback(self) -> bool:
        """True when no row matched and the catch-all (or a blank card) answered."""
        return self.row is None

    def trace(self) -> pd.DataFrame:
        """The operator's steps as a table."""
        frame = pd.DataFrame([(s.action, s.text) for s in self.steps],
                             columns=["action", "what the operator does"])
        frame.index = pd.RangeIndex(1, len(frame) + 1, name="step")
        return frame

    def __str__(self) -> str:
        return self.output


def _spaced(text: str) -> str:
    """Shapes one by one, as the operator sees them (``{1}`` stays whole)."""
    return " ".join(re.findall(r"\{\d+\}|.", text, flags=re.S))


class ChineseRoom:
    """A room with a rulebook and an operator who matches shapes; it never sees a glossary.

    ``memorised=True`` is the systems reply's variant: the operator has learnt the book by
    heart, so rows are recalled rather than looked up; nothing else changes.
    """

    def __init__(self, rulebook: Rulebook | None = None, *, memorised: bool = False):
        if rulebook is None:
            rulebook = load_rulebook()
        if not isinstance(rulebook, Rulebook):
            raise InputError(f"rulebook must be a Rulebook (see load_rulebook), "
                             f"not {type(rulebook).__name__}.")
        self.rulebook = rulebook
        self.memorised = bool(memorised)

    def reply(self, text: str, camera: str = "") -> Reply:
        """Pass a card in; get the output card and the operator's trace.

        ``camera`` (the robot reply) is a second card of shapes from a camera; it is read
        before the message, as more shapes, and rules can match it (e.g. ``下雨*``).
        """
        message = clean_text(text, what="message", max_chars=MAX_MESSAGE_CHARS)
        camera = clean_text(camera, what="camera card", max_chars=MAX_MESSAGE_CHARS, allow_empty=True)
        book = "my memory" if self.memorised else "the book"
        count = len(shapes(message))
        marks = _marks(message)
        if marks or len(message) != count:
            ignored = [f"marks like {' '.join(dict.fromkeys(marks))}"] if marks else []
            if any(ch.isspace() for ch in message):
                ignored.append("spaces")
            if not ignored:
                ignored.append("invisible characters")
            steps = [Step("read", f"A card comes in through the slot. On it: {_spaced(message)}"),
                     Step("set aside", f"The first page of {book} says {' and '.join(ignored)} "
                                       f"do not count. I set them aside: {count} shapes are left.")]
        else:
            steps = [Step("read", f"A card comes in through the slot. On it: {_spaced(message)} "
                                  f"({count} shapes).")]
        if camera:
            steps.append(Step("camera", f"A second slot, wired to a camera, pushes in a card: "
                                        f"{_spaced(camera)}. More shapes; I put them in front "
                                        "of the others."))
        card = shapes(camera) + shapes(message)
        compared = 0
        for number, rule in enumerate(self.rulebook.rules, start=1):
            compared += 1
            caught = rule.match(card)
            if caught is None:
                continue
            if compared > 1:
                steps.append(Step("compare", self._compare_text(book, compared - 1)))
            how = "recall" if self.memorised else "find"
            if rule.stars:
                covered = "; ".join(f"star {i} covers {_spaced(c) if c else 'nothing'}"
                                    for i, c in enumerate(caught, start=1))
                steps.append(Step("match", f"I {how} row {number}: {_spaced(rule.pattern)}. "
                                           f"Its shapes line up with the card's ({covered})."))
            else:
                steps.append(Step("match", f"I {how} row {number}: {_spaced(rule.pattern)}. "
                                           f"Every shape is the same as on the card."))
            output = rule.fill(caught)
            steps.append(Step("copy", f"The row says to copy out these shapes: {_spaced(rule.reply)}"))
            for m in dict.fromkeys(_PLACEHOLDER.findall(rule.reply)):
                copied = caught[int(m) - 1]
                steps.append(Step("fill", f"Where the row shows {{{m}}}, I copy the shapes star {m} "
                                          f"covered: {_spaced(copied) if copied else 'nothing'}."))
            steps.append(Step("hand out", f"I push the new card out through the slot: {_spaced(output)}"))
            return Reply(text, output, tuple(steps), number, rule.pattern, caught, compared, camera)
        if compared:
            steps.append(Step("compare", self._compare_text(book, compared)))
        if self.rulebook.fallback is not None:
            steps.append(Step("no match", f"No row matches. The last page of {book} says: for any other "
                                          f"card, copy out {_spaced(self.rulebook.fallback)}"))
            steps.append(Step("hand out", f"I push the new card out through the slot: "
                                          f"{_spaced(self.rulebook.fallback)}"))
            return Reply(text, self.rulebook.fallback, tuple(steps), None, WILDCARD, (), compared + 1, camera)
        steps.append(Step("no match", f"No row matches, and {book} has no page for other cards."))
        steps.append(Step("hand out", "I push a blank card out through the slot."))
        return Reply(text, "", tuple(steps), None, None, (), compared, camera)

    @staticmethod
    def _compare_text(book: str, rows: int) -> str:
        if rows == 1:
            return f"I compare the card with row 1 of {book}: the shapes are not the same."
        return (f"I compare the card with rows 1 to {rows} of {book}, one at a time: "
                f"in none of them are the shapes the same.")

    def hand_time(self, text: str, lookups_per_second: float = 1.0, camera: str = "") -> "HandTime":
        """How long this reply takes by hand: each row compared is one look-up."""
        return hand_time(self.reply(text, camera=camera).lookups, lookups_per_second)

    def __repr__(self) -> str:
        return f"<ChineseRoom with {self.rulebook!r}{', memorised' if self.memorised else ''}>"


def examine(rules: Rulebook | Iterable[Sequence[str]], cards: Iterable[Sequence[str]]) -> pd.DataFrame:
    """Pass each (card, wanted reply) through a room built from ``rules``; a table of results.

    ``passed`` compares shapes, so punctuation and spaces in the replies do not matter.
    """
    book = rules if isinstance(rules, Rulebook) else Rulebook.from_rows(rules)
    room = ChineseRoom(book)
    rows = []
    for card, wanted in cards:
        got = room.reply(card)
        row = got.row if got.row is not None else ("catch-all" if got.output else "none")
        rows.append((card, wanted, got.output, row,
                     shapes(got.output) == shapes(wanted)))
    frame = pd.DataFrame(rows, columns=["card", "wanted", "got", "row", "passed"])
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="card no.")
    return frame


# -- validation helpers -----------------------------------------------------------------
def _whole(name: str, value: object, low: int, high: int) -> int:
    """``value`` as an int in [low, high], or a ValueError naming ``name`` and the range."""
    rng = f"a whole number from {low:,} to {high:,}"
    if isinstance(value, bool) or not isinstance(value, Integral):
        if isinstance(value, Real) and math.isnan(float(value)):
            raise ValueError(f"{name} must be {rng}; got NaN.")
        raise ValueError(f"{name} must be {rng}; got {value!r:.60} ({type(value).__name__}).")
    value = int(value)
    if not low <= value <= high:
        raise ValueError(f"{name} must be {rng}; got {value:,}.")
    return value


def _positive(name: str, value: object, high: float) -> float:
    rng = f"a number greater than 0 and at most {high:g}"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be {rng}; got {value!r:.60} ({type(value).__name__}).")
    value = float(value)
    if math.isnan(value):
        raise ValueError(f"{name} must be {rng}; got NaN.")
    if not 0 < value <= high:
        raise ValueError(f"{name} must be {rng}; got {value:g}.")
    return value


# -- Blockhead --------------------------------------------------------------------------
#: The usual rough estimate of the particles in the observable universe.
UNIVERSE_PARTICLES = 10 ** 80
UNIVERSE_LOG10 = 80
MAX_ALPHABET = 1_114_112   # the size of Unicode's code space
MAX_LENGTH = 100_000
MAX_TURNS = 100_000
#: blockhead_entries refuses a number with more digits than this (use blockhead_log10):
#: Python will not print an int of more than 4,300 digits unless told to.
MAX_DIGITS = 4_000


def _geometric(x: int, n: int) -> int:
    """x + x**2 + ... + x**n, exactly."""
    return n if x == 1 else x * (x ** n - 1) // (x - 1)


def _log10_geometric(log_x: float, n: int) -> float:
    """log10(x + x**2 + ... + x**n) from log10(x), for x >= 1, without building the number."""
    if log_x == 0:
        return math.log10(n)
    # sum = x**n * (x / (x - 1)) * (1 - x**-n)
    return (n * log_x
            - math.log1p(-10 ** -log_x) / math.log(10)
            + math.log1p(-10 ** (-n * log_x)) / math.log(10))


def blockhead_messages(alphabet_size: int, message_length: int) -> int:
    """How many different messages of 1 to ``message_length`` symbols there are: a + a² + ... + a^L."""
    a = _whole("alphabet_size", alphabet_size, 1, MAX_ALPHABET)
    n = _whole("message_length", message_length, 1, MAX_LENGTH)
    return _geometric(a, n)


def blockhead_log10(alphabet_size: int, message_length: int, turns: int) -> float:
    """log10 of :func:`blockhead_entries`, for sizes too big to write out."""
    a = _whole("alphabet_size", alphabet_size, 1, MAX_ALPHABET)
    n = _whole("message_length", message_length, 1, MAX_LENGTH)
    t = _whole("turns", turns, 1, MAX_TURNS)
    return _log10_geometric(_log10_geometric(math.log10(a), n), t)


def blockhead_entries(alphabet_size: int, message_length: int, turns: int) -> int:
    """Entries a lookup table (Block's "Blockhead") needs to answer every possible conversation.

    Counting assumptions:

    * The interlocutor writes with an alphabet of ``a = alphabet_size`` symbols. A message is
      any string of **1 to L** symbols (``L = message_length``), so there are
      ``M = a + a² + ... + a^L`` possible messages (``M = L`` when ``a = 1``).
    * A conversation is a sequence of up to ``T = turns`` messages from the interlocutor.
      The machine's own replies add no branching: the table fixes them, so they are
      determined by the interlocutor's messages so far.
    * The table needs one entry for every conversation prefix that ends in an interlocutor's
      message: every sequence of 1 to T messages. There are ``M^t`` sequences of length t.

    Formula: ``entries = M + M² + ... + M^T = M (M^T - 1) / (M - 1)`` (``= T`` when ``M = 1``),
    computed exactly with Python integers (they do not overflow). Raises ValueError for sizes
    whose answer would have more than 4,000 digits (Python refuses to print an int of more
    than 4,300 digits); :func:`blockhead_log10` gives the size of those.

    >>> blockhead_entries(2, 2, 2)   # M = 2 + 4 = 6 messages; 6 + 36
    42
    """
    a = _whole("alphabet_size", alphabet_size, 1, MAX_ALPHABET)
    n = _whole("message_length", message_length, 1, MAX_LENGTH)
    t = _whole("turns", turns, 1, MAX_TURNS)
    digits = math.floor(blockhead_log10(a, n, t)) + 1
    if digits > MAX_DIGITS:
        raise ValueError(f"alphabet_size={a:,}, message_length={n:,}, turns={t:,} give a number of "
                         f"{digits:,} digits, more than the {MAX_DIGITS:,} this function "
                         "writes out; use blockhead_log10 for its size.")
    return _geometric(_geometric(a, n), t)


def orders_beyond_universe(entries: int | float) -> float:
    """How many orders of magnitude ``entries`` exceeds ~10^80 particles (negative: fewer).

    ``entries`` is a count (an int of any size, e.g. from :func:`blockhead_entries`).
    ``orders_beyond_universe(10**83) == 3.0``.
    """
    if isinstance(entries, bool) or not isinstance(entries, Real):
        raise ValueError(f"entries must be a positive number; got {entries!r:.60} "
                         f"({type(entries).__name__}).")
    if isinstance(entries, float) and (math.isnan(entries) or math.isinf(entries)):
        raise ValueError(f"entries must be a positive, finite number; got {entries}.")
    if entries <= 0:
        raise ValueError(f"entries must be a positive number; got {entries}.")
    return math.log10(entries) - UNIVERSE_LOG10


def blockhead_table(alphabet_size: int = 3000, message_length: int = 20, turns: int = 5,
                    exact_length: bool = False) -> pd.DataFrame:
    """Block's numbers for conversations of 1 to ``turns`` turns, as a table to read values from.

    ``exact_length=False``: messages of 1 to ``message_length`` symbols (as
    :func:`blockhead_entries`); ``True``: every message has exactly ``message_length`` symbols,
    so there are ``a^L`` messages. Columns: ``digits`` (of the entry count) and
    ``orders beyond 10^80`` (rounded to 2 places). Sizes are computed from logarithms, so
    any size within the limits works.
    """
    a = _whole("alphabet_size", alphabet_size, 1, MAX_ALPHABET)
    n = _whole("message_length", message_length, 1, MAX_LENGTH)
    t_max = _whole("turns", turns, 1, 100)
    if not isinstance(exact_length, bool):
        raise ValueError(f"exact_length must be True or False; got {exact_length!r:.40}.")
    log_messages = n * math.log10(a) if exact_length else _log10_geometric(math.log10(a), n)
    rows = []
    for t in range(1, t_max + 1):
        log_entries = _log10_geometric(log_messages, t)
        rows.append((t, math.floor(log_entries) + 1, round(log_entries - UNIVERSE_LOG10, 2)))
    frame = pd.DataFrame(rows, columns=["turns", "digits", "orders beyond 10^80"])
    return frame.set_index("turns")


# -- the speed objection: how long the room takes by hand ------------------------------------
SECONDS_PER_YEAR = 365.25 * 24 * 3600
#: Running time of Her (sources/film-facts.md), used as a yardstick.
FILM_SECONDS = 126 * 60
MAX_LOOKUPS = 10 ** 300
MAX_RATE = 1e18


@dataclass(frozen=True)
class HandTime:
    """Time for the operator to produce one reply by hand."""
    lookups: int
    lookups_per_second: float

    @property
    def seconds(self) -> float:
        return self.lookups / self.lookups_per_second

    @property
    def years(self) -> float:
        return self.seconds / SECONDS_PER_YEAR

    @property
    def films(self) -> float:
        """How many showings of the 126-minute film would pass while the operator works."""
        return self.seconds / FILM_SECONDS

    def describe(self) -> str:
        rate = self.lookups_per_second
        rate_text = f"{rate:,.0f}" if rate.is_integer() and rate < 1e15 else f"{rate:g}"
        return f"{self.lookups:,} look-ups at {rate_text} per second: {describe_seconds(self.seconds)}"

    def __str__(self) -> str:
        return self.describe()


def hand_time(lookups: int, lookups_per_second: float = 1.0) -> HandTime:
    """How long the room takes to answer by hand: ``seconds = lookups / lookups_per_second``.

    ``lookups`` is the number of rule look-ups one reply needs: for this toy, the rows the
    operator compares (:attr:`Reply.lookups`, at most the rulebook's size); for a program
    that really converses, far more steps. This is the speed objection to the Chinese Room
    (Stanford Encyclopedia of Philosophy, "The Chinese Room Argument", section 4.5, "The
    Intuition Reply"), which reports three views: for Dennett, speed is "of the essence" for
    intelligence; for Pinker, the slowness misleads our intuition; Maudlin disagrees with
    Dennett: slowness violates no necessary condition on thinking.
    """
    n = _whole("lookups", lookups, 1, MAX_LOOKUPS)
    rate = _positive("lookups_per_second", lookups_per_second, MAX_RATE)
    return HandTime(n, rate)


def describe_seconds(seconds: float) -> str:
    """A duration in plain words: '0.5 seconds', '3.2 hours', '31,710 years', '2.1e+15 years'."""
    if isinstance(seconds, bool) or not isinstance(seconds, Real) or math.isnan(seconds) or seconds < 0:
        raise ValueError(f"seconds must be a number at least 0; got {seconds!r:.60}.")
    if math.isinf(seconds):
        return "forever"
    for unit, size in (("years", SECONDS_PER_YEAR), ("days", 86_400), ("hours", 3_600),
                       ("minutes", 60)):
        if seconds >= size:
            value = seconds / size
            break
    else:
        unit, value = "seconds", seconds
    if value >= 1e9:
        text = f"{value:.2g} {unit}".replace("e+", " × 10^")
    elif value >= 100:
        text = f"{value:,.0f} {unit}"
    else:
        text = f"{value:.3g} {unit}"
    return "about " + text
