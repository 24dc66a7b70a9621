"""Bergson's melody, heard: a short public-domain tune synthesised with numpy, and stretched.

Bergson's image of pure duration is "the notes of a tune, melting, so to speak, into one
another" (Time and Free Will, `bergson-time-free-will-2`). This model plays a tune at its
own pace and with every note stretched ``stretch`` times, so a class can hear the tune stop
being a tune. No audio files: every sample is computed here. No widgets here.

The tune is the first two phrases of the French melody "Ah ! vous dirai-je, maman" (known
in English as the tune of "Twinkle, Twinkle, Little Star"): an anonymous eighteenth-century
melody, first printed in 1761 and the theme of Mozart's twelve variations K. 265 (1781
or 1782). Its composer is unknown and it has been in the public domain for more than two centuries;
the notes below are written out by the kit as pitch names, not copied from any modern
engraved edition (whose layout could carry its own copyright). See :data:`TUNE_NOTE`.

One beat lasts 0.4 s (150 beats a minute), the same as the pause between two of
Theodore's spoken words at 150 words a minute in :mod:`seminar.models.duration`: one note
of the tune stands for one word.

Long stretches are never synthesised whole (at 1,000x the tune lasts well over an hour):
:func:`synthesise` renders only the first ``max_seconds`` (10 s by default), at a low
sample rate (8,000 samples a second, 16-bit mono: 16 kB a second, 160 kB for 10 s).

Example::

    >>> from seminar.models.melody import tune_seconds, heard_notes
    >>> tune_seconds(1), tune_seconds(10)
    (6.4, 64.0)
    >>> heard_notes(10)
    3
"""
from __future__ import annotations

import io
import re
import wave
from dataclasses import dataclass

import numpy as np
import pandas as pd

from seminar.models.params import check_number, check_whole, short

#: The tune, as pitch names with octave (C4 is middle C) and a length in beats after ":".
TUNE_TEXT = "C4 C4 G4 G4 A4 A4 G4:2 F4 F4 E4 E4 D4 D4 C4:2"
TUNE_NAME = "\u201cAh ! vous dirai-je, maman\u201d (the tune of \u201cTwinkle, Twinkle, Little Star\u201d)"
TUNE_NOTE = (
    "An anonymous French melody of the eighteenth century (first printed in 1761; Mozart's "
    "twelve variations K. 265, of 1781 or 1782, are on it). Its composer is unknown and it has been in "
    "the public domain for more than two centuries. The kit writes its notes out itself, as "
    "pitch names, rather than copying a modern engraved edition.")
#: Seconds per beat: 150 beats a minute, the pace of Theodore's words (150 words a minute).
BEAT_SECONDS = 0.4
SAMPLE_RATE = 8_000        # samples a second: low, but the tune's top note is 440 Hz
MAX_SECONDS = 10.0         # the default length of a rendered clip (160 kB)
MAX_CLIP_SECONDS = 30.0    # never render more than this (480 kB at 8,000 samples a second)
MAX_STRETCH = 1e15
MAX_NOTES = 200
STRETCHES = (1, 10, 100, 1000)

_NAMES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_NOTE = re.compile(r"^([A-Ga-g])([#b]?)(\d)(?::(\d+(?:\.\d+)?))?$")
ATTACK, RELEASE = 0.015, 0.05   # seconds of fade in and out at each note's ends


@dataclass(frozen=True)
class Note:
    """One note: its name (``"G4"``), frequency in Hz and length in beats."""
    name: str
    frequency: float
    beats: float


def note_frequency(name: str) -> float:
    """Equal-tempered frequency of a pitch name such as ``"A4"`` (440 Hz) or ``"C#5"``."""
    if not isinstance(name, str):
        raise ValueError(f"A note is a pitch name such as 'A4'; got {type(name).__name__} {short(name)}.")
    found = _NOTE.match(name.strip())
    if not found or found.group(4):
        raise ValueError(f"A note is a letter A-G, an optional # or b, and an octave 0-9, such as "
                         f"'A4' or 'C#5'; got {short(name)}.")
    letter, accidental, octave = found.group(1).upper(), found.group(2), int(found.group(3))
    semitone = _NAMES[letter] + {"#": 1, "b": -1, "": 0}[accidental]
    midi = 12 * (octave + 1) + semitone
    return 440.0 * 2.0 ** ((midi - 69) / 12)


