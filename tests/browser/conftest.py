"""Browser tests of the built Herzberg portal: one build, one local server, one Chromium per session.

The sample site is the run's shared build (`sample_site` in tests/conftest.py), served by
`http.server` on 127.0.0.1 with a free port, and driven by Playwright with Debian's Chromium
(`/usr/bin/chromium`; `.ci/run` installs it, Playwright's own browser download does not work
here). Each test gets a fresh browser context with one page. The plain-file tests (links,
weight) need only `built_site`.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from site_under_test import SiteServer, new_context

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No other host even resolves, so a page that tries one fails here instead of leaking;
    # the tests still see (and fail on) such requests.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Chromium may drop a connection it no longer needs (page left mid-request): not a failure."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def built_site(sample_site: Path) -> Path:
    """The bundled Herzberg portal, built once per run with "today" pinned (read only)."""
    return sample_site


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield SiteServer(built_site, f"127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} fehlt (Debian-Paket chromium; .ci/run installiert es)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = new_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="module")
def shared_page(browser: Browser) -> Iterator[Page]:
    """One tab for all page types of a module (a new context per type costs ~0.3 s each)."""
    context = new_context(browser)
    try:
        yield context.new_page()
    finally:
        context.close()
