"""The Team section's HTML: names escaped, sort state announced, messages that say what happened."""

from __future__ import annotations

import datetime as dt

from shell import team_views
from ssi_coach.model import Document, FieldError, Person
from ssi_coach.team.table import TeamChange, team_view

from .conftest import TODAY, checkin

HOSTILE = '<img src=x onerror="alert(1)">'


def _view(sort_by: str = "total", descending: bool = True):  # type: ignore[no-untyped-def]
    people = (Person(HOSTILE, (checkin("2026-10-01"), checkin("2026-11-01", (13, 6, 3, 2))),
                     TODAY),
              Person("Bo", (checkin("2026-11-05", (20, 15, 10, 5)),), TODAY))
    view = team_view(people, TODAY, sort_by=sort_by, descending=descending)
    assert view is not None
    return view


def test_names_from_links_are_escaped_everywhere() -> None:
    html = team_views.team_panel(_view(), "<svg></svg>", "<svg></svg>")
    assert HOSTILE not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_the_sorted_column_says_its_direction_and_the_others_none() -> None:
    html = team_views.team_table(_view("people", descending=False))
    assert html.count('aria-sort="ascending"') == 1
    assert html.count('aria-sort="descending"') == 0
    assert html.count('aria-sort="none"') == len(team_views.COLUMNS) - 1


def test_charts_wait_for_matplotlib_with_a_note() -> None:
    html = team_views.team_panel(_view(), None, None)
    assert "Drawing the team charts" in html and "team-heat-map" not in html


def test_messages_say_what_an_added_link_did() -> None:
    def change(is_new: bool, added: int, updated: int) -> TeamChange:
        return TeamChange(Document(), "Ann", is_new, added, updated, 0)

    assert team_views.added_message(change(True, 3, 0)) == "Added Ann to your team: 3 check-ins."
    assert team_views.added_message(change(False, 1, 2)) == (
        "Updated Ann: 1 new check-in, 2 updated.")
    assert team_views.added_message(change(False, 0, 0)).startswith("Nothing new")
    assert team_views.errors_message([FieldError("name", "Give the person a name.")]) == (
        "Give the person a name. Nothing was changed.")


def test_changes_carry_a_sign_and_a_first_check_in_says_first() -> None:
    html = team_views.team_table(_view())
    assert "−" in html or "+" in html
    assert ">first<" in html
    assert dt.date(2026, 11, 5).isoformat() not in html  # dates are written out for people
