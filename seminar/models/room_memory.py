"""A Chinese Room with a memory: rules that read and write a small notebook of earlier cards.

The toy room of :mod:`seminar.models.room` is a lookup table: the same card always gets the
same reply (Block's target, and ELIZA's method). A program, as Searle imagines it, can also
keep *state*. This room takes one step towards that. Its operator has a notebook; some rows
tell the operator to write down the shapes a star covered, on a line with a heading (also
shapes), and some replies tell the operator to copy out what a line of the notebook says.
So the room can say what you told it before, and the trace is still only shapes.

The memory rulebook (``seminar/data/memory_rulebook.csv``) has three columns:

* ``pattern`` and ``reply``: as in the plain room (whole-message patterns, ``*`` wildcards,
  ``{1}`` copies what star 1 covered, first match wins, a lone ``*`` is the catch-all).
* ``remember``: empty, or a heading such as ``名字``. When the row is used, the operator
  writes the shapes star 1 covered on the notebook line with that heading (replacing what
  was there). A row that remembers needs a ``*`` in its pattern.
* In a reply, ``[名字]`` means "copy what the notebook's line 名字 says". A row whose reply
  needs a line the notebook does not have yet is passed over, as if it did not match, and
  the operator goes on to the next row.

This module imports no widgets: ``seminar.views.room_memory`` is the app.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from seminar import DATA_DIR
from seminar.models.room import (MAX_MESSAGE_CHARS, MAX_RULES, WILDCARD, Reply, Rule,
                                 RulebookError, Step, _read_table, _spaced, check_reply,
                                 is_catch_all, shapes)
from seminar.text import clean_text

MEMORY_RULEBOOK_CSV = DATA_DIR / "memory_rulebook.csv"
MEMORY_COLUMNS = ("pattern", "reply", "remember")
#: Longest notebook heading, in characters.
MAX_HEADING_CHARS = 20
#: Longest line the operator writes in the notebook (a card's worth).
MAX_NOTE_CHARS = MAX_MESSAGE_CHARS

_NOTE = re.compile(r"\[([^\[\]]*)\]")


def _heading(text: object, where: str = "heading") -> str:
    """A notebook heading as shapes; RulebookError if it is not usable."""
    if not isinstance(text, str):
        raise RulebookError(f"The {where} must be text, not {type(text).__name__}.")
    raw = unicodedata.normalize("NFKC", text).strip()
    if len(raw) > MAX_HEADING_CHARS:
        raise RulebookError(f"The {where} {raw[:30]!r} is {len(raw):,} characters long; "
                            f"the limit is {MAX_HEADING_CHARS}.")
    if "[" in raw or "]" in raw or WILDCARD in raw:
        raise RulebookError(f"The {where} {raw!r} may not hold [, ] or *.")
    heading = shapes(raw)
    if not heading:
        raise RulebookError(f"The {where} is empty: write the shapes that head the notebook line.")
    return heading


@dataclass(frozen=True)
class MemoryRule:
    """One row: a pattern, a reply (which may copy notebook lines), and an optional heading to write."""
    pattern: str
    reply: str
    remember: str = ""
    rule: Rule = field(init=False, repr=False, compare=False)
    reads: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if not isinstance(self.reply, str):
            raise RulebookError(f"The reply must be text, not {type(self.reply).__name__}.")
        if self.reply.count("[") != self.reply.count("]") or re.search(r"\[[^\]]*\[", self.reply):
            raise RulebookError(f"The reply {self.reply[:40]!r} has a [ without its ] "
                                "(write [heading] to copy a notebook line).")
        reads = tuple(_heading(h, "notebook heading in the reply") for h in _NOTE.findall(self.reply))
        rule = Rule(self.pattern, self.reply)
        remember = self.remember if self.remember is not None else ""
        if not isinstance(remember, str):
            raise RulebookError(f"The heading to remember must be text, not {type(remember).__name__}.")
        remember = _heading(remember, "heading to remember") if remember.strip() else ""
        if remember and not rule.stars:
            raise RulebookError(f"The row {self.pattern!r} remembers under {remember!r}, but its "
                                "pattern has no * to say which shapes to write down.")
        object.__setattr__(self, "pattern", rule.pattern)
        object.__setattr__(self, "reply", rule.reply)
        object.__setattr__(self, "remember", remember)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "reads", reads)


class MemoryRulebook:
    """Rows of :class:`MemoryRule`, tried top to bottom, plus an optional catch-all reply."""

    def __init__(self, rules: Iterable[MemoryRule] = (), fallback: str | None = None):
        rules = tuple(rules)
        for rule in rules:
            if not isinstance(rule, MemoryRule):
                raise RulebookError(f"A memory rulebook holds MemoryRule rows, not {type(rule).__name__}.")
        if len(rules) > MAX_RULES:
            raise RulebookError(f"A rulebook may hold at most {MAX_RULES:,} rows.")
        if fallback is not None:
            if not isinstance(fallback, str):
                raise RulebookError(f"The fallback must be text, not {type(fallback).__name__}.")
            fallback = fallback.strip()
            check_reply(fallback, stars=0, what="catch-all reply")
        self.rules = rules
        self.fallback = fallback

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> "MemoryRulebook":
        """From (pattern, reply) or (pattern, reply, remember) rows; a lone ``*`` is the catch-all."""
        if isinstance(rows, (str, bytes)) or not isinstance(rows, Iterable):
            raise RulebookError("The rules must be a list of (pattern, reply, remember) rows.")
        rules, fallback = [], None
        for number, row in enumerate(rows, start=1):
            if isinstance(row, (str, bytes)) or not isinstance(row, Sequence) or len(row) not in (2, 3):
                raise RulebookError(f"Row {number}: expected (pattern, reply) or (pattern, reply, "
                                    f"remember), got {row!r:.80}.", number)
            pattern, reply, *rest = row
            try:
                if is_catch_all(pattern):
                    if fallback is not None:
                        raise RulebookError("a second catch-all row.")
                    if rest and isinstance(rest[0], str) and rest[0].strip():
                        raise RulebookError("the catch-all row cannot remember anything (it has no star).")
                    if not isinstance(reply, str):
                        raise RulebookError(f"The reply must be text, not {type(reply).__name__}.")
                    check_reply(reply.strip(), stars=0, what="catch-all reply")
                    fallback = reply.strip()
                else:
                    rules.append(MemoryRule(pattern, reply, rest[0] if rest else ""))
            except RulebookError as exc:
                raise RulebookError(f"Row {number}: {exc}", number) from None
        return cls(rules, fallback)

    @classmethod
    def from_csv(cls, path: str | Path = MEMORY_RULEBOOK_CSV) -> "MemoryRulebook":
        frame = _read_table(Path(path), MEMORY_COLUMNS)
        rows = []
        for line, pattern, reply, remember in frame.itertuples(index=False):
            try:
                rows.append(MemoryRulebook.from_rows([(pattern, reply, remember)]))
            except RulebookError as exc:
                raise RulebookError(f"{Path(path).name}, line {line}: {exc}", line) from None
        return cls([r for book in rows for r in book.rules],
                   next((b.fallback for b in rows if b.fallback is not None), None))

    def rows(self) -> list[tuple[str, str, str]]:
        out = [(r.pattern, r.reply, r.remember) for r in self.rules]
        if self.fallback is not None:
            out.append((WILDCARD, self.fallback, ""))
        return out

    def __len__(self) -> int:
        return len(self.rules) + (self.fallback is not None)


def load_memory_rulebook(path: str | Path = MEMORY_RULEBOOK_CSV) -> MemoryRulebook:
    """The kit's memory rulebook, or the one at ``path``."""
    return MemoryRulebook.from_csv(path)


