"""The ghostwriter model: template syntax, composing, the own-material share (checked against
counts done by hand), missing nuggets, bad input, determinism, the kit's data, batches."""
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from seminar.models import letters as model
from seminar.models.letters import (LetterError, Template, compare, compose, example_customers,
                             load_templates, own_share, parse_nuggets, side_by_side, words)
from seminar.text import InputError

MB = "x" * 1_000_000


# ---------------------------------------------------------------- template syntax
def test_tokens_of_a_template():
    tpl = Template("Dear {beloved}, [thanks|thank you] for {Memory}!")
    assert tpl.tokens == (
        ("stock", "Dear "), ("nugget", "beloved"), ("stock", ", "),
        ("choice", ((("stock", "thanks"),), (("stock", "thank you"),))),
        ("stock", " for "), ("nugget", "memory"), ("stock", "!"),
    )
    assert tpl.nuggets == ("beloved", "memory")   # case folded
    assert tpl.choices == 1


def test_nuggets_inside_choices_count_once_in_order_of_first_use():
    tpl = Template("[I think of {memory}|{memory} stays] {beloved} {memory} {BELOVED}")
    assert tpl.nuggets == ("memory", "beloved")


def test_empty_alternative_and_bar_outside_a_choice():
    tpl = Template("a | b [truly |]c")
    assert tpl.tokens[0] == ("stock", "a | b ")
    assert tpl.tokens[1] == ("choice", ((("stock", "truly "),), ()))
    texts = {compose(tpl, {}, seed=s).text for s in range(30)}
    assert texts == {"a | b truly c", "a | b c"}


@pytest.mark.parametrize("text, words_in_message", [
    ("Dear {}", ["Empty braces", "line 1, column 6"]),
    ("Dear {first name}", ["first name", "first_name", "no spaces"]),
    ("Dear {été}", ["not allowed"]),
    ("Dear {1st}", ["not allowed"]),
    ("Dear {{beloved}}", ["Double braces", "one pair"]),
    ("Dear {beloved", ["never closed"]),
    ("Dear {beloved, {memory}", ["never closed", "column 6"]),
    ("Dear beloved}", ["no {", "column 13"]),
    ("[Dear|Dearest {beloved}", ["choice opened at line 1, column 1", "never closed"]),
    ("Dear] you", ["no [", "column 5"]),
    ("[a|[b|c]]", ["do not nest"]),
    ("[Dear] {beloved}", ["only one alternative", "[Dear|Dearest]"]),
    ("Dear you,\n\n  {}", ["line 3, column 3"]),
    ("   ", ["empty"]),
    ("", ["empty"]),
    (MB, ["1,000,000 characters", "20,000"]),
    ("{" + "a" * 41 + "}", ["41 characters", "limit is 40"]),
])
def test_template_mistakes_are_named_with_their_place(text, words_in_message):
    with pytest.raises(InputError) as err:
        Template(text)
    for word in words_in_message:
        assert word in str(err.value)


@pytest.mark.parametrize("bad", [None, 5, b"Dear {x}", ["Dear"], 3.5])
def test_a_template_must_be_text(bad):
    with pytest.raises(ValueError, match="text"):
        Template(bad)


def test_a_long_template_is_fine_below_the_limit():
    text = ("word " * 3000 + "{beloved}")[: model.MAX_TEMPLATE_CHARS]
    assert len(Template(text).text) <= model.MAX_TEMPLATE_CHARS


# ---------------------------------------------------------------- the share, counted by hand
def test_share_of_a_tiny_letter():
    letter = compose("Dear {beloved}, thank you.", {"beloved": "Maya"})
    assert letter.text == "Dear Maya, thank you."
    # words: Dear Maya thank you -> 1 of 4.  chars: Maya 4; "Dear" 4 + ", thank you." 10 -> 4/18
    assert letter.counts() == {"words": 4, "own_words": 1, "stock_words": 3, "chars": 18,
                               "own_chars": 4, "stock_chars": 14, "gaps": 0}
    assert letter.own_share() == 0.25
    assert own_share(letter, by="chars") == pytest.approx(4 / 18)


def test_the_lesson_example_by_hand():
    letter = compose("Dear {beloved}, thank you for {memory}.",
                     {"beloved": "Maya", "memory": "the walk"})
    # 7 words, 3 own; characters 11 own (Maya, thewalk), 17 stock (Dear , thankyoufor .)
    assert letter.own_share("words") == pytest.approx(3 / 7)
    assert letter.own_share("chars") == pytest.approx(11 / 28)


