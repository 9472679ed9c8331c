"""Steps the browser tests share: a fixed "today", seeding storage, filling the form.

Every test fixes the browser's clock so "today", the due date and the date checks never
depend on the day the suite runs.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import PageWatch, open_app

NOW = "2026-11-22T10:00:00"  # local time in the browser: "today" is 2026-11-22
TODAY = "2026-11-22"
DOCUMENT_KEY = "ssi-coach"
DRAFT_KEY = "ssi-coach.draft"
PILLARS = ("brand", "people", "insights", "relationships")
OPTIONAL = ("industry_rank", "network_rank", "industry_average", "network_average",
            "industry", "note")


def long_date(iso: str) -> str:
    """'2026-10-01' -> '1 Oct 2026', as the app writes dates."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%b')} {day.year}"


def days_before(days: int, today: str = TODAY) -> str:
    return (dt.date.fromisoformat(today) - dt.timedelta(days=days)).isoformat()


# ---- starting the app ------------------------------------------------------------------

def seed(page: Page, site_url: str, raw: str, key: str = DOCUMENT_KEY) -> None:
    """Put `raw` in the site's localStorage before the app has ever booted.

    A blank page of the same origin (answered by Playwright, never by the server) gives
    access to its localStorage without starting Python, so seeding costs no extra boot and
    nothing re-runs on later reloads. Its data: icon keeps Chromium from asking for
    /favicon.ico, a 404 the page fixture would count as an error.
    """
    url = site_url + "__seed__.html"
    page.route(url, lambda route: route.fulfill(
        content_type="text/html",
        body='<!doctype html><link rel="icon" href="data:,"><title>seed</title>'))
    page.goto(url)
    page.unroute(url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, raw])


def start(page: Page, site_url: str, *, raw: str | None = None,
          document: dict[str, Any] | None = None, charts: bool = False,
          now: str = NOW) -> None:
    """Fix the clock, optionally seed storage, open the app and wait until it is ready."""
    page.clock.set_fixed_time(now)
    if document is not None:
        raw = json.dumps(document)
    if raw is not None:
        seed(page, site_url, raw)
    open_app(page, site_url, charts=charts)


def record(date: str, brand: float, people: float, insights: float, relationships: float,
           **optional: Any) -> dict[str, Any]:
    """One stored check-in, in the document's own format."""
    return {"date": date, "brand": brand, "people": people, "insights": insights,
            "relationships": relationships, **optional}


def document(*records: dict[str, Any]) -> dict[str, Any]:
    # A version 1 document on purpose: every seeded test also runs the v1 -> v2 migration.
    return {"schema_version": 1, "checkins": list(records)}


# ---- storage -----------------------------------------------------------------------------

def stored(page: Page, key: str = DOCUMENT_KEY) -> str | None:
    return page.evaluate("key => localStorage.getItem(key)", key)  # type: ignore[no-any-return]


def stored_checkins(page: Page) -> list[dict[str, Any]]:
    raw = stored(page)
    assert raw is not None, "nothing stored under 'ssi-coach'"
    data = json.loads(raw)
    assert data["schema_version"] == SCHEMA_VERSION, data
    return data["checkins"]  # type: ignore[no-any-return]


# ---- views --------------------------------------------------------------------------------

VIEWS = ("home", "checkins", "peers", "coach", "activity", "posts", "accounts", "network", "team",
         "data")


