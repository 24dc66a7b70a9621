"""``python -m seminar``: the instructor's command line (see :mod:`seminar.instructor.cli`)."""
import sys

from seminar.instructor.cli import main

if __name__ == "__main__":
    sys.exit(main())
