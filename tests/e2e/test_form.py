"""The check-in form: refusing bad input field by field, keeping a draft, keyboard use."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    DRAFT_KEY,
    TODAY,
    document,
    fill_checkin,
    form_values,
    go,
    history_dates,
    long_date,
    record,
    start,
    stored,
    stored_checkins,
)

pytestmark = pytest.mark.e2e

VALID = {"date": "2026-11-01", "brand": "12", "people": "6", "insights": "4",
         "relationships": "8", "industry_rank": "12"}


def test_bad_input_is_explained_at_its_field_and_saves_nothing(page: Page, site_url: str) -> None:
    start(page, site_url, document=document(record("2026-10-01", 12.5, 6.2, 4.318, 8.8)))
    before = stored(page)
    assert before is not None
    summary = page.locator("#form-summary")

    cases = [  # field, what is typed, words the message must contain
        ("brand", "26", ["25", "26"]),
        ("people", "abc", ["not a number"]),
        ("industry_rank", "0", ["1 to 100"]),
        ("date", "2026-11-23", ["future"]),  # today is 2026-11-22
        ("date", "2026-10-01", ["already"]),  # the seeded check-in's date
    ]
    for field, typed, words in cases:
        fill_checkin(page, **{**VALID, field: typed})
        page.click("#save-button")
        message = page.locator(f"#err-{field}")
        for word in words:
            expect(message).to_contain_text(word)
        expect(page.locator(f"#f-{field}")).to_have_attribute("aria-invalid", "true")
        expect(page.locator("#checkin-form [aria-invalid=true]")).to_have_count(1)
        expect(page.locator(f"#f-{field}")).to_be_focused()  # straight to what needs fixing
        expect(summary).to_be_visible()
        expect(summary).to_contain_text("1 field")
        expect(page.locator(f"#f-{field}")).to_have_value(typed)  # nothing typed is lost
        assert stored(page) == before, f"storage changed after a refused {field}={typed!r}"
        assert history_dates(page) == ["2026-10-01"]

    # Several problems are all reported at once; fixing one clears its message as you type.
    fill_checkin(page, **{**VALID, "brand": "26", "people": "abc", "date": "2026-11-23"})
    page.click("#save-button")
    expect(summary).to_contain_text("Please fix 3 fields")
    for field in ("date", "brand", "people"):
        expect(page.locator(f"#err-{field}")).not_to_be_empty()
    page.fill("#f-brand", "25")
    expect(page.locator("#err-brand")).to_be_empty()
    expect(page.locator("#f-brand")).not_to_have_attribute("aria-invalid", "true")
    assert stored(page) == before

    fill_checkin(page, **VALID)
    page.click("#save-button")
    expect(page.locator("#status")).to_contain_text("Saved the check-in of 1 Nov 2026")
    expect(summary).to_be_hidden()
    expect(page.locator("#checkin-form [aria-invalid=true]")).to_have_count(0)
    assert history_dates(page) == ["2026-11-01", "2026-10-01"]


def test_typed_checkin_survives_a_reload_until_saved(page: Page, site_url: str) -> None:
    start(page, site_url)
    go(page, "checkins")
    page.fill("#f-date", "2026-11-20")
    page.fill("#f-brand", "12,5")
    page.fill("#f-people", "6.2")
    page.fill("#f-note", "half typed")
    typed = form_values(page)

    page.reload()
    wait_ready(page)
    assert form_values(page) == typed
    expect(page.locator("#status")).to_contain_text("Restored the check-in you were typing")
    expect(page.locator("#status")).to_contain_text("not saved yet")
    expect(page.locator("#total-preview")).to_have_text("18.7 so far (2 of 4 pillars)")
    assert stored(page) is None, "a draft is not a check-in"

    page.fill("#f-insights", "4")
    page.fill("#f-relationships", "8")
    page.click("#save-button")
    expect(page.locator("#status")).to_contain_text("Saved the check-in of 20 Nov 2026")
    assert stored(page, DRAFT_KEY) is None, "a saved check-in must not come back as a draft"
    assert [c["note"] for c in stored_checkins(page)] == ["half typed"]
    values = form_values(page)
    assert values.pop("date") == TODAY
    assert values == dict.fromkeys(values, ""), values


def test_checkin_with_the_keyboard_only(page: Page, site_url: str) -> None:
    start(page, site_url)
    go(page, "checkins")
    page.focus("#f-date")
    page.keyboard.press("ArrowDown")  # steps the focused part of the date back by one
    date = page.input_value("#f-date")
    assert "2014-01-01" < date < TODAY, date

    for _ in range(6):  # the date input has a stop per part (day, month, year)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "f-brand":
            break
    expect(page.locator("#f-brand")).to_be_focused()
    for value in ("12,5", "6.2", "4.318", "8.8"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    expect(page.locator("#f-industry_rank")).to_be_focused()
    page.keyboard.type("48")
    expect(page.locator("#total-preview")).to_have_text("31.818 (LinkedIn shows 32)")
    page.keyboard.press("Enter")

    expect(page.locator("#status")).to_contain_text(f"Saved the check-in of {long_date(date)}")
    expect(page.locator("[data-testid=total]")).to_have_text("32 / 100")
    assert stored_checkins(page) == [{
        "date": date, "brand": 12.5, "people": 6.2, "insights": 4.318, "relationships": 8.8,
        "industry_rank": 48,
    }]
