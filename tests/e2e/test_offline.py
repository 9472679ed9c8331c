"""Offline and updates: the service worker keeps the whole app in the browser.

Each test serves its own copy of the built site, so it can stop the server (the network is
really gone, not only reported as gone) or deploy a changed version.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from tools.build_dist import write_service_worker
from tools.serve import make_server

from tests.e2e.conftest import SITE, wait_ready
from tests.e2e.helpers import NOW, add_checkin, go, history_dates, stored_document, strict_page
from tests.e2e.test_export_import import (
    IMPORT_TIMEOUT_MS,
    choose_files,
    open_import,
    report,
)
from tests.linkedin_export import ExportSpec, make_export

pytestmark = pytest.mark.e2e

INSTALL_TIMEOUT_MS = 120_000  # the worker copies ~25 MB of runtime into its cache


class Site:
    """A copy of the built site on a loopback port that can be stopped and started again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = 0
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> str:
        self.server = make_server(self.folder, self.port, quiet=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.url

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    served = Site(copy)
    served.start()
    yield served
    served.stop()


@pytest.fixture
def app_page(browser: Browser, site: Site) -> Iterator[Page]:
    """A strict page (see helpers.strict_page) in a context where service workers run."""
    with strict_page(browser, site.url, service_workers="allow") as tab:
        tab.clock.set_fixed_time(NOW)
        yield tab


def open_and_install(page: Page, url: str) -> None:
    """First visit: the app starts, then its service worker installs and takes control."""
    page.goto(url)
    wait_ready(page, charts=True)
    page.wait_for_function("navigator.serviceWorker.controller !== null",
                           timeout=INSTALL_TIMEOUT_MS)
    page.evaluate("navigator.serviceWorker.ready")


def cache_names(page: Page) -> list[str]:
    return page.evaluate("caches.keys()")  # type: ignore[no-any-return]


def test_with_the_server_gone_and_the_browser_offline_every_feature_still_works(
        app_page: Page, site: Site, tmp_path: Path) -> None:
    page = app_page
    offline_context = page.context
    open_and_install(page, site.url)
    add_checkin(page, "2026-10-04", "11", "7", "6", "8")
    add_checkin(page, "2026-11-01", "12", "8", "7", "9")
    expect(page.locator("#offline-note")).to_be_hidden()

    site.stop()
    offline_context.set_offline(True)
    page.reload()
    wait_ready(page, charts=True)
    assert page.evaluate("navigator.onLine") is False
    expect(page.locator("#offline-note")).to_be_visible()
    expect(page.locator("#offline-note")).to_contain_text("You are offline")
    go(page, "home")  # the reload kept the Check-ins view the check-ins were added in
    expect(page.locator("#dashboard")).to_be_visible()
    expect(page.locator("#charts-body svg").first).to_be_visible()
    assert sorted(history_dates(page)) == ["2026-10-04", "2026-11-01"]

    add_checkin(page, "2026-11-15", "12.5", "8.5", "7.5", "9.5")
    assert [c["date"] for c in stored_document(page)["checkins"]] == [
        "2026-10-04", "2026-11-01", "2026-11-15"]

    # An import needs pandas, which this visit has not loaded yet: it comes from the cache.
    export = make_export(ExportSpec(seed=9, weeks=8))
    open_import(page)
    choose_files(page, tmp_path, export.uploads)
    found = report(page)
    found.locator("[data-action=export-confirm]").click()
    expect(page.locator("#status")).to_contain_text("Imported your LinkedIn export",
                                                    timeout=IMPORT_TIMEOUT_MS)
    assert len(stored_document(page)["imported"]) == len(export.expected.weeks)

    offline_context.set_offline(False)
    expect(page.locator("#offline-note")).to_be_hidden()


def deploy_new_version(site: Site) -> str:
    """Change the page the way a release would, and rebuild the service worker's list."""
    page_file = site.folder / "index.html"
    marker = "Your LinkedIn Social Selling Index, remembered."
    text = page_file.read_text()
    assert marker in text
    page_file.write_text(text.replace(marker, marker + " New version."))
    write_service_worker(site.folder)
    return "New version."


def test_a_new_deployment_is_offered_and_runs_after_reload_with_the_data_intact(
        app_page: Page, site: Site) -> None:
    page = app_page
    open_and_install(page, site.url)
    add_checkin(page, "2026-11-01", "12", "8", "7", "9")
    first_caches = cache_names(page)
    assert len(first_caches) == 1

    new_text = deploy_new_version(site)
    page.reload()
    wait_ready(page, charts=True)
    expect(page.locator(".tagline")).not_to_contain_text(new_text)  # still the cached one
    banner = page.locator("#update-banner")
    expect(banner).to_be_visible(timeout=INSTALL_TIMEOUT_MS)
    expect(banner).to_contain_text("A new version of ssi-coach is ready")

    # By keyboard: the button is a real button.
    page.locator("#update-reload").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    wait_ready(page, charts=True)
    expect(page.locator(".tagline")).to_contain_text(new_text)
    expect(page.locator("#update-banner")).to_be_hidden()
    assert history_dates(page) == ["2026-11-01"]
    names = cache_names(page)
    assert len(names) == 1 and names != first_caches  # the old version's cache is gone


def test_later_hides_the_prompt_and_keeps_the_running_version(
        app_page: Page, site: Site) -> None:
    page = app_page
    open_and_install(page, site.url)
    new_text = deploy_new_version(site)
    page.reload()
    wait_ready(page, charts=True)
    expect(page.locator("#update-banner")).to_be_visible(timeout=INSTALL_TIMEOUT_MS)
    page.click("#update-later")
    expect(page.locator("#update-banner")).to_be_hidden()
    expect(page.locator(".tagline")).not_to_contain_text(new_text)


def test_the_app_can_be_installed_manifest_and_icons_are_served(
        app_page: Page, site: Site) -> None:
    page = app_page
    page.goto(site.url)
    wait_ready(page)
    href = page.get_attribute("link[rel=manifest]", "href")
    assert href is not None
    manifest = json.loads(page.evaluate("(u) => fetch(u).then(r => r.text())", href))
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        answer = page.evaluate(
            "(u) => fetch(u).then(r => [r.status, r.headers.get('content-type')])", icon["src"])
        assert answer[0] == 200, icon
        assert answer[1].startswith(icon["type"]), icon
        sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes  # what browsers require to offer installation
