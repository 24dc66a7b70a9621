"""Tests of readings/*.md, readings/catalogue.csv and seminar.classroom.readings.

The verbatim comparison needs the source essays in ../shared/ beside the kit; where that folder
is missing (a user's clone) only that comparison is skipped, with the reason shown.
"""
import csv
import json
import re
from pathlib import Path

import pytest

from seminar import KIT_ROOT
from seminar.classroom import readings as R

SHARED = KIT_ROOT.parent / "shared"
NO_SHARED = (f"../shared/ not found at {SHARED}: comparing excerpts with their source texts "
             "(verbatim, and how much of each essay is quoted) is skipped; every other readings "
             "test still runs")
SLUGS = ["difference-of-life", "what-sucks", "her-loneliness", "dispatch", "her-2013",
         "leibniz", "lovelace", "descartes", "bergson-metaphysics", "bergson-time-free-will",
         "bergson-creative-evolution", "browning", "plato", "searle", "speed-objection",
         "searle-1980", "searle-1984", "turing", "virtual-mind",
         "bergson-matter-memory", "bergson-intuition-french"]
ESSAY_SOURCES = {
    "difference-of-life": "seeds/000_65df0420e114a032.txt",
    "what-sucks": "seeds/001_4f59d7381b4d0838.txt",
    "her-loneliness": "seeds/002_54f7ef6fef4d3f04.txt",
    "dispatch": "seeds/003_a394dd7dae399d18.txt",
    "her-2013": "seeds/004_62d40abeada82e90.txt",
}
ALL = R.all_excerpts()
READINGS = {r.slug: r for r in R.readings()}


def _notebook(path: Path, code_cells=(), markdown_cells=()):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": s} for s in markdown_cells]
    cells += [{"cell_type": "code", "metadata": {}, "source": s, "outputs": [],
               "execution_count": None} for s in code_cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
                    encoding="utf-8")


def _readings_line_ids(root: Path) -> dict[str, list[str]]:
    """Ids listed in the **Readings** line of notebooks' Markdown cells."""
    found: dict[str, list[str]] = {}
    for folder in R.NOTEBOOK_DIRS:
        for nb in sorted((root / folder).glob("*.ipynb")):
            data = json.loads(nb.read_text(encoding="utf-8"))
            for cell in data.get("cells", []):
                if cell.get("cell_type") != "markdown":
                    continue
                src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                for line in src.split("\n"):
                    if "**Readings**" in line:
                        for eid in re.findall(r"`([a-z0-9-]+-\d+)`", line):
                            found.setdefault(eid, []).append(nb.relative_to(root).as_posix())
    return found


def unknown_ids(root: Path, known) -> list[str]:
    """'id (notebook)' for every id a notebook uses that is not an excerpt."""
    problems = []
    for eid, notebooks in R.notebook_uses(root).items():
        if eid not in known:
            problems.append(f"{eid} ({', '.join(notebooks)})")
    for eid, notebooks in _readings_line_ids(root).items():
        if eid not in known:
            problems.append(f"{eid} (Readings line of {', '.join(notebooks)})")
    return problems


# ------------------------------------------------------------------ verbatim

@pytest.mark.parametrize("eid", sorted(ALL))
def test_excerpt_is_verbatim_in_its_source(eid):
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    problem = R.check_verbatim(ALL[eid], SHARED)
    assert problem is None, f"{eid} ({ALL[eid].source}): {problem}"


