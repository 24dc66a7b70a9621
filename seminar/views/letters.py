"""The ghostwriter app: a template, a customer's nuggets, the letter, and a comparison.

A thin front end over :mod:`seminar.models.letters`. The customer's own material is highlighted in
the letter (blue background and underline), the writer's stock text is plain, and a missing
nugget is a dashed box. Everything a person typed is escaped before it is shown and wrapped
in ``<bdi>`` so right-to-left text stays in its place. The widgets are attributes, so a test
(or a student) can drive the app from Python::

    app = letters_app()
    app.template_text.value = "Dear {beloved}, [thank you|thanks] for {memory}. {sender}"
    app.write_button.click()
    app.compare_button.click()
    app.last_table            # the comparison as a pandas DataFrame
"""
from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib
import pandas as pd

from seminar.models import letters as model
from seminar.text import escape
from seminar.views.common import (FIGURE_FONT, FIGURE_MIN_WIDTH, App, figure_html, guarded,
                                  message_html, status_box)
from seminar.views.controls import Dropdown

from matplotlib.figure import Figure  # draws without pyplot: students' inline plots are untouched

#: Okabe-Ito colours; the two sources also differ in pattern (solid / hatched), not only colour.
OWN_COLOUR, STOCK_COLOUR, GAP_COLOUR = "#0072B2", "#E69F00", "#D55E00"
OWN_STYLE = (f"background:#d6eaf8;border-bottom:2px solid {OWN_COLOUR};padding:0 1px;"
             "color:inherit")
GAP_STYLE = f"border:1px dashed {GAP_COLOUR};color:#8b1a1a;padding:0 2px"
LETTER_STYLE = ("white-space:pre-wrap;font-family:Georgia,serif;font-size:1.05em;line-height:1.5;"
                "background:#fffdf5;border:1px solid #ccc;border-radius:4px;padding:10px 14px;"
                "max-width:46em;overflow-wrap:anywhere")
CARD_STYLE = ("white-space:pre-wrap;font-family:Georgia,serif;font-size:0.85em;line-height:1.35;"
              "background:#fffdf5;border:1px solid #ccc;border-radius:4px;padding:6px 9px;"
              "box-sizing:border-box;overflow-wrap:anywhere")
_CELL = "padding:2px 10px;text-align:left;border-bottom:1px solid #ddd;vertical-align:top"
#: Most letters shown side by side as cards, and most bars in the chart.
MAX_CARDS = 12
MAX_BARS = 40
YOUR_CUSTOMER = "your customer"

LEGEND = (f'<div class="letters-legend" style="font-size:0.9em">Key: '
          f'<mark style="{OWN_STYLE}">the customer\'s own words (nuggets)</mark> · '
          f'the writer\'s stock text (plain) · <span style="{GAP_STYLE}">a missing nugget</span>'
          "</div>")


def _bdi(text: str) -> str:
    return f'<bdi dir="auto">{escape(text)}</bdi>'


def letter_html(letter: model.Letter, style: str = LETTER_STYLE) -> str:
    """The letter as HTML: nuggets highlighted (with their names as tooltips), gaps boxed."""
    parts = []
    for piece in letter.pieces:
        if piece.source == "nugget":
            parts.append(f'<mark class="letters-own" data-nugget="{escape(piece.nugget)}" '
                         f'title="the customer\'s nugget: {escape(piece.nugget)}" '
                         f'style="{OWN_STYLE}">{_bdi(piece.text)}</mark>')
        elif piece.source == "gap":
            parts.append(f'<span class="letters-gap" style="{GAP_STYLE}">{escape(piece.text)}</span>')
        else:
            parts.append(f'<span class="letters-stock">{escape(piece.text)}</span>')
    return f'<div class="letters-letter" dir="auto" style="{style}">{"".join(parts)}</div>'


def _percent(x: float) -> str:
    return "no words" if x != x else f"{100 * x:.1f}%"


def summary_text(letter: model.Letter) -> str:
    """The letter's numbers in words (also what a screen reader hears)."""
    c = letter.counts()
    text = (f"The customer's own material: {c['own_words']} of {c['words']} words "
            f"({_percent(letter.own_share('words'))}), {c['own_chars']} of {c['chars']} characters "
            f"({_percent(letter.own_share('chars'))}). The rest is the writer's stock text.")
    if letter.missing:
        text += f" Missing nuggets (marked in the letter): {', '.join(letter.missing)}."
    if letter.unused:
        text += f" Nuggets the template does not use: {', '.join(letter.unused)}."
    return text


