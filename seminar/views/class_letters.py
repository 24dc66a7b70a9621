"""Lesson 04's 641 letters: first your own letter, then the whole class's, side by side.

A thin front end over :mod:`seminar.models.class_letters`. Step 1 shows one student's letter
as it was received, unmarked. Step 2 shows every letter side by side with what is personal
(the student's own nuggets: highlighted AND underlined, so it does not rely on colour) and what
is shared (the writer's stock text, plain grey) marked. Typed text is escaped and wrapped in
``<bdi>``. Errors become messages, never tracebacks. Widgets are attributes, for tests::

    view = class_letters_view()            # the made-up sample class
    view.student.value = "Ada"             # step 1: Ada's letter (view.student.names: all)
    view.show_button.click()               # step 2: all of them
    view.folder.value = "hand-ins"; view.load_button.click()
"""
from __future__ import annotations


import ipywidgets as widgets

from seminar.models import class_letters as model
from seminar.text import escape
from seminar.views.common import App, guarded, message_html, status_box
from seminar.views.controls import Dropdown

PERSONAL_STYLE = ("background:#d6eaf8;border-bottom:2px solid #0072B2;padding:0 1px;"
                  "color:#000")
SHARED_STYLE = "color:#555"
LETTER_STYLE = ("white-space:pre-wrap;font-family:Georgia,serif;font-size:1.05em;line-height:1.5;"
                "background:#fffdf5;border:1px solid #ccc;border-radius:4px;padding:10px 14px;"
                "max-width:40em;overflow-wrap:anywhere")
CARD_STYLE = ("white-space:pre-wrap;font-family:Georgia,serif;font-size:0.82em;line-height:1.3;"
              "background:#fffdf5;border:1px solid #ccc;border-radius:4px;padding:6px 8px;"
              "width:235px;overflow-wrap:anywhere;margin:0 6px 6px 0")
#: Most letters shown as cards (a class of 641 would not fit a page).
MAX_CARDS = 60

LEGEND = (f'<p class="class-letters-legend" style="font-size:0.9em">Key: '
          f'<mark style="{PERSONAL_STYLE}">personal: this student\'s own words</mark> · '
          f'<span style="{SHARED_STYLE}">shared: the writer\'s stock text, the same pile of '
          "phrases for everyone</span></p>")


class StudentMenu(Dropdown):
    """The accessible drop-down list of names (a ``<select>`` with its label), whose names
    change with each folder loaded. Its first choice picks no one (value None)."""

    PROMPT = "(pick a name)"
    EMPTY = "(no letters loaded)"

    def __init__(self, *, description: str, **kwargs):
        super().__init__([(self.EMPTY, None)], description=description, **kwargs)

    @property
    def names(self) -> list[str]:
        return [v for v in self._values if v is not None]

    def set_names(self, names) -> None:
        names = [str(n) for n in names]
        self.value = None  # picks no one before the list changes under it
        self._values = [None] + names
        self.labels = [self.PROMPT if names else self.EMPTY] + names
        self.index = 0


def _bdi(text: str) -> str:
    return f'<bdi dir="auto">{escape(text)}</bdi>'


def plain_html(letter) -> str:
    """One letter as it was received: nothing marked."""
    return f'<div class="class-letters-own" style="{LETTER_STYLE}">{_bdi(letter.text)}</div>'


def marked_html(letter, style: str = CARD_STYLE) -> str:
    """One letter with personal runs highlighted and underlined and shared runs in grey."""
    parts = []
    for text, kind in model.marked(letter):
        if kind == "personal":
            parts.append(f'<mark class="class-letters-personal" title="personal" '
                         f'style="{PERSONAL_STYLE}">{_bdi(text)}</mark>')
        else:
            parts.append(f'<span class="class-letters-shared" style="{SHARED_STYLE}">'
                         f"{escape(text)}</span>")
    return (f'<div class="class-letters-card" role="article" aria-label="letter to '
            f'{escape(letter.customer)}" style="{style}">{"".join(parts)}</div>')