def test_verbatim_allows_only_whitespace_quotes_and_ellipsis():
    source = "He said: “It’s late.”\nThen  he left, slowly, for the door.\n> A quoted line."
    ok = [
        "He said: \"It's late.\" Then he left",             # straight for curly, newline for space
        "He said: … he left, slowly … the door.",           # kept fragments, in order
        "It’s late.” Then he left, slowly, for the door.",
    ]
    for quote in ok:
        assert R.verbatim_problem(quote, source) is None, quote
    bad = [
        "He said: “It’s lake.”",                            # one letter changed
        "Then he left, slowly, for the doors.",             # one letter added
        "the door. … He said",                              # fragments out of order
        "Then he left slowly",                              # a comma dropped
        "Then he left ... for the door.",                   # three dots are not an ellipsis
    ]
    for quote in bad:
        assert R.verbatim_problem(quote, source) is not None, quote
    # blockquote markers in a Markdown source are markup, not text
    assert R.verbatim_problem("door. A quoted line.", source, markdown_source=True) is None
    assert R.verbatim_problem("door. A quoted line.", source) is not None


@pytest.mark.parametrize("eid", ["difference-of-life-7", "browning-1", "dispatch-10"])
def test_changing_one_character_of_a_real_excerpt_is_caught(eid):
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    e = ALL[eid]
    assert R.check_verbatim(e, SHARED) is None
    i = len(e.text) // 2
    while not e.text[i].isalpha():
        i += 1
    changed = e.text[:i] + ("x" if e.text[i] != "x" else "y") + e.text[i + 1:]
    source = (SHARED / e.source).read_text(encoding="utf-8")
    assert R.verbatim_problem(changed, source, markdown_source=e.source.endswith(".md")) is not None


@pytest.mark.parametrize("slug", sorted(ESSAY_SOURCES))
def test_no_essay_is_reproduced_whole(slug):
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    quoted = sum(e.words for e in READINGS[slug].excerpts)
    total = len((SHARED / ESSAY_SOURCES[slug]).read_text(encoding="utf-8").split())
    assert quoted <= total / 3, f"{slug} quotes {quoted} of {total} words: quote less"


# ------------------------------------------------------------------ the files

def test_every_reading_in_the_brief_exists_and_no_other():
    assert sorted(READINGS) == sorted(SLUGS)


def test_front_matter_fields():
    for slug, r in READINGS.items():
        assert r.kind in R.KINDS and r.rights in R.RIGHTS, slug
        if r.kind == "essay":
            assert r.source == ESSAY_SOURCES[slug], slug
            assert r.author is None, f"{slug}: the essays name no author; do not invent one"
            assert r.rights == "copyrighted: short quotation", slug
            assert r.outlet, slug
        assert r.source.startswith(("seeds/", "sources/")), slug
        assert r.citation and r.title, slug


def test_front_matter_is_valid_yaml_with_the_same_values():
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed; the kit's own parser is tested above")
    for slug, r in READINGS.items():
        text = r.path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n")[1])
        assert meta["slug"] == slug and meta["title"] == r.title and meta["rights"] == r.rights
        assert meta.get("author") == r.author and meta.get("year") == r.year


def test_ids_are_unique_and_numbered_from_one_in_each_reading():
    ids = [e.id for r in READINGS.values() for e in r.excerpts]
    assert len(ids) == len(set(ids))
    for slug, r in READINGS.items():
        assert [e.id for e in r.excerpts] == [f"{slug}-{n}" for n in range(1, len(r.excerpts) + 1)]


def test_duplicate_id_is_refused(tmp_path):
    text = (KIT_ROOT / "readings" / "plato.md").read_text(encoding="utf-8")
    (tmp_path / "plato.md").write_text(text.replace("### plato-2", "### plato-1"), encoding="utf-8")
    with pytest.raises(R.ReadingFormatError, match="plato-1.*twice"):
        R.load_readings(tmp_path)


def test_copyrighted_excerpts_are_at_most_80_words():
    long = [f"{e.id} ({e.words} words)" for e in ALL.values()
            if e.copyrighted and e.words > R.MAX_COPYRIGHTED_WORDS]
    assert not long


def test_each_essay_has_at_least_three_excerpts():
    for slug in ESSAY_SOURCES:
        assert len(READINGS[slug].excerpts) >= 3, slug


