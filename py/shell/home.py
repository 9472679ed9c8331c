"""The Home view: the SSI now (the dashboard's cards, or how to start), the Coach's best
three actions for this week, and the trend charts once Matplotlib is in. The numbers need
only the standard library, so they paint before the charts load."""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from typing import Any

from pyscript import when  # type: ignore[import-not-found]

from ssi_coach.activity.coach_view import CoachView
from ssi_coach.activity.log import weekly_streak
from ssi_coach.charts.data import rank_chart, trend_chart
from ssi_coach.checkins.dashboard import build_dashboard

from . import browser, views
from .browser import element
from .context import Context
from .guard import guarded
from .html import join

TOP_ACTIONS = 3  # Home shows this many of the Coach's next actions


class HomeTools:
    def __init__(self, context: Context) -> None:
        self.context = context

    def bind(self) -> None:
        when("click", "#dashboard-body")(self.on_click)

    def render_numbers(self) -> None:
        document, today = self.context.document, browser.local_today()
        board = build_dashboard(document.checkins, today)
        weeks = document.activity_weeks()
        streak = weekly_streak(weeks, today) if weeks else None
        element("dashboard-body").innerHTML = (
            views.dashboard(board, streak) if board else views.empty_state())

    def render_next(self, coached: CoachView) -> None:
        """Home's "this week": the Coach's best three actions, once there is a check-in."""
        element("next").hidden = not self.context.document.checkins
        if self.context.document.checkins:
            element("next-body").innerHTML = views.top_actions(
                coached.actions[:TOP_ACTIONS], has_activity=coached.has_activity)

    def render_charts(self) -> None:
        for _ in self.chart_steps():
            pass

    def chart_steps(self) -> Iterator[None]:
        """Draw the trend charts, pausing (yield) after each: one chart is one browser task."""
        checkins = self.context.document.checkins
        trend = trend_chart(checkins)
        body = element("charts-body")
        if trend is None:
            body.innerHTML = views.charts_waiting(len(checkins))
            return
        draw = self.context.draw
        if draw is None:
            return  # the loader draws them as soon as Matplotlib is in
        try:
            parts = [views.chart_figure(trend, draw.trend_svg(trend), "trend-chart")]
            ranks = rank_chart(checkins)
            if ranks is not None:
                yield
                parts.append(views.chart_figure(ranks, draw.lines_svg(ranks), "rank-chart"))
            body.innerHTML = join(parts)
        except Exception as error:  # noqa: BLE001 - a chart must never take the numbers down
            browser.report_error(traceback.format_exc())
            body.innerHTML = views.charts_failed(str(error))

    @guarded
    def on_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action=start]")
        if button is not None:
            self.context.go("checkins")
            element("f-brand").focus()
