"""Unit tests of seminar.models.arguments: syntax, errors, truth tables, validity, limits."""
import itertools
import random
import time

import numpy as np
import pandas as pd
import pytest

from seminar.models import arguments as A
from seminar.models.arguments import (COUNTEREXAMPLE, MAX_ATOMS, PREMISES_TRUE, FormulaError, Limits,
                               argument, argument_from_text, assess, atom_columns,
                               coerce_argument, entails, equivalent, is_counterexample, parse,
                               row_values, table_bytes, table_excerpt, temporaries, truth_table)
from seminar.text import InputError


def column(formula, atoms):
    """The formula's values over the textbook rows of ``atoms``."""
    cols = atom_columns(atoms)
    return parse(formula).values(cols, 2 ** len(atoms)).tolist()


def rows(n):
    return list(itertools.product([True, False], repeat=n))


# ---------------------------------------------------------------- syntax and precedence

@pytest.mark.parametrize("text, shown", [
    ("not body -> not love", "¬body → ¬love"),
    ("a and b or c -> d", "((a ∧ b) ∨ c) → d"),
    ("a or b and c", "a ∨ (b ∧ c)"),
    ("a -> b -> c", "a → (b → c)"),
    ("a <-> b <-> c", "(a ↔ b) ↔ c"),
    ("a -> b <-> c", "(a → b) ↔ c"),
    ("not not a", "¬¬a"),
    ("not (a and b)", "¬(a ∧ b)"),
    ("a & b & c", "a ∧ b ∧ c"),
    ("(a & b) & c", "(a ∧ b) ∧ c"),
    ("true -> false", "⊤ → ⊥"),
    ("Body IMPLIES Love", "body → love"),
])
def test_precedence_and_grouping(text, shown):
    assert str(parse(text)) == shown


@pytest.mark.parametrize("variants", [
    ["not a", "~a", "!a", "¬a", "NOT a"],
    ["a and b", "a & b", "a && b", "a ∧ b", "a /\\ b", "a AND b"],
    ["a or b", "a | b", "a || b", "a ∨ b", "a \\/ b"],
    ["a implies b", "a -> b", "a => b", "a → b", "a ⇒ b"],
    ["a iff b", "a <-> b", "a <=> b", "a ↔ b", "a ⇔ b"],
    ["true", "⊤", "TRUE"],
])
def test_words_and_symbols_mean_the_same(variants):
    trees = {parse(v).tree for v in variants}
    assert len(trees) == 1, variants


@pytest.mark.parametrize("formula, truth", [
    ("not a", lambda a, b: not a),
    ("a and b", lambda a, b: a and b),
    ("a or b", lambda a, b: a or b),
    ("a -> b", lambda a, b: (not a) or b),
    ("a <-> b", lambda a, b: a == b),
    ("a & ~a", lambda a, b: False),
    ("b | true", lambda a, b: True),
])
def test_operators_truth_functions(formula, truth):
    got = column(formula, ["a", "b"])
    assert got == [truth(a, b) for a, b in rows(2)]


def test_words_render_back():
    assert parse("~a & (b -> c)").words() == "not a and (b implies c)"
    assert parse(str(parse("~a & (b -> c)"))).tree == parse("~a & (b -> c)").tree


def test_comments_and_spaces_are_ignored():
    f = parse("  love\t->   limbic   # what-sucks-8")
    assert str(f) == "love → limbic" and f.atoms == ("love", "limbic")


def test_unicode_spaces_separate_tokens():
    assert str(parse("love\u00a0->\u2003body")) == "love → body"   # no-break and em spaces
    assert "ZERO WIDTH SPACE" in str(error_of("love\u200b -> body"))
    assert "U+0000" in str(error_of("love \x00"))


def test_conclusion_box_may_start_with_therefore():
    assert argument("a -> b\na", "therefore b").conclusion.tree == parse("b").tree
    assert argument("a -> b\na", "∴ b").conclusion.tree == parse("b").tree


