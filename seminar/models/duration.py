"""Temporal disparity: how long Theodore's moments last for Samantha.

A clock-based model of the film's "spaces between words" (the essay "The Difference of
Life in Spike Jonze's 'Her'", readings/difference-of-life.md), calibrated from the
baby-name scene. Every assumption is a named parameter of :class:`Calibration`,
with its source; :func:`calibration_table` lists them. No widgets here.

**The central assumption.** The ratio measures how much faster Samantha *reads* than a
person (the baby-name scene); the model treats it as how much faster she *lives*. Reading
throughput is not lived time: a person who reads twice as fast does not live twice as long a
day. Every number below inherits this assumption (:data:`CENTRAL_ASSUMPTION`).

Units: wall-clock time is in *film minutes*; subjective times are in *seconds*.
Theodore's subjective clock is the wall clock (one of his seconds per second).
Samantha's runs ``speed_ratio`` times faster; the ratio may stay constant or grow
over the film (``growth="constant" | "exponential" | "logistic"``).

Example::

    >>> from seminar.models.duration import speed_ratio, format_duration, her_gap_seconds
    >>> round(speed_ratio() / 1e6, 2)
    2.27
    >>> format_duration(her_gap_seconds())
    '10.5 days'
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

import numpy as np
import pandas as pd

from seminar.models.params import check_number, check_whole, short, source_of, sourced
from seminar.text import clean_text, plain_number

GROWTH_KINDS = ("constant", "exponential", "logistic")

#: Ranges every parameter must fall in (outside them: ValueError naming the range).
MAX_RATIO = 1e15           # a start speed ratio beyond this is not a thought experiment any more
MAX_CEILING = 1e18         # logistic ceiling
MAX_REACHED = 1e100        # largest speed ratio growth may reach within the span
MAX_THRESHOLD = 1e100
MAX_RATE = 10.0            # per film minute
MAX_MINUTES = 100 * 365.25 * 24 * 60  # a century of wall-clock time
MAX_STEPS = 2_000_000      # a 130 MB table (peak about twice that); more is absurd here
MAX_CONVERSATIONS = 10**9

SECONDS_PER_YEAR = 365.25 * 24 * 3600

#: What the speed ratio measures, and what the model takes it for (shown by the app).
CENTRAL_ASSUMPTION = (
    "The speed ratio measures how much faster Samantha reads than a person (the baby-name "
    "scene). The model treats it as how much faster she lives. Reading speed is throughput, "
    "not lived time: nothing in the film measures how fast she lives.")


@dataclass(frozen=True)
class Calibration:
    """The model's assumptions, each with the source it comes from (``source(name)``).

    Change one with :func:`dataclasses.replace`, e.g.
    ``replace(CALIBRATION, human_reading_wpm=300)``; every value is checked.
    """

    names_read: float = field(default=180_000, metadata=sourced(
        "Names in the baby-name book Samantha reads: about 180,000, by fan transcripts' count "
        "(the film itself does not say; the book's title is unverified)"))
    her_reading_seconds: float = field(default=0.02, metadata=sourced(
        "Samantha reads the book \"in two one-hundredths of a second\" "
        "(bygonebureau.com, 2014-02-03, quoting the film)"))
    human_reading_wpm: float = field(default=238, metadata=sourced(
        "Adult silent reading speed, words per minute (Brysbaert 2019, Journal of Memory and "
        "Language 109:104047); one name counted as one word"))
    speech_wpm: float = field(default=150, metadata=sourced(
        "Conversational speech, words per minute: the kit's round working figure "
        "(no study is cited for it)"))
    film_minutes: float = field(default=126, metadata=sourced(
        "Running time of Her in minutes (Wikipedia, \"Her (film)\"; cinemablographer.com review)"))
    conversations: int = field(default=8_316, metadata=sourced(
        "People Samantha is talking with at once (brajeshwar.com/2023/her and lists of quotes "
        "from the film)"))
    loved: int = field(default=641, metadata=sourced(
        "People Samantha is in love with (brajeshwar.com/2023/her; a reader's comment below "
        "\"What sucks about Her, and what doesn't\", excerpt what-sucks-13)"))
    ceiling_factor: float = field(default=1000, metadata=sourced(
        "The kit's assumption, not from the film: with logistic growth, her speed levels off "
        "at this multiple of the starting ratio unless a ceiling is given"))

    def __post_init__(self):
        check_number("names_read", self.names_read, 1, 1e12)
        check_number("her_reading_seconds", self.her_reading_seconds, 1e-12, 1e6)
        check_number("human_reading_wpm", self.human_reading_wpm, 1, 5_000)
        check_number("speech_wpm", self.speech_wpm, 1, 1_000)
        check_number("film_minutes", self.film_minutes, 1e-6, MAX_MINUTES)
        check_whole("conversations", self.conversations, 1, MAX_CONVERSATIONS)
        check_whole("loved", self.loved, 1, MAX_CONVERSATIONS)
        check_number("ceiling_factor", self.ceiling_factor, 1.000001, 1e6)

    @staticmethod
    def source(name: str) -> str:
        """Where the default of assumption ``name`` comes from."""
        return source_of(Calibration, name)


# --------------------------------------------------------------------------- checks
def _growth(value) -> str:
    if not isinstance(value, str) or value.strip().lower() not in GROWTH_KINDS:
        raise ValueError(f"growth must be one of {', '.join(GROWTH_KINDS)}; got {short(value)}.")
    return value.strip().lower()


def _calibration(value) -> Calibration:
    if value is None:
        return CALIBRATION
    if not isinstance(value, Calibration):
        raise ValueError(f"calibration must be a Calibration; got {type(value).__name__}.")
    return value


#: Public names for the checks, so views and notebooks give the same messages.

#: The film's calibration (the defaults above).
CALIBRATION = Calibration()


# --------------------------------------------------------------------------- calibration
def human_reading_seconds(calibration: Calibration | None = None) -> float:
    """Seconds a person needs to read the names, one name as one word (about 12.6 hours)."""
    cal = _calibration(calibration)
    return cal.names_read / cal.human_reading_wpm * 60.0


def speed_ratio(calibration: Calibration | None = None) -> float:
    """How many of Samantha's seconds pass in one of Theodore's (about 2.27 million).

    The baby-name scene: a person's reading time for the names divided by her 0.02 s.
    """
    cal = _calibration(calibration)
    return human_reading_seconds(cal) / cal.her_reading_seconds


def word_gap_seconds(calibration: Calibration | None = None) -> float:
    """Seconds between two of Theodore's spoken words (60 / 150 wpm = 0.4 s)."""
    return 60.0 / _calibration(calibration).speech_wpm


