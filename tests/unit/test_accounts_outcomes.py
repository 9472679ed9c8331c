"""Won and lost accounts in "does SSI pay off for me": per month of their close date with
their value, next to the month's SSI, and deals won read against SSI honestly."""

from __future__ import annotations

import datetime as dt

import pytest

from shell import coach_views
from ssi_coach.activity.outcomes import deal_outcomes
from ssi_coach.model import Account

from .conftest import checkin
from .parsed_html import parse

D = dt.date.fromisoformat


def _deal(name: str, status: str, closes: str | None, value: float | None = None) -> Account:
    return Account(name, status=status, value=value,
                   closes_on=None if closes is None else D(closes))


def test_no_won_or_lost_account_no_deal_outcomes() -> None:
    assert deal_outcomes((Account("Acme", status="active"), Account("Globex")), ()) is None


def test_deals_are_counted_per_month_with_their_value_next_to_that_months_ssi() -> None:
    accounts = (_deal("Acme", "won", "2026-09-30", 12500), _deal("Globex", "won", "2026-09-02"),
                _deal("Initech", "lost", "2026-09-15", 4000),
                _deal("Hooli", "won", "2026-11-01", 800), _deal("Umbrella", "lost", None),
                Account("Soylent", status="active"))
    checkins = (checkin("2026-09-05", (10, 10, 10, 10)), checkin("2026-09-28", (12, 10, 10, 10)),
                checkin("2026-11-20", (15, 10, 10, 10)))
    deals = deal_outcomes(accounts, checkins)
    assert deals is not None
    september, october, november = deals.months  # October closed nothing: 0, not left out
    assert (september.month, september.ssi, september.won, september.won_value,
            september.lost, september.lost_value) == (D("2026-09-01"), 42, 2, 12500, 1, 4000)
    assert (october.ssi, october.won, october.lost, october.won_value) == (None, 0, 0, None)
    assert (november.ssi, november.won, november.won_value) == (45, 1, 800)
    assert deals.undated == 1  # Umbrella was lost without a date


def test_deals_won_against_ssi_needs_six_months_with_a_check_in() -> None:
    accounts = [_deal(f"A{n}", "won", f"2026-0{n}-10") for n in range(1, 6)]
    checkins = [checkin(f"2026-0{n}-20") for n in range(1, 6)]
    deals = deal_outcomes(accounts, checkins)
    assert deals is not None
    assert deals.correlation.r is None and deals.correlation.points == 5
    assert deals.correlation.verdict == "not enough data (5 of 6 points)"


def test_deals_won_per_month_are_correlated_with_ssi() -> None:
    # Months 1-6: SSI 41..46, deals won 2, 1, 4, 3, 6, 5. By hand: deviations of each series
    # square-sum to 17.5 and their products sum to 14.5, so r = 14.5 / 17.5.
    won = (2, 1, 4, 3, 6, 5)
    accounts = [_deal(f"A{m}-{k}", "won", f"2026-0{m}-10") for m, n in enumerate(won, 1)
                for k in range(n)]
    checkins = [checkin(f"2026-0{m}-20", (20, 10, 10, m)) for m in range(1, 7)]
    deals = deal_outcomes(accounts, checkins)
    assert deals is not None
    assert deals.correlation.measure.label == "Deals won"
    assert deals.correlation.r == pytest.approx(14.5 / 17.5)
    assert deals.correlation.verdict.startswith("r = 0.83 over 6 check-ins: a strong positive")


def test_the_coach_table_shows_each_month_and_says_what_has_no_date() -> None:
    accounts = (_deal("Acme", "won", "2026-09-30", 12500.5), _deal("Hooli", "won", "2026-10-01"),
                _deal("Umbrella", "lost", None))
    page = parse(coach_views.deals_table(deal_outcomes(accounts, (checkin("2026-09-20"),))))
    rows = page.all("tr", data_month=None)
    cells = [[c.words for c in row.all() if c.tag in ("th", "td")] for row in rows]
    assert cells == [["Sep 2026", "23.3", "1", "12,500.50", "0", ""],
                     ["Oct 2026", "no check-in", "1", "", "0", ""]]
    assert page.one("p", class_="deals-undated").words == (
        "1 won or lost account without a close date: not in any month. Give it a date to "
        "count it.")
    assert coach_views.deals_table(None) == ""
