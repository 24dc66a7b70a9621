"""The ghostwriter app driven from Python: writing, menus, the comparison, and bad input
(script tags, right-to-left text, emoji, a megabyte, empty boxes) as messages, never exceptions."""
import pandas as pd
import pytest

from seminar.models import letters as model
from seminar.views.letters import (YOUR_CUSTOMER, LettersApp, cards_html, describe, letter_html,
                                   letters_app, summary_text)
from tests.widgettree import html_values

PNG = b"\x89PNG"
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def app():
    return letters_app()


def no_raw_script(app):
    for value in html_values(app.widget):
        assert "<script" not in value.lower()


def test_first_letter_is_written_for_the_first_customer(app):
    customers = model.example_customers()
    expected = model.compose(model.template("anniversary"), customers.loc["Ana"], customer="Ana")
    assert app.last_letter == expected
    assert app.letter.value == letter_html(expected)
    assert 'class="letters-own"' in app.letter.value and 'data-nugget="beloved"' in app.letter.value
    assert app.summary.value.count(str(expected.counts()["own_words"])) >= 1
    assert "seminar-msg-ok" in app.status.value
    assert app.template_text.value == model.template("anniversary").text
    assert "beloved: Tomás" in app.nuggets_text.value


def test_every_nugget_is_highlighted_and_every_stock_piece_is_plain(app):
    letter = app.last_letter
    own = [p for p in letter.pieces if p.source == "nugget"]
    assert app.letter.value.count("<mark") == len(own)
    assert app.letter.value.count('class="letters-stock"') == len(letter.pieces) - len(own)


def test_editing_the_template_rewrites_the_letter(app):
    app.template_text.value = "Hello {beloved}, from {sender}."
    assert app.last_letter.text == "Hello Tomás, from Ana."
    assert "no [choice|of|stock phrases]" in app.status.value
    assert "Nuggets the template does not use" in app.summary.value


def test_the_seed_changes_the_stock_phrases_only(app):
    texts = set()
    for seed in range(6):
        app.seed.value = seed
        texts.add(app.last_letter.text)
        assert "Tomás" in app.last_letter.text
    assert len(texts) > 1
    app.seed.value = -4
    assert "seed must be a whole number" in app.status.value and app.letter.value == ""
    app.seed.value = 2
    assert app.last_letter.seed == 2 and "seminar-msg-ok" in app.status.value


def test_choosing_a_template_and_a_customer(app):
    app.template_menu.value = "far-away"
    assert app.template_text.value == model.template("far-away").text
    assert app.last_letter.template == "far-away"
    app.customer_menu.value = "Farah"
    assert "beloved: ليلى" in app.nuggets_text.value
    assert '<bdi dir="auto">ليلى</bdi>' in app.letter.value     # right-to-left text isolated
    assert app.last_letter.customer == "Farah"


def test_a_missing_nugget_is_a_marked_gap_and_a_warning(app):
    app.customer_menu.value = "Emeka"
    assert "letters-gap" in app.letter.value and "⟦missing: place⟧" in app.letter.value
    assert "seminar-msg-warning" in app.status.value and "place" in app.status.value
    assert "💛" in app.letter.value


def test_your_own_customer_keeps_the_box(app):
    app.customer_menu.value = ""
    app.nuggets_text.value = "beloved: Sam\nsender: Jo\nyears: 2\nmemory: m\nplace: p\ndetail: d"
    assert app.last_letter.customer == YOUR_CUSTOMER and "Sam" in app.last_letter.text
    app.compare_button.click()
    assert YOUR_CUSTOMER in app.last_table.index and len(app.last_table) == 7


@pytest.mark.parametrize("where", ["template", "nugget"])
def test_script_tags_are_shown_as_text(app, where):
    if where == "template":
        app.template_text.value = f"{SCRIPT} {{beloved}} <b>bold</b>"
    else:
        app.nuggets_text.value = f"beloved: {SCRIPT}\nsender: <img src=x onerror=alert(1)>"
    assert "&lt;script&gt;" in app.letter.value
    no_raw_script(app)
    assert "<img" not in app.letter.value and "<b>bold" not in app.letter.value
    app.compare_button.click()
    no_raw_script(app)


@pytest.mark.parametrize("template, words_in_message", [
    ("", ["empty"]),
    ("   \n  ", ["empty"]),
    ("x" * 1_000_000, ["1,000,000 characters", "20,000"]),
    ("Dear {first name}", ["first_name"]),
    ("[Dear {beloved}", ["never closed"]),
    ("Dear {place} {unknown_thing}", []),   # unknown nugget: a marked gap, not an error
])
def test_bad_templates_give_messages_and_keep_the_text(app, template, words_in_message):
    app.template_text.value = template
    assert app.template_text.value == template           # nothing typed is lost
    if words_in_message:
        assert "seminar-msg-error" in app.status.value and app.letter.value == ""
        for word in words_in_message:
            assert word in app.status.value
    else:
        assert "seminar-msg-warning" in app.status.value
        assert "⟦missing: unknown_thing⟧" in app.letter.value