def parse_melody(text: str = TUNE_TEXT) -> tuple[Note, ...]:
    """Notes from text such as ``"C4 C4 G4:2"`` (a length in beats after ":", default 1).

    Raises ValueError, naming the bad note, for anything else (empty text, more than 200
    notes, a note outside 20 Hz to 4 kHz, a length outside 0.125 to 16 beats).
    """
    if not isinstance(text, str):
        raise ValueError(f"A melody is text such as 'C4 C4 G4:2'; got {type(text).__name__} {short(text)}.")
    tokens = text.split()
    if not tokens:
        raise ValueError("A melody needs at least one note, such as 'C4 C4 G4:2'.")
    if len(tokens) > MAX_NOTES:
        raise ValueError(f"A melody here has at most {MAX_NOTES} notes; got {len(tokens):,}.")
    notes = []
    for token in tokens:
        found = _NOTE.match(token)
        if not found:
            raise ValueError(f"{short(token)} is not a note: write a letter A-G, an optional # or b, "
                             "an octave 0-9, and optionally ':' and a length in beats, as in 'G4:2'.")
        pitch = token.split(":")[0]
        beats = float(found.group(4)) if found.group(4) else 1.0
        check_number(f"the length of {pitch}", beats, 0.125, 16)
        freq = note_frequency(pitch)
        if not 20 <= freq <= 4000:
            raise ValueError(f"{pitch} ({freq:.0f} Hz) is outside the range this toy plays, 20 Hz to 4 kHz.")
        notes.append(Note(pitch.upper(), freq, beats))
    return tuple(notes)


TUNE = parse_melody(TUNE_TEXT)


def _melody(melody) -> tuple[Note, ...]:
    if melody is None:
        return TUNE
    if isinstance(melody, str):
        return parse_melody(melody)
    if isinstance(melody, (tuple, list)) and melody and all(isinstance(n, Note) for n in melody):
        return tuple(melody)
    raise ValueError(f"melody must be text such as 'C4 C4 G4:2' or a list of Notes; got "
                     f"{type(melody).__name__} {short(melody)}.")


def _stretch(stretch) -> float:
    return check_number("stretch", stretch, 1e-3, MAX_STRETCH)


# --------------------------------------------------------------------------- durations
def schedule(melody=None, stretch: float = 1, *, beat_seconds: float = BEAT_SECONDS) -> pd.DataFrame:
    """One row per note: ``note``, ``hz``, ``start`` and ``seconds`` (its length), stretched."""
    notes, k = _melody(melody), _stretch(stretch)
    beat = check_number("beat_seconds", beat_seconds, 0.01, 10)
    lengths = np.array([n.beats for n in notes]) * beat * k
    starts = np.concatenate([[0.0], np.cumsum(lengths)[:-1]])
    return pd.DataFrame({"note": [n.name for n in notes], "hz": [n.frequency for n in notes],
                         "start": starts, "seconds": lengths})


def tune_seconds(stretch: float = 1, melody=None, *, beat_seconds: float = BEAT_SECONDS) -> float:
    """How long the whole tune lasts with every note stretched ``stretch`` times."""
    notes = _melody(melody)
    beat = check_number("beat_seconds", beat_seconds, 0.01, 10)
    return round(sum(n.beats for n in notes) * beat * _stretch(stretch), 9)


def note_seconds(stretch: float = 1, *, beats: float = 1, beat_seconds: float = BEAT_SECONDS) -> float:
    """How long one note of ``beats`` beats lasts when stretched (0.4 s unstretched)."""
    b = check_number("beats", beats, 0.125, 16)
    return round(b * check_number("beat_seconds", beat_seconds, 0.01, 10) * _stretch(stretch), 9)


def heard_notes(stretch: float = 1, max_seconds: float = MAX_SECONDS, melody=None) -> int:
    """How many notes begin within the first ``max_seconds`` of the stretched tune."""
    limit = check_number("max_seconds", max_seconds, 0.01, MAX_CLIP_SECONDS)
    table = schedule(melody, stretch)
    return int((table.start < limit - 1e-9).sum())


def clip_seconds(stretch: float = 1, max_seconds: float = MAX_SECONDS, melody=None) -> float:
    """Length of the clip :func:`synthesise` renders: the tune, or its first ``max_seconds``."""
    limit = check_number("max_seconds", max_seconds, 0.01, MAX_CLIP_SECONDS)
    return min(tune_seconds(stretch, melody), limit)


# --------------------------------------------------------------------------- sound
def synthesise(melody=None, stretch: float = 1, *, max_seconds: float = MAX_SECONDS,
               sample_rate: int = SAMPLE_RATE, beat_seconds: float = BEAT_SECONDS) -> np.ndarray:
    """The first ``max_seconds`` of the tune with each note stretched, as float32 in [-1, 1].

    Each note is a soft organ-like tone (a sine with two quiet overtones) held for its whole
    stretched length, with a 15 ms fade in and a 50 ms fade out, so a stretched note is the
    same note held longer, at the same pitch. Only notes that begin within the clip are
    computed, so even a stretch of a million costs no more than 1x.
    """
    notes, k = _melody(melody), _stretch(stretch)
    limit = check_number("max_seconds", max_seconds, 0.01, MAX_CLIP_SECONDS)
    rate = check_whole("sample_rate", sample_rate, 4_000, 48_000)
    table = schedule(notes, k, beat_seconds=beat_seconds)
    total = min(float(table.seconds.sum()), limit)
    out = np.zeros(int(round(total * rate)), dtype=np.float32)
    for start, length, hz in zip(table.start, table.seconds, table.hz):
        if start >= total:
            break
        first = int(round(start * rate))
        last = min(int(round((start + length) * rate)), out.size)
        n = last - first
        if n <= 0:
            continue
        t = np.arange(n, dtype=np.float64) / rate
        tone = (np.sin(2 * np.pi * hz * t) + 0.3 * np.sin(4 * np.pi * hz * t)
                + 0.15 * np.sin(6 * np.pi * hz * t)) / 1.45
        envelope = np.ones(n)
        a = min(int(ATTACK * rate), n)
        envelope[:a] = np.linspace(0.0, 1.0, a, endpoint=False)
        note_end = int(round(length * rate))  # the fade out belongs to the note's real end
        r = int(RELEASE * rate)
        if note_end - r < n:
            tail = np.clip((note_end - np.arange(n)) / r, 0.0, 1.0)
            envelope = np.minimum(envelope, tail)
        out[first:last] = (0.6 * tone * envelope).astype(np.float32)
    return out


