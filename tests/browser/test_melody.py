"""The melody toy of lesson 03 in a real JupyterLab: the audio element exists, holds a WAV
of the expected duration (6.4 s at 1x; the first 10 s when stretched), plays from the
keyboard, and the words under it change with the stretch; axe finds no violation and at
800 px wide nothing in the app reaches past its output area."""
import pytest

from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all, show_app
from tests.browser.test_duration import OVERFLOW_JS

pytestmark = pytest.mark.browser

AUDIO = ".seminar-melody-app audio"
HEARD = ".seminar-melody-app .seminar-melody-heard"


def audio_duration(page, old_src=None) -> float:
    """The audio element's duration once its (new) source's metadata has loaded."""
    page.wait_for_function(
        """([sel, old]) => { const a = document.querySelector(sel);
                             return a && a.src && a.src !== old && a.readyState >= 1
                                    && isFinite(a.duration); }""",
        arg=[AUDIO, old_src])
    return page.locator(AUDIO).first.evaluate("a => a.duration")


def heard_says(page, words: str) -> str:
    """The words under the player once they say ``words`` (the audio and the words are two
    widgets, synced one after the other: the new clip may arrive before its words)."""
    page.wait_for_function("([sel, words]) => document.querySelector(sel).textContent.includes(words)",
                           arg=[HEARD, words], timeout=30_000)
    return page.locator(HEARD).first.text_content()


def test_lesson03_melody_toy_plays_and_stretches(page, lab):
    open_notebook(page, lab, "lessons/03-duration.ipynb")
    run_all(page)
    assert cell_errors(page) == []

    app = show_app(page, ".seminar-melody-app")
    audio = page.locator(AUDIO).first
    assert audio.count() == 1 and audio.evaluate("a => a.controls")
    assert audio_duration(page) == pytest.approx(6.4, abs=0.01)
    assert "You hear the whole tune" in page.locator(HEARD).first.text_content()
    assert "10.5 days" in app.text_content() and "168 days" in app.text_content()

    # Play it from the keyboard (a user gesture, so the browser allows it); time moves on.
    audio.focus()
    page.keyboard.press("Space")
    page.wait_for_function("sel => document.querySelector(sel).currentTime > 0.3", arg=AUDIO,
                           timeout=20_000)
    assert not audio.evaluate("a => a.paused")
    audio.evaluate("a => a.pause()")

    # Each note stretched 100 times: a new clip, the first 10 seconds of 10.7 minutes.
    old = audio.get_attribute("src")
    app.get_by_role("button", name="100x", exact=True).click()
    assert audio_duration(page, old) == pytest.approx(10.0, abs=0.01)
    heard = heard_says(page, "first 10 seconds of 10.7 minutes")
    assert "One steady tone" in heard

    old = audio.get_attribute("src")
    app.get_by_role("button", name="10x", exact=True).click()
    assert audio_duration(page, old) == pytest.approx(10.0, abs=0.01)
    assert "The first 3 of 14 notes" in heard_says(page, "The first 3 of 14 notes")

    # The table scrolls sideways in a region the keyboard reaches, if it must.
    region = app.get_by_role("region", name="Each stretch: how long a note and the tune last")
    assert region.get_attribute("tabindex") == "0"
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 800, "height": 900})
    page.wait_for_timeout(300)
    assert page.evaluate(OVERFLOW_JS, ".seminar-melody-app") == []
    assert app.get_by_role("button", name="1,000x", exact=True).is_visible()
