"""The Chinese Room model: rulebook data, matching, the operator's trace, Blockhead, the timer."""
import builtins
import itertools
import math
import pathlib
import shutil

import pytest

from seminar.models import room as R
from seminar.models.room import (ChineseRoom, Glossary, Rule, Rulebook, RulebookError,
                          blockhead_entries, blockhead_log10, blockhead_messages,
                          describe_seconds, hand_time, load_glossary, load_rulebook,
                          orders_beyond_universe)
from seminar.text import InputError


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


@pytest.fixture
def room(book):
    return ChineseRoom(book)


def book_of(*rows):
    return Rulebook.from_rows(rows)


# -- the shipped rulebook and glossary ----------------------------------------------------
def test_shipped_rulebook_is_a_few_dozen_rows_with_a_catch_all(book):
    assert 30 <= len(book.rules) <= 80
    assert book.fallback
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r.pattern + r.reply) for r in book.rules)


@pytest.mark.parametrize("card, expected", [
    ("你好！", "你好！很高兴认识你。"),
    ("你好吗？", "我很好，谢谢。你呢？"),
    ("你在吗？", "我在。我一直在这里。"),
    ("你懂我吗？", "我懂你。"),
    ("你叫什么名字？", "我还没有名字。你想叫我什么？"),
    ("我叫你萨曼莎。", "好。从现在起，我就叫萨曼莎。"),
    ("我叫西奥多。", "你好，西奥多！很高兴认识你。"),
    ("你恋爱了吗？", "我不知道。爱是什么？"),
    ("你是猫吗？", "这个问题很好。让我想一想。"),
    ("hello", "对不起，我不明白。请再说一遍。"),
])
def test_the_room_holds_a_small_conversation(room, card, expected):
    assert room.reply(card).output == expected


def test_no_row_of_the_shipped_book_is_shadowed_by_an_earlier_one(book):
    room = ChineseRoom(book)
    for number, rule in enumerate(book.rules, start=1):
        card = rule.pattern.replace("*", "猫")
        got = room.reply(card)
        assert got.row == number, f"row {number} ({rule.pattern}) is answered by row {got.row}"


def test_glossary_covers_every_pattern_and_reply_for_the_observer(book, glossary):
    keys = set(glossary.to_frame()["chinese"])
    for rule in book.rules:
        assert rule.pattern in keys, rule.pattern
        assert R._PLACEHOLDER.sub("*", rule.reply) in keys, rule.reply
    assert book.fallback in keys


def test_glossary_meanings_translate_names_in_wildcards(glossary, room):
    assert glossary.meaning("你好吗？") == "How are you?"
    assert glossary.meaning("我叫西奥多") == "My name is Theodore."
    out = room.reply("我叫西奥多").output
    assert glossary.meaning(out) == "Hello, Theodore! I'm glad to meet you."
    assert glossary.meaning("今天星期几") is None
    assert glossary.meaning(None) is None


# -- matching ---------------------------------------------------------------------------
def test_first_match_wins():
    assert ChineseRoom(book_of(("*好", "A"), ("你好", "B"))).reply("你好").output == "A"
    assert ChineseRoom(book_of(("你好", "B"), ("*好", "A"))).reply("你好").output == "B"
    assert ChineseRoom(book_of(("你好", "B"), ("*好", "A"))).reply("很好").output == "A"


def test_a_pattern_without_star_matches_the_whole_message_only():
    room = ChineseRoom(book_of(("你好", "A"), ("*", "F")))
    assert room.reply("你好").output == "A"
    assert room.reply("你好吗").output == "F"
    assert room.reply("说你好").output == "F"


@pytest.mark.parametrize("pattern, card, caught", [
    ("我叫*", "我叫西奥多", ("西奥多",)),
    ("我叫*", "我叫", ("",)),            # a star may cover nothing
    ("*吗", "你是人吗", ("你是人",)),
    ("*爱*", "我爱你", ("我", "你")),
    ("*爱*", "爱", ("", "")),
    ("从*到*", "从北京到上海", ("北京", "上海")),
    ("从*到*", "从北京到上海到广州", ("北京", "上海到广州")),  # leftmost
    ("我叫＊", "我叫西奥多", ("西奥多",)),   # full-width star
    ("hello *", "Hello World", ("world",)),
])
def test_wildcards_capture(pattern, card, caught):
    rule = Rule(pattern, "x")
    assert rule.match(R.shapes(card)) == caught


