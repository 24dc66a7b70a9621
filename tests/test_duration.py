"""The temporal-disparity model: calibration, growth, threshold, table, and bad parameters."""
import math
import re
from dataclasses import FrozenInstanceError, fields, replace

import numpy as np
import pandas as pd
import pytest

from seminar.models import duration as d

YEAR = d.SECONDS_PER_YEAR


# -- calibration numbers (film-facts.md), within 2% -----------------------------------
def test_speed_ratio_is_about_2_27_million():
    assert d.speed_ratio() == pytest.approx(2.27e6, rel=0.02)


def test_person_reads_the_names_in_about_12_6_hours():
    assert d.human_reading_seconds() / 3600 == pytest.approx(12.6, rel=0.02)


def test_gap_between_words_is_0_4_s_and_about_10_5_days_for_her():
    assert d.word_gap_seconds() == pytest.approx(0.4, rel=1e-12)
    assert d.her_gap_seconds() / 86400 == pytest.approx(10.5, rel=0.02)


def test_film_is_about_543_years_of_her_time():
    assert d.film_in_her_seconds() / YEAR == pytest.approx(543, rel=0.02)


def test_attention_across_8316_conversations_is_about_273():
    assert d.attention_per_conversation() == pytest.approx(273, rel=0.02)
    # "what if she talked only with the 641": a counterfactual, not the film's situation
    assert d.attention_per_conversation(conversations=641) == pytest.approx(3540, rel=0.02)


def test_the_641_share_her_attention_with_the_other_7675():
    summary = d.calibration_summary()
    row = [q for q in summary.index if "641 she loves" in q]
    assert len(row) == 1 and "8,316" in row[0]
    assert summary.loc[row[0], "value"] == pytest.approx(100 * 641 / 8316)
    assert summary.loc[row[0], "reads as"] == "7.71 %"
    assert not any("3,540" in v or "3.54" in v for v in summary["reads as"])


def test_the_central_assumption_is_stated():
    assert "reads" in d.CENTRAL_ASSUMPTION and "lives" in d.CENTRAL_ASSUMPTION
    assert "CENTRAL_ASSUMPTION" in d.__doc__


def test_every_assumption_has_a_source_and_the_film_values():
    cal = d.CALIBRATION
    assert (cal.names_read, cal.her_reading_seconds, cal.human_reading_wpm, cal.speech_wpm,
            cal.film_minutes, cal.conversations, cal.loved) == (180_000, 0.02, 238, 150, 126, 8316, 641)
    for f in fields(d.Calibration):
        assert len(d.Calibration.source(f.name)) > 20, f.name
    assert "fan transcripts" in d.Calibration.source("names_read")
    assert "two one-hundredths of a second" in d.Calibration.source("her_reading_seconds")
    assert "Brysbaert 2019" in d.Calibration.source("human_reading_wpm")
    table = d.calibration_table()
    assert list(table.index) == [d.LABELS[f.name] for f in fields(d.Calibration)]
    with pytest.raises(ValueError, match="No assumption"):
        d.Calibration.source("nonsense")


def test_calibration_is_frozen_and_replace_changes_the_numbers():
    with pytest.raises(FrozenInstanceError):
        d.CALIBRATION.speech_wpm = 100  # type: ignore[misc]
    faster_reader = replace(d.CALIBRATION, human_reading_wpm=300)
    assert d.speed_ratio(faster_reader) == pytest.approx(d.speed_ratio() * 238 / 300)
    slower_speech = replace(d.CALIBRATION, speech_wpm=100)
    assert d.her_gap_seconds(slower_speech) == pytest.approx(d.her_gap_seconds() * 1.5)


def test_summary_reads_as_the_numbers_in_words():
    reads = d.calibration_summary()["reads as"].tolist()
    assert "2.27 million" in reads and "10.5 days" in reads and "12.6 hours" in reads
    assert "273 x" in reads and "544 years" in reads


# -- formatting -----------------------------------------------------------------------
@pytest.mark.parametrize("seconds, text", [
    (d.her_gap_seconds(), "10.5 days"), (543 * YEAR, "543 years"), (0.4, "0.4 seconds"),
    (0.02, "0.02 seconds"), (1, "1 second"), (60, "1 minute"), (45_378, "12.6 hours"),
    (86_400, "1 day"), (0, "0 seconds"), (0.004, "4 milliseconds"), (2e-5, "20 microseconds"),
    (2.5e6 * YEAR, "2.5 million years"), (59_855 * YEAR, "59,900 years"),
])
def test_format_duration(seconds, text):
    assert d.format_duration(seconds) == text


