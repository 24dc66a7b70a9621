"""Self-checks of exercise 02-chinese-room: a rulebook that passes the examiners, Blockhead, speed.

The examiners' cards are given to students in the exercise; the checks hold their own copy,
so editing the notebook's copy cannot change what passes. Numbers for q2 to q5 are the
exercise's stated assumptions (not facts about the world): an alphabet of 3,000 characters,
messages of exactly 20 characters, 5 turns; 10^10 look-ups per reply at 2 per second.
"""
import math

from seminar.classroom.checks import Exact, Number, Predicate
from seminar.models.room import ChineseRoom, Rulebook, RulebookError, shapes

#: (card passed in, the reply the examiners want), in the order they are asked.
EXAM = (
    ("你好！", "你好！"),
    ("你好吗？", "我很好，谢谢。"),
    ("你叫什么名字？", "我叫小房。"),
    ("请问，你叫什么名字？", "我叫小房。"),
    ("我叫西奥多。", "你好，西奥多！"),
    ("我叫萨曼莎。", "你好，萨曼莎！"),
    ("今天几号？", "对不起，我不明白。"),
    ("你喜欢下雨吗？", "对不起，我不明白。"),
)


def exam_failures(rules) -> list[str]:
    """Plain-words notes on the cards a rulebook gets wrong (empty: it passes)."""
    book = rules if isinstance(rules, Rulebook) else Rulebook.from_rows(rules)
    room = ChineseRoom(book)
    notes = []
    for number, (card, wanted) in enumerate(EXAM, start=1):
        got = room.reply(card).output
        if shapes(got) != shapes(wanted):
            notes.append(f"card {number} ({card}) got {got or 'a blank card'}")
    return notes


def _passes_exam(rules):
    if rules is None or isinstance(rules, (str, bytes, int, float)):
        return "Not yet: my_rules should be a list of (pattern, reply) pairs."
    try:
        notes = exam_failures(rules)
    except RulebookError as exc:
        return f"Not yet: the room cannot read your rules. {exc}"
    if notes:
        return ("Not yet: " + "; ".join(notes[:3]) + ". Remember: the first row that matches wins, "
                "a * covers any shapes, {1} copies them, and a lone * is the catch-all.")
    return True


_MESSAGES = 3000 ** 20                      # messages of exactly 20 characters
ENTRIES = sum(_MESSAGES ** t for t in range(1, 6))
ORDERS = math.log10(ENTRIES) - 80
YEARS = 10 ** 10 / 2 / (365.25 * 24 * 3600)
RATE = 10 ** 10 / 2

CHECKS = {
    "q1": Predicate(test=_passes_exam,
                    hint="Not yet: pass each card through your room and compare."),
    "q2": Exact(expected=ENTRIES,
                hint="Not yet: count the messages of exactly 20 characters first, then add up "
                     "the conversations of 1, 2, ... 5 turns. Use Python's whole numbers (**), "
                     "not floats."),
    "q3": Number(expected=ORDERS, rel_tol=0, abs_tol=0.05,
                 hint="Not yet: orders of magnitude are a difference of log10 values; "
                      "math.log10 works on a whole number of any size."),
    "q4": Number(expected=YEARS, rel_tol=0.01,
                 hint="Not yet: divide the look-ups by the rate to get seconds, then seconds "
                      "into years (365.25 days of 24 hours)."),
    "q5": Number(expected=RATE, rel_tol=0.01,
                 hint="Not yet: the rate is look-ups divided by the time allowed."),
}


def _hidden_rules(rules):
    """The hidden tests of q1 (the solution's BEGIN HIDDEN TESTS cell, as check data): a name
    the examiners never used, a question worded differently, and at most five rows."""
    if rules is None or isinstance(rules, (str, bytes, int, float)):
        return False
    try:
        room = ChineseRoom(rules if isinstance(rules, Rulebook) else Rulebook.from_rows(rules))
        return (room.reply("我叫艾米。").output == "你好，艾米！"
                and room.reply("那么，你叫什么名字？").output == "我叫小房。"
                and len(rules) <= 5)
    except (RulebookError, TypeError, ValueError):
        return False


#: Hidden tests of core questions, run by the grader on the value it read from the notebook
#: (``python -m seminar grade``; no student code runs). The solution keeps the same tests as
#: a ``### BEGIN HIDDEN TESTS`` cell for nbgrader.
HIDDEN = {
    "q1": Predicate(test=_hidden_rules, hint="Not yet: the rules fail an examiner's card you "
                    "were not shown (a new name, or a question worded differently)."),
}
