"""The poll's widgets driven from Python: saving gives a file and a download link, bad input
gives a message and keeps what was typed, the class view names skipped files and escapes text."""
import base64
import json

import pytest

from seminar.models import poll
from seminar.views.poll import BINDER_NOTE, ClassView, PollForm, class_view, poll_form

PNG = b"\x89PNG"


@pytest.fixture
def form(tmp_path):
    return poll_form(folder=tmp_path / "answers")


def fill(form, name="Ada", **answers):
    form.name.value = name
    for claim, (position, reason) in answers.items():
        form.positions[claim].value = position
        form.reasons[claim].value = reason


def files(form):
    return sorted(p.name for p in form.folder.glob("*.json")) if form.folder.exists() else []


def test_the_form_starts_blank_with_every_claim_and_the_binder_note(form):
    assert isinstance(form, PollForm)
    assert list(form.positions) == list(poll.CLAIM_IDS)
    assert all(b.value == 0 for b in form.positions.values())  # "no answer"
    assert all(r.value == "" for r in form.reasons.values())
    assert form.answers() == {c: (None, "") for c in poll.CLAIM_IDS}
    html = " ".join(w.value for w in form.widget.children if isinstance(getattr(w, "value", None), str))
    assert "nothing is kept" in BINDER_NOTE and "download" in BINDER_NOTE
    assert "nothing is kept" in html


def test_saving_writes_a_file_and_offers_a_download(form):
    fill(form, love=(4, "He felt it and acted on it."), joy=(2, "Joy is not enough."))
    form.save_button.click()
    assert "seminar-msg-ok" in form.status.value and "Saved 2 answers" in form.status.value
    assert files(form) == ["poll-was-it-real-ada.json"]
    saved = json.loads((form.folder / "poll-was-it-real-ada.json").read_text(encoding="utf-8"))
    assert [a["position"] for a in saved["answers"]] == [4, 2]
    assert 'download="poll-was-it-real-ada.json"' in form.saved.value
    payload = form.saved.value.split("base64,", 1)[1].split('"', 1)[0]
    assert json.loads(base64.b64decode(payload)) == saved


def test_saving_again_never_overwrites_unless_asked(form):
    fill(form, love=(4, "Yes."))
    form.save_button.click()
    form.positions["love"].value = 1
    form.save_button.click()
    assert files(form) == ["poll-was-it-real-ada-2.json", "poll-was-it-real-ada.json"]
    assert "was there already" in form.status.value and "untouched" in form.status.value
    first = json.loads((form.folder / "poll-was-it-real-ada.json").read_text(encoding="utf-8"))
    assert first["answers"][0]["position"] == 4
    form.overwrite.value = True
    form.positions["love"].value = 5
    form.save_button.click()
    assert files(form) == ["poll-was-it-real-ada-2.json", "poll-was-it-real-ada.json"]
    first = json.loads((form.folder / "poll-was-it-real-ada.json").read_text(encoding="utf-8"))
    assert first["answers"][0]["position"] == 5


@pytest.mark.parametrize("name, answers, words", [
    ("Ada", {}, "The poll is empty"),
    ("", {"love": (4, "Yes.")}, "name (or a pseudonym) is empty"),
    ("Ada", {"love": (4, "")}, "give a one-line reason"),
    ("Ada", {"someone": (0, "A reason without a position.")}, "chose no position"),
    ("Ada", {"love": (4, "x" * 2**20)}, "1,048,576 characters long; the limit is 280"),
    ("x" * 200, {"love": (4, "Yes.")}, "the limit is 60"),
])
def test_bad_input_gives_a_message_writes_nothing_and_keeps_the_text(form, name, answers, words):
    fill(form, name, **answers)
    before = (form.name.value, {c: r.value for c, r in form.reasons.items()},
              {c: b.value for c, b in form.positions.items()})
    form.save_button.click()  # must not raise
    assert words in form.status.value and "seminar-msg-error" in form.status.value
    assert files(form) == [] and form.saved.value == ""
    after = (form.name.value, {c: r.value for c, r in form.reasons.items()},
             {c: b.value for c, b in form.positions.items()})
    assert after == before


def test_typed_text_is_escaped_and_isolated(form):
    fill(form, "<img src=x onerror=alert(1)>", love=(4, "مرحبا 😀 <script>alert(1)</script>"))
    form.save_button.click()
    html = form.saved.value
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html
    assert '<bdi dir="auto">مرحبا 😀' in html
    assert "poll-was-it-real-img-src-x-onerror-alert-1.json" in files(form)