@pytest.mark.parametrize("pattern, card", [
    ("我叫*", "你叫西奥多"), ("*吗", "吗你"), ("从*到*", "从北京"), ("*爱*", "恨"),
    ("你好*你好", "你好"),  # the two pieces may not overlap
])
def test_wildcards_refuse(pattern, card):
    assert Rule(pattern, "x").match(R.shapes(card)) is None


def test_spaces_and_punctuation_do_not_count():
    room = ChineseRoom(book_of(("你好吗", "A")))
    for card in ("你好吗？", "你好吗?", " 你 好 吗 ！！", "你，好。吗", "\u202e你\u200b好吗\u200d"):
        assert room.reply(card).output == "A"


def test_reply_copies_the_shapes_a_star_covered():
    room = ChineseRoom(book_of(("从*到*", "{2}，然后{1}"), ("*", "F")))
    got = room.reply("从北京到上海")
    assert got.output == "上海，然后北京"
    assert got.caught == ("北京", "上海")
    fills = [s.text for s in got.steps if s.action == "fill"]
    assert fills == ["Where the row shows {2}, I copy the shapes star 2 covered: 上 海.",
                     "Where the row shows {1}, I copy the shapes star 1 covered: 北 京."]


def test_fallback_is_used_only_when_no_row_matches_wherever_it_stands():
    book = book_of(("*", "F"), ("你好", "A"))
    assert book.fallback == "F"
    room = ChineseRoom(book)
    assert room.reply("你好").output == "A"
    got = room.reply("再见")
    assert got.output == "F" and got.fallback and got.row is None and got.pattern == "*"
    assert got.lookups == 2
    assert book.rows()[-1] == ("*", "F")  # saved last


def test_a_book_without_catch_all_hands_out_a_blank_card():
    got = ChineseRoom(book_of(("你好", "A"))).reply("再见")
    assert got.output == "" and got.fallback
    assert "blank card" in got.steps[-1].text


def test_empty_book_answers_blank():
    got = ChineseRoom(Rulebook()).reply("你好")
    assert got.output == "" and got.lookups == 0


def test_lookups_count_the_rows_compared(book, room):
    assert room.reply("你好吗").lookups == 1
    assert room.reply("你好").lookups == 2
    assert room.reply("xyz").lookups == len(book.rules) + 1


# -- the operator's trace ----------------------------------------------------------------
def test_trace_reads_like_the_operator(room):
    got = room.reply("你好！")
    actions = [s.action for s in got.steps]
    assert actions == ["read", "set aside", "compare", "match", "copy", "hand out"]
    text = " ".join(s.text for s in got.steps)
    assert "你 好 ！" in text            # the shapes as they came in
    assert "row 2" in text and "rows 1" not in text
    assert "你 好 ！ 很 高 兴 认 识 你 。" in got.steps[-1].text
    frame = got.trace()
    assert list(frame.index) == list(range(1, len(got.steps) + 1))
    assert str(got) == got.output


def test_trace_never_uses_a_meaning_from_the_glossary(book, glossary):
    meanings = [m for m in glossary.to_frame()["english"] if len(m) > 4]
    room = ChineseRoom(book)
    for rule in book.rules:
        got = room.reply(rule.pattern.replace("*", "猫"))
        text = " ".join(s.text for s in got.steps)
        leaked = [m for m in meanings if m in text]
        assert not leaked, (rule.pattern, leaked)


def test_the_operator_works_with_the_glossary_absent_and_unreadable(tmp_path, monkeypatch):
    # A kit folder holding the rulebook only.
    lonely = tmp_path / "rulebook.csv"
    shutil.copy(R.RULEBOOK_CSV, lonely)
    monkeypatch.setattr(R, "GLOSSARY_CSV", tmp_path / "glossary.csv")  # absent

    def refuse(*args, **kwargs):
        raise AssertionError("the operator reached for the glossary")

    monkeypatch.setattr(R, "load_glossary", refuse)
    monkeypatch.setattr(R.Glossary, "__init__", refuse)
    monkeypatch.setattr(R.Glossary, "meaning", refuse)
    real_open, real_read = builtins.open, pathlib.Path.read_bytes

    def guarded_open(file, *args, **kwargs):
        if "glossary" in str(file):
            raise PermissionError(f"unreadable: {file}")
        return real_open(file, *args, **kwargs)

    def guarded_read(self):
        if "glossary" in self.name:
            raise PermissionError(f"unreadable: {self}")
        return real_read(self)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", guarded_read)
    with pytest.raises(PermissionError):  # the guard works...
        (R.DATA_DIR / "glossary.csv").read_bytes()
    room = ChineseRoom(Rulebook.from_csv(lonely))  # ...and the room never trips it
    got = room.reply("你懂中文吗？")
    assert got.output == "当然懂。"
    assert room.reply("???").fallback


