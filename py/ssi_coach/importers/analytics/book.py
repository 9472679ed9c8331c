"""Opening one uploaded workbook: checks on the zip before anything is unpacked, then every
sheet's cell values read with openpyxl (imported here, when an import starts), and the
package facts the report needs (when the export was made, which program wrote it).

Whatever goes wrong inside openpyxl or zipfile on a damaged file becomes one refusal for that
file; nothing here raises. The sheets' declared size (`<dimension>`) is never trusted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any

from ...model import Problem
from ..linkedin.types import Upload
from .types import MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES

Cells = tuple[object, ...]


@dataclass(frozen=True)
class Sheet:
    """One sheet's cell values; `rows[i]` is row i + 1 (blank rows are empty tuples)."""

    name: str
    rows: tuple[Cells, ...]

    def cell(self, row: int, column: int) -> object:
        """The value at a 1-based row and 0-based column, None when there is none."""
        if not 1 <= row <= len(self.rows):
            return None
        cells = self.rows[row - 1]
        return cells[column] if column < len(cells) else None


@dataclass(frozen=True)
class Book:
    name: str
    sheets: tuple[Sheet, ...]
    created: dt.datetime | None  # docProps/core.xml dcterms:created, UTC
    application: str  # docProps/app.xml Application ("Apache POI" for LinkedIn's), or ""


_CREATED = re.compile(rb"<dcterms:created[^>]*>\s*([^<\s]+)\s*<")
_APPLICATION = re.compile(rb"<(?:\w+:)?Application>([^<]*)</")


def refusal(name: str, message: str) -> Problem:
    return Problem(name, 0, "", message)


def open_book(upload: Upload) -> Book | Problem:
    """The workbook's sheets, or why it cannot be read."""
    name = upload.name
    if len(upload.data) > MAX_WORKBOOK_BYTES:
        return refusal(name, f"{name} is over {MAX_WORKBOOK_BYTES // 2**20} MB; LinkedIn's "
                             "analytics workbooks are well under 1 MB.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(upload.data))
    except zipfile.BadZipFile:
        if upload.data.startswith(b"PK\x03\x04"):  # a zip cut short or garbled
            return _damaged(name)
        return refusal(name, f"{name} is not an Excel workbook (.xlsx).")
    except Exception:  # noqa: BLE001 - any other failure to open a zip is damage
        return _damaged(name)
    with archive:
        problem = _check_package(name, archive)
        if problem is not None:
            return problem
        created, application = _package_facts(archive)
    sheets = _read_sheets(upload)
    if sheets is None:
        return _damaged(name)
    return Book(name, sheets, created, application)


def _damaged(name: str) -> Problem:
    return refusal(name, f"{name} is damaged and cannot be read; download it again from "
                         "LinkedIn.")


def _check_package(name: str, archive: zipfile.ZipFile) -> Problem | None:
    """Before anything is unpacked: an Excel package, and not a zip bomb."""
    infos = archive.infolist()
    if sum(max(info.file_size, 0) for info in infos) > MAX_UNPACKED_BYTES:
        return refusal(name, f"{name} unpacks to over {MAX_UNPACKED_BYTES // 2**20} MB, far "
                             "more than any LinkedIn workbook; it was not read.")
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        return refusal(name, f"{name} is not an Excel workbook (.xlsx).")
    return None


def _package_facts(archive: zipfile.ZipFile) -> tuple[dt.datetime | None, str]:
    core, app = _part(archive, "docProps/core.xml"), _part(archive, "docProps/app.xml")
    found = _CREATED.search(core)
    created = _utc(found.group(1).decode("ascii", "replace")) if found else None
    named = _APPLICATION.search(app)
    return created, named.group(1).decode("utf-8", "replace").strip() if named else ""


def _part(archive: zipfile.ZipFile, path: str) -> bytes:
    try:
        with archive.open(path) as part:
            return part.read(64 * 1024)
    except Exception:  # noqa: BLE001 - an absent or damaged property part only loses a fact
        return b""


def _utc(text: str) -> dt.datetime | None:
    """A W3CDTF time as UTC; a time without an offset is UTC already."""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def _read_sheets(upload: Upload) -> tuple[Sheet, ...] | None:
    """Every worksheet's values, or None when openpyxl cannot read the file (damaged XML,
    missing parts...): openpyxl raises many kinds of errors on such files, so any counts."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style", unknown extensions...
            book = openpyxl.load_workbook(io.BytesIO(upload.data), read_only=True,
                                          data_only=True)
            try:
                return tuple(_values(ws) for ws in book.worksheets)
            finally:
                book.close()
    except Exception:  # noqa: BLE001 - see the docstring
        return None


def _values(ws: Any) -> Sheet:
    ws.reset_dimensions()  # LinkedIn declares every sheet "A1"
    rows = tuple(tuple(row) for row in ws.iter_rows(values_only=True))
    while rows and not any(v is not None for v in rows[-1]):
        rows = rows[:-1]
    return Sheet(str(ws.title), rows)