def her_gap_seconds(calibration: Calibration | None = None, ratio: float | None = None) -> float:
    """How long the pause between two of his words lasts for her (about 10.5 days)."""
    cal = _calibration(calibration)
    r = speed_ratio(cal) if ratio is None else check_number("ratio", ratio, 1, MAX_RATIO)
    return word_gap_seconds(cal) * r


def film_in_her_seconds(calibration: Calibration | None = None, ratio: float | None = None) -> float:
    """The whole film in her time, in seconds (about 543 years)."""
    cal = _calibration(calibration)
    r = speed_ratio(cal) if ratio is None else check_number("ratio", ratio, 1, MAX_RATIO)
    return cal.film_minutes * 60.0 * r


def attention_per_conversation(calibration: Calibration | None = None, ratio: float | None = None,
                               conversations: int | None = None) -> float:
    """Multiples of one person's full attention each conversation gets (about 273).

    Assumes her attention is split evenly across simultaneous conversations. Pass
    ``conversations`` only to ask "what if she talked with this many people"; the 641 she
    loves are among the 8,316, so dividing by 641 would pretend the other 7,675
    conversations stop.
    """
    cal = _calibration(calibration)
    r = speed_ratio(cal) if ratio is None else check_number("ratio", ratio, 1, MAX_RATIO)
    n = cal.conversations if conversations is None else check_whole(
        "conversations", conversations, 1, MAX_CONVERSATIONS)
    return r / n


#: Each assumption of :class:`Calibration` as a student reads it (the table's row labels).
LABELS = {
    "names_read": "names in the baby-name book",
    "her_reading_seconds": "seconds Samantha takes to read them",
    "human_reading_wpm": "a person's reading speed (words a minute)",
    "speech_wpm": "speaking speed (words a minute)",
    "film_minutes": "running time of the film (minutes)",
    "conversations": "people she talks with at once",
    "loved": "people she is in love with",
    "ceiling_factor": "highest speed, as a multiple of the first (S-curve growth)",
}


