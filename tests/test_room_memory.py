"""The room with a memory: rows that write a notebook, replies that copy from it, bad input."""
import pytest

from seminar.models import room_memory as M
from seminar.models.room import RulebookError
from seminar.text import InputError

HEADINGS = "名字"


@pytest.fixture
def room():
    return M.MemoryRoom()


def test_the_room_says_what_it_was_told_before(room):
    assert room.reply("我叫什么名字？").output == "你还没告诉我。"
    assert room.reply("我叫西奥多。").output == "你好，西奥多！"
    assert room.notebook == (("名字", "西奥多"),)
    assert room.reply("我叫什么名字？").output == "你叫西奥多。"
    assert room.reply("你记得我吗").output == "记得，西奥多。"


def test_the_same_card_gets_different_replies_as_the_notebook_changes(room):
    first = room.reply("你记得我吗？").output
    room.reply("我叫萨曼莎")
    second = room.reply("你记得我吗？").output
    assert first == "我们见过吗？" and second == "记得，萨曼莎。"
    room.reply("我叫艾米")                      # a new name replaces the old line
    assert room.reply("你记得我吗？").output == "记得，艾米。"
    room.forget()
    assert room.notebook == () and room.reply("你记得我吗？").output == "我们见过吗？"


def test_the_trace_is_still_only_shapes(room):
    room.reply("我喜欢下雨")
    reply = room.reply("我喜欢什么？")
    actions = [s.action for s in reply.steps]
    assert "read notebook" in actions and actions[-1] == "hand out"
    text = " ".join(s.text for s in reply.steps)
    for english in ("rain", "like", "name", "remember"):
        assert english not in text
    assert "下 雨" in text


def test_a_row_needing_a_missing_line_is_passed_over_and_the_trace_says_so(room):
    reply = room.reply("我喜欢什么")
    assert reply.output == "你还没告诉我。" and reply.row == 5
    assert any("no such line" in s.text for s in reply.steps)


def test_unmatched_cards_get_the_catch_all(room):
    assert room.reply("今天几号？").output == "对不起，我不明白。"
    assert room.reply("今天几号？").row is None


@pytest.mark.parametrize("card", ["", "   ", None, 42, ["我叫"], "x" * 1001])
def test_bad_cards_get_a_plain_message(room, card):
    with pytest.raises(InputError):
        room.reply(card)


def test_emoji_rtl_and_tags_are_kept_as_shapes_never_run(room):
    assert room.reply("我叫😀").output == "你好，😀！"
    assert room.reply("我叫\u200fשלום").output == "你好，שלום！"
    assert room.reply("我叫<script>").output == "你好，<script>！"   # text; the view escapes it
    huge = "我叫" + "猫" * 990
    assert room.reply(huge).output.startswith("你好，猫")


@pytest.mark.parametrize("row,problem", [
    (("我叫", "你好", "名字"), "no *"),
    (("我叫*", "你好", "名[字"), "may not hold"),
    (("我叫*", "你好", "x" * 30), "limit"),
    (("我叫*", "你叫[名字"), "without its ]"),
    (("我叫*", "你叫[]"), "empty"),
    (("我叫*", 5), "must be text"),
    (("我叫*", "你好", 7), "must be text"),
    (("*", "好", "名字"), "catch-all"),
    (("我叫*",), "expected"),
])
def test_bad_rows_are_refused_with_the_row_number(row, problem):
    with pytest.raises(RulebookError) as info:
        M.MemoryRulebook.from_rows([("你好", "你好"), row])
    assert "Row 2" in str(info.value) and problem in str(info.value)


def test_wrong_types_for_the_book_and_the_room():
    with pytest.raises(RulebookError):
        M.MemoryRulebook.from_rows("我叫*,你好")
    with pytest.raises(RulebookError):
        M.MemoryRoom(rulebook=[("我叫*", "你好")])


def test_the_shipped_book_loads_and_rows_round_trip(tmp_path):
    book = M.load_memory_rulebook()
    assert len(book) == 10 and book.fallback == "对不起，我不明白。"
    assert ("我叫*", "你好，{1}！", "名字") in book.rows()
    again = M.MemoryRulebook.from_rows(book.rows())
    assert again.rows() == book.rows()
    bad = tmp_path / "bad.csv"
    bad.write_text("pattern,reply,remember\n我叫,你好,名字\n", encoding="utf-8")
    with pytest.raises(RulebookError, match="line 2"):
        M.load_memory_rulebook(bad)


def test_a_row_that_catches_nothing_writes_nothing():
    room = M.MemoryRoom(M.MemoryRulebook.from_rows([("我叫*", "好", "名字"), ("*", "?")]))
    assert room.reply("我叫").output == "好" and room.notebook == ()