def test_format_duration_digits_and_numbers():
    assert d.format_duration(d.film_in_her_seconds(), digits=4) == "543.5 years"
    assert d.format_number(d.speed_ratio()) == "2.27 million"
    assert d.format_number(272.836) == "273"
    assert d.format_number(3.2e9) == "3.2 billion"
    assert d.format_number(1e20) == "1e+20"


@pytest.mark.parametrize("bad", [-1, math.nan, math.inf, "10", None, True])
def test_format_duration_rejects_bad_values(bad):
    with pytest.raises(ValueError, match="seconds"):
        d.format_duration(bad)


# -- the table --------------------------------------------------------------------------
COLUMNS = ["speed_ratio", "theodore_seconds", "samantha_seconds", "gap_seconds", "attention"]


@pytest.mark.parametrize("growth", d.GROWTH_KINDS)
def test_simulate_columns_and_monotone_clocks(growth):
    table = d.simulate(growth=growth, rate=0.03, steps=501)
    assert isinstance(table, pd.DataFrame)
    assert table.index.name == "minute" and list(table.columns) == COLUMNS
    assert len(table) == 501
    assert table.index[0] == 0 and table.index[-1] == pytest.approx(126)
    assert table.notna().all().all() and np.isfinite(table.to_numpy()).all()
    for col in ("theodore_seconds", "samantha_seconds"):
        assert table[col].is_monotonic_increasing and table[col].diff().iloc[1:].gt(0).all()
    assert table.speed_ratio.is_monotonic_increasing
    # her clock runs ahead of his by at least the starting ratio
    assert (table.samantha_seconds.iloc[1:] >= table.theodore_seconds.iloc[1:] * d.speed_ratio() * 0.999).all()
    assert np.allclose(table.gap_seconds, 0.4 * table.speed_ratio)
    assert np.allclose(table.attention, table.speed_ratio / 8316)
    assert table.attrs["growth"] == growth


def test_constant_growth_reproduces_the_calibration_at_the_end_of_the_film():
    table = d.simulate()
    last = table.iloc[-1]
    assert last.theodore_seconds == pytest.approx(126 * 60)
    assert last.samantha_seconds / YEAR == pytest.approx(543, rel=0.02)
    assert last.gap_seconds / 86400 == pytest.approx(10.5, rel=0.02)
    assert last.attention == pytest.approx(273, rel=0.02)
    assert (table.speed_ratio == table.speed_ratio.iloc[0]).all()


def test_exponential_growth_matches_closed_form_and_a_numeric_integral():
    k, r0 = 0.03, 2e6
    table = d.simulate(r0, growth="exponential", rate=k, steps=20_001)
    t = table.index.to_numpy()
    assert np.allclose(table.speed_ratio, r0 * np.exp(k * t))
    numeric = np.concatenate([[0], np.cumsum(np.diff(t) * (table.speed_ratio.to_numpy()[1:]
                                                            + table.speed_ratio.to_numpy()[:-1]) / 2)]) * 60
    assert np.allclose(table.samantha_seconds, numeric, rtol=1e-6)


def test_logistic_growth_levels_off_below_its_ceiling():
    table = d.simulate(1e6, growth="logistic", rate=0.2, ceiling=1e8, steps=4001)
    r = table.speed_ratio
    assert r.iloc[0] == pytest.approx(1e6) and r.max() < 1e8 and r.iloc[-1] > 0.99e8
    t = table.index.to_numpy()
    numeric = np.concatenate([[0], np.cumsum(np.diff(t) * (r.to_numpy()[1:] + r.to_numpy()[:-1]) / 2)]) * 60
    assert np.allclose(table.samantha_seconds, numeric, rtol=1e-5)
    default = d.simulate(1e6, growth="logistic", rate=0.2)
    assert default.attrs["ceiling"] == pytest.approx(1e6 * d.CALIBRATION.ceiling_factor)


def test_rate_zero_is_constant_for_every_kind():
    base = d.simulate(steps=11)
    for growth in ("exponential", "logistic"):
        pd.testing.assert_frame_equal(d.simulate(growth=growth, rate=0.0, steps=11), base,
                                      check_like=False, obj=growth)


