"""Share links: a read-only SSI report carried entirely in a URL fragment.

The part of a URL after '#' never reaches a server, so a report link shares the member's
numbers with whoever opens it and with nobody in between. The payload is "r1." to "r3." and,
in base64url without padding, a CRC-32 of the report's JSON followed by the zlib-compressed
JSON itself, in a positional form (a check-in is an array; dates are day offsets from the
previous check-in; scores, averages and the peers' pillar averages are integer thousandths)
that keeps a year of monthly check-ins to a few hundred characters. Decoding trusts nothing:
zlib's own Adler-32 and the CRC-32 catch a changed or cut-off link, the structure is checked
type by type, and every check-in passes the same record rules as the form, so a link either
opens as exactly the report that was shared or is refused with a ShareLinkError saying why
in plain words.

Versions: "r1." rows hold the pillars, ranks, averages, industry and note; "r2." rows may add
the peers' pillar averages, their weekly status lines and the events; "r3." adds, after the
rows, the member's weekly activity totals and outcomes (counts only, per ISO week: a week is
[weeks since the previous one (the first: since the Monday of 1 January 1 AD), {measure:
count}], only the measures the member logged). A link is written in
the oldest version that holds its report, so a report without the newer fields makes the
same "r1." link as before them (and opens in an older ssi-coach), while one with them tells
an older ssi-coach that it comes from a newer version rather than looking damaged.

What a report holds is the member's choice (`build_report`): notes and industry, the peers'
averages with their status lines, and events, which travel with the notes: like a note they
are the member's own account of what happened around a check-in (a holiday, a job change).
Activity (`include_activity`) is the weekly counts of the shared period, never a name or a
message's text: the model's weekly logs hold nothing else.

The link itself is the page's address, REPORT_PREFIX ("#report=") and the payload: this
module alone knows that shape (`share_link`, `report_in_fragment`, `report_from_link`).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import zlib
from dataclasses import dataclass, replace
from json import dumps, loads
from typing import Any

from ..activity.log import check_counts
from ..checkins.validation import RECORD_LABELS, check_record
from ..errors import ShareLinkError
from ..model import (
    MEASURE_KEYS,
    PEER_GROUPS,
    PILLAR_KEYS,
    CheckIn,
    Document,
    PeerAverages,
    WeekLog,
    week_of,
)
from ..text import long_date

FORMAT_VERSION = 3  # the newest version of the payload this module reads and writes
REPORT_PREFIX = "#report="  # a URL fragment starting with this opens a shared report
MAX_NAME_LENGTH = 60
MAX_REPORT_BYTES = 1_000_000  # decompressed; far above any real report, stops a zip bomb

_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
_VERSIONED = re.compile(r"r([1-9][0-9]{0,5})")
_OPTIONAL = ("industry_rank", "network_rank", "industry_average", "network_average",
             "industry", "note")
# Added by version 2, after version 1's: each group's averages as four thousandths (or null),
# each group's status line, and the list of event keys.
_PEERS = tuple(f"{g.key}_peers" for g in PEER_GROUPS)
_STATUSES = tuple(f"{g.key}_status" for g in PEER_GROUPS)
_OPTIONAL_V2 = (*_PEERS, *_STATUSES, "events")
_FIELDS_OF_VERSION = {1: _OPTIONAL, 2: (*_OPTIONAL, *_OPTIONAL_V2),  # after date and pillars
                      3: (*_OPTIONAL, *_OPTIONAL_V2)}
_ACTIVITY_SINCE = 3  # the first version whose data holds the weekly activity after the rows
_FIRST_MONDAY = dt.date(1, 1, 1)  # a Monday: weeks in a link are counted from it
_LAST_WEEK = (dt.date.max - _FIRST_MONDAY).days // 7
_THOUSANDTHS = ("industry_average", "network_average")
_TEXTS = ("industry", "note", *_STATUSES)
_NOT_GIVEN: tuple[Any, ...] = (None, "", [])  # absent optionals at a row's end are left out
_LAST_ORDINAL = dt.date.max.toordinal()
# Adler-32, zlib's own checksum, is weak on short data: changing one character of a real
# link once gave "27,19123" -> "226,9123" inside with the same Adler-32 (the regression test
# keeps that link). CRC-32 finds every change of up to 32 bits in a row for sure, and others
# but one time in four billion, for 4 bytes (6 characters) per link.
_CHECK_BYTES = 4
_MAX_THOUSANDTHS = 10**9  # bounds what a link can ask float() to hold; the rules say the rest


@dataclass(frozen=True)
class SharedReport:
    """What a share link holds: whose report, when it was made, the check-ins, and the
    weekly activity totals the member chose to share (oldest first, one log per week)."""

    name: str
    created: dt.date
    checkins: tuple[CheckIn, ...]
    activity: tuple[WeekLog, ...] = ()

    def person_name(self) -> str:
        """The name to keep the report under: the sharer's, or when they gave none, the day
        it was shared."""
        return self.name or f"Report shared {long_date(self.created)}"


def build_report(document: Document, *, last: int, include_notes: bool,
                 include_industry: bool, name: str, created: dt.date,
                 include_peers: bool = False, include_activity: bool = False) -> SharedReport:
    """The member's last `last` check-ins, with notes, industry and peers left out unless
    chosen. Events go with the notes (`include_notes`): like a note they tell what happened
    around a check-in. `include_peers` keeps the peers' pillar averages and their weekly
    status lines ("include peer averages" on the page). `include_activity` adds the weekly
    activity totals and outcomes (typed and imported merged, as the Coach reads them) of the
    weeks from the first chosen check-in's to the last's: counts only, and only those logged.

    The name is tidied (runs of spaces and line breaks become one space) and cut to
    MAX_NAME_LENGTH characters, so whatever was typed makes a report that encodes.
    `last` = 0 gives a report without check-ins; a negative `last` is a ValueError.
    """
    if last < 0:
        raise ValueError("a report cannot hold a negative number of check-ins")
    chosen = document.checkins[max(0, len(document.checkins) - last):]
    checkins = tuple(
        replace(c, note=c.note if include_notes else "",
                events=c.events if include_notes else (),
                industry=c.industry if include_industry else "")
        for c in chosen
    )
    if not include_peers:
        checkins = tuple(replace(c, industry_peers=None, network_peers=None, industry_status="",
                                 network_status="") for c in checkins)
    activity = _shared_weeks(document, checkins) if include_activity else ()
    return SharedReport(" ".join(name.split())[:MAX_NAME_LENGTH].rstrip(), created, checkins,
                        activity)


def _shared_weeks(document: Document, checkins: tuple[CheckIn, ...]) -> tuple[WeekLog, ...]:
    """The logged weeks of the shared period, each with only the counts it holds."""
    if not checkins:
        return ()
    first, last = week_of(checkins[0].on), week_of(checkins[-1].on)
    logs = (WeekLog(w.week, {k: w.counts[k] for k in MEASURE_KEYS if k in w.counts})
            for w in document.activity_weeks() if first <= w.week <= last)
    return tuple(log for log in logs if log.counts)


# ---- encode ------------------------------------------------------------------------------

def _thousandths(value: float) -> int:
    return round(value * 1000)


def _cell(checkin: CheckIn, name: str) -> Any:
    value = getattr(checkin, name)
    if isinstance(value, PeerAverages):
        return [_thousandths(score) for score in value.pillar_scores()]
    if name in _THOUSANDTHS and value is not None:
        return _thousandths(value)
    return list(value) if isinstance(value, tuple) else value


def _row(checkin: CheckIn, day: int) -> list[Any]:
    row: list[Any] = [day, *(_thousandths(getattr(checkin, k)) for k in PILLAR_KEYS)]
    row += [_cell(checkin, name) for name in _FIELDS_OF_VERSION[FORMAT_VERSION]]
    while row[-1] in _NOT_GIVEN:  # absent optionals at the end cost nothing
        row.pop()
    return row


def _version_for(rows: list[list[Any]], activity: list[list[Any]]) -> int:
    """The oldest version whose rows are long enough for these, and that holds activity
    when there is some."""
    longest = max((len(row) - 1 - len(PILLAR_KEYS) for row in rows), default=0)
    oldest = min(v for v, fields in _FIELDS_OF_VERSION.items() if len(fields) >= longest)
    return max(oldest, _ACTIVITY_SINCE) if activity else oldest


def _week_rows(activity: tuple[WeekLog, ...]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    previous = 0
    for log in activity:
        number = (log.week - _FIRST_MONDAY).days // 7
        rows.append([number - previous, {k: log.counts[k] for k in MEASURE_KEYS
                                         if k in log.counts}])
        previous = number
    return rows


def encode_report(report: SharedReport) -> str:
    """The URL-fragment-safe text of `report` ("r1." to "r3." and base64url, no padding).

    Raises ValueError for a report that could not be opened again (a name that is too long,
    check-ins out of date order or breaking a record rule): those are programming errors,
    since build_report only makes reports from valid documents.
    """
    _check_encodable(report)
    rows = []
    previous = 0  # the first check-in's offset is its whole ordinal; later ones are gaps
    for checkin in report.checkins:
        rows.append(_row(checkin, checkin.on.toordinal() - previous))
        previous = checkin.on.toordinal()
    weeks = _week_rows(report.activity)
    data: list[Any] = [report.name, report.created.toordinal(), rows]
    if weeks:
        data.append(weeks)
    compact = dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    raw = compact.encode("utf-8")
    packed = zlib.crc32(raw).to_bytes(_CHECK_BYTES, "big") + zlib.compress(raw, 9)
    body = base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
    return f"r{_version_for(rows, weeks)}.{body}"


def _check_encodable(report: SharedReport) -> None:
    if len(report.name) > MAX_NAME_LENGTH:
        raise ValueError(f"a report's name has at most {MAX_NAME_LENGTH} characters")
    dates = [c.on for c in report.checkins]
    if dates != sorted(set(dates)):
        raise ValueError("a report's check-ins must be in date order with one per date")
    for checkin in report.checkins:
        problems = check_record(checkin)
        if problems:
            raise ValueError(f"check-in {checkin.on}: {problems[0].message}")
    weeks = [log.week for log in report.activity]
    if weeks != sorted(set(weeks)):
        raise ValueError("a report's weeks must be in order with one log per week")
    for log in report.activity:
        counts = check_counts(log.counts)
        if counts or not log.counts:
            raise ValueError(f"week of {log.week}: "
                             f"{counts[0].message if counts else 'a shared week logs a count'}")


# ---- links ------------------------------------------------------------------------------

def share_link(page_url: str, report: SharedReport) -> str:
    """The link that opens `report` on the page at `page_url` (an address without '#')."""
    return page_url + REPORT_PREFIX + encode_report(report)


def report_in_fragment(fragment_or_url: str) -> str | None:
    """The payload of the shared report a URL or its fragment opens; None when it opens
    none (no fragment, or a fragment such as '#entry' that only jumps within the page)."""
    fragment = fragment_or_url[fragment_or_url.find("#"):] if "#" in fragment_or_url else ""
    return fragment.removeprefix(REPORT_PREFIX) if fragment.startswith(REPORT_PREFIX) else None


def report_from_link(link: str) -> SharedReport:
    """The report in a whole share link, its fragment or its bare payload, as pasted.

    Raises ShareLinkError, saying why in plain words, for anything else.
    """
    payload = report_in_fragment(link)
    return decode_report(link if payload is None else payload)


# ---- decode ------------------------------------------------------------------------------

_NOT_A_LINK = ("This is not an ssi-coach report link. Copy the whole link, from “https” to "
               "the end, and open it again.")
_NEWER = ("This report link was made by a newer version of ssi-coach. Reload the page to get "
          "the newest version, then open the link again.")
_BAD_CHARACTERS = ("This report link has been changed: it holds characters a report link "
                   "never has. Ask for the link again, or copy the whole of it.")
_DAMAGED = ("This report link is damaged or cut short, so it cannot be opened. Ask for the "
            "link again, or copy the whole of it.")
_NOT_A_REPORT = "This report link is damaged: what it holds is not a report."


def decode_report(payload: str) -> SharedReport:
    """The report in a share link's payload; raises ShareLinkError for anything else.

    Spaces and line breaks are ignored (mail programs wrap long links), as is a leading '#'.
    """
    if not isinstance(payload, str):
        raise ShareLinkError(_NOT_A_LINK)
    text = "".join(payload.split()).removeprefix("#")
    head, dot, body = text.partition(".")
    versioned = _VERSIONED.fullmatch(head) if dot else None
    if versioned is None:
        raise ShareLinkError(_NOT_A_LINK)
    version = int(versioned[1])
    if version > FORMAT_VERSION:
        raise ShareLinkError(_NEWER)
    if not _BASE64URL.fullmatch(body) or len(body) % 4 == 1:
        raise ShareLinkError(_BAD_CHARACTERS)
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise ShareLinkError(_BAD_CHARACTERS) from None
    check, stream = packed[:_CHECK_BYTES], packed[_CHECK_BYTES:]
    raw = _inflate(stream)
    if len(check) < _CHECK_BYTES or zlib.crc32(raw) != int.from_bytes(check, "big"):
        raise ShareLinkError(_DAMAGED)
    return _report_from_data(_parse(raw), version)


def _inflate(packed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(packed, MAX_REPORT_BYTES)
    except zlib.error:
        raise ShareLinkError(_DAMAGED) from None
    if inflater.unconsumed_tail:
        raise ShareLinkError("This report link holds far more than a report could.")
    # A stream that did not reach its end (and checksum) was cut short; bytes after the end
    # were added to it. Either way it is not the link that was made.
    if not inflater.eof or inflater.unused_data:
        raise ShareLinkError(_DAMAGED)
    return raw


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number a report holds")


def _parse(raw: bytes) -> Any:
    try:
        data = loads(raw.decode("utf-8"), parse_constant=_no_constants)
        # JSON may spell half a character ("\\udd1d"); such text could not be shown or saved.
        dumps(data, ensure_ascii=False).encode("utf-8")
        return data
    except (ValueError, RecursionError):  # Unicode errors are ValueErrors
        raise ShareLinkError(_NOT_A_REPORT) from None


def _require(condition: bool) -> None:
    if not condition:
        raise ShareLinkError(_NOT_A_REPORT)


def _integer(value: Any, low: int, high: int) -> int:
    _require(isinstance(value, int) and not isinstance(value, bool) and low <= value <= high)
    return int(value)


def _text(value: Any) -> str:
    _require(isinstance(value, str))
    return str(value)


def _report_from_data(data: Any, version: int) -> SharedReport:
    optional = _FIELDS_OF_VERSION[version]
    _require(isinstance(data, list) and len(data) in ((3, 4) if version >= _ACTIVITY_SINCE
                                                      else (3,)))
    name, created, rows = data[:3]
    name = _text(name)
    if len(name) > MAX_NAME_LENGTH:
        raise ShareLinkError(_NOT_A_REPORT)
    created_on = dt.date.fromordinal(_integer(created, 1, _LAST_ORDINAL))
    _require(isinstance(rows, list))
    checkins: list[CheckIn] = []
    ordinal = 0
    for row in rows:
        _require(isinstance(row, list) and 1 + len(PILLAR_KEYS) <= len(row)
                 <= 1 + len(PILLAR_KEYS) + len(optional))
        ordinal += _integer(row[0], 0 if checkins else 1, _LAST_ORDINAL)
        _require(ordinal <= _LAST_ORDINAL)
        on = dt.date.fromordinal(ordinal)
        if checkins and on == checkins[-1].on:
            raise ShareLinkError(f"This report link holds two check-ins on {on.isoformat()}, "
                                 "so it was not made by ssi-coach. Ask for the link again.")
        checkins.append(_checkin_from_row(on, row[1:], optional))
    activity = _weeks_from_rows(data[3]) if len(data) == 4 else ()
    return SharedReport(name, created_on, tuple(checkins), activity)


def _weeks_from_rows(rows: Any) -> tuple[WeekLog, ...]:
    """The weekly logs after a version 3 report's check-ins: known measures only, whole
    counts within the form's limits, each week after the one before."""
    _require(isinstance(rows, list) and len(rows) > 0)
    logs: list[WeekLog] = []
    number = 0
    for row in rows:
        _require(isinstance(row, list) and len(row) == 2 and isinstance(row[1], dict))
        number += _integer(row[0], 1 if logs else 0, _LAST_WEEK)
        _require(number <= _LAST_WEEK and len(row[1]) > 0)
        counts = row[1]
        if check_counts(counts):
            raise ShareLinkError("This report link holds weekly activity that is not valid "
                                 "(an unknown measure or a count the form would refuse).")
        logs.append(WeekLog(_FIRST_MONDAY + dt.timedelta(weeks=number), dict(counts)))
    return tuple(logs)


