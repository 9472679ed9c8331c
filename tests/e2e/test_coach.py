"""The Coach: weekly activity and the profile checklist in; the estimate and why, calibration,
next actions, the what-if plan and goal, why a score changed and whether SSI pays off out.

Every journey runs on the fixed "today" of the helpers, 2026-11-22 (a Sunday, ISO week
2026-W47). Expected estimates are worked out here from the documented formula (README, "How
the estimate works": a signal adds weight × (1 − e^(−3·rate/saturation)), its rate averaged over
the weeks that logged it) with the weights of the estimator's published table (SIGNALS); they
are never read back from the page.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import statistics
from collections.abc import Mapping, Sequence
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

from ssi_coach.activity.estimate import SIGNALS
from ssi_coach.exporters.share import decode_report
from tests.e2e.conftest import wait_ready
from tests.e2e.helpers import (
    NOW,
    add_checkin,
    document_v2,
    go,
    long_date,
    record,
    reveal,
    seed,
    start,
    storage_length,
    stored,
    stored_document,
    strict_page,
)

pytestmark = pytest.mark.e2e

# ---- documents and numbers ------------------------------------------------------------------


def mondays(first: str, count: int) -> list[str]:
    day = dt.date.fromisoformat(first)
    assert day.weekday() == 0, f"{first} is not a Monday"
    return [(day + dt.timedelta(weeks=n)).isoformat() for n in range(count)]


def coach_document(*checkins: dict[str, Any], weeks: Sequence[dict[str, Any]] = (),
                   checklist: dict[str, Any] | None = None, plan: dict[str, Any] | None = None,
                   goal: dict[str, Any] | None = None) -> dict[str, Any]:
    """A stored document in the current format, with its coaching part."""
    return {**document_v2(*checkins), "weeks": list(weeks), "checklist": checklist,
            "plan": plan, "goal": goal}


def week(monday: str, **counts: int) -> dict[str, Any]:
    return {"week": monday, "counts": counts}


def one(value: float) -> str:
    """A score as the Coach shows it: one decimal, trailing zeros dropped (6.0 -> '6')."""
    return f"{round(value, 1):.3f}".rstrip("0").rstrip(".")


def weekly_rates(weeks: Sequence[Mapping[str, int]]) -> dict[str, float]:
    """Each signal's rate: the mean over the weeks that logged any of its counts (a blank week
    says nothing about it). Signals never logged are left out: they are missing."""
    rates: dict[str, float] = {}
    for signal in SIGNALS:
        if not signal.measures:
            continue
        totals = [sum(w[m] for m in signal.measures if m in w)
                  for w in weeks if any(m in w for m in signal.measures)]
        if totals:
            rates[signal.key] = sum(totals) / len(totals)
    return rates


def points(signal_key: str, pillar: str, rate: float) -> float:
    signal = next(s for s in SIGNALS if s.key == signal_key and s.pillar == pillar)
    return signal.weight * (1 - math.exp(-3 * rate / signal.saturation))


def pillar_score(pillar: str, rates: Mapping[str, float]) -> tuple[float, float]:
    """(score, high) of a pillar fed by weekly counts only: missing signals add nothing to the
    score and their saturated points to the high end of the range."""
    score = high = 0.0
    for signal in SIGNALS:
        if signal.pillar != pillar:
            continue
        assert not signal.items, "only for pillars without checklist signals"
        if signal.key in rates:
            gained = points(signal.key, pillar, rates[signal.key])
            score, high = score + gained, high + gained
        else:
            high += points(signal.key, pillar, signal.saturation)
    return score, high


# ---- page parts ---------------------------------------------------------------------------------

def estimate_item(page: Page, pillar: str) -> Locator:
    return page.locator(f"#coach-body .estimate-list li[data-pillar={pillar}]")


def estimated_score(page: Page, pillar: str) -> str:
    return estimate_item(page, pillar).locator("strong").first.inner_text()


def signal_cells(item: Locator, label: str) -> list[str]:
    """The cells of one row of a pillar's "Why this number" table, after the signal name."""
    row = item.locator("table.signals tbody tr").filter(
        has=item.page.locator("th", has_text=re.compile(f"^{re.escape(label)}$")))
    expect(row).to_have_count(1)
    return row.locator("td").all_inner_texts()


def action_titles(page: Page) -> list[str]:
    return page.locator("#coach-body .actions-list > li > strong").all_inner_texts()


def open_details(page: Page, details_id: str) -> None:
    reveal(page, f"#{details_id}")
    details = page.locator(f"#{details_id}")
    if details.get_attribute("open") is None:
        details.locator("> summary").click()
    expect(details).to_have_attribute("open", "")


def log_week(page: Page, iso_week: str, monday: str, **counts: int | str) -> None:
    """Fill the weekly form (blank fields stay blank) and save it."""
    reveal(page, "#week-form")
    page.fill("#w-week", iso_week)
    for key, value in counts.items():
        page.fill(f"#w-{key}", str(value))
    page.click("#week-form button[type=submit]")
    expect(page.locator("#status")).to_have_text(
        f"Saved the week of {long_date(monday)}.")
    expect(page.locator(f"#weeks-body tr[data-week='{monday}']")).to_have_count(1)


