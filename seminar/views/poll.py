"""The class poll of lesson 07: a form for the student, a class view for the instructor.

Thin front ends over :mod:`seminar.models.poll`. Everything a person typed (names, reasons,
folder names) is escaped before it is shown and wrapped in ``<bdi dir="auto">`` so
right-to-left text stays in its place. Errors become messages, never tracebacks, and
nothing typed is cleared by an error. The widgets are attributes, so tests can drive them::

    form = poll_form(folder="poll-answers")
    form.name.value = "Ada"
    form.positions["love"].value = 4
    form.reasons["love"].value = "He felt it and acted on it."
    form.save_button.click()          # writes poll-answers/poll-was-it-real-ada.json

    view = class_view()               # the made-up sample class
    view.folder.value = "hand-ins"; view.load_button.click()
"""
from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import matplotlib
from matplotlib.figure import Figure

from seminar.models import poll as model
from seminar.text import escape
from seminar.views.common import (FIGURE_FONT, FIGURE_MIN_WIDTH, App, StaticFigure, figure_html,
                                  guarded, message_html, png_of, status_box)
from seminar.views.controls import Dropdown
from seminar.views.saving import (BINDER_NOTE, folder_controls, name_box, save_controls,
                                   saved_message, typed_html)

#: Spacing for the tables the views show (scoped to the poll's widgets).
TABLE_CSS = ("<style>.seminar-poll-form table, .seminar-poll-class table {border-collapse: collapse}"
             ".seminar-poll-form td, .seminar-poll-form th, .seminar-poll-class td, "
             ".seminar-poll-class th {padding: 2px 12px 2px 0; text-align: left; "
             "vertical-align: top}"
             # the five positions wrap onto more lines in a narrow column
             ".seminar-poll-form .widget-toggle-buttons {flex-wrap: wrap; max-width: 100%; "
             "height: auto} .seminar-poll-form .widget-toggle-buttons .btn-group "
             "{display: flex; flex-wrap: wrap; max-width: 100%}"
             # and the long check-box label wraps too
             ".seminar-poll-form .widget-checkbox, .seminar-poll-form .widget-checkbox label "
             "{height: auto; max-width: 100%} .seminar-poll-form .widget-checkbox span "
             "{white-space: normal; line-height: 1.3}</style>")

#: Plot's alt text and caption live in one place: model.describe_spread.
PLOT_CLASS = "seminar-poll-plot"


def spread_plot(table) -> Figure:
    """The class's spread (model.plot_spread) on a matplotlib Figure, 760 px wide with
    FIGURE_FONT sizes: shown no narrower than FIGURE_MIN_WIDTH, its text stays >= 10 px."""
    with matplotlib.rc_context(FIGURE_FONT):
        fig = Figure(figsize=(7.6, 4.4), dpi=100, layout="constrained")
        model.plot_spread(table, fig.subplots())
        fig.draw_without_rendering()  # lays out (and makes the tick labels) under FIGURE_FONT
    return fig


def spread_png(table) -> bytes:
    """The class's spread as a PNG (see :func:`spread_plot`)."""
    with matplotlib.rc_context(FIGURE_FONT):
        return png_of(spread_plot(table))


def spread_figure(table) -> StaticFigure:
    """The class's spread as a figure with alt text (the words of model.describe_spread),
    for a notebook cell; in a narrow column it scrolls sideways rather than shrink."""
    return StaticFigure(spread_png(table), model.describe_spread(table), css_class=PLOT_CLASS,
                        min_width=FIGURE_MIN_WIDTH)


def answers_html(record: dict) -> str:
    """A small table of what a poll file holds (every typed text escaped)."""
    rows = "".join(
        f"<tr><td>{escape(model.get_claim(a['claim']).short)}</td><td>{escape(a['label'])}</td>"
        f"<td>{typed_html(a['reason'])}</td></tr>" for a in record["answers"])
    return (f'<table class="seminar-poll-saved"><tr><th>claim</th><th>your position</th>'
            f'<th>your reason</th></tr>{rows}</table>')


