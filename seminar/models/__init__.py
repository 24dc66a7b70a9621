"""The toys' models: plain Python and pandas, unit tested like any library.

What lives here, by lesson:

- 01 and 04: the ghostwriter (``letters``) and the class's saved letters (``class_letters``);
- 02: the Chinese Room and Blockhead (``room``), the room with a memory (``room_memory``) and
  the blind test (``blind_test``);
- 03: the two clocks (``duration``) and Bergson's melody (``melody``);
- 04: attention and capacity (``attention``);
- 05: the small society and its OS (``community``);
- 06: the argument checker (``arguments``);
- 07: the class poll (``poll``);
- 08: the capstone's worked example (``capstone``);
- 09: the companion's objective (``companion``);
- 10: the scene log (``scenelog``);
- shared: the loading of small hand-in files the poll and the scene log read (``handins``),
  and the checking of parameters with cited defaults (``params``).

What a model may import: the standard library, numpy, pandas, matplotlib objects handed
to it (never pyplot's global state), the kit's top level (``seminar``, ``seminar.text``,
``seminar.files``) and other models. Never ``seminar.views``, ``seminar.classroom`` or
``seminar.instructor``, and never ipywidgets: a model must run without a notebook.
"""
