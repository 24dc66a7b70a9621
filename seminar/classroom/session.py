"""What the kit adds to an exercise's kernel when its first cell makes a ``Checker``.

Two things, both installed by :func:`install` (idempotent; nothing happens outside IPython):

- **Hints under tracebacks.** A few slips stop a cell before ``check`` can say anything:
  Chinese text or a full-width mark such as ``！`` or ``，`` outside quotes (SyntaxError),
  a misspelt name (NameError), a missing comma between two pairs (TypeError ``'tuple'
  object is not callable``). IPython's ``set_custom_exc`` hook shows the real error first,
  exactly as IPython would, then one short "Hint:" in plain words (:func:`hint`). Nothing
  is hidden; an error the kit does not recognise gets no hint. The hook is not installed
  over someone else's.
- **The latest run of each cell**, for the hand-in cell: a ``post_run_cell`` callback keeps
  the source last run in each cell (by the cell id the notebook sends), so that code run
  and then changed and run again is judged by its latest version (:func:`latest_runs`).
"""
from __future__ import annotations

import difflib
import keyword
import re
import unicodedata

from seminar.text import escape

#: Errors that get a hint. Other errors pass through IPython untouched.
HINTED = (SyntaxError, NameError, TypeError)

#: cell id -> the source of its latest run in this kernel (runs without a cell id: key None
#: is never stored; see :func:`latest_runs`).
_LATEST: dict[str, str] = {}
#: sources of runs that came without a cell id (an old front end), in order.
_ANONYMOUS: list[str] = []
_INSTALLED: set[int] = set()


def _full_width(char: str) -> bool:
    """True for a full-width or CJK punctuation mark and for CJK characters."""
    if not char:
        return False
    code = ord(char)
    return (0xFF01 <= code <= 0xFF60 or 0x3000 <= code <= 0x303F
            or unicodedata.east_asian_width(char) in ("W", "F"))


_INVALID = re.compile(r"invalid character '(.)' \(U\+([0-9A-F]+)\)")
_CURLY = "“”‘’„«»"


def hint(etype: type, value: BaseException, names=()) -> str | None:
    """A short plain-words hint for a slip a beginner makes, or None.

    ``names`` are the names the notebook knows (for "did you mean ...?").
    """
    message = str(getattr(value, "msg", "") or value)
    if isinstance(value, SyntaxError):
        found = _INVALID.search(message)
        if found:
            char = found.group(1)
            if char in _CURLY:
                return (f"the curly quote {char} is not a quote Python reads. Type quotes with "
                        'the " key (straight quotes), or copy them from the cell as it was given.')
            if _full_width(char):
                plain = unicodedata.normalize("NFKC", char)
                mark = f" (the ordinary one is {plain})" if plain != char and plain.isascii() else ""
                return (f"{char} is a full-width mark from a Chinese or Japanese keyboard{mark}. "
                        "Chinese text and its punctuation must be inside quotes, like "
                        '"你好！"; between values, type the ordinary comma , with the keyboard '
                        "set to English.")
            return (f"the character {char} cannot stand outside quotes. If it belongs to a piece "
                    'of text, put the whole text inside quotes, like "this".')
        line = getattr(value, "text", "") or ""
        if any(_full_width(c) for c in line.split("#")[0] if not c.isascii()) and not _quoted(line):
            return ("this line has Chinese (or other) text outside quotes. Text must be inside "
                    'quotes, like "你好吗？".')
        if "unterminated string" in message or "EOL while scanning" in message:
            return ("a quote is missing: every piece of text needs a quote at the start and the "
                    'same quote at the end, like "this".')
        if "was never closed" in message or "incomplete input" in message or "unexpected EOF" in message:
            return "a bracket is opened but not closed: count the ( [ { and the ) ] } on the line."
        if "forgot a comma" in message:
            return ("a comma is missing: put a comma between two values, and between two pairs "
                    "in a list.")
        if "invalid decimal literal" in message:
            return ("a number runs straight into letters. If this is text, put it in quotes; "
                    "a decimal is written with a point, like 2.5.")
        return None
    if isinstance(value, NameError):
        name = getattr(value, "name", None) or _quoted_name(message)
        if not name:
            return None
        if not name.isascii():
            return (f"{name} is read as a name because it has no quotes. If it is text, put it "
                    f'inside quotes: "{name}".')
        if re.fullmatch(r"[A-Ha-h]", name):
            return (f'if you meant the choice {name.upper()}, put the letter in quotes: '
                    f'answer = "{name.upper()}".')
        known = [n for n in names if isinstance(n, str) and not n.startswith("_")]
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return (f"Python does not know the name {name}. Did you mean {close[0]}? Names "
                    "must be spelt exactly, capitals included.")
        if keyword.iskeyword(name.lower()) or name in ("true", "false", "none"):
            return f"Python spells it {name.capitalize()}, with a capital letter."
        return (f"Python does not know the name {name}. Check its spelling against the cell "
                "where it is made, and run the cells above first (Run → Run All Above "
                "Selected Cell). If it is text, put it in quotes.")
    if isinstance(value, TypeError):
        if "'tuple' object is not callable" in message:
            return ("a comma is missing between two pairs: (\"a\", \"b\") (\"c\", \"d\") should "
                    "be (\"a\", \"b\"), (\"c\", \"d\"). Look at the end of each line of pairs.")
        if "'str' object is not callable" in message:
            return ("a comma is missing after a piece of text: \"a\" (\"b\") should be "
                    "\"a\", (\"b\").")
        if "'int' object is not callable" in message or "'float' object is not callable" in message:
            return ("a number stands right before a bracket: write a * between them to "
                    "multiply, like 2 * (3 + 4), or a comma between two values.")
        return None
    return None


