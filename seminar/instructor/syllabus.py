"""``python -m seminar syllabus``: the syllabus and the course documents, from the kit's data.

Reads ``course/course.md`` (the editable course file), ``course/lesson-notes.md``,
``course/essay-prompts.md``, ``rubrics/essay-*.csv``, the lessons' first cells, the schedule and
the readings (see :mod:`seminar.instructor.coursedocs`). It

- rewrites the generated parts of ``course/essay.md`` (the prompts and the rubrics);
- writes into ``--out`` (default ``build/course``): ``syllabus``, ``essay``, ``viewing-guide``,
  ``bibliography`` and ``reading-packet``, each as ``.md`` and ``.html`` (and ``.pdf`` with
  ``--pdf``, printed by Chromium);
- lists the placeholders (``[...]``) still to fill in the course file.

``--check`` writes nothing and exits 1 if ``course/essay.md`` is out of date.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "write the syllabus, essay page, viewing guide, bibliography and reading packet (MD/HTML/PDF)"

DOCUMENTS = (("syllabus", "Syllabus"), ("essay", "The final essay"), ("peer-review", "Peer-review sheet"),
             ("viewing-guide", "Viewing guide"), ("bibliography", "Bibliography"),
             ("reading-packet", "Reading packet"))


def documents(root: Path) -> dict[str, str]:
    """Every course document's Markdown, by name."""
    from seminar.instructor import coursedocs as cd

    course = cd.load_course_file(root)
    peer = Path(root) / "course" / "peer-review.md"
    return {"syllabus": cd.syllabus_markdown(root, course), "essay": cd.essay_markdown(root),
            "peer-review": peer.read_text(encoding="utf-8") if peer.is_file() else "",
            "viewing-guide": cd.viewing_guide_markdown(root, course),
            "bibliography": cd.bibliography_markdown(root), "reading-packet": cd.packet_markdown(root)}


def update_essay(root: Path, check: bool = False) -> bool:
    """Rewrite course/essay.md's generated parts. Returns True if they were already current."""
    from seminar.files import write_atomic
    from seminar.instructor import coursedocs as cd

    path = Path(root) / "course" / "essay.md"
    old = path.read_text(encoding="utf-8")
    new = cd.essay_markdown(root)
    if new != old and not check:
        write_atomic(path, new)
    return new == old


def write_documents(root: Path, out: Path, pdf: bool = False, nav: str = "",
                    css_href: str | None = None) -> list[Path]:
    from seminar.files import write_atomic
    from seminar.instructor import coursedocs as cd

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in documents(root).items():
        if not text:
            continue
        title = dict(DOCUMENTS)[name]
        md, page = out / f"{name}.md", out / f"{name}.html"
        write_atomic(md, text)
        write_atomic(page, cd.html_page(title, text, nav=nav, css_href=css_href))
        written += [md, page]
        if pdf and name in ("syllabus", "reading-packet", "viewing-guide", "essay", "peer-review"):
            from seminar.instructor.pdf import print_pdf

            written.append(print_pdf(page, out / f"{name}.pdf"))
    return written


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="DIR", help="where to write (default: ROOT/build/course)")
    parser.add_argument("--pdf", action="store_true",
                        help="also print the syllabus, essay, viewing guide and reading packet to PDF "
                             "with Chromium")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if course/essay.md's generated parts are out of date")


def run(args: argparse.Namespace) -> int:
    from seminar.instructor import coursedocs as cd

    root = Path(args.root)
    course = cd.load_course_file(root)
    if args.check:
        ok = update_essay(root, check=True)
        print("course/essay.md is " + ("up to date." if ok else
              "out of date: run python -m seminar syllabus"))
        return 0 if ok else 1
    same = update_essay(root)
    print("course/essay.md: " + ("already up to date." if same else "prompts and rubrics rewritten."))
    out = Path(args.out) if args.out else root / "build" / "course"
    written = write_documents(root, out, pdf=args.pdf)
    print(f"Wrote {len(written)} files to {out}:")
    for path in written:
        print(f"  {path.name}")
    left = cd.placeholders(course)
    if left:
        print(f"\nStill to fill in course/course.md ({len(left)} placeholders):")
        for item in left:
            print(f"  - {item}")
    missing = cd.missing_notes(root)
    if missing:
        print("\nLessons without a section in course/lesson-notes.md: " + ", ".join(missing))
    return 0
