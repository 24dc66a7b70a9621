"""The accessible controls' Python side (seminar.views.controls): values, words, bad input."""
import math

import pytest

from seminar.text import plain_number
from seminar.views.controls import Dropdown, Slider, Toggle


def test_slider_reads_its_value_in_plain_words_and_follows_it():
    s = Slider(2268908, min=1, max=1e15, scale="log", description="Her speed")
    assert s.readout == "2.27 million"
    s.value = 3e15  # beyond max: held at max
    assert s.value == 1e15 and s.readout == "1,000 trillion"
    s.value = 45378.15
    assert s.readout == "45,400"


def test_integer_slider_rounds_and_keeps_every_digit():
    s = Slider(641.4, min=1, max=8316, step=1, integer=True, description="People")
    assert s.value == 641 and s.readout == "641"
    s.value = 8316
    assert s.readout == "8,316"


def test_slider_refuses_nan_from_the_front_end():
    s = Slider(0.5, min=0, max=1, description="Share")
    s.value = float("nan")
    assert s.value == 0.5


def test_custom_readout():
    s = Slider(0.25, min=0, max=1, description="Share", readout=lambda v: f"{v:.0%} of her time")
    assert s.readout == "25% of her time"


@pytest.mark.parametrize("kwargs,words", [
    (dict(value=1, min=1, max=1, description="x"), "smaller than max"),
    (dict(value=1, min=0, max=10, scale="log", description="x"), "above zero"),
    (dict(value=1, min=0, max=10, scale="cubic", description="x"), "linear"),
    (dict(value=1, min=0, max=10, description="  "), "description"),
    (dict(value="5", min=0, max=10, description="x"), "must be a number"),
    (dict(value=math.nan, min=0, max=10, description="x"), "finite"),
    (dict(value=10**400, min=0, max=10, description="x"), "too large"),
    (dict(value=True, min=0, max=10, description="x"), "must be a number"),
])
def test_slider_bad_settings_say_what_is_wrong(kwargs, words):
    value = kwargs.pop("value")
    with pytest.raises(ValueError, match=words):
        Slider(value, **kwargs)


def test_dropdown_keeps_labels_and_values_in_step():
    d = Dropdown([("Constant speed", "constant"), ("Growing", "exponential")], value="exponential",
                 description="Growth")
    assert d.labels == ["Constant speed", "Growing"] and d.index == 1 and d.value == "exponential"
    d.index = 0  # the front end chose the first option
    assert d.value == "constant"
    d.value = "exponential"
    assert d.index == 1
    d.value = "no such option"  # refused: the old value stays
    assert d.value == "exponential"
    d.index = 7
    assert d.index == 1 and d.value == "exponential"
    with pytest.raises(ValueError, match="at least one"):
        Dropdown([], description="Growth")
    with pytest.raises(ValueError, match="description"):
        Dropdown(["a"], description="")


def test_toggle_has_a_name_and_a_state():
    t = Toggle(description="Outside observer")
    assert t.value is False
    t.value = True
    assert t.value is True
    with pytest.raises(ValueError, match="description"):
        Toggle(description="")


@pytest.mark.parametrize("value,words", [
    (2268908, "2.27 million"), (8316, "8,316"), (0.4, "0.4"), (0.0004, "0.0004"),
    (3e15, "3,000 trillion"), (2.27e18, "2.27 million trillion"), (1e300, "about 10 to the power 300"),
    (-12.5, "minus 12.5"), (float("nan"), "not a number"), (float("inf"), "infinity"), (0, "0"),
])
def test_plain_number_never_uses_scientific_notation(value, words):
    assert plain_number(value) == words
    assert "e+" not in plain_number(value) and "e-" not in plain_number(value)


@pytest.mark.parametrize("bad", ["12", None, True, 10**400, [1]])
def test_plain_number_refuses_what_is_not_a_number(bad):
    with pytest.raises(ValueError, match="number"):
        plain_number(bad)


# ------------------------------------------------------------------ figures with alt text
def test_figures_carry_escaped_alt_text_and_refuse_none():
    from matplotlib.figure import Figure

    from seminar.views.common import StaticFigure, figure_html, png_of

    fig = Figure(figsize=(2, 1))
    fig.subplots().plot([0, 1], [1, 0])
    png = png_of(fig)
    assert png[:4] == b"\x89PNG"
    html = figure_html(png, 'Falls from 1 to 0 <script>"x"</script>')
    assert 'alt="Falls from 1 to 0 &lt;script&gt;&quot;x&quot;&lt;/script&gt;"' in html
    assert "<script>" not in html and "max-width:760px" in html and "What the figure shows" in html
    assert "<figcaption>" not in figure_html(png, "a line", caption=False)
    assert "data-scrolls" not in html and "min-width" not in html
    floored = figure_html(png, "a line", caption=False, min_width=560)
    assert "min-width:560px" in floored and floored.startswith(
        '<div class="seminar-figure-scroll" data-scrolls="yes" role="region" tabindex="0" '
        'aria-label="')  # scrolls, reachable with Tab (axe: scrollable-region-focusable)
    for bad in ("", "   ", None):
        with pytest.raises(ValueError, match="alt text"):
            figure_html(png, bad)
        with pytest.raises(ValueError, match="alt text"):
            StaticFigure(png, bad)
    assert repr(StaticFigure(png, "a line")) == "Figure: a line"