def download_html(record: dict, file_name: str) -> str:
    """A link that downloads the poll file from the page itself (no server needed)."""
    return (f'<a class="seminar-poll-download" download="{escape(file_name)}" '
            f'href="{model.as_data_uri(record)}" style="font-weight:bold">'
            f"\u2b07 Download your answers ({escape(file_name)})</a>")


class PollForm(App):
    """The student's poll. Build it with :func:`poll_form`; display it as a cell's last line."""

    def __init__(self, folder="poll-answers"):
        self.folder = Path(folder)
        self.path: Path | None = None
        self.record: dict | None = None
        self.status = status_box()
        self.name = name_box()
        self.positions: dict[str, widgets.ToggleButtons] = {}
        self.reasons: dict[str, widgets.Text] = {}
        rows = []
        for n, claim in enumerate(model.CLAIMS, start=1):
            buttons = widgets.ToggleButtons(
                options=[("no answer", 0)] + [(model.SHORT_SCALE[p], p) for p in range(1, 6)],
                value=0, description="Your position:",
                style={"button_width": "150px", "description_width": "initial"},
                tooltips=["leave this claim out"] + [model.SCALE[p] for p in range(1, 6)])
            reason = widgets.Text(placeholder=f"One line: why? (at most {model.MAX_REASON_CHARS} "
                                              "characters)",
                                  layout=widgets.Layout(width="calc(100% - 4px)", max_width="760px"))
            self.positions[claim.id], self.reasons[claim.id] = buttons, reason
            rows.append(widgets.VBox([
                widgets.HTML(f'<div class="seminar-poll-claim"><b>{n}.</b> '
                             f"{escape(claim.statement)}</div>"), buttons, reason],
                layout=widgets.Layout(margin="0 0 10px 0")))
        self.overwrite, self.save_button, self.saved = save_controls("Save my answers")
        self.save = guarded(self.status)(self._save)
        self.save_button.on_click(self.save)
        self.widget = widgets.VBox([
            widgets.HTML(TABLE_CSS + "<h3>Was it real? Your position</h3>"
                         "<p>For each claim choose a position and give a one-line reason. "
                         "You may leave a claim out.</p>"),
            self.name, *rows, self.overwrite,
            widgets.HTML(f'<p class="seminar-poll-binder"><i>{escape(BINDER_NOTE)}</i></p>'),
            self.save_button, self.status, self.saved,
        ], layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-poll-form")

    def answers(self) -> dict:
        """The form's answers as ``{claim_id: (position or None, reason)}``."""
        return {cid: (self.positions[cid].value or None, self.reasons[cid].value)
                for cid in self.positions}

    def _save(self, _button=None) -> None:
        record = model.make_record(self.name.value, self.answers())
        path = model.save(record, self.folder, overwrite=bool(self.overwrite.value))
        self.path, self.record = path, record
        self.status.value = message_html(saved_message(
            len(record["answers"]), "answer", path, model.file_name(record["student"]),
            bool(self.overwrite.value)), "ok")
        self.saved.value = (f'<div class="seminar-poll-result">{download_html(record, path.name)}'
                            f"<p>Saved as {typed_html(record['student'])}, "
                            f"{escape(record['saved_at'])}:</p>{answers_html(record)}</div>")


def poll_form(folder="poll-answers") -> PollForm:
    """The student's poll; answers are saved into ``folder`` (made if needed)."""
    return PollForm(folder)


class ClassView(App):
    """The instructor's view of a folder of poll files: report, table, plot, reasons."""

    def __init__(self, folder=model.SAMPLE_DIR):
        self.result: model.ClassPoll | None = None
        self.status = status_box()
        self.folder, self.load_button = folder_controls(folder, "a folder of poll files")
        self.report = widgets.HTML()
        self.summary = widgets.HTML()
        # the plot with its alt text and the same words as a caption ("What the figure shows")
        self.plot = widgets.HTML()
        self.plot_png: bytes | None = None
        self.claim = Dropdown([(c.short, c.id) for c in model.CLAIMS], description="Reasons for")
        self.reasons = widgets.HTML()
        self.load = guarded(self.status)(self._load)
        self.show_reasons = guarded(self.status)(self._show_reasons)
        self.load_button.on_click(self.load)
        self.claim.observe(self.show_reasons, names="value")
        self.widget = widgets.VBox([
            widgets.HTML(TABLE_CSS + "<h3>The class's spread</h3>"),
            widgets.HBox([self.folder, self.load_button],
                         layout=widgets.Layout(flex_flow="row wrap", max_width="100%")),
            self.status, self.report, self.plot, self.summary, self.claim, self.reasons,
        ], layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-poll-class")
        if folder is not None:
            self.load()

    def _load(self, _button=None) -> None:
        result = model.load_class(self.folder.value)
        self.result = result
        table = result.table
        self.report.value = report_html(result)
        self.summary.value = (
            '<div role="region" aria-label="The class\'s numbers, claim by claim" tabindex="0" '
            'data-scrolls="yes" data-lm-suppress-shortcuts="true" '
            'style="width:0;min-width:100%;max-width:100%;overflow-x:auto">'
            + model.summary(table).round(2).to_html(escape=True, classes="seminar-poll-summary",
                                                    border=0) + "</div>")
        self.plot_png = spread_png(table)
        self.plot.value = figure_html(self.plot_png, model.describe_spread(table),
                                      css_class=PLOT_CLASS, min_width=FIGURE_MIN_WIDTH)
        self._show_reasons()
        n, bad = result.students, len(result.skipped)
        if n == 0:
            self.status.value = message_html(
                f"No answers loaded from {self.folder.value.strip()}: see the report below.", "warning")
        elif bad:
            self.status.value = message_html(
                f"Loaded {n} student{'s' * (n != 1)}; {bad} file{'s' * (bad != 1)} skipped (named below).", "warning")
        else:
            self.status.value = message_html(f"Loaded {n} student{'s' * (n != 1)}.", "ok")

    def _show_reasons(self, change=None) -> None:
        if self.result is None:
            return
        picked = model.reasons(self.result.table, self.claim.value)
        if picked.empty:
            self.reasons.value = "<p><i>Nobody answered this claim.</i></p>"
            return
        rows = "".join(f"<tr><td>{escape(label)}</td><td>{typed_html(student)}</td>"
                       f"<td>{typed_html(reason)}</td></tr>"
                       for _, label, student, reason in picked.itertuples(index=False))
        self.reasons.value = (f'<table class="seminar-poll-reasons"><tr><th>position</th>'
                              f"<th>student</th><th>reason</th></tr>{rows}</table>")


def report_html(result: model.ClassPoll) -> str:
    """The loader's report as HTML: skipped files with the reason, duplicates, other files."""
    n = result.students
    parts = [f"<p>Read {result.files_read} poll file{'s' * (result.files_read != 1)}; "
             f"<b>{n}</b> student{'s' * (n != 1)} loaded.</p>"]
    if len(result.skipped):
        items = "".join(f"<li><code>{typed_html(f)}</code>: {escape(p)}</li>"
                        for f, p in result.skipped.itertuples(index=False))
        parts.append(f'<p>Skipped (the rest were loaded):</p><ul class="seminar-poll-skipped">'
                     f"{items}</ul>")
    if len(result.superseded):
        items = "".join(f"<li><code>{typed_html(f)}</code> ({typed_html(s)}): replaced by the later "
                        f"<code>{typed_html(k)}</code></li>"
                        for f, s, k in result.superseded.itertuples(index=False))
        parts.append(f'<p>Saved twice (the latest file is kept):</p>'
                     f'<ul class="seminar-poll-superseded">{items}</ul>')
    if result.ignored:
        parts.append(f"<p>Not poll files (ignored): {escape(', '.join(result.ignored[:5]))}"
                     f"{' …' if len(result.ignored) > 5 else ''}</p>")
    return '<div class="seminar-poll-report">' + "".join(parts) + "</div>"


def class_view(folder=model.SAMPLE_DIR) -> ClassView:
    """The instructor's view, loaded with ``folder`` (default: the made-up sample class)."""
    return ClassView(folder)