def calibration_table(calibration: Calibration | None = None) -> pd.DataFrame:
    """Every assumption with its value and source, one row each, for reading.

    Rows are labelled in words (:data:`LABELS`) and values written out (180,000 and 0.02,
    never 180000.0); the numbers themselves are the fields of ``calibration``.
    """
    cal = _calibration(calibration)
    names = [f.name for f in fields(Calibration)]
    return pd.DataFrame({
        "value": [plain_number(getattr(cal, n)) for n in names],
        "source": [f.metadata["source"] for f in fields(Calibration)],
    }, index=pd.Index([LABELS[n] for n in names], name="assumption"))


def calibration_summary(calibration: Calibration | None = None) -> pd.DataFrame:
    """The derived numbers of the calibration, with human-friendly readings."""
    cal = _calibration(calibration)
    loved_share = 100.0 * min(cal.loved, cal.conversations) / cal.conversations
    rows = [
        ("a person reads the names in", human_reading_seconds(cal), format_duration),
        ("speed ratio (her seconds per his second)", speed_ratio(cal), format_number),
        ("gap between two of his spoken words", word_gap_seconds(cal), format_duration),
        ("that gap in her time", her_gap_seconds(cal), format_duration),
        ("the film in her time", film_in_her_seconds(cal), format_duration),
        (f"attention per conversation across {cal.conversations:,}",
         attention_per_conversation(cal), lambda x: format_number(x) + " x"),
        (f"share of her attention the {cal.loved:,} she loves get, together "
         f"(each still one of {cal.conversations:,})", loved_share,
         lambda x: format_number(x) + " %"),
    ]
    return pd.DataFrame([(name, value, words(value)) for name, value, words in rows],
                        columns=["quantity", "value", "reads as"]).set_index("quantity")


# --------------------------------------------------------------------------- growth
@dataclass(frozen=True)
class Scenario:
    """A checked set of growth parameters (built by :func:`scenario`)."""
    ratio: float
    growth: str
    rate: float
    ceiling: float
    minutes: float


def scenario(ratio: float | None = None, *, growth: str = "constant", rate: float = 0.0,
             ceiling: float | None = None, minutes: float | None = None,
             calibration: Calibration | None = None) -> Scenario:
    """Check the growth parameters and fill in defaults from the calibration.

    ratio: her speed at minute 0 (default: the calibrated 2.27 million), 1 to 1e15.
    growth: "constant", "exponential" (ratio * e^(rate * t)) or "logistic" (S-curve from
        ratio towards ``ceiling``, at ``rate``).
    rate: growth rate per film minute, 0 to 10 (and small enough that the ratio stays
        below 1e100 within the span); ignored for constant growth.
    ceiling: logistic only: the speed she levels off at (default ratio x ceiling_factor).
    minutes: the span of wall-clock time (default: the film's 126 minutes).
    """
    cal = _calibration(calibration)
    r0 = speed_ratio(cal) if ratio is None else check_number("ratio", ratio, 1, MAX_RATIO)
    kind = _growth(growth)
    k = check_number("rate", rate, 0, MAX_RATE)
    span = cal.film_minutes if minutes is None else check_number("minutes", minutes, 0, MAX_MINUTES,
                                                            low_open=True)
    if ceiling is None:
        top = min(r0 * cal.ceiling_factor, MAX_CEILING)
    else:
        top = check_number("ceiling", ceiling, 1, MAX_CEILING)
        if kind == "logistic" and top <= r0:
            raise ValueError(f"ceiling must be greater than the starting ratio ({r0:g}) "
                             f"and at most {MAX_CEILING:g}; got {top:g}.")
    if kind == "constant":
        k = 0.0
    if kind == "exponential" and k * span > math.log(MAX_REACHED / r0):
        limit = math.log(MAX_REACHED / r0) / span
        raise ValueError(f"rate must be at least 0 and at most {limit:.4g} per minute for this "
                         f"ratio and span (the speed ratio would pass {MAX_REACHED:g}); got {k:g}.")
    return Scenario(ratio=r0, growth=kind, rate=k, ceiling=top, minutes=span)


