"""A file of someone's check-ins, whatever its kind: an ssi-coach backup or a CSV file.

The team takes either from one file field, so this tells them apart (`kind_of_upload`: by
the name's extension, or by a JSON object's opening brace when the name says nothing) and
reads the check-ins out (`read_checkins_file`). It never raises on the file's content: a
file that gives no check-ins comes back with none and a problem saying why in plain words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import DocumentError
from ..model import CheckIn
from ..storage.backup import read_backup
from .csv_checkins import read_checkins_csv

BACKUP = "backup"
CSV = "csv"
_UTF8_BOM = b"\xef\xbb\xbf"


def kind_of_upload(name: str, data: bytes) -> str:
    """BACKUP for a .json file or, whatever its name, one whose text opens with '{' (a
    backup saved under another name); CSV for anything else, which the CSV reader judges."""
    if name.lower().endswith(".json"):
        return BACKUP
    if name.lower().endswith(".csv"):
        return CSV
    return BACKUP if data.removeprefix(_UTF8_BOM).lstrip().startswith(b"{") else CSV


@dataclass(frozen=True)
class CheckinsFile:
    """What a file gave: its kind, its check-ins (oldest first) and, when it gave none, why."""

    kind: str
    checkins: tuple[CheckIn, ...]
    problem: str = ""


def read_checkins_file(name: str, data: bytes, *, today: dt.date) -> CheckinsFile:
    """The check-ins in a backup or CSV file, or none and the problem that stopped them."""
    if kind_of_upload(name, data) == BACKUP:
        try:
            return CheckinsFile(BACKUP, read_backup(data).checkins)
        except DocumentError as error:
            return CheckinsFile(BACKUP, (), str(error))
    result = read_checkins_csv(data, file_name=name, today=today)
    if result.checkins:
        return CheckinsFile(CSV, result.checkins)
    problem = result.rejected[0].message if result.rejected else "no check-ins in it"
    return CheckinsFile(CSV, (), problem)