def projected_totals(page: Page) -> dict[str, float]:
    rows = page.locator("#projection-body table.projection tbody tr")
    return {row.get_attribute("data-week") or "": float(row.locator("td").last.inner_text())
            for row in rows.all()}


# ---- 1. logging a week, the checklist, and the estimate with its reasons ----------------------

W44, W45, W46, W47 = mondays("2026-10-26", 4)
FOUR_WEEKS = {
    W44: {"posts": 1, "comments_written": 6, "reactions_given": 10, "requests_sent": 8,
          "decision_makers_added": 1, "requests_accepted": 3, "messages_sent": 5,
          "replies_received": 2, "meetings": 1},
    W45: {"posts": 2, "comments_written": 8, "reactions_given": 12, "requests_sent": 10,
          "decision_makers_added": 2, "requests_accepted": 4, "messages_sent": 6,
          "replies_received": 3, "meetings": 2},
    # No messages or replies counted this week: blank, which must not drag the rates down.
    W46: {"posts": 0, "comments_written": 4, "reactions_given": 8, "requests_sent": 6,
          "decision_makers_added": 0, "requests_accepted": 2},
    W47: {"posts": 1, "comments_written": 10, "reactions_given": 10, "requests_sent": 8,
          "decision_makers_added": 1, "requests_accepted": 3, "messages_sent": 7,
          "replies_received": 4, "meetings": 0},
}
NEVER_LOGGED = {"people": ("People searches per week", "Prospect profiles viewed per week"),
                "insights": ("Reshares per week", "Group posts and comments per week"),
                "relationships": ("Conversations started per week",)}


