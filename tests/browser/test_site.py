"""The built static site in Chromium, served from 127.0.0.1 with every other host blocked:
an index link works, a lesson page shows a widget snapshot rendered from its saved state and
a figure with alt text, nothing is cut off at the page edge, and no request leaves 127.0.0.1."""
from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlparse

import pytest

from seminar.instructor.site import DEFAULT_ALT
from tests.sitebuild import site_or_skip

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(browser_available):
    out = site_or_skip()
    handler = functools.partial(_QuietHandler, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def site_page(chromium, server):
    context = chromium.new_context(viewport={"width": 800, "height": 1000})
    requests, blocked, failed = [], [], []
    host = urlparse(server).netloc

    def route(r):
        url = urlparse(r.request.url)
        if url.scheme in ("data", "blob") or url.netloc == host:
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda req: requests.append(req.url))
    page.on("requestfailed", lambda req: failed.append(req.url))
    page.set_default_timeout(60_000)
    try:
        yield page, requests, blocked, failed
    finally:
        context.close()


def _only_local(requests, server):
    host = urlparse(server).netloc
    return [u for u in requests if not u.startswith(("data:", "blob:")) and urlparse(u).netloc != host]


def test_index_link_opens_a_lesson(site_page, server):
    page, requests, blocked, failed = site_page
    page.goto(f"{server}/index.html")
    link = page.get_by_role("link", name="00 Start here", exact=False).first
    link.click()
    page.wait_for_url("**/lessons/00-start-here.html")
    assert page.get_by_role("link", name="Open this in Binder").count() == 1
    assert page.get_by_role("link", name="Between the Words: all lessons").count() == 1
    assert blocked == [] and _only_local(requests, server) == []


def test_lesson_page_renders_widget_snapshot_and_figure_alt(site_page, server):
    page, requests, blocked, failed = site_page
    page.goto(f"{server}/lessons/05-loneliness.html")
    # the html-manager replaces each widget's script tag by the rendered widget
    page.wait_for_selector(".jupyter-widgets .widget-slider, .jupyter-widgets .widget-dropdown, "
                           ".jupyter-widgets .widget-button, .jupyter-widgets .seminar-control-snapshot",
                           state="attached")
    rendered = page.locator(".jupyter-widgets.widget-container, .jupyter-widgets .widget-inline-hbox")
    assert rendered.count() > 0
    assert page.locator("text=Error displaying widget").count() == 0
    # every picture on the page, the widget snapshot's chart included, has alt text of its own,
    # never the template's generic DEFAULT_ALT (tests/test_site.py checks the same without a browser)
    page.wait_for_selector("img.seminar-community-plot", state="attached")
    figures = page.locator("img")
    assert figures.count() >= 2
    alts = [(a or "").strip() for a in figures.evaluate_all("els => els.map(e => e.getAttribute('alt'))")]
    assert [a for a in alts if not a or a == DEFAULT_ALT] == []
    assert all(len(a) > 40 for a in alts)
    # nothing wider than the 800 px window: long lines wrap, wide widgets scroll or wrap
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert blocked == [], f"requests to other hosts: {blocked[:5]}"
    assert _only_local(requests, server) == []
    assert [u for u in failed if not u.endswith(".woff")] == []


def test_printed_layout_keeps_everything_on_the_page(site_page, server):
    page, requests, blocked, failed = site_page
    page.set_viewport_size({"width": 700, "height": 1000})  # about an A4 column at 96 dpi
    page.emulate_media(media="print")
    page.goto(f"{server}/handouts/05-loneliness.html")
    page.wait_for_selector(".jupyter-widgets .widget-slider, .jupyter-widgets .widget-button, "
                           ".jupyter-widgets .seminar-control-snapshot", state="attached")  # snapshots drawn
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert page.locator(".jp-InputArea-editor").count() == 0
    assert blocked == []


def test_course_pages_and_packet_open_locally(site_page, server):
    page, requests, blocked, failed = site_page
    page.goto(f"{server}/index.html")
    for name in ("Syllabus", "The final essay", "Reading packet", "Bibliography"):
        page.get_by_role("link", name=name, exact=True).click()
        page.wait_for_load_state("domcontentloaded")
        assert page.locator("h1").count() >= 1
        page.go_back()
    assert blocked == [] and _only_local(requests, server) == []
