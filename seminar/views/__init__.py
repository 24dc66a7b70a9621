"""Thin ipywidgets front ends over the kit's models. No model logic lives here.

One module per app (``room``, ``duration``, ``attention``, ``letters``, ``community``,
``arguments``, ``poll``, ``start``); ``common`` holds the ``App`` base and the guarded
callbacks that turn a bad value into a message instead of a traceback.

What a view may import: ipywidgets, matplotlib (a bare ``Figure``, never pyplot's state),
the kit's top level, ``seminar.models`` and ``seminar.classroom``. Never
``seminar.instructor``. Notebooks import an app by its module:
``from seminar.views.room import room_app``.
"""