def test_a_word_belongs_to_the_source_of_its_first_character():
    letter = compose("{beloved}'s smile", {"beloved": "Kasia"})
    assert list(letter.words()["word"]) == ["Kasia's", "smile"]
    assert list(letter.words()["source"]) == ["nugget", "stock"]
    assert letter.own_share() == 0.5
    assert letter.own_share("chars") == pytest.approx(5 / 12)   # Kasia / 's smile
    stuck = compose("dear{beloved}", {"beloved": "Maya"})        # starts in the stock text
    assert list(stuck.words()["word"]) == ["dearMaya"]
    assert stuck.own_share() == 0.0 and stuck.own_share("chars") == 0.5


def test_hyphens_join_and_dashes_separate():
    letter = compose("a {n}-year love", {"n": 7})
    assert list(letter.words()["word"]) == ["a", "7-year", "love"]
    assert letter.own_share() == pytest.approx(1 / 3)
    dash = compose("{a}—{b}", {"a": "here", "b": "there"})
    assert list(dash.words()["word"]) == ["here", "there"]


def test_q2_letter_of_the_exercise_by_hand():
    dorota = example_customers().loc["Dorota"]
    letter = compose("Dear {beloved},\nI still laugh about {memory}, and at {beloved}'s face.\n"
                     "Love, {sender}", dorota)
    # own: Kasia (1) + the memory (8) + Kasia's (1) + Dorota (1) = 11;
    # stock: Dear I still laugh about and at face Love = 9
    assert (letter.counts()["own_words"], letter.counts()["stock_words"]) == (11, 9)
    assert letter.own_share() == pytest.approx(0.55)


def test_a_nugget_used_twice_counts_twice():
    letter = compose("{a} and {a}", {"a": "x y"})
    assert letter.counts()["own_words"] == 4 and letter.own_share() == 0.8


def test_punctuation_counts_as_characters_not_words():
    letter = compose("{a}!!!", {"a": "hi"})
    assert letter.counts()["words"] == 1 and letter.own_share() == 1.0
    assert letter.own_share("chars") == pytest.approx(2 / 5)


def test_pieces_frame_and_words_frame():
    letter = compose("Dear {beloved}, [a|b].", {"beloved": "Maya"}, seed=3)
    frame = letter.pieces_frame()
    assert list(frame.columns) == ["text", "source", "nugget"]
    assert "".join(frame["text"]) == letter.text
    assert list(frame["source"]) == ["stock", "nugget", "stock"]   # stock pieces merge
    assert frame["nugget"].tolist() == ["", "beloved", ""]


# ---------------------------------------------------------------- missing nuggets
def test_missing_nuggets_raise_a_clear_error_naming_all_of_them():
    with pytest.raises(LetterError) as err:
        compose("Dear {beloved}, remember {place}? [x|{memory}]", {"place": "Lisbon"},
                customer="Ana")
    message = str(err.value)
    assert "{beloved}" in message and "{memory}" in message and "{place}," not in message
    assert "Ana's nuggets" in message and "given: place" in message


def test_missing_nuggets_can_be_marked_gaps_that_count_for_neither_side():
    letter = compose("Dear {beloved} at {place}", {"beloved": "Maya"}, missing="mark")
    assert letter.text == "Dear Maya at ⟦missing: place⟧"
    assert letter.missing == ("place",)
    assert letter.counts()["words"] == 3 and letter.counts()["gaps"] == 1
    assert letter.own_share() == pytest.approx(1 / 3)
    assert letter.pieces[-1].source == "gap"


@pytest.mark.parametrize("empty", ["", "   ", None, float("nan"), np.nan, pd.NA])
def test_empty_none_and_nan_nuggets_count_as_missing(empty):
    with pytest.raises(LetterError, match="beloved"):
        compose("Dear {beloved}", {"beloved": empty})


def test_a_letter_of_nothing_but_gaps_has_no_share():
    letter = compose("{beloved}", {}, missing="mark")
    assert math.isnan(letter.own_share()) and math.isnan(letter.own_share("chars"))


def test_unused_nuggets_are_listed():
    letter = compose("Dear {beloved}", {"beloved": "Maya", "memory": "x", "place": "y"})
    assert letter.unused == ("memory", "place")


# ---------------------------------------------------------------- nuggets: types and odd text
def test_numbers_as_nuggets():
    assert compose("{y} years", {"y": 7}).text == "7 years"
    assert compose("{y} years", {"y": np.int64(40)}).text == "40 years"
    assert compose("{y} years", {"y": 2.5}).text == "2.5 years"
    assert compose("{y} years", {"y": 7.0}).text == "7 years"   # a CSV column with a gap
    assert compose("{y}", {"y": 1234567.5}).text == "1234567.5"


