"""The scene log of lesson 10: a form for the student, a class table for the instructor.

Thin front ends over :mod:`seminar.models.scenelog`, built like the class poll's views
(:mod:`seminar.views.poll`): typed text is escaped and isolated (``<bdi dir="auto">``),
errors become messages, and nothing typed is cleared by an error::

    form = log_form(folder="scene-log")
    form.name.value = "Ada"
    form.fields[0]["scene"].value = "The subway crowd"   # ... and seen, heard, suggests
    form.save_button.click()

    view = log_class_view()          # the made-up sample class
    view.word.value = "voice"; view.column.value = "heard"   # entries that mention a word
"""
from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from seminar.models import scenelog as model
from seminar.text import escape
from seminar.views.common import App, guarded, message_html, status_box
from seminar.views.controls import Dropdown
from seminar.views.saving import (BINDER_NOTE, folder_controls, name_box, save_controls,
                                   saved_message, typed_html)

#: Entries the form offers (a student may save more by saving again).
FORM_ENTRIES = 3

TABLE_CSS = ("<style>.seminar-scenelog table {border-collapse: collapse}"
             ".seminar-scenelog td, .seminar-scenelog th {padding: 2px 10px 2px 0; "
             "text-align: left; vertical-align: top}</style>")


def entries_html(entries, with_student: bool = False) -> str:
    """A table of entries (dicts or table rows), every typed text escaped."""
    head = ("<th>student</th>" if with_student else "") + "".join(
        f"<th>{escape(model.FIELD_WORDS[k])}</th>" for k in model.FIELDS)
    rows = "".join(
        "<tr>" + (f"<td>{typed_html(e['student'])}</td>" if with_student else "")
        + "".join(f"<td>{typed_html(e[k])}</td>" for k in model.FIELDS) + "</tr>"
        for e in entries)
    return f'<table class="seminar-scenelog-entries"><tr>{head}</tr>{rows}</table>'


class LogForm(App):
    """The student's scene log. Build it with :func:`log_form`."""

    def __init__(self, folder="scene-log"):
        self.folder = Path(folder)
        self.path: Path | None = None
        self.record: dict | None = None
        self.status = status_box()
        self.name = name_box()
        self.fields: list[dict[str, widgets.Textarea]] = []
        blocks = []
        for n in range(1, FORM_ENTRIES + 1):
            boxes = {}
            for key in model.FIELDS:
                boxes[key] = widgets.Textarea(
                    description=f"{n}. {model.FIELD_WORDS[key]}",
                    placeholder=f"at most {model.MAX_FIELD_CHARS} characters",
                    style={"description_width": "initial"},
                    layout=widgets.Layout(width="calc(100% - 4px)", max_width="740px", height="48px"))
            self.fields.append(boxes)
            blocks.append(widgets.VBox([widgets.HTML(f"<b>Scene {n}</b>"
                                                     + (" (optional)" if n > 1 else "")),
                                        *boxes.values()],
                                       layout=widgets.Layout(margin="0 0 8px 0")))
        self.overwrite, self.save_button, self.saved = save_controls("Save my log")
        self.save = guarded(self.status)(self._save)
        self.save_button.on_click(self.save)
        self.widget = widgets.VBox([
            widgets.HTML(TABLE_CSS + "<h3>Scene log: a voice and a screen</h3>"
                         "<p>For each scene: say which scene it is in your own words, what is "
                         "seen, what is heard, and what the two together suggest. Fill all four "
                         "boxes of a scene, or leave them all empty.</p>"),
            self.name, *blocks, self.overwrite,
            widgets.HTML(f"<p><i>{escape(BINDER_NOTE)}</i></p>"),
            self.save_button, self.status, self.saved,
        ], layout=widgets.Layout(max_width="780px"))
        self.widget.add_class("seminar-scenelog")
        self.widget.add_class("seminar-scenelog-form")

    def entries(self) -> list[dict]:
        return [{k: box.value for k, box in boxes.items()} for boxes in self.fields]

    def _save(self, _button=None) -> None:
        record = model.make_record(self.name.value, self.entries())
        path = model.save(record, self.folder, overwrite=bool(self.overwrite.value))
        self.path, self.record = path, record
        self.status.value = message_html(saved_message(
            len(record["entries"]), "scene", path, model.file_name(record["student"]),
            bool(self.overwrite.value)), "ok")
        link = (f'<a class="seminar-scenelog-download" download="{escape(path.name)}" '
                f'href="{model.as_data_uri(record)}" style="font-weight:bold">'
                f"\u2b07 Download your log ({escape(path.name)})</a>")
        self.saved.value = (f"<div>{link}<p>Saved as {typed_html(record['student'])}, "
                            f"{escape(record['saved_at'])}:</p>{entries_html(record['entries'])}</div>")


