"""The Team view's review cycle: pick a period and a segment, see the period's leaderboard,
movers, targets and who is due (with a reminder to copy), compare segments, and set targets
and tags. Each handler reads the page, calls the core (`ssi_coach.team.cycle` and friends),
saves through the context and renders.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

from pyodide.ffi import JsException  # type: ignore[import-not-found]
from pyscript import when, window  # type: ignore[import-not-found]

from ssi_coach.model import Document, FieldError
from ssi_coach.team.activity import SHARED, SHARED_KEYS, activity_vs_change, team_activity
from ssi_coach.team.cycle import CUSTOM, Controls, CycleView, cycle_view, default_controls
from ssi_coach.team.cycle import read_controls as read_cycle_controls
from ssi_coach.team.due import reminder_message
from ssi_coach.team.report import TeamReport, team_report, team_report_csv, team_report_xlsx
from ssi_coach.team.segments import set_tags
from ssi_coach.team.table import find_person
from ssi_coach.team.targets import read_target_form, set_everyone, set_target, set_team_target

from . import browser, cycle_views
from .browser import element
from .context import Context
from .drop import load_packages, packages_loaded
from .guard import guarded, guarded_async
from .sheets import XLSX_MIME


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


class CycleTools:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.controls: Controls | None = None  # None: this quarter, everyone
        self.copying: asyncio.Future[None] | None = None
        self.drawn: tuple[Any, str] | None = None  # the activity chart and its SVG
        self.stale = True  # the document changed since the cycle was last drawn

    def bind(self) -> None:
        when("change", "#team-cycle-form")(self.on_controls)
        when("click", "#team-cycle")(self.on_click)
        when("submit", "#team-cycle")(self.on_submit)

    # ---- drawing -----------------------------------------------------------------------------

    def current(self) -> CycleView:
        today = browser.local_today()
        return cycle_view(self.context.document, self.controls or default_controls(today),
                          today)

    def render(self) -> None:
        """The cycle, when the Team view is on screen; otherwise when it is next shown (a
        300-person team takes a while, and the page renders on every save)."""
        self.stale = True
        if not element("view-team").hidden:
            self.shown()

    def shown(self) -> None:
        if not self.stale:
            return
        self.stale = False
        people = self.context.document.people
        element("team-cycle").hidden = not people
        if not people:
            return
        cycle = self.current()
        periods, tags, kinds = cycle_views.controls_options(cycle)
        element("team-period").innerHTML = periods
        element("team-segment").innerHTML = tags
        element("team-compare").innerHTML = kinds
        custom = str(element("team-period").value) == CUSTOM
        element("team-custom-start").hidden = element("team-custom-end").hidden = not custom
        element("team-cycle-summary").innerHTML = cycle_views.cycle_summary(cycle)
        cells, head = self._activity(cycle)
        element("team-leaderboard-slot").innerHTML = cycle_views.leaderboard(cycle, cells, head)
        element("team-movers-slot").innerHTML = cycle_views.movers(cycle) or ""
        element("team-due-slot").innerHTML = cycle_views.due_list(
            cycle.due, {row.name: self._reminder(row.name) for row in cycle.due})
        element("team-segments-slot").innerHTML = cycle_views.comparison(cycle) or ""
        element("team-activity-slot").innerHTML = self._activity_chart(cycle)
        if not browser.found(browser.query(element("team-targets-body"), "form")):
            element("team-targets-body").innerHTML = cycle_views.target_form(
                None, self.context.document.team_target)

    def _activity(self, cycle: CycleView) -> tuple[Mapping[str, Sequence[str]], Sequence[str]]:
        """The leaderboard's activity columns, when anyone shared activity for the period."""
        period = cycle.controls.period
        found = team_activity(cycle.people, period.start, period.end)
        if not any(a.weeks for a in found):
            return {}, ()
        head = ("Weeks shared", *(label for _, label in SHARED))
        cells = {a.name: (str(a.weeks), *(_count(a.totals.get(k)) for k in SHARED_KEYS))
                 for a in found}
        return cells, head

    def _activity_chart(self, cycle: CycleView) -> str:
        period = cycle.controls.period
        chart = activity_vs_change(cycle.people, period.start, period.end)
        draw = self.context.draw
        if len(chart.points) < 2:  # a chart of one person says nothing about the team
            return ""
        if draw is None:
            return cycle_views.activity_figure(chart, None)
        if self.drawn is None or self.drawn[0] != chart:
            self.drawn = (chart, draw.activity_svg(chart))
        return cycle_views.activity_figure(chart, self.drawn[1])

    @staticmethod
    def _reminder(name: str) -> str:
        return reminder_message(name, "", browser.page_url().split("#", 1)[0])

    # ---- the pickers ---------------------------------------------------------------------------

    @guarded
    def on_controls(self, event: Any) -> None:
        fields = browser.form_entries("team-cycle-form")
        if fields.get("period") == CUSTOM and not (fields.get("start") and fields.get("end")):
            element("team-custom-start").hidden = element("team-custom-end").hidden = False
            return  # waiting for both dates
        read = read_cycle_controls(fields, browser.local_today())
        if isinstance(read, list):
            browser.show_field_errors("team-cycle-form", [("team", e) for e in read])
            return
        browser.show_field_errors("team-cycle-form", [])
        self.controls = read
        self.render()

    # ---- buttons -------------------------------------------------------------------------------

    @guarded
    def on_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action, name = str(button.dataset.action), str(button.getAttribute("data-name") or "")
        if action == "team-target":
            self._edit(name, tags=False)
        elif action == "team-tags":
            self._edit(name, tags=True)
        elif action == "team-edit-cancel":
            element("team-edit-slot").hidden = True
        elif action == "team-target-clear":
            self._save(set_target(self.context.document, name, None),
                       f"Removed the target for {name}.")
        elif action == "team-copy-reminder":
            self.copying = asyncio.ensure_future(self._copy(self._reminder(name)))
        elif action == "team-report-csv":
            self._report_csv()
        elif action == "team-report-xlsx":
            self.copying = asyncio.ensure_future(self._report_xlsx(None))

    def _report(self) -> TeamReport:
        cycle, today = self.current(), browser.local_today()
        period = cycle.controls.period
        return team_report(self.context.document, period.start, period.end, today)

    def _report_csv(self) -> None:
        today = browser.local_today()
        browser.download(f"ssi-coach-team-report-{today}.csv", team_report_csv(self._report()),
                         "text/csv")

    @guarded_async
    async def _report_xlsx(self, event: object) -> None:
        if not packages_loaded("xlsxwriter"):
            self.context.say("Loading the workbook writer (first download only)…")
            await load_packages("xlsxwriter")
        today = browser.local_today()
        browser.download(f"ssi-coach-team-report-{today}.xlsx",
                         team_report_xlsx(self._report()), XLSX_MIME)
        self.context.say("Team report downloaded: leaderboard, movers, who is due, segments "
                         "and activity, one sheet each.")

    def _edit(self, name: str, *, tags: bool) -> None:
        index = find_person(self.context.document.people, name)
        if index is None:
            return
        person = self.context.document.people[index]
        slot = element("team-edit-slot")
        slot.innerHTML = (cycle_views.tags_form(person) if tags
                          else cycle_views.target_form(person, person.target))
        slot.hidden = False
        first = browser.query(slot, "input")
        if first is not None:
            first.focus()

    @guarded_async
    async def _copy(self, message: str) -> None:
        try:
            await window.navigator.clipboard.writeText(message)
        except JsException:  # refused (no permission, page not focused)
            self.context.say("Could not copy: open “Show the message” and copy it from there.")
            return
        self.context.say("Reminder copied. Paste it into a chat or an email.")

    # ---- forms ----------------------------------------------------------------------------------

    @guarded
    def on_submit(self, event: Any) -> None:
        event.preventDefault()
        form = event.target
        form_id, today = str(form.id), browser.local_today()
        fields = browser.form_entries(form_id)
        if form_id == "person-tags-form":
            name = str(form.dataset.name)
            self._save(set_tags(self.context.document, name, fields.get("tags", "")),
                       f"Saved the tags for {name}.", form_id)
            return
        target = read_target_form(fields, today)
        prefix = "person-target" if form_id == "person-target-form" else "team-target"
        if isinstance(target, list):
            browser.show_field_errors(form_id, [(prefix, e) for e in target])
            return
        scope = str(event.submitter.dataset.scope) if event.submitter else "person"
        document = self.context.document
        if form_id == "person-target-form":
            name = str(form.dataset.name)
            self._save(set_target(document, name, target), f"Saved the target for {name}.")
        elif scope == "team":
            self._save(set_team_target(document, target), "Saved the team's target.")
        else:
            self._save(set_everyone(document, target),
                       f"Set everyone's target: {fields.get('total') or 'per pillar'} by "
                       f"{target.by.isoformat()}.")

    def _save(self, changed: Document | FieldError, message: str, form_id: str = "") -> None:
        if isinstance(changed, FieldError):
            if form_id and changed.field == "tags":  # at the tags form's field, "person-tags"
                browser.show_field_errors(form_id, [("person", changed)])
            else:
                self.context.say(changed.message, error=True)
            return
        if self.context.save(changed):
            element("team-edit-slot").hidden = True
            self.context.render()
            self.context.say(message)