def test_logged_weeks_and_checklist_feed_an_estimate_that_shows_its_reasons(
        page: Page, site_url: str) -> None:
    start(page, site_url, charts=True)  # loading the charts redraws the Coach: wait for it
    status = page.locator("#status")
    go(page, "coach")
    expect(page.locator("#coach")).to_be_visible()
    expect(page.locator("#weeks-body")).to_have_text(re.compile("No weeks logged yet"))
    open_details(page, "change-details")
    expect(page.locator("#change-body")).to_have_text("This needs two check-ins to compare.")

    open_details(page, "week-details")
    expect(page.locator("#w-week")).to_have_value("2026-W47")  # this week, ready to log
    for iso_week, (monday, counts) in zip(("2026-W44", "2026-W45", "2026-W46", "2026-W47"),
                                          FOUR_WEEKS.items(), strict=True):
        log_week(page, iso_week, monday, **counts)
        expect(page.locator("#w-week")).to_have_value("2026-W47")  # a fresh form after saving
        expect(page.locator("#w-posts")).to_have_value("")
    expect(page.locator("#weeks-body tbody tr")).to_have_count(4)
    # Newest first; in the table too a blank stays blank and a 0 shows as 0. Columns: Edit,
    # source, measures logged, posts, comments written, requests sent, messages sent, meetings.
    expect(page.locator("#weeks-body tbody tr").first).to_have_attribute("data-week", W47)
    assert page.locator(f"#weeks-body tr[data-week='{W46}'] td").all_inner_texts() == [
        "Edit", "Typed", "6", "0", "4", "6", "", ""]

    # Only what was typed is stored: a blank field is absent, never 0; a typed 0 stays 0.
    assert stored_document(page)["weeks"] == [
        {"week": monday, "counts": counts} for monday, counts in FOUR_WEEKS.items()]

    open_details(page, "checklist-details")
    for item, answer in {"photo": "yes", "headline": "yes", "about": "no",
                         "endorsements": "yes"}.items():
        page.select_option(f"#c-{item}", answer)
    page.click("#checklist-form button[type=submit]")
    expect(status).to_have_text("Saved the checklist: 3 of 14 done.")
    assert stored_document(page)["checklist"] == {
        "items": {"photo": True, "headline": True, "about": False, "endorsements": True},
        "updated_on": "2026-11-22"}

    # ---- the estimate panel
    panel = page.locator("#coach-body .estimate-panel")
    expect(panel).to_contain_text("24 Aug 2026 to 22 Nov 2026, 4 weeks logged")
    rates = weekly_rates(list(FOUR_WEEKS.values()))
    assert rates["messages_sent"] == 6  # (5 + 6 + 7) / 3: the blank week is not a 0
    insights, insights_high = pillar_score("insights", rates)
    relationships, relationships_high = pillar_score("relationships", rates)
    people, _ = pillar_score("people", rates)
    profile_share = 2 / 13  # photo and headline of the 13 profile items (endorsements apart)
    brand = (points("profile", "brand", profile_share) + points("endorsements", "brand", 1)
             + points("posts", "brand", rates["posts"]))
    expected = {"brand": (brand, "low"), "people": (people, "medium"),
                "insights": (insights, "medium"), "relationships": (relationships, "medium")}
    for pillar, (score, confidence) in expected.items():
        item = estimate_item(page, pillar)
        expect(item).to_have_count(1)
        assert estimated_score(page, pillar) == one(score), pillar
        expect(item.locator(".badge")).to_have_text(f"{confidence} confidence")
        expect(item.locator("details > summary")).to_have_text("Why this number")
        expect(item.locator("details")).not_to_have_attribute("open", "")
    expect(estimate_item(page, "insights")).to_contain_text(
        f"(range {one(insights)}–{one(insights_high)})")
    expect(estimate_item(page, "relationships")).to_contain_text(
        f"(range {one(relationships)}–{one(relationships_high)})")
    expect(page.locator("[data-testid=estimate-total]")).to_contain_text(
        one(brand + people + insights + relationships))

    # "Why this number": every signal with its weight and value; never-logged ones "missing".
    go(page, "coach")
    for pillar, labels in NEVER_LOGGED.items():
        item = estimate_item(page, pillar)
        item.locator("details > summary").click()
        expect(item.locator("details")).to_have_attribute("open", "")
        expect(item.locator("table.signals")).to_be_visible()
        for label in labels:
            cells = signal_cells(item, label)
            assert cells[-2:] == ["missing", "missing"], (label, cells)
    people_item = estimate_item(page, "people")
    expect(people_item.locator("table.signals tbody tr")).to_have_count(4)
    assert signal_cells(people_item, "Connection requests sent per week") == [
        "Connection requests sent", "6", "10 a week", "8",
        f"{points('requests_sent', 'people', 8):.1f}"]
    expect(people_item).to_contain_text("52% of this pillar's weight rests on inputs you logged")
    relationships_item = estimate_item(page, "relationships")
    assert signal_cells(relationships_item, "Messages sent per week")[-2:] == [
        "6", f"{points('messages_sent', 'relationships', 6):.1f}"]
    brand_item = estimate_item(page, "brand")
    brand_item.locator("details > summary").click()
    assert signal_cells(brand_item, "Profile checklist items done")[-2:] == [
        "15% done", f"{points('profile', 'brand', profile_share):.1f}"]
    assert signal_cells(brand_item, "Reactions and comments received per week")[-2:] == [
        "missing", "missing"]

    # ---- impossible numbers are refused at their field, and nothing is saved
    before = stored(page)
    go(page, "activity")
    page.fill("#w-week", "2026-W48")  # next week: not started yet
    bad = {"posts": "-1", "comments_written": "1.5", "requests_sent": "3",
           "requests_accepted": "5", "messages_sent": "2", "replies_received": "4"}
    for key, value in bad.items():
        page.fill(f"#w-{key}", value)
    page.click("#week-form button[type=submit]")
    errors = {
        "week": "That week has not started yet.",
        "posts": "Use a whole number of 0 or more, like 3.",
        "comments_written": "Use a whole number of 0 or more, like 3.",
        "requests_accepted": "Connection requests accepted (5) cannot be more than connection "
                             "requests sent (3).",
        "replies_received": "Replies received (4) cannot be more than messages sent (2).",
    }
    for key, message in errors.items():
        expect(page.locator(f"#werr-{key}")).to_have_text(message)
        expect(page.locator(f"#w-{key}")).to_have_attribute("aria-invalid", "true")
    for key in ("requests_sent", "messages_sent", "reactions_given"):
        expect(page.locator(f"#werr-{key}")).to_have_text("")
        expect(page.locator(f"#w-{key}")).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#w-week")).to_be_focused()
    expect(page.locator("#w-posts")).to_have_value("-1")  # what was typed is still there
    expect(status).to_have_text("Saved the checklist: 3 of 14 done.")
    assert stored(page) == before
    expect(page.locator("#weeks-body tbody tr")).to_have_count(4)

    # Each rule on its own, in a past week: still refused, still nothing saved.
    page.fill("#w-week", "2026-W43")
    for key, value in {"posts": "1", "comments_written": "2", "messages_sent": "",
                       "replies_received": ""}.items():
        page.fill(f"#w-{key}", value)
    page.click("#week-form button[type=submit]")
    expect(page.locator("#werr-requests_accepted")).to_contain_text("cannot be more than")
    for key in ("week", "posts", "comments_written", "replies_received"):
        expect(page.locator(f"#werr-{key}")).to_have_text("")
    expect(page.locator("#w-requests_accepted")).to_be_focused()
    assert stored(page) == before

    # ---- editing a week refills the form and replaces that week
    page.click(f"#weeks-body [data-action=edit-week][data-week='{W46}']")
    expect(page.locator("#w-week")).to_have_value("2026-W46")
    expect(page.locator("#werr-requests_accepted")).to_have_text("")
    expect(page.locator("#w-posts")).to_have_value("0")  # a logged 0 comes back as 0
    expect(page.locator("#w-comments_written")).to_have_value("4")
    expect(page.locator("#w-messages_sent")).to_have_value("")  # not logged stays blank
    expect(page.locator("#w-requests_accepted")).to_have_value("2")
    page.fill("#w-comments_written", "9")
    page.fill("#w-messages_sent", "3")
    page.click("#week-form button[type=submit]")
    expect(status).to_have_text(f"Saved the week of {long_date(W46)}.")
    expect(page.locator("#weeks-body tbody tr")).to_have_count(4)
    expect(page.locator(f"#weeks-body tr[data-week='{W46}']")).to_have_count(1)
    edited = {**FOUR_WEEKS[W46], "comments_written": 9, "messages_sent": 3}
    assert stored_document(page)["weeks"] == [
        {"week": monday, "counts": edited if monday == W46 else counts}
        for monday, counts in FOUR_WEEKS.items()]
    new_rates = weekly_rates([edited if m == W46 else c for m, c in FOUR_WEEKS.items()])
    assert estimated_score(page, "insights") == one(pillar_score("insights", new_rates)[0])


