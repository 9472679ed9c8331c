"""The Coach section: weekly activity, checklist, plan and goal in; estimate, reasons,
next actions, projection and explanations out. Each handler reads one form, calls the core
once, saves, and renders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import js  # type: ignore[import-not-found]
from pyscript import when  # type: ignore[import-not-found]

from ssi_coach import text
from ssi_coach.activity.calibration import with_fit_held
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.activity.explain import explain_change
from ssi_coach.activity.log import (
    new_week_form,
    read_checklist_form,
    read_week_form,
    week_to_form,
)
from ssi_coach.activity.outcomes import Correlation, correlations, outcome_points, outcomes_chart
from ssi_coach.activity.whatif import read_goal_form, read_plan_form
from ssi_coach.model import IMPORTED, PROFILE_CHECKLIST, SOURCES, FieldError

from . import browser, coach_forms, coach_views, views
from .browser import element
from .context import Context
from .guard import guarded
from .html import el, join


class CoachTools:
    def __init__(self, context: Context) -> None:
        self.context = context

    def bind(self) -> None:
        when("submit", "#week-form")(self.on_week_submit)
        when("submit", "#checklist-form")(self.on_checklist_submit)
        when("submit", "#plan-form")(self.on_plan_submit)
        when("change", "#change-from")(self.on_change_pick)
        when("change", "#change-to")(self.on_change_pick)
        when("click", "#weeks-body")(self.on_weeks_click)
        when("change", "#weeks-body")(self.on_week_source)

    def render_forms(self) -> None:
        element("week-form").innerHTML = coach_forms.week_form(
            new_week_form(browser.local_today()))
        self.render_settings_forms()

    def render_settings_forms(self) -> None:
        """The checklist and the plan as stored (also after another tab changed them)."""
        document = self.context.document
        element("checklist-form").innerHTML = coach_forms.checklist_form(document.checklist)
        goal = document.goal
        element("plan-form").innerHTML = coach_forms.plan_form(
            document.plan.weekly if document.plan else {},
            "" if goal is None else text.score(goal.target),
            "" if goal is None else goal.by.isoformat())

    def render(self) -> None:
        # The fit shown is the fit stored: refitted only when the check-ins change, so
        # logging more activity never lowers the estimate, after a reload or in another tab.
        held = with_fit_held(self.context.document)
        if held is not self.context.document:
            self.context.save(held)
        document = self.context.document
        view = coach_view(document, browser.local_today())
        latest = document.checkins[-1] if document.checkins else None
        body = element("coach-body")
        # Re-rendering must not fold up a "why this number" the member has open.
        opened = [str(node.closest("li").dataset.pillar)
                  for node in body.querySelectorAll("li[data-pillar] > details[open]")]
        body.innerHTML = (
            coach_views.estimate_panel(view.estimate, view.calibration, latest)
            + coach_views.actions_list(view.actions, has_activity=view.has_activity,
                                       planned=view.planned))
        for pillar in opened:
            details = browser.query(body, f'li[data-pillar="{pillar}"] > details')
            if details is not None:
                details.open = True
        element("weeks-body").innerHTML = coach_views.weeks_table(
            document.weeks, document.imported, document.week_sources)
        element("projection-body").innerHTML = (
            "" if view.projection is None
            else coach_views.projection_table(view.projection, document.goal))
        self.render_outcomes(view.correlations)
        self.render_change_choices()

    def render_outcomes(self, found: Sequence[Correlation] | None = None) -> None:
        """The outcomes panel; on its own when Matplotlib arrives, leaving the rest alone."""
        document = self.context.document
        if found is None:
            found = correlations(outcome_points(document.checkins, document.activity_weeks()))
        element("outcomes-body").innerHTML = (
            self.outcomes_figure() + coach_views.outcome_correlations(found))

    def outcomes_figure(self) -> str:
        """The outcomes chart once Matplotlib is in; its numbers are always in the table."""
        document = self.context.document
        chart = outcomes_chart(outcome_points(document.checkins, document.activity_weeks()))
        if chart is None or len(chart.series) < 2:
            return el("p", "Log outcomes (meetings, opportunities...) in the weeks before your "
                           "check-ins to see them against your SSI.", class_="muted")
        if self.context.draw is None:
            return el("p", "Drawing the chart…", class_="muted")
        return views.chart_figure(chart, self.context.draw.outcomes_svg(chart), "outcomes-chart")

    def render_change_choices(self) -> None:
        """The two check-in pickers: the member's picks kept while those check-ins exist,
        otherwise the latest two."""
        checkins = self.context.document.checkins
        dates = [c.on.isoformat() for c in reversed(checkins)]
        options = join(el("option", text.long_date(c.on), value=c.on.isoformat())
                       for c in reversed(checkins))
        for select_id, pick in (("change-from", 1), ("change-to", 0)):
            select = element(select_id)
            kept = str(select.value or "")
            select.innerHTML = options
            if kept in dates:
                select.value = kept
            elif len(checkins) > pick:
                select.selectedIndex = pick
        self.show_change()

    # ---- forms -------------------------------------------------------------------------

    def _values(self, form_id: str) -> dict[str, str]:
        entries = js.Object.fromEntries(js.FormData.new(element(form_id))).to_py()
        return {str(k): str(v) for k, v in entries.items()}

    def _show_errors(self, form_id: str,
                     errors: Sequence[tuple[str, FieldError]]) -> bool:
        """Each (field id prefix, error) at its field, the first one focused; True if none."""
        form = element(form_id)
        for node in form.querySelectorAll(".field-error"):
            node.textContent = ""
        for node in form.querySelectorAll("[aria-invalid]"):
            node.removeAttribute("aria-invalid")
        for prefix, error in errors:
            element(f"{prefix}err-{error.field}").textContent = error.message
            element(f"{prefix}-{error.field}").setAttribute("aria-invalid", "true")
        if errors:
            prefix, error = errors[0]
            element(f"{prefix}-{error.field}").focus()
        return not errors

    @guarded
    def on_week_submit(self, event: Any) -> None:
        event.preventDefault()
        result = read_week_form(self._values("week-form"), today=browser.local_today())
        errors = [("w", e) for e in result.errors]
        if not self._show_errors("week-form", errors) or result.week is None:
            return
        if self.context.save(self.context.document.with_week(result.week)):
            element("week-form").innerHTML = coach_forms.week_form(
                new_week_form(browser.local_today()))
            self.context.render()
            self.context.say(f"Saved the week of {text.long_date(result.week.week)}.")

    @guarded
    def on_checklist_submit(self, event: Any) -> None:
        event.preventDefault()
        checklist = read_checklist_form(self._values("checklist-form"), browser.local_today())
        if self.context.save(self.context.document.with_checklist(checklist)):
            self.context.render()
            self.context.say(f"Saved the checklist: {checklist.done()} of "
                             f"{len(PROFILE_CHECKLIST)} done.")

    @guarded
    def on_plan_submit(self, event: Any) -> None:
        event.preventDefault()
        values = self._values("plan-form")
        plan, plan_errors = read_plan_form(values)
        goal, goal_errors = read_goal_form(values, today=browser.local_today())
        errors = [*[("p", e) for e in plan_errors], *[("g", e) for e in goal_errors]]
        if not self._show_errors("plan-form", errors):
            return
        if self.context.save(self.context.document.with_plan(plan, goal)):
            self.context.render()
            self.context.say("Saved your plan. The projection below shows where it leads.")
            element("plan-details").open = True

    @guarded
    def on_weeks_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action=edit-week]")
        if button is None:
            return
        monday = dt.date.fromisoformat(str(button.dataset.week))
        # An export-only week opens with the export's counts: saving makes them typed.
        log = next((w for w in self.context.document.activity_weeks() if w.week == monday), None)
        if log is None:
            return
        element("week-form").innerHTML = coach_forms.week_form(week_to_form(log))
        element("w-week").focus()

    @guarded
    def on_week_source(self, event: Any) -> None:
        select = browser.closest(event, "select[data-week-source]")
        if select is None or str(select.value) not in SOURCES:
            return
        monday = dt.date.fromisoformat(str(select.dataset.weekSource))
        updated = self.context.document.with_week_source(monday, str(select.value))
        if self.context.save(updated):
            self.context.render()
            winner = "your export" if select.value == IMPORTED else "what you typed"
            self.context.say(f"The week of {text.long_date(monday)} now counts {winner}.")
            element(f"week-source-{monday.isoformat()}").focus()

    # ---- why did my score change -----------------------------------------------------------

    @guarded
    def on_change_pick(self, event: Any) -> None:
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
            explain_change(first, second, document.activity_weeks()))