def go(page: Page, view: str) -> None:
    """Open a view as a member would: its link in the navigation (through the Menu button
    on a phone), then wait until it is the one on screen."""
    assert view in VIEWS, view
    toggle = page.locator("#nav-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.click(f"#nav-list a[data-view={view}]")
    expect(page.locator(f"#view-{view}")).to_be_visible()
    expect(page.locator(f"#nav-list a[data-view={view}]")).to_have_attribute(
        "aria-current", "page")


def reveal(page: Page, selector: str) -> None:
    """Open the view that holds `selector`, if another view is on screen."""
    view = page.eval_on_selector(selector, "el => el.closest('.view')?.dataset.view || ''")
    if view and not page.locator(f"#view-{view}").is_visible():
        go(page, view)


def from_the_top(page: Page) -> None:
    """Start keyboard navigation from the top of the page, as after loading it: the next
    Tab reaches the skip link first (a view switch leaves the starting point at the view's
    heading, and blur() alone keeps it there)."""
    page.evaluate("""() => { const body = document.body;
        body.setAttribute('tabindex', '-1'); body.focus(); body.removeAttribute('tabindex');
        window.scrollTo(0, 0); }""")


def current_view(page: Page) -> str:
    """The view on screen, by what is visible (not by the address)."""
    shown = [v for v in VIEWS if page.locator(f"#view-{v}").is_visible()]
    assert len(shown) == 1, shown
    return shown[0]


# ---- the form ----------------------------------------------------------------------------

def fill_checkin(page: Page, date: str, brand: str, people: str, insights: str,
                 relationships: str, **optional: str) -> None:
    """Type a check-in into the form (not saved). Optional fields by their form name."""
    unknown = set(optional) - set(OPTIONAL)
    assert not unknown, f"not form fields: {unknown}"
    if not page.locator("#checkin-form").is_visible():
        go(page, "checkins")
    page.fill("#f-date", date)
    for name, value in zip(PILLARS, (brand, people, insights, relationships), strict=True):
        page.fill(f"#f-{name}", value)
    for name, value in optional.items():
        page.fill(f"#f-{name}", value)


def add_checkin(page: Page, date: str, brand: str, people: str, insights: str,
                relationships: str, **optional: str) -> None:
    """Fill the form, save, and wait until the check-in is in the history."""
    fill_checkin(page, date, brand, people, insights, relationships, **optional)
    page.click("#save-button")
    expect(page.locator("#status")).to_contain_text(f"Saved the check-in of {long_date(date)}")
    expect(page.locator(f"#history-table tr[data-date='{date}']")).to_have_count(1)


def form_values(page: Page) -> dict[str, str]:
    names = ("date", *PILLARS, *OPTIONAL)
    return {name: page.input_value(f"#f-{name}") for name in names}


def history_dates(page: Page) -> list[str]:
    return page.eval_on_selector_all(  # type: ignore[no-any-return]
        "#history-table tbody tr", "rows => rows.map(r => r.dataset.date)")


def history_texts(page: Page) -> list[str]:
    return page.locator("#history-table tbody tr").all_inner_texts()


# ---- schema 2 documents, downloads, more browsers ---------------------------------------------
# Added for the data-in-and-out tests; the helpers above keep their behaviour.

SCHEMA_VERSION = 9


def document_v2(*records: dict[str, Any],
                people: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A stored document in the current format (no migration runs when it is loaded)."""
    return {"schema_version": SCHEMA_VERSION, "checkins": list(records),
            "people": list(people or [])}


def stored_document(page: Page) -> dict[str, Any]:
    """The whole stored document, checked to be in the current format."""
    raw = stored(page)
    assert raw is not None, "nothing stored under 'ssi-coach'"
    data = json.loads(raw)
    assert data["schema_version"] == SCHEMA_VERSION, data
    return data  # type: ignore[no-any-return]


def storage_length(page: Page) -> int:
    return page.evaluate("localStorage.length")  # type: ignore[no-any-return]


def download_after_click(page: Page, selector: str) -> tuple[str, bytes]:
    """Click what offers a download (in its view); return the file's suggested name and
    its bytes."""
    reveal(page, selector)
    with page.expect_download() as info:
        page.click(selector)
    download = info.value
    path = download.path()
    assert path is not None, f"the download of {download.suggested_filename} failed"
    return download.suggested_filename, Path(path).read_bytes()


@contextmanager
def strict_page(browser: Browser, site_url: str, *,
                service_workers: str = "block") -> Iterator[Page]:
    """A page in a fresh browser context, as strict as the `page` fixture.

    For journeys that need a second browser (another device, or someone the member sent a
    link to): it fails on any .py-error, console error, page error or request to another
    origin, like the fixture does.
    """
    parsed = urlparse(site_url)
    watch = PageWatch(f"{parsed.scheme}://{parsed.netloc}")
    ctx = browser.new_context(accept_downloads=True,
                              service_workers=service_workers)  # type: ignore[arg-type]
    try:
        tab = ctx.new_page()
        watch.attach(tab)
        yield tab
        py_errors = tab.locator(".py-error").all_inner_texts()
        assert not py_errors, f".py-error on the page: {py_errors}"
        assert not watch.problems, "\n".join(watch.problems)
    finally:
        ctx.close()


def drop(page: Page, zone: str, files: list[tuple[str, bytes]]) -> None:
    """Drop files on a drop zone the way a browser does: a drop event carrying them."""
    reveal(page, f"#{zone}")
    payload = [[name, base64.b64encode(data).decode()] for name, data in files]
    page.evaluate(
        """([zoneId, files]) => {
            const transfer = new DataTransfer();
            for (const [name, b64] of files) {
                const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                transfer.items.add(new File([bytes], name));
            }
            const zone = document.getElementById(zoneId);
            for (const kind of ['dragover', 'drop']) {
                zone.dispatchEvent(new DragEvent(kind, {dataTransfer: transfer, bubbles: true,
                                                        cancelable: true}));
            }
        }""", [zone, payload])
