"""The Team section: add people from share links or files, sort, rename, remove, export, print.

Each handler reads the page, calls one core function from ssi_coach.team, saves through the
app (so two tabs and full storage behave as everywhere else), and renders the result.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING, Any

from pyscript import when, window  # type: ignore[import-not-found]

from ssi_coach import text
from ssi_coach.errors import DocumentError, ShareLinkError
from ssi_coach.exporters.share import decode_report
from ssi_coach.importers.csv_checkins import read_checkins_csv
from ssi_coach.model import CheckIn, FieldError, Person
from ssi_coach.storage.backup import read_backup
from ssi_coach.team.table import (
    TeamView,
    add_to_team,
    remove_person,
    rename_person,
    team_csv,
    team_view,
)

from . import browser, team_views
from .browser import element
from .guard import guarded, guarded_async

if TYPE_CHECKING:
    from .app import App

MAX_FILE_BYTES = 20 * 1024 * 1024
LINK_MARK = "#report="


class TeamTools:
    def __init__(self, app: App) -> None:
        self.app = app
        self.sort_by = "total"
        self.descending = True
        self.removed: Person | None = None  # for undo
        # The last charts drawn and what they were drawn from: most renders (a check-in of
        # the coach's own, another tab's save) leave the team as it was.
        self.drawn: tuple[Any, str, str | None] | None = None

    def bind(self) -> None:
        when("submit", "#team-add-form")(self.on_add_link)
        when("change", "#team-file")(self.on_file)
        for container in ("#team-body", "#team-status", "#team-rename-slot"):
            when("click", container)(self.on_click)
        when("submit", "#team-rename-slot")(self.on_rename)
        when("afterprint", window)(self.on_after_print)

    # ---- rendering -----------------------------------------------------------------------

    def render(self) -> None:
        view = team_view(self.app.document.people, browser.local_today(),
                         sort_by=self.sort_by, descending=self.descending)
        body = element("team-body")
        empty = team_views.without_checkins(
            [p.name for p in self.app.document.people if not p.checkins])
        if view is None:
            body.innerHTML = team_views.empty_team() + empty
            return
        body.innerHTML = team_views.team_panel(view, *self._charts(view)) + empty

    def _charts(self, view: TeamView) -> tuple[str | None, str | None]:
        draw = self.app.draw
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
        link = str(element("team-link").value).strip()
        if not link:
            self.say("Paste a share link first.", error=True)
            element("team-link").focus()
            return
        payload = link.split(LINK_MARK, 1)[1] if LINK_MARK in link else link
        try:
            report = decode_report(payload)
        except ShareLinkError as error:
            self.say(f"This share link cannot be added: {escape(str(error))} Nothing was "
                     "changed.", error=True)
            element("team-link").focus()
            return
        name = str(element("team-name").value).strip() or report.name
        if self._add(name or f"Report shared {text.long_date(report.created)}",
                     report.checkins):
            element("team-link").value = ""
            element("team-name").value = ""

    @guarded_async
    async def on_file(self, event: Any) -> None:
        file = await browser.chosen_file(event.target, MAX_FILE_BYTES)
        if file is None:
            return
        file_name, data = file
        if data is None:
            self.say(f"“{escape(file_name)}” is too large for a backup or CSV file. "
                     "Nothing was changed.", error=True)
            return
        checkins = self._read_file(file_name, data)
        if checkins is None:
            return
        typed = str(element("team-name").value).strip()
        stem = file_name.rsplit(".", 1)[0].strip()
        if self._add(typed or stem, checkins):
            element("team-name").value = ""

    def _read_file(self, file_name: str, data: bytes) -> tuple[CheckIn, ...] | None:
        if file_name.lower().endswith(".json"):
            try:
                return read_backup(data).checkins
            except DocumentError as error:
                self.say(f"“{escape(file_name)}” is not an ssi-coach backup: "
                         f"{escape(str(error))} Nothing was changed.", error=True)
                return None
        result = read_checkins_csv(data, file_name=file_name, today=browser.local_today())
        if not result.checkins:
            reason = result.rejected[0].message if result.rejected else "no check-ins in it"
            self.say(f"“{escape(file_name)}” holds no check-ins to add "
                     f"({escape(reason)}). Nothing was changed.", error=True)
            return None
        return result.checkins

    def _add(self, name: str, checkins: tuple[CheckIn, ...]) -> bool:
        """Add or refresh a person; True when the inputs can be cleared."""
        change = add_to_team(self.app.document, name, checkins, browser.local_today())
        if isinstance(change, list):
            self.say(team_views.errors_message(change), error=True)
            return False
        if change.changed and not self.app.save(change.document):
            self.say("Could not save the team: see the message at the top. Nothing was "
                     "changed.", error=True)
            return False
        self.app.render()
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
        if key == self.sort_by:
            self.descending = not self.descending
        else:  # names read A to Z first; scores best first; ranks and days lowest first
            self.sort_by = key
            self.descending = key not in ("name", "industry_rank", "network_rank",
                                          "days_since")
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
        renamed = rename_person(self.app.document, old, new)
        if isinstance(renamed, FieldError):
            self.say(team_views.errors_message([renamed]), error=True)
            element("team-rename-input").focus()
            return
        if self.app.save(renamed):
            element("team-rename-slot").hidden = True
            self.app.render()
            self.say(f"Renamed {escape(old)} to {escape(' '.join(new.split()))}.")

    def _remove(self, name: str) -> None:
        document = self.app.document
        person = next((p for p in document.people if p.name == name), None)
        if person is None or not self.app.save(remove_person(document, name)):
            return
        self.removed = person
        self.app.render()
        self.say(f"Removed {escape(name)} and all of their check-ins from this browser. "
                 '<button type="button" class="link" data-action="team-undo">Undo</button>')

    def _undo_remove(self) -> None:
        person = self.removed
        if person is None:
            return
        document = self.app.document
        if any(p.name == person.name for p in document.people):
            self.say(f"Cannot undo: {escape(person.name)} is in the team again.",
                     error=True)
            return
        if not self.app.save(replace(document, people=(*document.people, person))):
            return
        self.removed = None
        self.app.render()
        self.say(f"{escape(person.name)} is back, with all of their check-ins.")

    def _download_csv(self) -> None:
        view = team_view(self.app.document.people, browser.local_today(),
                         sort_by=self.sort_by, descending=self.descending)
        if view is not None:
            browser.download(f"ssi-coach-team-{browser.local_today()}.csv", team_csv(view),
                             "text/csv")

    @guarded
    def on_after_print(self, event: Any) -> None:
        window.document.body.classList.remove("printing-team")

