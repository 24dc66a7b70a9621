"""Timing of the ghostwriter model and app (prints numbers; not a test).

    python benchmarks/bench_letters.py

- model: seminar.models.letters.compare (every letter written, counted and tabled) with the kit's
  "anniversary" template, for a class-sized batch of 30 customers and for 10x that (300);
  the customers are the kit's invented examples, repeated under numbered names;
- the largest template the writer accepts (20,000 characters) composed once;
- app: "Compare all customers" for 30 customers (model, cards, table, chart PNG), as a
  student's click does in the kernel; the browser's share is not included.
"""
from __future__ import annotations

import statistics
import tracemalloc

import pandas as pd

from seminar.models import letters
from seminar.views.letters import LettersApp
from benchtools import report, timed


def customers(n: int) -> pd.DataFrame:
    base = letters.example_customers()
    rows = [base.iloc[i % len(base)] for i in range(n)]
    frame = pd.DataFrame(rows)
    frame.index = pd.Index([f"{base.index[i % len(base)]} {i + 1}" for i in range(n)],
                           name="customer")
    return frame


def main() -> None:
    tpl = letters.template("anniversary")
    print("seminar.models.letters.compare, 'anniversary' template")
    for n in (30, 300):
        batch = customers(n)
        seconds = timed(lambda b=batch: letters.compare(tpl, b), 15 if n == 30 else 7)
        report(f"  {n} customers", seconds)
        print(f"  {'':<44} = {1000 * statistics.median(seconds) / n:.2f} ms per letter")
    tracemalloc.start()
    letters.compare(tpl, customers(300))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  peak memory of one 300-customer comparison: {peak / 2**20:.1f} MiB")

    print("\nthe largest template (20,000 characters, 1,000 nuggets and choices)")
    big = ("[Dear|My dear] {beloved}, I remember {memory}. " * 400)[: letters.MAX_TEMPLATE_CHARS]
    big = big[: big.rfind(".") + 1]
    report("  parse", timed(lambda: letters.Template(big), 7))
    nuggets = letters.example_customers().loc["Ana"]
    report("  compose and count", timed(lambda: letters.compose(big, nuggets).counts(), 7))

    print("\napp: 'Compare all customers' click (30 customers)")
    app = LettersApp(customers=customers(30))
    report("  compare click", timed(app.compare_button.click, 10))
    print(f"  chart PNG size: {len(app.image.value) / 1024:.0f} KiB")
    report("  'Write the letter' click", timed(app.write_button.click, 20))


if __name__ == "__main__":
    main()
