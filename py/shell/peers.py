"""The Peers view: the member's pillars beside their industry's and network's averages on
the latest check-in that has them, and the gap's trend; the charts once Matplotlib is in."""

from __future__ import annotations

from ssi_coach.charts.data import gap_chart, peers_chart
from ssi_coach.peers.compare import gap_trend, latest_with_peers

from . import peers_views
from .browser import element
from .context import Context
from .html import join


class PeersTools:
    def __init__(self, context: Context) -> None:
        self.context = context

    def render(self) -> None:
        checkins = self.context.document.checkins
        found = latest_with_peers(checkins)
        body, charts = element("peers-body"), element("peers-charts")
        if found is None:
            body.innerHTML = peers_views.peers_empty(bool(checkins))
            charts.innerHTML = ""
            return
        checkin = self.context.document.find(found.on)
        assert checkin is not None  # found was made from one of these check-ins
        body.innerHTML = peers_views.peers_panel(found, checkin)
        draw = self.context.draw
        chart, gaps = peers_chart(found), gap_chart(checkins)
        charts.innerHTML = join([
            peers_views.peers_figure(chart, None if draw is None else draw.peers_svg(chart)),
            peers_views.gap_trend(gaps, None if draw is None or gaps is None
                                  else draw.gaps_svg(gaps), gap_trend(checkins).known),
        ])
