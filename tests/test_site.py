"""python -m seminar site: the built site's files, links, paths and PDFs (the browser test is
tests/browser/test_site.py)."""
from __future__ import annotations

import html.parser
import json
import re
import sys
from pathlib import Path

import pytest

from seminar import KIT_ROOT
from seminar.instructor import site
from seminar.instructor.pdf import page_count
from seminar.text import InputError
from tests.sitebuild import SITE_LESSONS, built_site, site_or_skip


@pytest.fixture(scope="module")
def out():
    # npm (the widget renderer) and Chromium (the handouts): skipped without them, unless
    # KIT_REQUIRE_BROWSER=1 (CI), where that fails
    return site_or_skip()


def test_pages_for_each_built_lesson_and_exercise(out):
    for n in SITE_LESSONS.split(","):
        lesson = next((KIT_ROOT / "lessons").glob(f"{n}-*.ipynb"))
        assert (out / "lessons" / f"{lesson.stem}.html").is_file()
        assert (out / "exercises" / f"{lesson.stem}.html").is_file()
        assert page_count(out / "handouts" / f"{lesson.stem}.pdf") >= 1
    for name in ("syllabus", "essay", "viewing-guide", "bibliography", "reading-packet"):
        assert (out / "course" / f"{name}.html").is_file()
    assert page_count(out / "course" / "reading-packet.pdf") >= 3
    assert page_count(out / "course" / "syllabus.pdf") >= 3


def test_the_site_loads_nothing_from_another_host(out):
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for attr, url in re.findall(r'<(?:script|link|img|iframe)[^>]*?\b(src|href)="([^"]+)"', text):
            assert not re.match(r"(https?:)?//", url), f"{page.name} loads {url}"
        for host in ("unpkg.com", "cdnjs", "cdn.jsdelivr", "googleapis"):
            assert host not in text, f"{page.name} names {host}"
    assert (out / "_static" / "require.js").is_file()
    assert (out / "_static" / "html-manager" / "embed-amd.js").is_file()


def test_no_path_of_the_build_machine_in_the_output(out):
    parent = built_site()[1]
    forbidden = {str(KIT_ROOT), str(parent), str(Path.home()) + "/", sys.prefix + "/"}
    for path in out.rglob("*"):
        if path.suffix in (".html", ".md"):
            text = path.read_text(encoding="utf-8")
            for bad in forbidden:
                assert bad not in text, f"{path.relative_to(out)} holds {bad}"
        if path.suffix == ".pdf":
            data = path.read_bytes()
            assert b"file://" not in data, f"{path.relative_to(out)} links to a local file"
            for bad in forbidden:
                assert bad.encode() not in data


def test_lesson_pages_drop_instructor_notes_and_link_binder(out):
    page = (out / "lessons" / "00-start-here.html").read_text(encoding="utf-8")
    assert "Open this in Binder" in page and "mybinder.org" in page
    assert "Instructor note." not in page
    exercise = (out / "exercises" / "00-start-here.html").read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in exercise and "BEGIN HIDDEN TESTS" not in exercise


def test_handout_has_no_code_cells(out):
    page = (out / "lessons" / "05-loneliness.html").read_text(encoding="utf-8")
    handout = (out / "handouts" / "05-loneliness.html").read_text(encoding="utf-8")
    editor = 'class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"'
    assert page.count(editor) > 3
    assert editor not in handout
    assert "Key points" in handout and "seminar-excerpt" in handout  # text and quotations stay
    assert "The live notebook, with the toys: https://mybinder.org/" in handout
    assert 'href="../_static/site.css"' in handout  # the print styles reach the handout
    assert page_count(out / "handouts" / "05-loneliness.pdf") >= 2


class _Images(html.parser.HTMLParser):
    """Every <img> of an HTML text, as its alt attribute (None when it has none)."""

    def __init__(self):
        super().__init__()
        self.alts: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.alts.append(dict(attrs).get("alt"))


def _alts_in_html(text: str) -> list[str | None]:
    parser = _Images()
    parser.feed(text)
    parser.close()
    return parser.alts


