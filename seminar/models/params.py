"""Checking a model's parameters: a ValueError that names the parameter and its range.

Shared by the models (duration, community, attention, ...), so every toy answers a bad
value (zero, negative, NaN, infinite, a bool or a string, an absurd size) the same way.
"""
from __future__ import annotations

import math
from numbers import Integral, Real


def short(value) -> str:
    """A repr short enough for a message (a student may pass a megabyte of text)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_number(name: str, value, low: float, high: float, *, low_open: bool = False) -> float:
    """``value`` as a finite float in [low, high] (or (low, high]), else ValueError naming both."""
    where = f"{'greater than' if low_open else 'at least'} {low:g} and at most {high:g}"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a number {where}; got {type(value).__name__} {short(value)}.")
    try:
        x = float(value)
    except OverflowError:  # a whole number too large for a float, such as 10**400
        raise ValueError(f"{name} must be {where}; got a number far too large "
                         f"(about 10**{_digits(value)}).") from None
    if math.isnan(x) or math.isinf(x):
        raise ValueError(f"{name} must be a finite number {where}; got {x}.")
    if x < low or x > high or (low_open and x == low):
        raise ValueError(f"{name} must be {where}; got {x:g}.")
    return x


def _digits(value) -> int:
    """Roughly how many decimal digits a huge whole number has (without printing it)."""
    try:
        return int(abs(int(value)).bit_length() * 0.30103)
    except (TypeError, ValueError, OverflowError):
        return 308


def check_whole(name: str, value, low: int, high: int) -> int:
    """``value`` as an int in [low, high], else ValueError naming the range."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError(f"{name} must be a whole number from {low:,} to {high:,}; "
                         f"got {type(value).__name__} {short(value)}.")
    if not low <= int(value) <= high:
        shown = f"{int(value):,}" if abs(int(value)).bit_length() < 200 else f"about 10**{_digits(value)}"
        raise ValueError(f"{name} must be a whole number from {low:,} to {high:,}; got {shown}.")
    return int(value)


def sourced(text: str) -> dict:
    """Field metadata saying where a dataclass default comes from (see :func:`source_of`)."""
    return {"source": text}


def source_of(cls, name: str) -> str:
    """Where the default of field ``name`` of dataclass ``cls`` comes from."""
    from dataclasses import fields

    for f in fields(cls):
        if f.name == name:
            return f.metadata["source"]
    known = ", ".join(f.name for f in fields(cls))
    raise ValueError(f"No assumption called {name!r}; known: {known}.")
