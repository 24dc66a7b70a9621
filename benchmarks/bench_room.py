"""How fast is the Chinese Room toy? Reply time for a 1,000-rule book, and the app's update time.

Run from the kit's root:  python benchmarks/bench_room.py
Prints medians over repeated runs (milliseconds). Nothing is asserted: a benchmark measures.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from seminar.models.room import ChineseRoom, Rulebook, load_glossary, load_rulebook

SHAPES = "天地人你我他山水火木金土日月风雨"


def thousand_rule_book() -> Rulebook:
    """1,000 rows: 700 whole-message rows, then 300 wildcard rows, then the kit's own book."""
    kit = load_rulebook()
    rows = []
    for n in range(700):
        a, b, c = SHAPES[n % 16], SHAPES[(n // 16) % 16], SHAPES[(n // 256) % 16]
        rows.append((f"{a}{b}{c}问{n}", f"{c}{b}{a}答"))
    for n in range(300 - len(kit.rules)):
        rows.append((f"*{SHAPES[n % 16]}{SHAPES[(n // 16) % 16]}*{n}号*", "{2}{1}"))
    rows += kit.rows()
    book = Rulebook.from_rows(rows)
    assert len(book.rules) == 1000, len(book.rules)
    return book


def median_ms(fn, repeat: int = 30) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    book = thousand_rule_book()
    room = ChineseRoom(book)
    long_card = "你" * 999 + "吗"
    cases = {
        "first row matches": "天天天问0",
        "row 700 (last whole-message row)": room.rulebook.rules[699].pattern,
        "kit row near the bottom (你懂中文吗)": "你懂中文吗？",
        "no row matches (catch-all after 1,000 rows)": "这张卡片没有规则",
        "1,000-character card, no match until *吗": long_card,
    }
    print(f"Rulebook: {len(book.rules):,} rules + catch-all")
    print("Reply time (median of 30):")
    for name, card in cases.items():
        out = room.reply(card)
        print(f"  {name:<46} {median_ms(lambda: room.reply(card)):8.3f} ms   "
              f"(rows compared: {out.lookups:,})")

    with tempfile.TemporaryDirectory() as tmp:
        path = book.to_csv(Path(tmp) / "thousand.csv")
        print(f"Load the 1,000-rule CSV:                         "
              f"{median_ms(lambda: Rulebook.from_csv(path), repeat=10):8.3f} ms")
    print(f"Load the kit's glossary:                         "
          f"{median_ms(load_glossary, repeat=10):8.3f} ms")

    from seminar.views.room import room_app  # widgets only for the app's half

    app = room_app(book)
    app.message.value = "你懂中文吗？"
    print("App update time (median of 30; Python side, without the browser's drawing):")
    print(f"  Send (reply, trace, status)                    {median_ms(app.send.click):8.3f} ms")
    app.observer.value = True
    print(f"  Send with the observer's glossary shown        {median_ms(app.send.click):8.3f} ms")

    def add_one():
        app.new_pattern.value = "你喜欢猫吗"
        app.new_reply.value = "喜欢。"
        app.add_rule.click()

    print(f"  Add a rule (re-renders the 1,000-row book)     {median_ms(add_one, repeat=10):8.3f} ms")
    print(f"  (the book now has {len(app.room.rulebook.rules):,} rules)")
    start = time.perf_counter()
    room_app(book)
    print(f"Build the app with a 1,000-rule book:            {(time.perf_counter() - start) * 1000:8.3f} ms")

    memory_and_blind_test()


def memory_and_blind_test() -> None:
    """The room with a memory and the blind test: model and app times."""
    from seminar.models.blind_test import BlindTest
    from seminar.models.room_memory import MemoryRoom
    from seminar.views.blind_test import blind_test_app
    from seminar.views.room_memory import memory_room_app

    memory = MemoryRoom()
    memory.reply("我叫西奥多")
    print("Room with a memory (median of 30):")
    print(f"  Reply that writes the notebook (我叫西奥多)       {median_ms(lambda: memory.reply('我叫西奥多')):8.3f} ms")
    print(f"  Reply that reads the notebook (你记得我吗)        {median_ms(lambda: memory.reply('你记得我吗')):8.3f} ms")
    app = memory_room_app()
    app.message.value = "我叫什么名字"
    print(f"  App: Send (reply, trace, notebook)             {median_ms(app.send.click):8.3f} ms")

    def one_round(test=BlindTest(seed=1)):
        test.send("Are you human?")
        test.guess("room")

    print("Blind test (median of 30):")
    print(f"  One round (send, guess)                        {median_ms(one_round):8.3f} ms")
    blind = blind_test_app(seed=1)

    def app_round():
        blind.card.value = "I feel lonely today"
        blind.send.click()
        blind.guess_human.click()

    print(f"  App: one round (send, guess, reveal, score)    {median_ms(app_round):8.3f} ms")


if __name__ == "__main__":
    main()