def test_guides_are_150_to_300_words():
    for slug, r in READINGS.items():
        assert 150 <= r.guide_words <= 300, f"{slug}: guide has {r.guide_words} words"


def test_three_to_six_discussion_questions_and_some_key_terms():
    for slug, r in READINGS.items():
        assert 3 <= len(r.questions) <= 6, slug
        assert r.key_terms and all(term and definition for term, definition in r.key_terms), slug


def test_every_excerpt_says_what_it_speaks_to():
    for e in ALL.values():
        assert len(e.speaks_to.split()) >= 3, e.id


def test_cross_references_in_the_files_name_real_excerpts_and_readings():
    for slug, r in READINGS.items():
        text = r.path.read_text(encoding="utf-8")
        for ref in re.findall(r"`([a-z0-9-]+)`", text):
            assert ref in ALL or ref in READINGS, f"{slug}.md refers to unknown `{ref}`"


def test_both_transcriptions_of_the_farewell_are_kept_apart():
    # seed 000 prints "The spaces between words are infinite"; seed 001 "almost infinite":
    # each excerpt must carry its own source's wording, never the other's.
    assert "almost infinite" not in ALL["difference-of-life-7"].text
    assert "almost infinite" in ALL["what-sucks-14"].text


def test_format_errors_name_the_file_and_the_problem(tmp_path):
    good = (KIT_ROOT / "readings" / "plato.md").read_text(encoding="utf-8")
    cases = {
        "no front matter": (good.split("---\n", 2)[2], "front-matter"),
        "bad kind": (good.replace('kind: "primary"', 'kind: "novel"'), "kind"),
        "bad id": (good.replace("### plato-2", "### platon-2"), "platon-2"),
        "no speaks to": (good.replace("Speaks to: love as", "Relates to: love as"), "Speaks to"),
        "no guide": (good.replace("## Guide", "## Notes"), "Guide"),
    }
    for name, (text, word) in cases.items():
        path = tmp_path / "plato.md"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(R.ReadingFormatError, match=word):
            R.parse_reading(text, path)


def test_parsing_is_cached_and_refreshed_when_a_file_changes(tmp_path):
    src = (KIT_ROOT / "readings" / "plato.md").read_text(encoding="utf-8")
    path = tmp_path / "plato.md"
    path.write_text(src, encoding="utf-8")
    first = R.load_readings(tmp_path)
    assert R.load_readings(tmp_path) is first
    path.write_text(src.replace("like a flat fish", "like a flat fish "), encoding="utf-8")
    assert R.load_readings(tmp_path) is not first


# ------------------------------------------------------------------ lookups and display

def test_excerpt_returns_text_and_citation():
    e = R.excerpt("leibniz-1")
    assert e.text.startswith("Moreover, it must be confessed")
    assert e.reading == "leibniz" and "Latta" in e.citation and e.rights == "public domain"
    assert R.excerpt("  Leibniz-1 ") == e
    assert R.reading("leibniz").excerpts[0] == e


def test_unknown_id_names_close_matches():
    with pytest.raises(KeyError) as info:
        R.excerpt("leibnitz-1")
    assert '"leibniz-1"' in str(info.value)
    with pytest.raises(LookupError, match="bergson-metaphysics-1"):
        R.excerpt("bergson-9")
    with pytest.raises(LookupError, match='"plato"'):
        R.reading("platon")
    with pytest.raises(LookupError, match="No id is close"):
        R.excerpt("zzzz-1")
    with pytest.raises(TypeError, match="text"):
        R.excerpt(7)
    with pytest.raises(LookupError, match="empty"):
        R.excerpt("   ")


def test_show_renders_a_cited_quotation():
    q = R.show("browning-1")
    html = q._repr_html_()
    assert "<blockquote" in html and "Two in the Campagna" in html and "browning-1" in html
    assert "learn!<br>Where is the thread" in html          # verse lines kept
    text = repr(q)
    assert text.splitlines()[0].strip() == "Just when I seemed about to learn!"
    assert "[browning-1]" in text and " at 0x" not in text


