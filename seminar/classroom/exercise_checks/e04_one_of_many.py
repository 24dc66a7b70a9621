"""Self-checks of exercise 04-one-of-many: attention per partner under several models of love.

Samantha's capacity is lesson 03's speed ratio (seminar.models.duration.speed_ratio, about 2.27
million people's full attention), read from there so that the checks follow the calibration.
The growth 0.5, the "linear heart" with add = 0.01, and the threshold 0.3 are the
exercise's assumptions, not facts about the film.
"""
import math

import numpy as np

from seminar.classroom.checks import Choice, Number, Predicate
from seminar.models.duration import speed_ratio

CAPACITY = speed_ratio()
#: The setup cell's ``capacity = speed_ratio()``, computed by the grader itself (it does not run
#: calls from a notebook): answers such as ``capacity / 8316`` are read with this value.
GIVENS = {"capacity": CAPACITY}


def linear_heart_reference(partners, capacity, add):
    """Each love adds ``add`` of the original heart; the whole is shared among the partners."""
    n = np.asarray(partners, dtype=float)
    return capacity * (1.0 + add * (n - 1.0)) / n


def _as_float(value):
    """One number out of a student's result (a float, a numpy scalar, a 1-element array)."""
    if isinstance(value, bool):
        raise TypeError("got True/False, not a number")
    return float(np.asarray(value, dtype=float).reshape(-1)[0]) if np.size(value) == 1 else None


def _linear_heart_is_right(fn):
    if not callable(fn):
        return "Not yet: linear_heart should be a function (def linear_heart(partners, capacity, add): ...)."
    for n, cap, add in [(1, 2.0, 0.3), (2, 1.0, 0.0), (10, 7.5, 1.0), (641, CAPACITY, 0.01),
                        (8316, 1.0, 0.5)]:
        got = _as_float(fn(n, cap, add))
        if got is None:
            return "Not yet: for one partner count, linear_heart should return one number."
        if not math.isclose(got, float(linear_heart_reference(n, cap, add)), rel_tol=1e-9):
            if n == 1:
                return "Not yet: with one partner, the one partner should receive the whole capacity."
            if add == 0:
                return "Not yet: with add = 0 nothing is added, so it should be the box that divides."
            if add == 1:
                return ("Not yet: with add = 1 every love adds a whole heart, so every partner "
                        "should receive the whole capacity.")
            return (f"Not yet: linear_heart({n}, {cap:g}, {add:g}) gave {got:.6g}. Work out the "
                    "whole heart for that many partners first, then share it among them.")
    counts = np.array([1, 2, 641, 8316])
    got = fn(counts, 3.0, 0.2)
    if np.shape(got) != counts.shape:
        return ("Not yet: linear_heart should also work on a numpy array of partner counts "
                "(use arithmetic on the array, not if or a loop).")
    if not np.allclose(np.asarray(got, dtype=float), linear_heart_reference(counts, 3.0, 0.2),
                       rtol=1e-9):
        return "Not yet: right for single counts, but not for an array of them."
    return True


def _plot_is_complete(ax):
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        return "Not yet: pass the Axes you drew on (the ax of fig, ax = plt.subplots())."
    curves = [line for line in ax.get_lines() if len(line.get_xdata()) >= 10]
    if len(curves) < 3:
        return ("Not yet: draw at least three curves (box, heart, linear heart), each over the "
                "range of partners.")
    if ax.get_xscale() != "log" or ax.get_yscale() != "log":
        return ("Not yet: use logarithmic axes on both sides: the numbers span many powers of ten.")

    def is_box(line):
        x = np.asarray(line.get_xdata(), dtype=float)
        y = np.asarray(line.get_ydata(), dtype=float)
        return x.shape == y.shape and np.allclose(y, CAPACITY / x, rtol=1e-6)

    if not any(is_box(line) for line in curves):
        return "Not yet: one curve should be the box that divides Samantha's capacity."
    if len({line.get_linestyle() for line in curves}) < 3:
        return ("Not yet: give each curve its own line style (solid, dashed, dash-dot), so the "
                "curves can be told apart without colour.")
    verticals = {float(x[0]) for x in (np.asarray(line.get_xdata(), dtype=float)
                                       for line in ax.get_lines()) if x.size and np.all(x == x[0])}
    if not {641.0, 8316.0} <= verticals:
        return "Not yet: mark the two counts from the film with vertical lines (ax.axvline)."
    legend = ax.get_legend()
    if legend is None or len(legend.get_texts()) < 3:
        return "Not yet: add a legend naming each curve (label=... in each plot call, then ax.legend())."
    if not ax.get_xlabel().strip() or not ax.get_ylabel().strip():
        return "Not yet: label both axes, with the units of attention."
    return True


CHECKS = {
    # ---- the core: values found with the toy, by reading, or on a calculator
    "q1": Number(expected=CAPACITY / 8316, rel_tol=0.005,
                 hint="Not yet: a box that divides gives each partner the whole capacity divided "
                      "by the number of partners. Use capacity, not a rounded number."),
    "q2": Number(expected=CAPACITY * 641 ** -0.5, rel_tol=0.005,
                 hint="Not yet: the growing heart's whole is capacity times partners to the power "
                      "growth; each partner gets the whole divided by the number of partners."),
    "q3": Number(expected=11, rel_tol=0, abs_tol=1e-9,
                 hint="Not yet: set the app to a person's heart, growth 0.5 and a need of 0.3, "
                      "and read how many partners the growing heart has room for (a whole number)."),
    "q4": Choice(expected="C", options={
        "A": "that is Aristophanes' view (plato-1), the one Diotima answers.",
        "B": "Diotima says lovers seek neither the half nor the whole, unless it is good.",
        "C": "",
        "D": "one beautiful body is only the first step of her ascent (plato-5), not what "
             "love seeks."}),
    "q5": Choice(expected="B", options={
        "A": "that is the attention-budget reading the lesson corrects: the poem is about one "
             "beloved, not about sharing among many.",
        "B": "",
        "C": "neither stanza speaks of death or of time running out.",
        "D": "the speaker does discern infinite passion; the pain is that finite hearts cannot "
             "reach the union it wants."}),
    # ---- Going further (optional, for those who code)
    "q11": Predicate(test=_linear_heart_is_right,
                     hint="Not yet: linear_heart(partners, capacity, add) should return the "
                          "attention each partner receives."),
    "q12": Number(expected=float(linear_heart_reference(8316, CAPACITY, 0.01)), rel_tol=0.005,
                  hint="Not yet: call your linear_heart for 8,316 partners, Samantha's capacity "
                       "and add = 0.01."),
    "q13": Predicate(test=_plot_is_complete,
                     hint="Not yet: draw the three curves on one Axes and pass it to check."),
}

#: Questions under "Going further (optional, for those who code)".
OPTIONAL = {"q11", "q12", "q13"}


#: Hidden cases of q11 for ``grade --optional`` (partners, capacity, add) -> attention each
#: receives, from the reference formula; the partners arrive as numpy arrays (a single count
#: as a 0-d array), so arithmetic on arrays is what passes.
CASES = {"q11": {"call": "linear_heart", "arrays": [0], "cases": [
    *[[[n, cap, add], float(linear_heart_reference(n, cap, add))]
      for n, cap, add in [(1, 2.0, 0.3), (2, 1.0, 0.0), (10, 7.5, 1.0), (641, CAPACITY, 0.01),
                          (8316, 1.0, 0.5)]],
    [[[1, 2, 641, 8316], 3.0, 0.2],
     [float(x) for x in linear_heart_reference([1, 2, 641, 8316], 3.0, 0.2)]],
]}}
