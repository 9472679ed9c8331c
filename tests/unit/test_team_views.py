"""The Team section's HTML: names escaped, sort state announced, pillars named beside their
colour, messages that say what happened."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shell import team_views
from ssi_coach.model import PILLARS, Document, FieldError, Person
from ssi_coach.team.table import TeamChange, TeamView, team_view

from .conftest import TODAY, checkin
from .parsed_html import Node, parse

HOSTILE = '<img src=x onerror="alert(1)">'
HOSTILE_TEXTS = (HOSTILE, '"><script>alert(1)</script>', "</td></tr></table><b>", "a & b &amp;",
                 "'single' \"double\" `back`", "<!-- open", "]]><![CDATA[x", "{name} %s")
SVG = '<svg role="img" aria-label="drawn"></svg>'


def _view(sort_by: str = "total", descending: bool = True, first: str = HOSTILE) -> TeamView:
    people = (Person(first, (checkin("2026-10-01"), checkin("2026-11-01", (13, 6, 3, 2))),
                     TODAY),
              Person("Bo", (checkin("2026-11-05", (20, 15, 10, 5)),), TODAY))
    view = team_view(people, TODAY, sort_by=sort_by, descending=descending)
    assert view is not None
    return view


def _table(view: TeamView) -> Node:
    return parse(team_views.team_table(view)).one("table", id="team-table")


def test_names_from_links_are_escaped_everywhere() -> None:
    html = team_views.team_panel(_view(), SVG, SVG)
    assert HOSTILE not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html  # in data-person
    found = parse(html)
    assert "img" not in found.tags()
    row = found.one("tr", data_person=HOSTILE)
    assert row.one("th").words.startswith(HOSTILE + " ")  # the name, then the date
    assert [b.text for b in row.all("button")] == [f"Rename {HOSTILE}", f"Remove {HOSTILE}"]
    assert {b.attrs["data-name"] for b in row.all("button")} == {HOSTILE}


def test_the_table_reads_with_spaces_between_its_words() -> None:
    row = _table(_view(first="Ann")).one("tr", data_person="Ann")
    assert row.one("th").words == "Ann 1 Nov 2026"
    assert row.one("td", class_="row-actions").text == "Rename Ann Remove Ann"


def test_the_sorted_column_says_its_direction_and_the_others_none() -> None:
    headings = _table(_view("people", descending=False)).one("thead").all("th", aria_sort=None)
    states = {th.text: th.attrs["aria-sort"] for th in headings}
    assert list(states.values()).count("ascending") == 1
    assert states["People ▲"] == "ascending"
    assert list(states.values()).count("none") == len(team_views.COLUMNS) - 1
    assert _table(_view("people", descending=True)).one(
        "th", aria_sort="descending").one("button", data_key="people").text == "People ▼"


def test_pillars_are_marked_for_their_colour_and_named_beside_it() -> None:
    table = _table(_view(first="Ann"))
    marked = {th.attrs["data-pillar"]: th.text for th in table.one("thead").all(
        "th", data_pillar=None)}
    assert marked == {p.key: p.short for p in PILLARS}
    for row in table.all("tr", data_person=None) + table.one("tfoot").all("tr"):
        assert [td.attrs["data-pillar"] for td in row.all("td", data_pillar=None)] == [
            p.key for p in PILLARS]
    focus = parse(team_views.coaching_focus(_view(first="Ann").rows))
    bo = focus.one("li", data_person="Bo")
    assert bo.one("em", data_pillar="relationships").text == PILLARS[3].label
    assert bo.text.startswith(f"Bo: weakest pillar {PILLARS[3].label} (5 of 25). First step: ")


def test_charts_wait_for_matplotlib_with_a_note() -> None:
    found = parse(team_views.team_panel(_view(), None, None))
    assert "Drawing the team charts…" in [p.text for p in found.all("p", class_="muted")]
    assert not found.all(id="team-heat-map")


def test_drawn_charts_keep_their_svg_title_and_caption() -> None:
    view = _view(first="Ann")
    found = parse(team_views.team_panel(view, SVG, SVG))
    heat = found.one("figure", id="team-heat-map")
    assert heat.one("svg", role="img")
    assert heat.one("h3").text == view.heat_map.title
    assert heat.one("figcaption").text == view.heat_map.summary
    actions = found.one("p", class_="team-actions")
    assert actions.text == "Download the team table (CSV) Print the team report"


def test_messages_say_what_an_added_link_did() -> None:
    def change(is_new: bool, added: int, updated: int) -> TeamChange:
        return TeamChange(Document(), "Ann", is_new, added, updated, 0)

    assert team_views.added_message(change(True, 3, 0)) == "Added Ann to your team: 3 check-ins."
    assert team_views.added_message(change(False, 1, 2)) == (
        "Updated Ann: 1 new check-in, 2 updated.")
    assert team_views.added_message(change(False, 0, 0)).startswith("Nothing new")
    weeks = TeamChange(Document(), "Ann", False, 0, 0, 4, weeks_changed=3)
    assert team_views.added_message(weeks) == (
        "Updated Ann: 0 new check-ins, 0 updated, 3 weeks of activity.")
    assert team_views.errors_message([FieldError("name", "Give the person a name.")]) == (
        "Give the person a name. Nothing was changed.")


def test_changes_carry_a_sign_and_a_first_check_in_says_first() -> None:
    table = _table(_view(first="Ann"))
    changes = {row.attrs["data-person"]: row.all("td")[7] for row in table.all(
        "tr", data_person=None)}
    assert changes["Ann"].text[0] in "+−±"
    assert changes["Bo"].one("span", class_="muted").text == "first"
    assert dt.date(2026, 11, 5).isoformat() not in table.text  # dates are written out for people


def test_a_person_without_check_ins_can_be_removed_and_renamed_by_name() -> None:
    kept = parse(team_views.without_checkins(["Ann"]))
    assert kept.one("li", data_person="Ann").words == "Ann Remove Ann"
    assert kept.one("button", data_action="team-remove", data_name="Ann")
    assert team_views.without_checkins([]) == ""
    form = parse(team_views.rename_form("Ann")).one("form", class_="team-rename", data_name="Ann")
    assert form.one("label", for_="team-rename-input").text == "New name for Ann"
    assert form.one("input", id="team-rename-input").attrs["value"] == "Ann"


def test_status_messages_say_what_happened_and_that_nothing_else_changed() -> None:
    assert team_views.link_refused("It was cut short.") == (
        "This share link cannot be added: It was cut short. Nothing was changed.")
    assert team_views.file_too_large("big.csv") == (
        "“big.csv” is too large for a backup or CSV file. Nothing was changed.")
    assert team_views.not_a_backup("x.json", "No version.") == (
        "“x.json” is not an ssi-coach backup: No version. Nothing was changed.")
    assert team_views.no_checkins_in("x.csv", "no check-ins in it") == (
        "“x.csv” holds no check-ins to add (no check-ins in it). Nothing was changed.")
    assert team_views.renamed("Dana", "Dana Example") == "Renamed Dana to Dana Example."
    assert team_views.cannot_undo("Bo") == "Cannot undo: Bo is in the team again."
    assert team_views.back("Bo") == "Bo is back, with all of their check-ins."
    removed = parse(team_views.removed("Bo"))
    assert removed.text == "Removed Bo and all of their check-ins from this browser. Undo"
    assert removed.one("button", data_action="team-undo", class_="link").text == "Undo"


def _views_of(name: str) -> list[str]:
    """Every public view, with `name` wherever a person, a link or a message puts text."""
    view = _view(first=name)
    return [team_views.team_panel(view, SVG, SVG), team_views.team_table(view),
            team_views.coaching_focus(view.rows), team_views.without_checkins([name]),
            team_views.rename_form(name),
            team_views.added_message(TeamChange(Document(), name, True, 1, 0, 0)),
            team_views.added_message(TeamChange(Document(), name, False, 1, 1, 0)),
            team_views.added_message(TeamChange(Document(), name, False, 0, 0, 1)),
            team_views.errors_message([FieldError("name", name)]),
            team_views.link_refused(name), team_views.file_too_large(name),
            team_views.not_a_backup(name, name), team_views.no_checkins_in(name, name),
            team_views.renamed(name, name), team_views.removed(name),
            team_views.cannot_undo(name), team_views.back(name)]


def _shows_as_text(name: str) -> None:
    for html, plain in zip(_views_of(name), _views_of("plain"), strict=True):
        found = parse(html)
        assert found.tags() == parse(plain).tags()  # the same elements, whatever the name
        assert any(name in value for value in found.values())  # and the name as given


@pytest.mark.parametrize("name", HOSTILE_TEXTS)
def test_hostile_names_are_shown_as_text(name: str) -> None:
    _shows_as_text(name)


@given(st.text(max_size=30))
def test_any_name_is_shown_as_text(name: str) -> None:
    _shows_as_text(name)
