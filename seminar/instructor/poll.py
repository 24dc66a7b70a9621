"""``python -m seminar poll``: read a folder of poll files (lesson 07), or write the sample class.

The poll itself (records, saving, loading, summaries) is the model :mod:`seminar.models.poll`.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from seminar.text import InputError

HELP = "read a folder of poll files (lesson 07) and print the class's spread, or write the sample"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    show_ = sub.add_parser("summary", help="read FOLDER and print the report and a summary")
    show_.add_argument("folder", help="a folder of poll files (*.json)")
    show_.add_argument("--csv", metavar="FILE", help="also write the whole table to FILE (CSV)")
    sample = sub.add_parser("sample", help="write the made-up sample class into FOLDER")
    sample.add_argument("folder")
    sample.add_argument("--overwrite", action="store_true", help="replace the sample's files")


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from seminar.models.poll import load_class, make_sample_class, summary

    if args.action == "sample":
        paths = make_sample_class(args.folder, overwrite=args.overwrite)
        print(f"Wrote {len(paths)} files to {args.folder} (a made-up class).")
        return 0
    result = load_class(args.folder)
    print(result.report())
    print()
    with pd.option_context("display.width", 120):
        print(summary(result.table).round(2).to_string())
    if args.csv:
        target = Path(args.csv)
        if target.exists():
            raise InputError(f"{target} exists already: choose another name.")
        result.table.to_csv(target, index=False)
        print(f"\nWrote the table to {target}.")
    return 1 if result.skipped.shape[0] and not len(result.table) else 0
