"""Print an HTML file to PDF with Debian's Chromium (``chromium --headless --print-to-pdf``).

The page is loaded from a ``file://`` address; ``--virtual-time-budget`` lets its scripts (the
widget snapshots) finish before printing. Set ``KIT_CHROMIUM`` to use another binary.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from seminar.text import InputError

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw"]


def chromium() -> str:
    candidates = [os.environ.get("KIT_CHROMIUM", ""), "/usr/bin/chromium",
                  shutil.which("chromium") or "", shutil.which("chromium-browser") or ""]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    raise InputError("Printing PDFs needs Chromium (Debian: sudo apt-get install -y chromium), "
                     "or KIT_CHROMIUM set to a Chromium binary.")


def print_pdf(html_path: Path, pdf_path: Path, budget_ms: int = 8000, timeout: int = 120) -> Path:
    """Print ``html_path`` to ``pdf_path``; return ``pdf_path``. Raises InputError on failure."""
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path).resolve()
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="seminar-chromium-") as profile:
        cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
               f"--print-to-pdf={pdf_path}", html_path.as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise InputError(f"Chromium took over {timeout} s to print {html_path.name}.") from None
    if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        raise InputError(f"Chromium did not print {html_path.name}: {done.stderr.strip()[-400:]}")
    return pdf_path


def page_count(pdf_path: Path) -> int:
    """The number of pages of a PDF, read from its page objects (enough for Chromium's PDFs)."""
    import re

    data = Path(pdf_path).read_bytes()
    if not data.startswith(b"%PDF"):
        raise InputError(f"{pdf_path} is not a PDF.")
    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    if counts:
        return max(counts)
    return len(re.findall(rb"/Type\s*/Page\b", data))
