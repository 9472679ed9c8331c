"""The Posts view: what the member's posts do and who sees them, from the post analytics
they imported (the import itself is `posts_import`).

The charts are drawn only while the view is on screen, each in a browser task of its own
after the numbers are shown, and again only when their data change: years of weeks take
Matplotlib a while, and the page renders on every save."""

from __future__ import annotations

import asyncio

from ssi_coach.charts.data import WeeksChart
from ssi_coach.posts.view import PostsView, posts_view
from ssi_coach.posts.weekday import best_weekday

from . import browser, posts_views
from .browser import element
from .context import Context
from .guard import guarded_async
from .html import join

Figure = tuple[WeeksChart, str]  # a chart and the id of the figure showing it


class PostsTools:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.drawn: dict[str, Figure] = {}  # figure id -> (the chart drawn, its SVG)
        self.wanted: list[Figure] = []  # the charts the view shows now
        self.drawing: asyncio.Future[None] | None = None

    def render(self) -> None:
        posts = self.context.document.posts
        body, charts = element("posts-body"), element("posts-charts")
        details = element("posts-details")
        view = posts_view(posts, browser.local_today())
        if view.is_empty:
            element("posts-import-details").open = True  # the one thing to do here
            body.innerHTML = posts_views.posts_empty()
            charts.innerHTML = details.innerHTML = ""
            self.wanted = []
            return
        body.innerHTML = posts_views.posts_summary(view)
        details.innerHTML = posts_views.posts_details(view, best_weekday(posts))
        self._charts(view)

    def _charts(self, view: PostsView) -> None:
        figures = ((view.weekly_chart, "posts-weekly-chart"),
                   (view.followers_chart, "posts-followers-chart"))
        self.wanted = [(chart, figure_id) for chart, figure_id in figures if chart is not None]
        element("posts-charts").innerHTML = join([
            posts_views.chart_slot(chart, self._svg(chart, figure_id), figure_id)
            for chart, figure_id in self.wanted])
        self.shown()

    def _svg(self, chart: WeeksChart, figure_id: str) -> str | None:
        """The chart's SVG if this exact chart was drawn already."""
        last = self.drawn.get(figure_id)
        return last[1] if last is not None and last[0] == chart else None

    def shown(self) -> None:
        """The view is (or may be) on screen: draw what is missing, unless that is running."""
        if self.context.draw is None or element("view-posts").hidden:
            return
        if self.drawing is not None and not self.drawing.done():
            return
        if any(self._svg(chart, figure_id) is None for chart, figure_id in self.wanted):
            self.drawing = asyncio.ensure_future(self._draw_missing(None))

    @guarded_async
    async def _draw_missing(self, event: object) -> None:
        while True:
            missing = next(((c, f) for c, f in self.wanted if self._svg(c, f) is None), None)
            if missing is None:
                return
            await browser.next_task()  # typing and clicks go first
            chart, figure_id = missing
            if missing not in self.wanted:  # the data changed meanwhile: draw the new one
                continue
            svg = self.context.draw.weeks_svg(chart)
            self.drawn[figure_id] = (chart, svg)
            slot = browser.found(element(figure_id))
            if slot is not None:
                slot.outerHTML = posts_views.chart_slot(chart, svg, figure_id)