def test_atoms_in_order_of_appearance_and_case_folded():
    assert parse("Zeta & alpha | ZETA & has_body2").atoms == ("zeta", "alpha", "has_body2")


def _random_tree(rng, atoms, depth):
    if depth == 0 or rng.random() < 0.25:
        return ("atom", rng.choice(atoms))
    op = rng.choice(["not", "and", "or", "implies", "iff"])
    if op == "not":
        return (op, _random_tree(rng, atoms, depth - 1))
    return (op, _random_tree(rng, atoms, depth - 1), _random_tree(rng, atoms, depth - 1))


_SPELL = {"not": ["not ", "~", "!", "¬"], "and": [" and ", "&", " ∧ ", "&&"],
          "or": [" or ", "|", " ∨ ", "||"], "implies": [" implies ", "->", " → ", "=>"],
          "iff": [" iff ", "<->", " ↔ ", "<=>"]}


def _write(tree, rng):
    """Fully bracketed text, with a random spelling of each operator."""
    if tree[0] == "atom":
        return tree[1]
    if tree[0] == "not":
        return f"{rng.choice(_SPELL['not'])}({_write(tree[1], rng)})"
    return f"({_write(tree[1], rng)}){rng.choice(_SPELL[tree[0]])}({_write(tree[2], rng)})"


def _truth(tree, env):
    op = tree[0]
    if op == "atom":
        return env[tree[1]]
    if op == "not":
        return not _truth(tree[1], env)
    a, b = _truth(tree[1], env), _truth(tree[2], env)
    return {"and": a and b, "or": a or b, "implies": (not a) or b, "iff": a == b}[op]


def test_random_formulas_match_a_plain_python_evaluator():
    rng = random.Random(6)
    atoms = ["p", "q", "r", "s"]
    for _ in range(200):
        tree = _random_tree(rng, atoms, 5)
        text = _write(tree, rng)
        expected = [_truth(tree, dict(zip(atoms, row))) for row in rows(4)]
        assert column(text, atoms) == expected, text


def test_atom_columns_follow_the_textbook_order():
    for n in range(0, 13):
        atoms = [f"a{i}" for i in range(n)]
        cols = atom_columns(atoms)
        got = [tuple(bool(cols[a][r]) for a in atoms) for r in range(2 ** n)]
        assert got == rows(n)


# ---------------------------------------------------------------- errors name the spot

def error_of(text, **kwargs):
    with pytest.raises(FormulaError) as info:
        parse(text, **kwargs)
    return info.value


def test_the_briefs_example_message():
    err = error_of("body->)")
    assert str(err) == "position 7: expected an atom or '(' but found ')'"
    assert err.position == 7 and err.symbol == ")"
    assert err.pointer() == "body->)\n      ^"


@pytest.mark.parametrize("text, position, words", [
    ("body & )", 8, "expected an atom or '(' but found ')'"),
    ("(body -> love", 14, "expected ')' to close the '(' at position 1 but found the end"),
    ("body -> love)", 13, "found ')' with no '(' before it"),
    ("((a)", 5, "to close the '(' at position 1"),
    ("body love", 6, "expected an operator or the end of the formula but found the atom 'love'"),
    ("body and", 9, "found the end of the formula"),
    ("-> love", 1, "an operator needs a formula on each side"),
    ("or -> love", 1, "'or' is an operator word, so it cannot name an atom"),
    ("love -> and", 9, "'and' is an operator word"),
    ("not -> love", 5, "expected an atom or '(' but found '->'"),
    ("love 😀 body", 6, "unknown symbol '😀' (GRINNING FACE)"),
    ("אהבה -> x", 1, "HEBREW LETTER ALEF"),
    ("körper", 2, "cannot be part of an atom's name"),
    ("a ^ b", 3, "write & (or 'and') for and"),
    ("a = b", 3, "<-> for iff"),
    ("a, b", 2, "each premise on its own line"),
    ("<script>alert(1)</script>", 1, "unknown symbol '<'"),
    ("if a then b", 1, "'if' is a reserved word"),
    ("a xor b", 3, "reserved word"),
    ("2body", 1, "must start with a letter"),
    ("∀x love", 1, "no quantifiers"),
])
def test_errors_name_position_and_symbol(text, position, words):
    err = error_of(text)
    assert err.position == position
    assert str(err).startswith(f"position {position}: ")
    assert words in str(err)
    caret = err.pointer().splitlines()
    assert caret[0] == text and caret[1].endswith("^")


