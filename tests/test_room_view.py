"""The Chinese Room app, driven in Python: send, trace, glossary toggle, rule editor, bad input."""
import pytest

from seminar.models import room as model
from seminar.views.room import RoomApp, room_app
from tests.widgettree import html_values

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def app():
    return room_app()


def send(app, text, camera=""):
    app.message.value = text
    app.camera.value = camera
    app.send.click()


def test_send_shows_the_reply_and_the_trace_step_by_step(app):
    send(app, "你好吗？")
    assert "我很好，谢谢。你呢？" in app.reply.value
    assert "row 1" in app.status.value and "seminar-msg-ok" in app.status.value
    assert app.last.output == "我很好，谢谢。你呢？"
    assert app.trace.value.count("<li>") == len(app.last.steps) >= 4
    for step in app.last.steps:
        assert step.action in app.trace.value
    assert "你 好 吗 ？" in app.trace.value


def test_enter_in_the_card_box_sends(app):
    app.message.value = "你在吗"
    app.message._handle_string_msg(None, {"event": "submit"}, [])  # what the browser sends on Enter
    assert "我在。我一直在这里。" in app.reply.value


def test_unmatched_card_gets_the_catch_all_and_says_so(app):
    send(app, "今天星期几？")
    assert model.load_rulebook().fallback in app.reply.value
    assert "catch-all" in app.status.value


def test_camera_adds_shapes(app):
    send(app, "外面天气怎么样？", camera="下雨")
    assert "外面在下雨" in app.reply.value
    assert "camera" in app.trace.value


def test_glossary_is_shown_only_to_the_outside_observer(app):
    send(app, "你懂中文吗？")
    assert app.meanings.value == ""
    assert "Of course" not in app.trace.value + app.reply.value
    app.observer.value = True
    assert "Do you understand Chinese?" in app.meanings.value
    assert "Of course I do." in app.meanings.value
    assert "The whole glossary" in app.meanings.value
    send(app, "你在吗")  # stays on while the observer watches
    assert "Are you there?" in app.meanings.value
    assert "Are you there?" not in app.trace.value  # never inside
    app.observer.value = False
    assert app.meanings.value == ""


def test_observer_without_a_glossary_entry(app):
    app.observer.value = True
    send(app, "今天星期几？")
    assert "not in the glossary" in app.meanings.value


def test_rule_editor_adds_a_rule_the_room_uses_at_once(app):
    rows_before = len(app.room.rulebook.rules)
    app.new_pattern.value = "你喜欢猫吗"
    app.new_reply.value = "喜欢。"
    app.add_rule.click()
    assert len(app.room.rulebook.rules) == rows_before + 1
    assert "Rule added" in app.status.value
    assert app.message.value == "你喜欢猫吗"
    assert "喜欢。" in app.reply.value and app.last.row == 1
    assert "你喜欢猫吗" in app.book.value
    assert f"({rows_before + 1} rules" in app.book.value
    assert "<details" in app.book.value and " open>" in app.book.value  # shown open after adding
    assert app.new_pattern.value == app.new_reply.value == ""


def test_rule_editor_wildcard_rule_and_catch_all(app):
    send(app, "我喜欢下雨")
    app.new_pattern.value = "我喜欢*"
    app.new_reply.value = "为什么喜欢{1}？"
    app.add_rule.click()
    assert "为什么喜欢下雨？" in app.reply.value
    app.new_pattern.value = "*"
    app.new_reply.value = "嗯。"
    app.add_rule.click()
    assert "catch-all" in app.status.value
    send(app, "hello")
    assert "嗯。" in app.reply.value


@pytest.mark.parametrize("pattern, reply, fragment", [
    ("", "好", "pattern is empty"), ("你好", "", "reply is empty"), ("你**", "好", "two"),
    (".*好", "好", "regular-expression"), ("你好", "{1}", "no {n}"),
    ("你" * 1000, "好", "limit"), ("你好", "x" * 1_048_576, "limit"),
])
def test_rule_editor_bad_rules_get_a_message_and_keep_the_text(app, pattern, reply, fragment):
    before = app.room.rulebook
    app.new_pattern.value = pattern
    app.new_reply.value = reply
    app.add_rule.click()
    assert "seminar-msg-error" in app.status.value
    assert fragment in app.status.value
    assert app.room.rulebook is before
    assert app.new_pattern.value == pattern and app.new_reply.value == reply  # nothing lost


BAD_CARDS = [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("x" * 1_048_576, "limit is 1,000"),
    ("😀🤖💬", "catch-all"),
    ("مرحبا، هل أنت هناك؟", "catch-all"),
    ("שלום, אתה שם?", "catch-all"),
    (SCRIPT, "catch-all"),
    ("\u202e你好", "row"),
]


@pytest.mark.parametrize("card, fragment", BAD_CARDS)
def test_bad_cards_get_a_clear_message_never_an_exception(app, card, fragment):
    send(app, card)  # a raised exception would fail the test
    assert fragment in app.status.value
    assert "Something went wrong" not in app.status.value
    assert app.message.value == card  # the text typed is still there


def test_unexpected_errors_become_an_apology(app, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the slot is jammed")
    monkeypatch.setattr(app.room, "reply", broken)
    send(app, "你好")
    assert "Something went wrong" in app.status.value and "jammed" in app.status.value


def test_script_is_escaped_in_every_html_value(app):
    app.observer.value = True
    send(app, SCRIPT)
    app.new_pattern.value = SCRIPT + "*"
    app.new_reply.value = SCRIPT + "{1}"
    app.add_rule.click()
    send(app, SCRIPT + "<b>bold</b>")
    assert app.last.row == 1
    app.new_pattern.value = "<img src=x onerror=alert(1)>"
    app.new_reply.value = "<img src=x onerror=alert(1)>"
    app.add_rule.click()
    values = html_values(app.widget)
    assert len(values) >= 6
    joined = "\n".join(values)
    assert "&lt;script&gt;" in joined and "&lt;img" in joined
    for value in values:
        assert "<script" not in value.lower()
        assert "<img" not in value.lower()
        assert "<b>bold" not in value


def test_a_room_with_another_book_and_no_glossary():
    book = model.Rulebook.from_rows([("你好", "A")])
    app = RoomApp(book, model.Glossary(), memorised=True)
    send(app, "再见")
    assert "blank card" in app.reply.value and "seminar-msg-warning" in app.status.value
    send(app, "你好")
    assert "recall row 1" in app.trace.value
    app.observer.value = True
    assert "not in the glossary" in app.meanings.value


def test_the_app_displays_as_a_widget(app):
    bundle = app._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "seminar-room-app" in app.widget._dom_classes


def test_controls_are_accessible_ones(app):
    from seminar.views.controls import Dropdown, Toggle
    assert isinstance(app.camera, Dropdown) and app.camera.description == "Camera:"
    assert isinstance(app.observer, Toggle)
    assert app.observer.tooltip and app.observer.tooltip != "null"
    assert app.camera.options[0] == ("no camera", "")


def test_rulebook_is_a_native_disclosure_closed_at_first(app):
    value = app.book.value
    assert value.startswith("<details") and "<summary" in value
    assert " open>" not in value and 'data-lm-suppress-shortcuts="true"' in value
    assert f"({len(app.room.rulebook.rules)} rules and a catch-all)" in value
    assert not any(type(w).__name__ == "Accordion" for w in app.widget.children)


def test_no_fixed_width_wider_than_the_column(app):
    from tests.widgettree import fixed_widths
    assert [w for w in fixed_widths(app.widget) if w > 300] == []
