"""The app: start-up, the context every view's tools share (the document, saving it, the
status message, drawing every view again), switching views, and wiring each view's module to
the page. What each view does is in the module named after it (`home`, `checkins`, `coach`,
`activity` and `activity_import`, `peers`, `posts` and `posts_import`, `accounts` and
`accounts_import`, `network`, `team`, `data` and `sheets`)."""

from __future__ import annotations

from typing import Any

from pyscript import document, when, window  # type: ignore[import-not-found]

from ssi_coach import text
from ssi_coach.errors import DocumentError, StorageError
from ssi_coach.exporters.share import SharedReport
from ssi_coach.model import Document, Person
from ssi_coach.routes import HOME, VIEWS, Route, View, route
from ssi_coach.storage import Store

from . import browser, views
from .accounts import AccountsTools
from .accounts_import import AccountsImport
from .activity import ActivityTools
from .activity_import import ExportImport
from .browser import element
from .checkins import CheckinTools
from .coach import CoachTools
from .cycle import CycleTools
from .data import DataTools
from .drop import guard_stray_drops
from .guard import guarded
from .home import HomeTools
from .html import Markup, el, join
from .network import NetworkTools
from .peers import PeersTools
from .posts import PostsTools
from .posts_import import PostsImport
from .sheets import SheetTools
from .team import TeamTools


class App:
    def __init__(self, store: Store, report: SharedReport | None = None) -> None:
        self.store = store
        self.report = report  # set: a read-only shared report; the member's data is not read
        self.home = HomeTools(self)
        self.checkins = CheckinTools(self)
        self.coach = CoachTools(self)
        self.activity = ActivityTools(self)
        self.exports = ExportImport(self)
        self.network = NetworkTools(self)
        self.peers = PeersTools(self)
        self.posts = PostsTools(self)
        self.posts_import = PostsImport(self)
        self.sheets = SheetTools(self)
        self.accounts = AccountsTools(self)
        self.accounts_import = AccountsImport(self, self.accounts.open_export)
        self.exports.opened = self.accounts.open_export  # an Activity import opens it too
        self.team = TeamTools(self)
        self.cycle = CycleTools(self)
        self.data = DataTools(self)
        self.document = Document()
        self.unreadable_raw: str | None = None
        self.draw: Any = None  # ssi_coach.charts.draw, once Matplotlib has loaded
        self.save_notes: list[Markup] = []  # told with the next message (merges, full storage)
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
        self.checkins.reset_form()
        self.checkins.restore_draft()
        self.show_sections("dashboard", "charts", "entry", "peers", "coach", "activity",
                           "posts", "accounts", "network", "history", "team", "data")
        element("nav-list").innerHTML = views.nav_items(VIEWS)
        element("site-nav").hidden = False
        element("nav-toggle").hidden = False
        self.follow(route(browser.url_fragment()), focus=False)
        self.activity.render_forms()
        self.coach.render_plan_form()
        self.render()
        self.bind()

    def bind(self) -> None:
        when("click", "#nav-toggle")(self.on_nav_toggle)
        when("click", "#problem")(self.on_problem_click)
        when("hashchange", window)(self.on_hash_change)
        when("storage", window)(self.on_storage)
        guard_stray_drops()
        for tools in (self.home, self.checkins, self.coach, self.activity, self.exports,
                      self.posts_import, self.accounts, self.accounts_import, self.team,
                      self.cycle, self.data, self.sheets):
            tools.bind()

    async def charts_loaded(self, draw_module: Any) -> None:
        """Draw every chart, one per browser task, so typing never waits long for them."""
        self.draw = draw_module
        for number, _ in enumerate(self.home.chart_steps()):
            browser.mark(f"chart {number + 1}")
            await browser.next_task()
        if self.report is None:
            await browser.next_task()
            self.coach.render_outcomes()
            await browser.next_task()
            self.peers.render()
            await browser.next_task()
            self.posts.render()
            await browser.next_task()
            self.accounts.render()
            await browser.next_task()
            self.network.render()
            await browser.next_task()
            self.team.render()

    # ---- the shared context: render, say, save ------------------------------------

    def render(self) -> None:
        """Every view from the current document. The Coach's view of it is computed once
        here, for the Coach view and Home's "this week" both."""
        self.home.render_numbers()
        self.checkins.render_history(readonly=self.report is not None)
        if self.report is None:
            coached = self.coach.coached()
            self.home.render_next(coached)
            self.data.render()
            self.coach.render(coached)
            self.activity.render()
            self.peers.render()
            self.posts.render()
            self.accounts.render()
            self.network.render()
            self.team.render()
            self.cycle.render()
        self.home.render_charts()

    def say(self, html: str, *, error: bool = False) -> None:
        """A message in the status area, above every view: Markup from the builder
        (shell.html) as it is, any plain string as text (escaped, so never markup)."""
        status = element("status")
        status.className = "status error" if error else "status"
        notes, self.save_notes = self.save_notes, []
        status.innerHTML = join([html, *notes], " ")

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
        if loaded.document == before:
            return  # another tab stored what this one already shows (e.g. the same held fit)
        self.document = loaded.document
        if (before.checklist, before.plan, before.goal) != (
                loaded.document.checklist, loaded.document.plan, loaded.document.goal):
            self.activity.render_checklist_form()
            self.coach.render_plan_form()
        self.render()
        self.say("Updated with changes saved in another tab.")

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
        if self.report is None:  # what is drawn only while its view is on screen
            if view.key == "posts":
                self.posts.shown()
            elif view.key == "team":
                self.cycle.shown()
            elif view.key == "data":
                self.data.render_usage()

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

    # ---- unreadable data ---------------------------------------------------------

    @guarded
    def on_problem_click(self, event: Any) -> None:
        """The box shown when the saved data cannot be read: download it, or set it aside."""
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action == "download-raw" and self.unreadable_raw is not None:
            browser.download(f"ssi-coach-unreadable-{browser.local_today()}.json",
                             self.unreadable_raw)
        elif action == "set-aside":
            self.set_aside()

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