def report_html(result: model.ClassLetters) -> str:
    n = len(result.letters)
    parts = [f"<p>Read {result.files_read} letter file{'s' * (result.files_read != 1)}; "
             f"<b>{n}</b> student{'s' * (n != 1)}' letters loaded.</p>"]
    if len(result.skipped):
        items = "".join(f"<li><code>{_bdi(f)}</code>: {escape(p)}</li>"
                        for f, p in result.skipped.itertuples(index=False))
        parts.append(f'<p>Skipped (the rest were loaded):</p><ul class="class-letters-skipped">'
                     f"{items}</ul>")
    if len(result.superseded):
        items = "".join(f"<li><code>{_bdi(f)}</code> ({_bdi(s)}): replaced by the later "
                        f"<code>{_bdi(k)}</code></li>"
                        for f, s, k in result.superseded.itertuples(index=False))
        parts.append(f"<p>Saved twice (the latest file is kept):</p><ul>{items}</ul>")
    return '<div class="class-letters-report">' + "".join(parts) + "</div>"


class ClassLettersView(App):
    """Build it with :func:`class_letters_view`; display it as the last line of a cell."""

    def __init__(self, folder=model.SAMPLE_DIR):
        self.result: model.ClassLetters | None = None
        self.status = status_box()
        self.folder = widgets.Text(value="" if folder is None else str(folder),
                                   description="Folder", placeholder="a folder of letter files",
                                   style={"description_width": "60px"},
                                   layout=widgets.Layout(flex="1 1 18em", min_width="0",
                                                         max_width="560px"))
        self.load_button = widgets.Button(description="Load the letters", icon="folder-open",
                                          layout=widgets.Layout(width="auto", min_width="170px"))
        self.report = widgets.HTML()
        self.student = StudentMenu(description="Whose letter?")
        self.own = widgets.HTML()
        self.show_button = widgets.Button(description="Show the whole class", icon="columns",
                                          button_style="primary",
                                          layout=widgets.Layout(width="auto", min_width="220px"))
        self.summary = widgets.HTML()
        self.cards = widgets.HTML()
        self.load = guarded(self.status)(self._load)
        self.show_one = guarded(self.status)(self._show_one)
        self.show_all = guarded(self.status)(self._show_all)
        self.load_button.on_click(self.load)
        self.student.observe(self.show_one, names="value")
        self.show_button.on_click(self.show_all)
        self.widget = widgets.VBox([
            widgets.HTML("<h3>The letters</h3>"),
            widgets.HBox([self.folder, self.load_button],
                         layout=widgets.Layout(flex_flow="row wrap", max_width="100%")),
            self.status, self.report,
            widgets.HTML("<b>1. Your letter</b>: pick your name and read it as you received it."),
            self.student, self.own,
            widgets.HTML("<b>2. The class</b>: only when everyone has read their own."),
            self.show_button, self.summary, self.cards,
        ], layout=widgets.Layout(width="100%", max_width="800px"))
        self.widget.add_class("seminar-class-letters")
        if folder is not None:
            self.load()

    def _load(self, _button=None) -> None:
        for w in (self.report, self.own, self.summary, self.cards):
            w.value = ""
        self.result = None
        self.student.set_names([])
        text = self.folder.value.strip()
        result = model.load_class(text)
        self.result = result
        self.report.value = report_html(result)
        self.student.set_names(result.students)
        n, bad = len(result.letters), len(result.skipped)
        if n == 0:
            self.status.value = message_html("No letters loaded: see the report below.", "warning")
        elif bad:
            self.status.value = message_html(f"Loaded {n} letters; {bad} file{'s' * (bad != 1)} "
                                             "skipped (named below).", "warning")
        else:
            self.status.value = message_html(f"Loaded {n} letter{'s' * (n != 1)}.", "ok")

    def _show_one(self, change=None) -> None:
        if self.result is None or not self.student.value:
            self.own.value = ""
            return
        self.own.value = plain_html(self.result.letters[self.student.value])

    def _show_all(self, _button=None) -> None:
        if self.result is None or not self.result.letters:
            raise ValueError("Load a folder of letters first.")
        letters = list(self.result.letters.values())
        shown = letters[:MAX_CARDS]
        more = len(letters) - len(shown)
        tail = f"<p><i>... and {more} more letters.</i></p>" if more > 0 else ""
        self.summary.value = (LEGEND + f'<p class="class-letters-summary" role="note">'
                              f"{escape(model.describe_class(self.result))}</p>")
        self.cards.value = ('<div class="class-letters-cards" style="display:flex;flex-wrap:wrap;'
                            f'align-items:flex-start">{"".join(marked_html(x) for x in shown)}'
                            f"</div>{tail}")


def class_letters_view(folder=model.SAMPLE_DIR) -> ClassLettersView:
    """The class's letters from ``folder`` (default: the made-up sample class)."""
    return ClassLettersView(folder)
