"""The page's behaviour: each event reads the page, calls the core once, renders the result."""

from __future__ import annotations

import contextlib
import datetime as dt
import traceback
from collections.abc import Iterator
from typing import Any

from pyscript import document, when, window  # type: ignore[import-not-found]

from ssi_coach import text
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.charts.data import rank_chart, trend_chart
from ssi_coach.checkins.dashboard import build_dashboard
from ssi_coach.checkins.validation import (
    FORM_FIELDS,
    checkin_to_form,
    preview_total,
    read_checkin_form,
)
from ssi_coach.errors import DocumentError, StorageError
from ssi_coach.exporters.share import SharedReport
from ssi_coach.model import CheckIn, Document, FieldError, Person, display_total
from ssi_coach.routes import HOME, VIEWS, Route, View, route
from ssi_coach.storage import Store
from ssi_coach.storage.draft import DRAFT_KEY, Draft, decode_draft, encode_draft

from . import browser, views
from .activity_import import ExportImport
from .browser import element
from .coach import CoachTools
from .data import DataTools
from .guard import guarded
from .html import el, join
from .team import TeamTools


class App:
    def __init__(self, store: Store, report: SharedReport | None = None) -> None:
        self.store = store
        self.report = report  # set: a read-only shared report; the member's data is not read
        self.tools = DataTools(self)
        self.coach = CoachTools(self)
        self.exports = ExportImport(self)
        self.team = TeamTools(self)
        self.document = Document()
        self.editing: dt.date | None = None
        self.deleted: CheckIn | None = None  # for undo
        self.unreadable_raw: str | None = None
        self.draw: Any = None  # ssi_coach.charts.draw, once Matplotlib has loaded
        self.save_notes: list[str] = []  # told with the next message (merges, full storage)
        self.view: View | None = None  # the view on screen

    # ---- start-up ------------------------------------------------------------------

    def start_report(self) -> None:
        """Show a shared report without reading or writing the member's own data."""
        assert self.report is not None
        self.document = Document(self.report.checkins)
        banner = element("report-banner")
        banner.innerHTML = views.report_banner(self.report.name,
                                               text.long_date(self.report.created),
                                               len(self.report.checkins))
        banner.hidden = False
        # Read-only: the report's numbers, trend and history; no way to the member's views.
        self.show_sections("view-home", "dashboard", "charts", "view-checkins", "history")
        self.render()
        when("click", "#report-banner")(self.on_report_click)
        when("hashchange", window)(self.on_hash_change)

    def start_broken_report(self, message: str) -> None:
        banner = element("report-banner")
        banner.innerHTML = views.report_error(message)
        banner.hidden = False
        element("boot").hidden = True
        when("hashchange", window)(self.on_hash_change)

    def show_sections(self, *names: str) -> None:
        element("boot").hidden = True
        for name in names:
            element(name).hidden = False

    def start(self) -> None:
        loaded = self.store.load()
        self.document = loaded.document
        if loaded.problem is not None:
            self.unreadable_raw = loaded.raw
            problem = element("problem")
            problem.innerHTML = views.problem(str(loaded.problem), loaded.raw or "")
            problem.hidden = False
        elif loaded.recovered is not None:
            self.say(views.recovered(str(loaded.recovered), loaded.damaged_key or ""),
                     error=True)
        elif loaded.migrated:
            self.say("Your data was updated to the current format; a copy of the old format "
                     "is kept in this browser.")
        self.reset_form()
        self.restore_draft()
        self.show_sections("dashboard", "charts", "entry", "coach", "activity", "network",
                           "history", "team", "data")
        element("nav-list").innerHTML = views.nav_items(VIEWS)
        element("site-nav").hidden = False
        element("nav-toggle").hidden = False
        self.follow(route(browser.url_fragment()), focus=False)
        self.coach.render_forms()
        self.render()
        self.bind()

    def bind(self) -> None:
        when("submit", "#checkin-form")(self.on_submit)
        when("input", "#checkin-form")(self.on_input)
        when("click", "#cancel-edit")(self.on_cancel_edit)
        when("click", "#nav-toggle")(self.on_nav_toggle)
        for container in ("#history-body", "#status", "#problem", "#dashboard-body",
                          "#set-aside-body"):
            when("click", container)(self.on_click)
        when("hashchange", window)(self.on_hash_change)
        when("storage", window)(self.on_storage)
        self.tools.bind()
        self.team.bind()
        self.coach.bind()
        self.exports.bind()

    async def charts_loaded(self, draw_module: Any) -> None:
        """Draw every chart, one per browser task, so typing never waits long for them."""
        self.draw = draw_module
        for number, _ in enumerate(self.chart_steps()):
            browser.mark(f"chart {number + 1}")
            await browser.next_task()
        if self.report is None:
            await browser.next_task()
            self.coach.render_outcomes()
            await browser.next_task()
            self.exports.render_network()
            await browser.next_task()
            self.team.render()

    # ---- rendering -----------------------------------------------------------------

    def render(self) -> None:
        checkins = self.document.checkins
        board = build_dashboard(checkins, browser.local_today())
        element("dashboard-body").innerHTML = (
            views.dashboard(board) if board else views.empty_state())
        element("history-body").innerHTML = views.history(checkins,
                                                          readonly=self.report is not None)
        element("history").hidden = not checkins
        if self.report is None:
            self.render_next()
            kept = self.store.kept_copies()
            element("set-aside-body").innerHTML = views.kept_copies(kept)
            element("set-aside").hidden = not kept
            self.coach.render()
            self.exports.render_network()
            self.team.render()
        self.render_charts()

    def render_next(self) -> None:
        """Home's "this week": the Coach's best three actions, once there is a check-in."""
        element("next").hidden = not self.document.checkins
        if self.document.checkins:
            found = coach_view(self.document, browser.local_today())
            element("next-body").innerHTML = views.top_actions(
                found.actions[:TOP_ACTIONS], has_activity=found.has_activity)

    def render_charts(self) -> None:
        for _ in self.chart_steps():
            pass

    def chart_steps(self) -> Iterator[None]:
        """Draw the trend charts, pausing (yield) after each: one chart is one browser task."""
        checkins = self.document.checkins
        trend = trend_chart(checkins)
        body = element("charts-body")
        if trend is None:
            body.innerHTML = views.charts_waiting(len(checkins))
            return
        if self.draw is None:
            return  # the loader draws them as soon as Matplotlib is in
        try:
            parts = [views.chart_figure(trend, self.draw.trend_svg(trend), "trend-chart")]
            ranks = rank_chart(checkins)
            if ranks is not None:
                yield
                parts.append(views.chart_figure(ranks, self.draw.lines_svg(ranks), "rank-chart"))
            body.innerHTML = join(parts)
        except Exception as error:  # noqa: BLE001 - a chart must never take the numbers down
            browser.report_error(traceback.format_exc())
            body.innerHTML = views.charts_failed(str(error))

    def say(self, html: str, *, error: bool = False) -> None:
        """A message in the status area, above every view. `html` is markup: from the
        builder (shell.html), or constant text."""
        status = element("status")
        status.className = "status error" if error else "status"
        notes, self.save_notes = self.save_notes, []
        status.innerHTML = " ".join([html, *notes])

    # ---- views -------------------------------------------------------------------------

    def follow(self, found: Route, *, focus: bool) -> None:
        """Show what a fragment asks for: a view, or the view holding an in-page anchor."""
        if found.view is not None:
            self.show_view(found.view, focus=focus)
            return
        target = browser.found(element(found.anchor)) if found.anchor else None
        holder = browser.found(target.closest(".view")) if target is not None else None
        if target is not None and holder is not None:
            self.show_view(route(f"#/{holder.dataset.view}").view or HOME, focus=False)
            target.scrollIntoView()
        elif self.view is None:
            self.show_view(HOME, focus=False)

    def show_view(self, view: View, *, focus: bool) -> None:
        """One view on screen, marked in the navigation; the others only hidden, so what
        was typed or unfolded in them stays. With `focus`, the view's heading takes it."""
        changed = view != self.view
        self.view = view
        for each in VIEWS:
            element(f"view-{each.key}").hidden = each != view
        for link in document.querySelectorAll("#nav-list a"):
            if link.dataset.view == view.key:
                link.setAttribute("aria-current", "page")
            else:
                link.removeAttribute("aria-current")
        self.close_menu()
        skip = element("skip-link")
        on_form = view.key == "checkins"
        skip.href = "#checkin-form" if on_form else "#main"
        skip.textContent = "Skip to the check-in form" if on_form else "Skip to the main content"
        heading = browser.query(element(f"view-{view.key}"), "h2[tabindex]")
        if focus and changed and heading is not None:
            browser.focus_at_top(heading)

    def close_menu(self) -> None:
        element("site-nav").classList.remove("open")
        element("nav-toggle").setAttribute("aria-expanded", "false")

    @guarded
    def on_nav_toggle(self, event: Any) -> None:
        """The phone's Menu button: fold the list of views out or back."""
        opened = element("site-nav").classList.toggle("open")
        element("nav-toggle").setAttribute("aria-expanded", "true" if opened else "false")

    def go(self, key: str) -> None:
        """Switch to a view now and give it its address (the hashchange that follows finds
        it already shown, so focus stays where the caller puts it)."""
        self.show_view(route(f"#/{key}").view or HOME, focus=False)
        window.location.hash = f"#/{key}"

    # ---- the form ------------------------------------------------------------------

    def form_values(self) -> dict[str, str]:
        return {name: str(element(f"f-{name}").value) for name in FORM_FIELDS}

    def fill_form(self, values: dict[str, str]) -> None:
        for name in FORM_FIELDS:
            element(f"f-{name}").value = values.get(name, "")
        self.update_total()

    def reset_form(self) -> None:
        self.editing = None
        today = browser.local_today().isoformat()
        element("f-date").max = today
        self.fill_form({"date": today})
        self.show_errors([])
        element("form-heading").textContent = "Add a check-in"
        element("save-button").textContent = "Save check-in"
        element("cancel-edit").hidden = True

    def start_editing(self, checkin: CheckIn) -> None:
        self.editing = checkin.on
        self.fill_form(checkin_to_form(checkin))
        self.show_errors([])
        element("form-heading").textContent = f"Edit the check-in of {text.long_date(checkin.on)}"
        element("save-button").textContent = "Save changes"
        element("cancel-edit").hidden = False
        element("entry").scrollIntoView()
        element("f-date").focus()
        self.keep_draft()

    def update_total(self) -> None:
        preview = preview_total(self.form_values())
        if preview.pillars_read == 0:
            shown = "–"
        elif preview.pillars_read < 4:
            shown = f"{text.score(preview.total)} so far ({preview.pillars_read} of 4 pillars)"
        else:
            shown = (f"{text.score(preview.total)} (LinkedIn shows "
                     f"{display_total(preview.total)})")
        element("total-preview").value = shown

    def show_errors(self, errors: list[FieldError] | tuple[FieldError, ...]) -> None:
        by_field = {e.field: e.message for e in errors}
        for name in FORM_FIELDS:
            message = by_field.get(name, "")
            element(f"err-{name}").textContent = message
            field = element(f"f-{name}")
            if message:
                field.setAttribute("aria-invalid", "true")
            else:
                field.removeAttribute("aria-invalid")
        summary = element("form-summary")
        summary.hidden = not errors
        if errors:
            count = len(errors)
            summary.textContent = (f"Please fix {count} field{'s' if count > 1 else ''} "
                                   "below. Nothing has been saved yet.")
            element(f"f-{errors[0].field}").focus()

    def keep_draft(self) -> None:
        draft = Draft(self.form_values(), self.editing)
        try:
            if draft.has_content():
                self.store.backend.set(DRAFT_KEY, encode_draft(draft))
            else:
                self.store.backend.remove(DRAFT_KEY)
        except StorageError:
            pass  # the draft is a convenience; the form itself still holds the text

    def drop_draft(self) -> None:
        with contextlib.suppress(StorageError):
            self.store.backend.remove(DRAFT_KEY)

    def restore_draft(self) -> None:
        try:
            draft = decode_draft(self.store.backend.get(DRAFT_KEY))
        except StorageError:
            return
        if draft is None or not draft.has_content():
            return
        if draft.replacing is not None and self.document.find(draft.replacing) is not None:
            self.editing = draft.replacing
            element("form-heading").textContent = (
                f"Edit the check-in of {text.long_date(draft.replacing)}")
            element("save-button").textContent = "Save changes"
            element("cancel-edit").hidden = False
        self.fill_form(draft.fields)
        self.say("Restored the check-in you were typing before the page closed. It is not "
                 "saved yet.")

    @guarded
    def on_input(self, event: Any) -> None:
        self.update_total()
        name = str(event.target.name or "")
        if name in FORM_FIELDS and element(f"err-{name}").textContent:
            element(f"err-{name}").textContent = ""  # the person is fixing it
            element(f"f-{name}").removeAttribute("aria-invalid")
        self.keep_draft()

    @guarded
    def on_submit(self, event: Any) -> None:
        event.preventDefault()
        if self.store.blocked_by is not None:
            self.show_errors([])
            self.say("Your saved data could not be read. Download it or set it aside (see "
                     "above) before adding check-ins, so nothing is overwritten.", error=True)
            return
        result = read_checkin_form(self.form_values(), today=browser.local_today(),
                                   document=self.document, replacing=self.editing)
        self.show_errors(result.errors)
        if result.checkin is None:
            return
        was_editing = self.editing
        updated = self.document.put(result.checkin, replacing=was_editing)
        if not self.save(updated):
            return
        self.drop_draft()
        self.reset_form()
        self.render()
        verb = "Updated" if was_editing else "Saved"
        self.say(f"{verb} the check-in of {text.long_date(result.checkin.on)}: SSI "
                 f"{display_total(result.checkin.total)}.")

    def save(self, document: Document) -> bool:
        """Store the document; on failure keep everything as it was and say so."""
        try:
            saved = self.store.save(document)
        except (StorageError, DocumentError) as error:
            self.say(join([f"Could not save: {error}. Nothing was changed, and what you typed "
                           "is still in the form."]), error=True)
            return False
        self.document = saved.document
        if saved.merged:
            self.save_notes.append(views.merged_note(saved.conflicts))
        if self.store.last_good_stale:
            self.save_notes.append(views.copy_stale_note())
        return True

    @guarded
    def on_storage(self, event: Any) -> None:
        """Another tab saved: show its data here too (it is already merged in storage)."""
        key = event.key
        if isinstance(key, str) and key != self.store.key:
            return  # a draft or a kept copy; null means the whole storage was cleared
        before = self.document
        loaded = self.store.load()
        if loaded.problem is not None:
            self.unreadable_raw = loaded.raw
            problem = element("problem")
            problem.innerHTML = views.problem(str(loaded.problem), loaded.raw or "")
            problem.hidden = False
            return
        self.document = loaded.document
        if (before.checklist, before.plan, before.goal) != (
                loaded.document.checklist, loaded.document.plan, loaded.document.goal):
            self.coach.render_settings_forms()
        self.render()
        self.say("Updated with changes saved in another tab.")

    @guarded
    def on_cancel_edit(self, event: Any) -> None:
        self.drop_draft()
        self.reset_form()
        self.say("Editing cancelled; the check-in is unchanged.")

    # ---- buttons inside rendered HTML ------------------------------------------------

    @guarded
    def on_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action in ("edit", "delete"):
            on = dt.date.fromisoformat(str(button.dataset.date))
            checkin = self.document.find(on)
            if checkin is not None:
                (self.start_editing if action == "edit" else self.delete)(checkin)
        elif action == "undo":
            self.undo_delete()
        elif action == "start":
            self.go("checkins")
            element("f-brand").focus()
        elif action == "download-raw" and self.unreadable_raw is not None:
            browser.download(f"ssi-coach-unreadable-{browser.local_today()}.json",
                             self.unreadable_raw)
        elif action == "set-aside":
            self.set_aside()
        elif action == "download-aside":
            key = str(button.dataset.key)
            raw = self.store.backend.get(key)
            if raw is not None:
                browser.download(f"{key}.json", raw)

    def delete(self, checkin: CheckIn) -> None:
        if not self.save(self.document.without(checkin.on)):
            return
        if self.editing == checkin.on:
            self.drop_draft()
            self.reset_form()
        self.deleted = checkin
        self.render()
        self.say(join([f"Deleted the check-in of {text.long_date(checkin.on)}. ",
                       el("button", "Undo", type="button", class_="link", data_action="undo")]))

    def undo_delete(self) -> None:
        checkin = self.deleted
        if checkin is None:
            return
        if self.document.find(checkin.on) is not None:
            self.say(f"Cannot undo: there is a new check-in on {text.long_date(checkin.on)}.",
                     error=True)
            return
        if self.save(self.document.put(checkin)):
            self.deleted = None
            self.render()
            self.say(f"Restored the check-in of {text.long_date(checkin.on)}.")

    def set_aside(self) -> None:
        try:
            key = self.store.set_aside()
        except StorageError as error:
            self.say(join([f"Could not set the data aside: {error}. It is unchanged."]),
                     error=True)
            return
        element("problem").hidden = True
        self.unreadable_raw = None
        self.document = Document()
        self.render()
        self.say(join([f"The unreadable data is kept as “{key or ''}” (download it under "
                       "Data any time). You can start adding check-ins."]))


    # ---- shared reports --------------------------------------------------------------------

    @guarded
    def on_hash_change(self, event: Any) -> None:
        """Another view: show it (Back, Forward, a nav link). A different report, or leaving
        one for a view, means a different page; in-page links (the skip link) are a jump."""
        old, new = route(str(event.oldURL)), route(str(event.newURL))
        if new.kind == "report" or (old.kind == "report" and new.kind == "view"):
            window.location.reload()
        elif self.report is None and old.kind != "report":
            self.follow(new, focus=True)

    @guarded
    def on_report_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action=keep-report]")
        if button is not None:
            self.keep_report()

    def keep_report(self) -> None:
        """At the member's request only: add the report to their data as another person."""
        report = self.report
        assert report is not None
        loaded = self.store.load()
        if loaded.problem is not None:
            self.say("Your own saved data cannot be read right now, so the report was not "
                     "kept. Open your own ssi-coach to sort that out first.", error=True)
            return
        name = report.person_name()
        person = Person(name, report.checkins, browser.local_today())
        try:
            self.store.save(loaded.document.with_person(person))
        except (StorageError, DocumentError) as error:
            self.say(join([f"Could not keep the report: {error}."]), error=True)
            return
        self.say(join([f"Kept as “{name}” in this browser. You will find it under Team when "
                       "you ", el("a", "open your own ssi-coach", href="./#/team"), "."]))


TOP_ACTIONS = 3  # Home shows this many of the Coach's next actions

