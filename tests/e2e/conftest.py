"""Browser fixtures: the built site served on loopback, Debian's Chromium, strict pages.

Every page fails its test on any `.py-error` element, console error, uncaught page error
or request to another origin: PyScript reports Python errors in all of those ways.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from tools.serve import make_server

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "dist"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LAUNCH_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
]
BOOT_TIMEOUT_MS = 90_000  # cold start on a 2-core machine, with headroom

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    if not (SITE / "index.html").exists():
        pytest.fail("dist/ is not built: run the tests through 'make test'")
    server = make_server(SITE, 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_FLAGS)
        yield chromium
        chromium.close()


class PageWatch:
    """Collects everything on a page that should fail a test."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.problems: list[str] = []

    def attach(self, page: Page) -> None:
        page.on("console", lambda m: m.type == "error" and self.problems.append(
            f"console error: {m.text[:2000]}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", self._check_request)

    def _check_request(self, request) -> None:  # type: ignore[no-untyped-def]
        url = request.url
        if url.startswith(("data:", "blob:")):
            return
        parsed = urlparse(url)
        if f"{parsed.scheme}://{parsed.netloc}" != self.origin:
            self.problems.append(f"request to another origin: {url}")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    # The service worker is tested on its own (test_offline.py); elsewhere it would only
    # copy the whole runtime into a cache that the context throws away, and Playwright's
    # request routing does not see requests a service worker answers.
    ctx = browser.new_context(accept_downloads=True, service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def watch(site_url: str) -> PageWatch:
    parsed = urlparse(site_url)
    return PageWatch(f"{parsed.scheme}://{parsed.netloc}")


@pytest.fixture
def page(context: BrowserContext, watch: PageWatch) -> Iterator[Page]:
    tab = context.new_page()
    watch.attach(tab)
    yield tab
    py_errors = tab.locator(".py-error").all_inner_texts() if not tab.is_closed() else []
    assert not py_errors, f".py-error on the page: {py_errors}"
    assert not watch.problems, "\n".join(watch.problems)


def open_app(page: Page, url: str, *, charts: bool = False) -> None:
    """Load the app and wait until its numbers (and, if asked, its charts) are on screen."""
    page.goto(url)
    wait_ready(page, charts=charts)


def wait_ready(page: Page, *, charts: bool = False) -> None:
    stage = ("body[data-stage=charts]" if charts
             else "body[data-stage=ready], body[data-stage=charts]")
    page.wait_for_selector(stage, timeout=BOOT_TIMEOUT_MS)
