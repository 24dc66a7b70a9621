"""Exercise 02 (the Chinese Room): a no-code core, its self-checks agree with the hidden tests,
written prompts outnumber checked values, and code only under "Going further"."""
import ast
import json
import re

import pytest

from seminar import KIT_ROOT
from seminar.classroom.checks import Checker
from seminar.classroom.exercise_checks import e02_chinese_room as E
from seminar.models.room import blockhead_entries, blockhead_table, orders_beyond_universe

SOLUTION = KIT_ROOT / "solutions" / "02-chinese-room.ipynb"
CELLS = json.loads(SOLUTION.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def solution_region(text):
    return text.split("### BEGIN SOLUTION", 1)[1].split("### END SOLUTION", 1)[0]


HIDDEN = next(source(c) for c in CELLS if "### BEGIN HIDDEN TESTS" in source(c))
CHECK = Checker("02-chinese-room")

GOOD = [("你好吗", "我很好，谢谢。"), ("你好", "你好！"), ("*你叫什么名字", "我叫小房。"),
        ("我叫*", "你好，{1}！"), ("*", "对不起，我不明白。")]
ONE_ROW_PER_CARD = [(card.rstrip("！？。"), reply) for card, reply in E.EXAM]
CANDIDATES = {
    "good": GOOD,
    "one row per card (8 rows)": ONE_ROW_PER_CARD,
    "good plus a spare row (6 rows)": GOOD[:4] + [("再见", "再见！")] + GOOD[4:],
    "names one by one": GOOD[:3] + [("我叫西奥多", "你好，西奥多！"), ("我叫萨曼莎", "你好，萨曼莎！"),
                                    GOOD[4]],
    "polite opener only": GOOD[:2] + [("你叫什么名字", "我叫小房。"), ("请问你叫什么名字", "我叫小房。"),
                                      GOOD[3], GOOD[4]],
    "no catch-all": GOOD[:4],
}


def hidden_tests_pass(rules) -> bool:
    code = HIDDEN.replace("### BEGIN HIDDEN TESTS", "").replace("### END HIDDEN TESTS", "")
    from seminar.models.room import ChineseRoom, Rulebook
    try:
        exec(code, {"my_rules": rules, "ChineseRoom": ChineseRoom, "Rulebook": Rulebook})
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize("name", CANDIDATES)
def test_q1_says_correct_only_when_the_hidden_tests_pass_too(name):
    rules = CANDIDATES[name]
    result = CHECK.evaluate("q1", rules)
    expected = not E.exam_failures(rules) and hidden_tests_pass(rules)
    assert result.correct == expected, (name, result.message)


def test_the_eight_row_book_is_told_why():
    assert not E.exam_failures(ONE_ROW_PER_CARD)          # it passes the eight cards...
    message = CHECK.evaluate("q1", ONE_ROW_PER_CARD).message
    assert "extra card" in message and "我叫艾米" in message  # ...and is told what else is tested
    six = CANDIDATES["good plus a spare row (6 rows)"]
    assert "6 rows" in CHECK.evaluate("q1", six).message


@pytest.mark.parametrize("slip,words", [
    (["你好", "你好！"], "two"), ("你好", "list of (pattern, reply) pairs"),
    ({"你好": "你好！"}, "list of (pattern, reply) pairs"), (8, "list"),
    ([("你好", "你好！", "x")], "pair"),
])
def test_q1_slips_get_plain_words(slip, words):
    result = CHECK.evaluate("q1", slip)
    assert not result.correct and words in result.message


def test_q2_is_read_off_the_toy_and_agrees_with_the_exact_count():
    table = blockhead_table(3000, 20, 5, exact_length=True)
    assert table.loc[5, "orders beyond 10^80"] == pytest.approx(E.ORDERS)
    import math
    assert E.ORDERS == pytest.approx(math.log10(E.ENTRIES) - 80, abs=0.005)
    assert table.loc[5, "digits"] == len(str(E.ENTRIES))
    loose = blockhead_table(3000, 20, 5)
    assert loose.loc[5, "orders beyond 10^80"] == pytest.approx(
        orders_beyond_universe(blockhead_entries(3000, 20, 5)), abs=0.005)
    assert CHECK.evaluate("q2", 267.71).correct and CHECK.evaluate("q2", 267.7).correct
    assert not CHECK.evaluate("q2", 348).correct          # the digits, not the orders


def test_choices_say_why_each_wrong_option_is_wrong():
    for q in ("q4", "q5"):
        choice = E.CHECKS[q]
        for letter, why in choice.options.items():
            result = CHECK.evaluate(q, letter)
            assert result.correct == (letter == choice.expected)
            if letter != choice.expected:
                assert why and why in result.message
        assert "not one of the choices" in CHECK.evaluate(q, "E").message


# -- the no-code core -----------------------------------------------------------------------
ALLOWED_CALLS = {"round", "abs", "min", "max"}


def calculator_problems(code: str) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, (ast.FunctionDef, ast.Lambda, ast.For, ast.While, ast.If, ast.IfExp,
                             ast.ListComp, ast.GeneratorExp, ast.DictComp, ast.SetComp,
                             ast.Subscript, ast.Import, ast.ImportFrom)):
            problems.append(type(node).__name__)
        elif isinstance(node, ast.Call):
            f = node.func
            ok = (isinstance(f, ast.Name) and f.id in ALLOWED_CALLS) or (
                isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "math")
            if not ok:
                problems.append("call " + ast.unparse(f))
    return problems


def test_core_solutions_are_calculator_level_and_code_is_optional():
    core, optional = [], []
    for cell in CELLS:
        if cell["cell_type"] == "code" and "### BEGIN SOLUTION" in source(cell):
            (optional if "optional" in tags(cell) else core).append(solution_region(source(cell)))
    assert len(core) == 5 and len(optional) == 1
    for region in core:
        assert calculator_problems(region) == [], region
    assert calculator_problems(optional[0])              # the test can fail: the optional cell is code
    assert E.OPTIONAL == {"q11"}
    heading = [i for i, c in enumerate(CELLS) if "Going further (optional, for those who code)" in source(c)]
    assert heading and all("optional" in tags(c) for c in CELLS[heading[0]:-1]
                           if "instructor" not in tags(c))


def test_written_prompts_at_least_match_checked_core_values():
    written = [c for c in CELLS if c["cell_type"] == "markdown" and "### BEGIN SOLUTION" in source(c)]
    checked = [q for q in E.CHECKS if q not in E.OPTIONAL]
    assert len(written) >= max(3, len(checked))
    for cell in written:
        assert "**What to look for:**" in source(cell)
    prompts = [source(c) for c in CELLS if c["cell_type"] == "markdown"]
    ranges = [p for p in prompts if re.search(r"In \d+ to \d+ words", p)]
    assert len(ranges) == len(written)


def test_no_unsourced_claim_about_samantha_choosing_her_name():
    text = SOLUTION.read_text(encoding="utf-8")
    assert "for reasons she can give" not in text
