"""Pure views of the Peers view: where the member stands against their industry's and
network's average per pillar, the gap's trend, and what to do before there are peers."""

from __future__ import annotations

from ssi_coach import text
from ssi_coach.charts.data import Chart, PeersChart
from ssi_coach.model import PEER_GROUPS, CheckIn
from ssi_coach.peers.compare import (
    STRONGEST_RELATIVE_MEANS,
    WEAKEST_MEANS,
    WEAKEST_RELATIVE_MEANS,
    PeerComparison,
)

from .html import Child, Markup, el, trusted
from .views import chart_drawing, chart_figure


def peers_empty(has_checkins: bool) -> Markup:
    """Before any check-in carries its peers' averages: how to get them."""
    start = ("Your check-ins do not have your peers' averages yet. " if has_checkins else
             "No check-ins yet. ")
    return el("div", el("p", start, "On LinkedIn's SSI page, the two donuts “People in your "
                                    "industry” and “People in your network” show the average "
                                    "of each pillar. Paste the page under ",
                        el("a", "Check-ins", href="#/checkins"),
                        " (“Paste from LinkedIn”) and they are read with your own score, or "
                        "type them under “Peers” in the check-in form."),
              class_="empty-state")


def peers_panel(found: PeerComparison, checkin: CheckIn) -> Markup:
    """The latest check-in with peers: the summary, what each "weakest" means, and the
    page's weekly lines."""
    names = [("Weakest", found.weakest, WEAKEST_MEANS),
             ("Weakest relative to peers", found.weakest_relative, WEAKEST_RELATIVE_MEANS),
             ("Strongest relative to peers", found.strongest_relative,
              STRONGEST_RELATIVE_MEANS)]
    statuses = [el("li", f"{group.heading}: {checkin.status(group)}")
                for group in PEER_GROUPS if checkin.status(group)]
    return el(
        "div",
        el("p", found.summary, class_="lead"),
        el("dl", [[el("dt", name), el("dd", ", ".join(p.label for p in pillars), " ",
                                      el("span", meaning.split(": ", 1)[-1], class_="muted"))]
                  for name, pillars, meaning in names], class_="peer-terms"),
        el("h3", "This week on LinkedIn") if statuses else None,
        el("ul", statuses) if statuses else None,
    )


def peers_figure(chart: PeersChart, svg: str | None) -> Markup:
    """You vs industry vs network: the chart once drawn, and always the same numbers as a
    table (it needs no Matplotlib, so it shows at once)."""
    table = el("div", el("table",
                         el("caption", chart.title, class_="visually-hidden"),
                         el("thead", el("tr", [el("th", h, scope="col") for h in chart.head])),
                         el("tbody", [el("tr", el("th", row[0], scope="row"),
                                         [el("td", cell) for cell in row[1:]])
                                      for row in chart.rows]),
                         id="peers-table"),
               class_="table-wrap", tabindex="0")
    drawn: Child = chart_drawing() if svg is None else trusted(svg)
    return el("figure", el("h3", chart.title), drawn, el("figcaption", chart.summary), table,
              class_="chart", id="peers-chart")


def gap_trend(chart: Chart | None, svg: str | None, known: int) -> Markup:
    """The gaps over time, or why not yet (two check-ins with peers make a trend)."""
    if chart is None:
        return el("p", "The gap's trend appears once two check-ins have your peers' "
                       f"averages ({text.count(known, 'check-in')} so far).", class_="muted")
    if svg is None:
        return el("figure", el("h3", chart.title), chart_drawing(), class_="chart")
    return chart_figure(chart, svg, "gap-chart")