@pytest.mark.parametrize("nuggets, words_in_message", [
    ("beloved Tomás", ["Line 1", "no colon"]),
    ("beloved: a\nbeloved: b", ["twice"]),
    ("memory: " + "y" * 1_000_000, ["characters long"]),
    ("a: " + "z" * 3000, ["3,000 characters", "2,000"]),
])
def test_bad_nuggets_give_messages(app, nuggets, words_in_message):
    app.nuggets_text.value = nuggets
    assert "seminar-msg-error" in app.status.value
    for word in words_in_message:
        assert word in app.status.value


def test_empty_nuggets_mean_every_nugget_is_a_gap(app):
    app.nuggets_text.value = ""
    assert app.last_letter.own_share() == 0.0
    assert len(app.last_letter.missing) == 6


def test_compare_shows_cards_table_chart_and_description(app):
    app.compare_button.click()
    customers = model.example_customers()
    expected = model.compare(model.template("anniversary"), customers, seed=0)
    pd.testing.assert_frame_equal(app.last_table, expected)
    assert app.table.value.count("<tr>") == len(customers) + 1
    assert app.cards.value.count('class="letters-card"') == len(customers)
    assert app.chart_png.startswith(PNG)
    assert '<img class="letters-chart"' in app.chart.value
    alt = app.chart.value.split('alt="', 1)[1].split('"', 1)[0]
    assert alt.startswith("Horizontal bar chart") and "What the figure shows" in app.chart.value
    for name in customers.index:
        assert name in alt
    assert "1 with a marked gap" in app.compare_status.value


def test_compare_with_a_broken_template_is_a_message(app):
    app.template_text.value = "[unclosed"
    app.compare_button.click()
    assert "seminar-msg-error" in app.compare_status.value and "never closed" in app.compare_status.value
    assert app.table.value == "" and app.cards.value == ""


def test_compare_with_a_bad_customer_shows_a_problem_row():
    customers = pd.DataFrame({"customer": ["ok", "bad"], "beloved": ["A", "B" * 5000]})
    view = LettersApp(customers=customers, template="telegram")
    view.compare_button.click()
    assert "could not be written" in view.compare_status.value
    assert "5,000 characters" in view.table.value
    assert "bad: no letter" in view.chart.value


def test_many_letters_show_at_most_twelve_cards_and_forty_bars():
    customers = pd.DataFrame({"beloved": [f"b{i}" for i in range(50)]},
                             index=pd.Index([f"c{i}" for i in range(50)], name="customer"))
    view = LettersApp(customers=customers, template="telegram")
    view.compare_button.click()
    assert view.cards.value.count('class="letters-card"') == 12 and "38 more" in view.cards.value
    assert "10 more customers are in the table" in view.chart.value


def test_helpers_escape_and_describe():
    letter = model.compose("Dear {b}, [x|y]", {"b": "<i>ليلى</i>"}, missing="mark")
    html = letter_html(letter)
    assert "&lt;i&gt;" in html and "<i>" not in html
    assert "words" in summary_text(letter)
    cards = cards_html({"a": letter, "b": model.LetterError("broken <b>")})
    assert "broken &lt;b&gt;" in cards
    table = model.summarise({"a": letter})
    assert describe(table).startswith("Horizontal bar chart, one bar per customer (1 shown)")


def test_the_app_refuses_customers_that_are_not_a_table():
    with pytest.raises(ValueError, match="DataFrame"):
        LettersApp(customers={"a": {}})


def test_no_empty_picture_before_comparing_and_accessible_menus(app):
    from seminar.views.controls import Dropdown
    from tests.widgettree import fixed_widths
    assert app.chart.value == "" and app.chart_png is None  # no <img> without alt text
    assert not any(type(w).__name__ == "Image" for w in app.widget.children)
    assert isinstance(app.template_menu, Dropdown) and isinstance(app.customer_menu, Dropdown)
    assert app.customer_menu.options[-1] == ("(your own customer)", "")
    assert [w for w in fixed_widths(app.widget) if w > 300] == []
    app.compare_button.click()
    assert 'role="region"' in app.table.value and 'tabindex="0"' in app.table.value
    app.template_text.value = "[unclosed"
    app.compare_button.click()
    assert app.chart.value == "" and app.chart_png is None
