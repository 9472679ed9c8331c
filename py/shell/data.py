"""The Data view: CSV, backup and restore, share links, the calendar reminder, printing, and
the copies of the data kept in this browser. Every import shows a preview first and changes
nothing until the member confirms it. The paste from LinkedIn fills in the check-in form,
so it is the Check-ins view's."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from pyodide.ffi import JsException  # type: ignore[import-not-found]
from pyscript import when, window  # type: ignore[import-not-found]

from ssi_coach.checkins.due import first_reminder_day
from ssi_coach.checkins.merge import CheckinMerge, apply_checkin_merge, checkin_merge
from ssi_coach.errors import DocumentError, StorageError
from ssi_coach.exporters.csv_checkins import checkins_to_csv
from ssi_coach.exporters.reminder import (
    first_weekly_day,
    monthly_reminder_ics,
    weekly_reminder_ics,
)
from ssi_coach.exporters.share import build_report, share_link
from ssi_coach.importers.csv_checkins import read_checkins_csv
from ssi_coach.model import Document
from ssi_coach.storage import usage
from ssi_coach.storage.backup import (
    AccountsMerged,
    backup_text,
    read_backup,
    with_backup_accounts,
    with_backup_posts,
)
from ssi_coach.team.table import add_missing_people
from ssi_coach.text import long_date

from . import browser, views
from .browser import element
from .context import StorageContext
from .guard import guarded, guarded_async
from .html import el, join, text

MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class PendingImport:
    """An import waiting for the member's yes: what it would do, and from where."""

    plan: CheckinMerge
    backup: Document | None  # set for a restore, which also offers "replace everything"