def test_caret_allows_for_wide_characters():
    err = error_of("愛 -> love")  # a wide character: the caret sits under it
    assert err.position == 1
    err = error_of("a & 😀 & )")
    assert err.pointer().splitlines()[1] == "    ^"   # the emoji is two columns wide
    err = error_of("a & 😀")
    assert err.position == 5


def test_error_names_the_premise_and_line():
    with pytest.raises(FormulaError) as info:
        argument("love -> limbic\n\n# a comment\nlimbic -> )", "love")
    assert str(info.value).startswith("Premise 2 (line 4), position 11: expected an atom")
    with pytest.raises(FormulaError) as info:
        argument(["a", "b &"], "a")
    assert str(info.value).startswith("Premise 2, position 4")
    with pytest.raises(FormulaError) as info:
        argument("a", "a -> (b")
    assert str(info.value).startswith("The conclusion, position 8")


def test_traceback_note_shows_the_caret():
    err = error_of("a -> )")
    assert "a -> )\n     ^" in "\n".join(getattr(err, "__notes__", [err.pointer()]))
    assert "^" in err.explain()


@pytest.mark.parametrize("bad, words", [
    ("", "empty"), ("   ", "empty"), ("# only a comment", "empty"),
    (None, "must be text, not NoneType"), (3, "must be text, not int"),
    (float("nan"), "must be text, not float"), (-1, "must be text"), (["a"], "must be text"),
    ("a" * 1001, "1,001 characters long; the limit is 1,000"),
    ("a\nb", "one line"),
])
def test_bad_formula_input(bad, words):
    with pytest.raises(InputError) as info:
        parse(bad)
    assert words in str(info.value)


def test_nesting_is_limited_not_a_crash():
    deep = "(" * 65 + "a" + ")" * 65
    err = error_of(deep)
    assert "nested more than 64 deep" in str(err) and err.position == 65
    parse("(" * 60 + "a" + ")" * 60)  # deep but allowed
    err = error_of("~" * 70 + "a")
    assert "more than 64 deep" in str(err)
    err = error_of(" -> ".join(f"a{i}" for i in range(80)))
    assert "more than 64 deep" in str(err)
    long_and = " & ".join(f"a{i % 20}" for i in range(150))  # flat: depth 2, fine
    assert parse(long_and).tree.depth == 2


def test_long_atom_names_are_refused():
    assert "characters long; the limit is 40" in str(error_of("a" * 41 + " -> b"))


# ---------------------------------------------------------------- arguments

def test_argument_from_lines_list_and_text():
    a1 = argument("love -> limbic\nlimbic -> body  # from what-sucks-8\n\n", "not body -> not love")
    a2 = argument(["love -> limbic", "limbic -> body"], "~body -> ~love")
    a3 = argument_from_text("love -> limbic\nlimbic -> body\ntherefore not body -> not love")
    a4 = argument_from_text("love -> limbic\nlimbic -> body\n∴ ¬body → ¬love")
    a5 = argument_from_text("love -> limbic\nlimbic -> body\nTherefore: not body -> not love\n")
    assert a1.premises == a2.premises == a3.premises == a4.premises == a5.premises
    assert a1.conclusion.tree == a3.conclusion.tree == a5.conclusion.tree
    assert a1.atoms == ("love", "limbic", "body")
    assert a1.labels == ["P1: love → limbic", "P2: limbic → body", "C: ¬body → ¬love"]
    assert "∴" in str(a1)


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("a -> b\na", "start the last line with 'therefore'"),
    ("therefore a\ntherefore b", "one conclusion"),
    ("therefore a\nb", "must come last"),
    ("a\ntherefore", "The conclusion (line 2): the formula is empty"),
    ("a\ntherefore (a", "The conclusion (line 2), position 3"),
    (12, "must be text, not int"),
    ("x" * 10_001, "10,001 characters long"),
])
def test_argument_from_text_errors(text, words):
    with pytest.raises(InputError) as info:
        argument_from_text(text)
    assert words in str(info.value)


