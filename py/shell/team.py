"""The Team section: add people from share links or files, sort, rename, remove, export, print.

Each handler reads the page, calls one core function from ssi_coach.team.table, saves through the
context (the app: so two tabs and full storage behave as everywhere else), and renders the
result.
"""

from __future__ import annotations

from typing import Any

from pyscript import when, window  # type: ignore[import-not-found]

from ssi_coach.errors import ShareLinkError
from ssi_coach.exporters.share import report_from_link
from ssi_coach.importers.checkin_files import BACKUP, read_checkins_file
from ssi_coach.model import CheckIn, FieldError, Person, WeekLog
from ssi_coach.team.links import BulkAdd, add_files, add_many, find_links
from ssi_coach.team.table import (
    TeamSort,
    TeamView,
    add_to_team,
    name_for_file,
    put_back,
    remove_person,
    rename_person,
    resort,
    team_csv,
    team_view,
)

from . import browser, team_views
from .browser import element
from .context import Context
from .guard import guarded, guarded_async

MAX_FILE_BYTES = 20 * 1024 * 1024


class TeamTools:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.sort = TeamSort()
        self.removed: Person | None = None  # for undo
        # The last charts drawn and what they were drawn from: most renders (a check-in of
        # the coach's own, another tab's save) leave the team as it was.
        self.drawn: tuple[Any, str, str | None] | None = None
        self.last_view: tuple[Any, Any, TeamView | None] | None = None

    def bind(self) -> None:
        when("submit", "#team-add-form")(self.on_add_link)
        when("change", "#team-file")(self.on_file)
        for container in ("#team-body", "#team-status", "#team-rename-slot"):
            when("click", container)(self.on_click)
        when("submit", "#team-rename-slot")(self.on_rename)
        when("afterprint", window)(self.on_after_print)

    # ---- rendering -----------------------------------------------------------------------

    def render(self) -> None:
        view = self._view()
        body = element("team-body")
        empty = team_views.without_checkins(
            [p.name for p in self.context.document.people if not p.checkins])
        if view is None:
            body.innerHTML = team_views.empty_team() + empty
            return
        body.innerHTML = team_views.team_panel(view, *self._charts(view)) + empty

    def _view(self) -> TeamView | None:
        """The team view, computed again only when the people (or the day) changed: a click
        on a heading just re-sorts the rows."""
        people, today = self.context.document.people, browser.local_today()
        last = self.last_view
        if last is not None and last[0] is people and last[1] == today:
            view = last[2]
            if view is None or (view.sort_by, view.descending) == (self.sort.by,
                                                                    self.sort.descending):
                return view
            view = resort(view, self.sort.by, self.sort.descending)
        else:
            view = team_view(people, today, sort_by=self.sort.by,
                             descending=self.sort.descending)
        self.last_view = (people, today, view)
        return view

    def _charts(self, view: TeamView) -> tuple[str | None, str | None]:
        draw = self.context.draw
        if draw is None:
            return None, None
        source = (view.heat_map, view.trend)
        if self.drawn is None or self.drawn[0] != source:
            trend = None if view.trend is None else draw.lines_svg(view.trend)
            self.drawn = (source, draw.heat_map_svg(view.heat_map), trend)
        return self.drawn[1], self.drawn[2]

    def say(self, html: str, *, error: bool = False) -> None:
        status = element("team-status")
        status.className = "status error" if error else "status"
        status.innerHTML = html

    # ---- adding people -------------------------------------------------------------------

    @guarded
    def on_add_link(self, event: Any) -> None:
        event.preventDefault()
        pasted = str(element("team-link").value)
        links = find_links(pasted)
        if not pasted.strip():
            self.say("Paste one or more share links first.", error=True)
            element("team-link").focus()
            return
        typed = str(element("team-name").value).strip()
        if len(links) <= 1:
            self._add_one(links[0] if links else pasted.strip(), typed)
            return
        bulk = add_many(self.context.document, [pasted], browser.local_today())
        self._apply_bulk(bulk)

    def _add_one(self, link: str, typed: str) -> None:
        try:
            report = report_from_link(link)
        except ShareLinkError as error:
            self.say(team_views.link_refused(str(error)), error=True)
            element("team-link").focus()
            return
        if self._add(typed or report.person_name(), report.checkins, report.activity):
            element("team-link").value = ""
            element("team-name").value = ""

    @guarded_async
    async def on_file(self, event: Any) -> None:
        field = event.target
        chosen = browser.found(field.files)
        files = [] if chosen is None else [chosen.item(i) for i in range(chosen.length)]
        field.value = ""
        if not files:
            return
        too_large = [str(f.name) for f in files if int(f.size) > MAX_FILE_BYTES]
        if too_large:
            self.say(team_views.file_too_large(too_large[0]), error=True)
            return
        read = []
        for file in files:
            buffer = await file.arrayBuffer()
            read.append((str(file.name), bytes(buffer.to_bytes())))
        if len(read) == 1:
            self._add_file(*read[0])
            return
        self._apply_bulk(add_files(self.context.document, read, browser.local_today()))

    def _add_file(self, file_name: str, data: bytes) -> None:
        read = read_checkins_file(file_name, data, today=browser.local_today())
        if read.problem:
            refused = (team_views.not_a_backup if read.kind == BACKUP
                       else team_views.no_checkins_in)
            self.say(refused(file_name, read.problem), error=True)
            return
        typed = str(element("team-name").value).strip()
        if self._add(typed or name_for_file(file_name), read.checkins):
            element("team-name").value = ""

    def _apply_bulk(self, bulk: BulkAdd) -> None:
        """Many people at once: saved together, or (storage full) nothing at all."""
        changed = bulk.document != self.context.document
        if changed and not self.context.save(bulk.document):
            self.say("Could not save the team: see the message at the top. Nothing was "
                     "changed.", error=True)
            return
        self.context.render()
        self.say(team_views.bulk_message(bulk), error=bool(bulk.unreadable) and not changed)
        if not bulk.unreadable:
            element("team-link").value = ""

    def _add(self, name: str, checkins: tuple[CheckIn, ...],
             activity: tuple[WeekLog, ...] = ()) -> bool:
        """Add or refresh a person; True when the inputs can be cleared."""
        change = add_to_team(self.context.document, name, checkins, browser.local_today(),
                             activity)
        if isinstance(change, list):
            self.say(team_views.errors_message(change), error=True)
            return False
        if change.changed and not self.context.save(change.document):
            self.say("Could not save the team: see the message at the top. Nothing was "
                     "changed.", error=True)
            return False
        self.context.render()
        self.say(team_views.added_message(change))
        return True

    # ---- the table's buttons -----------------------------------------------------------------

    @guarded
    def on_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action == "team-sort":
            self._sort(str(button.dataset.key))
        elif action == "team-rename":
            self._open_rename(str(button.dataset.name))
        elif action == "team-rename-cancel":
            element("team-rename-slot").hidden = True
        elif action == "team-remove":
            self._remove(str(button.dataset.name))
        elif action == "team-undo":
            self._undo_remove()
        elif action == "team-csv":
            self._download_csv()
        elif action == "team-print":
            document = window.document
            document.body.classList.add("printing-team")
            window.print()

    def _sort(self, key: str) -> None:
        self.sort = self.sort.clicked(key)
        self.render()
        heading = browser.query(element("team-body"), f'button[data-key="{key}"]')
        if heading is not None:
            heading.focus()

    def _open_rename(self, name: str) -> None:
        slot = element("team-rename-slot")
        slot.innerHTML = team_views.rename_form(name)
        slot.hidden = False
        field = element("team-rename-input")
        field.focus()
        field.select()

    @guarded
    def on_rename(self, event: Any) -> None:
        event.preventDefault()
        old = str(event.target.dataset.name)
        new = str(element("team-rename-input").value)
        renamed = rename_person(self.context.document, old, new)
        if isinstance(renamed, FieldError):
            self.say(team_views.errors_message([renamed]), error=True)
            element("team-rename-input").focus()
            return
        if self.context.save(renamed):
            element("team-rename-slot").hidden = True
            self.context.render()
            self.say(team_views.renamed(old, " ".join(new.split())))

    def _remove(self, name: str) -> None:
        document = self.context.document
        person = next((p for p in document.people if p.name == name), None)
        if person is None or not self.context.save(remove_person(document, name)):
            return
        self.removed = person
        self.context.render()
        self.say(team_views.removed(name))

    def _undo_remove(self) -> None:
        person = self.removed
        if person is None:
            return
        restored = put_back(self.context.document, person)
        if restored is None:
            self.say(team_views.cannot_undo(person.name), error=True)
            return
        if not self.context.save(restored):
            return
        self.removed = None
        self.context.render()
        self.say(team_views.back(person.name))

    def _download_csv(self) -> None:
        view = self._view()
        if view is not None:
            browser.download(f"ssi-coach-team-{browser.local_today()}.csv", team_csv(view),
                             "text/csv")

    @guarded
    def on_after_print(self, event: Any) -> None:
        window.document.body.classList.remove("printing-team")

