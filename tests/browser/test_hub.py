"""A class on a real JupyterHub: the kit's nbgitpuller links, clicked in Chromium (issue 21).

A JupyterHub (shared-password login, SimpleLocalProcessSpawner) with nbgitpuller, the kit
served by `git daemon`, headless Chromium. Alice's hub server sets
NBGITPULLER_PARENTPATH=courses and her link uses the `.git` clone URL; Bob's has no parent
path and a URL without `.git`. Alice logs in through the kit's link, which clones the kit
and opens the exercise; she runs it, writes an answer and saves. The instructor then pushes
a change to another cell of the exercise and to the reading it quotes, and Alice clicks the
link again: her answer is kept, the instructor's cell arrived, no file is missing, and her
kernel, importing the kit from her clone (set-up (b) of instructors/hub-admin.md), shows the
changed reading.

Timings (hub start, first click to kernel idle, second click to kernel idle) are printed at
the end of the run (by tests/browser/conftest.py; not under pytest-xdist, whose workers
keep them).
"""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

from seminar.classroom.readings import ids_in_notebook
from seminar.instructor.links import nbgitpuller_link
from tests.browser import hub as realhub
from tests.browser.lab import cell_errors, run_all, wait_idle

NAME = "02-chinese-room"
EXERCISE = f"exercises/{NAME}.ipynb"
STUDENT = "Theodore's letters are his own words, said through another (my answer, written on the hub)."
INSTRUCTOR = "Instructor's note added after release: read the Guide of the reading first."
READING = "(Reading updated by the instructor after release.)"
TIMINGS: dict[str, float] = {}


@pytest.fixture(scope="module")
def classroom(browser_available, tmp_path_factory):
    missing = realhub.missing()
    if missing:
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail("KIT_REQUIRE_BROWSER=1 but " + missing, pytrace=False)
        pytest.skip(missing)
    work = tmp_path_factory.mktemp("hub")
    repo = realhub.KitRepo(work / "git").start()
    hub = realhub.Hub(work / "hub", parent_paths={"alice": "courses"})
    try:
        start = time.monotonic()
        hub.start()
        TIMINGS["hub start"] = time.monotonic() - start
        yield hub, repo
    finally:
        hub.stop()
        repo.stop()


