"""Routes: every view has an address, share links stay reports, anything else is Home."""

from __future__ import annotations

import pytest

from ssi_coach.exporters.share import REPORT_PREFIX
from ssi_coach.routes import HOME, VIEWS, Route, href, route


def test_the_views_in_navigation_order() -> None:
    assert [v.key for v in VIEWS] == ["home", "checkins", "peers", "coach", "activity",
                                     "posts", "accounts", "network", "team", "data"]
    assert [v.label for v in VIEWS][:4] == ["Home", "Check-ins", "Peers", "Coach"]


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.key)
def test_every_view_is_reached_by_its_own_address(view) -> None:  # type: ignore[no-untyped-def]
    assert route(href(view)) == Route("view", view=view)
    assert route(href(view) + "/") == Route("view", view=view)


@pytest.mark.parametrize("fragment", ["", "#", "#/", "#/nowhere", "#/COACHES", "#//"])
def test_an_empty_or_unknown_address_is_home(fragment: str) -> None:
    assert route(fragment) == Route("view", view=HOME)


def test_an_address_in_capitals_still_finds_its_view() -> None:
    found = route("#/Coach").view
    assert found is not None and found.key == "coach"


def test_a_share_link_is_a_report_with_its_payload() -> None:
    assert REPORT_PREFIX == "#report="
    assert route("#report=r1.abc_-") == Route("report", payload="r1.abc_-")
    assert route("#report=") == Route("report", payload="")


def test_an_in_page_anchor_is_a_jump_not_a_view() -> None:
    assert route("#checkin-form") == Route("anchor", anchor="checkin-form")


def test_a_whole_address_is_read_by_its_fragment() -> None:
    assert route("https://example.org/app/#/team") == route("#/team")
    assert route("https://example.org/app/") == Route("view", view=HOME)
    assert route("https://example.org/app/#report=r1.abc").payload == "r1.abc"
