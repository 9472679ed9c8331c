"""The Activity view's LinkedIn export import: choose or drop files, watch the progress,
check the report, then save or cancel. The network insights an import leaves behind are the
Network view's (`network`).

The reading runs in the core (`import_steps`), one file per step; between steps this hands
the page back to the browser so the progress bar moves and the page stays usable. Nothing is
saved until the member confirms, and then only what the report showed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ssi_coach.importers.linkedin.types import (
    MAX_UPLOAD_BYTES,
    ExportReading,
    ImportRefused,
    Progress,
    Upload,
)
from ssi_coach.model import SOURCES

from . import browser, import_views
from .browser import element
from .context import Context
from .drop import FileImport, load_packages, packages_loaded
from .guard import guarded_async

if TYPE_CHECKING:
    from ssi_coach.activity.export_merge import ExportMerge

@dataclass
class PendingExport:
    reading: ExportReading
    plan: ExportMerge


class ExportImport(FileImport):
    name = "export"

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.pending: PendingExport | None = None
        # Told of every export read, saved or not: the Accounts view searches its people.
        self.opened: Callable[[ExportReading], None] | None = None

    # ---- reading --------------------------------------------------------------------------

    @guarded_async
    async def run(self, files: list[Any]) -> None:
        self.busy, self.pending = True, None
        element("export-details").open = True
        try:
            too_big = next((f for f in files if f.size > MAX_UPLOAD_BYTES), None)
            if too_big is not None:  # refused before a byte is read into memory
                self.show(import_views.refused(_too_big(too_big)))
                return
            await self._load_pandas()
            await self._read(await self.read_files(files))
        finally:
            self.busy = False

    async def _load_pandas(self) -> None:
        if packages_loaded("pandas"):
            return
        await self.paint(None, "Loading the data tools (first import only)")
        await load_packages("pandas")

    async def _read(self, uploads: list[Upload]) -> None:
        from ssi_coach.activity.export_merge import export_merge
        from ssi_coach.importers.linkedin import import_steps

        for step in import_steps(uploads):
            if isinstance(step, Progress):
                await self.paint(step)
            elif isinstance(step, ImportRefused):
                self.show(import_views.refused(step.message))
            else:
                if self.opened is not None:
                    self.opened(step)
                plan = export_merge(self.context.document, step, today=browser.local_today())
                self.pending = PendingExport(step, plan)
                self.show(import_views.report(step, plan))
                element("export-report-heading").focus()
                self.context.say("Your export is read. Check the report, then save or cancel.")

    # ---- confirm or cancel ----------------------------------------------------------------

    def confirm(self) -> None:
        from ssi_coach.activity.export_merge import apply_export_merge, export_merge

        pending = self.pending
        if pending is None:
            return
        # The member may have typed a week since the report was shown: plan again and, if
        # that changes what the report said, show the new report instead of saving.
        plan = export_merge(self.context.document, pending.reading, today=browser.local_today())
        if plan != pending.plan:
            self.pending = PendingExport(pending.reading, plan)
            self.show(import_views.report(pending.reading, plan))
            self.context.say("Your activity log changed since the report was made; here is the "
                             "report again. Nothing was saved yet.")
            return
        updated = apply_export_merge(self.context.document, plan, self._choices())
        if self.context.save(updated):
            self.close("")
            self.context.render()
            self.context.say(f"Imported your LinkedIn export: {len(plan.added)} new and "
                             f"{len(plan.updated)} updated weeks of activity.")

    def _choices(self) -> dict[Any, str]:
        import datetime as dt

        choices: dict[Any, str] = {}
        for select in element("export-panel").querySelectorAll("select[data-week]"):
            if str(select.value) in SOURCES:
                choices[dt.date.fromisoformat(str(select.dataset.week))] = str(select.value)
        return choices

    def close(self, message: str) -> None:
        self.pending = None
        super().close(message)


def _too_big(file: Any) -> str:
    megabytes = int(file.size) // (1024 * 1024)
    return (f"“{file.name}” is {megabytes:,} MB. LinkedIn's exports are far smaller; this "
            "does not look like one. Choose the .zip LinkedIn sent you (or its CSV files).")
