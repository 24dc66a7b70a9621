from pathlib import Path

from seminar.classroom import course
from seminar.views.controls import Dropdown
from seminar.views.start import LessonExplorer, inline, lesson_card


def test_inline_escapes_before_formatting():
    assert inline("<script>*x*</script>") == "&lt;script&gt;<em>x</em>&lt;/script&gt;"


def test_card_escapes_lesson_text():
    les = course.Lesson(path=Path("lessons/09-x.ipynb"), number=9, slug="x",
                          title="<img src=x onerror=alert(1)>", questions=["<b>q</b>"])
    html = lesson_card(les)
    assert "<img" not in html and "&lt;img" in html and "<b>q" not in html


def test_explorer_shows_the_chosen_lesson():
    ex = LessonExplorer()
    assert ex.lessons, "lessons/ should hold at least lesson 00"
    first = ex.card.value
    assert "Start here" in first
    if len(ex.lessons) > 1:
        ex.choice.value = len(ex.lessons) - 1
        assert ex.card.value != first
        assert ex.lessons[-1].title.split()[0] in ex.card.value


def test_explorer_with_no_lessons_says_so(tmp_path):
    (tmp_path / "lessons").mkdir()
    ex = LessonExplorer(root=tmp_path)
    assert "No lessons" in ex.status.value


def test_the_choice_is_a_labelled_accessible_dropdown_that_fits_the_column():
    ex = LessonExplorer()
    assert isinstance(ex.choice, Dropdown) and ex.choice.description == "Lesson"
    assert ex.choice.labels[0].startswith("00")
    assert not str(ex.choice.layout.width or "").endswith("px")
    assert ex.widget.layout.max_width == "760px"