def test_show_escapes_html(tmp_path):
    src = (KIT_ROOT / "readings" / "plato.md").read_text(encoding="utf-8")
    src = src.replace("Each of us when separated", "<script>alert('x')</script> & Each of us when separated")
    src = src.replace("Plato, Symposium,", "Plato <b>bold</b>, Symposium,")
    (tmp_path / "plato.md").write_text(src, encoding="utf-8")
    html = R.show("plato-1", tmp_path)._repr_html_()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Each" in html
    assert "Plato &lt;b&gt;bold&lt;/b&gt;" in html


# ------------------------------------------------------------------ notebooks and catalogue

def test_every_excerpt_id_used_by_a_notebook_exists():
    assert unknown_ids(KIT_ROOT, ALL) == []


def test_notebook_scan_finds_calls_and_unknown_ids(tmp_path):
    _notebook(tmp_path / "lessons" / "01-x.ipynb",
              code_cells=['from seminar.classroom.readings import show\nshow("leibniz-1")',
                          "text = excerpt('plato-2').text\nreadings.show( \"nope-3\" , None)"],
              markdown_cells=['# X\n\n**Readings**: `leibniz-1`, `ghost-1`', 'show("in-markdown-1")'])
    _notebook(tmp_path / "solutions" / "01-x.ipynb", code_cells=['show("leibniz-1")'])
    assert R.notebook_uses(tmp_path) == {
        "leibniz-1": ["lessons/01-x.ipynb", "solutions/01-x.ipynb"],
        "nope-3": ["lessons/01-x.ipynb"],
        "plato-2": ["lessons/01-x.ipynb"],
    }
    problems = unknown_ids(tmp_path, ALL)
    assert any(p.startswith("nope-3") for p in problems)
    assert any(p.startswith("ghost-1") for p in problems)
    assert len(problems) == 2


def test_catalogue_lists_notebooks_that_use_an_excerpt(tmp_path):
    (tmp_path / "readings").mkdir()
    for slug in ("plato", "leibniz"):
        (tmp_path / "readings" / f"{slug}.md").write_text(
            (KIT_ROOT / "readings" / f"{slug}.md").read_text(encoding="utf-8"), encoding="utf-8")
    _notebook(tmp_path / "lessons" / "04-one-of-many.ipynb", code_cells=['show("plato-1")'])
    _notebook(tmp_path / "exercises" / "04-one-of-many.ipynb", code_cells=['show("plato-1")'])
    table = R.catalogue(tmp_path).set_index("excerpt_id")
    assert list(table.index) == ["leibniz-1"] + [f"plato-{i}" for i in range(1, 6)]
    assert table.loc["plato-1", "lessons"] == "04-one-of-many"
    assert table.loc["plato-1", "notebooks"] == "exercises/04-one-of-many.ipynb; lessons/04-one-of-many.ipynb"
    assert table.loc["plato-2", "lessons"] == ""
    path = R.write_catalogue(tmp_path)
    assert path.read_text(encoding="utf-8") == R.catalogue_csv(tmp_path)


def test_catalogue_csv_agrees_with_the_files_and_the_notebooks():
    how = "regenerate it: python -m seminar refresh"
    with open(R.CATALOGUE_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["excerpt_id"] for r in rows] == list(ALL), f"catalogue.csv ids differ from readings/*.md; {how}"
    uses = R.notebook_uses(KIT_ROOT)
    for row in rows:
        e = ALL[row["excerpt_id"]]
        r = READINGS[e.reading]
        assert (row["reading"], row["title"], row["kind"], row["source"], row["rights"], int(row["words"])) == \
            (r.slug, r.title, r.kind, r.source, r.rights, e.words), f"{e.id}: {how}"
        used = uses.get(e.id, [])
        assert row["notebooks"] == "; ".join(used), f"{e.id}: notebooks column is stale; {how}"
        assert row["lessons"] == "; ".join(sorted({Path(p).stem for p in used})), f"{e.id}: {how}"
    assert R.CATALOGUE_CSV.read_text(encoding="utf-8") == R.catalogue_csv(), how