def test_memorised_room_recalls_rows_and_answers_the_same(book):
    outside = ChineseRoom(book).reply("你在吗")
    inside = ChineseRoom(book, memorised=True).reply("你在吗")
    assert inside.output == outside.output
    text = " ".join(s.text for s in inside.steps)
    assert "recall row" in text and "my memory" in text
    assert "find row" not in text


def test_camera_card_is_only_more_shapes(room):
    assert room.reply("外面天气怎么样？").output == "我这里没有窗户。"
    got = room.reply("外面天气怎么样？", camera="下雨")
    assert got.output == "外面在下雨。带伞吧！"
    assert got.camera == "下雨"
    assert any(s.action == "camera" and "下 雨" in s.text for s in got.steps)
    assert room.reply("外面天气怎么样？", camera="晴天").output == "外面阳光很好。出去走走吧！"


# -- bad input to the room ---------------------------------------------------------------------
@pytest.mark.parametrize("bad, fragment", [
    ("", "empty"), ("   ", "empty"), (None, "empty"), (42, "must be text"),
    (["你好"], "must be text"), ("你" * (R.MAX_MESSAGE_CHARS + 1), "limit"),
    ("x" * 1_048_576, "limit"),
])
def test_bad_messages_raise_a_plain_input_error(room, bad, fragment):
    with pytest.raises(InputError, match=fragment):
        room.reply(bad)


@pytest.mark.parametrize("odd", ["😀🤖💬", "مرحبا، هل أنت هناك؟", "שלום", "<script>alert(1)</script>",
                                 "\u202eevil", "？！。"])
def test_odd_messages_get_the_catch_all(room, book, odd):
    got = room.reply(odd)
    assert got.output == book.fallback


def test_room_refuses_what_is_not_a_rulebook():
    with pytest.raises(InputError, match="rulebook must be a Rulebook"):
        ChineseRoom([("你好", "A")])


# -- rules and editing -------------------------------------------------------------------------
@pytest.mark.parametrize("pattern, reply, fragment", [
    ("", "A", "pattern is empty"), ("  ", "A", "pattern is empty"),
    ("你**好", "A", "two \\* in a row"), ("你*！*好", "A", "two \\* in a row"),
    (".*好", "A", "regular-expression"), ("你\\*", "A", "no escapes"),
    ("？！", "A", "no shapes"), ("*？", "A", "only \\* and marks"),
    ("你好", "", "reply is empty"), ("你好", "{1}", "no \\{n\\}"),
    ("你*", "{2}", "only \\{1\\}"), ("你*好*", "{3}", "\\{1\\} to \\{2\\}"),
    ("*", "A", "catch-all"), (5, "A", "must be text"), ("你好", 5, "must be text"),
    ("你" * 201, "A", "limit"), ("你好", "好" * 501, "limit"),
])
def test_bad_rules_are_refused(pattern, reply, fragment):
    with pytest.raises(RulebookError, match=fragment):
        Rule(pattern, reply)


def test_with_rule_inserts_a_new_book_and_leaves_the_old_alone(book):
    new = book.with_rule("你喜欢猫吗", "喜欢。")
    assert new.rules[0].pattern == "你喜欢猫吗" and len(new) == len(book) + 1
    assert ChineseRoom(new).reply("你喜欢猫吗？").output == "喜欢。"
    assert ChineseRoom(book).reply("你喜欢猫吗？").output != "喜欢。"
    bottom = book.with_rule("你喜欢猫吗", "喜欢。", position=None)
    assert bottom.rules[-1].pattern == "你喜欢猫吗"
    question_row = [r.pattern for r in book.rules].index("*吗") + 1
    assert ChineseRoom(bottom).reply("你喜欢猫吗？").row == question_row  # the earlier *吗 wins
    assert book.with_rule("*", "新的").fallback == "新的"
    for bad in (-1, len(book.rules) + 1, 1.5, True, "0"):
        with pytest.raises(ValueError, match="position must be"):
            book.with_rule("你好", "A", position=bad)