@pytest.mark.parametrize("premises, conclusion, words", [
    ("a", "", "conclusion is empty"),
    ("a", None, "conclusion is empty"),
    ("a", "b\nc", "one formula on one line"),
    (42, "a", "must be text (one premise per line) or a list"),
    (float("nan"), "a", "not float"),
    ([1, 2], "a", "Premise 1 must be text, not int"),
    (["a"] * 41, "a", "41 premises; the limit is 40"),
    ("\n".join(["a"] * 41), "a", "41 premises; the limit is 40"),
    ("a" * 1_048_576, "a", "1,048,576 characters long; the limit is 10,000"),
    ("a", 7, "conclusion must be text"),
])
def test_argument_errors(premises, conclusion, words):
    with pytest.raises(InputError) as info:
        argument(premises, conclusion)
    assert words in str(info.value)


def test_coerce_argument_accepts_the_forms_a_student_may_hand_in():
    arg = argument(["a -> b", "a"], "b")
    for answer in (arg, "a -> b\na\ntherefore b", (["a -> b", "a"], "b"),
                   ("a -> b\na", "b"), {"premises": ["a -> b", "a"], "conclusion": "b"}):
        assert coerce_argument(answer).premises == arg.premises
    for bad in (3, None, ["a"], {"p": 1}):
        with pytest.raises(InputError):
            coerce_argument(bad)


# ---------------------------------------------------------------- truth tables and validity

def test_truth_table_columns_and_rows():
    table = truth_table(argument(["love -> limbic", "limbic -> body"], "not body -> not love"))
    assert list(table.columns) == ["love", "limbic", "body", "P1: love → limbic",
                                   "P2: limbic → body", "C: ¬body → ¬love",
                                   PREMISES_TRUE, COUNTEREXAMPLE]
    assert table.index.name == "row" and list(table.index) == list(range(1, 9))
    assert (table.dtypes == bool).all()
    assert table.loc[1, ["love", "limbic", "body"]].tolist() == [True, True, True]
    assert table.loc[8, ["love", "limbic", "body"]].tolist() == [False, False, False]
    assert table[PREMISES_TRUE].tolist() == [True, False, False, False, True, False, True, True]
    assert not table[COUNTEREXAMPLE].any()


@pytest.mark.parametrize("premises, conclusion, valid", [
    (["a -> b", "a"], "b", True),                    # modus ponens
    (["a -> b", "not b"], "not a", True),            # modus tollens
    (["a -> b", "b -> c"], "a -> c", True),          # chain
    (["a or b", "not a"], "b", True),                # disjunctive syllogism
    (["a -> b", "b"], "a", False),                   # affirming the consequent
    (["a -> b", "not a"], "not b", False),           # denying the antecedent
    ([], "a or not a", True),                        # a tautology needs no premises
    ([], "a", False),
    (["love -> body", "not body"], "not love", True),
])
def test_validity(premises, conclusion, valid):
    verdict = assess(premises, conclusion)
    assert verdict.valid is valid
    assert (verdict.counterexample_rows == 0) is valid
    assert ("Not valid" in verdict.summary()) is (not valid)