def _quoted(line: str) -> bool:
    """True if every non-ASCII character of ``line`` lies inside quotes (roughly)."""
    inside, quote = False, ""
    for char in line:
        if char in "\"'" and (not inside or char == quote):
            inside, quote = not inside, char
        elif not char.isascii() and not inside:
            return False
    return True


def _quoted_name(message: str) -> str | None:
    found = re.search(r"name '([^']+)' is not defined", message)
    return found.group(1) if found else None


def _show_hint(text: str) -> None:
    plain = "Hint: " + text
    try:
        from IPython.display import display
        display({"text/plain": plain,
                 "text/html": f'<div class="seminar-hint" role="note"><b>Hint:</b> '
                              f"{escape(text)}</div>"}, raw=True)
    except Exception:  # noqa: BLE001
        print(plain)


def _handler(shell, etype, value, tb, tb_offset=None):
    """IPython's custom exception handler: the real error first, then the hint."""
    if issubclass(etype, SyntaxError) and _compile_time(tb):
        shell.showsyntaxerror()
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    try:
        text = hint(etype, value, names=list(getattr(shell, "user_ns", {}) or {}))
    except Exception:  # noqa: BLE001 - a hint must never add an error of its own
        text = None
    if text:
        _show_hint(text)
    return None


def _compile_time(tb) -> bool:
    """True if no frame of ``tb`` is the notebook's own code (the cell did not start)."""
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith(("<ipython-input", "/tmp/ipykernel")):
            return False
        tb = tb.tb_next
    return True


def record(source: str, cell_id: str | None) -> None:
    """Keep ``source`` as the latest run of the cell ``cell_id`` (None: a run without an id)."""
    if not isinstance(source, str):
        return
    if cell_id:
        _LATEST.pop(cell_id, None)  # keep the order of latest runs
        _LATEST[cell_id] = source
    else:
        _ANONYMOUS.append(source)


def _post_run(result) -> None:
    """IPython's post_run_cell callback (it gets the ExecutionResult)."""
    info = getattr(result, "info", None)
    if info is not None and not getattr(info, "silent", False):
        record(getattr(info, "raw_cell", None), getattr(info, "cell_id", None))


def install(shell=None) -> bool:
    """Install the hints and the record of runs in the running IPython shell. True if installed."""
    if shell is None:
        try:
            from IPython import get_ipython
            shell = get_ipython()
        except Exception:  # noqa: BLE001
            return False
    if shell is None:
        return False
    if id(shell) in _INSTALLED:
        return True
    if not getattr(shell, "custom_exceptions", ()):  # never over someone else's hook
        shell.set_custom_exc(HINTED, _handler)
    shell.events.register("post_run_cell", _post_run)
    _INSTALLED.add(id(shell))
    return True


def latest_runs() -> list[str] | None:
    """The latest source run in each cell (and every run that came without a cell id).

    None if :func:`install` never ran in this kernel: the caller then falls back to the
    whole history.
    """
    if not _INSTALLED:
        return None
    return list(_LATEST.values()) + list(_ANONYMOUS)


def reset() -> None:
    """Forget the recorded runs (for tests)."""
    _LATEST.clear()
    _ANONYMOUS.clear()
