"""Self-checks of exercise 05-loneliness: the tipping level, a definition of loneliness, how it moves.

The exercise's scenario is the lesson's society (1,000 people, seed 2013) with a harder OS:
it takes 70% of its users' social time and leaves in week 65 (assumptions for the exercise,
not facts about the film). Expected levels are computed here from :mod:`seminar.models.community`
with the same seed, so they are exact for the model; tests/test_community.py holds the
model's behaviour (the lonely share at the exodus never falls as the adoption level rises,
so the level is one number per seed and definition). Students search on a grid of 0.01, so
an answer within 0.011 of the exact level is correct.
"""
import numpy as np

from seminar.models import community
from seminar.classroom.checks import Choice, Number, Predicate

#: The exercise's scenario (the notebook holds its own copy for students to use).
SCENARIO = {"os_time": 0.7, "exodus": 65, "seed": 2013}
#: The essay's "no one ... at all", in the model: no human tie of strength 0.5 or more.
NO_ONE = community.fewer_than(1, 0.5, os_counts=False)

TIPPING = community.tipping_level(tol=0.0005, **SCENARIO)
TIPPING_NO_ONE = community.tipping_level(lonely=NO_ONE, tol=0.0005, **SCENARIO)


def _cases():
    """Small strengths tables (with the has_os column) on which to try a student's definition."""
    rng = np.random.default_rng(5)
    random = np.round(rng.random((40, 6)), 2) * (rng.random((40, 6)) < 0.7)
    edge = np.array([[0.5, 0.0, 0.0], [0.49, 0.49, 0.49], [0.0, 0.0, 0.0], [1.0, 0.2, 0.0],
                     [0.0, 0.0, 0.51]])
    return [
        (random, rng.random(40) < 0.5),
        (edge, np.array([False, False, False, False, False])),
        (edge, np.array([True, True, True, True, True])),
    ]


def _no_one_works(fn):
    if not callable(fn):
        return "Not yet: no_one should be a function, defined with def."
    for strengths, has_os in _cases():
        got = fn(strengths.copy(), has_os.copy())
        if got is None or got is Ellipsis:
            return "Not yet: your function returns nothing; end it with return and the True/False array."
        got = np.asarray(got)
        if got.shape != (strengths.shape[0],):
            return (f"Not yet: for a table of {strengths.shape[0]} people your function returned "
                    f"shape {got.shape}; it must give one True/False per person (one per row: "
                    "axis=1).")
        want = NO_ONE(strengths, has_os)
        if not np.array_equal(got.astype(bool), want):
            row = int(np.flatnonzero(got.astype(bool) != want)[0])
            strongest = strengths[row].max()
            return (f"Not yet: a person whose strongest tie is {strongest:g}"
                    f"{' and who has an OS' if has_os[row] else ''} came out "
                    f"{'lonely' if got[row] else 'not lonely'}. Is a tie of exactly 0.5 "
                    "\"of strength 0.5 or more\"? And does the OS count here?")
    return True


CHECKS = {
    # ---- the core: values read from the ready-made sweep and table, and from the readings
    "q1": Number(expected=TIPPING, rel_tol=0, abs_tol=0.011,
                 hint="Not yet: read the sweep's table: the FIRST adoption level whose "
                      "'share lonely the week the OSes leave' is above one half (not the last one "
                      "below it)."),
    "q2": Number(expected=TIPPING_NO_ONE, rel_tol=0, abs_tol=0.011,
                 hint="Not yet: read the row 'no tie of 0.5 or more' in the table of "
                      "definitions."),
    "q3": Choice(expected="B", options={
        "A": "the essay calls it a novel, but it is non-fiction; and the book is largely "
             "optimistic, not a prophecy of doom.",
        "B": "",
        "C": "it is non-fiction, but not a prophecy that community will end: the book is "
             "largely optimistic, and the loneliness passage is about the strain of a transition.",
        "D": "no source says the film adapts it; the essay only wonders how much influence "
             "Toffler had."}),
    "q4": Choice(expected="C", options={
        "A": "fewer than three strong ties leaves people with someone to talk to; the essay "
             "says no one at all.",
        "B": "fewer than two strong ties still allows one: the essay says no one at all.",
        "C": "",
        "D": "having an OS is not loneliness in the essay's sense; its definition is about the "
             "people left after the exodus."}),
    # ---- Going further (optional, for those who code)
    "q9": Predicate(test=_no_one_works,
                    hint="Not yet: no_one(strengths, has_os) should return one True/False per "
                         "person: True when they have no human tie of strength 0.5 or more."),
    "q10": Number(expected=TIPPING_NO_ONE, rel_tol=0, abs_tol=0.011,
                  hint="Not yet: pass your no_one to tipping_level as lonely=no_one, with "
                       "**SCENARIO."),
}

#: Questions under "Going further (optional, for those who code)".
OPTIONAL = {"q9", "q10"}


def _same_people(want):
    def test(out):
        got = out.get("value")
        return (isinstance(got, list) and len(got) == len(want)
                and all(isinstance(g, (bool, int)) and bool(g) == w for g, w in zip(got, want)))
    return test


#: Hidden cases of q9 for ``grade --optional``: the tables of the self-check, passed as numpy
#: arrays; the expected people come from the kit's own definition (NO_ONE).
CASES = {"q9": {"call": "no_one", "arrays": [0, 1], "cases": [
    [[strengths.tolist(), has_os.tolist()],
     _same_people([bool(x) for x in NO_ONE(strengths, has_os)])]
    for strengths, has_os in _cases()]}}