class DataTools:
    def __init__(self, context: StorageContext) -> None:
        self.context = context
        self.pending: PendingImport | None = None
        self.share_url = ""
        self.copying: asyncio.Future[None] | None = None

    def bind(self) -> None:
        for selector, handler in (
            ("#csv-export", self.on_csv_export),
            ("#backup-download", self.on_backup_download),
            ("#share-open", self.on_share_toggle), ("#share-close", self.on_share_toggle),
            ("#share-create", self.on_share_create),
            ("#reminder-download", self.on_reminder), ("#print-report", self.on_print),
            ("#weekly-reminder-download", self.on_weekly_reminder),
            ("#data", self.on_data_click),
        ):
            when("click", selector)(handler)
        for container in ("#set-aside-body", "#status"):
            when("click", container)(self.on_kept_click)
        when("change", "#csv-file")(self.on_csv_file)
        when("change", "#backup-file")(self.on_backup_file)

    def render(self) -> None:
        """The copies kept in this browser (a restore's previous data, unreadable data), and
        how much of the browser's storage the app uses."""
        if not element("view-data").hidden:
            self.render_usage()
        kept = self.context.store.kept_copies()
        element("set-aside-body").innerHTML = views.kept_copies(kept)
        element("set-aside").hidden = not kept

    def render_usage(self) -> None:
        """How much of the browser's storage the app uses: read from every key, so only
        while the Data view is on screen."""
        element("storage-usage").textContent = views.storage_usage(usage(self.context.store))

    # ---- spreadsheet ------------------------------------------------------------------

    @guarded
    def on_csv_export(self, event: Any) -> None:
        today = browser.local_today()
        browser.download(f"ssi-coach-checkins-{today}.csv",
                         checkins_to_csv(self.context.document.checkins), "text/csv")

    @guarded_async
    async def on_csv_file(self, event: Any) -> None:
        file = await self._read_chosen_file(event.target)
        if file is None:
            return
        name, data = file
        result = read_checkins_csv(data, file_name=name, today=browser.local_today())
        plan = checkin_merge(self.context.document, result.checkins)
        self.pending = PendingImport(plan, None)
        self._show_panel(views.import_preview(f"Import “{name}”", plan, result.rejected))

    # ---- backup and restore -----------------------------------------------------------

    @guarded
    def on_backup_download(self, event: Any) -> None:
        today = browser.local_today()
        browser.download(f"ssi-coach-backup-{today}.json", backup_text(self.context.document))

    @guarded_async
    async def on_backup_file(self, event: Any) -> None:
        file = await self._read_chosen_file(event.target)
        if file is None:
            return
        name, data = file
        try:
            backup = read_backup(data)
        except DocumentError as error:
            self.pending = None
            self._show_panel(join([
                el("h3", f"Restore “{name}”"),
                el("p", str(error), " Nothing was changed.", class_="error-box"),
                el("button", "Close", type="button", data_action="import-cancel")]))
            return
        plan = checkin_merge(self.context.document, backup.checkins)
        self.pending = PendingImport(plan, backup)
        summary = views.backup_summary(backup, self.context.document)
        self._show_panel(views.import_preview(f"Restore “{name}”", plan, (), extra=summary,
                                              restore=True))

    async def _read_chosen_file(self, field: Any) -> tuple[str, bytes] | None:
        file = await browser.chosen_file(field, MAX_FILE_BYTES)
        if file is None:
            return None
        name, data = file
        if data is None:
            self._show_panel(el("p", f"“{name}” is larger than {MAX_FILE_BYTES:,} bytes; that "
                                     "is too large for this. Nothing was changed.",
                                class_="error-box"))
            return None
        return name, data

    def _show_panel(self, html: str) -> None:
        show_import_panel(html)

    def _close_panel(self) -> None:
        self.pending = None
        close_import_panel()

    def confirm_import(self) -> None:
        pending = self.pending
        if pending is None:
            return
        choice = browser.query(element("import-panel"), "input[name=conflicts]:checked")
        replace = choice is not None and str(choice.value) == "replace"
        updated = apply_checkin_merge(self.context.document, pending.plan, replace_updated=replace)
        accounts = AccountsMerged(updated)
        if pending.backup is not None:
            updated = add_missing_people(updated, pending.backup.people)
            updated = with_backup_posts(updated, pending.backup)
            accounts = with_backup_accounts(updated, pending.backup)
            updated = accounts.document
        posts_merged = updated.posts != self.context.document.posts
        if not self.context.save(updated):
            return
        self._close_panel()
        self.context.render()
        changed = pending.plan.changed_count(replace)
        posts = ", and the backup's post analytics merged into yours" if posts_merged else ""
        self.context.say(f"Imported: {changed} check-in{'s' if changed != 1 else ''} added "
                         f"or updated{posts}.{views.accounts_merged(accounts)} Everything else "
                         "is as it was.")

    def replace_with_backup(self) -> None:
        pending = self.pending
        if pending is None or pending.backup is None:
            return
        try:
            kept = self.context.store.replace_keeping_copy(pending.backup)
        except (StorageError, DocumentError) as error:
            self.context.say(text(["Could not restore: ", str(error),
                                   ". Your data is unchanged."]), error=True)
            return
        self.context.document = pending.backup
        self._close_panel()
        self.context.render()
        copy = None if kept is None else [
            " Your previous data is kept in this browser: ",
            el("button", "download it", type="button", class_="link",
               data_action="download-aside", data_key=kept), "."]
        self.context.say(text([f"Restored the backup: {len(pending.backup.checkins)} "
                               "check-ins.", copy]))

    # ---- share link ---------------------------------------------------------------------

    @guarded
    def on_share_toggle(self, event: Any) -> None:
        browser.toggle_panel("share-panel", "share-open", focus="share-name")

    @guarded
    def on_share_create(self, event: Any) -> None:
        if not self.context.document.checkins:
            element("share-result").innerHTML = el(
                "p", "Add a check-in first: there is nothing to share yet.", class_="notice")
            return
        last = int(str(element("share-last").value))
        report = build_report(
            self.context.document, last=last or len(self.context.document.checkins),
            include_notes=bool(element("share-notes").checked),
            include_industry=bool(element("share-industry").checked),
            include_peers=bool(element("share-peers").checked),
            include_activity=bool(element("share-activity").checked),
            name=str(element("share-name").value).strip(), created=browser.local_today())
        self.share_url = share_link(browser.page_url(), report)
        element("share-result").innerHTML = views.share_result(self.share_url)

    @guarded_async
    async def copy_share_link(self, event: Any) -> None:
        element("share-url").select()
        try:
            await window.navigator.clipboard.writeText(self.share_url)
        except JsException:  # refused (no permission, page not focused): the text is selected
            self.context.say("Press Ctrl+C (⌘C on a Mac) to copy the selected link.")
            return
        self.context.say("Link copied. Paste it into an email or message.")

    # ---- reminder and print -----------------------------------------------------------------

    @guarded
    def on_reminder(self, event: Any) -> None:
        first = first_reminder_day(self.context.document.checkins, browser.local_today())
        ics = monthly_reminder_ics(app_url=browser.page_url(), first_day=first,
                                   stamp=browser.utc_now())
        browser.download("ssi-coach-monthly-reminder.ics", ics, "text/calendar")
        self.context.say(f"Reminder downloaded: open the file to add a monthly event from "
                         f"{long_date(first)} to your calendar.")

    @guarded
    def on_weekly_reminder(self, event: Any) -> None:
        first = first_weekly_day(browser.local_today())
        ics = weekly_reminder_ics(app_url=browser.page_url(), first_day=first,
                                  stamp=browser.utc_now())
        browser.download("ssi-coach-weekly-reminder.ics", ics, "text/calendar")
        self.context.say(f"Reminder downloaded: open the file to add an event every Monday "
                         f"from {long_date(first)}: log last week's activity.")

    @guarded
    def on_print(self, event: Any) -> None:
        element("print-heading").textContent = (
            f"SSI report, printed {long_date(browser.local_today())}")
        window.print()

    # ---- buttons inside the data section -------------------------------------------------------

    @guarded
    def on_data_click(self, event: Any) -> None:
        button = browser.closest(event, "[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action == "import-confirm":
            self.confirm_import()
        elif action == "restore-replace":
            self.replace_with_backup()
        elif action == "import-cancel":
            self._close_panel()
            self.context.say("Import cancelled; nothing was changed.")
        elif action == "share-copy":
            self.copying = asyncio.ensure_future(self.copy_share_link(event))  # kept alive

    @guarded
    def on_kept_click(self, event: Any) -> None:
        """Download a kept copy: from its list, or from the message that mentions it."""
        button = browser.closest(event, "button[data-action=download-aside]")
        if button is None:
            return
        key = str(button.dataset.key)
        raw = self.context.store.backend.get(key)
        if raw is not None:
            browser.download(f"{key}.json", raw)


def show_import_panel(html: str) -> None:
    """The Data view's panel for an import's preview (check-ins, backup, weekly log), in
    view with its heading focused."""
    panel = element("import-panel")
    panel.innerHTML = html
    panel.hidden = False
    panel.scrollIntoView()
    heading = browser.query(panel, "h3")
    if heading is not None:
        heading.setAttribute("tabindex", "-1")
        heading.focus()


def close_import_panel() -> None:
    element("import-panel").hidden = True
    element("import-panel").innerHTML = ""
