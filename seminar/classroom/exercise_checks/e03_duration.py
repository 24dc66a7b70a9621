"""Self-checks of exercise 03-duration: a no-code core, and two optional code questions.

Core (values a student finds by calculator arithmetic, reading the toys, or reading):
q1 and q2 are the calibration in sources/film-facts.md (about 2.27 million; about 10.5 days);
q3 is the attention each of the 641 gets when her attention is split evenly across all 8,316
conversations (about 273: the 641 are among the 8,316, so dividing by 641 is the mistake);
q4 is the minute the two-clocks app reports for exponential growth at 0.03 per minute and a
one-year pause (ln(threshold / ratio) / 0.03 = 118.3); q5 is the whole 16-beat tune, 0.4 s a
beat, at the calibrated ratio, in days, as the melody toy reports it (168); q6 is what seed 000
says is the source of the couple's disjointedness (finitude, `difference-of-life-10`).

Going further (OPTIONAL): q13 tests a student's bisection function and q14 a sensitivity
table against :mod:`seminar.models.duration`, whose numbers tests/test_duration.py holds to the
film-facts values (Samantha assumed to leave at minute 126, the end of the film).
"""
import math
from dataclasses import fields, replace
from numbers import Real

import pandas as pd

from seminar.models import duration
from seminar.classroom.checks import Choice, Number, Predicate

YEAR = duration.SECONDS_PER_YEAR
LEAVE_MINUTE = 126
#: (growth, threshold speed ratio, minute it should be passed at) for q6.
CROSSING_CASES = (
    ("exponential", YEAR / 0.4, 126.0),
    ("logistic", YEAR / 0.4, 126.0),
    ("exponential", 5e6, 30.0),
    ("logistic", 1e8, 60.0),
)
COLUMNS = ("assumption", "value", "speed_ratio", "film_years", "rate_needed", "rate_change_pct")


def _is_number(x) -> bool:
    return isinstance(x, Real) and not isinstance(x, bool) and math.isfinite(float(x))


def _rate_for_crossing_works(fn):
    if not callable(fn):
        return "Not yet: rate_for_crossing should be a function, defined with def."
    for growth, threshold, minute in CROSSING_CASES:
        rate = fn(growth, threshold, minute)
        if rate is Ellipsis or rate is None:
            return "Not yet: your function still returns ... (or nothing): write its body."
        if not _is_number(rate):
            return f"Not yet: your function should return a number (a rate), not {type(rate).__name__}."
        passed = duration.threshold_minute(threshold, growth=growth, rate=float(rate),
                                           minutes=minute * 2)
        if passed is None or abs(passed - minute) > 0.5:
            when = "never, within twice that time" if passed is None else f"at minute {passed:.1f}"
            return (f"Not yet: with {growth} growth at the rate your function returns, a threshold "
                    f"of {threshold:,.0f} is passed {when}, not at minute {minute:g}. If it is "
                    "passed too early, the rate is too high; too late or never, too low.")
    return True


def _row_calibration(assumption, value):
    if assumption == "baseline":
        return duration.CALIBRATION
    names = [f.name for f in fields(duration.Calibration)]
    if assumption not in names:
        raise ValueError(f"{assumption!r} is not an assumption; use one of {', '.join(names)}")
    if assumption in ("conversations", "loved") and isinstance(value, float) and value.is_integer():
        value = int(value)  # a DataFrame column holding NaN stores 8000 as 8000.0
    return replace(duration.CALIBRATION, **{assumption: value})


def _close(got, want, rel=0.02, abs_tol=1e-9) -> bool:
    return _is_number(got) and math.isclose(float(got), want, rel_tol=rel, abs_tol=abs_tol)