@pytest.fixture
def student(chromium, classroom):
    contexts = []

    def open_as(user):
        classroom[0].prepare_home(user)
        context = chromium.new_context(viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(90_000)
        return page

    yield open_as
    for context in contexts:
        context.close()


def click_link(page, link: str, user: str | None = None) -> float:
    """Open the kit's link (logging in if asked) and wait until the exercise's kernel is
    idle in JupyterLab; the seconds it took."""
    start = time.monotonic()
    page.goto(link)
    if user:
        realhub.login(page, user)
    page.wait_for_url(re.compile(r".*/lab/tree/.*\.ipynb.*"), timeout=120_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    wait_idle(page)
    return time.monotonic() - start


def notebook_text(path: Path) -> str:
    return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)


def wait_for_file(path: Path, text: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while text not in notebook_text(path):
        assert time.monotonic() < deadline, f"{path} never held {text!r}"
        time.sleep(0.2)


def instructor_changes(repo: realhub.KitRepo) -> str:
    """After release: a note in a Markdown cell of the exercise (not the student's answer
    cell) and a sentence in the first excerpt it quotes. Returns that excerpt's id."""
    nb_path = repo.instructor / EXERCISE
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    markdown = [c for c in nb["cells"] if c["cell_type"] == "markdown"
                and "Your answer" not in "".join(c["source"])]
    cell = markdown[1]  # the one after the title
    source = cell["source"] if isinstance(cell["source"], list) else cell["source"].splitlines(True)
    cell["source"] = source[:-1] + [source[-1].rstrip("\n") + "\n", "\n", INSTRUCTOR]
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    quoted_ids = ids_in_notebook(nb_path)
    assert quoted_ids, f"{EXERCISE} quotes no excerpt with show(): pick another exercise for NAME"
    quoted = quoted_ids[0]
    for reading in sorted((repo.instructor / "readings").glob("*.md")):
        lines = reading.read_text(encoding="utf-8").split("\n")
        if f"### {quoted}" in lines:
            at = lines.index(f"### {quoted}")
            quote = next(i for i in range(at, len(lines)) if lines[i].startswith("> "))
            lines[quote] += " " + READING
            reading.write_text("\n".join(lines), encoding="utf-8")
            break
    else:
        raise AssertionError(f"no reading holds excerpt {quoted}")
    repo.push("Release fix: a note in the exercise and a sentence in its reading")
    return quoted


def write_answer(page) -> None:
    """Alice writes her answer in the first 'Your answer' Markdown cell, then saves."""
    panel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
    cell = page.locator(f"{panel} .jp-MarkdownCell", has_text="Your answer").first
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    editor = cell.locator(".cm-content")
    for attempt in range(4):
        # On a busy machine the first double-click can land before the rendered cell is
        # ready and open nothing; try again rather than wait for an editor never asked for.
        cell.evaluate("el => el.scrollIntoView({block: 'center'})")
        cell.locator(".jp-MarkdownOutput").dblclick()
        try:
            editor.wait_for(state="visible", timeout=20_000)
            break
        except PlaywrightTimeout:
            if attempt == 3:
                raise
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\n" + STUDENT)
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")


def kit_seen_by_kernel(page) -> str:
    """Add a cell at the end that prints where the kernel's `seminar` comes from, run it."""
    last = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").last
    last.evaluate("el => el.scrollIntoView({block: 'center'})")
    last.locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")
    page.keyboard.type("import seminar; print('KIT-FROM', seminar.__file__, seminar.KIT_ROOT)")
    page.keyboard.press("Shift+Enter")
    out = page.locator(".jp-OutputArea-output", has_text="KIT-FROM").first
    out.wait_for()
    return out.inner_text()


def test_a_student_keeps_her_work_and_gets_the_instructors_push(classroom, student):
    hub, repo = classroom
    link = nbgitpuller_link(hub.url, repo.url(dot_git=True), "main", EXERCISE)
    clone = hub.home("alice") / "courses" / "her-seminar.git"  # parent path + URL's last part
    page = student("alice")

    TIMINGS["first click to kernel idle"] = click_link(page, link, user="alice")
    assert page.url.split("?")[0].endswith(f"/user/alice/lab/tree/courses/her-seminar.git/{EXERCISE}")
    assert (clone / EXERCISE).is_file() and (clone / ".git").is_dir()
    run_all(page)
    assert cell_errors(page) == []
    write_answer(page)
    wait_for_file(clone / EXERCISE, STUDENT)

    quoted = instructor_changes(repo)
    TIMINGS["second click to kernel idle"] = click_link(page, link)

    merged = notebook_text(clone / EXERCISE)
    assert STUDENT in merged, "the student's answer was lost"
    assert INSTRUCTOR in merged, "the instructor's new cell text did not arrive"
    released = realhub.git("ls-files", cwd=repo.instructor).split("\n")
    lost = [f for f in released if f and not (clone / f).is_file()]
    assert lost == [], f"files missing from the student's clone: {lost}"
    assert READING in (clone / "readings").joinpath(
        next(p.name for p in (repo.instructor / "readings").glob("*.md")
             if f"### {quoted}" in p.read_text(encoding="utf-8"))).read_text(encoding="utf-8")

    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownCell",
                 has_text=INSTRUCTOR).first.wait_for(state="attached")
    run_all(page)
    assert cell_errors(page) == []
    page.locator(".jp-OutputArea-output", has_text=READING).first.wait_for(state="attached")
    assert page.locator(".jp-MarkdownCell", has_text=STUDENT).count() == 1

    where = kit_seen_by_kernel(page)
    assert f"{clone / 'seminar' / '__init__.py'} {clone}" in where, where


def test_a_link_without_dot_git_on_a_hub_without_parent_path(classroom):
    """Bob's server has no NBGITPULLER_PARENTPATH and his link's URL has no `.git`. No
    browser this time (Alice's test drives one): nbgitpuller's page and sync API over HTTP,
    then the file the page would open is asked of Bob's server."""
    hub, repo = classroom
    link = nbgitpuller_link(hub.url, repo.url(dot_git=False), "main", EXERCISE)
    start = time.monotonic()
    hub.start_server("bob")
    opens = hub.pull_like_the_page("bob", link)
    TIMINGS["2nd student: start and clone, no browser"] = time.monotonic() - start
    assert opens == f"lab/tree/her-seminar/{EXERCISE}"
    assert (hub.home("bob") / "her-seminar" / EXERCISE).is_file()
    status, body = hub.api("GET", f"/user/bob/api/contents/{opens[len('lab/tree/'):]}?content=0")
    assert status == 200 and json.loads(body)["type"] == "notebook"
