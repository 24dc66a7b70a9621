"""The scene-log form and class view driven from Python: saving, messages, escaping, search."""
import pytest

from seminar.models import scenelog as s
from seminar.views.scenelog import log_class_view, log_form


def fill(form, n=0, **values):
    for k in s.FIELDS:
        form.fields[n][k].value = values.get(k, f"{k} text")


def test_saving_a_filled_form_writes_a_file_and_a_download_link(tmp_path):
    form = log_form(tmp_path)
    form.name.value = "Ada"
    fill(form)
    form.save_button.click()
    assert (tmp_path / "scenelog-voice-and-screen-ada.json").exists()
    assert "Saved 1 scene" in form.status.value
    assert 'download="scenelog-voice-and-screen-ada.json"' in form.saved.value
    form.save_button.click()
    assert (tmp_path / "scenelog-voice-and-screen-ada-2.json").exists()
    assert "earlier one is untouched" in form.status.value


def test_a_half_filled_scene_is_a_message_and_nothing_typed_is_lost(tmp_path):
    form = log_form(tmp_path)
    form.name.value = "Ada"
    fill(form, heard="")
    form.save_button.click()
    assert "seminar-msg-error" in form.status.value and "what is heard is blank" in form.status.value
    assert form.fields[0]["seen"].value == "seen text"
    assert not list(tmp_path.iterdir())


def test_an_empty_form_is_a_message(tmp_path):
    form = log_form(tmp_path)
    form.name.value = "Ada"
    form.save_button.click()
    assert "The log is empty" in form.status.value


def test_typed_html_is_escaped(tmp_path):
    form = log_form(tmp_path)
    form.name.value = "<b>Ada</b>"
    fill(form, suggests="<script>alert(1)</script>")
    form.save_button.click()
    assert "<script>" not in form.saved.value and "&lt;script&gt;" in form.saved.value


def test_class_view_loads_the_sample_and_searches():
    view = log_class_view()
    assert "Loaded 12 students, 31 entries; 2 files skipped" in view.status.value
    assert "<script>alert" not in view.table.value
    view.column.value = "heard"
    view.word.value = "voice"
    hits = len(s.mentions(view.result.table, "voice", "heard"))
    assert f"<b>{hits}</b> of 31 entries mention" in view.found.value
    view.word.value = "x" * 61
    assert "seminar-msg-error" in view.status.value


def test_class_view_of_a_missing_folder_is_a_message():
    view = log_class_view(None)
    view.folder.value = "no-such-folder"
    view.load_button.click()
    assert "There is no folder" in view.status.value
