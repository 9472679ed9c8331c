"""The review cycle as a coach reads it: the pickers offer the periods and tags, the
leaderboard ranks the period's change with targets, movers and the due list with its
reminder; names are only ever text."""

from __future__ import annotations

import datetime as dt

from shell import cycle_views
from ssi_coach.model import Document, Person, Target
from ssi_coach.team.cycle import CUSTOM, Controls, cycle_view, read_controls
from ssi_coach.team.periods import quarter_of
from tests.unit.conftest import checkin
from tests.unit.parsed_html import parse

TODAY = dt.date(2026, 11, 22)


def _team() -> Document:
    ann = Person("Ann <b>Lee</b>", (checkin("2026-09-01", (10, 10, 10, 10)),
                                    checkin("2026-11-01", (12, 12, 11, 11))),
                 TODAY, target=Target(dt.date(2027, 6, 30), total=70), tags=("region: EMEA",))
    bo = Person("Bo Chen", (checkin("2026-09-15", (15, 15, 15, 15)),
                            checkin("2026-10-20", (14, 14, 14, 14))), TODAY,
                tags=("region: APAC",))
    cy = Person("Cy Demo", (checkin("2026-05-01", (9, 9, 9, 9)),), TODAY,
                tags=("region: EMEA",))
    return Document(people=(ann, bo, cy))


def test_the_leaderboard_ranks_the_periods_change_with_each_target() -> None:
    cycle = cycle_view(_team(), Controls(quarter_of(TODAY)), TODAY)
    page = parse(cycle_views.leaderboard(cycle, {}, ()))
    rows = page.one("table", id="team-leaderboard").one("tbody").all("tr")
    assert [r.one("th").text for r in rows] == ["Ann <b>Lee</b>", "Bo Chen", "Cy Demo"]
    assert rows[0].all("td")[0].text == "+6"  # 40 on 1 Sep → 46 on 1 Nov
    assert rows[1].all("td")[0].text == "−4"
    assert "70 by 30 Jun 2027" in rows[0].text
    assert rows[2].all("td")[0].text == "—"  # no check-in in the quarter: no change


def test_a_segment_filter_keeps_its_people_and_the_comparison_splits_the_rest() -> None:
    cycle = cycle_view(_team(), Controls(quarter_of(TODAY), segment="region: EMEA",
                                         compare="region"), TODAY)
    assert [p.name for p in cycle.people] == ["Ann <b>Lee</b>", "Cy Demo"]
    page = parse(cycle_views.comparison(cycle) or "")
    assert [r.one("th").text for r in page.one("tbody").all("tr")] == ["EMEA"]
    periods, tags, _kinds = (parse(m) for m in cycle_views.controls_options(cycle))
    assert tags.one("option", selected=None).text == "region: EMEA"
    assert [o.attrs["value"] for o in periods.all("option")][-1] == CUSTOM


def test_who_is_due_comes_with_a_reminder_that_says_how_to_share() -> None:
    cycle = cycle_view(_team(), Controls(quarter_of(TODAY)), TODAY)
    names = [row.name for row in cycle.due]
    assert "Cy Demo" in names and "Ann <b>Lee</b>" not in names
    page = parse(cycle_views.due_list(cycle.due, {"Cy Demo": "Hi Cy, …share link…"}))
    item = page.one("li", data_person="Cy Demo")
    assert item.one("button").attrs["data-action"] == "team-copy-reminder"
    assert "share link" in item.one("pre").text


def test_a_custom_period_needs_both_dates_in_order() -> None:
    read = read_controls({"period": CUSTOM, "start": "2026-10-10", "end": "2026-10-01"}, TODAY)
    assert isinstance(read, list) and read[0].field == "end"
    fine = read_controls({"period": CUSTOM, "start": "2026-10-01", "end": "2026-10-31"}, TODAY)
    assert isinstance(fine, Controls) and fine.period.start == dt.date(2026, 10, 1)


def test_every_field_the_target_and_tag_forms_can_refuse_has_its_input_and_error_line() -> None:
    from ssi_coach.team.segments import read_tags
    from ssi_coach.team.targets import read_target_form

    refused = read_target_form({"total": "150", "brand": "x", "people": "30", "by": "soon"},
                               TODAY)
    assert isinstance(refused, list) and refused
    ann = _team().people[0]
    for prefix, html in (("team-target", cycle_views.target_form(None, None)),
                         ("person-target", cycle_views.target_form(ann, ann.target))):
        page = parse(html)
        for error in refused:
            assert page.all(id=f"{prefix}-{error.field}"), (prefix, error.field)
            assert page.all(id=f"{prefix}err-{error.field}"), (prefix, error.field)
    tags = read_tags(", ".join(f"tag {n}" for n in range(20)))
    assert not isinstance(tags, tuple)
    page = parse(cycle_views.tags_form(ann))
    assert page.all(id=f"person-{tags.field}") and page.all(id=f"personerr-{tags.field}")