def _score(value: Any) -> float:
    return _integer(value, -_MAX_THOUSANDTHS, _MAX_THOUSANDTHS) / 1000


def _peers(value: Any) -> PeerAverages:
    _require(isinstance(value, list) and len(value) == len(PILLAR_KEYS))
    return PeerAverages(*(_score(score) for score in value))


def _events(value: Any) -> tuple[str, ...]:
    _require(isinstance(value, list))
    return tuple(_text(key) for key in value)  # which keys are events is for the rules


def _checkin_from_row(on: dt.date, values: list[Any], optional: tuple[str, ...]) -> CheckIn:
    fields: dict[str, Any] = {}
    for key, value in zip(PILLAR_KEYS, values, strict=False):
        fields[key] = _score(value)
    for name, value in zip(optional, values[len(PILLAR_KEYS):], strict=False):
        if name in _TEXTS:
            fields[name] = _text(value)
        elif name == "events":
            fields[name] = _events(value)
        elif value is None:
            continue
        elif name in _PEERS:
            fields[name] = _peers(value)
        else:
            number = _integer(value, -_MAX_THOUSANDTHS, _MAX_THOUSANDTHS)
            fields[name] = number / 1000 if name in _THOUSANDTHS else number
    checkin = CheckIn(on=on, **fields)
    problems = check_record(checkin)
    if problems:
        first = problems[0]
        raise ShareLinkError(f"This report link holds a check-in that is not valid "
                             f"({on.isoformat()}, {RECORD_LABELS[first.field]}: {first.message})")
    return checkin
