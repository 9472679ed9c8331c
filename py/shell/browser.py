"""Browser APIs behind small Python functions, so `app` reads as plain Python."""

from __future__ import annotations

import datetime as dt

import js  # type: ignore[import-not-found]
from pyodide.ffi import JsException, to_js  # type: ignore[import-not-found]
from pyscript import document, window  # type: ignore[import-not-found]

from ssi_coach.errors import StorageError


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
            raise StorageError(f"the browser refused to save ({error})") from None

    def remove(self, key: str) -> None:
        try:
            window.localStorage.removeItem(key)
        except JsException as error:
            raise StorageError(f"the browser refused to change storage ({error})") from None

    def keys(self) -> list[str]:
        storage = window.localStorage
        return [str(storage.key(i)) for i in range(storage.length)]


def local_today() -> dt.date:
    """Today in the member's own time zone (Python in the browser only knows UTC)."""
    now = js.Date.new()
    return dt.date(now.getFullYear(), now.getMonth() + 1, now.getDate())


def download(filename: str, content: str, mime: str = "application/json") -> None:
    """Offer `content` as a file download, made in the page: nothing is uploaded."""
    options = to_js({"type": f"{mime};charset=utf-8"}, dict_converter=js.Object.fromEntries)
    blob = js.Blob.new(to_js([content]), options)
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


def set_stage(stage: str) -> None:
    """The marker tests and scripts wait on: loading, ready (numbers), charts."""
    document.body.dataset.stage = stage


def report_error(message: str) -> None:
    js.console.error(message)