def test_growth_is_case_and_space_tolerant():
    assert d.simulate(growth=" Exponential ", rate=0.01, steps=3).attrs["growth"] == "exponential"


def test_a_million_steps_are_fine():
    table = d.simulate(growth="logistic", rate=0.05, steps=1_000_000)
    assert len(table) == 1_000_000 and table.samantha_seconds.is_monotonic_increasing


def test_speed_at_and_sentence_gaps():
    assert d.speed_at(0) == pytest.approx(d.speed_ratio())
    assert d.speed_at(100, 2e6, growth="exponential", rate=0.01) == pytest.approx(2e6 * math.e)
    words = d.sentence_gaps("Sometimes I think")
    assert words.word.tolist() == ["Sometimes", "I", "think"]
    assert words.her_seconds_after.iloc[0] / 86400 == pytest.approx(10.5, rel=0.02)
    assert math.isnan(words.her_seconds_after.iloc[-1])
    emoji = d.sentence_gaps("<b>hi</b> مرحبا 😀")
    assert emoji.word.tolist() == ["<b>hi</b>", "مرحبا", "😀"]  # kept raw; views escape
    for bad in ("", "   ", "x" * 501, None, 42):
        with pytest.raises(ValueError):
            d.sentence_gaps(bad)


# -- the threshold ------------------------------------------------------------------------
def test_ratio_for_gap_inverts_the_gap():
    assert d.ratio_for_gap(d.her_gap_seconds()) == pytest.approx(d.speed_ratio())
    assert d.ratio_for_gap(YEAR) == pytest.approx(YEAR / 0.4)


def test_threshold_constant_never_or_from_the_start():
    assert d.threshold_minute(1e8) is None                 # never: constant below it
    assert d.threshold_minute(1e6) == 0.0                  # already past at minute 0


def test_threshold_exponential_is_exact_and_matches_the_table():
    thr, k = d.ratio_for_gap(YEAR), 0.03
    t = d.threshold_minute(thr, growth="exponential", rate=k)
    assert t == pytest.approx(math.log(thr / d.speed_ratio()) / k)
    assert 0 < t < 126
    table = d.simulate(growth="exponential", rate=k, steps=12_601)
    first = table.index[(table.speed_ratio >= thr).to_numpy().argmax()]
    assert first == pytest.approx(t, abs=0.011)
    # the rate that puts the crossing exactly at the end of the film
    k_end = math.log(thr / d.speed_ratio()) / 126
    assert d.threshold_minute(thr, growth="exponential", rate=k_end) == pytest.approx(126)
    assert d.threshold_minute(thr, growth="exponential", rate=k_end * 0.99) is None


def test_threshold_logistic_exact_and_never_above_ceiling():
    t = d.threshold_minute(5e7, 1e6, growth="logistic", rate=0.1, ceiling=1e8)
    assert d.speed_at(t, 1e6, growth="logistic", rate=0.1, ceiling=1e8) == pytest.approx(5e7)
    assert d.threshold_minute(1e8, 1e6, growth="logistic", rate=0.1, ceiling=1e8) is None
    assert d.threshold_minute(2e8, 1e6, growth="logistic", rate=5, ceiling=1e8) is None


def test_threshold_beyond_the_span_is_none_but_found_with_a_longer_span():
    assert d.threshold_minute(1e9, growth="exponential", rate=0.01) is None
    t = d.threshold_minute(1e9, growth="exponential", rate=0.01, minutes=1000)
    assert t == pytest.approx(math.log(1e9 / d.speed_ratio()) / 0.01)


# -- invalid parameters: ValueError naming the parameter and its range ------------------
BAD_NUMBERS = [0, -1, math.nan, math.inf, -math.inf, "2", True, None, [1], 1e400]


@pytest.mark.parametrize("bad", [b for b in BAD_NUMBERS if b is not None] + [1e16, 0.5])
def test_bad_ratio(bad):
    with pytest.raises(ValueError, match=r"ratio must .*at least 1 and at most 1e\+15"):
        d.simulate(bad)


@pytest.mark.parametrize("bad", [-0.1, math.nan, math.inf, "0.1", False, None, 11])
def test_bad_rate(bad):
    with pytest.raises(ValueError, match=r"rate must .*at least 0 and at most 10"):
        d.simulate(growth="exponential", rate=bad)