def test_counterexample_of_affirming_the_consequent():
    verdict = assess(["body -> love", "love"], "body")
    assert verdict.counterexample() == {"body": False, "love": True}
    assert verdict.first_counterexample_row() == 3
    assert verdict.counterexamples().index.tolist() == [3]
    assert "row 3: body = F, love = T" in verdict.summary()
    row = verdict.table.loc[3]
    assert row["P1: body → love"] and row["P2: love"] and not row["C: body"]
    assert row[PREMISES_TRUE] and row[COUNTEREXAMPLE]


def test_counterexample_marker_matches_its_definition():
    rng = random.Random(3)
    atoms = ["p", "q", "r"]
    for _ in range(50):
        premises = [_write(_random_tree(rng, atoms, 3), rng) for _ in range(rng.randint(0, 3))]
        conclusion = _write(_random_tree(rng, atoms, 3), rng)
        verdict = assess(premises, conclusion)
        table = verdict.table
        formula_cols = table.columns[len(verdict.argument.atoms):-2]
        all_true = table[formula_cols[:-1]].all(axis=1) if len(formula_cols) > 1 else True
        expected = all_true & ~table[formula_cols[-1]]
        assert table[COUNTEREXAMPLE].tolist() == list(pd.Series(expected, index=table.index))
        assert verdict.valid is (not bool(np.any(expected)))


def test_inconsistent_premises_are_valid_and_the_summary_says_why():
    verdict = assess(["love", "not love"], "body")
    assert verdict.valid and not verdict.consistent
    assert "contradict each other" in verdict.summary()


def test_no_premises_summary():
    assert "tautology" in assess([], "a | ~a").summary()
    assert "a = F" in assess("", "a").summary()


def test_one_premise_summary_reads_well():
    assert "where the premise is true" in assess(["a & b"], "a").summary()


def test_constants_alone_give_a_one_row_table():
    verdict = assess([], "true")
    assert verdict.rows == 1 and verdict.valid


def test_row_values_and_is_counterexample():
    arg = argument(["body -> limited", "limited -> together", "not body"], "not together")
    row = {"body": False, "limited": True, "together": True}
    assert row_values(arg, row) == {"P1: body → limited": True, "P2: limited → together": True,
                                    "P3: ¬body": True, "C: ¬together": False}
    assert is_counterexample(arg, row)
    assert is_counterexample(arg, {"Body": 0, "limited": "F", "together": "T"})
    assert not is_counterexample(arg, {"body": False, "limited": False, "together": False})


@pytest.mark.parametrize("values, words", [
    ({"body": False, "limited": True}, "No value for 'together'"),
    ({"body": False, "limited": True, "together": True, "love": True}, "'love' is not an atom"),
    ({"body": "maybe", "limited": True, "together": True}, "must be True or False"),
    ({"body": 2, "limited": True, "together": True}, "must be True or False"),
    ({"body": float("nan"), "limited": True, "together": True}, "must be True or False"),
    ([("body", False)], "Give the row as a dict"),
    ({1: True}, "Atom names are text"),
])
def test_row_values_errors(values, words):
    arg = argument(["body -> limited", "limited -> together", "not body"], "not together")
    with pytest.raises(InputError) as info:
        row_values(arg, values)
    assert words in str(info.value)


def test_equivalent_and_entails():
    assert equivalent("not body -> not love", "love -> body")
    assert equivalent("not (a and b)", "~a | ~b")
    assert not equivalent("a -> b", "b -> a")
    assert equivalent("a", "a & (b | ~b)")  # different atoms, same values
    assert entails(["a -> b", "a"], "b") and not entails(["a -> b", "b"], "a")


# ---------------------------------------------------------------- big tables and limits