def test_a_folder_that_is_a_file_gives_a_message(tmp_path):
    blocker = tmp_path / "answers"
    blocker.write_text("in the way")
    form = poll_form(folder=blocker)
    fill(form, love=(4, "Yes."))
    form.save_button.click()
    assert "is a file, not a folder" in form.status.value
    assert blocker.read_text() == "in the way"


# ------------------------------------------------------------------ the class view
@pytest.fixture(scope="module")
def sample_view():
    return class_view()


def test_the_class_view_loads_the_sample_and_names_skipped_files(sample_view):
    view = sample_view
    assert isinstance(view, ClassView)
    assert view.result.students == 24
    assert "seminar-msg-warning" in view.status.value and "2 files skipped" in view.status.value
    assert "poll-was-it-real-student-25.json" in view.report.value
    assert "poll-was-it-real-student-26.json" in view.report.value and "got 7" in view.report.value
    assert "replaced by the later" in view.report.value
    assert view.plot_png.startswith(PNG)
    assert '<img class="seminar-poll-plot"' in view.plot.value
    assert "What the figure shows" in view.plot.value
    alt = view.plot.value.split('alt="', 1)[1].split('"', 1)[0]
    assert alt.startswith("Diverging bars") and "Claim 1. His love was real" in alt
    assert "<table" in view.summary.value and "3.77" in view.summary.value


def test_reasons_follow_the_dropdown_and_are_escaped(sample_view):
    view = sample_view
    view.claim.value = "someone"
    assert "&lt;script&gt;" in view.reasons.value and "<script>" not in view.reasons.value
    view.claim.value = "substance"
    assert '<bdi dir="auto">אהבה היא אהבה (love is love)</bdi>' in view.reasons.value
    view.claim.value = "love"
    assert "🙂" in view.reasons.value


def test_bad_folders_give_a_message_and_keep_the_last_class(tmp_path):
    view = class_view()
    image, report = view.plot.value, view.report.value
    for folder, words in [(str(tmp_path / "nowhere"), "There is no folder"), ("", "empty"),
                          ("<script>" + "x" * 2000, "the limit is 1,000")]:
        view.folder.value = folder
        view.load_button.click()
        assert words in view.status.value and "seminar-msg-error" in view.status.value
        assert "<script>" not in view.status.value
        assert view.plot.value == image and view.report.value == report


def test_a_folder_of_only_broken_files_loads_nothing_and_says_so(tmp_path):
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    (tmp_path / "<b>.json").write_text("[]", encoding="utf-8")
    view = class_view(folder=tmp_path)
    assert view.result.students == 0
    assert "No answers loaded" in view.status.value
    assert "a.json" in view.report.value and "&lt;b&gt;.json" in view.report.value
    assert "The plot is empty" in view.plot.value
    assert "Nobody answered" in view.reasons.value


def test_a_student_saves_and_the_instructor_loads_the_same_folder(tmp_path):
    for name, position in [("Ada", 5), ("Bea", 1), ("ada", 2)]:
        form = poll_form(folder=tmp_path)
        fill(form, name, love=(position, f"{name}'s reason"))
        form.save_button.click()
    view = class_view(folder=tmp_path)
    assert view.result.students == 2
    assert "Loaded 2 students." in view.status.value
    assert sorted(view.result.table["position"]) == [1, 2]  # Ada's later save replaced her first
    assert len(view.result.superseded) == 1


def test_accessible_controls_and_nothing_wider_than_the_column(sample_view):
    from seminar.views.controls import Dropdown
    from seminar.views.poll import spread_figure
    from tests.widgettree import fixed_widths
    assert isinstance(sample_view.claim, Dropdown) and sample_view.claim.description
    assert not any(type(w).__name__ == "Image" for w in sample_view.widget.children)
    form = poll_form()
    for view in (sample_view, form):
        assert [w for w in fixed_widths(view.widget) if w > 300] == []
    assert all(b.description == "Your position:" for b in form.positions.values())
    figure = spread_figure(sample_view.result.table)
    assert figure.png.startswith(PNG) and figure.description.startswith("Diverging bars")
    assert 'alt="Diverging bars' in figure._repr_html_()
