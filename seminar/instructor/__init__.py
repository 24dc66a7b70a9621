"""The instructor's tools: every ``python -m seminar COMMAND`` and what only they use.

One module per command (``exercises``, ``refresh``, ``links``, ``release``, ``answers``,
``grade``, ``schedule``, ``nbgrader_source``, ``poll``), each with ``HELP``,
``add_arguments`` and ``run``; ``cli`` builds the command line from :data:`cli.COMMANDS`.
``submissions`` loads handed-in notebooks for ``answers`` and ``grade``.

What instructor code may import: the kit's top level, ``seminar.models`` and
``seminar.classroom``. Never ``seminar.views``: the tools run without widgets, on a
machine with no notebook open.
"""
