"""The melody app driven from Python: buttons change the clip and the words; bad values
become messages, never exceptions."""
import io
import wave

import pytest

from seminar.models import melody as model
from seminar.views.melody import OPTIONS, melody_app


def clip_seconds(app):
    with wave.open(io.BytesIO(app.audio.value)) as w:
        return w.getnframes() / w.getframerate()


def test_first_draw_plays_the_whole_tune():
    app = melody_app()
    assert app.status.value == ""
    assert clip_seconds(app) == pytest.approx(6.4)
    assert "You hear the whole tune" in app.heard.value
    assert "10.5 days" in app.numbers.value and "168 days" in app.numbers.value


@pytest.mark.parametrize("label, k", OPTIONS[1:])
def test_each_stretch_button_gives_its_clip(label, k):
    app = melody_app()
    before = app.audio.value
    app.stretch.value = k
    assert app.audio.value != before
    assert clip_seconds(app) == pytest.approx(min(model.tune_seconds(k), model.MAX_SECONDS))
    assert "You hear the first 10 seconds" in app.heard.value
    assert model.describe_clip(k) in app.heard.value.replace("&#x27;", "'")


def test_apply_checks_and_never_raises():
    app = melody_app()
    for bad in (7, "100", None, True, float("nan"), 10 ** 400, "<b>x</b>"):
        app.apply(stretch=bad)
        assert "stretch must be one of" in app.status.value and "<b>x" not in app.status.value
        assert app.stretch.value == 1
    app.apply(speed=2)
    assert "Unknown setting" in app.status.value
    app.apply(stretch=100)
    assert app.status.value == "" and app.stretch.value == 100


def test_bad_construction_values_become_a_message():
    app = melody_app(ratio=-5)
    assert "ratio must be" in app.status.value and "default" in app.status.value
    assert "10.5 days" in app.numbers.value


def test_every_control_has_an_accessible_name_and_fits_800px():
    app = melody_app()
    assert app.stretch.description and len(app.stretch.tooltips) == len(OPTIONS)
    assert app.audio.controls
    def walk(w):
        yield w
        for child in getattr(w, "children", ()):
            yield from walk(child)
    widths = [str(w.layout.width) for w in walk(app.widget) if w.layout.width]
    assert widths and all(int(x[:-2]) <= 800 for x in widths if x.endswith("px"))
    assert app.stretch.layout.flex_flow == "row wrap"  # the buttons wrap in a narrow column


def test_the_table_scrolls_inside_a_named_focusable_region_with_plain_headers():
    html = melody_app().numbers.value
    assert '<div role="region" aria-label="' in html and 'tabindex="0"' in html
    assert "overflow-x:auto" in html
    assert "<th>stretch</th>" in html and "<th></th>" not in html  # one header row, no blanks
    assert "e+" not in html
