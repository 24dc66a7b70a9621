"""The argument checker: type premises and a conclusion, press Check, read the truth table.

A thin front end over :mod:`seminar.models.arguments`. Everything shown is escaped; a formula
that cannot be read gets a message naming the premise, the position and the symbol, with a
caret under the spot, never a traceback. The widgets are attributes, so a test (or a
curious student) can drive the app in Python::

    app = argument_app("love -> limbic\\nlimbic -> body", "not body -> not love")
    app.premises.value = "love -> body"
    app.check_button.click()

:func:`show_argument` is the same verdict and table as a static display, for exercises.
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from seminar.models import arguments as model
from seminar.text import escape
from seminar.views.common import App, guarded, message_html, status_box
from seminar.views.room import disclosure_html

#: Most rows the app draws; a bigger table shows the rows that matter (see table_excerpt).
MAX_SHOWN_ROWS = 64

#: Okabe-Ito colours, lightened for backgrounds; each highlight also has a text marker.
COUNTER_BG = "#f6d5bf"    # vermillion #D55E00, light
PREMISES_BG = "#d6ecf8"   # sky blue #56B4E9, light
_CELL = "padding:2px 8px;border:1px solid #bbb;text-align:center"
#: A long formula in a header wraps (at most about 16 characters wide), never a tall
#: one-letter-per-line column.
_HEAD = "display:inline-block;max-width:16em;white-space:normal;overflow-wrap:anywhere"


def _tf(value: bool) -> str:
    return "T" if value else "F"


def table_html(table: pd.DataFrame, n_atoms: int, caption: str = "") -> str:
    """The truth table as an HTML table: T/F cells, marked rows, every label escaped.

    Counterexample rows have a light vermillion background and the words
    "✘ counterexample"; other rows where every premise is true are light blue with "✔".
    """
    labels = list(table.columns)
    head = ['<th scope="col" style="{0}">row</th>'.format(_CELL)]
    for j, label in enumerate(labels[:-2]):
        edge = ";border-left:3px solid #555" if j == n_atoms else ""
        head.append(f'<th scope="col" style="{_CELL}{edge}"><code style="{_HEAD}">'
                    f'{escape(label)}</code></th>')
    head.append(f'<th scope="col" style="{_CELL}">{escape(model.PREMISES_TRUE)}</th>')
    head.append(f'<th scope="col" style="{_CELL}">{escape(model.COUNTEREXAMPLE)}</th>')
    body = []
    values = table.to_numpy()
    for number, row in zip(table.index, values):
        counter, premises = bool(row[-1]), bool(row[-2])
        cls, bg = ("seminar-counterexample", COUNTER_BG) if counter else (
            ("seminar-premises-true", PREMISES_BG) if premises else ("", ""))
        style = f' style="background:{bg}"' if bg else ""
        cells = [f'<th scope="row" style="{_CELL}">{number:,}</th>']
        for j, value in enumerate(row[:-2]):
            edge = ";border-left:3px solid #555" if j == n_atoms else ""
            cells.append(f'<td style="{_CELL}{edge}">{_tf(bool(value))}</td>')
        cells.append(f'<td style="{_CELL}">{"✔" if premises else ""}</td>')
        cells.append(f'<td style="{_CELL}">{"✘ counterexample" if counter else ""}</td>')
        body.append(f'<tr class="{cls}"{style}>{"".join(cells)}</tr>')
    cap = (f'<caption style="caption-side:top;text-align:left;font-family:sans-serif">'
           f'{escape(caption)}</caption>'
           if caption else "")
    # A wide table scrolls sideways inside a region the keyboard can reach (Tab, then arrows)
    # and a screen reader can name. width:0 and min-width:100%: the table's width never
    # widens the widget around it, the region fills the column and scrolls.
    name = (f"Truth table: {n_atoms} atom{'s' * (n_atoms != 1)}, {len(table):,} "
            f"row{'s' * (len(table) != 1)} shown")
    return (f'<div class="seminar-truth-table-wrap" role="region" aria-label="{escape(name)}" '
            'tabindex="0" data-scrolls="yes" data-lm-suppress-shortcuts="true" '
            'style="width:0;min-width:100%;max-width:100%;overflow-x:auto">'
            '<table class="seminar-truth-table" style="border-collapse:collapse;width:max-content;'
            f'font-family:monospace">{cap}<thead><tr>{"".join(head)}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


def verdict_html(verdict: model.Verdict) -> str:
    kind = "ok" if verdict.valid and (verdict.consistent or not verdict.argument.premises) \
        else "warning"
    word = "✔ Valid" if verdict.valid else "✘ Not valid"
    reading = "".join(f"<li><code>{escape(label)}</code></li>"
                      for label in verdict.argument.labels)
    return (f'<div class="seminar-arg-verdict seminar-arg-{"valid" if verdict.valid else "invalid"}"'
            f' aria-live="polite"><h4 style="margin:4px 0">{word}</h4>'
            f"{message_html(verdict.summary(), kind)}"
            f'<details data-lm-suppress-shortcuts="true"><summary>How the formulas were read</summary><ul>{reading}</ul>'
            f"<p>Brackets show the grouping: ¬ not, ∧ and, ∨ or, → implies, ↔ iff.</p>"
            "</details></div>")


def error_html(error: Exception) -> str:
    """A message for input that cannot be read, with a caret under the spot when known."""
    html = message_html(str(error), "error")
    pointer = error.pointer() if isinstance(error, model.FormulaError) else ""
    if pointer:
        html += (f'<pre class="seminar-arg-pointer" style="margin:4px 0;padding:4px 8px;'
                 f'background:#f6f6f6">{escape(pointer)}</pre>')
    return html


def syntax_html() -> str:
    rows = "".join(
        f"<tr><td>{rank}</td><td><b>{escape(r['word'])}</b></td>"
        f"<td><code>{escape(r['symbols'])}</code></td><td>{escape(r['true when'])}</td></tr>"
        for rank, r in model.syntax_table().iterrows())
    return (
        '<div class="seminar-arg-help"><p>Atoms are words: a letter a-z, then letters, digits '
        "or _ (<code>body</code>, <code>love</code>, <code>has_body</code>). "
        "<code>true</code> and <code>false</code> are constants. Operators, from the tightest "
        "binding (1) to the loosest (5):</p>"
        "<table><tr><th>binds</th><th>word</th><th>symbols</th><th>true when</th></tr>"
        f"{rows}</table><p><code>a -&gt; b -&gt; c</code> means "
        "<code>a -&gt; (b -&gt; c)</code>. Use brackets when in doubt. <code>#</code> starts "
        "a comment. One premise per line; the conclusion is one line.</p></div>")


def report_html(premises: object, conclusion: object = None,
                max_rows: int = MAX_SHOWN_ROWS) -> str:
    """Verdict and table as HTML for an argument (see :func:`show_argument`); never raises
    for what a student typed: a message says what is wrong instead."""
    if premises is Ellipsis or conclusion is Ellipsis:
        return message_html("Nothing to show yet: write your argument above and run its cell.",
                            "info")
    try:
        verdict = model.assess(premises, conclusion)
    except ValueError as exc:
        return error_html(exc)
    shown, note = model.table_excerpt(verdict, max_rows)
    return (verdict_html(verdict) + (message_html(note, "info") if note else "")
            + table_html(shown, len(verdict.argument.atoms)))


def show_argument(premises: object, conclusion: object = None,
                  max_rows: int = MAX_SHOWN_ROWS) -> HTML:
    """Display an argument's verdict and truth table (the last line of a cell).

    ``show_argument(text)`` takes the one-text form (last line starting with ``therefore``);
    ``show_argument(premises, conclusion)`` the two parts.
    """
    return HTML(report_html(premises, conclusion, max_rows))


class ArgumentApp(App):
    """The app. Build it with :func:`argument_app`; display it as the last line of a cell."""

    def __init__(self, premises: str = "", conclusion: str = "", *,
                 max_rows: int = MAX_SHOWN_ROWS):
        for name, value in (("premises", premises), ("conclusion", conclusion)):
            if not isinstance(value, str):
                raise ValueError(f"The {name} must be text, not {type(value).__name__}.")
        if isinstance(max_rows, bool) or not isinstance(max_rows, int) or not 1 <= max_rows <= 1000:
            raise ValueError(f"max_rows must be a whole number from 1 to 1000, not {max_rows!r}.")
        self.max_rows = max_rows
        self.last: model.Verdict | None = None
        self.status = status_box()
        self.status.add_class("seminar-arg-status")
        self.premises = widgets.Textarea(
            value=premises, description="Premises:",
            placeholder="one premise per line, e.g.\nlove -> limbic\nlimbic -> body",
            layout=widgets.Layout(width="calc(100% - 4px)", max_width="560px", height="120px"))
        self.conclusion = widgets.Textarea(
            value=conclusion, description="Conclusion:", placeholder="e.g. not body -> not love",
            layout=widgets.Layout(width="calc(100% - 4px)", max_width="560px", height="40px"))
        self.check_button = widgets.Button(description="Check", button_style="primary",
                                           icon="check", tooltip="Build the truth table")
        self.verdict = widgets.HTML()
        self.note = widgets.HTML()
        self.table = widgets.HTML()
        # a native <details>: Tab reaches it, Enter or Space opens it
        help_box = widgets.HTML(disclosure_html("How to write formulas", syntax_html(),
                                                "seminar-arg-help-box"))
        self.help = help_box
        self.check_button.on_click(guarded(self.status)(self._check))
        self.widget = widgets.VBox(
            [help_box, self.premises, self.conclusion, self.check_button, self.status,
             self.verdict, self.note, self.table],
            layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-arguments-app")
        if conclusion.strip():
            guarded(self.status)(self._check)()

    def _clear(self) -> None:
        self.last = None
        self.verdict.value = self.note.value = self.table.value = ""

    def _check(self, _button=None) -> None:
        self._clear()
        self.status.value = ""
        try:
            verdict = model.assess(self.premises.value, self.conclusion.value)
        except model.FormulaError as exc:
            self.status.value = error_html(exc)
            return
        shown, note = model.table_excerpt(verdict, self.max_rows)
        self.last = verdict
        self.verdict.value = verdict_html(verdict)
        self.note.value = message_html(note, "info") if note else ""
        caption = (f"Truth table: {len(verdict.argument.atoms)} atoms, {verdict.rows:,} rows. "
                   "Rows where every premise is true are shaded blue and marked ✔; "
                   "counterexamples are shaded orange and marked ✘.")
        self.table.value = table_html(shown, len(verdict.argument.atoms), caption)


def argument_app(premises: str = "", conclusion: str = "", *,
                 max_rows: int = MAX_SHOWN_ROWS) -> ArgumentApp:
    """The argument checker, optionally filled in (and checked at once when a conclusion is given)."""
    return ArgumentApp(premises, conclusion, max_rows=max_rows)
