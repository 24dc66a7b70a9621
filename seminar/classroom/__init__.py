"""What a notebook calls besides the apps: excerpts, self-checks, hand-in, the lesson list.

- ``readings``: the excerpts in readings/*.md by id (``show("searle-1")``), the catalogue.
- ``checks``: the self-checks of exercise answers (``Checker``) and their strict mode.
- ``exercise_checks/``: one table of checks per exercise (``eNN_slug.py``).
- ``handin``: the last cell of every exercise (``hand_in("NN-slug")``).
- ``session``: what a ``Checker`` installs in the kernel: a plain-words hint under the
  traceback of a beginner's slip, and the latest run of each cell for the hand-in.
- ``course``: the lessons read from their first cells (``lesson_table()``), the README's
  lesson map.

Notebooks import the short names from here (the kit's convention)::

    from seminar.classroom import show, Checker

What classroom code may import: the kit's top level and ``seminar.models``. Never
``seminar.views`` or ``seminar.instructor``.
"""
from seminar.classroom.checks import Checker, is_placeholder
from seminar.classroom.course import lessons as lesson_table
from seminar.classroom.handin import hand_in
from seminar.classroom.readings import catalogue, excerpt, lesson_usage, show

__all__ = ["Checker", "catalogue", "excerpt", "hand_in", "is_placeholder", "lesson_table",
           "lesson_usage", "show"]