_WIDGET_STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>',
                           re.S)


def image_alts(page: str) -> list[tuple[str, str | None]]:
    """(where, alt) of every picture a built page shows: its own <img> tags (a PNG output gets
    the template's alt, or DEFAULT_ALT) and those the widget renderer draws from the saved
    state (HTML widgets' values; PNG outputs of Output widgets, with their alt metadata)."""
    found = [("page", alt) for alt in _alts_in_html(_WIDGET_STATE.sub("", page))]
    for block in _WIDGET_STATE.findall(page):
        for model_id, entry in json.loads(block).get("state", {}).items():
            state = entry.get("state", {})
            if isinstance(state.get("value"), str):
                found += [(f"widget {model_id}", alt) for alt in _alts_in_html(state["value"])]
            for output in state.get("outputs") or []:
                data, meta = output.get("data", {}), output.get("metadata", {})
                if isinstance(data.get("text/html"), str):
                    found += [(f"output of {model_id}", alt) for alt in _alts_in_html(data["text/html"])]
                if "image/png" in data:
                    alt = (meta.get("image/png") or {}).get("alt") or meta.get("alt")
                    found.append((f"PNG output of {model_id}", alt))
    return found


def unspecific(found: list[tuple[str, str | None]]) -> list[str]:
    return [f"{where}: {alt!r}" for where, alt in found
            if not (alt or "").strip() or alt.strip() == site.DEFAULT_ALT]


def test_every_figure_has_its_own_alt_text(out):
    """No picture falls back to the template's generic DEFAULT_ALT, or has none."""
    pages = sorted(p for folder in ("lessons", "exercises", "handouts")
                   for p in (out / folder).glob("*.html"))
    assert pages
    counted = {}
    for page in pages:
        found = image_alts(page.read_text(encoding="utf-8"))
        counted[page.relative_to(out).as_posix()] = len(found)
        assert unspecific(found) == [], f"{page.relative_to(out)}: figures without their own alt text"
        assert all(len(alt.strip()) > 40 for _, alt in found), page.relative_to(out)
    # lesson 05 shows the sweep chart on the page and the society's chart in a widget snapshot
    assert counted["lessons/05-loneliness.html"] >= 2
    assert counted["handouts/05-loneliness.html"] >= 2


def test_image_alts_finds_generic_and_missing_alt_text():
    state = {"version_major": 2, "version_minor": 0, "state": {
        "h": {"model_name": "HTMLModel", "state": {"value": '<img src="data:," alt="">'}},
        "o": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "display_data", "data": {"image/png": "iVBOR"}, "metadata": {}},
            {"output_type": "display_data", "data": {"image/png": "iVBOR"},
             "metadata": {"image/png": {"alt": "A bar chart of the class's answers."}}}]}}}}
    page = (f'<img src="a.png" alt="{site.DEFAULT_ALT}"><img src="b.png">'
            "<img src='c.png' alt='Line chart of the share lonely, week by week.'>"
            f'<script type="application/vnd.jupyter.widget-state+json">{json.dumps(state)}</script>')
    found = image_alts(page)
    assert len(found) == 6
    assert unspecific(found) == [f"page: {site.DEFAULT_ALT!r}", "page: None", "widget h: ''",
                                 "PNG output of o: None"]