def log_form(folder="scene-log") -> LogForm:
    """The student's scene log; saved into ``folder`` (made if needed)."""
    return LogForm(folder)


class LogClassView(App):
    """A folder of scene logs as one class table, with a word search."""

    def __init__(self, folder=model.SAMPLE_DIR):
        _WRAP = widgets.Layout(flex_flow="row wrap")  # label and control wrap in a narrow column
        self.result: model.ClassLog | None = None
        self.status = status_box()
        self.folder, self.load_button = folder_controls(folder, "a folder of scene-log files")
        self.report = widgets.HTML()
        self.word = widgets.Text(description="Find a word", placeholder="for example: voice",
                                 style={"description_width": "90px"},
                                 layout=widgets.Layout(width="calc(100% - 4px)", max_width="320px"), continuous_update=False)
        self.column = Dropdown(  # a native <select> with its label (views.controls)
            [("in any box", "any")] + [(f"in {model.FIELD_WORDS[k]}", k) for k in model.FIELDS],
            value="any", description="where")
        self.found = widgets.HTML()
        self.table = widgets.HTML()
        self.load = guarded(self.status)(self._load)
        self.search = guarded(self.status)(self._search)
        self.load_button.on_click(self.load)
        self.word.observe(self.search, names="value")
        self.column.observe(self.search, names="value")
        self.widget = widgets.VBox([
            widgets.HTML(TABLE_CSS + "<h3>The class's scene log</h3>"),
            widgets.HBox([self.folder, self.load_button], layout=_WRAP), self.status, self.report,
            widgets.HBox([self.word, self.column], layout=_WRAP), self.found, self.table,
        ], layout=widgets.Layout(max_width="780px"))
        self.widget.add_class("seminar-scenelog")
        self.widget.add_class("seminar-scenelog-class")
        if folder is not None:
            self.load()

    def _load(self, _button=None) -> None:
        result = model.load_class(self.folder.value)
        self.result = result
        self.report.value = ('<pre class="seminar-scenelog-report" style="white-space:pre-wrap">'
                             f"{escape(result.report())}</pre>")
        n, bad = result.students, len(result.skipped)
        kind = "warning" if bad or n == 0 else "ok"
        self.status.value = message_html(
            f"Loaded {n} student{'s' * (n != 1)}, {len(result.table)} entries"
            + (f"; {bad} file{'s' * (bad != 1)} skipped (named below)." if bad else "."), kind)
        self._search()

    def _search(self, change=None) -> None:
        if self.result is None:
            return
        table = self.result.table
        word = self.word.value
        if not word.strip():
            self.found.value = (f"<p>All <b>{len(table)}</b> entries. Type a word to see only the "
                                "entries that mention it.</p>")
            self.table.value = entries_html(table.to_dict("records"), with_student=True)
            return
        column = None if self.column.value == "any" else self.column.value
        hits = model.mentions(table, word, column)
        where = "any box" if column is None else model.FIELD_WORDS[column]
        self.found.value = (f'<p class="seminar-scenelog-found" aria-live="polite"><b>{len(hits)}</b> '
                            f"of {len(table)} entries mention {typed_html(word.strip())} in "
                            f"{escape(where)}.</p>")
        self.table.value = entries_html(hits.to_dict("records"), with_student=True)


def log_class_view(folder=model.SAMPLE_DIR) -> LogClassView:
    """The class table, loaded with ``folder`` (default: the made-up sample class)."""
    return LogClassView(folder)
