"""Which view of the page a URL fragment asks for: the view table and the route parser.

The page is a set of views (Home, Check-ins, Coach, ...), each with its own address
`#/<key>`, so Back/Forward, reload and bookmarks work. `VIEWS` is the one table of them, in
the navigation's order, with the label the navigation shows; a new view is one more row.
`route(fragment)` reads the part of the URL after '#': a view, a shared report
(`#report=…`, opened read-only), or an in-page anchor such as the skip link's `#checkin-form`
(a jump within a view, not a view of its own). An empty fragment or an unknown view is Home.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .exporters.share import report_in_fragment

VIEW_PREFIX = "#/"


@dataclass(frozen=True)
class View:
    key: str  # in the address (#/<key>) and in the page's element ids (view-<key>)
    label: str  # what the navigation shows


VIEWS: tuple[View, ...] = (
    View("home", "Home"),
    View("checkins", "Check-ins"),
    View("peers", "Peers"),
    View("coach", "Coach"),
    View("activity", "Activity"),
    View("posts", "Posts"),
    View("accounts", "Accounts"),
    View("network", "Network"),
    View("team", "Team"),
    View("data", "Data"),
)
HOME = VIEWS[0]
_BY_KEY = {view.key: view for view in VIEWS}


@dataclass(frozen=True)
class Route:
    """What a fragment asks for. `view` is set for kind "view"; `payload` is the encoded
    report for kind "report"; `anchor` the element id for kind "anchor"."""

    kind: Literal["view", "report", "anchor"]
    view: View | None = None
    payload: str = ""
    anchor: str = ""


def href(view: View) -> str:
    """The address of a view, for links: '#/coach'."""
    return VIEW_PREFIX + view.key


def route(fragment_or_url: str) -> Route:
    """The route a URL or its fragment ('#/coach', '#report=r1.…', '#checkin-form', '')
    asks for."""
    payload = report_in_fragment(fragment_or_url)
    if payload is not None:
        return Route("report", payload=payload)
    fragment = fragment_or_url[fragment_or_url.find("#"):] if "#" in fragment_or_url else ""
    body = fragment.removeprefix("#")
    if body.startswith("/") or not body:
        key = body.strip("/").split("/", 1)[0].lower()
        return Route("view", view=_BY_KEY.get(key, HOME))
    return Route("anchor", anchor=body)
