"""Stored data the app cannot read is never overwritten: it can be downloaded and set aside."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Download, Page, expect

from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    TODAY,
    add_checkin,
    fill_checkin,
    go,
    history_dates,
    record,
    start,
    stored,
    stored_checkins,
)

pytestmark = pytest.mark.e2e

ASIDE_KEY = "ssi-coach.set-aside.1"


def download_text(download: Download) -> str:
    return Path(download.path()).read_text(encoding="utf-8")


def try_to_save(page: Page) -> None:
    """Submit a valid check-in while the stored data is unreadable: it must be refused."""
    fill_checkin(page, "2026-11-01", "12", "6", "4", "8")
    page.click("#save-button")
    status = page.locator("#status")
    expect(status).to_contain_text("could not be read")
    expect(status).to_have_class("status error")
    expect(page.locator("#history-table")).to_have_count(0)


def test_unreadable_data_is_kept_downloadable_and_can_be_set_aside(
        page: Page, site_url: str) -> None:
    raw = "{not json"
    start(page, site_url, raw=raw)
    expect(page.locator("body")).to_have_attribute("data-stage", re.compile(r"^(ready|charts)$"))

    problem = page.locator("#problem")
    expect(problem).to_be_visible()
    expect(problem).to_contain_text("could not be read")
    expect(problem).to_contain_text("not valid JSON")
    expect(problem.locator("pre")).to_have_text(raw, use_inner_text=False)
    assert stored(page) == raw

    with page.expect_download() as info:
        problem.locator("[data-action=download-raw]").click()
    assert info.value.suggested_filename == f"ssi-coach-unreadable-{TODAY}.json"
    assert download_text(info.value) == raw

    try_to_save(page)
    assert stored(page) == raw

    problem.locator("[data-action=set-aside]").click()
    expect(problem).to_be_hidden()
    expect(page.locator("#status")).to_contain_text(ASIDE_KEY)
    assert stored(page, ASIDE_KEY) == raw
    assert stored(page) is None
    go(page, "data")  # kept copies are under Data
    aside = page.locator("#set-aside")
    expect(aside).to_be_visible()
    expect(aside).to_contain_text(ASIDE_KEY)
    with page.expect_download() as info:
        aside.locator(f"[data-action=download-aside][data-key='{ASIDE_KEY}']").click()
    assert download_text(info.value) == raw

    # A fresh start: check-ins save again, and the set-aside copy stays.
    add_checkin(page, "2026-11-01", "12", "6", "4", "8")
    assert [c["date"] for c in stored_checkins(page)] == ["2026-11-01"]
    page.reload()
    wait_ready(page)
    expect(problem).to_be_hidden()
    assert history_dates(page) == ["2026-11-01"]
    expect(aside).to_contain_text(ASIDE_KEY)
    assert stored(page, ASIDE_KEY) == raw


def test_data_from_a_newer_version_is_left_untouched(page: Page, site_url: str) -> None:
    raw = json.dumps({"schema_version": 99, "checkins": [record("2026-10-01", 12, 6, 4, 8)],
                      "goals": {"total": 60}}, indent=2)
    start(page, site_url, raw=raw)

    problem = page.locator("#problem")
    expect(problem).to_be_visible()
    expect(problem).to_contain_text("newer version")
    assert stored(page) == raw

    try_to_save(page)
    assert stored(page) == raw