class MemoryRoom:
    """A room whose operator keeps a notebook: some rows write in it, some replies copy from it.

    The same card can get different replies at different times (what the notebook says
    has changed); every step of the trace is still about shapes.
    """

    def __init__(self, rulebook: MemoryRulebook | None = None):
        if rulebook is None:
            rulebook = load_memory_rulebook()
        if not isinstance(rulebook, MemoryRulebook):
            raise RulebookError(f"rulebook must be a MemoryRulebook (see load_memory_rulebook), "
                                f"not {type(rulebook).__name__}.")
        self.rulebook = rulebook
        self._notes: dict[str, str] = {}

    @property
    def notebook(self) -> tuple[tuple[str, str], ...]:
        """The notebook's lines, (heading, shapes), in the order first written."""
        return tuple(self._notes.items())

    def forget(self) -> None:
        """Tear out every page of the notebook."""
        self._notes.clear()

    def reply(self, text: str) -> Reply:
        """Pass a card in; the notebook may change; get the output card and the trace."""
        message = clean_text(text, what="message", max_chars=MAX_MESSAGE_CHARS)
        card = shapes(message)
        steps = [Step("read", f"A card comes in through the slot. On it: {_spaced(message)} "
                              f"({len(card)} shapes, once marks and spaces are set aside).")]
        passed = 0
        for number, row in enumerate(self.rulebook.rules, start=1):
            caught = row.rule.match(card)
            if caught is None:
                passed += 1
                continue
            if passed:
                steps.append(Step("compare", f"I compare the card with {passed} row(s) above row "
                                             f"{number}: their shapes are not the same."))
                passed = 0
            missing = [h for h in row.reads if h not in self._notes]
            if missing:
                steps.append(Step("match", f"Row {number} ({_spaced(row.pattern)}) lines up, but its reply "
                                           f"needs the notebook line headed {_spaced(missing[0])}, and "
                                           "the notebook has no such line. I go on to the next row."))
                continue
            steps.append(Step("match", f"I find row {number}: {_spaced(row.pattern)}. Its shapes "
                                       "line up with the card's."))
            output = row.rule.fill(caught)
            for heading in dict.fromkeys(row.reads):
                steps.append(Step("read notebook", f"The reply shows [{_spaced(heading)}]: I look in "
                                                   f"the notebook for that heading; it says "
                                                   f"{_spaced(self._notes[heading])}."))
            # caught shapes hold no brackets (marks are set aside), so only the row's own [..] match
            output = _NOTE.sub(lambda m: self._notes[shapes(unicodedata.normalize("NFKC", m.group(1)))],
                               output)
            if row.remember:
                written = caught[0][:MAX_NOTE_CHARS]
                if written:
                    self._notes[row.remember] = written
                    steps.append(Step("write notebook", f"The row says: write what star 1 covered on "
                                                        f"the notebook line headed {_spaced(row.remember)}. "
                                                        f"I write {_spaced(written)}."))
                else:
                    steps.append(Step("write notebook", "The row says to write what star 1 covered, "
                                                        "but it covered nothing: I write nothing."))
            steps.append(Step("copy", f"The row says to copy out: {_spaced(row.reply)}"))
            steps.append(Step("hand out", f"I push the new card out through the slot: {_spaced(output)}"))
            return Reply(text, output, tuple(steps), number, row.pattern, caught, number)
        if passed:
            steps.append(Step("compare", f"I compare the card with the remaining {passed} row(s): "
                                         "in none of them are the shapes the same."))
        lookups = len(self.rulebook.rules)
        if self.rulebook.fallback is not None:
            steps.append(Step("no match", f"No row can be used. The last page says: for any other card, "
                                          f"copy out {_spaced(self.rulebook.fallback)}"))
            steps.append(Step("hand out", f"I push the new card out through the slot: "
                                          f"{_spaced(self.rulebook.fallback)}"))
            return Reply(text, self.rulebook.fallback, tuple(steps), None, WILDCARD, (), lookups + 1)
        steps.append(Step("no match", "No row can be used, and the book has no page for other cards."))
        steps.append(Step("hand out", "I push a blank card out through the slot."))
        return Reply(text, "", tuple(steps), None, None, (), lookups)

    def __repr__(self) -> str:
        return f"<MemoryRoom with {len(self.rulebook)} rows and {len(self._notes)} notebook line(s)>"
