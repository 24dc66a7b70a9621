"""The melody model: the tune as data, its synthesis, stretching, durations and bad input."""
import io
import math
import wave

import numpy as np
import pytest

from seminar.models import duration
from seminar.models import melody as m


def test_the_tune_is_fourteen_notes_sixteen_beats():
    assert len(m.TUNE) == 14 and sum(n.beats for n in m.TUNE) == 16
    assert [n.name for n in m.TUNE[:4]] == ["C4", "C4", "G4", "G4"]
    assert "public domain" in m.TUNE_NOTE and "1761" in m.TUNE_NOTE


@pytest.mark.parametrize("name, hz", [("A4", 440.0), ("C4", 261.6256), ("A5", 880.0),
                                      ("C#5", 554.3653), ("Bb3", 233.0819)])
def test_note_frequencies_are_equal_tempered(name, hz):
    assert m.note_frequency(name) == pytest.approx(hz, rel=1e-6)


@pytest.mark.parametrize("stretch, tune, note, heard", [
    (1, 6.4, 0.4, 14), (10, 64.0, 4.0, 3), (100, 640.0, 40.0, 1), (1000, 6400.0, 400.0, 1)])
def test_durations_scale_with_the_stretch(stretch, tune, note, heard):
    assert m.tune_seconds(stretch) == pytest.approx(tune)
    assert m.note_seconds(stretch) == pytest.approx(note)
    assert m.heard_notes(stretch) == heard
    assert m.clip_seconds(stretch) == pytest.approx(min(tune, m.MAX_SECONDS))


def test_samantha_ratio_as_a_number_only():
    r = duration.speed_ratio()
    # one note is one beat, 0.4 s, the pause between two of Theodore's words
    assert m.note_seconds(r) == pytest.approx(duration.her_gap_seconds())
    assert duration.format_duration(m.note_seconds(r)) == "10.5 days"
    assert duration.format_duration(m.tune_seconds(r)) == "168 days"
    table = m.stretch_table(r)
    assert list(table["one note lasts"]) == ["0.4 seconds", "4 seconds", "40 seconds",
                                             "6.67 minutes", "10.5 days"]
    assert table["you hear"].iloc[-1] == "nothing: a number only"
    assert table["notes heard"].iloc[1] == "3 of 14"


def test_schedule_starts_follow_lengths():
    s = m.schedule(stretch=10)
    assert s.start.iloc[0] == 0 and np.allclose(s.start.iloc[1:], np.cumsum(s.seconds)[:-1])
    assert s.seconds.iloc[6] == pytest.approx(8.0)  # the G held for two beats


def _dominant_hz(samples, rate=m.SAMPLE_RATE):
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    return np.fft.rfftfreq(samples.size, 1 / rate)[spectrum.argmax()]


def test_synthesis_plays_the_right_pitches_at_the_right_times():
    s = m.synthesise()
    rate = m.SAMPLE_RATE
    assert s.dtype == np.float32 and s.size == round(6.4 * rate)
    assert np.abs(s).max() <= 1.0 and np.abs(s).max() > 0.3
    for i, note in enumerate(m.TUNE[:8]):  # the middle of each note sounds at its pitch
        start = m.schedule().start.iloc[i]
        mid = s[int((start + 0.1) * rate): int((start + 0.3) * rate)]
        assert _dominant_hz(mid) == pytest.approx(note.frequency, abs=8)


def test_a_stretched_note_is_the_same_pitch_held_longer():
    s = m.synthesise(stretch=100)
    assert s.size == round(m.MAX_SECONDS * m.SAMPLE_RATE)  # only the first seconds are rendered
    for a, b in ((0.5, 1.5), (8.0, 9.0)):  # still the first note, a C, all through the clip
        assert _dominant_hz(s[int(a * m.SAMPLE_RATE): int(b * m.SAMPLE_RATE)]) == pytest.approx(261.6, abs=3)
    rms = np.sqrt(np.mean(s[m.SAMPLE_RATE:].astype(float) ** 2))
    assert rms > 0.2  # held, not decayed to silence


def test_the_notes_are_separated_by_short_fades():
    s = m.synthesise()
    rate = m.SAMPLE_RATE
    boundary = int(0.4 * rate)  # between the first two notes the sound dips to near silence
    assert np.abs(s[boundary - 3: boundary + 3]).max() < 0.05
    assert np.abs(s[boundary + int(0.1 * rate): boundary + int(0.2 * rate)]).max() > 0.3


def test_huge_stretch_costs_no_more_than_a_clip():
    s = m.synthesise(stretch=duration.speed_ratio(), max_seconds=2)
    assert s.size == 2 * m.SAMPLE_RATE


def test_wav_is_mono_16_bit_with_the_expected_length():
    data = m.tune_wav(10)
    with wave.open(io.BytesIO(data)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, m.SAMPLE_RATE)
        assert w.getnframes() / w.getframerate() == pytest.approx(m.MAX_SECONDS)
    assert len(data) == 44 + 2 * m.SAMPLE_RATE * int(m.MAX_SECONDS)
    assert len(data) < 200_000  # small enough to send to a browser at once


def test_a_melody_of_ones_own():
    notes = m.parse_melody("e4:2 D#4 c4:0.5")
    assert [(n.name, n.beats) for n in notes] == [("E4", 2.0), ("D#4", 1.0), ("C4", 0.5)]
    assert m.tune_seconds(1, "e4:2 D#4 c4:0.5") == pytest.approx(1.4)
    assert m.synthesise("A4").size == round(0.4 * m.SAMPLE_RATE)


@pytest.mark.parametrize("bad, words", [
    ("", "at least one note"), ("   ", "at least one note"), ("H4", "not a note"),
    ("C4 <script>", "not a note"), ("C4:0", "length of C4"), ("C4:99", "length of C4"),
    ("C0", "outside the range"), ("😀", "not a note"), ("مرحبا", "not a note"),
    ("C4 " * 201, "at most 200"), (42, "is text"), (None, "is text")])
def test_bad_melodies_get_a_clear_message(bad, words):
    with pytest.raises(ValueError, match=words):
        m.parse_melody(bad)


@pytest.mark.parametrize("kwargs, words", [
    ({"stretch": 0}, "stretch"), ({"stretch": -1}, "stretch"), ({"stretch": math.nan}, "stretch"),
    ({"stretch": 10 ** 400}, "stretch"), ({"stretch": "10"}, "stretch"), ({"stretch": True}, "stretch"),
    ({"max_seconds": 0}, "max_seconds"), ({"max_seconds": 600}, "max_seconds"),
    ({"sample_rate": 100}, "sample_rate"), ({"sample_rate": 8000.5}, "sample_rate"),
    ({"melody": 3.5}, "melody must be")])
def test_bad_settings_get_a_clear_message(kwargs, words):
    with pytest.raises(ValueError, match=words):
        m.synthesise(**kwargs)


def test_wav_refuses_bad_samples():
    with pytest.raises(ValueError, match="finite"):
        m.wav_bytes(np.array([0.0, np.nan]))
    with pytest.raises(ValueError, match="one-dimensional"):
        m.wav_bytes(np.zeros((2, 2)))


def test_descriptions_say_what_is_heard():
    assert m.describe_clip(1).startswith("The whole tune, 14 notes")
    assert "first 3 of 14 notes (C C G)" in m.describe_clip(10)
    assert m.describe_clip(1000).startswith("One steady tone (C, 262 Hz)")
