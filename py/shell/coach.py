"""The Coach view: plan and goal in; estimate, reasons, next actions, projection, why a score
changed and outcomes out. What it shows comes from one `coach_view` per render, which Home's
"this week" shares (`coached`). The activity log and checklist it reads are the Activity
view's (`activity`). Each handler reads one form, calls the core once, saves, and renders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pyscript import when  # type: ignore[import-not-found]

from ssi_coach import text
from ssi_coach.activity.calibration import with_fit_held
from ssi_coach.activity.coach_view import CoachView, coach_view
from ssi_coach.activity.explain import explain_change
from ssi_coach.activity.outcomes import (
    Correlation,
    correlations,
    deal_outcomes,
    outcome_points,
    outcomes_chart,
)
from ssi_coach.activity.whatif import read_goal_form, read_plan_form
from ssi_coach.posts.weekly import weekly

from . import browser, coach_forms, coach_views, views
from .browser import element
from .context import Context
from .guard import guarded
from .html import el, join


class CoachTools:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.picked = False  # the member chose the two check-ins to compare

    def bind(self) -> None:
        when("submit", "#plan-form")(self.on_plan_submit)
        when("change", "#change-from")(self.on_change_pick)
        when("change", "#change-to")(self.on_change_pick)

    def render_plan_form(self) -> None:
        """The plan and goal as stored (also after another tab changed them)."""
        document = self.context.document
        goal = document.goal
        element("plan-form").innerHTML = coach_forms.plan_form(
            document.plan.weekly if document.plan else {},
            "" if goal is None else text.score(goal.target),
            "" if goal is None else goal.by.isoformat())

    def coached(self) -> CoachView:
        """The Coach's view of the current document, computed once per render: the Coach
        view and Home's "this week" both show it."""
        # The fit shown is the fit stored: refitted only when the check-ins change, so
        # logging more activity never lowers the estimate, after a reload or in another tab.
        held = with_fit_held(self.context.document)
        if held is not self.context.document:
            self.context.save(held)
        return coach_view(self.context.document, browser.local_today())

    def render(self, view: CoachView) -> None:
        """The Coach view from `view`, this render's `coached()`."""
        document = self.context.document
        latest = document.checkins[-1] if document.checkins else None
        body = element("coach-body")
        # Re-rendering must not fold up a "why this number" the member has open.
        opened = [str(node.closest("li").dataset.pillar)
                  for node in body.querySelectorAll("li[data-pillar] > details[open]")]
        body.innerHTML = (
            coach_views.estimate_panel(view.estimate, view.calibration, latest, view.peers)
            + coach_views.actions_list(view.actions, has_activity=view.has_activity,
                                       planned=view.planned)
            + coach_views.account_steps_list(view.account_steps))
        for pillar in opened:
            details = browser.query(body, f'li[data-pillar="{pillar}"] > details')
            if details is not None:
                details.open = True
        element("projection-body").innerHTML = (
            "" if view.projection is None
            else coach_views.projection_table(view.projection, document.goal))
        self.render_outcomes(view.correlations)
        self.render_change_choices()

    def render_outcomes(self, found: Sequence[Correlation] | None = None) -> None:
        """The outcomes panel; on its own when Matplotlib arrives, leaving the rest alone. Won
        and lost accounts add deals won to the links and their months below."""
        document = self.context.document
        if found is None:
            found = correlations(outcome_points(document.checkins, document.activity_weeks(),
                                                weekly(document.posts)))
        deals = deal_outcomes(document.accounts, document.checkins)
        if deals is not None:
            found = (*found, deals.correlation)
        element("outcomes-body").innerHTML = (
            self.outcomes_figure() + coach_views.outcome_correlations(found)
            + coach_views.deals_table(deals))

    def outcomes_figure(self) -> str:
        """The outcomes chart once Matplotlib is in; its numbers are always in the table."""
        document = self.context.document
        chart = outcomes_chart(outcome_points(document.checkins, document.activity_weeks(),
                                              weekly(document.posts)))
        if chart is None or len(chart.series) < 2:
            return coach_views.outcomes_not_logged()
        if self.context.draw is None:
            return views.chart_drawing()
        return views.chart_figure(chart, self.context.draw.outcomes_svg(chart), "outcomes-chart")

    def render_change_choices(self) -> None:
        """The two check-in pickers: the member's own picks kept while those check-ins exist
        and differ, otherwise the latest two (so a new check-in is compared at once)."""
        checkins = self.context.document.checkins
        dates = [c.on.isoformat() for c in reversed(checkins)]
        options = join(el("option", text.long_date(c.on), value=c.on.isoformat())
                       for c in reversed(checkins))
        kept = [str(element(i).value or "") for i in ("change-from", "change-to")]
        keep = self.picked and kept[0] != kept[1] and all(k in dates for k in kept)
        for (select_id, pick), old in zip((("change-from", 1), ("change-to", 0)), kept,
                                          strict=True):
            select = element(select_id)
            select.innerHTML = options
            if keep:
                select.value = old
            elif len(checkins) > pick:
                select.selectedIndex = pick
        self.show_change()

    # ---- forms -------------------------------------------------------------------------

    @guarded
    def on_plan_submit(self, event: Any) -> None:
        event.preventDefault()
        values = browser.form_entries("plan-form")
        plan, plan_errors = read_plan_form(values)
        goal, goal_errors = read_goal_form(values, today=browser.local_today())
        errors = [*[("p", e) for e in plan_errors], *[("g", e) for e in goal_errors]]
        if not browser.show_field_errors("plan-form", errors):
            return
        if self.context.save(self.context.document.with_plan(plan, goal)):
            self.context.render()
            self.context.say("Saved your plan. The projection below shows where it leads.")
            element("plan-details").open = True

    # ---- why did my score change -----------------------------------------------------------

    @guarded
    def on_change_pick(self, event: Any) -> None:
        self.picked = True
        self.show_change()

    def show_change(self) -> None:
        document = self.context.document
        body = element("change-body")
        if len(document.checkins) < 2:
            body.innerHTML = el("p", "This needs two check-ins to compare.", class_="muted")
            return
        first = document.find(dt.date.fromisoformat(str(element("change-from").value)))
        second = document.find(dt.date.fromisoformat(str(element("change-to").value)))
        if first is None or second is None or first == second:
            body.innerHTML = el("p", "Pick two different check-ins.", class_="muted")
            return
        body.innerHTML = coach_views.change_explanation(
            explain_change(first, second, document.activity_weeks(),
                           checkins=document.checkins, posts=weekly(document.posts)))