def test_index_links_every_page(out):
    index = (out / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#:]+)"', index):
        assert (out / href).is_file(), f"index links to a missing {href}"
    assert "course/syllabus.html" in index and "course/reading-packet.html" in index


def test_fix_links_points_notebooks_at_pages_and_other_files_at_github():
    html = ('<a href="../exercises/05-loneliness.ipynb#q1">x</a><a href="../readings/searle.md">r</a>'
            '<a href="../index.html">i</a><script src="../_static/require.js"></script>')
    files = {"exercises/05-loneliness.html", "index.html"}
    fixed = site.fix_links(html, "lessons", files)
    assert 'href="../exercises/05-loneliness.html#q1"' in fixed
    assert 'href="https://github.com/' in fixed and "/blob/main/readings/searle.md" in fixed
    assert 'href="../index.html"' in fixed and 'src="../_static/require.js"' in fixed
    printable = site.fix_links(html, "lessons", files, printable=True, kit_root=KIT_ROOT)
    assert ' href="../index.html"' not in printable and "file:" not in printable


def test_scrub_replaces_machine_paths():
    roots = site.machine_paths(Path("/some/tmp/build"))
    text = site.scrub(f"{KIT_ROOT}/seminar/data and /some/tmp/build/lessons", roots)
    assert str(KIT_ROOT) not in text and "/some/tmp/build" not in text
    assert "./seminar/data" in text


def test_refuses_a_foreign_or_kit_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        site.prepare_outdir(tmp_path, force=False)
    assert (tmp_path / "notes.txt").exists()
    with pytest.raises(InputError, match="kit"):
        site.build(KIT_ROOT, KIT_ROOT / "lessons", only="00", pdf=False)
    with pytest.raises(InputError, match="^There is no lesson 99"):
        site.build(KIT_ROOT, tmp_path / "x", only="99", pdf=False)
    with pytest.raises(InputError, match="lesson numbers"):
        site.build(KIT_ROOT, tmp_path / "x", only="zero", pdf=False)


def test_page_count_reads_a_pdf_and_refuses_other_files(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf")
    with pytest.raises(InputError):
        page_count(bad)


def test_the_kits_accessible_controls_become_plain_snapshots():
    """anywidget controls cannot be drawn offline: the page shows their label and value in words."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    any_model = {"model_module": "anywidget", "model_name": "AnyModel", "model_module_version": "~0.9.*"}
    nb.metadata["widgets"] = {site.WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": {
        "s1": {**any_model, "state": {"description": "Her speed <b>", "readout": "2.27 million",
                                       "scale": "log", "value": 2268908.0}},
        "d1": {**any_model, "state": {"description": "Growth", "labels": ["constant", "logistic"],
                                       "index": 1}},
        "t1": {**any_model, "state": {"description": "Observer", "tooltip": "", "value": True}},
        "x1": {**any_model, "state": {"something": "else"}},
        "box": {"model_module": "@jupyter-widgets/controls", "model_name": "VBoxModel",
                "model_module_version": "2.0.0", "state": {"children": ["IPY_MODEL_s1"]}},
    }}}
    assert site.snapshot_controls(nb) == 3
    saved = nb.metadata["widgets"][site.WIDGET_STATE]["state"]
    assert saved["s1"]["model_name"] == "HTMLModel"
    assert saved["s1"]["state"]["value"] == ('<p class="seminar-control-snapshot">'
                                             "<b>Her speed &lt;b&gt;</b>: 2.27 million</p>")
    assert "logistic" in saved["d1"]["state"]["value"] and ": on" in saved["t1"]["state"]["value"]
    assert saved["x1"]["model_module"] == "anywidget"  # not one of the kit's controls: left alone
    for ref in ("layout", "style"):  # every model the stand-in points to is saved too
        assert saved["s1"]["state"][ref].removeprefix("IPY_MODEL_") in saved


def test_without_npm_the_site_tests_skip_or_fail_as_required(tmp_path, monkeypatch):
    """A fresh clone without npm skips the site tests with a reason; CI (KIT_REQUIRE_BROWSER=1) fails."""
    from tests import sitebuild

    monkeypatch.setenv("KIT_NPM_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(site.shutil, "which", lambda name, *a, **k: None)
    missing = sitebuild.site_tools_missing()
    assert missing and "needs npm" in missing and "Chromium" in missing
    monkeypatch.setattr(sitebuild, "_missing_once", lambda: missing)
    monkeypatch.delenv("KIT_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs npm"):
        sitebuild.site_or_skip()
    monkeypatch.setenv("KIT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="KIT_REQUIRE_BROWSER=1 but The site needs npm"):
        sitebuild.site_or_skip()
