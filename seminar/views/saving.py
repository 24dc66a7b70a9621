"""What the forms that save a student's file (the poll, the scene log) and the class views that
load a folder of them share: the name box, the save row, the saved message, the folder row."""
from __future__ import annotations

import os
from pathlib import Path

import ipywidgets as widgets

from seminar.text import escape

BINDER_NOTE = ("On Binder (and any temporary server) nothing is kept once the session ends: "
               "after saving, use the download link and hand the file in.")
FILL = "calc(100% - 4px)"   # a control's width: its column, less room for the focus ring


def typed_html(text: str) -> str:
    """Text a person typed, escaped and isolated so right-to-left text cannot spill out."""
    return f'<bdi dir="auto">{escape(text)}</bdi>'


def shown_path(path: Path) -> str:
    """A path relative to the notebook's folder when that is short, else as it is."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith(os.path.join("..", "..")) else relative


def name_box() -> widgets.Text:
    return widgets.Text(description="Your name", placeholder="your name or a pseudonym",
                        style={"description_width": "90px"},
                        layout=widgets.Layout(width=FILL, max_width="420px"))


def save_controls(label: str) -> tuple[widgets.Checkbox, widgets.Button, widgets.HTML]:
    """The "replace my earlier file" box, the save button and the place for what was saved."""
    overwrite = widgets.Checkbox(
        value=False, indent=False,
        description="Replace my earlier file (otherwise a new numbered file is written)",
        layout=widgets.Layout(width=FILL, max_width="600px"))
    button = widgets.Button(description=label, icon="save", button_style="primary",
                            layout=widgets.Layout(width=FILL, max_width="200px"))
    return overwrite, button, widgets.HTML()


def saved_message(count: int, noun: str, path: Path, usual_name: str, overwrite: bool) -> str:
    """Plain words for a save: how many ``noun`` s went where, and whether a new file was made."""
    again = ("" if path.name == usual_name or overwrite else
             f" {usual_name} was there already, so this is a new file; the earlier one is untouched.")
    return f"Saved {count} {noun}{'s' * (count != 1)} to {shown_path(path)}.{again}"


def folder_controls(folder, placeholder: str) -> tuple[widgets.Text, widgets.Button]:
    """The folder box (filled with ``folder`` unless it is None) and the "Load the class" button."""
    box = widgets.Text(value="" if folder is None else shown_path(Path(folder)),
                       description="Folder", placeholder=placeholder,
                       style={"description_width": "60px"},
                       layout=widgets.Layout(width=FILL, max_width="560px"))
    button = widgets.Button(description="Load the class", icon="folder-open",
                            layout=widgets.Layout(width=FILL, max_width="160px"))
    return box, button