@pytest.mark.parametrize("bad, words_in_message", [
    (True, ["must be text", "bool"]),
    (["a"], ["must be text", "list"]),
    (float("inf"), ["infinite"]),
    ("x" * (model.MAX_NUGGET_CHARS + 1), ["2,001 characters", "2,000"]),
    (MB, ["1,000,000 characters"]),
])
def test_bad_nugget_values(bad, words_in_message):
    with pytest.raises(InputError) as err:
        compose("{a}", {"a": bad})
    for word in words_in_message:
        assert word in str(err.value)


def test_bad_nugget_names_and_collections():
    with pytest.raises(LetterError, match="first_name"):
        compose("x", {"first name": "Ana"})
    with pytest.raises(LetterError, match="twice"):
        compose("x", {"Beloved": "a", "beloved": "b"})
    with pytest.raises(LetterError, match="twice"):
        compose("x", {"Beloved": None, "beloved": "b"})
    with pytest.raises(LetterError, match="dict"):
        compose("x", ["beloved", "Maya"])
    with pytest.raises(LetterError, match="at most"):
        compose("x", {f"n{i}": "v" for i in range(model.MAX_NUGGETS + 1)})
    with pytest.raises(LetterError, match="must be text"):
        compose("x", {3: "v"})


def test_nuggets_are_never_read_as_templates_and_keep_every_character():
    odd = "{memory} [a|b] <script>alert(1)</script> 💛 ليلى"
    letter = compose("Dear {beloved}.", {"beloved": odd})
    assert letter.text == f"Dear {odd}."
    assert letter.pieces[1] == model.Piece(odd, "nugget", "beloved")


def test_emoji_and_right_to_left_text_are_counted():
    letter = compose("Dear {beloved} {heart}", {"beloved": "ليلى", "heart": "💛"})
    assert list(letter.words()["word"]) == ["Dear", "ليلى", "💛"]
    assert letter.own_share() == pytest.approx(2 / 3)
    # invisible marks (a right-to-left mark, a zero-width joiner) are not characters or breaks
    marked = compose("{a}", {"a": "ليلى\u200f"})
    assert marked.counts()["chars"] == 4 and marked.counts()["words"] == 1
    family = compose("{a}", {"a": "👩\u200d👩\u200d👧"})
    assert family.counts()["words"] == 1 and family.counts()["chars"] == 3


def test_a_letter_too_long_is_refused():
    with pytest.raises(LetterError, match="more than 200,000"):
        compose("{a}" * 200, {"a": "y" * 2000})


# ---------------------------------------------------------------- parameters and determinism
@pytest.mark.parametrize("seed", [-1, 2**32, 1.5, True, "3", float("nan"), None])
def test_bad_seeds_name_the_parameter(seed):
    with pytest.raises(ValueError, match="seed must be a whole number from 0 to 4,294,967,295"):
        compose("x", {}, seed=seed)


def test_bad_modes_name_the_parameter():
    with pytest.raises(ValueError, match="missing must be one of 'error', 'mark'"):
        compose("x", {}, missing="ignore")
    letter = compose("x", {})
    with pytest.raises(ValueError, match="by must be one of 'words', 'chars'"):
        letter.own_share("letters")
    with pytest.raises(ValueError, match="needs a Letter"):
        own_share("a letter")
    with pytest.raises(ValueError, match="customer's name"):
        compose("x", {}, customer="c" * 101)
    with pytest.raises(ValueError, match="customer's name must be text"):
        compose("x", {}, customer=["Ana"])


TEMPLATE = "[A|B|C|D] [e|f|g|h] [i|j|k|l] {n}"


def test_same_seed_and_customer_give_the_same_letter_and_others_vary():
    one = compose(TEMPLATE, {"n": "x"}, seed=5, customer="Ana").text
    assert all(compose(TEMPLATE, {"n": "x"}, seed=5, customer="Ana").text == one for _ in range(5))
    by_seed = {compose(TEMPLATE, {"n": "x"}, seed=s, customer="Ana").text for s in range(20)}
    by_customer = {compose(TEMPLATE, {"n": "x"}, seed=5, customer=c).text for c in "ABCDEFGHIJ"}
    assert len(by_seed) > 5 and len(by_customer) > 3
    assert compose(TEMPLATE, {"n": "x"}, seed=5, customer="Ana").seed == 5


def test_letters_are_the_same_in_another_process():
    """The choice must not depend on Python's per-process string hashing."""
    code = ("from seminar.models.letters import compose;"
            f"print(compose({TEMPLATE!r}, {{'n': 'x'}}, seed=9, customer='Bilal').text)")
    here = compose(TEMPLATE, {"n": "x"}, seed=9, customer="Bilal").text
    for hashseed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": hashseed}, check=True)
        assert out.stdout.strip() == here


