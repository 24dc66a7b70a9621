"""Checking and escaping text a person typed, before a model sees it or a page shows it.

No widgets here: views call these, and so can models and the instructor CLI.
"""
from __future__ import annotations

import html
import re
import unicodedata

#: Longest text a student may type into one box (a generous page of prose).
MAX_CHARS = 10_000


class InputError(ValueError):
    """Input a person typed that the kit cannot use; the message says why, in plain words."""


def escape(text: object) -> str:
    """Escape any value for safe display inside HTML (``<script>`` becomes ``&lt;script&gt;``)."""
    return html.escape(str(text), quote=True)


def clean_text(text: object, *, what: str = "text", max_chars: int = MAX_CHARS,
               allow_empty: bool = False) -> str:
    """Return ``text`` stripped and NFC-normalised, or raise :class:`InputError` saying why not.

    Emoji and right-to-left scripts are kept as they are; control characters other than
    newlines and tabs are removed.
    """
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise InputError(f"The {what} must be text, not {type(text).__name__}.")
    if len(text) > max_chars:
        raise InputError(
            f"The {what} is {len(text):,} characters long; the limit is {max_chars:,}. "
            "Please shorten it."
        )
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    text = text.strip()
    if not text and not allow_empty:
        raise InputError(f"The {what} is empty: type something first.")
    return text


#: A question's heading in an exercise notebook: "## Q3. ..." or "### **Q2b:** ..."
#: (group 1 is the question id, group 2 the rest). Hand-in and the instructor's tools
#: both find questions by it.
QUESTION_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(?:\*\*)?(Q\d+[a-z]?)\b[.:)]?\s*(.*)$")
