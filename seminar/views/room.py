"""The Chinese Room app: pass a card in, watch the operator work, and (outside) read the glossary.

A thin front end over :mod:`seminar.models.room`. Every piece of text a person typed (cards, rules)
is escaped before it is shown, and wrapped in ``<bdi>`` so right-to-left text stays in its box.
The widgets are attributes, so a test (or a curious student) can drive the app in Python::

    app = room_app()
    app.message.value = "你好吗？"
    app.send.click()
"""
from __future__ import annotations

import warnings

import ipywidgets as widgets

from seminar.models import room as model
from seminar.text import clean_text, escape
from seminar.views.common import App, guarded, message_html, status_box
from seminar.views.controls import Dropdown, Toggle

#: Wrap a row of controls onto more lines when the column is narrow (800 px, 200 % zoom).
ROW = dict(flex_flow="row wrap", align_items="center", max_width="100%")
#: A text box that shrinks with its column.
TEXT_BOX = dict(width="calc(100% - 4px)", max_width="420px", min_width="0")

_CARD = ("font-size:1.4em;padding:6px 10px;border:1px solid #888;border-radius:4px;"
         "background:#fffdf5;display:inline-block;min-width:4em")


def shapes_html(text: str) -> str:
    """A card's text, escaped and isolated (right-to-left text cannot spill out)."""
    return f'<bdi dir="auto">{escape(text)}</bdi>'


def reply_html(result: model.Reply) -> str:
    card = shapes_html(result.output) if result.output else "<i>(a blank card)</i>"
    return (f'<div class="seminar-room-reply"><b>Out of the slot:</b> '
            f'<span class="seminar-room-card" style="{_CARD}">{card}</span></div>')


def trace_html(result: model.Reply) -> str:
    items = "".join(f'<li><b>{escape(step.action)}</b>: {shapes_html(step.text)}</li>'
                    for step in result.steps)
    return (f'<div class="seminar-room-trace"><b>Inside the room (the operator\'s steps)</b>'
            f'<ol>{items}</ol></div>')


def observer_html(result: model.Reply | None, glossary: model.Glossary) -> str:
    """What the outside observer may know: the meanings of the cards, and the whole glossary."""
    unknown = "<i>(not in the glossary)</i>"
    parts = ['<div class="seminar-room-observer" style="border-left:4px solid #1f4e79;'
             'padding-left:8px"><b>Outside the room: the glossary (the operator never sees it)</b>']
    if result is not None:
        card_meaning = glossary.meaning(result.message)
        out_meaning = glossary.meaning(result.output) if result.output else "(nothing)"
        parts.append(f"<p>Card in: {shapes_html(result.message)} = "
                     f"{escape(card_meaning) if card_meaning else unknown}<br>"
                     f"Card out: {shapes_html(result.output)} = "
                     f"{escape(out_meaning) if out_meaning else unknown}</p>")
    rows = "".join(f"<tr><td>{shapes_html(c)}</td><td>{escape(e)}</td></tr>"
                   for c, e in glossary.to_frame().itertuples(index=False))
    parts.append('<details><summary>The whole glossary</summary>'
                 f'<table><tr><th>Chinese</th><th>English</th></tr>{rows}</table></details></div>')
    return "".join(parts)


def book_html(book: model.Rulebook) -> str:
    rows = "".join(f"<tr><td>{number}</td><td>{shapes_html(p)}</td><td>{shapes_html(r)}</td></tr>"
                   for number, (p, r) in enumerate(book.rows(), start=1))
    return (f'<div class="seminar-room-book"><table><tr><th>row</th><th>pattern</th>'
            f'<th>reply</th></tr>{rows}</table></div>')


def disclosure_html(title: str, body: str, css_class: str, *, open_: bool = False) -> str:
    """A section that opens and closes: a native <details>, reached with Tab, opened with
    Enter or Space, announced as a collapsed or expanded button by screen readers.
    ``data-lm-suppress-shortcuts`` keeps JupyterLab from taking Enter and Space for itself."""
    return (f'<details class="{escape(css_class)}" data-lm-suppress-shortcuts="true"'
            f'{" open" if open_ else ""}><summary style="cursor:pointer;font-weight:bold;'
            f'padding:4px 0">{escape(title)}</summary>{body}</details>')


def rulebook_title(book) -> str:
    """The rulebook section's title: how many rules, and whether there is a catch-all row."""
    return f"The rulebook ({len(book.rules)} rules and {'a' if book.fallback else 'no'} catch-all)"


