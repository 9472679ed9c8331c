"""The Posts view's import of LinkedIn's post analytics workbooks: choose or drop them, watch
the progress, check the report, then save or cancel.

openpyxl loads the first time a workbook is imported, never at start-up. The reading runs in
the core (`read_workbooks`), one workbook per step; between steps the page gets the browser
back so the progress bar moves. Nothing is saved until the member confirms, and then exactly
what the report showed (planned again against the current data first).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyscript import when  # type: ignore[import-not-found]

from ssi_coach.importers.analytics.types import (
    MAX_WORKBOOK_BYTES,
    AnalyticsReading,
    too_large,
    with_refused,
)
from ssi_coach.importers.linkedin.types import Progress, Upload
from ssi_coach.model import Problem

from . import browser, import_views, posts_views
from .browser import element
from .context import Context
from .drop import DropZone, load_packages, packages_loaded
from .guard import guarded, guarded_async

if TYPE_CHECKING:
    from ssi_coach.posts.merge import PostsMerge

PAINT_PAUSE_S = 0.02  # a macrotask: long enough for the browser to paint the progress bar
READER_PACKAGES = ("openpyxl",)  # et_xmlfile comes with it (the lock says so)


@dataclass
class PendingPosts:
    reading: AnalyticsReading
    plan: PostsMerge


class PostsImport:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.pending: PendingPosts | None = None
        self.busy = False
        self.imports: list[asyncio.Future[None]] = []  # running imports, kept alive

    def bind(self) -> None:
        DropZone("posts-drop", "posts-file", self._start).bind()
        when("click", "#posts-panel")(self.on_panel_click)

    def _start(self, files: list[Any]) -> None:
        if not files:
            return
        if self.busy:
            self.context.say("An import is already running; wait for its report first.")
            return
        self.imports = [f for f in self.imports if not f.done()]
        self.imports.append(asyncio.ensure_future(self.run(files)))

    # ---- reading --------------------------------------------------------------------------

    @guarded_async
    async def run(self, files: list[Any]) -> None:
        self.busy, self.pending = True, None
        element("posts-import-details").open = True
        try:
            uploads: list[Upload] = []
            too_big: list[Problem] = []
            for number, file in enumerate(files, start=1):
                if int(file.size) > MAX_WORKBOOK_BYTES:  # never read into memory
                    too_big.append(too_large(str(file.name), int(file.size)))
                    continue
                self._progress(None, f"Opening {file.name} ({number} of {len(files)})")
                await asyncio.sleep(PAINT_PAUSE_S)
                buffer = await file.arrayBuffer()
                uploads.append(Upload(str(file.name), bytes(buffer.to_bytes())))
            if not packages_loaded(*READER_PACKAGES):
                self._progress(None, "Loading the workbook reader (first import only)")
                await asyncio.sleep(PAINT_PAUSE_S)
                await load_packages(*READER_PACKAGES)
            await self._read(uploads, too_big)
        finally:
            self.busy = False

    async def _read(self, uploads: list[Upload], too_big: list[Problem]) -> None:
        from ssi_coach.importers.analytics import read_workbooks
        from ssi_coach.posts.merge import plan_merge

        for step in read_workbooks(uploads):
            if isinstance(step, Progress):
                self._progress(step)
                await asyncio.sleep(PAINT_PAUSE_S)
                continue
            reading = with_refused(step, tuple(too_big))
            if not reading.files:
                self._show(posts_views.import_refused(reading))
                self.context.say("Nothing was imported; the report says why.", error=True)
                return
            plan = plan_merge(self.context.document.posts, reading)
            self.pending = PendingPosts(reading, plan)
            self._show(posts_views.import_report(reading, plan))
            element("posts-report-heading").focus()
            self.context.say("Your workbooks are read. Check the report, then save or cancel.")

    def _progress(self, step: Progress | None, message: str = "") -> None:
        self._show(import_views.progress(step, message))
        element("posts-status").textContent = (step.message if step else message) + "…"

    def _show(self, html: str) -> None:
        panel = element("posts-panel")
        panel.innerHTML = html
        panel.hidden = False

    # ---- confirm or cancel ----------------------------------------------------------------

    @guarded
    def on_panel_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action == "posts-confirm":
            self.confirm()
        elif action == "posts-cancel":
            self.close("Import cancelled. Nothing was saved.")
        elif action == "posts-close":
            self.close("")

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
            self._show(posts_views.import_report(pending.reading, plan))
            self.context.say("Your post analytics changed since the report was made; here is "
                             "the report again. Nothing was saved yet.")
            return
        if plan.changes_nothing:
            self.close("Nothing new in these workbooks: everything in them is already saved.")
            return
        if self.context.save(self.context.document.with_posts(plan.result)):
            self.close("")
            self.context.render()
            self.context.say(posts_views.saved_message(plan))

    def close(self, message: str) -> None:
        self.pending = None
        panel = element("posts-panel")
        panel.hidden = True
        panel.innerHTML = ""
        element("posts-status").textContent = ""
        if message:
            self.context.say(message)
