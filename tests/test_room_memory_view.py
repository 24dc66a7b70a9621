"""The memory room app and the blind test app, driven in Python: clicks, messages, escaping."""
import pytest

from seminar.models import blind_test as B
from seminar.views.blind_test import blind_test_app
from seminar.views.room_memory import memory_room_app
from tests.widgettree import html_values

SCRIPT = "<script>alert('x')</script>"


def test_memory_app_writes_and_reads_the_notebook():
    app = memory_room_app()
    assert "empty" in app.notebook.value
    app.message.value = "我叫西奥多。"
    app.send.click()
    assert "你好，西奥多！" in app.reply.value and "西奥多" in app.notebook.value
    assert "wrote in the notebook" in app.status.value
    app.message.value = "我叫什么名字？"
    app.send.click()
    assert "你叫西奥多。" in app.reply.value and "copied shapes from the notebook" in app.status.value
    assert "read notebook" in app.trace.value
    app.forget.click()
    assert "empty" in app.notebook.value and app.room.notebook == ()


@pytest.mark.parametrize("card,message", [("", "empty"), ("x" * 1001, "limit"), ("   ", "empty")])
def test_memory_app_bad_cards_get_a_message_not_a_traceback(card, message):
    app = memory_room_app()
    app.message.value = card
    app.send.click()
    assert "seminar-msg-error" in app.status.value and message in app.status.value


def test_memory_app_escapes_typed_html_and_isolates_rtl():
    app = memory_room_app()
    app.message.value = "我叫" + SCRIPT
    app.send.click()
    for value in html_values(app.widget):
        assert "<script>" not in value
    assert "&lt;script&gt;" in app.notebook.value
    app.message.value = "我叫שלום"
    app.send.click()
    assert '<bdi dir="auto">שלום</bdi>' in app.notebook.value


def test_every_control_has_an_accessible_name():
    for app in (memory_room_app(), blind_test_app()):
        for attr in vars(app).values():
            if hasattr(attr, "description") and type(attr).__name__ in ("Button", "Text"):
                assert attr.description or attr.tooltip


def find_seed(source):
    """A seed whose first round comes from ``source`` (found by the model, not hard-coded)."""
    for seed in range(100):
        if B.BlindTest(seed=seed).send("x").source == source:
            return seed
    raise AssertionError("no seed")


def test_blind_app_hides_the_source_until_the_guess():
    seed = find_seed(B.HUMAN)
    app = blind_test_app(seed=seed)
    app.card.value = "Are you human?"
    app.send.click()
    assert app.test.rounds[0].source == B.HUMAN
    shown = app.answer.value
    assert app.test.rounds[0].human_answer.replace("'", "&#x27;") in shown
    assert "person" not in shown and "rulebook" not in shown
    assert app.reveal.value == "" and app.send.disabled and not app.guess_room.disabled
    app.guess_room.click()
    assert "Wrong" in app.reveal.value and "a person" in app.reveal.value
    assert "Would it matter to you if I were not?" in app.reveal.value   # the room's own answer
    assert "seminar-room-trace" in app.reveal.value
    assert "0 right out of 1" in app.score.value and not app.send.disabled


def test_blind_app_with_a_classmate_waits_for_the_answer():
    seed = find_seed(B.ROOM)
    app = blind_test_app(classmate=True, seed=seed)
    app.card.value = "hello"
    app.send.click()
    assert "Waiting" in app.answer.value and app.guess_human.disabled
    assert "hello" in app.classmate_card.value and not app.classmate_send.disabled
    app.classmate_answer.value = SCRIPT
    app.classmate_send.click()
    assert "Hello. What would you like" in app.answer.value    # the room was chosen
    app.guess_room.click()
    assert "Right" in app.reveal.value and "1 right out of 1" in app.score.value
    for value in html_values(app.widget) + html_values(app.classmate_box):
        assert "<script>" not in value


def test_blind_app_bad_input_gets_messages():
    app = blind_test_app(classmate=True)
    app.card.value = ""
    app.send.click()
    assert "empty" in app.status.value
    app.classmate_send.click()                        # nothing waiting
    assert "seminar-msg-error" in app.classmate_status.value
    app.card.value = "hi"
    app.send.click()
    app.classmate_answer.value = "y" * 501
    app.classmate_send.click()
    assert "limit" in app.classmate_status.value
    app.guess_room.click()                              # disabled in the browser; still safe in Python
    assert "still typing" in app.status.value


def test_memory_rulebook_is_a_native_disclosure_and_rows_wrap():
    from tests.widgettree import fixed_widths
    app = memory_room_app()
    assert app.book.value.startswith("<details") and "The rulebook (" in app.book.value
    for each in (app, blind_test_app()):
        assert [w for w in fixed_widths(each.widget) if w > 300] == []