class RoomApp(App):
    """The app. Build it with :func:`room_app`; display it as the last line of a cell."""

    def __init__(self, rulebook: model.Rulebook | None = None,
                 glossary: model.Glossary | None = None, *, memorised: bool = False):
        self.room = model.ChineseRoom(rulebook, memorised=memorised)
        self.glossary = model.load_glossary() if glossary is None else glossary
        self.last: model.Reply | None = None
        self.status = status_box()
        self.message = widgets.Text(placeholder="Type a card, e.g. 你好吗？", description="Card in:",
                                    layout=widgets.Layout(**TEXT_BOX))
        self.camera = Dropdown(
            [("no camera", "")] + [(f"camera sees {k}", v) for k, v in model.CAMERA_CARDS.items()],
            value="", description="Camera:")
        self.send = widgets.Button(description="Send", button_style="primary", icon="paper-plane",
                                   tooltip="Pass the card into the room")
        self.reply = widgets.HTML()
        self.trace = widgets.HTML()
        self.observer = Toggle(description="Outside observer: show meanings",
                               tooltip="Show what the cards mean, from outside the room "
                                       "(the operator never sees this)")
        self.meanings = widgets.HTML()
        self.new_pattern = widgets.Text(placeholder="pattern, e.g. 你喜欢猫吗 or 我喜欢*",
                                        description="Pattern:", layout=widgets.Layout(**TEXT_BOX))
        self.new_reply = widgets.Text(placeholder="reply, e.g. 喜欢。", description="Reply:",
                                      layout=widgets.Layout(**TEXT_BOX))
        self.add_rule = widgets.Button(description="Add rule at the top", icon="plus",
                                       layout=widgets.Layout(width="190px"))
        self.book = widgets.HTML()

        self.send.on_click(guarded(self.status)(self._send))
        with warnings.catch_warnings():  # Enter sends too (on_submit is the only key hook)
            warnings.simplefilter("ignore", DeprecationWarning)
            self.message.on_submit(guarded(self.status)(self._send))
        self.observer.observe(guarded(self.status)(self._show_meanings), names="value")
        self.add_rule.on_click(guarded(self.status)(self._add_rule))

        self._show_book()
        self.widget = widgets.VBox([
            widgets.HBox([self.message, self.camera, self.send], layout=widgets.Layout(**ROW)),
            self.status, self.reply, self.trace, self.observer, self.meanings,
            widgets.HTML("<b>Write a rule</b> (it goes to the top of the book, so it wins):"),
            widgets.HBox([self.new_pattern, self.new_reply, self.add_rule],
                         layout=widgets.Layout(**ROW)),
            self.book,
        ], layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-room-app")

    # -- display --------------------------------------------------------------------
    def _book_title(self) -> str:
        return rulebook_title(self.room.rulebook)

    def _show_book(self, open_: bool = False) -> None:
        """The rulebook as a section that opens with Tab and Enter (closed at first; open
        after a rule is added, to show it)."""
        self.book.value = disclosure_html(self._book_title(), book_html(self.room.rulebook),
                                          "seminar-room-rulebook", open_=open_)

    # -- callbacks (wrapped by guarded: errors become a message, never a traceback) -------
    def _send(self, _widget=None) -> None:
        text = clean_text(self.message.value, what="card", max_chars=model.MAX_MESSAGE_CHARS)
        result = self.room.reply(text, camera=self.camera.value)
        self.last = result
        self.reply.value = reply_html(result)
        self.trace.value = trace_html(result)
        self._show_meanings()
        if result.row is not None:
            self.status.value = message_html(f"The operator used row {result.row} of the book.", "ok")
        elif result.output:
            self.status.value = message_html(
                "No row of the book matches these shapes, so the operator copied the catch-all reply.",
                "info")
        else:
            self.status.value = message_html(
                "No row matches and the book has no catch-all row: a blank card came out.", "warning")

    def _show_meanings(self, _change=None) -> None:
        self.meanings.value = observer_html(self.last, self.glossary) if self.observer.value else ""

    def _add_rule(self, _button=None) -> None:
        pattern = clean_text(self.new_pattern.value, what="pattern", max_chars=model.MAX_PATTERN_CHARS)
        reply = clean_text(self.new_reply.value, what="reply", max_chars=model.MAX_REPLY_CHARS)
        self.room.rulebook = self.room.rulebook.with_rule(pattern, reply, position=0)
        self._show_book(open_=True)
        self.new_pattern.value = self.new_reply.value = ""
        where = "as the catch-all row" if model.is_catch_all(pattern) else "at the top (row 1)"
        note = f"Rule added {where}."
        if "*" not in pattern and "＊" not in pattern and not model.is_catch_all(pattern):
            self.message.value = pattern  # a card the new row matches, to show it at work
        if self.message.value.strip():  # otherwise: nothing to send yet
            try:
                self._send()
                note += " The card in the box was sent again, so you can see the room use it."
            except ValueError as exc:  # the card box holds something unusable; the rule stays
                note += f" (The card in the box was not sent: {exc})"
        self.status.value = message_html(note, "ok")


def room_app(rulebook: model.Rulebook | None = None, glossary: model.Glossary | None = None,
             *, memorised: bool = False) -> RoomApp:
    """The Chinese Room app, with the kit's rulebook and glossary unless others are given."""
    return RoomApp(rulebook, glossary, memorised=memorised)
