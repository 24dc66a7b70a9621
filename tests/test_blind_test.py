"""The blind test: hidden random sources (seeded), a classmate's answers or a prepared list, guesses, bad input."""
import pytest

from seminar.models import blind_test as B
from seminar.text import InputError


def play(test, cards, guess="room"):
    out = []
    for card in cards:
        r = test.send(card)
        if not r.ready:
            test.answer_as_classmate(f"answer to {card}")
        out.append(test.guess(guess))
    return out


CARDS = [f"card number {n}" for n in range(40)]


def test_the_same_seed_gives_the_same_hidden_sequence_and_others_differ():
    a = [r.source for r in play(B.BlindTest(seed=5), CARDS)]
    b = [r.source for r in play(B.BlindTest(seed=5), CARDS)]
    c = [r.source for r in play(B.BlindTest(seed=6), CARDS)]
    assert a == b and a != c
    assert set(a) == {B.ROOM, B.HUMAN}          # both sources happen in 40 rounds


def test_p_room_zero_and_one_fix_the_source():
    assert {r.source for r in play(B.BlindTest(p_room=1), CARDS[:5])} == {B.ROOM}
    assert {r.source for r in play(B.BlindTest(p_room=0), CARDS[:5])} == {B.HUMAN}


def test_the_shown_answer_is_the_rooms_or_the_persons_and_the_trace_is_always_there():
    for r in play(B.BlindTest(seed=1), CARDS[:10]):
        if r.source == B.ROOM:
            assert r.shown == r.room.output
        else:
            assert r.shown == r.human_answer and r.shown in B.HUMAN_ANSWERS
        assert r.room.steps[-1].action == "hand out"


def test_prepared_answers_are_used_in_order_and_start_again():
    test = B.BlindTest(human_answers=["one", "two"], p_room=0)
    assert [r.shown for r in play(test, CARDS[:5])] == ["one", "two", "one", "two", "one"]


def test_the_rulebook_answers_like_eliza():
    room = B.BlindTest().room
    assert room.reply("Hello!").output.startswith("Hello.")
    assert room.reply("I feel lonely today").output == "When did you start to feel lonely?"
    assert room.reply("zzz").output == "Please go on."


def test_with_a_classmate_every_card_waits_whatever_the_source():
    test = B.BlindTest(classmate=True, seed=2)
    for card in CARDS[:6]:
        r = test.send(card)
        assert not r.ready and r.shown is None
        with pytest.raises(InputError, match="still typing"):
            test.guess("human")
        test.answer_as_classmate("<b>hi</b> 😀")
        assert r.ready and r.shown in (r.room.output, "<b>hi</b> 😀")
        with pytest.raises(InputError, match="already has its answer"):
            test.answer_as_classmate("again")
        test.guess("human")


def test_score_counts_right_guesses():
    test = B.BlindTest(seed=3)
    rounds = play(test, CARDS[:10], guess="human")
    assert test.score() == (sum(r.source == B.HUMAN for r in rounds), 10)
    test.restart()
    assert test.score() == (0, 0)
    assert [r.source for r in play(test, CARDS[:10])] == [r.source for r in rounds]


def test_the_order_of_moves_is_enforced_with_plain_messages():
    test = B.BlindTest()
    with pytest.raises(InputError, match="send a card first"):
        test.guess("room")
    with pytest.raises(InputError, match="no card waiting"):
        test.answer_as_classmate("hi")
    test.send("hi")
    with pytest.raises(InputError, match="Guess first"):
        test.send("again")


@pytest.mark.parametrize("card", ["", "  ", None, 3, ["hi"], "x" * 1001])
def test_bad_cards(card):
    with pytest.raises(InputError):
        B.BlindTest().send(card)


@pytest.mark.parametrize("guess", ["", "robot", None, 1, ["room"]])
def test_bad_guesses(guess):
    test = B.BlindTest()
    test.send("hi")
    with pytest.raises(InputError, match="room"):
        test.guess(guess)
    assert test.guess(" Room ").revealed


@pytest.mark.parametrize("kwargs", [
    {"human_answers": []}, {"human_answers": "an answer"}, {"human_answers": ["ok", ""]},
    {"human_answers": ["x" * 501]}, {"human_answers": [1, 2]}, {"human_answers": ["a"] * 1001},
    {"seed": 1.5}, {"seed": "7"}, {"seed": True}, {"p_room": 2}, {"p_room": float("nan")},
    {"p_room": "half"}, {"p_room": 10 ** 400}, {"p_room": -1}, {"seed": None}, {"classmate": "yes"},
])
def test_bad_settings(kwargs):
    with pytest.raises(InputError):
        B.BlindTest(**kwargs)


def test_classmate_answers_are_checked():
    test = B.BlindTest(classmate=True)
    test.send("hi")
    for bad in ["", None, 5, "y" * 501]:
        with pytest.raises(InputError):
            test.answer_as_classmate(bad)
    assert test.answer_as_classmate("\u05e9\u05dc\u05d5\u05dd 🙂").ready
