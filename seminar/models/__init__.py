"""The toys' models: plain Python and pandas, unit tested like any library.

What lives here: the Chinese Room (``room``), the two clocks (``duration``), attention
(``attention``), the ghostwriter (``letters``), the small society (``community``), the
argument checker (``arguments``), the class poll (``poll``), the capstone's worked example
(``capstone``), and the shared checking of parameters with cited defaults (``params``).

What a model may import: the standard library, numpy, pandas, matplotlib objects handed
to it (never pyplot's global state), the kit's top level (``seminar``, ``seminar.text``,
``seminar.files``) and other models. Never ``seminar.views``, ``seminar.classroom`` or
``seminar.instructor``, and never ipywidgets: a model must run without a notebook.
"""
