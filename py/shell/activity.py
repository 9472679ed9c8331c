"""The Activity view: the weekly activity log, its table (where a week typed by hand and the
same week from an export meet, the member picks which counts) and the profile checklist.
The LinkedIn export import, also on this view, is `activity_import`. Each handler reads one
form, calls the core once, saves, and renders."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pyscript import when  # type: ignore[import-not-found]

from ssi_coach import text
from ssi_coach.activity.log import (
    new_week_form,
    read_checklist_form,
    read_week_form,
    week_to_form,
)
from ssi_coach.model import IMPORTED, PROFILE_CHECKLIST, SOURCES

from . import browser, coach_forms, coach_views
from .browser import element
from .context import Context
from .guard import guarded


class ActivityTools:
    def __init__(self, context: Context) -> None:
        self.context = context

    def bind(self) -> None:
        when("submit", "#week-form")(self.on_week_submit)
        when("submit", "#checklist-form")(self.on_checklist_submit)
        when("click", "#weeks-body")(self.on_weeks_click)
        when("change", "#weeks-body")(self.on_week_source)

    def render_forms(self) -> None:
        element("week-form").innerHTML = coach_forms.week_form(
            new_week_form(browser.local_today()))
        self.render_checklist_form()

    def render_checklist_form(self) -> None:
        """The checklist as stored (also after another tab changed it)."""
        element("checklist-form").innerHTML = coach_forms.checklist_form(
            self.context.document.checklist)

    def render(self) -> None:
        document = self.context.document
        element("weeks-body").innerHTML = coach_views.weeks_table(
            document.weeks, document.imported, document.week_sources)

    # ---- forms -------------------------------------------------------------------------

    @guarded
    def on_week_submit(self, event: Any) -> None:
        event.preventDefault()
        result = read_week_form(browser.form_entries("week-form"), today=browser.local_today())
        errors = [("w", e) for e in result.errors]
        if not browser.show_field_errors("week-form", errors) or result.week is None:
            return
        if self.context.save(self.context.document.with_week(result.week)):
            element("week-form").innerHTML = coach_forms.week_form(
                new_week_form(browser.local_today()))
            self.context.render()
            self.context.say(f"Saved the week of {text.long_date(result.week.week)}.")

    @guarded
    def on_checklist_submit(self, event: Any) -> None:
        event.preventDefault()
        checklist = read_checklist_form(browser.form_entries("checklist-form"),
                                        browser.local_today())
        if self.context.save(self.context.document.with_checklist(checklist)):
            self.context.render()
            self.context.say(f"Saved the checklist: {checklist.done()} of "
                             f"{len(PROFILE_CHECKLIST)} done.")

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
