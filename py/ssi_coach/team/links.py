"""Many team members at once: every share link in a pasted chat or email thread, and many
backup or CSV files, each added to the team (or refreshing someone already in it).

    find_links(text) -> tuple[str, ...]
    add_many(document, texts_or_links, today) -> BulkAdd
    add_files(document, files, today) -> BulkAdd

Text pasted from a mail program or a chat mangles links: quoted-printable mail breaks long
lines with a "=" at the end and writes "=" as "=3D", replies put "> " before every quoted
line, some programs percent-encode the "#" and "=", and links sit in <angle brackets> or
before a full stop. `find_links` undoes all of that and finds each link in order, once. A
link wrapped over lines is joined with the next line only when that makes a link that opens
(the payload's checksum says so), so a word that happens to start the next line is never
glued to a link. Reports never quote a link's content: a link that does not open is named
by its place ("link 3") and the reason it does not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from ..errors import ShareLinkError
from ..exporters.share import REPORT_PREFIX, SharedReport, report_from_link
from ..importers.checkin_files import read_checkins_file
from ..model import CheckIn, Document, WeekLog
from .table import TeamChange, add_to_team, name_for_file

_QUOTE_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE)
_SOFT_BREAK = re.compile(r"=\r?\n")
_QP_EQUALS = re.compile(r"=3D", re.IGNORECASE)
# The page's address (the innermost, when a redirect wraps it) before "#report=".
_LINK = re.compile(r"(?P<url>https?://(?:(?!https?://)[^\s<>\"'#])*)?"
                   r"#report=(?P<payload>r[0-9]+\.[A-Za-z0-9_-]*)")
_CONTINUATION = re.compile(r"[ \t]*\r?\n[ \t]*(?P<more>[A-Za-z0-9_-]+)")
_BARE_PAYLOAD = re.compile(r"#?(?:report=)?(r[0-9]+\.[A-Za-z0-9_-]+)")
MAX_WRAPPED_LINES = 40  # a link of a few thousand characters wrapped at 76 columns


@dataclass(frozen=True)
class Unreadable:
    """A link or file that added nobody: where it was ("link 3", a file's name) and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class BulkAdd:
    """The document with everyone added or refreshed, and what happened, for the coach."""

    document: Document
    added: tuple[str, ...]  # names new to the team, in the order found
    refreshed: tuple[str, ...]  # names already in the team that gained something new
    unchanged: tuple[str, ...]  # names whose link or file held nothing new
    unreadable: tuple[Unreadable, ...]
    duplicates: int  # links or files given more than once: each was read once
    found: int  # links or files read (duplicates counted once)


# ---- finding links in text --------------------------------------------------------------------

def _unwrapped(text: str) -> str:
    """The text with quote markers, quoted-printable soft breaks and encodings undone."""
    text = _QUOTE_MARKERS.sub("", text.replace("\r\n", "\n"))
    text = _QP_EQUALS.sub("=", _SOFT_BREAK.sub("", text))
    return unquote(text)


@lru_cache(maxsize=1024)
def _read(payload: str) -> SharedReport | ShareLinkError:
    """The report in a payload, or why there is none: each payload is decoded once, whether
    finding links tries it or adding reads it."""
    try:
        return report_from_link(payload)
    except ShareLinkError as error:
        return error


def _opens(payload: str) -> bool:
    return isinstance(_read(payload), SharedReport)


def _joined(text: str, end: int, payload: str) -> str:
    """The payload, joined with the starts of the lines after it while it does not open
    alone and a join makes it open; as found when no join does."""
    if _opens(payload):
        return payload
    candidate, position = payload, end
    for _ in range(MAX_WRAPPED_LINES):
        more = _CONTINUATION.match(text, position)
        if more is None:
            break
        candidate, position = candidate + more["more"], more.end()
        if _opens(candidate):
            return candidate
    return payload


def _links_in(text: str) -> Iterable[str]:
    text = _unwrapped(text)
    for match in _LINK.finditer(text):
        payload = _joined(text, match.end(), match["payload"])
        yield (match["url"] or "") + REPORT_PREFIX + payload


def _payload(link: str) -> str:
    return link.partition(REPORT_PREFIX)[2]


def find_links(text: str) -> tuple[str, ...]:
    """Every share link in `text`, in order, each once (two links with the same report are
    the same link), tidied: the page's address when the text had it, then "#report=" and
    the report."""
    return tuple(_once(_links_in(text)))


def _once(links: Iterable[str]) -> list[str]:
    """The links in order, each report once (the first link to it)."""
    first: dict[str, str] = {}
    for link in links:
        first.setdefault(_payload(link), link)
    return list(first.values())


def _all_links(texts_or_links: Sequence[str]) -> tuple[list[str], int]:
    """Every link in the texts, each once, and how many were given again."""
    found: list[str] = []
    for item in texts_or_links:
        links = list(_links_in(item))
        bare = _BARE_PAYLOAD.fullmatch(item.strip())
        if not links and bare is not None:  # a report's payload pasted on its own
            links = [REPORT_PREFIX + bare[1]]
        found += links
    kept = _once(found)
    return kept, len(found) - len(kept)


# ---- adding -----------------------------------------------------------------------------------

@dataclass
class _Tally:
    document: Document
    added: list[str]
    refreshed: list[str]
    unchanged: list[str]
    unreadable: list[Unreadable]

    def add(self, source: str, name: str, checkins: tuple[CheckIn, ...],
            activity: tuple[WeekLog, ...], today: dt.date) -> None:
        change = add_to_team(self.document, name, checkins, today, activity)
        if isinstance(change, list):
            self.unreadable.append(Unreadable(source, " ".join(e.message for e in change)))
            return
        self.document = change.document
        self._note(change)

    def _note(self, change: TeamChange) -> None:
        if change.is_new:
            self.added.append(change.name)
        elif change.name in self.added:
            pass  # added earlier in this batch: still new to the team
        elif change.changed:
            self.refreshed.append(change.name)
            if change.name in self.unchanged:
                self.unchanged.remove(change.name)
        elif change.name not in self.refreshed and change.name not in self.unchanged:
            self.unchanged.append(change.name)

    def result(self, duplicates: int, found: int) -> BulkAdd:
        return BulkAdd(self.document, tuple(self.added), tuple(self.refreshed),
                       tuple(self.unchanged), tuple(self.unreadable), duplicates, found)


def add_many(document: Document, texts_or_links: Sequence[str], today: dt.date) -> BulkAdd:
    """The document with the sender of every share link in `texts_or_links` (links, or whole
    pasted threads) added to the team, or refreshed when already there, each under the name
    their report gives; a link that does not open adds nobody and is reported with why."""
    links, duplicates = _all_links(texts_or_links)
    tally = _Tally(document, [], [], [], [])
    for number, link in enumerate(links, 1):
        report = _read(_payload(link))
        if isinstance(report, ShareLinkError):
            tally.unreadable.append(Unreadable(f"link {number}", str(report)))
            continue
        tally.add(f"link {number}", report.person_name(), report.checkins, report.activity,
                  today)
    return tally.result(duplicates, len(links))


def add_files(document: Document, files: Sequence[tuple[str, bytes]],
              today: dt.date) -> BulkAdd:
    """The document with a person added or refreshed from each backup or CSV file (named
    after the file, as the Team view names one file's person), read as the Team view reads
    one; a file given twice (the same content) is read once."""
    seen: set[bytes] = set()
    tally = _Tally(document, [], [], [], [])
    duplicates = 0
    for name, data in files:
        if data in seen:
            duplicates += 1
            continue
        seen.add(data)
        read = read_checkins_file(name, data, today=today)
        if read.problem:
            tally.unreadable.append(Unreadable(name, read.problem))
            continue
        tally.add(name, name_for_file(name), read.checkins, (), today)
    return tally.result(duplicates, len(seen))
