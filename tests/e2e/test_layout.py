"""The page on a phone: everything fits the width; wide tables scroll inside their box."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import VIEWS, document, go, record, start

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


def test_phone_layout_has_no_sideways_page_scroll(page: Page, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    long_note = "Shared the quarterly report and commented on " + "industry-news-" * 8
    seeded = document(
        record("2026-09-01", 12.5, 6.2, 4.318, 8.8, industry_rank=55, network_rank=30,
               industry_average=31.25, network_average=35.5, industry="Computer Software"),
        record("2026-10-01", 12, 6.2, 4.118, 8.8, note=long_note),
        record("2026-11-01", 13.118, 7, 5.5, 9.2, industry_rank=48, network_rank=31,
               industry_average=31.25, network_average=35.5,
               industry="Information Technology and Services"),
    )
    start(page, site_url, document=seeded, charts=True)
    expect(page.locator("#trend-chart svg.chart-svg")).to_have_count(1)
    expect(page.locator("#rank-chart svg.chart-svg")).to_have_count(1)
    for summary in page.locator("#charts-body details summary").all():
        if summary.is_visible():  # on a phone Home leaves the trend's table to the history
            summary.click()  # the chart tables are part of the page too
    fits_the_phone(page, "home")
    go(page, "checkins")
    page.click("[data-action=edit][data-date='2026-11-01']")  # the form with "Cancel" shown
    expect(page.locator("#cancel-edit")).to_be_visible()
    fits_the_phone(page, "checkins")
    for view in VIEWS:
        go(page, view)
        fits_the_phone(page, view)
    go(page, "checkins")

    # The history table really is wider than a phone: it scrolls within its own box.
    wrap = page.locator("#history .table-wrap")
    sizes = wrap.evaluate("el => ({scroll: el.scrollWidth, client: el.clientWidth})")
    assert sizes["scroll"] > sizes["client"], sizes
    assert sizes["client"] <= PHONE["width"], sizes


def fits_the_phone(page: Page, view: str) -> None:
    widths = page.evaluate(
        "({doc: document.documentElement.scrollWidth, body: document.body.scrollWidth})")
    assert widths["doc"] <= PHONE["width"], (view, widths)
    assert widths["body"] <= PHONE["width"], (view, widths)