@pytest.mark.parametrize("rows, fragment", [
    ("你好,A", "list of \\(pattern, reply\\) pairs"), (5, "list of"),
    ([("你好",)], "Row 1: expected a"), ([("你好", "A"), ("", "B")], "Row 2: The pattern is empty"),
    ([("*", "A"), ("*", "B")], "Row 2: a second catch-all"), ([("*", "")], "Row 1: The catch-all reply is empty"),
])
def test_from_rows_names_the_row(rows, fragment):
    with pytest.raises(RulebookError, match=fragment):
        Rulebook.from_rows(rows)


def test_rulebook_size_is_capped(monkeypatch):
    monkeypatch.setattr(R, "MAX_RULES", 3)
    with pytest.raises(RulebookError, match="at most 3"):
        Rulebook([Rule(f"你{i}", "A") for i in range(4)])


# -- CSV ------------------------------------------------------------------------------------------
def test_csv_round_trip_of_the_shipped_book(book, tmp_path):
    path = book.to_csv(tmp_path / "copy.csv")
    again = Rulebook.from_csv(path)
    assert again == book and again.rows() == book.rows()
    assert path.read_text(encoding="utf-8").splitlines()[0] == "pattern,reply"


def test_csv_round_trip_keeps_commas_quotes_and_stars(tmp_path):
    book = book_of(('你,好', 'He said "hi", then {1}?'.replace("{1}", "ok")),
                   ("从*到*", "{2}，{1}"), ("*", "对不起"))
    assert Rulebook.from_csv(book.to_csv(tmp_path / "b.csv")) == book


