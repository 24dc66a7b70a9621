"""The instructor's tools: every ``python -m seminar COMMAND`` and what only they use.

One module per command (``exercises``, ``refresh``, ``links``, ``release``, ``answers``,
``grade``, ``gradebook``, ``schedule``, ``nbgrader_source``, ``poll``, ``syllabus``,
``site``), each with ``HELP``, ``add_arguments`` and ``run``; ``cli`` builds the command
line from :data:`cli.COMMANDS`.

What only the commands use:

- reading hand-ins: ``intake`` (one notebook, read safely), ``submissions`` (a folder of
  them, matched to the exercise) and ``values`` (a core answer's value, read without running
  the student's code);
- grading: ``checkdata`` (an exercise's checks and givens), ``rubrics`` and ``scoring``
  (written answers and essays), ``sandbox`` with ``sandbox_runner`` (optional code, run
  under bubblewrap);
- the course documents: ``coursedocs`` (syllabus, essay, notes, bibliography), ``pdf``
  (printing through Chromium), ``site_template/`` and ``web/`` (the static site's pages and
  npm assets).

What instructor code may import: the kit's top level, ``seminar.models`` and
``seminar.classroom``. Never ``seminar.views``: the tools run without widgets, on a
machine with no notebook open.
"""
