"""Accounts, end to end: open a generated LinkedIn export, add an account from a company,
add and tag three people, see the gaps and next steps, open a newer export where the champion
changed company and see them flagged, then forget the account and find nothing of it left in
localStorage. The export is synthetic (tests/linkedin_export.py) and the people expected in it
are computed while it is written; the page fixture fails on any request to another origin.
"""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import drop, go, start, stored
from tests.linkedin_export import ExpectedContact, ExportSpec, make_export, newer_export

pytestmark = pytest.mark.e2e

OPEN_TIMEOUT_MS = 120_000  # pandas loads on the first export: seconds on a 2-core machine
SPEC = ExportSpec(seed=11, weeks=20)


def busiest_company(contacts: dict[str, ExpectedContact]) -> tuple[str, list[str]]:
    """The company with the most connections, and their profile URLs (at least three)."""
    connected = {url: c for url, c in contacts.items() if c.link == "connected" and c.company}
    company, _ = Counter(c.company for c in connected.values()).most_common(1)[0]
    urls = sorted(url for url, c in connected.items() if c.company == company)
    assert len(urls) >= 3, "the generated export needs three people at one company"
    return company, urls


def open_export(page: Page, files: list[tuple[str, bytes]]) -> None:
    go(page, "accounts")
    details = page.locator("#accounts-export-details")
    if details.get_attribute("open") is None:
        details.locator("> summary").click()
    drop(page, "accounts-drop", files)


def test_map_a_deal_from_the_export_follow_a_move_and_forget_it(
        page: Page, site_url: str) -> None:
    export = make_export(SPEC)
    contacts = export.expected.contacts
    company, urls = busiest_company(contacts)
    start(page, site_url, charts=True)
    go(page, "accounts")
    expect(page.locator("#accounts-empty")).to_contain_text("No target accounts yet")

    open_export(page, export.uploads)
    expect(page.locator("#accounts-search-area")).to_be_visible(timeout=OPEN_TIMEOUT_MS)
    expect(page.locator("#accounts-search-help")).to_contain_text(
        f"{len(contacts):,} people from your export")

    # The company, found by typing part of its name, becomes an account.
    page.fill("#accounts-search", company[: max(3, len(company) // 2)])
    page.locator(f"#accounts-companies button[data-company='{company}']").click()
    expect(page.locator("#account-heading")).to_have_text(company)

    # Three of its people, added from the search.
    page.fill("#accounts-search", company)
    chosen = urls[:3]
    for url in chosen:
        page.locator(f"#accounts-people-found li[data-contact='{url}'] button").click()
        expect(page.locator(f"#account-people [data-person='{url}']")).to_be_visible()
    names = [contacts[url].name for url in chosen]
    rows = page.locator("#account-people [data-person]")
    expect(rows).to_have_count(3)

    # Tagged: a champion who supports, a decision-maker, a blocker with no plan yet.
    for n, (role, stance, influence) in enumerate((("champion", "supports", "high"),
                                                   ("decision_maker", "neutral", "high"),
                                                   ("blocker", "opposes", "low"))):
        page.select_option(f"#person-role-{n}", role)
        page.select_option(f"#person-stance-{n}", stance)
        page.select_option(f"#person-influence-{n}", influence)
    page.locator("#account-people-form button[type=submit]").click()
    expect(page.locator("#status")).to_have_text("Saved the tags.")

    gaps = page.locator("#account-gaps")
    expect(gaps.locator("li[data-gap]").first).to_be_visible()
    expect(gaps).to_contain_text(names[2])  # the blocker has no plan
    champion = page.locator(f"#account-people [data-person='{chosen[0]}']")
    expect(champion.locator(".next-step strong")).to_contain_text("introduc")
    for url in chosen:
        expect(page.locator(f"#account-people [data-person='{url}'] .next-step strong")
               ).not_to_be_empty()
    expect(page.locator("#account-grid-table")).to_be_visible()
    expect(page.locator("#accounts-table tbody tr")).to_have_count(1)
    assert company in (stored(page) or "")

    # A newer export: the champion now works elsewhere, and is flagged.
    newer = make_export(newer_export(SPEC, moved={chosen[0]: "Elsewhere Example Ltd"}))
    open_export(page, newer.uploads)
    expect(page.locator("#status")).to_contain_text("Moved to another company",
                                                    timeout=OPEN_TIMEOUT_MS)
    expect(champion).to_contain_text("Moved to Elsewhere Example Ltd")
    expect(gaps).to_contain_text(names[0])

    # Forget it: asked once more, then nothing of it is left in storage.
    page.locator("#account-section button[data-action=account-forget]").click()
    page.locator("button[data-action=account-forget-yes]").click()
    expect(page.locator("#status")).to_contain_text(f"Forgot {company}")
    expect(page.locator("#accounts-empty")).to_be_visible()
    everything = page.evaluate(
        "() => Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k)).join()")
    for secret in (company, *names, *(url.rsplit("/", 1)[-1] for url in chosen)):
        assert secret not in everything, secret