def test_catalogue_dataframe_has_one_row_per_excerpt():
    table = R.catalogue()
    assert list(table.columns) == R.CATALOGUE_COLUMNS
    assert list(table["excerpt_id"]) == list(ALL)
    assert table["words"].min() > 0


def test_lesson_usage_marks_the_lessons_that_show_an_excerpt(tmp_path):
    import json
    import shutil

    from seminar import KIT_ROOT
    from seminar.classroom.readings import lesson_usage

    shutil.copytree(KIT_ROOT / "readings", tmp_path / "readings")
    (tmp_path / "lessons").mkdir()
    for name, source in [("01-a.ipynb", 'show("leibniz-1")'),
                         ("02-b.ipynb", 'show("leibniz-1")\nshow("plato-2")')]:
        nb = {"cells": [{"cell_type": "code", "source": source, "metadata": {},
                         "outputs": [], "execution_count": None}],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        (tmp_path / "lessons" / name).write_text(json.dumps(nb))
    table = lesson_usage(tmp_path)
    assert list(table.columns) == ["reading", "01", "02"]
    assert table.loc["leibniz-1", "01"] == "✓" and table.loc["leibniz-1", "02"] == "✓"
    assert table.loc["plato-2", "01"] == "" and table.loc["plato-2", "02"] == "✓"
    assert "lovelace-1" not in table.index


# ------------------------------------------------------------------ every excerpt taught

def untaught(root: Path) -> list[str]:
    """Excerpt ids that no lesson or exercise shows (the catalogue's notebooks column, read
    for lessons/ and exercises/: what a student sees; a solution alone does not count)."""
    table = R.catalogue(root)
    shown = table["notebooks"].str.split("; ").apply(
        lambda nbs: any(nb.startswith(("lessons/", "exercises/")) for nb in nbs))
    return sorted(table.loc[~shown, "excerpt_id"])


def test_every_excerpt_is_shown_by_a_lesson_or_an_exercise():
    missing = untaught(KIT_ROOT)
    assert not missing, (f"{len(missing)} excerpt(s) are shown by no lesson or exercise: "
                         f"{', '.join(missing)}. Show each where it does work in an argument "
                         "(show(\"id\") in a lesson or solution), or remove it from readings/; "
                         "then run python -m seminar refresh.")


def test_untaught_finds_an_excerpt_only_a_solution_or_nothing_shows(tmp_path):
    (tmp_path / "readings").mkdir()
    (tmp_path / "readings" / "plato.md").write_text(
        (KIT_ROOT / "readings" / "plato.md").read_text(encoding="utf-8"), encoding="utf-8")
    _notebook(tmp_path / "solutions" / "04-x.ipynb", code_cells=['show("plato-2")'])
    assert untaught(tmp_path) == [f"plato-{i}" for i in range(1, 6)]
    _notebook(tmp_path / "lessons" / "04-x.ipynb",
              code_cells=['show("plato-1")', 'show("plato-3")', 'show("plato-4")', 'show("plato-5")'])
    _notebook(tmp_path / "exercises" / "04-x.ipynb", code_cells=['show("plato-2")'])
    assert untaught(tmp_path) == []


def test_excerpt_tables_sort_ids_as_a_reader_expects():
    from seminar.classroom.readings import natural_key

    ids = ["dispatch-10", "dispatch-2", "her-2013-14", "dispatch-1", "her-2013-5"]
    assert sorted(ids, key=natural_key) == ["dispatch-1", "dispatch-2", "dispatch-10",
                                            "her-2013-5", "her-2013-14"]
    used = list(R.lesson_usage().index)
    assert used == sorted(used, key=natural_key)
