"""How fast is the argument checker, and how much memory does a truth table take?

Run from the kit's root:  python benchmarks/bench_arguments.py
For 8, 12, 16, 20 atoms and the limit (seminar.models.arguments.MAX_ATOMS), prints medians over
repeated runs (milliseconds) of parsing, building the table, the whole verdict, choosing
the rows to show, and the app's Check button; then the peak memory of one verdict
(tracemalloc, which sees numpy's buffers) beside the kit's estimate (table_bytes), and how
fast a too-big argument is refused. Nothing is asserted: a benchmark measures.
"""
from __future__ import annotations

import gc
import statistics
import time
import tracemalloc

from seminar.models import arguments as model

SIZES = (8, 12, 16, 20, model.MAX_ATOMS)


def chain(n: int) -> tuple[list[str], str]:
    """a0 -> a1, a1 -> a2, ... therefore a0 -> a(n-1): n atoms, n - 1 premises, valid."""
    return [f"a{i} -> a{i + 1}" for i in range(n - 1)], f"a0 -> a{n - 1}"


def mixed(n: int) -> tuple[list[str], str]:
    """Three premises over all n atoms, with every operator; invalid (many counterexamples)."""
    atoms = [f"a{i}" for i in range(n)]
    half = n // 2
    return ([" | ".join(atoms[:half]) + " -> " + " & ".join(atoms[half:]),
             "(" + " <-> ".join(atoms[:4]) + ") | ~" + atoms[-1],
             "~(" + " & ".join(atoms[1::2]) + ")"], f"{atoms[0]} -> {atoms[-1]}")


def median_ms(fn, repeat: int) -> float:
    fn()  # warm up (the first touch of fresh memory is slower)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
        gc.collect()
    return statistics.median(times)


def peak_mb(fn) -> float:
    gc.collect()
    tracemalloc.start()
    result = fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    gc.collect()
    return peak / 2**20


def main() -> None:
    from seminar.views.arguments import argument_app  # widgets only for the app's row

    budget = model.LIMITS.memory_budget_bytes
    print(f"Atom limit: {model.MAX_ATOMS} atoms ({2 ** model.MAX_ATOMS:,} rows), from a memory "
          f"budget of {budget / 2**20:.0f} MiB")
    for name, build in (("chain of implications (n - 1 premises, valid)", chain),
                        ("three mixed premises over all atoms (invalid)", mixed)):
        print(f"\n{name}: median ms (5 runs; 3 at the limit)")
        print(f"{'atoms':>5} {'rows':>10} {'parse':>8} {'table':>8} {'verdict':>8} "
              f"{'excerpt':>8} {'app':>8} {'peak MiB':>9} {'est. MiB':>9}")
        for n in SIZES:
            premises, conclusion = build(n)
            arg = model.argument(premises, conclusion)
            temps = max(model.temporaries(f.tree) for f in (*arg.premises, arg.conclusion))
            est = model.table_bytes(n, len(premises) + 1, temps) / 2**20
            if est * 2**20 > budget:
                print(f"{n:>5} {2 ** n:>10,}  refused: needs about {est:.0f} MiB "
                      f"({len(premises) + 1} formulas), over the budget")
                continue
            repeat = 3 if n >= 21 else 5
            t_parse = median_ms(lambda: model.argument(premises, conclusion), repeat)
            t_table = median_ms(lambda: model.truth_table(arg), repeat)
            t_verdict = median_ms(lambda: model.assess(arg), repeat)
            verdict = model.assess(arg)
            t_excerpt = median_ms(lambda: model.table_excerpt(verdict, 64), repeat)
            del verdict
            app = argument_app()
            app.premises.value, app.conclusion.value = "\n".join(premises), conclusion
            t_app = median_ms(app.check_button.click, repeat)
            assert app.last is not None, app.status.value
            del app
            gc.collect()
            peak = peak_mb(lambda: model.table_excerpt(model.assess(arg), 64))
            print(f"{n:>5} {2 ** n:>10,} {t_parse:>8.2f} {t_table:>8.1f} {t_verdict:>8.1f} "
                  f"{t_excerpt:>8.1f} {t_app:>8.1f} {peak:>9.1f} {est:>9.1f}")

    print("\nRefusing arguments too big for memory (median ms, 5 runs):")
    for n in (model.MAX_ATOMS + 1, 30, 60):
        premises = [" & ".join(f"a{i}" for i in range(n))]

        def refuse():
            try:
                model.assess(premises, "a0")
            except model.InputError:
                return
            raise AssertionError("not refused")

        print(f"  {n} atoms ({2 ** n:.3g} rows): {median_ms(refuse, 5):8.2f} ms")
    try:
        model.assess([" & ".join(f"a{i}" for i in range(30))], "a0")
    except model.InputError as exc:
        print(f"  message: {exc}")


if __name__ == "__main__":
    main()