# ---------------------------------------------------------------- words()
def test_words_rule_on_plain_text():
    assert words("Kasia's seven-year—love, 'tis well- done") == [
        "Kasia's", "seven-year", "love", "tis", "well", "done"]
    assert words("") == []
    assert words("[w]e call") == ["w", "e", "call"]


# ---------------------------------------------------------------- the kit's data
def test_the_kit_templates_and_customers_fit_together():
    templates = load_templates()
    customers = example_customers()
    assert {"anniversary", "apology", "far-away", "telegram"} <= set(templates)
    assert customers.index.is_unique and customers.index.name == "customer"
    for column in customers.columns:
        assert model.check_name(column) == column
    assert set(templates["anniversary"].nuggets) == set(customers.columns)
    for name, tpl in templates.items():
        assert tpl.name == name
        table = compare(tpl, customers)
        assert (table["problem"] == "").all(), name
        assert ((table["missing"] == "") | (table.index == "Emeka")).all(), name
    assert customers.loc["Emeka", "place"] == ""        # the example of a missing nugget
    assert customers.loc["Farah", "beloved"] == "ليلى"  # right-to-left text in the data


def test_the_telegram_has_the_largest_share_and_the_apology_the_smallest():
    chen = side_by_side(load_templates(), example_customers().loc["Chen"], customer="Chen")
    assert chen["own_share_words"].idxmax() == "telegram"
    assert chen["own_share_words"].idxmin() == "apology"
    assert chen.loc["apology", "unused"] == "years, place, detail"


