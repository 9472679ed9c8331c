"""Choosing or dropping files onto a drop zone (the data export's, the post analytics'), the
import panel every such import shares (progress, report, save or cancel), and loading a
package the first time a feature needs it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from pyscript import when, window  # type: ignore[import-not-found]

from ssi_coach.importers.linkedin.types import Progress, Upload

from . import browser, import_views
from .browser import element
from .context import Context
from .guard import guarded

PAINT_PAUSE_S = 0.02  # a macrotask: long enough for the browser to paint the progress bar

_loaded: set[str] = set()  # packages loaded into this page so far


async def load_packages(*names: str) -> bool:
    """Load Pyodide packages (from this site's own copy) the first time they are needed;
    True when something had to be loaded."""
    wanted = [name for name in names if name not in _loaded]
    if not wanted:
        return False
    import pyodide_js  # type: ignore[import-not-found]

    await pyodide_js.loadPackage(wanted)
    _loaded.update(wanted)
    return True


def packages_loaded(*names: str) -> bool:
    return all(name in _loaded for name in names)


class DropZone:
    """A zone (`zone_id`) with a file field (`field_id`): the chosen or dropped files go to
    `start` as browser File objects."""

    def __init__(self, zone_id: str, field_id: str, start: Callable[[list[Any]], None]) -> None:
        self.zone_id, self.field_id, self.start = zone_id, field_id, start

    def bind(self) -> None:
        when("change", f"#{self.field_id}")(self.on_file_chosen)
        when("dragover", f"#{self.zone_id}")(self.on_drag_over)
        when("dragleave", f"#{self.zone_id}")(self.on_drag_leave)
        when("drop", f"#{self.zone_id}")(self.on_drop)

    @guarded
    def on_file_chosen(self, event: Any) -> None:
        field = event.target
        files = file_list(field.files)
        field.value = ""  # choosing the same files again must fire another change
        self.start(files)

    @guarded
    def on_drag_over(self, event: Any) -> None:
        event.preventDefault()
        event.dataTransfer.dropEffect = "copy"
        element(self.zone_id).classList.add("dragging")

    @guarded
    def on_drag_leave(self, event: Any) -> None:
        element(self.zone_id).classList.remove("dragging")

    @guarded
    def on_drop(self, event: Any) -> None:
        event.preventDefault()
        event.stopPropagation()
        element(self.zone_id).classList.remove("dragging")
        self.start(file_list(event.dataTransfer.files))


def guard_stray_drops() -> None:
    """A file dropped anywhere but on a drop zone must not make the browser leave the page."""
    stray = _StrayDrops()
    when("dragover", window)(stray.on_drag)
    when("drop", window)(stray.on_drag)


class _StrayDrops:
    @guarded
    def on_drag(self, event: Any) -> None:
        if browser.found(event.target.closest(".drop-zone")) is None:
            event.preventDefault()


def file_list(files: Any) -> list[Any]:
    found = browser.found(files)
    return [] if found is None else [found.item(i) for i in range(found.length)]


class FileImport:
    """What every import of dropped files shares: one import at a time (kept alive while it
    runs), its panel (`<name>-panel`: progress, then the report) with a status line for
    screen readers (`<name>-status`), and the panel's buttons: `<name>-confirm` calls
    `confirm`, `<name>-cancel` and `<name>-close` close it. `run` reads the files."""

    name = ""  # the prefix of the page's ids and the buttons' actions: "export", "posts"

    def __init__(self, context: Context) -> None:
        self.context = context
        self.busy = False
        self.imports: list[asyncio.Future[None]] = []  # running imports, kept alive

    def bind(self) -> None:
        DropZone(f"{self.name}-drop", f"{self.name}-file", self.start).bind()
        when("click", f"#{self.name}-panel")(self.on_panel_click)

    def start(self, files: list[Any]) -> None:
        if not files:
            return
        if self.busy:
            self.context.say("An import is already running; wait for its report first.")
            return
        self.imports = [f for f in self.imports if not f.done()]
        self.imports.append(asyncio.ensure_future(self.run(files)))

    def run(self, files: list[Any]) -> Awaitable[None]:
        raise NotImplementedError

    def confirm(self) -> None:
        raise NotImplementedError

    async def read_files(self, files: list[Any]) -> list[Upload]:
        """The chosen files' bytes, one at a time, saying which."""
        uploads = []
        for number, file in enumerate(files, start=1):
            await self.paint(None, f"Opening {file.name} ({number} of {len(files)})")
            buffer = await file.arrayBuffer()
            uploads.append(Upload(str(file.name), bytes(buffer.to_bytes())))
        return uploads

    async def paint(self, step: Progress | None, message: str = "") -> None:
        """Show the progress, then give the browser the time to paint it."""
        self.show(import_views.progress(step, message))
        element(f"{self.name}-status").textContent = (step.message if step else message) + "…"
        await asyncio.sleep(PAINT_PAUSE_S)

    def show(self, html: str) -> None:
        panel = element(f"{self.name}-panel")
        panel.innerHTML = html
        panel.hidden = False

    @guarded
    def on_panel_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action == f"{self.name}-confirm":
            self.confirm()
        elif action == f"{self.name}-cancel":
            self.close("Import cancelled. Nothing was saved.")
        elif action == f"{self.name}-close":
            self.close("")

    def close(self, message: str) -> None:
        panel = element(f"{self.name}-panel")
        panel.hidden = True
        panel.innerHTML = ""
        element(f"{self.name}-status").textContent = ""
        if message:
            self.context.say(message)