def test_rate_that_would_overflow_names_its_limit():
    with pytest.raises(ValueError, match=r"rate must be at least 0 and at most .* per minute"):
        d.simulate(1e12, growth="exponential", rate=5)


@pytest.mark.parametrize("bad", ["linear", "", 3, None, True, "exponential!"])
def test_bad_growth(bad):
    with pytest.raises(ValueError, match="growth must be one of constant, exponential, logistic"):
        d.simulate(growth=bad)


@pytest.mark.parametrize("bad", [0, -5, math.nan, math.inf, "126", True, 1e12])
def test_bad_minutes(bad):
    with pytest.raises(ValueError, match=r"minutes must .*greater than 0 and at most"):
        d.simulate(minutes=bad)


@pytest.mark.parametrize("bad", [0, 1, -3, 10**9, 2.5, 1000.0, "100", True, None, math.nan])
def test_bad_steps(bad):
    with pytest.raises(ValueError, match=r"steps must be a whole number from 2 to 2,000,000"):
        d.simulate(steps=bad)


@pytest.mark.parametrize("bad", [0, -1, 10**10, 8316.0, "8316", True, math.nan])
def test_bad_conversations(bad):
    with pytest.raises(ValueError, match=r"conversations must be a whole number from 1 to"):
        d.simulate(conversations=bad)


@pytest.mark.parametrize("bad", [0, -1, 2e6, 1e19, math.nan, "big", True])
def test_bad_ceiling(bad):
    with pytest.raises(ValueError, match="ceiling must"):
        d.simulate(2.27e6, growth="logistic", rate=0.1, ceiling=bad)


@pytest.mark.parametrize("bad", [0, 0.5, -1, math.nan, math.inf, "1e8", True, None, 1e101])
def test_bad_threshold(bad):
    with pytest.raises(ValueError, match=r"threshold must .*at least 1 and at most 1e\+100"):
        d.threshold_minute(bad)


@pytest.mark.parametrize("field, bad", [
    ("names_read", 0), ("names_read", -1), ("her_reading_seconds", 0), ("her_reading_seconds", math.nan),
    ("human_reading_wpm", math.inf), ("human_reading_wpm", "238"), ("speech_wpm", 0),
    ("speech_wpm", True), ("film_minutes", -126), ("conversations", 0), ("conversations", 8316.5),
    ("loved", -641), ("ceiling_factor", 1), ("ceiling_factor", 0),
])
def test_bad_calibration(field, bad):
    with pytest.raises(ValueError, match=field):
        replace(d.CALIBRATION, **{field: bad})


def test_bad_calibration_object_and_other_inputs():
    with pytest.raises(ValueError, match="calibration must be a Calibration"):
        d.speed_ratio({"speech_wpm": 150})
    with pytest.raises(ValueError, match="minute must"):
        d.speed_at(127)
    with pytest.raises(ValueError, match="her_seconds must"):
        d.ratio_for_gap(-1)
    with pytest.raises(ValueError, match="digits must"):
        d.format_duration(1, digits=0)


def test_error_message_for_a_megabyte_of_text_is_short():
    with pytest.raises(ValueError) as info:
        d.simulate("x" * 1_000_000)
    assert len(str(info.value)) < 200


def test_the_calibration_table_reads_in_words_and_cites_public_sources():
    table = d.calibration_table()
    for label in [table.index.name, *table.index, *table.columns]:
        assert "_" not in label, label  # no names_read or her_reading_seconds
    assert table.loc["names in the baby-name book", "value"] == "180,000"
    assert table.loc["seconds Samantha takes to read them", "value"] == "0.02"
    assert table.loc["people she talks with at once", "value"] == "8,316"
    assert "bygonebureau.com" in table.loc["seconds Samantha takes to read them", "source"]
    assert "Wikipedia" in table.loc["running time of the film (minutes)", "source"]
    assert "what-sucks-13" in table.loc["people she is in love with", "source"]
    text = table.to_string()
    for private in ("film-facts", "public-domain.md", "seeds/", "sources/", ".txt"):
        assert private not in text, private
    assert not re.search(r"\bseeds? \d{3}", text), "cites a developer's seed file"
    assert "e+" not in text
    assert set(d.LABELS) == {f.name for f in fields(d.Calibration)}
