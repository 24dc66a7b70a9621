"""Checking and escaping text a person typed, before a model sees it or a page shows it.

No widgets here: views call these, and so can models and the instructor CLI.
"""
from __future__ import annotations

import html
import math
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


_BIG_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _significant(x: float, digits: int) -> str:
    if x == 0:
        return "0"
    places = digits - 1 - int(math.floor(math.log10(abs(x))))
    text = f"{round(x, places):,.{max(places, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def plain_number(x, digits: int = 3) -> str:
    """A number in plain words, never in scientific notation.

    ``2268908`` -> ``"2.27 million"``, ``45378.15`` -> ``"45,378"``, ``0.4`` -> ``"0.4"``,
    ``0.0004`` -> ``"0.0004"``, ``3e15`` -> ``"3,000 trillion"``, ``2.27e18`` ->
    ``"2.27 million trillion"``, ``1e300`` -> ``"about 10 to the power 300"``. Whole numbers below a million keep every digit
    (``8316`` -> ``"8,316"``); NaN and infinities are named.
    """
    if isinstance(x, (bool, str, bytes)) or x is None:
        raise ValueError(f"Expected a number, not {type(x).__name__}.")
    try:
        v = float(x)
    except OverflowError:
        raise ValueError("Expected a number of a size a person can read; this one is too large.") from None
    except (TypeError, ValueError):
        raise ValueError(f"Expected a number, not {type(x).__name__}.") from None
    if math.isnan(v):
        return "not a number"
    if math.isinf(v):
        return "infinity" if v > 0 else "minus infinity"
    if v < 0:
        return "minus " + plain_number(-v, digits)
    if v >= 1e27:
        return f"about 10 to the power {round(math.log10(v))}"
    if v >= 1e15:
        return f"{plain_number(v / 1e12, digits)} trillion"
    for size, word in _BIG_WORDS:
        if v >= size:
            return f"{_significant(v / size, digits)} {word}"
    if v >= 10 ** digits and v == int(v):
        return f"{int(v):,}"
    return _significant(v, digits)