def test_max_atoms_comes_from_the_memory_budget():
    assert MAX_ATOMS == A.max_atoms(Limits()) == 22
    budget = Limits().memory_budget_bytes
    assert table_bytes(MAX_ATOMS, 1) <= budget < table_bytes(MAX_ATOMS + 1, 1)
    small = Limits(memory_budget_bytes=2**20, overhead_bytes=1)
    # 2**15 rows x (15 atoms + 1 formula + 2 markers + 3 working) + 1 = 688,129 bytes <= 1 MiB;
    # 2**16 x 22 + 1 = 1,441,793 bytes > 1 MiB
    assert A.max_atoms(small) == 15
    assert A.max_atoms(Limits(memory_budget_bytes=2**20)) == 0   # the overhead alone fills it


def test_temporaries_counts_columns_held_during_evaluation():
    assert temporaries(parse("a").tree) == 0
    assert temporaries(parse("~a").tree) == 1
    assert temporaries(parse("a -> b").tree) == 1
    assert temporaries(parse("(a & b) -> (c & d)").tree) == 3
    assert temporaries(parse("a & b & c & d").tree) == 1
    nested = "(a&b) -> ((c&d) -> ((e&f) -> (g&h)))"
    assert temporaries(parse(nested).tree) >= 4


def test_a_twenty_atom_argument_works():
    n = 20
    arg = argument([f"a{i} -> a{i + 1}" for i in range(n - 1)], f"a0 -> a{n - 1}")
    verdict = assess(arg)
    assert verdict.rows == 2 ** 20 and verdict.valid
    assert verdict.premise_rows == n + 1   # a monotone chain: n + 1 ways


def test_too_many_atoms_are_refused_before_any_memory_is_used():
    atoms = [f"a{i}" for i in range(MAX_ATOMS + 1)]
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        assess([" & ".join(atoms)], "a0")
    assert time.perf_counter() - start < 5  # refused at once, not after filling the memory
    message = str(info.value)
    assert f"{MAX_ATOMS + 1} atoms" in message and "8,388,608 rows" in message
    assert f"the limit is {MAX_ATOMS} atoms" in message
    with pytest.raises(InputError):
        assess([" & ".join(f"b{i}" for i in range(40))], "b0")
    with pytest.raises(InputError):
        equivalent(" & ".join(atoms), "a0")


def test_too_many_formulas_at_the_atom_limit_are_refused_with_the_size():
    atoms = [f"a{i}" for i in range(MAX_ATOMS)]
    premises = [" | ".join(atoms)] * 40
    with pytest.raises(InputError) as info:
        assess(premises, "a0")
    assert "MB" in str(info.value) and "fewer atoms or fewer premises" in str(info.value)


def test_a_smaller_budget_refuses_smaller_tables():
    small = Limits(memory_budget_bytes=2**16, overhead_bytes=1)
    with pytest.raises(InputError) as info:
        assess([" & ".join(f"a{i}" for i in range(14))], "a0", limits=small)
    assert "the limit is 11 atoms" in str(info.value)   # 2**11 x 17 <= 65,536 < 2**12 x 18


# ---------------------------------------------------------------- what to show of a big table

def test_small_tables_are_shown_whole():
    verdict = assess(["a -> b"], "b")
    shown, note = table_excerpt(verdict, 64)
    assert shown is verdict.table and note == ""


def test_big_tables_show_counterexamples_first():
    atoms = [f"a{i}" for i in range(10)]
    verdict = assess([" | ".join(atoms)], "a0")       # invalid: many counterexamples
    shown, note = table_excerpt(verdict, 16)
    assert len(shown) == 16 and shown[COUNTEREXAMPLE].all()
    assert f"{verdict.counterexample_rows:,} in all" in note and "Showing 16 of 1,024" in note
    assert list(shown.index) == sorted(shown.index)


def test_big_valid_table_shows_rows_where_the_premises_hold():
    atoms = [f"a{i}" for i in range(10)]
    verdict = assess([" & ".join(atoms)], "a0")       # valid: one row with all premises true
    shown, note = table_excerpt(verdict, 16)
    assert list(shown.index) == [1] and "every premise is true (1 in all)" in note


