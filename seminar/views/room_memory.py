"""The room with a memory: pass cards in, watch the operator read and write the notebook.

A thin front end over :mod:`seminar.models.room_memory`. Typed text is escaped and wrapped in
``<bdi>`` before it is shown. The widgets are attributes, so a test can drive the app::

    app = memory_room_app()
    app.message.value = "我叫西奥多。"
    app.send.click()
"""
from __future__ import annotations

import warnings

import ipywidgets as widgets

from seminar.models import room_memory as model
from seminar.models.room import MAX_MESSAGE_CHARS
from seminar.text import clean_text
from seminar.views.common import App, guarded, message_html, status_box
from seminar.views.room import ROW, TEXT_BOX, disclosure_html, reply_html, shapes_html, trace_html


def notebook_html(room: model.MemoryRoom) -> str:
    """The operator's notebook as a table of headings and shapes."""
    if not room.notebook:
        body = "<p><i>(empty: nothing written yet)</i></p>"
    else:
        rows = "".join(f"<tr><td>{shapes_html(h)}</td><td>{shapes_html(v)}</td></tr>"
                       for h, v in room.notebook)
        body = f"<table><tr><th>heading</th><th>written</th></tr>{rows}</table>"
    return f'<div class="seminar-memory-notebook"><b>The operator\'s notebook</b>{body}</div>'


def memory_book_html(book: model.MemoryRulebook) -> str:
    rows = "".join(f"<tr><td>{n}</td><td>{shapes_html(p)}</td><td>{shapes_html(r)}</td>"
                   f"<td>{shapes_html(m) if m else ''}</td></tr>"
                   for n, (p, r, m) in enumerate(book.rows(), start=1))
    return ('<div class="seminar-memory-book"><table><tr><th>row</th><th>pattern</th><th>reply</th>'
            f'<th>write star 1 under</th></tr>{rows}</table></div>')


class MemoryRoomApp(App):
    """The app. Build it with :func:`memory_room_app`; display it as the last line of a cell."""

    def __init__(self, rulebook: model.MemoryRulebook | None = None):
        self.room = model.MemoryRoom(rulebook)
        self.last = None
        self.status = status_box()
        self.message = widgets.Text(placeholder="Type a card, e.g. 我叫西奥多。", description="Card in:",
                                    layout=widgets.Layout(**TEXT_BOX))
        self.send = widgets.Button(description="Send", button_style="primary", icon="paper-plane",
                                   tooltip="Pass the card into the room")
        self.forget = widgets.Button(description="Tear out the notebook", icon="eraser",
                                     tooltip="Empty the operator's notebook",
                                     layout=widgets.Layout(width="200px"))
        self.reply = widgets.HTML()
        self.trace = widgets.HTML()
        self.notebook = widgets.HTML(notebook_html(self.room))
        self.book = widgets.HTML(disclosure_html(f"The rulebook ({len(self.room.rulebook)} rows)",
                                                 memory_book_html(self.room.rulebook),
                                                 "seminar-memory-rulebook"))
        self.send.on_click(guarded(self.status)(self._send))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self.message.on_submit(guarded(self.status)(self._send))
        self.forget.on_click(guarded(self.status)(self._forget))
        self.widget = widgets.VBox([
            widgets.HBox([self.message, self.send], layout=widgets.Layout(**ROW)),
            self.status, self.reply, self.trace, self.notebook, self.forget, self.book,
        ], layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-memory-app")

    def _send(self, _widget=None) -> None:
        text = clean_text(self.message.value, what="card", max_chars=MAX_MESSAGE_CHARS)
        result = self.room.reply(text)
        self.last = result
        self.reply.value = reply_html(result)
        self.trace.value = trace_html(result)
        self.notebook.value = notebook_html(self.room)
        wrote = any(s.action == "write notebook" for s in result.steps)
        read = any(s.action == "read notebook" for s in result.steps)
        what = ("The operator wrote in the notebook." if wrote else
                "The operator copied shapes from the notebook." if read else
                "The notebook was not used for this card.")
        self.status.value = message_html(what, "ok")

    def _forget(self, _button=None) -> None:
        self.room.forget()
        self.notebook.value = notebook_html(self.room)
        self.status.value = message_html("The notebook is empty again.", "info")


def memory_room_app(rulebook: model.MemoryRulebook | None = None) -> MemoryRoomApp:
    """The room with a memory, with the kit's memory rulebook unless another is given."""
    return MemoryRoomApp(rulebook)