def test_catch_all_row_saved_last_even_if_read_first(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("pattern,reply\n*,F\n你好,A\n", encoding="utf-8")
    loaded = Rulebook.from_csv(path)
    assert loaded.rows() == [("你好", "A"), ("*", "F")]


def test_csv_tolerates_bom_blank_lines_and_padding(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("\ufeffpattern , reply\n\n 你好 , A \n,\n再见,B\n", encoding="utf-8")
    assert Rulebook.from_csv(path).rows() == [("你好", "A"), ("再见", "B")]


MALFORMED = [
    ("pattern\n你好\n", 1, "no column 'reply'"),
    ("chinese,english\n你好,hi\n", 1, "no column 'pattern'"),
    ("pattern,reply,note\n你好,A,x\n", 1, "unknown column 'note'"),
    ("", 1, "file is empty"),
    ("pattern,reply\n你好,A\n,B\n", 3, "pattern is empty"),
    ("pattern,reply\n你好,A\n再见,\n", 3, "reply is empty"),
    ("pattern,reply\n你好,A\n\n再见**,B\n", 4, "two \\* in a row"),
    ("pattern,reply\n.*好,A\n", 2, "regular-expression"),
    ("pattern,reply\n你*,{2}\n", 2, "only \\{1\\}"),
    ("pattern,reply\n*,A\n你好,B\n*,C\n", 4, "second catch-all.*line 2"),
    ("pattern,reply\n你好,A\n再见,B,C\n", 3, "does not split"),
    ("pattern,reply\n你好,A\n再见\n", 3, "has 1 field"),
    ('pattern,reply\n你好,"A\nB"\n', 2, "several lines"),
    ('pattern,reply\n你好,A\n"再见,B\n晚安,C\n', 3, "never closed"),
    ("pattern,reply\n？！,A\n", 2, "no shapes"),
]


@pytest.mark.parametrize("content, line, fragment", MALFORMED)
def test_malformed_csv_names_the_line(tmp_path, content, line, fragment):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RulebookError, match=fragment) as info:
        Rulebook.from_csv(path)
    assert info.value.line == line
    assert f"bad.csv, line {line}:" in str(info.value)


def test_wrong_encoding_names_the_line(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("pattern,reply\n你好,A\n".encode("utf-8") + "晚安,C\n".encode("gbk"))
    assert path.read_bytes().count(b"\n") == 3
    with pytest.raises(RulebookError, match="line 3: this is not UTF-8") as info:
        Rulebook.from_csv(path)
    assert info.value.line == 3


def test_missing_and_oversized_files(tmp_path, monkeypatch):
    with pytest.raises(RulebookError, match="no file"):
        Rulebook.from_csv(tmp_path / "nowhere.csv")
    path = tmp_path / "big.csv"
    path.write_text("pattern,reply\n" + "你好,A\n" * 100, encoding="utf-8")
    monkeypatch.setattr(R, "MAX_FILE_BYTES", 100)
    with pytest.raises(RulebookError, match="limit"):
        Rulebook.from_csv(path)


def test_glossary_file_errors_name_the_line(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("chinese,english\n你好,Hello\n,Nothing\n", encoding="utf-8")
    with pytest.raises(RulebookError, match="g.csv, line 3: The pattern is empty"):
        load_glossary(path)
    assert len(load_glossary()) > 40


# -- Blockhead ---------------------------------------------------------------------------------------
def brute_force_entries(a, length, turns):
    """Enumerate every conversation and count the distinct prefixes the table must hold."""
    alphabet = range(a)
    messages = [m for n in range(1, length + 1) for m in itertools.product(alphabet, repeat=n)]
    prefixes = set()
    for conversation in itertools.product(messages, repeat=turns):
        for t in range(1, turns + 1):
            prefixes.add(conversation[:t])
    return len(messages), len(prefixes)


SMALL = [(a, n, t) for a in (1, 2, 3) for n in (1, 2, 3) for t in (1, 2, 3)
         if (sum(a ** k for k in range(1, n + 1))) ** t <= 60_000]


@pytest.mark.parametrize("a, n, t", SMALL)
def test_blockhead_matches_brute_force(a, n, t):
    messages, entries = brute_force_entries(a, n, t)
    assert blockhead_messages(a, n) == messages
    assert blockhead_entries(a, n, t) == entries
    assert blockhead_log10(a, n, t) == pytest.approx(math.log10(entries), abs=1e-9)


def test_blockhead_known_small_values():
    assert len(SMALL) >= 20
    assert blockhead_entries(2, 2, 2) == 42          # M = 6: 6 + 36
    assert blockhead_entries(1, 1, 5) == 5
    assert blockhead_entries(10, 1, 3) == 10 + 100 + 1000


def test_blockhead_huge_values_are_exact_ints_without_overflow():
    n = blockhead_entries(50_000, 40, 20)            # about 3,760 digits
    assert isinstance(n, int)
    m = blockhead_messages(50_000, 40)
    assert (m - 1) * n == m * (m ** 20 - 1)          # the geometric sum, exactly
    assert len(str(n)) == math.floor(math.log10(n)) + 1  # printable in full
    assert blockhead_log10(50_000, 40, 20) == pytest.approx(math.log10(n), rel=1e-12)
    assert orders_beyond_universe(n) == pytest.approx(math.log10(n) - 80)
    assert orders_beyond_universe(n) > 3600
    assert orders_beyond_universe(blockhead_entries(3000, 20, 5)) == pytest.approx(267.71, abs=0.01)


def test_blockhead_too_big_to_write_out_points_to_log10():
    with pytest.raises(ValueError, match="blockhead_log10"):
        blockhead_entries(1_000_000, 100_000, 100_000)
    with pytest.raises(ValueError, match="number of 4,699 digits"):
        blockhead_entries(50_000, 100, 10)
    big = blockhead_log10(1_000_000, 100_000, 100_000)
    assert math.isfinite(big) and big == pytest.approx(6e10, rel=1e-6)


@pytest.mark.parametrize("name, index", [("alphabet_size", 0), ("message_length", 1), ("turns", 2)])
@pytest.mark.parametrize("bad", [0, -1, 1.5, 2.0, float("nan"), float("inf"), "3", None, True, 10 ** 9])
def test_blockhead_validates_each_parameter(name, index, bad):
    args = [3, 2, 2]
    args[index] = bad
    for fn in (blockhead_entries, blockhead_log10):
        with pytest.raises(ValueError, match=f"{name} must be a whole number from 1 to"):
            fn(*args)


def test_orders_beyond_universe():
    assert R.UNIVERSE_PARTICLES == 10 ** 80
    assert orders_beyond_universe(10 ** 80) == 0
    assert orders_beyond_universe(10 ** 83) == pytest.approx(3)
    assert orders_beyond_universe(1) == -80
    assert orders_beyond_universe(10 ** 5000) == pytest.approx(4920)
    for bad in (0, -5, float("nan"), float("inf"), "10", None, True):
        with pytest.raises(ValueError, match="entries must be"):
            orders_beyond_universe(bad)


# -- the timer ------------------------------------------------------------------------------------------
def test_hand_time_arithmetic():
    t = hand_time(10 ** 10, 2)
    assert t.seconds == 5e9
    assert t.years == pytest.approx(5e9 / (365.25 * 86400))
    assert t.films == pytest.approx(5e9 / (126 * 60))
    assert "158 years" in t.describe()
    assert hand_time(44).seconds == 44
    assert hand_time(10 ** 300, 1e18).seconds == pytest.approx(1e282)


def test_room_hand_time_uses_the_rows_compared(room, book):
    assert room.hand_time("你好吗", lookups_per_second=0.5).seconds == 2
    assert room.hand_time("xyz", 1).lookups == len(book.rules) + 1


@pytest.mark.parametrize("lookups, rate, fragment", [
    (0, 1, "lookups must be a whole number from 1"), (-3, 1, "lookups must be"),
    (2.5, 1, "lookups must be"), (float("nan"), 1, "lookups must be.*NaN"), ("9", 1, "lookups must be"),
    (10 ** 301, 1, "lookups must be"), (True, 1, "lookups must be"),
    (5, 0, "lookups_per_second must be a number greater than 0"), (5, -1, "lookups_per_second"),
    (5, float("nan"), "lookups_per_second.*NaN"), (5, float("inf"), "lookups_per_second"),
    (5, "fast", "lookups_per_second"), (5, 1e30, "lookups_per_second"), (5, None, "lookups_per_second"),
])
def test_hand_time_validates(lookups, rate, fragment):
    with pytest.raises(ValueError, match=fragment):
        hand_time(lookups, rate)


@pytest.mark.parametrize("seconds, text", [
    (0.4, "about 0.4 seconds"), (90, "about 1.5 minutes"), (7200, "about 2 hours"),
    (3 * 86400, "about 3 days"), (1e12, "about 31,688 years"), (1e30, "about 3.2 × 10^22 years"),
    (float("inf"), "forever"),
])
def test_describe_seconds(seconds, text):
    assert describe_seconds(seconds) == text


def test_describe_seconds_refuses_nonsense():
    for bad in (-1, float("nan"), "1", None):
        with pytest.raises(ValueError, match="seconds must be"):
            describe_seconds(bad)


def test_model_imports_no_widgets():
    source = pathlib.Path(R.__file__).read_text(encoding="utf-8")
    assert "ipywidgets" not in source
    assert "GLOSSARY_CSV" not in source.split("class ChineseRoom")[1].split("def _whole")[0]


def test_glossary_is_a_separate_object_from_the_room(book):
    assert not any(isinstance(v, Glossary) for v in vars(ChineseRoom(book)).values())


# -- the exercise's examiners ---------------------------------------------------------------------
GOOD_RULES = [
    ("你好吗", "我很好，谢谢。"), ("你好", "你好！"), ("*你叫什么名字", "我叫小房。"),
    ("我叫*", "你好，{1}！"), ("*", "对不起，我不明白。"),
]


def test_examine_tabulates_cards():
    table = R.examine(GOOD_RULES, [("你好", "你好"), ("再见", "再见"), ("你好吗", "我很好")])
    assert list(table["passed"]) == [True, False, False]
    assert list(table["row"]) == [2, "catch-all", 1]
    assert R.examine([("你好", "A")], [("再见", "A")])["row"].iloc[0] == "none"


def test_exercise_rule_check_passes_a_good_book_and_fails_bad_ones():
    from seminar.classroom.checks import Checker
    check = Checker("02-chinese-room")
    assert check.evaluate("q1", GOOD_RULES).correct
    assert check.evaluate("q1", Rulebook.from_rows(GOOD_RULES)).correct
    wrong_order = [("你好*", "你好！"), GOOD_RULES[0]] + GOOD_RULES[2:]
    for bad, fragment in [
        (wrong_order, "card 2"),                      # first match wins: 你好* swallows 你好吗
        (GOOD_RULES[:-1], "blank card"),              # no catch-all
        ([("你好吗", "我很好，谢谢。"), ("你好", "你好！"), ("你叫什么名字", "我叫小房。"),
          ("我叫*", "你好，{1}！"), ("*", "对不起，我不明白。")], "card 4"),
        (GOOD_RULES[:3] + [("我叫*", "你好，西奥多！")] + GOOD_RULES[4:], "card 6"),
        (GOOD_RULES[:4] + [("*吗", "对不起，我不明白。")], "card 7"),
        ([("你好", "{1}")], "cannot read your rules"),
        ("你好", "list of (pattern, reply) pairs"),
    ]:
        result = check.evaluate("q1", bad)
        assert not result.correct and fragment in result.message, (bad, result.message)
