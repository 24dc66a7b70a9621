"""Self-checks of exercise 02-chinese-room: a rulebook, Block's numbers, a room by hand, two readings.

Core questions (values): q1 a rulebook as (pattern, reply) pairs; q2 Block's orders of magnitude
read off ``blockhead_table`` under the exercise's stated assumptions (an alphabet of 3,000
characters, messages of exactly 20 characters, 5 turns); q3 years by hand (10^10 look-ups per
reply at 2 per second: assumptions, not facts); q4 and q5 multiple choice on the readings
(``virtual-mind-1``; ``speed-objection-1..3``). Optional (Going further): q11, the exact count.

q1's check tests everything the instructor's hidden tests test (the examiners' eight cards, two
more cards, at most five rows), so a passing self-check (which, as q1 is in ``HIDDEN``, says
"passes the checks you can see; your instructor runs more") means the hidden tests pass too. The checks
hold their own copy of the cards, so editing the notebook's copy cannot change what passes.
"""

from seminar.classroom.checks import Choice, Exact, Number, Predicate
from seminar.models.room import (ChineseRoom, Rulebook, RulebookError, blockhead_table,
                                 shapes)

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
#: Two more cards the check (and the hidden tests) pass in: a new name, another polite opener.
EXTRA_CARDS = (
    ("我叫艾米。", "你好，艾米！"),
    ("那么，你叫什么名字？", "我叫小房。"),
)
MAX_ROWS = 5


def exam_failures(rules, cards=EXAM) -> list[str]:
    """Plain-words notes on the cards a rulebook gets wrong (empty: it passes)."""
    book = rules if isinstance(rules, Rulebook) else Rulebook.from_rows(rules)
    room = ChineseRoom(book)
    notes = []
    for card, wanted in cards:
        got = room.reply(card).output
        if shapes(got) != shapes(wanted):
            number = [c for c, _ in EXAM + EXTRA_CARDS].index(card) + 1
            label = f"card {number}" if number <= len(EXAM) else "the extra card"
            notes.append(f"{label} ({card}) got {got or 'a blank card'}")
    return notes


def _passes_exam(rules):
    if rules is None or isinstance(rules, (str, bytes, int, float, dict)):
        return ("Not yet: my_rules should be a list of (pattern, reply) pairs, such as "
                "[(\"你好\", \"你好！\"), (\"*\", \"对不起，我不明白。\")].")
    if isinstance(rules, (list, tuple)) and rules and all(isinstance(r, str) for r in rules):
        return ("Not yet: my_rules holds single texts, but each row needs two: a pattern and a "
                "reply, in round brackets: (\"你好\", \"你好！\").")
    try:
        notes = exam_failures(rules)
        extra = exam_failures(rules, EXTRA_CARDS)
    except RulebookError as exc:
        return f"Not yet: the room cannot read your rules. {exc}"
    if notes:
        return ("Not yet: " + "; ".join(notes[:3]) + ". Remember: the first row that matches wins, "
                "a * covers any shapes, {1} copies them, and a lone * is the catch-all.")
    if extra:
        return ("Not yet: the examiners' eight cards pass, but " + "; ".join(extra) + ". Write "
                "general rows: one row with * and {1} for every name, and a * before a question "
                "that can come after other words.")
    rows = len(rules.rows()) if isinstance(rules, Rulebook) else len(list(rules))
    if rows > MAX_ROWS:
        return (f"Not yet: every card passes, but your rulebook has {rows} rows; "
                f"{MAX_ROWS} are enough. Which rows could one row with a * replace?")
    return True


#: Orders of magnitude beyond 10^80, as blockhead_table shows them (two decimal places).
ORDERS = float(blockhead_table(3000, 20, 5, exact_length=True).loc[5, "orders beyond 10^80"])
YEARS = 10 ** 10 / 2 / (365.25 * 24 * 3600)
#: The optional exact count: messages of exactly 20 characters, 1 to 5 turns.
ENTRIES = sum((3000 ** 20) ** t for t in range(1, 6))

CHECKS = {
    "q1": Predicate(test=_passes_exam,
                    hint="Not yet: pass each card through your room and compare."),
    "q2": Number(expected=ORDERS, rel_tol=0, abs_tol=0.05,
                 hint="Not yet: run the toy cell with exact_length = True and read the row for "
                      "5 turns, column 'orders beyond 10^80'."),
    "q3": Number(expected=YEARS, rel_tol=0.01,
                 hint="Not yet: divide the look-ups by the rate to get seconds, then seconds "
                      "into years (365.25 days of 24 hours of 3,600 seconds)."),
    "q4": Choice(expected="B", options={
        "A": "the reply concedes that the operator does not understand Chinese, memorised "
             "rulebook or not.",
        "B": "",
        "C": "that is Searle's conclusion; the Virtual Mind reply is a reply to Searle.",
        "D": "neither the systems reply nor the Virtual Mind reply puts understanding in the "
             "rulebook alone; the question is whether running the program creates it.",
    }, hint="Not yet: read the excerpt's second sentence again."),
    "q5": Choice(expected="C", options={
        "A": "that is Dennett's view (speed is \"of the essence\"), and Maudlin disagrees with Dennett.",
        "B": "that is Pinker's view, a claim about our intuitions, not Maudlin's.",
        "C": "",
        "D": "none of the three says the room could never answer: slowness is a matter of "
             "time, not of possibility.",
    }, hint="Not yet: read speed-objection-3 again."),
    "q11": Exact(expected=ENTRIES,
                 hint="Not yet: count the messages of exactly 20 characters first, then add up "
                      "the conversations of 1, 2, ... 5 turns. Use Python's whole numbers (**), "
                      "not floats."),
}

OPTIONAL = {"q11"}


def _hidden_rules(rules):
    """The hidden tests of q1 (the solution's BEGIN HIDDEN TESTS cell, as check data): a name
    the examiners never used, a question worded differently, and at most five rows. q1's
    self-check tests all of these too, so the two cannot disagree."""
    if rules is None or isinstance(rules, (str, bytes, int, float)):
        return False
    try:
        room = ChineseRoom(rules if isinstance(rules, Rulebook) else Rulebook.from_rows(rules))
        return (room.reply("我叫艾米。").output == "你好，艾米！"
                and room.reply("那么，你叫什么名字？").output == "我叫小房。"
                and len(rules) <= MAX_ROWS)
    except (RulebookError, TypeError, ValueError):
        return False


#: Hidden tests of core questions, run by the grader on the value it read from the notebook
#: (``python -m seminar grade``; no student code runs). The solution keeps the same tests as
#: a ``### BEGIN HIDDEN TESTS`` cell for nbgrader.
HIDDEN = {
    "q1": Predicate(test=_hidden_rules, hint="Not yet: the rules fail an examiner's card you "
                    "were not shown (a new name, or a question worded differently)."),
}
