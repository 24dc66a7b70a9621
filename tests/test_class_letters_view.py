"""The 641 letters' widgets driven from Python: lesson 01's form writes and saves a letter (never
overwriting), bad input gives a message and keeps what was typed; lesson 04's view shows one
letter unmarked, then all of them with personal and shared text marked, and escapes text."""
import base64
import json

from seminar.models import class_letters as cl
from seminar.views.class_letters import ClassLettersView, class_letters_view
from seminar.views.letters import MyLetterForm, my_letter_form

NUGGETS = {"name": "Ada", "memory": "the night of the storm", "place": "the old pier",
           "detail": "the way you whistle <b>off-key</b>", "hope": "the spring comes early"}


def fill(form, name="Ada", **changes):
    form.name.value = name
    for key, value in dict(NUGGETS, **changes).items():
        form.nuggets[key].value = value


def test_the_form_writes_then_saves_a_letter_and_a_download_link(tmp_path):
    form = my_letter_form(folder=tmp_path / "my-letter")
    assert isinstance(form, MyLetterForm) and list(form.nuggets) == list(cl.NUGGET_NAMES)
    fill(form)
    form.write_button.click()
    assert "the old pier" in form.letter.value
    assert "&lt;b&gt;off-key&lt;/b&gt;" in form.letter.value and "<b>off-key" not in form.letter.value
    assert not (tmp_path / "my-letter").exists()  # writing is not saving
    form.save_button.click()
    assert form.path == tmp_path / "my-letter" / "letter-ada.json"
    assert "seminar-msg-ok" in form.status.value
    href = form.saved.value.split('href="')[1].split('"')[0]
    data = json.loads(base64.b64decode(href.split(",", 1)[1]).decode("utf-8"))
    assert data == json.loads(form.path.read_text(encoding="utf-8"))
    form.save_button.click()  # again: a second file, the first untouched
    assert form.path.name == "letter-ada-2.json" and "was there already" in form.status.value


def test_an_empty_box_gives_a_message_keeps_the_typing_and_saves_nothing(tmp_path):
    form = my_letter_form(folder=tmp_path)
    fill(form, hope="  ")
    form.save_button.click()
    assert "seminar-msg-error" in form.status.value and "hope is empty" in form.status.value
    assert form.nuggets["memory"].value == NUGGETS["memory"]
    assert list(tmp_path.iterdir()) == []
    form.name.value = ""
    form.nuggets["hope"].value = "x"
    form.write_button.click()
    assert "name" in form.status.value and "Traceback" not in form.status.value


def test_the_class_view_shows_one_letter_plain_then_all_marked():
    view = class_letters_view()
    assert isinstance(view, ClassLettersView)
    assert len(view.student.names) == cl.SAMPLE_STUDENTS
    assert view.student.value is None and view.own.value == ""  # no one's letter until picked
    assert "letter-cut-short.json" in view.report.value  # named, with its reason
    view.student.value = "Ada"
    assert "Dear" in view.own.value or "My dear" in view.own.value
    assert "<mark" not in view.own.value  # step 1: as it was received
    assert view.cards.value == ""  # step 2 waits for the button
    view.show_button.click()
    assert view.cards.value.count('class="class-letters-card"') == cl.SAMPLE_STUDENTS
    assert "class-letters-personal" in view.cards.value and "class-letters-shared" in view.cards.value
    assert "&lt;script&gt;" in view.cards.value and "<script>" not in view.cards.value
    assert "of every 100 words" in view.summary.value


def test_the_name_list_is_an_accessible_drop_down_that_follows_the_folder(tmp_path):
    from seminar.views.controls import Dropdown
    view = class_letters_view()
    assert isinstance(view.student, Dropdown) and view.student.description == "Whose letter?"
    assert view.student.labels[0] == "(pick a name)" and "Ada" in view.student.labels
    view.student.value = "Ada"
    view.student.index = 0  # back to no one: the letter goes
    assert view.student.value is None and view.own.value == ""
    view.student.value = "nobody-of-that-name"  # not a choice: ignored
    assert view.student.value is None


def test_the_class_view_reads_a_folder_and_reports_bad_input(tmp_path):
    cl.save(cl.make_record("Bo", dict(NUGGETS, name="Bo"), saved_at="2024-02-12T10:00:00Z"), tmp_path)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    view = class_letters_view(folder=None)
    view.show_button.click()
    assert "Load a folder" in view.status.value
    view.folder.value = str(tmp_path)
    view.load_button.click()
    assert view.student.names == ["Bo"] and "broken.json" in view.report.value
    view.folder.value = str(tmp_path / "missing")
    view.load_button.click()
    assert "seminar-msg-error" in view.status.value and view.student.names == []
