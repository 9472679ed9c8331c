"""Choosing or dropping files onto a drop zone (the data export's, the post analytics'), and
loading a package the first time a feature needs it: shared by the views that import files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pyscript import when, window  # type: ignore[import-not-found]

from . import browser
from .browser import element
from .guard import guarded

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
