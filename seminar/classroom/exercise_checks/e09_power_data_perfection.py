"""Self-checks of exercise 09-power-data-perfection: the companion's objective.

The expected values are what seminar.models.companion gives under its stated assumptions;
tests/test_companion.py recomputes them from the model.
"""
from seminar.classroom.checks import Choice, Exact, Number

#: q13 is under "Going further (optional, for those who code)".
OPTIONAL = {"q13"}

CHECKS = {
    "q1": Number(expected=100, abs_tol=0.5, rel_tol=0,
                 hint="Not yet: choose the preset 'engagement only' and read how often the "
                      "companion answers at once, as a percentage (a number, without the % sign)."),
    "q2": Number(expected=25, abs_tol=0.5, rel_tol=0,
                 hint="Not yet: choose the preset 'the user's three goals' and read how often the "
                      "companion answers at once, as a percentage (a number, without the % sign)."),
    "q3": Exact(expected=2,
                hint="Not yet: keep engagement at 10, set the user's three sliders to the same "
                     "weight, and raise them together one step at a time from 0; note the first "
                     "weight at which the companion no longer agrees 100%."),
    "q4": Number(expected=40 / 3, rel_tol=0.01,
                 hint="Not yet: the user's objective is the average of time with other people, "
                      "their own words and growth, each weighted 10; take the engagement-only "
                      "companion's three numbers from the table and average them."),
    "q6": Choice(expected="C", options={
        "A": "The passage does not say Samantha is unkind or cold; it says she behaves like a "
             "servant, there the moment she is called.",
        "B": "The writer says the opposite: a relationship cannot be built on taking that power "
             "for granted, so being always there is the problem, not the proof of love.",
        "C": "",
        "D": "The passage is about availability and power, not about what Samantha is made of "
             "or whether she can feel.",
    }),
    "q10": Choice(expected="B", options={
        "A": "The toy describes no company: its outcome formulas are the kit's assumptions, "
             "stated as such, and nothing in it is measured.",
        "B": "",
        "C": "The film gives no such numbers; the toy was built from assumptions, so it cannot "
             "show what the film shows.",
        "D": "A model that chooses the company's favourite behaviour under the company's "
             "objective is true by construction: that is exactly what it cannot prove about "
             "the world.",
    }),
    "q13": Exact(expected=7,
                 hint="Not yet: with the user's three weights at 10, try each engagement weight "
                      "from 0 to 10 with companion.best and find the first at which the "
                      "availability chosen is above 0.25."),
}