def write(tmp_path, text, name="t.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_template_files(tmp_path):
    path = write(tmp_path, "# intro\n{not a template}\n\n## hello\nHi {a}!\n\n## bye\n[Bye|Ciao] {a}\n")
    found = load_templates(path)
    assert list(found) == ["hello", "bye"]
    assert found["hello"].text == "Hi {a}!" and found["bye"].choices == 1


@pytest.mark.parametrize("text, words_in_message", [
    ("## Hello There\nx", ["t.md, line 1", "lower-case"]),
    ("## a\nx\n## a\ny", ["line 3", "second template"]),
    ("## a\n\n## b\nx {\n", ["line 1", "template 'a'", "empty"]),
    ("## a\nfine\n## b\nDear {first name}", ["t.md, line 3 (template 'b')", "first_name"]),
    ("no headings at all", ["no templates"]),
])
def test_template_file_mistakes_are_named(tmp_path, text, words_in_message):
    with pytest.raises(LetterError) as err:
        load_templates(write(tmp_path, text))
    for word in words_in_message:
        assert word in str(err.value)


def test_template_file_missing_or_not_utf8(tmp_path):
    with pytest.raises(LetterError, match="no template file"):
        load_templates(tmp_path / "nope.md")
    bad = tmp_path / "latin.md"
    bad.write_bytes("## a\ncafé {x}".encode("latin-1"))
    with pytest.raises(LetterError, match="UTF-8"):
        load_templates(bad)
    with pytest.raises(LetterError, match="the kit has: anniversary"):
        model.template("valentine")


def test_customer_file_needs_a_customer_column(tmp_path):
    path = write(tmp_path, "name,beloved\nA,B\n", "c.csv")
    with pytest.raises(LetterError, match="'customer'"):
        example_customers(path)


# ---------------------------------------------------------------- nuggets typed as text
def test_parse_nuggets():
    text = "# Ana's order\nBeloved: Tomás\n\nmemory: the 10:30 train\nplace:\n"
    assert parse_nuggets(text) == {"beloved": "Tomás", "memory": "the 10:30 train"}
    assert parse_nuggets("") == {}
    assert parse_nuggets(model.nuggets_text({"a": "x\ny", "b": 3})) == {"a": "x y", "b": "3"}


@pytest.mark.parametrize("text, words_in_message", [
    ("beloved Maya", ["Line 1", "no colon"]),
    ("a: 1\nfirst name: Ana", ["Line 2", "first_name"]),
    ("a: 1\nA: 2", ["Line 2", "twice"]),
    (": Ana", ["Line 1", "empty"]),
    (MB, ["characters long"]),
])
def test_parse_nuggets_mistakes(text, words_in_message):
    with pytest.raises(InputError) as err:
        parse_nuggets(text)
    for word in words_in_message:
        assert word in str(err.value)


# ---------------------------------------------------------------- many customers
def test_compare_gives_one_row_per_customer_with_the_same_numbers_as_compose():
    customers = example_customers()
    tpl = load_templates()["anniversary"]
    table = compare(tpl, customers, seed=2)
    assert list(table.columns) == model.COMPARE_COLUMNS
    assert list(table.index) == list(customers.index) and table.index.name == "customer"
    for name in customers.index:
        letter = compose(tpl, customers.loc[name], seed=2, customer=name, missing="mark")
        assert table.loc[name, "letter"] == letter.text
        assert table.loc[name, "own_share_words"] == letter.own_share("words")
        assert table.loc[name, "own_share_chars"] == letter.own_share("chars")
    assert table.loc["Emeka", "missing"] == "place"
    assert str(table["words"].dtype) == "Int64"


def test_a_bad_customer_does_not_stop_the_batch():
    customers = {"good": {"a": "fine"}, "long": {"a": "z" * 5000}, "odd": {"a": True},
                 "empty": {}}
    table = compare("Hello {a}", customers)
    assert table.loc["good", "letter"] == "Hello fine" and table.loc["good", "problem"] == ""
    assert "5,000 characters" in table.loc["long", "problem"]
    assert "must be text" in table.loc["odd", "problem"]
    assert pd.isna(table.loc["long", "own_share_words"]) and pd.isna(table.loc["long", "words"])
    assert table.loc["empty", "missing"] == "a"
    huge = compare("{a}" * 200, {"big": {"a": "y" * 2000}, "small": {"a": "y"}})
    assert "more than 200,000" in huge.loc["big", "problem"]
    assert huge.loc["small", "letter"] == "y" * 200


def test_compare_with_missing_error_reports_per_customer():
    table = compare("Hello {a}", {"x": {"a": "1"}, "y": {}}, missing="error")
    assert table.loc["x", "problem"] == "" and "{a}" in table.loc["y", "problem"]


def test_compare_accepts_a_customer_column_and_refuses_bad_batches():
    frame = pd.DataFrame({"customer": ["P", "Q"], "a": ["1", "2"]})
    assert list(compare("{a}", frame)["letter"]) == ["1", "2"]
    with pytest.raises(LetterError, match="both called 'P'"):
        compare("{a}", pd.DataFrame({"customer": ["P", "P"], "a": ["1", "2"]}))
    with pytest.raises(LetterError, match="no customers"):
        compare("{a}", {})
    with pytest.raises(LetterError, match="DataFrame"):
        compare("{a}", "Ana")
    with pytest.raises(LetterError, match="limit is 10,000"):
        compare("{a}", {str(i): {} for i in range(model.MAX_CUSTOMERS + 1)})
    with pytest.raises(InputError, match="empty"):
        compare("", {"x": {}})
    with pytest.raises(ValueError, match="seed"):
        compare("{a}", {"x": {}}, seed=-3)


def test_side_by_side_accepts_lists_and_texts():
    table = side_by_side(["Hi {a}", Template("Yo {a} {b}", name="two"), "Ho {a}"], {"a": "x"})
    assert list(table.index) == ["my template", "two", "my template (3)"]
    assert table.index.name == "template"
    assert list(table["letter"]) == ["Hi x", "Yo x ⟦missing: b⟧", "Ho x"]
    assert table.loc["two", "missing"] == "b"


def test_the_model_imports_no_widgets():
    source = Path(model.__file__).read_text(encoding="utf-8")
    assert "ipywidgets" not in source and "IPython" not in source


def test_readable_labels_the_comparison_in_words_and_keeps_the_data():
    from seminar.models.letters import LABELS, describe_counts, readable, template
    table = compare(template("anniversary"), example_customers(), seed=0)
    shown = readable(table[["words", "own_words", "stock_words", "own_share_words",
                            "own_share_chars", "missing", "unused"]])
    assert list(shown.columns) == ["words", "customer's own words", "writer's stock words",
                                   "own share by words", "own share by characters",
                                   "missing nuggets", "unused nuggets"]
    assert shown.loc["Ana", "own share by words"] == 0.426
    assert table.loc["Ana", "own_share_words"] != 0.426            # the data is not rounded
    assert not any("_" in label for label in LABELS.values())
    tiny = compose("Dear {beloved}, thank you for {memory}.", {"beloved": "Maya", "memory": "the walk"})
    assert describe_counts(tiny) == ("7 words: 3 the customer's own, 4 the writer's stock text. "
                                     "28 characters: 11 the customer's own, 17 the writer's.")
    with pytest.raises(ValueError):
        readable("a table")
    with pytest.raises(ValueError):
        describe_counts("a letter")
