"""Lesson 00's widget: pick a lesson, see its question, objectives, time and readings."""
from __future__ import annotations

import re

import ipywidgets as widgets

from seminar.classroom import course
from seminar.text import escape
from seminar.views.common import App, guarded, message_html, status_box
from seminar.views.controls import Dropdown


def inline(text: str) -> str:
    """Escape text, then show Markdown's *emphasis* and `code` as HTML."""
    html = escape(text)
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    return re.sub(r"\*([^*]+)\*", r"<em>\1</em>", html)


def lesson_card(lesson: course.Lesson) -> str:
    """HTML for one lesson (every field escaped)."""
    items = lambda xs: "".join(f"<li>{inline(x)}</li>" for x in xs)  # noqa: E731
    readings = ", ".join(f"<code>{escape(r)}</code>" for r in lesson.readings) or "none"
    return (
        f'<div class="seminar-lesson-card">'
        f"<h3>{lesson.number:02d} · {escape(lesson.title)}</h3>"
        f"<p><b>Questions</b></p><ul>{items(lesson.questions)}</ul>"
        f"<p><b>Objectives</b></p><ul>{items(lesson.objectives)}</ul>"
        f"<p><b>Time</b>: {lesson.teaching_min} min teaching, {lesson.exercise_min} min exercises"
        f" · <b>Readings</b>: {readings}</p>"
        f'<p>Open it: <a href="{escape(lesson.path.name)}" style="color:#0b61a4;'
        f'text-decoration:underline">lessons/{escape(lesson.path.name)}</a></p>'
        f"</div>"
    )


class LessonExplorer(App):
    """A dropdown of the seminar's lessons and a card describing the chosen one."""

    def __init__(self, root=None):
        self.lessons = course.lesson_list() if root is None else course.lesson_list(root)
        self.status = status_box()
        # A labelled <select>: arrow keys change the lesson, never JupyterLab's cell cursor.
        self.choice = Dropdown(
            [(f"{les.number:02d} · {les.title}", i) for i, les in enumerate(self.lessons)]
            or [("(no lessons)", None)],
            description="Lesson",
        )
        self.card = widgets.HTML()
        self.choice.observe(guarded(self.status)(self._changed), names="value")
        self.widget = widgets.VBox([self.choice, self.card, self.status],
                                   layout=widgets.Layout(width="100%", max_width="760px"))
        self.widget.add_class("seminar-lesson-explorer")
        if self.lessons:
            self._changed()
        else:
            self.status.value = message_html("No lessons found in lessons/.", "warning")

    def _changed(self, change=None):
        self.card.value = lesson_card(self.lessons[self.choice.value])


def lesson_explorer(root=None) -> LessonExplorer:
    return LessonExplorer(root)