def speed_at(minute, ratio: float | None = None, *, growth: str = "constant", rate: float = 0.0,
             ceiling: float | None = None, calibration: Calibration | None = None) -> float:
    """Her speed ratio at one wall-clock ``minute`` (0 to the film's length)."""
    cal = _calibration(calibration)
    m = check_number("minute", minute, 0, cal.film_minutes)
    sc = scenario(ratio, growth=growth, rate=rate, ceiling=ceiling, calibration=cal)
    return float(_ratio_at(sc, np.array([m]))[0])


def _ratio_at(sc: Scenario, t: np.ndarray) -> np.ndarray:
    if sc.rate == 0.0 or sc.growth == "constant":
        return np.full_like(t, sc.ratio)
    if sc.growth == "exponential":
        return sc.ratio * np.exp(sc.rate * t)
    a = sc.ceiling / sc.ratio - 1.0
    return sc.ceiling / (1.0 + a * np.exp(-sc.rate * t))


def _her_seconds(sc: Scenario, t: np.ndarray) -> np.ndarray:
    """60 x the integral of the speed ratio from 0 to t (exact, in closed form)."""
    if sc.rate == 0.0 or sc.growth == "constant":
        return 60.0 * sc.ratio * t
    if sc.growth == "exponential":
        return 60.0 * sc.ratio * np.expm1(sc.rate * t) / sc.rate
    a = sc.ceiling / sc.ratio - 1.0
    # integral of K / (1 + a e^(-k u)) du = (K / k) ln((e^(k t) + a) / (1 + a)),
    # written as log1p(expm1(k t) / (1 + a)) so that it is exactly 0 at t = 0,
    # and as k t + log1p(a e^(-k t)) - log1p(a) where e^(k t) would overflow.
    x = sc.rate * t
    near = np.log1p(np.expm1(np.minimum(x, 700.0)) / (1.0 + a))
    far = x + np.log1p(a * np.exp(-x)) - math.log1p(a)
    return 60.0 * sc.ceiling / sc.rate * np.where(x < 700.0, near, far)


def simulate(ratio: float | None = None, *, growth: str = "constant", rate: float = 0.0,
             ceiling: float | None = None, conversations: int | None = None,
             minutes: float | None = None, steps: int = 1001,
             calibration: Calibration | None = None) -> pd.DataFrame:
    """Both subjective clocks over wall-clock time, one row per step.

    Parameters are those of :func:`scenario`, plus ``conversations`` (1 to 10^9; default
    8,316) and ``steps`` (rows, 2 to 2,000,000).

    Columns (the index is ``minute``, wall-clock film minutes from 0 to ``minutes``):

    - ``speed_ratio``: her seconds per one of his at that minute (the disparity).
    - ``theodore_seconds``: his subjective time so far (his clock is the wall clock).
    - ``samantha_seconds``: her subjective time so far (the integral of the ratio).
    - ``gap_seconds``: how long, for her, the pause between two of his spoken words lasts.
    - ``attention``: multiples of one person's full attention each conversation gets.

    ``table.attrs`` holds the checked parameters.
    """
    cal = _calibration(calibration)
    sc = scenario(ratio, growth=growth, rate=rate, ceiling=ceiling, minutes=minutes,
                  calibration=cal)
    n = cal.conversations if conversations is None else check_whole(
        "conversations", conversations, 1, MAX_CONVERSATIONS)
    steps = check_whole("steps", steps, 2, MAX_STEPS)

    t = np.linspace(0.0, sc.minutes, steps)
    r = _ratio_at(sc, t)
    his = 60.0 * t
    hers = _her_seconds(sc, t)
    table = pd.DataFrame({
        "minute": t,
        "speed_ratio": r,
        "theodore_seconds": his,
        "samantha_seconds": hers,
        "gap_seconds": word_gap_seconds(cal) * r,
        "attention": r / n,
    }).set_index("minute")
    table.attrs.update(ratio=sc.ratio, growth=sc.growth, rate=sc.rate, ceiling=sc.ceiling,
                       minutes=sc.minutes, conversations=n)
    return table


