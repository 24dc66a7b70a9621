"""The instructor's command line: ``python -m seminar --help``.

Each subcommand is one module of ``seminar.instructor``, listed in :data:`COMMANDS`;
``seminar/__main__.py`` only calls :func:`main`.
A command module provides:

- ``HELP``: one line for ``python -m seminar --help``;
- ``add_arguments(parser)``: adds its options to its own argparse parser;
- ``run(args) -> int``: does the work and returns the exit status (0 success, 1 failure).

Keep a command module's top-level imports light (import nbformat, pandas and the like
inside ``run``): every module is imported to build ``--help``.

Every command gets ``--root`` (the kit folder, default: the one this package belongs to)
as ``args.root``. A command reports a user's mistake (a missing file, a bad name, a
broken notebook) by raising :class:`seminar.text.InputError` (or an ``OSError``); the
message is printed without a traceback and the exit status is 1.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from seminar import KIT_ROOT
from seminar.text import InputError

#: Subcommand name -> module in seminar.instructor. Add new commands here.
COMMANDS = {
    "exercises": "seminar.instructor.exercises",
    "refresh": "seminar.instructor.refresh",
    "links": "seminar.instructor.links",
    "release": "seminar.instructor.release",
    "answers": "seminar.instructor.answers",
    "grade": "seminar.instructor.grade",
    "gradebook": "seminar.instructor.gradebook",
    "schedule": "seminar.instructor.schedule",
    "nbgrader-source": "seminar.instructor.nbgrader_source",
    "poll": "seminar.instructor.poll",
}

PROG = "python -m seminar"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Instructor tools for the Between the Words kit.",
        epilog=f"Run '{PROG} COMMAND --help' for the options of one command.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=str(KIT_ROOT), metavar="DIR",
                        help="the kit's folder, holding solutions/ and exercises/ "
                             "(default: %(default)s)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, parents=[common], help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
