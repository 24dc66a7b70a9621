"""Fixtures for the browser tests: a JupyterLab server and a headless Chromium page.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright for Python; the kit never
runs `playwright install`. Where the browser is missing the tests are skipped with a reason
saying how to install it, unless KIT_REQUIRE_BROWSER=1 (set by CI), where that is a failure.
"""
import os

import pytest

from tests.browser.lab import CHROMIUM, CHROMIUM_FLAGS, LabServer

HOW_TO = ("Browser tests need Debian's Chromium at /usr/bin/chromium and Playwright for Python: "
          "`sudo apt-get install -y chromium` and `pip install -r requirements-dev.txt`.")


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return "Chromium is not installed. " + HOW_TO
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed. " + HOW_TO
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in str(item.path.parent.name):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_available():
    missing = _missing()
    if missing:
        if os.environ.get("KIT_REQUIRE_BROWSER") == "1":
            pytest.fail("KIT_REQUIRE_BROWSER=1 but " + missing, pytrace=False)
        pytest.skip(missing)
    return True


@pytest.fixture(scope="session")
def lab(browser_available, tmp_path_factory):
    server = LabServer(tmp_path_factory.mktemp("jupyterlab")).start()
    try:
        yield server
    finally:
        server.stop()


#: How long an ``expect(...)`` assertion retries before it fails. Playwright's default, 5 s,
#: is shorter than a widget's redraw on a busy 2-core machine (a CI rehearsal running beside
#: a site build once missed the letters app's error message that way); an assertion that
#: holds passes as soon as it holds, so a longer limit costs nothing when all is well.
EXPECT_SECONDS = 30


@pytest.fixture(scope="session")
def chromium(browser_available):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_SECONDS * 1000)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium, lab, request):
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    try:
        yield pg
    finally:
        shots = os.environ.get("KIT_SCREENSHOTS")
        if shots:
            os.makedirs(shots, exist_ok=True)
            pg.screenshot(path=os.path.join(shots, f"{request.node.name}.png"), full_page=False)
        context.close()
        lab.delete_sessions()


def pytest_terminal_summary(terminalreporter):
    """The real-hub test's measured times (tests/browser/test_hub.py), when it ran."""
    import sys

    module = sys.modules.get("tests.browser.test_hub")
    timings = getattr(module, "TIMINGS", None)
    if timings:
        terminalreporter.section("real JupyterHub timings")
        for what, seconds in timings.items():
            terminalreporter.write_line(f"{what}: {seconds:.1f} s")
