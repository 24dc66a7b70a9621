"""Thin ipywidgets front ends over the kit's models. No model logic lives here.

One module per app, named as its model: ``letters``, ``class_letters``, ``room``,
``room_memory``, ``blind_test``, ``duration``, ``melody``, ``attention``, ``community``,
``arguments``, ``poll``, ``companion``, ``scenelog``, and lesson 00's ``start``. Shared
pieces: ``common`` holds the ``App`` base, figures with alt text, and the guarded callbacks
that turn a bad value into a message instead of a traceback; ``controls`` the accessible
slider, drop-down list and on/off button; ``saving`` the name box, save row and folder row
of the forms that save a student's file.

What a view may import: ipywidgets, matplotlib (a bare ``Figure``, never pyplot's state),
the kit's top level, ``seminar.models`` and ``seminar.classroom``. Never
``seminar.instructor``. Notebooks import an app by its module:
``from seminar.views.room import room_app``.
"""