def table_html(table) -> str:
    """The comparison table (customer, counts, shares, missing, problems), escaped."""
    head = "<tr>" + "".join(
        f'<th style="{_CELL}">{h}</th>'
        for h in ("customer", "words", "own words", "own share (words)", "own share (characters)",
                  "missing", "unused", "problem")) + "</tr>"
    rows = []
    for customer, r in table.iterrows():
        words = "" if pd.isna(r["words"]) else f"{int(r['words'])}"
        own = "" if pd.isna(r["own_words"]) else f"{int(r['own_words'])}"
        cells = (_bdi(str(customer)), words, own,
                 "" if r["problem"] else _percent(r["own_share_words"]),
                 "" if r["problem"] else _percent(r["own_share_chars"]),
                 escape(r["missing"]), escape(r["unused"]), escape(r["problem"]))
        rows.append("<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells) + "</tr>")
    # eight columns: on a narrow screen the table scrolls sideways in a region the keyboard
    # reaches (Tab, then the arrow keys)
    return ('<div class="letters-table-wrap" role="region" aria-label="The comparison table" '
            'tabindex="0" data-scrolls="yes" data-lm-suppress-shortcuts="true" '
            'style="width:0;min-width:100%;max-width:100%;overflow-x:auto">'
            f'<table class="letters-table" style="border-collapse:collapse">{head}'
            f'{"".join(rows)}</table></div>')


def cards_html(letters: dict) -> str:
    """Letters side by side (at most MAX_CARDS), each under its customer's name."""
    cards = []
    for customer, letter in list(letters.items())[:MAX_CARDS]:
        if isinstance(letter, model.Letter):
            body = letter_html(letter, CARD_STYLE)
            share = _percent(letter.own_share())
            title = f"{_bdi(customer)} <small>(own words: {share})</small>"
        else:
            body = message_html(str(letter), "error")
            title = _bdi(customer)
        # about 290 px wide, narrower when the column is (never a sideways scroll)
        cards.append(f'<div class="letters-card" style="margin:4px;flex:1 1 260px;max-width:300px;'
                     f'min-width:0"><b>{title}</b>{body}</div>')
    more = len(letters) - MAX_CARDS
    tail = f"<p><i>… and {more} more (see the table)</i></p>" if more > 0 else ""
    return (f'<div class="letters-cards" style="display:flex;flex-wrap:wrap;align-items:flex-start">'
            f'{"".join(cards)}</div>{tail}')


def describe(table) -> str:
    """Say in words what the chart shows."""
    shown = table.head(MAX_BARS)
    parts = []
    for customer, r in shown.iterrows():
        if r["problem"] or r["own_share_words"] != r["own_share_words"]:
            parts.append(f"{customer}: no letter")
        else:
            parts.append(f"{customer}: {_percent(r['own_share_words'])} own "
                         f"({int(r['own_words'])} of {int(r['words'])} words)")
    text = (f"Horizontal bar chart, one bar per customer ({len(shown)} shown). Each bar runs "
            f"from 0 to 100% of the letter's words: the blue solid part is the customer's own "
            f"words, the orange hatched part the writer's stock words. " + "; ".join(parts) + ".")
    if len(table) > len(shown):
        text += f" {len(table) - len(shown)} more customers are in the table, not the chart."
    return text


def chart_plot(table) -> Figure:
    """The own/stock bars on a matplotlib Figure (colour-blind safe; solid versus hatched),
    720 px wide with FIGURE_FONT sizes: shown no narrower than FIGURE_MIN_WIDTH, its text
    stays >= 10 px."""
    shown = table.head(MAX_BARS)
    labels = [str(c).replace("$", r"\$") for c in shown.index]  # no mathtext from a name
    own = [0.0 if (p or s != s) else float(s)
           for p, s in zip(shown["problem"], shown["own_share_words"])]
    stock = [0.0 if (p or s != s) else 1.0 - float(s)
             for p, s in zip(shown["problem"], shown["own_share_words"])]
    with matplotlib.rc_context(FIGURE_FONT):
        fig = Figure(figsize=(7.2, 1.0 + 0.36 * len(shown)), dpi=100)
        ax = fig.subplots()
        y = list(range(len(shown)))[::-1]
        ax.barh(y, own, color=OWN_COLOUR, edgecolor="#000000", linewidth=0.5,
                label="the customer's own words")
        ax.barh(y, stock, left=own, color=STOCK_COLOUR, edgecolor="#000000", linewidth=0.5,
                hatch="//", label="the writer's stock words")
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.6, len(shown) - 0.4)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"])
        ax.set_xlabel("share of the letter's words")
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
        height = fig.get_figheight()
        fig.subplots_adjust(left=0.2, right=0.97, bottom=0.6 / height, top=1 - 0.4 / height)
    return fig