def test_big_table_with_inconsistent_premises():
    atoms = [f"a{i}" for i in range(10)]
    verdict = assess([" & ".join(atoms), "~a0"], "a1")
    shown, note = table_excerpt(verdict, 16)
    assert len(shown) == 16 and "No row makes every premise true" in note


@pytest.mark.parametrize("bad", [0, -3, 2.5, True, "10", None])
def test_table_excerpt_rejects_bad_sizes(bad):
    with pytest.raises(ValueError, match="max_rows"):
        table_excerpt(assess(["a"], "a"), bad)


def test_truth_table_needs_an_argument():
    with pytest.raises(InputError, match="Expected an Argument"):
        truth_table("a -> b")


def test_syntax_table_lists_the_operators_in_binding_order():
    table = A.syntax_table()
    assert table["word"].tolist() == ["not", "and", "or", "implies", "iff"]
    assert table.loc[2, "symbols"] == "&  &&  /\\  ∧"
    assert "->" in table.loc[4, "symbols"] and "¬" in table.loc[1, "symbols"]


def test_limits_have_sources():
    for name in ("memory_budget_bytes", "max_depth", "working_columns"):
        assert Limits.source(name)


# ---------------------------------------------------------------- the exercise's checks (06-bodies)

@pytest.fixture
def checker(monkeypatch):
    from seminar.classroom.checks import Checker
    monkeypatch.delenv("SEMINAR_STRICT", raising=False)
    return Checker("06-bodies")


GOOD_Q1 = """
love -> limbic     # what-sucks-8
limbic -> body
therefore not body -> not love
"""


@pytest.mark.parametrize("answer", [
    GOOD_Q1,
    "love -> limbic\nlimbic -> nervous\nnervous -> body\nnot body\ntherefore not love",
    "love -> limbic\nlimbic -> body\n∴ love -> body",
    (["love -> limbic", "limbic -> body"], "~body -> ~love"),
    argument(["love -> limbic", "limbic -> body", "~body"], "~love"),
])
def test_q1_accepts_valid_reconstructions(checker, answer):
    assert checker.evaluate("q1", answer).correct


@pytest.mark.parametrize("answer, words", [
    ("love -> body\nnot body\ntherefore not love", "missing: limbic"),
    ("love -> limbic\nlimbic -> body\ntherefore body", "should say 'no body, no love'"),
    ("limbic -> body\nnot body\ntherefore not limbic", "missing: love"),
    ("love -> limbic & body\ntherefore not body -> not love", "at least two premises"),
    ("love -> mind\nmind -> body\ntherefore (not body -> not love) & (limbic | ~limbic)",
     "go through limbic revision"),
    ("love -> body\nlimbic -> limbic\ntherefore not body -> not love",
     "first premise already says the conclusion"),
    ("love -> limbic\nlimbic & ~limbic\ntherefore not body -> not love", "contradict each other"),
    ("love -> limbic\nbody -> limbic\ntherefore not body -> not love", "not valid"),
    ("love -> limbic\nlimbic -> )\ntherefore not love", "Premise 2 (line 2), position 11"),
    ("love -> limbic", "start the last line with 'therefore'"),
    (42, "cannot be read"),
])
def test_q1_hints_say_what_is_wrong(checker, answer, words):
    result = checker.evaluate("q1", answer)
    assert not result.correct and words in result.message, result.message


def test_q1_hint_for_an_invalid_argument_names_the_counterexample(checker):
    result = checker.evaluate("q1", "love -> limbic\nbody -> limbic\ntherefore not body -> not love")
    assert "love = T" in result.message and "body = F" in result.message


def test_blank_answers_are_not_answered(checker):
    for q in ("q1", "q2", "q3", "q4", "q5", "q11"):
        assert checker.evaluate(q, ...).status == "not answered"


