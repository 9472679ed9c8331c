"""The Data view's workbook download and weekly log CSV: "Download workbook" loads XlsxWriter
the first time it is asked for and writes one .xlsx in the page; the weekly log goes out as
CSV and comes back in through a preview that changes nothing until the member confirms."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from pyscript import when  # type: ignore[import-not-found]

from ssi_coach.activity.week_merge import WeeksMerge, apply_weeks_merge, weeks_merge
from ssi_coach.exporters.csv_weeks import weeks_csv, weeks_csv_filename
from ssi_coach.importers.csv_weeks import read_weeks_csv

from . import browser, sheet_views
from .browser import element
from .context import Context
from .data import close_import_panel, show_import_panel
from .drop import load_packages, packages_loaded
from .guard import guarded, guarded_async
from .html import el

MAX_CSV_BYTES = 5_000_000
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAINT_PAUSE_S = 0.02


@dataclass(frozen=True)
class PendingWeeks:
    name: str
    merge: WeeksMerge


class SheetTools:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.pending: PendingWeeks | None = None
        self.writing = False

    def bind(self) -> None:
        when("click", "#workbook-download")(self.on_workbook)
        when("click", "#weeks-csv-export")(self.on_weeks_export)
        when("change", "#weeks-csv-file")(self.on_weeks_file)
        when("click", "#import-panel")(self.on_panel_click)

    # ---- the workbook -----------------------------------------------------------------------

    @guarded_async
    async def on_workbook(self, event: Any) -> None:
        if self.writing:
            return
        from ssi_coach.exporters.workbook import workbook_filename

        button = element("workbook-download")
        self.writing, button.disabled = True, True
        try:
            if not packages_loaded("xlsxwriter"):
                self.context.say("Loading the workbook writer (first download only)…")
                await asyncio.sleep(PAINT_PAUSE_S)
                await load_packages("xlsxwriter")
            from ssi_coach.exporters.workbook import workbook_bytes

            today = browser.local_today()
            browser.download(workbook_filename(today),
                             workbook_bytes(self.context.document, today), XLSX_MIME)
            self.context.say("Workbook downloaded: check-ins, weekly activity and outcomes, "
                             "posts per week and network, one sheet each.")
        finally:
            self.writing, button.disabled = False, False

    # ---- the weekly log as CSV ------------------------------------------------------------

    @guarded
    def on_weeks_export(self, event: Any) -> None:
        if not self.context.document.weeks:
            self.context.say("There are no typed weeks yet: log a week under Activity first. "
                             "(Weeks read from a LinkedIn export are in the workbook.)")
            return
        browser.download(weeks_csv_filename(browser.local_today()),
                         weeks_csv(self.context.document), "text/csv")

    @guarded_async
    async def on_weeks_file(self, event: Any) -> None:
        file = await browser.chosen_file(event.target, MAX_CSV_BYTES)
        if file is None:
            return
        name, data = file
        if data is None:
            self._show(el("p", f"“{name}” is larger than {MAX_CSV_BYTES:,} bytes; that is too "
                               "large for a weekly log. Nothing was changed.",
                          class_="error-box"))
            return
        read = read_weeks_csv(data, file_name=name, today=browser.local_today())
        merge = weeks_merge(self.context.document, read)
        self.pending = PendingWeeks(name, merge)
        self._show(sheet_views.weeks_preview(name, read, merge))

    @guarded
    def on_panel_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action == "weeks-confirm":
            self.confirm()
        elif action == "weeks-cancel":
            self._close()
            self.context.say("Import cancelled; nothing was changed.")

    def confirm(self) -> None:
        pending = self.pending
        if pending is None:
            return
        choice = browser.query(element("import-panel"), "input[name=weeks-conflicts]:checked")
        replace = choice is not None and str(choice.value) == "replace"
        updated = apply_weeks_merge(self.context.document, pending.merge, replace_changed=replace)
        if not self.context.save(updated):
            return
        self._close()
        self.context.render()
        self.context.say(sheet_views.weeks_imported(
            len(pending.merge.added), len(pending.merge.updated) if replace else 0))

    def _show(self, html: str) -> None:
        show_import_panel(html)

    def _close(self) -> None:
        self.pending = None
        close_import_panel()
