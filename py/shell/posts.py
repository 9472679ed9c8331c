"""The Posts view: what the member's posts do and who sees them, from the post analytics
they imported (the import itself is `posts_import`); the charts once Matplotlib is in."""

from __future__ import annotations

from ssi_coach.charts.data import WeeksChart
from ssi_coach.posts.view import posts_view
from ssi_coach.posts.weekday import best_weekday

from . import browser, posts_views
from .browser import element
from .context import Context
from .html import join


class PostsTools:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.drawn: dict[str, tuple[WeeksChart, str]] = {}  # figure id -> the last drawing

    def _svg(self, chart: WeeksChart | None, figure_id: str) -> str | None:
        """The chart's SVG, drawn again only when its data changed (drawing takes a while
        for years of weeks, and the page renders on every save)."""
        draw = self.context.draw
        if chart is None or draw is None:
            return None
        last = self.drawn.get(figure_id)
        if last is None or last[0] != chart:
            last = (chart, draw.weeks_svg(chart))
            self.drawn[figure_id] = last
        return last[1]

    def render(self) -> None:
        posts = self.context.document.posts
        body, charts = element("posts-body"), element("posts-charts")
        details = element("posts-details")
        view = posts_view(posts, browser.local_today())
        if view.is_empty:
            body.innerHTML = posts_views.posts_empty()
            charts.innerHTML = details.innerHTML = ""
            return
        body.innerHTML = posts_views.posts_summary(view)
        details.innerHTML = posts_views.posts_details(view, best_weekday(posts))
        charts.innerHTML = join([
            posts_views.chart_slot(chart, self._svg(chart, figure_id), figure_id)
            for chart, figure_id in ((view.weekly_chart, "posts-weekly-chart"),
                                     (view.followers_chart, "posts-followers-chart"))])