def _sensitivity_ok(table):
    if not isinstance(table, pd.DataFrame):
        return f"Not yet: sensitivity should be a pandas DataFrame, not {type(table).__name__}."
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        return f"Not yet: the table needs the columns {', '.join(missing)}."
    if len(table) < 3 or table["assumption"].iloc[0] != "baseline":
        return "Not yet: the first row should be the baseline, followed by at least two changes."
    changed = set(table["assumption"].iloc[1:])
    if len(changed - {"baseline"}) < 2:
        return "Not yet: change at least two different assumptions, one per row."
    base_rate = None
    for label, row in table.iterrows():
        cal = _row_calibration(row["assumption"], row["value"])
        ratio = duration.speed_ratio(cal)
        rate = max(0.0, math.log(duration.ratio_for_gap(YEAR, cal) / ratio) / LEAVE_MINUTE)
        base_rate = rate if base_rate is None else base_rate
        where = f"row {label!r} ({row['assumption']})"
        if not _close(row["speed_ratio"], ratio):
            return f"Not yet: speed_ratio in {where} does not follow from that calibration."
        if not _close(row["film_years"], duration.film_in_her_seconds(cal) / YEAR):
            return f"Not yet: film_years in {where}: the film's minutes, times the ratio, in years."
        if not _close(row["rate_needed"], rate):
            return (f"Not yet: rate_needed in {where}: the threshold (a one-year pause for her) "
                    "depends on the calibration too; and the rate is 0 if it is passed from the start.")
        if not _close(row["rate_change_pct"], 100 * (rate / base_rate - 1), rel=0.02, abs_tol=0.5):
            return f"Not yet: rate_change_pct in {where} should be the percentage change from the baseline."
    return True


CHECKS = {
    "q1": Number(expected=2.27e6, rel_tol=0.01,
                 hint="Not yet: first find a person's reading time for the names in seconds "
                      "(names / words per minute gives minutes, times 60 gives seconds), then "
                      "divide by Samantha's 0.02 s."),
    "q2": Number(expected=10.5, rel_tol=0.02,
                 hint="Not yet: multiply the 0.4 s gap by the ratio (about 2.27 million) to get "
                      "seconds of her time, then divide by 86,400 to get days."),
    "q3": Choice(expected="B", options={
        "A": "dividing by 641 shares her attention among the 641 alone, as if the other 7,675 "
             "conversations stopped while she talks to the people she loves.",
        "B": "",
        "C": "7.7 is the percentage of her attention the 641 get together (641 / 8,316 x 100), "
             "not what each of them gets, and it is a share, not a multiple of a person's attention.",
        "D": "this forgets the speed ratio: she has about 2.27 million times a person's attention "
             "to share, so even one 8,316th of it is far more than one person's.",
    }),
    "q4": Number(expected=duration.threshold_minute(YEAR / 0.4, growth="exponential", rate=0.03),
                 rel_tol=0, abs_tol=0.1,
                 hint="Not yet: in the app choose exponential growth, leave the rate at 0.030, and "
                      "read the minute after 'Threshold passed'."),
    "q5": Number(expected=168, rel_tol=0.01,
                 hint="Not yet: read the last row of the melody toy's table (Samantha's ratio), "
                      "column 'the tune lasts', in days."),
    "q6": Choice(expected="B", options={
        "A": "the essay never mentions how fast Samantha thinks; the speed ratio is the kit's "
             "picture, built on the baby-name scene.",
        "B": "",
        "C": "the essay says the conflict in materiality is not that of having sex.",
        "D": "the essay grants Samantha intuition, through Grosz and Bergson.",
    }),
    "q13": Predicate(test=_rate_for_crossing_works,
                     hint="Not yet: rate_for_crossing(growth, threshold, minute) should return the "
                          "growth rate at which threshold_minute gives that minute."),
    "q14": Predicate(test=_sensitivity_ok,
                     hint="Not yet: one row per calibration, the baseline first, with the columns "
                          "listed in the question."),
}

#: The questions under "Going further (optional, for those who code)".
OPTIONAL = {"q13", "q14"}


def _crosses_at(growth, threshold, minute):
    """A test of a sandbox output: is the returned rate one that passes ``threshold`` at ``minute``?"""
    def test(out):
        rate = out.get("value")
        if not _is_number(rate):
            return False
        passed = duration.threshold_minute(threshold, growth=growth, rate=float(rate),
                                           minutes=minute * 2)
        return passed is not None and abs(passed - minute) <= 0.5
    return test


#: Hidden cases of q13 for ``grade --optional``: the returned rate is tried with the kit's own
#: model, in the grader's process (the function needs the exercise's ``duration`` import, which
#: the sandbox runs from the kit's copy of the exercise).
CASES = {"q13": {"call": "rate_for_crossing", "cases": [
    [[growth, threshold, minute], _crosses_at(growth, threshold, minute)]
    for growth, threshold, minute in CROSSING_CASES]}}
