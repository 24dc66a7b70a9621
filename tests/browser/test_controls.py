"""The kit's accessible controls (seminar.views.controls) in a real JupyterLab: no axe
violation, a name and a value in words for a screen reader, and the keyboard works without
moving JupyterLab's cell cursor."""
import json

import pytest

from tests.browser.lab import axe_violations, cell_errors, open_notebook, run_all, show_app

pytestmark = pytest.mark.browser

CODE = """\
from seminar.views.controls import Dropdown, Slider, Toggle
import ipywidgets as widgets
speed = Slider(2268908, min=1, max=1e15, step=0.01, scale="log", description="Her speed (times ours)")
people = Slider(641, min=1, max=8316, step=1, integer=True, description="People she loves")
kind = Dropdown(["constant", "exponential", "logistic"], description="Growth")
observer = Toggle(description="Outside observer: show meanings", tooltip="Show what the cards mean")
seen = widgets.HTML()
def said(change=None):
    seen.value = f"<p class='seen'>{speed.value:.0f}|{people.value:.0f}|{kind.value}|{observer.value}</p>"
for w in (speed, people, kind, observer):
    w.observe(said, names="value")
said()
box = widgets.VBox([speed, people, kind, observer, seen])
box.add_class("controls-under-test")
box
"""


def notebook(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {},
                   "outputs": [], "source": CODE},
                  {"cell_type": "markdown", "id": "c2", "metadata": {}, "source": "after"}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}))


def seen(page):
    return page.locator(".controls-under-test .seen").first.text_content()


def test_controls_are_named_read_in_words_and_keyboard_operable(page, lab):
    notebook(lab.root / "scratch" / "controls.ipynb")
    open_notebook(page, lab, "scratch/controls.ipynb")
    run_all(page)
    assert cell_errors(page) == []
    app = show_app(page, ".controls-under-test")
    page.wait_for_function("() => document.querySelector('.controls-under-test .seen')")
    assert seen(page) == "2268908|641|constant|False"

    # A name for every control, and the value in words (never an exponent).
    speed = app.get_by_role("slider", name="Her speed (times ours)")
    assert speed.get_attribute("aria-valuetext") == "2.27 million"
    assert app.get_by_role("slider", name="People she loves").get_attribute("aria-valuetext") == "641"
    assert app.get_by_role("combobox", name="Growth").is_visible()
    toggle = app.get_by_role("button", name="Outside observer: show meanings")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert toggle.get_attribute("title") == "Show what the cards mean"
    assert axe_violations(page) == []

    # Keyboard: arrows move the slider; the notebook's active cell stays where it was.
    people = app.get_by_role("slider", name="People she loves")
    people.focus()
    active = page.locator(".jp-Notebook .jp-Cell.jp-mod-active").first.get_attribute("data-windowed-list-index")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.controls-under-test .seen').textContent.includes('|644|')")
    assert people.get_attribute("aria-valuetext") == "644"
    page.keyboard.press("End")
    page.wait_for_function("() => document.querySelector('.controls-under-test .seen').textContent.includes('|8316|')")
    assert people.get_attribute("aria-valuetext") == "8,316"

    speed.focus()
    page.keyboard.press("Home")
    page.wait_for_function("() => document.querySelector('.controls-under-test .seen').textContent.startsWith('1|')")
    assert speed.get_attribute("aria-valuetext") == "1"

    growth = app.get_by_role("combobox", name="Growth")
    growth.focus()
    page.keyboard.press("ArrowDown")  # in a plain ipywidgets Dropdown this moved the cell cursor
    page.wait_for_function("() => document.querySelector('.controls-under-test .seen').textContent.includes('|exponential|')")

    toggle.focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('.controls-under-test .seen').textContent.endsWith('|True')")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator(".jp-Notebook .jp-Cell.jp-mod-active").first.get_attribute(
        "data-windowed-list-index") == active
    assert axe_violations(page) == []


def test_controls_wrap_in_a_narrow_column(chromium, lab):
    notebook(lab.root / "scratch" / "narrow.ipynb")
    context = chromium.new_context(viewport={"width": 683, "height": 450}, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_notebook(page, lab, "scratch/narrow.ipynb")
        run_all(page)
        app = show_app(page, ".controls-under-test")
        overflow = app.evaluate(
            """el => [...el.querySelectorAll('.seminar-control')].map(c => {
                   const out = c.closest('.jp-OutputArea-output').getBoundingClientRect();
                   return [...c.children].filter(k => k.getBoundingClientRect().right > out.right + 1).length;
               })""")
        assert overflow and not any(overflow), overflow
    finally:
        context.close()
        lab.delete_sessions()
