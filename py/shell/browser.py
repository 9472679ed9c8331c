"""Browser APIs behind small Python functions, so `app` reads as plain Python."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence
from typing import Any

import js  # type: ignore[import-not-found]
from pyodide.ffi import JsException, jsnull, to_js  # type: ignore[import-not-found]
from pyscript import document, window  # type: ignore[import-not-found]

from ssi_coach.errors import StorageError
from ssi_coach.model import FieldError


class LocalStorage:
    """localStorage as a ssi_coach Storage backend."""

    def get(self, key: str) -> str | None:
        try:
            value = window.localStorage.getItem(key)
        except JsException as error:
            raise StorageError(f"this browser blocks local storage ({error})") from None
        return value if isinstance(value, str) else None  # getItem gives JS null when absent

    def set(self, key: str, value: str) -> None:
        try:
            window.localStorage.setItem(key, value)
        except JsException as error:
            if "QuotaExceeded" in str(error):
                raise StorageError(
                    "this browser's storage for ssi-coach is full. Download a backup, then "
                    "free room by downloading and removing kept copies, or by clearing "
                    "other sites' data") from None
            raise StorageError(f"the browser refused to save ({error})") from None

    def remove(self, key: str) -> None:
        try:
            window.localStorage.removeItem(key)
        except JsException as error:
            raise StorageError(f"the browser refused to change storage ({error})") from None

    def keys(self) -> list[str]:
        storage = window.localStorage
        return [str(storage.key(i)) for i in range(storage.length)]


async def chosen_file(field: Any, max_bytes: int) -> tuple[str, bytes | None] | None:
    """The file picked in a file input: (name, bytes), (name, None) when it is over
    `max_bytes`, or None when nothing was picked. The input is cleared, so picking the same
    file again fires another change."""
    files = found(field.files)
    if files is None or files.length == 0:
        return None
    chosen = files.item(0)
    field.value = ""
    if chosen.size > max_bytes:
        return str(chosen.name), None
    buffer = await chosen.arrayBuffer()
    return str(chosen.name), bytes(buffer.to_bytes())


def focus_at_top(target: Any) -> None:
    """Move focus to `target` (a view's heading) with the page scrolled to its top, so the
    view is seen from its start, under the navigation."""
    window.scrollTo(0, 0)
    target.focus(to_js({"preventScroll": True}, dict_converter=js.Object.fromEntries))


def local_today() -> dt.date:
    """Today in the member's own time zone (Python in the browser only knows UTC)."""
    now = js.Date.new()
    return dt.date(now.getFullYear(), now.getMonth() + 1, now.getDate())


def download(filename: str, content: str | bytes, mime: str = "application/json") -> None:
    """Offer `content` (text, or the bytes of a binary file such as a workbook) as a file
    download, made in the page: nothing is uploaded."""
    if isinstance(content, bytes):
        part = js.Uint8Array.new(len(content))
        part.assign(content)
        kind = mime
    else:
        part, kind = content, f"{mime};charset=utf-8"
    options = to_js({"type": kind}, dict_converter=js.Object.fromEntries)
    blob = js.Blob.new(to_js([part]), options)
    url = js.URL.createObjectURL(blob)
    link = document.createElement("a")
    link.href = url
    link.download = filename
    document.body.append(link)
    link.click()
    link.remove()
    js.setTimeout(to_js(lambda: js.URL.revokeObjectURL(url)), 1000)


def element(element_id: str):  # type: ignore[no-untyped-def]
    return document.getElementById(element_id)


async def next_task() -> None:
    """Give the browser a turn (input, painting) before going on with long work.

    Pyodide's event loop schedules the rest of the coroutine with setTimeout, a new task.
    """
    await asyncio.sleep(0)


def mark(name: str) -> None:
    """A performance mark: `make bench` and the browser's profiler see each start-up step."""
    js.performance.mark(f"ssi-coach:{name}")


def set_stage(stage: str) -> None:
    """The marker tests and scripts wait on: loading, ready (numbers), charts.

    The performance mark lets the benchmark read when each stage was reached.
    """
    document.body.dataset.stage = stage
    js.performance.mark(f"ssi-coach:{stage}")


def report_error(message: str) -> None:
    js.console.error(message)


def page_url() -> str:
    """This page's address without its fragment: what a link or reminder should open."""
    return str(window.location.href).split("#", 1)[0]


def url_fragment() -> str:
    return str(window.location.hash)


def utc_now() -> dt.datetime:
    return dt.datetime.fromtimestamp(js.Date.now() / 1000, tz=dt.UTC)


def found(value: Any) -> Any | None:
    """A DOM lookup's result, with JavaScript's null as Python's None.

    Pyodide hands back JS null as a `JsNull` object, not None, so `is None` checks on
    `querySelector` or `closest` results would silently pass; every lookup goes through here.
    """
    return None if value is None or value is jsnull else value


def query(root: Any, selector: str) -> Any | None:
    return found(root.querySelector(selector))


def closest(event: Any, selector: str) -> Any | None:
    """The element matching `selector` that the event happened in, if any."""
    return found(event.target.closest(selector))


def form_entries(form_id: str) -> dict[str, str]:
    """A form's fields by name, as the text typed or chosen in them."""
    entries = js.Object.fromEntries(js.FormData.new(element(form_id))).to_py()
    return {str(k): str(v) for k, v in entries.items()}


def show_field_errors(form_id: str, errors: Sequence[tuple[str, FieldError]]) -> bool:
    """Each (field id prefix, error) at its field, the first one focused; True if none."""
    form = element(form_id)
    for node in form.querySelectorAll(".field-error"):
        node.textContent = ""
    for node in form.querySelectorAll("[aria-invalid]"):
        node.removeAttribute("aria-invalid")
    for prefix, error in errors:
        element(f"{prefix}err-{error.field}").textContent = error.message
        element(f"{prefix}-{error.field}").setAttribute("aria-invalid", "true")
    if errors:
        prefix, error = errors[0]
        element(f"{prefix}-{error.field}").focus()
    return not errors


def toggle_panel(panel_id: str, opener_id: str, *, focus: str) -> None:
    """Open or close a panel, keeping its opener's aria-expanded true to what is shown."""
    panel = element(panel_id)
    panel.hidden = not panel.hidden
    element(opener_id).setAttribute("aria-expanded", str(not panel.hidden).lower())
    if not panel.hidden:
        element(focus).focus()
