"""``python -m seminar refresh``: rewrite what is generated from the lessons and readings.

Two files are made from others and a test fails while either is out of date:

- the README's Binder badge and lesson map (from each lesson's first cell);
- ``readings/catalogue.csv`` (from ``readings/*.md`` and the notebooks that show each excerpt).

``exercises/`` is generated too, from ``solutions/``: that is ``python -m seminar exercises``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "rewrite the README's lesson map and readings/catalogue.csv (or --check them)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 and say which file is out of date")


def run(args: argparse.Namespace) -> int:
    from seminar.classroom import course, readings

    root = Path(args.root)
    map_current = course.update_readme(root, check=args.check)
    csv_path = root / "readings" / "catalogue.csv"
    fresh = readings.catalogue_csv(root)
    old = csv_path.read_text(encoding="utf-8") if csv_path.exists() else ""
    csv_current = old == fresh
    if args.check:
        for current, what in ((map_current, "README.md's lesson map"),
                              (csv_current, "readings/catalogue.csv")):
            print(f"{what} is {'up to date' if current else 'out of date'}.")
        if not (map_current and csv_current):
            print("Run: python -m seminar refresh")
            return 1
        return 0
    if not csv_current:
        readings.write_catalogue(root)
    print(f"README.md's lesson map: {'already up to date' if map_current else 'rewritten'}.")
    print(f"readings/catalogue.csv: {'already up to date' if csv_current else 'rewritten'}.")
    return 0
