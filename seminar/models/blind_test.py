"""A blind test in class: is the answer from the rulebook or from a person?

The class sends a card. The answer shown comes either from a lookup-table room (a rulebook in
the class's own language, in the manner of ELIZA: patterns and canned replies) or from a person,
chosen at random and kept hidden: a classmate typing answers into a second box, or, when no one
can, the next answer of a prepared list written by people. The class guesses which; then the
round is revealed, with the room's trace (the room always works out its answer, even when the
person's is the one shown). Everything runs in one kernel: no server, no network.

The random choice uses ``random.Random(seed)``, so a given seed gives the same sequence of
sources (tests and a rehearsal before class see what the class will see).

This module imports no widgets: ``seminar.views.blind_test`` is the app.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from numbers import Integral, Real
from pathlib import Path
from typing import Sequence

from seminar import DATA_DIR
from seminar.models.room import MAX_MESSAGE_CHARS, ChineseRoom, Reply, Rulebook, load_rulebook
from seminar.text import InputError, clean_text

BLIND_RULEBOOK_CSV = DATA_DIR / "blind_rulebook.csv"
ROOM, HUMAN = "room", "human"
SOURCES = (ROOM, HUMAN)
#: Longest answer a classmate may type.
MAX_ANSWER_CHARS = 500
MAX_HUMAN_ANSWERS = 1_000

#: Answers written by people, for a class with no one free to type (the instructor may give others).
HUMAN_ANSWERS = (
    "Hmm, I'm not sure. Can you say that another way?",
    "Ha! Good question. Let me think about it for a second.",
    "Honestly? Some days yes, some days no.",
    "I was just about to ask you the same thing.",
    "That depends on what you mean, doesn't it?",
    "Sorry, I got distracted. What was the question again?",
    "I'd rather hear what you think first.",
    "Not really. Why, do you?",
)


def load_blind_rulebook(path: str | Path = BLIND_RULEBOOK_CSV) -> Rulebook:
    """The blind test's rulebook (patterns and canned replies in English), or the one at ``path``."""
    return load_rulebook(path)


def _human_answers(answers: object) -> tuple[str, ...]:
    if isinstance(answers, (str, bytes)) or not isinstance(answers, Sequence):
        raise InputError("The prepared human answers must be a list of texts, "
                         "such as [\"I'm not sure.\", \"Ask me again.\"].")
    if not answers:
        raise InputError("The list of prepared human answers is empty: give at least one.")
    if len(answers) > MAX_HUMAN_ANSWERS:
        raise InputError(f"The list holds {len(answers):,} answers; the limit is {MAX_HUMAN_ANSWERS:,}.")
    return tuple(clean_text(a, what=f"prepared answer {n}", max_chars=MAX_ANSWER_CHARS)
                 for n, a in enumerate(answers, start=1))


@dataclass
class Round:
    """One card and what came of it."""
    number: int
    card: str
    source: str                   # ROOM or HUMAN: hidden from the class until revealed
    room: Reply                   # what the room made of the card (its trace)
    human_answer: str | None      # the person's answer (None while a classmate is still typing)
    guess: str | None = None

    @property
    def ready(self) -> bool:
        """True when an answer can be shown (a classmate's answer has arrived, where one is awaited)."""
        return self.human_answer is not None

    @property
    def shown(self) -> str | None:
        """The answer the class sees (None until ready)."""
        if not self.ready:
            return None
        return self.room.output if self.source == ROOM else self.human_answer

    @property
    def revealed(self) -> bool:
        return self.guess is not None

    @property
    def correct(self) -> bool | None:
        return None if self.guess is None else self.guess == self.source


class BlindTest:
    """The game. ``send(card)``, then (with a classmate) ``answer_as_classmate(text)``, then ``guess(...)``.

    ``classmate=True``: every card waits for the classmate's answer, whichever source is
    chosen, so the wait itself gives nothing away. ``classmate=False``: the person's answer
    is the next one of ``human_answers`` (in order, starting again at the end).
    """

    def __init__(self, rulebook: Rulebook | None = None, *, human_answers: Sequence[str] = HUMAN_ANSWERS,
                 classmate: bool = False, seed: int = 0, p_room: float = 0.5):
        if rulebook is None:
            rulebook = load_blind_rulebook()
        self.room = ChineseRoom(rulebook)
        self.human_answers = _human_answers(human_answers)
        if not isinstance(classmate, bool):
            raise InputError(f"classmate must be True or False, not {classmate!r:.40}.")
        if isinstance(seed, bool) or not isinstance(seed, Integral):
            raise InputError(f"seed must be a whole number, not {seed!r:.40}.")
        # compared before any float(): 10**400 must not overflow; NaN fails every comparison
        if isinstance(p_room, bool) or not isinstance(p_room, Real) or not 0 <= p_room <= 1:
            raise InputError(f"p_room must be a number from 0 to 1, not {p_room!r:.40}.")
        self.classmate = classmate
        self.seed = int(seed)
        self.p_room = float(p_room)
        self._rng = random.Random(self.seed)
        self._next_human = 0
        self.rounds: list[Round] = []

    @property
    def current(self) -> Round | None:
        """The latest round, if it has not been guessed yet."""
        if self.rounds and not self.rounds[-1].revealed:
            return self.rounds[-1]
        return None

    def send(self, card: object) -> Round:
        """The class passes a card in. Raises InputError while the last round awaits a guess."""
        if self.current is not None:
            raise InputError("Guess first: was the last answer from the rulebook or from a person?")
        text = clean_text(card, what="card", max_chars=MAX_MESSAGE_CHARS)
        source = ROOM if self._rng.random() < self.p_room else HUMAN
        human = None
        if not self.classmate:
            human = self.human_answers[self._next_human % len(self.human_answers)]
            self._next_human += 1
        round_ = Round(len(self.rounds) + 1, text, source, self.room.reply(text), human)
        self.rounds.append(round_)
        return round_

    def answer_as_classmate(self, text: object) -> Round:
        """The classmate's answer to the card waiting for one."""
        round_ = self.current
        if round_ is None:
            raise InputError("There is no card waiting for an answer: the class sends one first.")
        if round_.ready:
            raise InputError("This card already has its answer; wait for the next card.")
        round_.human_answer = clean_text(text, what="answer", max_chars=MAX_ANSWER_CHARS)
        return round_

    def guess(self, who: object) -> Round:
        """The class's guess for the waiting round ("room" or "human"); reveals the round."""
        if not isinstance(who, str) or who.strip().lower() not in SOURCES:
            raise InputError(f"A guess is \"room\" or \"human\", not {who!r:.40}.")
        round_ = self.current
        if round_ is None:
            raise InputError("There is nothing to guess yet: send a card first.")
        if not round_.ready:
            raise InputError("The answer has not come out yet: the classmate is still typing.")
        round_.guess = who.strip().lower()
        return round_

    def score(self) -> tuple[int, int]:
        """(right guesses, rounds guessed)."""
        done = [r for r in self.rounds if r.revealed]
        return sum(bool(r.correct) for r in done), len(done)

    def restart(self) -> None:
        """A new game with the same seed (the same hidden sequence of sources)."""
        self.__init__(self.room.rulebook, human_answers=self.human_answers,
                      classmate=self.classmate, seed=self.seed, p_room=self.p_room)
