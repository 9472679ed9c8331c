"""The Accounts view's "open my export": the member's LinkedIn export read in the page (the
same reading as the Activity import, pandas loaded on first use) and kept in memory for the
search; nothing of it is saved but the refreshed facts of people already tracked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ssi_coach.importers.linkedin.types import (
    MAX_UPLOAD_BYTES,
    ExportReading,
    ImportRefused,
    Progress,
)

from . import import_views
from .browser import element
from .context import Context
from .drop import FileImport, load_packages, packages_loaded
from .guard import guarded_async


class AccountsImport(FileImport):
    name = "accounts"

    def __init__(self, context: Context, opened: Callable[[ExportReading], None]) -> None:
        super().__init__(context)
        self.opened = opened  # the Accounts view takes the reading from here

    @guarded_async
    async def run(self, files: list[Any]) -> None:
        from ssi_coach.importers.linkedin import import_steps

        self.busy = True
        element("accounts-export-details").open = True
        try:
            too_big = next((f for f in files if f.size > MAX_UPLOAD_BYTES), None)
            if too_big is not None:
                self.show(import_views.refused(f"“{too_big.name}” is far larger than any "
                                               "LinkedIn export."))
                return
            if not packages_loaded("pandas"):
                await self.paint(None, "Loading the data tools (first export only)")
                await load_packages("pandas")
            for step in import_steps(await self.read_files(files)):
                if isinstance(step, Progress):
                    await self.paint(step)
                elif isinstance(step, ImportRefused):
                    self.show(import_views.refused(step.message))
                else:
                    self.close("")
                    self.opened(step)
        finally:
            self.busy = False

    def confirm(self) -> None:
        """Nothing to confirm: opening an export saves nothing of it."""
