"""Time and size of the whole static site (prints numbers; not a test).

    python benchmarks/bench_site.py [--no-pdf] [--lessons 00,05] [--keep DIR]

Builds the site as ``python -m seminar site OUTDIR`` does (every lesson and exercise run in a
copy, one page each, course pages, PDF handouts) into a temporary folder, then prints the
total time, the time per lesson (its page, handout and exercise page), and the size of the
site and of its PDFs. The CI test builds two lessons only (tests/sitebuild.py); this is the
whole-site figure. The npm assets are installed first (and not timed) if missing.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from seminar import KIT_ROOT
from seminar.instructor.pdf import page_count
from seminar.instructor.site import build, folder_size, npm_modules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--lessons", default=None)
    parser.add_argument("--keep", metavar="DIR", help="build into DIR and keep it")
    args = parser.parse_args()
    npm_modules()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        out = Path(args.keep) if args.keep else Path(tmp) / "site"
        start = time.perf_counter()
        result = build(KIT_ROOT, out, only=args.lessons, pdf=not args.no_pdf, force=bool(args.keep),
                       log=lambda *_: None)
        total = time.perf_counter() - start
        print(f"whole site ({len(result['lessons'])} lessons{'' if args.no_pdf else ', with PDFs'}): "
              f"{total:.1f} s")
        for number, seconds in result["lessons"].items():
            print(f"  lesson {number} (page, handout, exercise): {seconds:6.1f} s")
        pdfs = sorted(out.rglob("*.pdf"))
        print(f"site size: {folder_size(out) / 1e6:.1f} MB in {sum(1 for p in out.rglob('*') if p.is_file())} files "
              f"(scripts {folder_size(out / '_static') / 1e6:.1f} MB)")
        if pdfs:
            pages = sum(page_count(p) for p in pdfs)
            print(f"PDFs: {len(pdfs)} files, {folder_size(out, '*.pdf') / 1e6:.1f} MB, {pages} pages")
            for p in pdfs:
                print(f"  {p.relative_to(out)}: {p.stat().st_size / 1e3:.0f} kB, {page_count(p)} pages")


if __name__ == "__main__":
    main()