def test_q2_materialist(checker):
    from seminar.classroom.exercise_checks.e06_bodies import no_body_argument
    assert assess(no_body_argument()).valid       # the argument Q2 gives is valid
    assert checker.evaluate("q2", 2).correct
    for wrong in (1, 3, "2", 2.0, None, True):
        assert not checker.evaluate("q2", wrong).correct


def test_q3_counterexample(checker):
    from seminar.classroom.exercise_checks.e06_bodies import disparity_argument
    verdict = assess(disparity_argument())
    assert not verdict.valid and verdict.counterexample_rows == 2
    for row in verdict.counterexamples().itertuples():
        answer = {"body": row.body, "limited": row.limited, "together": row.together}
        assert checker.evaluate("q3", answer).correct
    wrong = checker.evaluate("q3", {"body": True, "limited": True, "together": True})
    assert "P3 is false" in wrong.message
    wrong = checker.evaluate("q3", {"body": False, "limited": False, "together": False})
    assert "so is the conclusion" in wrong.message
    assert "No value for 'together'" in checker.evaluate("q3", {"body": False, "limited": True}).message
    assert "as a dict" in checker.evaluate("q3", [False, True, True]).message


@pytest.mark.parametrize("answer, ok, words", [
    ("together -> body", True, ""),
    ("not body -> not together", True, ""),
    ("together -> limited & ~limited | body", True, ""),
    ("not together", False, "says the conclusion by itself"),
    ("body", False, "contradict each other"),
    ("together -> limited", False, "still not valid"),
    ("together -> )", False, "Your premise, position 13"),
    (["together -> body"], False, "as text"),
])
def test_q4_repair(checker, answer, ok, words):
    result = checker.evaluate("q4", answer)
    assert result.correct is ok and words in result.message, result.message


GOOD_Q5 = """
program -> syntax
mind -> semantics
syntax -> not semantics
therefore program -> not mind
"""


@pytest.mark.parametrize("answer", [
    GOOD_Q5,
    "program <-> syntax\nmind -> semantics\nsyntax -> ~semantics\ntherefore ~(program & mind)",
])
def test_q11_accepts_searles_argument(checker, answer):
    assert checker.evaluate("q11", answer).correct


@pytest.mark.parametrize("answer, words", [
    ("program -> syntax\nmind -> semantics\ntherefore program -> not mind", "you have 2"),
    ("program -> syntax\nmind -> meaning\nsyntax -> not meaning\ntherefore program -> not mind",
     "missing: semantics"),
    ("program -> syntax\nmind -> semantics\nsyntax -> not semantics\nsyntax\n"
     "therefore program -> not mind", "you have 4"),
    ("program -> syntax\nmind -> semantics\nsyntax -> not semantics\ntherefore not mind",
     "if she is a program, she has no mind"),
    ("syntax -> program\nmind -> semantics\nsyntax -> not semantics\n"
     "therefore program -> not mind", "searle-1"),
    ("program -> syntax\nsemantics -> mind\nsyntax -> not semantics\n"
     "therefore program -> not mind", "searle-2"),
    ("program -> syntax\nmind -> semantics\nsyntax -> semantics\n"
     "therefore program -> not mind", "not valid"),
])
def test_q11_hints(checker, answer, words):
    result = checker.evaluate("q11", answer)
    assert not result.correct and words in result.message, result.message


@pytest.mark.parametrize("name", ["memory_budget_bytes", "max_depth", "max_premises"])
@pytest.mark.parametrize("bad", [0, -5, 1.5, float("nan"), float("inf"), True, "10", None])
def test_limits_reject_bad_values(name, bad):
    with pytest.raises(ValueError, match=name):
        Limits(**{name: bad})


def test_q5_program_shift_choice(checker):
    assert checker.evaluate("q5", "A").correct
    for letter, words in (("B", "about minds"), ("C", "syntax in general"), ("D", "NEEDED")):
        result = checker.evaluate("q5", letter)
        assert not result.correct and words in result.message
    assert "not one of the choices" in checker.evaluate("q5", "E").message