def wav_bytes(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> bytes:
    """``samples`` (floats in [-1, 1]) as a 16-bit mono WAV file, in memory."""
    rate = check_whole("sample_rate", sample_rate, 4_000, 48_000)
    data = np.asarray(samples, dtype=np.float64)
    if data.ndim != 1 or not np.all(np.isfinite(data)):
        raise ValueError("samples must be a one-dimensional array of finite numbers.")
    pcm = (np.clip(data, -1.0, 1.0) * 32767).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


def tune_wav(stretch: float = 1, melody=None, *, max_seconds: float = MAX_SECONDS,
             sample_rate: int = SAMPLE_RATE) -> bytes:
    """A WAV of the (first ``max_seconds`` of the) stretched tune: 16 kB a second at 8 kHz."""
    return wav_bytes(synthesise(melody, stretch, max_seconds=max_seconds, sample_rate=sample_rate),
                     sample_rate)


# --------------------------------------------------------------------------- words
def stretch_table(ratio: float, stretches=STRETCHES, max_seconds: float = MAX_SECONDS,
                  melody=None) -> pd.DataFrame:
    """What each stretch does to the tune, and the same at Samantha's ``ratio`` (not playable).

    Columns: ``one note lasts``, ``the tune lasts``, ``you hear`` (the clip) and
    ``notes heard`` (of the tune's notes, how many begin within the clip).
    """
    from seminar.models.duration import format_duration, format_number

    r = check_number("ratio", ratio, 1, MAX_STRETCH)
    notes = _melody(melody)
    rows = []
    for k in list(stretches) + [r]:
        playable = k in stretches
        rows.append({
            "stretch": (f"{format_number(k)}x" if playable else
                        f"{format_number(k)} times (Samantha's ratio)"),
            "one note lasts": format_duration(note_seconds(k)),
            "the tune lasts": format_duration(tune_seconds(k, notes)),
            "you hear": (format_duration(clip_seconds(k, max_seconds, notes)) if playable
                         else "nothing: a number only"),
            "notes heard": (f"{heard_notes(k, max_seconds, notes)} of {len(notes)}" if playable
                            else "-"),
        })
    return pd.DataFrame(rows).set_index("stretch")


def describe_clip(stretch: float, max_seconds: float = MAX_SECONDS, melody=None) -> str:
    """In words, what a listener hears in the clip (for screen readers, and for everyone)."""
    from seminar.models.duration import format_duration

    notes = _melody(melody)
    k = _stretch(stretch)
    heard = heard_notes(k, max_seconds, notes)
    clip = clip_seconds(k, max_seconds, notes)
    whole = tune_seconds(k, notes)
    names = " ".join(n.name[:-1] for n in notes[:heard])
    if heard == len(notes) and whole <= clip + 1e-9:
        return (f"The whole tune, {len(notes)} notes in {format_duration(whole)}: {names}.")
    if heard == 1:
        return (f"One steady tone ({notes[0].name[:-1]}, {notes[0].frequency:.0f} Hz) for all "
                f"{format_duration(clip)} of the clip: the first note alone lasts "
                f"{format_duration(note_seconds(k, beats=notes[0].beats))}. The tune would take "
                f"{format_duration(whole)}.")
    return (f"The first {heard} of {len(notes)} notes ({names}) in {format_duration(clip)}; each "
            f"note lasts {format_duration(note_seconds(k))}, and the whole tune would take "
            f"{format_duration(whole)}.")


__all__ = ["TUNE", "TUNE_TEXT", "TUNE_NAME", "TUNE_NOTE", "BEAT_SECONDS", "SAMPLE_RATE",
           "MAX_SECONDS", "STRETCHES", "Note", "note_frequency", "parse_melody", "schedule",
           "tune_seconds", "note_seconds", "heard_notes", "clip_seconds", "synthesise", "wav_bytes",
           "tune_wav", "stretch_table", "describe_clip"]
