"""Self-checks of exercise 00-start-here (a warm-up on how exercises work).

Facts used (sources/film-facts.md): running time 126 minutes; US release 2013-12-18;
Academy Awards ceremony 2014-03-02; Samantha talks with 8,316 others.

The core (q1 to q3) is a number, a count on a calendar and a letter; q7 ("Going further",
optional) asks for a function.
"""
from numbers import Real

from seminar.classroom.checks import Choice, Number, Predicate

#: (earlier, later) -> whole days between them; the film's own dates and plain ones.
DAY_CASES = {
    ("2013-12-18", "2014-03-02"): 74,   # US release -> Oscars ceremony
    ("2014-01-01", "2014-01-31"): 30,
    ("2013-12-18", "2013-12-18"): 0,
}


def _days_between_works(days_between):
    if not callable(days_between):
        return "Not yet: days_between should be a function, defined with def."
    for (earlier, later), expected in DAY_CASES.items():
        got = days_between(earlier, later)
        if type(got).__name__ == "Timedelta":
            return ("Not yet: your function returns a Timedelta (a length of time); "
                    "return its .days, a whole number of days.")
        if isinstance(got, bool) or not isinstance(got, Real):
            return f"Not yet: your function should return a number of days, not {type(got).__name__}."
        if expected and got == -expected:
            return "Not yet: the sign is wrong; subtract the earlier date from the later one."
        if got != expected:
            return ("Not yet: try your function on two dates a few days apart and "
                    "count the days on a calendar.")
    return True


CHECKS = {
    "q1": Number(expected=126 / 60, rel_tol=1e-3,
                 hint="Not yet: an hour has 60 minutes. Did you divide?"),
    "q2": Number(expected=(31 - 18) + 31 + 28 + 2, rel_tol=0,
                 hint="Not yet: count the days left in December after the 18th, then every day "
                      "of January and February (28 days in 2014), then March up to the 2nd."),
    "q3": Choice("B", {
        "A": "whether she loves him is interpretation: thoughtful viewers disagree, and an "
             "answer is judged by its reasons, not matched to a key.",
        "B": "",
        "C": "whether his job is dishonest turns on what honesty asks of a letter: an "
             "argument, not a value with a source.",
        "D": "whether the ending is happy is a reading of the film; no source settles it.",
    }, hint="Not yet: which question has one answer that a source (the film's facts) settles?"),
    "q7": Predicate(test=_days_between_works,
                    hint="Not yet: your function should take two dates as text and return whole days."),
}

#: "Going further (optional, for those who code)".
OPTIONAL = {"q7"}

#: The instructor's hidden tests of q7 try dates the self-check does not.
HIDDEN = {"q7"}


def _days(earlier: str, later: str) -> int:
    from datetime import date

    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


#: Hidden cases of q7 for ``grade --optional`` (run in the sandbox, compared by the grader):
#: the self-check's dates, then the hidden tests' (premiere to US release, a leap-free
#: February, the dates swapped).
CASES = {"q7": {"call": "days_between", "cases": [
    *[[[a, b], _days(a, b)] for a, b in DAY_CASES],
    [["2013-10-13", "2013-12-18"], _days("2013-10-13", "2013-12-18")],
    [["2014-02-28", "2014-03-02"], _days("2014-02-28", "2014-03-02")],
    [["2014-03-02", "2013-12-18"], _days("2014-03-02", "2013-12-18")],
]}}
