"""The Network view: who the member is connected to, how it grew and how many are
decision-makers, from the network summary the last LinkedIn export import left behind (the
import itself is on the Activity view, `activity_import`)."""

from __future__ import annotations

from ssi_coach import text
from ssi_coach.network.insights import network_insights

from . import import_views, views
from .browser import element
from .context import Context


class NetworkTools:
    def __init__(self, context: Context) -> None:
        self.context = context

    def render(self) -> None:
        document = self.context.document
        section = element("network-details")
        if document.network is None:
            section.hidden = True
            return
        found = network_insights(document.network)
        chart = None
        if found.growth is not None:
            chart = (views.chart_drawing() if self.context.draw is None else
                     views.chart_figure(found.growth, self.context.draw.lines_svg(found.growth),
                                        "network-chart"))
        day = text.long_date(document.imported_on) if document.imported_on else "earlier"
        element("network-body").innerHTML = import_views.network_panel(found, chart, day)
        section.hidden = False