# ---- 2. calibration on the member's own check-ins ---------------------------------------------

# Sixteen weeks of the same steady habits, Monday 3 Aug to Monday 16 Nov 2026.
STEADY = {"posts": 1, "reactions_received": 12, "people_searches": 4, "requests_sent": 5,
          "decision_makers_added": 1, "comments_written": 5, "reactions_given": 8,
          "requests_accepted": 2, "messages_sent": 4, "replies_received": 2}
SIXTEEN_WEEKS = [week(monday, **STEADY) for monday in mondays("2026-08-03", 16)]


def calibration_errors(page: Page) -> dict[str, tuple[float, float, str]]:
    """Each pillar's average error before and after calibrating, and which estimate is
    shown, from its table."""
    rows = page.locator("#coach-body table.calibration-table tbody tr")
    found = {}
    for row in rows.all():
        before, after, shown = row.locator("td").all_inner_texts()
        found[row.locator("th").inner_text()] = (float(before), float(after), shown)
    return found


def test_calibration_waits_for_three_checkins_with_a_month_of_activity_behind_them(
        page: Page, site_url: str) -> None:
    # 20 Aug has only 3 logged weeks in its 90 days (3, 10 and 17 Aug): it cannot count.
    # 1 Sep and 1 Oct have 5 and 9. The real scores sit well above the raw estimate.
    checkins = (record("2026-08-20", 19, 18, 17, 19), record("2026-09-01", 19.5, 18.5, 17, 20),
                record("2026-10-01", 20, 18, 18, 19.5))
    start(page, site_url, document=coach_document(*checkins, weeks=SIXTEEN_WEEKS))
    notice = page.locator("#coach-body .calibration")
    expect(notice).to_have_text(re.compile(
        r"^Calibration needs 1 more check-in with at least 4 weeks of activity logged before "
        r"them \(you have 2\)\."))
    expect(page.locator("#coach-body table.calibration-table")).to_have_count(0)
    raw = {p: float(estimated_score(page, p)) for p in ("brand", "people", "insights",
                                                        "relationships")}
    rates = weekly_rates([STEADY])
    for pillar in ("people", "insights", "relationships"):  # default weights until then
        assert raw[pillar] == float(one(pillar_score(pillar, rates)[0])), pillar

    add_checkin(page, "2026-11-01", "20.5", "19", "18", "20")
    expect(notice).to_have_text(re.compile(r"^Calibrated on 3 check-ins"))
    table = page.locator("#coach-body table.calibration-table")
    expect(table).to_contain_text("before → after")
    errors = calibration_errors(page)
    assert list(errors) == ["Establish your professional brand", "Find the right people",
                            "Engage with insights", "Build relationships"]
    for label, (before, after, shown) in errors.items():
        # The same activity behind every check-in, real scores far above it: calibrating
        # must cut the error, measured on check-ins the fit did not see, and so it is used.
        assert after < before, (label, before, after)
        assert shown == "Calibrated to your check-ins", label
    for pillar in ("brand", "people", "insights", "relationships"):
        expect(estimate_item(page, pillar).locator(".model")).to_have_text(
            "· calibrated to your check-ins")
    expect(estimate_item(page, "brand")).to_contain_text("Your check-in of 1 Nov 2026: 20.5")
    calibrated = {p: float(estimated_score(page, p)) for p in raw}
    real = {"brand": 20.5, "people": 19, "insights": 18, "relationships": 20}
    for pillar, score in calibrated.items():
        assert abs(real[pillar] - score) < abs(real[pillar] - raw[pillar]), (
            pillar, raw[pillar], score)


# ---- 3. what-if plan and goal ----------------------------------------------------------------

LOW_HABITS = {"posts": 0, "comments_written": 2, "requests_sent": 2, "requests_accepted": 1,
              "messages_sent": 3, "replies_received": 1}
