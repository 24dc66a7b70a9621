from pathlib import Path

import pytest

from seminar.classroom import course

HEADER = """# A lesson

**Questions**
- Is it real?

**Objectives**
- Read.

**Time**: Teaching: 30 min · Exercises: 20 min

**Readings**: `her-2013-1`, `leibniz-1`
"""


def test_parse_header_reads_every_field():
    les = course.parse_header(HEADER, Path("lessons/07-was-it-real.ipynb"))
    assert (les.number, les.slug, les.title) == (7, "was-it-real", "A lesson")
    assert les.questions == ["Is it real?"]
    assert (les.teaching_min, les.exercise_min) == (30, 20)
    assert les.readings == ["her-2013-1", "leibniz-1"]


@pytest.mark.parametrize("broken, word", [
    (HEADER.replace("**Objectives**", "Objectives"), "Objectives"),
    (HEADER.replace("# A lesson", ""), "title"),
    (HEADER.replace("Teaching: 30 min", "half an hour"), "Time"),
])
def test_parse_header_names_what_is_missing(broken, word):
    with pytest.raises(ValueError, match=word):
        course.parse_header(broken, Path("lessons/07-was-it-real.ipynb"))


def test_every_lesson_header_parses_and_numbers_are_unique():
    table = course.lessons()
    assert len(table) >= 1
    assert table["lesson"].is_unique
    assert (table["teaching_min"] > 0).all()


def test_binder_link_opens_the_notebook_in_lab():
    url = course.binder_url("lessons/00-start-here.ipynb")
    assert url.startswith("https://mybinder.org/v2/gh/")
    assert url.endswith("?urlpath=lab/tree/lessons/00-start-here.ipynb")


def test_readme_lesson_map_is_current():
    assert course.update_readme(check=True), \
        "README lesson map is out of date: run `python -m seminar refresh`"


def test_reading_slugs_dedupe_in_order():
    assert course.reading_slugs(["her-2013-6", "leibniz-1", "her-2013-7", "what-sucks-14"]) == \
        ["her-2013", "leibniz", "what-sucks"]


def test_lesson_map_links_every_reading_file_that_exists():
    import re

    from seminar import KIT_ROOT
    table = course.lesson_map_markdown()
    links = re.findall(r"\]\((readings/[^)]+)\)", table)
    assert links, "the map should link the readings each lesson uses"
    assert all((KIT_ROOT / link).is_file() for link in links)


def test_citation_names_the_same_repository_as_the_binder_links():
    from seminar import KIT_ROOT
    citation = (KIT_ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f'repository-code: "https://github.com/{course.REPOSITORY}"' in citation


def test_the_badge_opens_lesson00_on_binder():
    assert course.binder_url("lessons/00-start-here.ipynb") in course.binder_badge()