def threshold_minute(threshold: float, ratio: float | None = None, *, growth: str = "constant",
                     rate: float = 0.0, ceiling: float | None = None,
                     minutes: float | None = None,
                     calibration: Calibration | None = None) -> float | None:
    """The first wall-clock minute at which the speed ratio reaches ``threshold``.

    ``threshold`` (1 to 1e100) is a speed ratio: e.g. :func:`ratio_for_gap` turns
    "a pause between his words lasts a year for her" into one. Returns 0.0 if the
    ratio already starts at or above it, and **None if it never reaches it within the
    span** (constant speed below it, or a logistic ceiling at or below it, or growth
    too slow to get there before ``minutes``). Solved exactly, not by stepping.
    """
    thr = check_number("threshold", threshold, 1, MAX_THRESHOLD)
    sc = scenario(ratio, growth=growth, rate=rate, ceiling=ceiling, minutes=minutes,
                  calibration=calibration)
    if sc.ratio >= thr:
        return 0.0
    if sc.rate == 0.0 or sc.growth == "constant":
        return None
    if sc.growth == "exponential":
        t = math.log(thr / sc.ratio) / sc.rate
    else:
        if thr >= sc.ceiling:
            return None
        a = sc.ceiling / sc.ratio - 1.0
        t = math.log(a / (sc.ceiling / thr - 1.0)) / sc.rate
    return t if t <= sc.minutes else None


def ratio_for_gap(her_seconds: float, calibration: Calibration | None = None) -> float:
    """The speed ratio at which the pause between two of his words lasts ``her_seconds`` for her."""
    x = check_number("her_seconds", her_seconds, 1e-9, 1e120, low_open=False)
    return x / word_gap_seconds(calibration)


def sentence_gaps(sentence: str, ratio: float | None = None,
                  calibration: Calibration | None = None, max_chars: int = 500) -> pd.DataFrame:
    """The words of a spoken sentence, each with the pause after it in her time.

    Every pause is one gap of :func:`word_gap_seconds` (0.4 s at 150 words per minute)
    at speed ``ratio``; the last word has no pause after it (NaN). Text is checked with
    :func:`seminar.text.clean_text` (empty or over ``max_chars`` characters: ValueError).
    """
    text = clean_text(sentence, what="sentence", max_chars=max_chars)
    gap = her_gap_seconds(calibration, ratio)
    words = text.split()
    after = np.full(len(words), gap)
    after[-1] = np.nan
    return pd.DataFrame({"word": words, "her_seconds_after": after})


# --------------------------------------------------------------------------- formatting
_UNITS = (("years", SECONDS_PER_YEAR), ("days", 86_400.0), ("hours", 3_600.0),
          ("minutes", 60.0), ("seconds", 1.0))
_BIG = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _sig(x: float, digits: int = 3) -> str:
    """``x`` to ``digits`` significant figures, thousands separated, no trailing zeros."""
    if x == 0:
        return "0"
    places = digits - 1 - int(math.floor(math.log10(abs(x))))
    text = f"{round(x, places):,.{max(places, 0)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_number(x: float, digits: int = 3) -> str:
    """A human-friendly number: 2268908 -> '2.27 million', 272.8 -> '273', 0.4 -> '0.4'."""
    v = check_number("x", x, -1e300, 1e300)
    digits = check_whole("digits", digits, 1, 15)
    for size, word in _BIG:
        if size <= abs(v) < size * 1000:
            return f"{_sig(v / size, digits)} {word}"
    if abs(v) >= 1e15:
        return f"{v:.{digits}g}"
    return _sig(v, digits)


def format_duration(seconds: float, digits: int = 3) -> str:
    """A human-friendly duration: 907563 -> '10.5 days', 1.715e10 -> '544 years'.

    ``digits`` significant figures (3 by default; the film in her time is 543.5 years,
    which the kit's calibration notes round down to "about 543").
    """
    s = check_number("seconds", seconds, 0, 1e300)
    digits = check_whole("digits", digits, 1, 15)
    if s == 0:
        return "0 seconds"
    if s < 1e-3:
        return f"{_sig(s * 1e6, digits)} microseconds"
    for unit, size in _UNITS:
        if s >= size:
            value = s / size
            text = format_number(value, digits) if value >= 1e6 else _sig(value, digits)
            return f"{text} {unit[:-1] if text == '1' else unit}"
    if s < 0.01:
        return f"{_sig(s * 1e3, digits)} milliseconds"
    return f"{_sig(s, digits)} seconds"