PLAN_WEEKS = mondays("2026-11-23", 12)  # the twelve Mondays after today


def goal_status(page: Page) -> str:
    return page.locator("#projection-body .goal-status").inner_text()


def check_status_matches_table(page: Page, target: float, by_week: str) -> float:
    """The goal's verdict must agree with the projected total of the goal's week."""
    total = projected_totals(page)[by_week]
    gap = target - total
    status = goal_status(page)
    if gap < 0.05:
        assert status.startswith("On track"), (status, total)
    else:
        assert status.startswith(f"Behind by {gap:.1f} points"), (status, total)
    return total


def save_plan(page: Page, values: Mapping[str, str]) -> None:
    for key, value in values.items():
        page.fill(f"#{key}", value)
    page.click("#plan-form button[type=submit]")


def test_plan_and_goal_project_twelve_weeks_and_bad_goals_are_refused(
        page: Page, site_url: str) -> None:
    weeks = [week(monday, **LOW_HABITS) for monday in mondays("2026-10-26", 4)]
    start(page, site_url, document=coach_document(weeks=weeks))
    status = page.locator("#status")
    expect(page.locator("#projection-body")).to_be_empty()  # no plan, no goal: nothing yet
    actions = action_titles(page)
    assert actions[0] == "Publish one post a week about a problem you solve", actions

    open_details(page, "plan-details")
    save_plan(page, {"p-posts": "3", "p-comments_written": "10", "p-requests_sent": "10",
                     "g-goal_target": "40", "g-goal_date": "2027-02-01"})
    expect(status).to_have_text("Saved your plan. The projection below shows where it leads.")
    expect(page.locator("#plan-details")).to_have_attribute("open", "")
    rows = page.locator("#projection-body table.projection tbody tr")
    expect(rows).to_have_count(12)
    assert [r.get_attribute("data-week") for r in rows.all()] == PLAN_WEEKS
    expect(rows.first.locator("th")).to_have_text("23 Nov 2026")
    expect(rows.last.locator("th")).to_have_text("8 Feb 2027")
    expect(page.locator("#projection-body .goal-status")).to_contain_text(
        "for your goal of SSI 40 by 1 Feb 2027")
    first = projected_totals(page)
    totals = list(first.values())
    assert totals == sorted(totals), f"more of a habit never lowers the projection: {totals}"
    assert totals[-1] > totals[0]
    first_at_goal = check_status_matches_table(page, 40, "2027-02-01")
    saved = stored_document(page)
    assert saved["plan"] == {"weekly": {"posts": 3, "comments_written": 10, "requests_sent": 10}}
    # The ranked actions start from where the plan leads: posting is planned, so it is no
    # longer suggested, and the list says what it is ranked from.
    expect(page.locator("#coach-body .plan-note")).to_contain_text("where your plan leads")
    expect(page.locator("#coach-body .actions-list")).not_to_contain_text(
        "Publish one post a week")
    planned_actions = action_titles(page)
    assert planned_actions and planned_actions != actions, (actions, planned_actions)
    assert saved["goal"] == {"target": 40, "by": "2027-02-01"}

    # A bigger plan: every projected week is at least as high, and the end clearly higher.
    save_plan(page, {"p-posts": "5", "p-comments_written": "20", "p-requests_sent": "20",
                     "p-messages_sent": "10"})
    expect(page.locator("#projection-body table.projection tbody tr")).to_have_count(12)
    page.wait_for_function(
        """(before) => {
            const row = document.querySelector('#projection-body tr[data-week="2027-02-08"]');
            return row && parseFloat(row.lastElementChild.textContent) > before;
        }""", arg=first["2027-02-08"])
    second = projected_totals(page)
    for monday in PLAN_WEEKS:
        assert second[monday] >= first[monday], (monday, first[monday], second[monday])
    second_at_goal = check_status_matches_table(page, 40, "2027-02-01")
    assert second_at_goal > first_at_goal
    assert stored_document(page)["plan"] == {"weekly": {
        "posts": 5, "comments_written": 20, "requests_sent": 20, "messages_sent": 10}}

    # A goal a point or two beyond the plan is behind; one it reaches is on track.
    near = math.ceil(second_at_goal) + 1
    save_plan(page, {"g-goal_target": str(near)})
    expect(page.locator("#projection-body .goal-status")).to_contain_text(
        f"for your goal of SSI {near} by 1 Feb 2027")
    expect(page.locator("#projection-body .goal-status")).to_have_attribute(
        "data-on-track", "false")
    check_status_matches_table(page, near, "2027-02-01")
    reachable = math.floor(second_at_goal) - 1
    save_plan(page, {"g-goal_target": str(reachable)})
    expect(page.locator("#projection-body .goal-status")).to_contain_text(
        f"On track for your goal of SSI {reachable} by 1 Feb 2027")
    expect(page.locator("#projection-body .goal-status")).to_have_attribute(
        "data-on-track", "true")

    # ---- a bad plan or goal: the message at its field, nothing saved, nothing redrawn
    before, projection = stored(page), page.locator("#projection-body").inner_html()
    save_plan(page, {"g-goal_target": "120", "g-goal_date": "2027-03-01"})
    expect(page.locator("#gerr-goal_target")).to_have_text("SSI runs from 0 to 100; this is 120.")
    expect(page.locator("#g-goal_target")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#g-goal_target")).to_be_focused()
    expect(page.locator("#gerr-goal_date")).to_have_text("")
    assert stored(page) == before
    save_plan(page, {"g-goal_target": "35", "g-goal_date": "2026-11-01"})
    expect(page.locator("#gerr-goal_date")).to_have_text("Pick a date after today (2026-11-22).")
    expect(page.locator("#gerr-goal_target")).to_have_text("")
    expect(page.locator("#g-goal_date")).to_have_attribute("aria-invalid", "true")
    assert stored(page) == before
    save_plan(page, {"g-goal_date": "2026-11-22"})  # today is not "after today"
    expect(page.locator("#gerr-goal_date")).to_have_text("Pick a date after today (2026-11-22).")
    save_plan(page, {"p-posts": "2.5", "g-goal_date": "2027-03-01"})
    expect(page.locator("#perr-posts")).to_have_text("Use a whole number of 0 or more, like 3.")
    expect(page.locator("#gerr-goal_date")).to_have_text("")
    assert stored(page) == before
    assert page.locator("#projection-body").inner_html() == projection
    expect(status).to_contain_text("Saved your plan")  # from the last good save only

    # Without a weekly plan the actions follow what is logged: once posts reach one a week
    # on average, the posting habit is no longer suggested.
    save_plan(page, {f"p-{key}": "" for key in
                     ("posts", "comments_written", "requests_sent", "messages_sent")})
    expect(page.locator("#coach-body .plan-note")).to_have_count(0)
    expect(page.locator("#coach-body .actions-list > li > strong").first).to_have_text(
        actions[0])
    open_details(page, "week-details")
    page.click(f"#weeks-body [data-action=edit-week][data-week='{mondays('2026-10-26', 4)[3]}']")
    expect(page.locator("#w-posts")).to_have_value("0")
    page.fill("#w-posts", "4")  # (0 + 0 + 0 + 4) / 4 = 1 a week
    page.click("#week-form button[type=submit]")
    expect(status).to_have_text("Saved the week of 16 Nov 2026.")
    expect(page.locator("#coach-body .actions-list")).not_to_contain_text(
        "Publish one post a week")
    assert action_titles(page) != actions


# ---- 4. why did my score change? ----------------------------------------------------------------

CHANGE_CHECKINS = (
    record("2026-09-27", 10, 8, 6, 9, industry_rank=40, network_rank=30,
           industry_average=30, network_average=32),
    record("2026-10-25", 11, 8.5, 7, 9, industry_rank=36),  # no averages, no network rank
    record("2026-11-22", 12.5, 9, 8, 9, industry_rank=32, network_rank=35,
           industry_average=30, network_average=36),
)
# Comments: 2 a week in the 4 whole weeks before 27 Sep, 8 a week before 22 Nov. Posts were
# logged only in the later weeks.
CHANGE_WEEKS = ([week(m, comments_written=2) for m in mondays("2026-08-31", 4)]
                + [week(m, comments_written=8, posts=1) for m in mondays("2026-10-26", 4)])


def test_why_did_my_score_change_names_each_pillar_and_what_moved_each_rank(
        page: Page, site_url: str) -> None:
    # Once the charts are in: loading them redraws the Coach (see the test after this one).
    start(page, site_url, document=coach_document(*CHANGE_CHECKINS, weeks=CHANGE_WEEKS),
          charts=True)
    open_details(page, "change-details")
    body = page.locator("#change-body")
    # The two latest are picked to start with; neither recorded what the network rank needs.
    expect(page.locator("#change-from")).to_have_value("2026-10-25")
    expect(page.locator("#change-to")).to_have_value("2026-11-22")
    ranks = body.locator("ul.rank-moves > li")
    expect(ranks).to_have_count(2)
    expect(ranks.nth(0)).to_have_attribute("data-kind", "unknown")
    expect(ranks.nth(0)).to_contain_text("Industry: Top 36% → Top 32%.")
    expect(ranks.nth(0)).to_contain_text(
        "Not enough information to say why: your SSI rose 3.0 points, from 35.5 to 38.5, which "
        "fits the move, but the industry average was not recorded at both check-ins.")
    expect(ranks.nth(1)).to_contain_text(
        "Network: not recorded → Top 35%. Not enough information: the network rank was not "
        "recorded at both check-ins.")

    page.select_option("#change-from", "2026-09-27")
    expect(body.locator("table.pillar-changes thead")).to_contain_text("27 Sep 2026")
    changes = {"brand": ("10", "12.5", "+2.5"), "people": ("8", "9", "+1"),
               "insights": ("6", "8", "+2"), "relationships": ("9", "9", "±0")}
    for pillar, cells in changes.items():
        row = body.locator(f"table.pillar-changes tr[data-pillar={pillar}]")
        assert tuple(row.locator("td").all_inner_texts()) == cells, pillar
    total = body.locator("table.pillar-changes tbody tr").last
    assert total.locator("td").all_inner_texts() == ["33", "38.5", "+5.5"]
    expect(body.locator(".summary")).to_contain_text(
        "Between 27 Sep 2026 and 22 Nov 2026 your SSI went up (33 to 39, +5.5).")
    expect(body.locator(".summary")).to_contain_text(
        "The biggest move was Establish your professional brand (+2.5).")

    # The industry average held while the member rose: their doing. The network average
    # rose more than they did: the rank slipped because others moved.
    expect(ranks.nth(0)).to_have_attribute("data-kind", "you")
    expect(ranks.nth(0)).to_have_text(
        "Industry: Top 40% → Top 32%. Your industry rank improved from Top 40% to Top 32%. "
        "That is your doing: your SSI rose 5.5 points, from 33 to 38.5, while the industry "
        "average stayed at 30.")
    expect(ranks.nth(1)).to_have_attribute("data-kind", "average")
    expect(ranks.nth(1)).to_have_text(
        "Network: Top 30% → Top 35%. Your network rank slipped from Top 30% to Top 35%. "
        "Your SSI rose 5.5 points, from 33 to 38.5 but the network average went from 32 to "
        "36, so the rank moved because others moved, not you.")

    # The activity behind each check-in: a change, and a measure logged only later.
    activity = body.locator("table.activity-changes tbody tr")
    expect(activity).to_have_count(2)
    assert activity.nth(0).locator("th, td").all_inner_texts() == [
        "Comments written", "2", "8", "+6"]
    assert activity.nth(1).locator("th, td").all_inner_texts() == [
        "Posts published", "not logged", "1", ""]
    expect(body.locator(".summary")).to_contain_text(
        "Your activity changed most in comments written: 2 a week before, 8 now.")

    # Picked the other way round, the story still runs from the older to the newer.
    page.select_option("#change-from", "2026-11-22")
    page.select_option("#change-to", "2026-09-27")
    expect(ranks.nth(0)).to_have_attribute("data-kind", "you")
    expect(body.locator(".summary")).to_contain_text("your SSI went up (33 to 39, +5.5)")
    page.select_option("#change-to", "2026-11-22")
    expect(body).to_have_text("Pick two different check-ins.")


def test_picks_and_open_explanations_survive_the_charts_loading(
        page: Page, site_url: str) -> None:
    """The numbers are on screen before Matplotlib has loaded, so the member may already be
    comparing check-ins or reading "Why this number" when the charts arrive: that must not
    undo what they picked or fold away what they opened."""
    held: list[Route] = []
    page.route("**/matplotlib-*.whl", lambda route: held.append(route))  # hold the charts
    start(page, site_url, document=coach_document(*CHANGE_CHECKINS, weeks=CHANGE_WEEKS))
    expect(page.locator("body")).to_have_attribute("data-stage", "ready")
    open_details(page, "change-details")
    page.select_option("#change-from", "2026-09-27")
    body = page.locator("#change-body")
    expect(body.locator("table.pillar-changes thead")).to_contain_text("27 Sep 2026")
    insights = estimate_item(page, "insights")
    go(page, "coach")
    insights.locator("details > summary").click()
    expect(insights.locator("details")).to_have_attribute("open", "")

    for _ in range(100):  # until the wheel's request reaches the route
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the page did not ask for Matplotlib"
    for route in held:
        route.continue_()
    page.unroute("**/matplotlib-*.whl")
    wait_ready(page, charts=True)  # set once the charts are drawn
    after = {"from": page.locator("#change-from").input_value(),
             "compared": body.locator("table.pillar-changes thead").inner_text(),
             "why this number open": insights.locator("details").get_attribute("open")}
    assert after["from"] == "2026-09-27", after
    assert "27 Sep 2026" in after["compared"], after
    assert after["why this number open"] is not None, after


# ---- 5. does SSI pay off for me? ----------------------------------------------------------------

# Check-ins on Sundays, each four weeks apart; the sixth (today) is typed into the form.
OUTCOME_CHECKINS = (
    ("2026-06-28", (8, 7, 7, 8)), ("2026-07-26", (9, 7.5, 8, 8.5)),
    ("2026-08-23", (9, 7, 7.5, 8.5)), ("2026-09-20", (10, 9, 9, 10)),
    ("2026-10-18", (11, 10, 10, 10)), ("2026-11-22", (12, 11, 11, 11)),
)
OUTCOME_MONDAYS = mondays("2026-06-01", 25)  # 1 Jun to 16 Nov: every week before them all
MEETINGS = (0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 2, 1, 2, 2, 2, 3, 1, 2, 3, 2, 3, 3, 4)
DEALS_FROM = "2026-09-21"  # deals won were only counted from this week on


def outcome_weeks() -> list[dict[str, Any]]:
    weeks = []
    for monday, meetings in zip(OUTCOME_MONDAYS, MEETINGS, strict=True):
        counts = {"posts": 1, "meetings": meetings}
        if monday >= DEALS_FROM:
            counts["deals_won"] = meetings // 2
        weeks.append(week(monday, **counts))
    return weeks


def meetings_before(sunday: str) -> int:
    """Meetings in the four whole weeks ending with this Sunday's week."""
    day = dt.date.fromisoformat(sunday)
    window = {(day - dt.timedelta(days=6 + 7 * n)).isoformat() for n in range(4)}
    return sum(m for monday, m in zip(OUTCOME_MONDAYS, MEETINGS, strict=True)
               if monday in window)


def test_outcomes_need_six_checkins_before_a_correlation_is_shown(
        page: Page, site_url: str) -> None:
    seeded = [record(day, *scores) for day, scores in OUTCOME_CHECKINS[:5]]
    start(page, site_url, document=coach_document(*seeded, weeks=outcome_weeks()))
    open_details(page, "outcomes-details")
    body = page.locator("#outcomes-body")
    meetings = body.locator("li[data-measure=meetings]")
    expect(meetings).to_have_class(re.compile(r"\bnot-enough\b"))
    expect(meetings).to_contain_text("Not enough data")
    expect(meetings).to_contain_text("5 check-ins of the 6 needed")
    expect(meetings).not_to_contain_text("r =")
    expect(body).not_to_contain_text("r =")

    day, scores = OUTCOME_CHECKINS[5]
    add_checkin(page, day, *(str(s) for s in scores))
    totals = [sum(scores) for _, scores in OUTCOME_CHECKINS]
    sums = [meetings_before(day) for day, _ in OUTCOME_CHECKINS]
    r = statistics.correlation(totals, [float(s) for s in sums])
    assert r > 0.5, (totals, sums, r)  # the data is built to show a clear link
    expect(meetings).not_to_have_class(re.compile(r"\bnot-enough\b"))
    expect(meetings).to_contain_text(f"r = {r:.2f} over 6 check-ins")
    expect(meetings).to_contain_text("higher SSI went with more meetings")
    expect(body).to_contain_text("Moving together is not proof that one causes the other.")
    # Deals were counted in only the last nine weeks: two check-ins have four whole weeks of
    # them, and a sum over fewer weeks would look like a drop, so the rest do not count.
    deals = body.locator("li[data-measure=deals_won]")
    expect(deals).to_contain_text("Not enough data")
    expect(deals).to_contain_text("2 check-ins of the 6 needed")
    expect(body.locator("li[data-measure=prospect_conversations]")).to_contain_text(
        "0 check-ins of the 6 needed")


# ---- 6. a shared report is read-only and has no coach ----------------------------------------

def test_a_shared_report_does_not_show_the_coach(
        page: Page, browser: Browser, site_url: str) -> None:
    weeks = [week(monday, **LOW_HABITS) for monday in mondays("2026-10-26", 4)]
    member = coach_document(*CHANGE_CHECKINS, weeks=weeks,
                            plan={"weekly": {"posts": 2}},
                            goal={"target": 45, "by": "2027-03-01"})
    start(page, site_url, document=member)
    go(page, "coach")
    expect(page.locator("#coach")).to_be_visible()
    go(page, "data")
    page.click("#share-open")
    page.fill("#share-name", "Dana Example")
    page.click("#share-create")
    link = page.locator("#share-url")
    expect(link).to_have_value(re.compile(r"#report=r1\."))
    url = link.input_value()
    report = decode_report(url.split("#report=", 1)[1])
    assert [c.on.isoformat() for c in report.checkins] == [c["date"] for c in CHANGE_CHECKINS]

    with strict_page(browser, site_url) as friend:
        friend.clock.set_fixed_time(NOW)
        # The friend logs activity of their own: none of it may show in the report either.
        own = json.dumps(coach_document(weeks=[week("2026-11-16", posts=9, meetings=4)]))
        seed(friend, site_url, own)
        friend.goto(url)
        wait_ready(friend, charts=True)  # the charts loading must not bring the coach back
        expect(friend.locator("#report-banner")).to_contain_text("Dana Example")
        expect(friend.locator("#history-table tbody tr")).to_have_count(3)
        expect(friend.locator("#coach")).to_be_hidden()
        for part in ("#coach-body", "#weeks-body", "#projection-body", "#outcomes-body",
                     "#change-body", "#week-form", "#plan-form", "#checklist-form"):
            expect(friend.locator(part)).to_be_empty()
        expect(friend.get_by_text("Estimated from your activity")).to_have_count(0)
        assert stored(friend) == own, "opening a report must not touch the viewer's data"
        assert storage_length(friend) == 1