def chart_png(table) -> bytes:
    """The chart of :func:`chart_plot` as a PNG."""
    buf = io.BytesIO()
    with matplotlib.rc_context(FIGURE_FONT):
        chart_plot(table).savefig(buf, format="png", pil_kwargs={"compress_level": 1})  # fast
    return buf.getvalue()


class LettersApp(App):
    """The app. Build it with :func:`letters_app`; display it as the last line of a cell."""

    def __init__(self, templates: dict | None = None, customers=None, *, seed: int = 0,
                 template: str = "anniversary", customer: str | None = None):
        self.templates = model.load_templates() if templates is None else dict(templates)
        customers = model.example_customers() if customers is None else customers
        if not isinstance(customers, pd.DataFrame):
            raise ValueError("customers must be a pandas DataFrame with one row per customer, "
                             f"not {type(customers).__name__}.")
        if "customer" in customers.columns:
            customers = customers.set_index("customer")
        self.customers = customers
        self.labels = [str(c) for c in self.customers.index]
        self.status = status_box()
        self.last_letter: model.Letter | None = None
        self.last_table = None
        self._quiet = False
        start = template if template in self.templates else next(iter(self.templates))
        who = customer if customer in self.labels else (self.labels[0] if self.labels else "")

        wide = widgets.Layout(width="calc(100% - 4px)", max_width="760px")  # 2 px margins
        self.template_menu = Dropdown(list(self.templates), value=start,
                                      description="Kit template:")
        self.template_text = widgets.Textarea(value=self.templates[start].text, rows=9,
                                              continuous_update=False, layout=wide,
                                              placeholder="Dear {beloved}, [thank you|thanks] ...")
        self.customer_menu = Dropdown(
            [(c, c) for c in self.labels] + [("(your own customer)", "")], value=who,
            description="Customer:")
        self.nuggets_text = widgets.Textarea(value=self._nuggets_of(who), rows=6,
                                             continuous_update=False, layout=wide,
                                             placeholder="beloved: Maya\nmemory: the night ...")
        self.seed = widgets.IntText(value=seed, description="Seed:", continuous_update=False,
                                    style={"description_width": "110px"},
                                    layout=widgets.Layout(width="220px", max_width="100%"))
        self.write_button = widgets.Button(description="Write the letter", button_style="primary",
                                           icon="pencil")
        self.letter = widgets.HTML()
        self.summary = widgets.HTML()
        self.compare_button = widgets.Button(description="Compare all customers", icon="columns",
                                             layout=widgets.Layout(width="220px"))
        self.compare_status = status_box()
        self.cards = widgets.HTML()
        self.table = widgets.HTML()
        # The chart, with its alt text and caption ("What the figure shows"); empty (no
        # picture at all) until "Compare all customers" is pressed.
        self.chart = widgets.HTML()
        self.chart_png: bytes | None = None

        self.write = guarded(self.status)(self._write)
        self.compare = guarded(self.compare_status)(self._compare)
        self.write_button.on_click(self.write)
        self.compare_button.on_click(self.compare)
        self.template_menu.observe(guarded(self.status)(self._pick_template), names="value")
        self.customer_menu.observe(guarded(self.status)(self._pick_customer), names="value")
        for w in (self.template_text, self.nuggets_text, self.seed):
            w.observe(self._changed, names="value")

        self.widget = widgets.VBox([
            widgets.HTML("<b>1. The template</b> (the writer's stock text, with {nuggets} and "
                         "[choices|of|stock phrases])"),
            self.template_menu, self.template_text,
            widgets.HTML("<b>2. The customer's nuggets</b> (one per line, <code>name: text</code>;"
                         " all the example customers are invented)"),
            self.customer_menu, self.nuggets_text,
            widgets.HBox([self.seed, self.write_button],
                         layout=widgets.Layout(flex_flow="row wrap", max_width="100%")),
            self.status, widgets.HTML(LEGEND), self.letter, self.summary,
            widgets.HTML("<b>3. Side by side</b>: the same template for every customer"),
            self.compare_button, self.compare_status, self.cards, self.table, self.chart,
        ], layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-letters-app")
        self.write()

    # -- display --------------------------------------------------------------------
    def _nuggets_of(self, label: str) -> str:
        if not label:
            return ""
        try:
            return model.nuggets_text(self.customers.loc[label])
        except ValueError as exc:  # a bad example row: show it as a message, keep going
            self.status.value = message_html(str(exc), "error")
            return ""

    # -- reading the boxes -------------------------------------------------------------
    def current_template(self) -> model.Template:
        name = self.template_menu.value
        if name in self.templates and self.template_text.value == self.templates[name].text:
            return self.templates[name]
        return model.Template(self.template_text.value)

    def current_customer(self) -> str:
        return self.customer_menu.value or YOUR_CUSTOMER

    # -- callbacks (wrapped by guarded) ---------------------------------------------------
    def _changed(self, change=None) -> None:
        if not self._quiet:
            self.write()

    def _pick_template(self, change=None) -> None:
        self._quiet = True
        try:
            self.template_text.value = self.templates[self.template_menu.value].text
        finally:
            self._quiet = False
        self.write()

    def _pick_customer(self, change=None) -> None:
        if self.customer_menu.value:  # "your own customer" keeps what is in the box
            self._quiet = True
            try:
                self.nuggets_text.value = self._nuggets_of(self.customer_menu.value)
            finally:
                self._quiet = False
        self.write()

    def _write(self, _button=None) -> None:
        self.letter.value = self.summary.value = ""
        tpl = self.current_template()
        nuggets = model.parse_nuggets(self.nuggets_text.value)
        letter = model.compose(tpl, nuggets, seed=model.check_seed(self.seed.value),
                               customer=self.current_customer(), missing="mark")
        self.last_letter = letter
        self.letter.value = letter_html(letter)
        self.summary.value = (f'<p class="letters-summary" aria-live="polite">'
                              f"{escape(summary_text(letter))}</p>")
        if letter.missing:
            self.status.value = message_html(
                f"This customer sent no {', '.join(letter.missing)}: the letter has a marked gap. "
                "Add the nugget, or take it out of the template.", "warning")
        elif not tpl.choices:
            self.status.value = message_html(
                "Letter written. This template has no [choice|of|stock phrases], so every "
                "customer gets exactly the same stock text.", "ok")
        else:
            self.status.value = message_html(
                f"Letter written for {self.current_customer()} with seed {letter.seed}.", "ok")

    def _compare(self, _button=None) -> None:
        for w in (self.cards, self.table, self.chart):
            w.value = ""
        self.chart_png = None
        tpl = self.current_template()
        seed = model.check_seed(self.seed.value)
        customers = {label: self.customers.loc[label] for label in self.labels}
        if not self.customer_menu.value:
            customers[YOUR_CUSTOMER] = model.parse_nuggets(self.nuggets_text.value)
        letters = model.write_all(tpl, customers, seed=seed, missing="mark")
        table = model.summarise(letters)
        self.last_table = table
        self.cards.value = cards_html(letters)
        self.table.value = table_html(table)
        self.chart_png = chart_png(table)
        self.chart.value = figure_html(self.chart_png, describe(table), css_class="letters-chart",
                                       max_width=720, min_width=FIGURE_MIN_WIDTH)
        problems = int((table["problem"] != "").sum())
        gaps = int((table["missing"] != "").sum())
        note = f"{len(table)} letters written with seed {seed}."
        if gaps:
            note += f" {gaps} with a marked gap (see 'missing')."
        if problems:
            note += f" {problems} could not be written (see 'problem')."
        self.compare_status.value = message_html(note, "warning" if problems or gaps else "ok")


def letters_app(templates: dict | None = None, customers=None, **kwargs) -> LettersApp:
    """The ghostwriter app with the kit's templates and example customers unless others are given."""
    return LettersApp(templates, customers, **kwargs)


# ----------------------------------------------------------------------- the 641 letters: saving
# (lesson 01: each student's own letter, saved for lesson 04; the model is
# seminar.models.class_letters, which reuses the class poll's safe saving)
from pathlib import Path  # noqa: E402

from seminar.models import class_letters as class_model  # noqa: E402

SAVE_NOTE = ("On Binder (and any temporary server) nothing is kept once the session ends: after "
             "saving, use the download link and hand the file in.")


class MyLetterForm(App):
    """Lesson 01's "save your letter": five nuggets about yourself, the letter, a saved file.

    Build it with :func:`my_letter_form`. Widgets are attributes, so a test can drive it::

        form = my_letter_form(folder="my-letter")
        form.name.value = "Ada"; form.nuggets["memory"].value = "..."; ...
        form.write_button.click(); form.save_button.click()   # my-letter/letter-ada.json
    """

    def __init__(self, folder="my-letter"):
        self.folder = Path(folder)
        self.record: dict | None = None
        self.path: Path | None = None
        self.status = status_box()
        style = {"description_width": "0px"}
        self.name = widgets.Text(placeholder="your name or a pseudonym (for the file)",
                                 description="Your name", style={"description_width": "90px"},
                                 layout=widgets.Layout(width="calc(100% - 4px)", max_width="420px"))
        self.nuggets: dict[str, widgets.Text] = {}
        rows = []
        for key, question in class_model.NUGGETS:
            box = widgets.Text(placeholder=question, description=question, style=style,
                               layout=widgets.Layout(width="calc(100% - 4px)", max_width="700px"))
            self.nuggets[key] = box
            rows.append(widgets.HTML(f'<label style="font-size:0.92em">{escape(question)}</label>'))
            rows.append(box)
        self.write_button = widgets.Button(description="Write my letter", icon="pencil",
                                           button_style="primary",
                                           layout=widgets.Layout(width="180px"))
        self.save_button = widgets.Button(description="Save my letter", icon="save",
                                          layout=widgets.Layout(width="180px"))
        self.letter = widgets.HTML()
        self.saved = widgets.HTML()
        self.write = guarded(self.status)(self._write)
        self.save = guarded(self.status)(self._save)
        self.write_button.on_click(self.write)
        self.save_button.on_click(self.save)
        self.widget = widgets.VBox([
            widgets.HTML("<h3>Your own letter</h3><p>Be the customer: give the ghostwriter five "
                         "nuggets about yourself. Nothing you type leaves this notebook unless "
                         "you hand the file in.</p>"),
            self.name, *rows, widgets.HBox([self.write_button, self.save_button],
                                           layout=widgets.Layout(flex_flow="row wrap")),
            self.status, self.letter,
            widgets.HTML(f'<p class="seminar-letter-binder"><i>{escape(SAVE_NOTE)}</i></p>'),
            self.saved,
        ], layout=widgets.Layout(max_width="760px"))
        self.widget.add_class("seminar-my-letter")

    def values(self) -> dict:
        return {key: box.value for key, box in self.nuggets.items()}

    def _write(self, _button=None) -> None:
        self.record = None
        self.letter.value = ""
        record = class_model.make_record(self.name.value, self.values())
        self.record = record
        self.letter.value = (f'<div class="seminar-my-letter-text" style="{LETTER_STYLE}">'
                             f"{_bdi(record['letter'])}</div>")
        self.status.value = message_html("Here is your letter. Save it to keep it for lesson 04.",
                                         "ok")

    def _save(self, _button=None) -> None:
        self._write()
        path = class_model.save(self.record, self.folder)
        self.path = path
        base = class_model.file_name(self.record["student"])
        again = ("" if path.name == base else
                 f" {base} was there already, so this is a new file; the earlier one is untouched.")
        try:
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
        self.status.value = message_html(f"Saved your letter to {shown}.{again}", "ok")
        self.saved.value = (f'<a class="seminar-letter-download" download="{escape(path.name)}" '
                            f'href="{class_model.as_data_uri(self.record)}" '
                            f'style="font-weight:bold">\u2b07 Download your letter '
                            f"({escape(path.name)})</a>")


def my_letter_form(folder="my-letter") -> MyLetterForm:
    """Lesson 01's "save your letter" form; letters are saved into ``folder`` (made if needed)."""
    return MyLetterForm(folder)
