"""The Posts view's import of LinkedIn's post analytics workbooks: choose or drop them, watch
the progress, check the report, then save or cancel.

openpyxl loads the first time a workbook is imported, never at start-up. The reading runs in
the core (`read_workbooks`), one workbook per step; between steps the page gets the browser
back so the progress bar moves. Nothing is saved until the member confirms, and then exactly
what the report showed (planned again against the current data first).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ssi_coach.importers.analytics.types import (
    MAX_WORKBOOK_BYTES,
    AnalyticsReading,
    too_large,
    with_refused,
)
from ssi_coach.importers.linkedin.types import Progress, Upload
from ssi_coach.model import Problem

from . import posts_views
from .browser import element
from .context import Context
from .drop import FileImport, load_packages, packages_loaded
from .guard import guarded_async

if TYPE_CHECKING:
    from ssi_coach.posts.merge import PostsMerge

READER_PACKAGES = ("openpyxl",)  # et_xmlfile comes with it (the lock says so)


@dataclass
class PendingPosts:
    reading: AnalyticsReading
    plan: PostsMerge


class PostsImport(FileImport):
    name = "posts"

    def __init__(self, context: Context) -> None:
        super().__init__(context)
        self.pending: PendingPosts | None = None

    # ---- reading --------------------------------------------------------------------------

    @guarded_async
    async def run(self, files: list[Any]) -> None:
        self.busy, self.pending = True, None
        element("posts-import-details").open = True
        try:
            too_big = [too_large(str(f.name), int(f.size)) for f in files
                       if int(f.size) > MAX_WORKBOOK_BYTES]  # never read into memory
            uploads = await self.read_files([f for f in files
                                             if int(f.size) <= MAX_WORKBOOK_BYTES])
            if not packages_loaded(*READER_PACKAGES):
                await self.paint(None, "Loading the workbook reader (first import only)")
                await load_packages(*READER_PACKAGES)
            await self._read(uploads, too_big)
        finally:
            self.busy = False

    async def _read(self, uploads: list[Upload], too_big: list[Problem]) -> None:
        from ssi_coach.importers.analytics import read_workbooks
        from ssi_coach.posts.merge import plan_merge

        for step in read_workbooks(uploads):
            if isinstance(step, Progress):
                await self.paint(step)
                continue
            reading = with_refused(step, tuple(too_big))
            if not reading.files:
                self.show(posts_views.import_refused(reading))
                self.context.say("Nothing was imported; the report says why.", error=True)
                return
            plan = plan_merge(self.context.document.posts, reading)
            self.pending = PendingPosts(reading, plan)
            self.show(posts_views.import_report(reading, plan))
            element("posts-report-heading").focus()
            self.context.say("Your workbooks are read. Check the report, then save or cancel.")

    # ---- confirm or cancel ----------------------------------------------------------------

    def confirm(self) -> None:
        from ssi_coach.posts.merge import plan_merge

        pending = self.pending
        if pending is None:
            return
        # Another tab may have imported since the report was shown: plan again, and if that
        # changes what the report said, show the new report instead of saving.
        plan = plan_merge(self.context.document.posts, pending.reading)
        if plan != pending.plan:
            self.pending = PendingPosts(pending.reading, plan)
            self.show(posts_views.import_report(pending.reading, plan))
            self.context.say("Your post analytics changed since the report was made; here is "
                             "the report again. Nothing was saved yet.")
            return
        if plan.changes_nothing:
            self.close("Nothing new in these workbooks: everything in them is already saved.")
            return
        if self.context.save(self.context.document.with_posts(plan.result)):
            self.close("")
            element("posts-import-details").open = False  # the figures, not the form, now
            self.context.render()
            self.context.say(posts_views.saved_message(plan))

    def close(self, message: str) -> None:
        self.pending = None
        super().close(message)
