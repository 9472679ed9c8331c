"""The records that pass between the stages of the LinkedIn export import.

    uploads (name, bytes)  --archive-->  SourceFile per recognised CSV
    SourceFile             --csvfile-->  Table (columns by name, physical line numbers)
    Table                  --parsers-->  events (pandas frames, one per kind of activity)
    events                 --aggregate-> ExportReading: weekly counts, checklist facts,
                                         network summary, and everything the report shows
    ExportReading + Document --export_merge-->  ExportMerge: what will be added or changed
    ExportMerge + choices  --apply_export_merge-->  Document  (both in activity.export_merge)

Every stage returns its problems instead of raising: a bad row, and a file that cannot be
read, each become a `Problem` (ssi_coach.model) naming the place, and an upload that is not
a LinkedIn export at all becomes an ImportRefused. Raw text never leaves the reading
stages: only counts and checklist facts reach the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...model import NetworkSummary, Problem, RelationshipFacts, WeekLog

MAX_UPLOAD_BYTES = 300 * 1024 * 1024  # one chosen file; LinkedIn's largest exports are far below
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # all CSVs of one import once unzipped (zip bombs)


@dataclass(frozen=True)
class Upload:
    """One file the member chose or dropped: a .zip or a loose .csv."""

    name: str
    data: bytes


@dataclass(frozen=True)
class SourceFile:
    """One recognised CSV, still as bytes."""

    kind: str  # canonical kind: "shares", "comments", "connections", ... (archive.KINDS)
    name: str  # as the member sees it: "Shares_1234567.csv" or "Export.zip › Shares.csv"
    data: bytes


@dataclass(frozen=True)
class Table:
    """One CSV read with its file's dialect. Column-oriented, ready for pandas.

    `columns` maps each header name, trimmed and lower-cased, to its values (trimmed
    strings, "" for empty); `lines[i]` is the physical line where record i starts."""

    file: str
    kind: str
    columns: Mapping[str, list[str]]
    lines: list[int]
    errors: tuple[Problem, ...] = ()
    encoding: str = "utf-8"  # as read: "utf-8", "utf-8-sig", "utf-16-le" or "windows-1252"
    delimiter: str = ","  # as read: ",", ";" or TAB

    def __len__(self) -> int:
        return len(self.lines)


@dataclass(frozen=True)
class ImportRefused:
    """The uploads cannot be imported at all; nothing is read and nothing changes."""

    message: str  # shown to the member as is: says what was wrong and what to do


@dataclass(frozen=True)
class Progress:
    """A step of a long import, for the progress indicator."""

    done: int  # steps finished
    total: int  # steps in all (known once the archive is opened)
    message: str  # "Reading messages.csv (60,000 rows)"


@dataclass(frozen=True)
class FileReport:
    """One file that was read, as the report lists it."""

    name: str
    kind: str
    rows_read: int  # records turned into activity or facts
    rows_skipped: int  # records with a Problem that were left out
    # how the file was read where it is unusual, one sentence each: "Connected On: dates as
    # a spreadsheet program writes them, read as day.month.year (like 31.01.2026)"
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contact:
    """A person in the export the member may add to an account: someone they are connected
    to, invited or were invited by, or wrote with. Kept in memory while the export is open,
    never stored as such (only people added to an account are)."""

    name: str
    profile_url: str  # normalised https://www.linkedin.com/in/<slug>; "" when hidden
    company: str  # from Connections.csv; "" when not connected or not given
    position: str
    seniority: str  # the title's class (seniority.py): "c_suite", "vp", ..., "other"
    facts: RelationshipFacts


@dataclass(frozen=True)
class ExportReading:
    """Everything read from one import, before anything is saved."""

    files: tuple[FileReport, ...]  # recognised files, in reading order
    ignored: tuple[str, ...]  # names seen and not used
    errors: tuple[Problem, ...]  # skipped rows and unreadable values
    problems: tuple[Problem, ...]  # whole files that could not be used
    weeks: tuple[WeekLog, ...]  # weekly counts (ISO weeks, UTC), oldest first, no empty weeks
    first_day: dt.date | None  # the date range the activity covers
    last_day: dt.date | None
    checklist: Mapping[str, bool]  # checklist item -> done, only where the export says
    checklist_evidence: Mapping[str, str]  # item -> why ("Skills.csv: 12 skills")
    network: NetworkSummary = field(default_factory=NetworkSummary)
    # one sentence per kind of file that came more than once: used the fullest copy, or
    # merged the copies (see copies.py)
    duplicates: tuple[str, ...] = ()
    # Everyone the export knows by name, with what it says about them: for the Accounts
    # view while the export is open; never stored.
    people: tuple[Contact, ...] = ()
