"""One parser per kind of file: a `Table` in, a pandas frame of events out.

Every parser reads columns by name only (any column may be missing), keeps raw text out of
its frame (flags, normalised profile URLs and categories; of people only their names, company
and title, for the export's people, never what anyone wrote) and turns each unreadable date
into a `Problem` instead of raising. Each frame has a `line` column (the physical
line of the record) and, for dated kinds, `at`: the UTC instant as a tz-aware timestamp, or
`on` for the plain `Connected On` date. Weekly counting is `aggregate.py`'s job.

Dates are read column-wise: the bulk of a big file in one `pandas.to_datetime` call with an
explicit numeric `format=` (no month names or AM/PM, so no locale), what is left one
distinct value at a time by the parsers of `dates.py`, which are the reference for what a
valid date is (English month names and AM/PM mapped by hand, Pacific time converted by the
US daylight saving rules: the browser runtime has no time zone database).

A column LinkedIn's own formats mostly cannot read was usually re-saved by a spreadsheet
program (the member opened the file and saved it again). When they read fewer than half of
its non-blank values, the values left are read in the one spreadsheet format
`dates.read_sheet_column` recognises in them, and the file's `notes` say which; an odd value
neither reads is a Problem, as in an untouched file. When no format reads at least half of
them, or the order of day and month cannot be told, the whole file is one Problem that
says so, with none per row: like a file without its date column, nothing in it is
counted (for Connections not even the profile URLs of acceptance matching: their rows would
all be undated, and undated rows count as "unknown" seniority in the network summary).

Decision: a blank `Comments` date is not an error (docs/linkedin-export.md §3.5): the row
stays in the frame with no `at`, counts as read, and is left out of every weekly count.
A blank date anywhere else is reported like an unreadable one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from ...model import Problem
from . import dates
from .csvfile import squash
from .seniority import classify
from .types import Table
from .urls import normalize_profile_url


@dataclass(frozen=True, eq=False)
class Parsed:
    """What one file says: its events (or facts) as a frame, and what could not be read."""

    kind: str
    file: str
    events: pd.DataFrame  # columns per kind (see each parser), `line` in all
    rows_read: int  # records turned into events or facts
    errors: tuple[Problem, ...] = ()  # the table's own errors, then unreadable values
    problem: Problem | None = None  # the file lacks a column it cannot do without
    notes: tuple[str, ...] = ()  # for the report: how a date column was read, when unusual

    @property
    def rows_skipped(self) -> int:
        """Records left out because of an error, the table's own or a value's."""
        return len({(error.file, error.line) for error in self.errors})


def _parsed(table: Table, events: pd.DataFrame, errors: tuple[Problem, ...] = (),
            notes: tuple[str, ...] = ()) -> Parsed:
    """The parse of `table`: records with an error of ours are not read."""
    rows_read = len(table) - len({error.line for error in errors})
    return Parsed(table.kind, table.file, events, rows_read, table.errors + errors,
                  notes=notes)


# ---- columns ------------------------------------------------------------------------------

def column(table: Table, *names: str) -> pd.Series | None:
    """The first of `names` the table has, as a string Series; None when it has none."""
    squashed = {squash(key): key for key in table.columns}
    for name in names:
        key = squashed.get(squash(name))
        if key is not None:
            return pd.Series(table.columns[key], dtype=object).astype(str)
    return None


def _text(table: Table, *names: str) -> pd.Series:
    """Like `column`, with "" for every record when the table lacks the column."""
    found = column(table, *names)
    return found if found is not None else pd.Series([""] * len(table), dtype=object).astype(str)


def _lines(table: Table) -> pd.Series:
    return pd.Series(table.lines, dtype="int64")


# ---- dates ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Fast:
    """A numeric format pandas reads for a whole column at once. Only numbers, so no
    locale; and what is left once the suffix is cut off is ISO-like, which pandas reads
    with its C parser (a " UTC" kept in the format makes it ten times slower)."""

    strptime: str
    suffix: str = ""  # required at the end of the value


ISO = Fast("%Y-%m-%d %H:%M:%S")  # Shares, Comments, Reactions, Votes, InstantReposts
ISO_UTC = Fast("%Y-%m-%d %H:%M:%S", " UTC")  # messages
SLASHED_UTC = Fast("%Y/%m/%d %H:%M:%S", " UTC")  # SearchQueries

Instant = Callable[[str], dt.datetime | None]
Local = Callable[[dt.datetime], dt.datetime]  # a naive wall-clock time -> its UTC instant


def as_utc(local: dt.datetime) -> dt.datetime:
    """A wall-clock time that is already UTC (the activity files, messages)."""
    return local.replace(tzinfo=dt.UTC)


@dataclass(frozen=True, eq=False)
class DateColumn:
    """One date column read: a value per record, and how it was read."""

    when: pd.Series  # NaT where unreadable or blank
    sheet: dates.SheetFormat | None = None  # the spreadsheet format read, if not LinkedIn's
    unreadable: dates.SheetReading | None = None  # why the whole column cannot be read

    def note(self, label: str) -> tuple[str, ...]:
        """What the report says about the column: nothing for LinkedIn's own format."""
        if self.sheet is None:
            return ()
        return (f"{label}: dates as a spreadsheet program writes them, read as "
                f"{self.sheet.label} (like {self.sheet.example})",)


def _sheet_values(text: pd.Series, read: pd.Series) -> dates.SheetReading | None:
    """None while LinkedIn's own formats read at least half of the non-blank values, else
    what `dates.read_sheet_column` makes of the values they left."""
    left = read.isna() & (text != "")
    if int(left.sum()) * 2 <= int((text != "").sum()):
        return None
    counts = text[left].value_counts()
    return dates.read_sheet_column(dict(zip(counts.index, counts.tolist(), strict=True)))


def utc_or_pacific(text: str) -> dt.datetime | None:
    """2018 messages wrote `10/16/18, 8:36 AM` (read as Pacific like Invitations)."""
    return dates.parse_utc(text) or dates.parse_pacific(text)


def read_instants(text: pd.Series, fast: Sequence[Fast], slow: Instant,
                  local: Local = as_utc) -> DateColumn:
    """UTC instants (tz-aware) from date strings; NaT where unreadable or blank. The fast
    formats read the bulk; `slow` (a dates.py parser) reads each distinct value left; when
    they read fewer than half, a spreadsheet's format, whose wall clock `local` converts."""
    result = _linkedin_instants(text, fast, slow)
    sheet = _sheet_values(text, result)
    if sheet is None:
        return DateColumn(result)
    if sheet.format is None:
        return DateColumn(result, unreadable=sheet)
    left = result.isna() & (text != "")
    instants = {value: local(moment) for value, moment in sheet.values.items()}
    result.loc[left] = pd.to_datetime(text[left].map(instants), utc=True).astype(
        "datetime64[us, UTC]")
    return DateColumn(result, sheet.format)


def _linkedin_instants(text: pd.Series, fast: Sequence[Fast], slow: Instant) -> pd.Series:
    """The values LinkedIn's own formats read, as UTC instants; NaT for the others."""
    result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us, UTC]")
    for fmt in fast:
        todo = result.isna() & (text != "")
        if not todo.any():
            return result
        found = _read_fast(text[todo], fmt).dropna()
        result.loc[found.index] = found.dt.tz_localize("UTC")
    todo = result.isna() & (text != "")
    if todo.any():
        instants = {value: slow(value) for value in text[todo].unique()}
        result.loc[todo] = pd.to_datetime(text[todo].map(instants), utc=True).astype(
            "datetime64[us, UTC]")
    return result


def read_days(text: pd.Series) -> DateColumn:
    """`Connected On` dates as naive midnights (no zone); NaT where unreadable or blank.
    Each distinct value is read once: thousands of rows share a few hundred days. A
    spreadsheet's format is read as with `read_instants`, its times dropped."""
    days = {value: dates.parse_connected_on(value) for value in text.unique() if value}
    result = _midnights(text, days)
    sheet = _sheet_values(text, result)
    if sheet is None:
        return DateColumn(result)
    if sheet.format is None:
        return DateColumn(result, unreadable=sheet)
    days.update({value: moment.date() for value, moment in sheet.values.items()})
    return DateColumn(_midnights(text, days), sheet.format)


def _midnights(text: pd.Series, days: Mapping[str, dt.date | None]) -> pd.Series:
    return pd.to_datetime(text.map(days), errors="coerce").astype("datetime64[us]")


def _read_fast(text: pd.Series, fmt: Fast) -> pd.Series:
    """Naive timestamps; NaT where the value does not fit the format."""
    if fmt.suffix:
        text = text.where(text.str.endswith(fmt.suffix), "").str.slice(0, -len(fmt.suffix))
    return pd.to_datetime(text, format=fmt.strptime, errors="coerce").astype("datetime64[us]")


def date_errors(table: Table, label: str, text: pd.Series, when: pd.Series,
                *, blank_ok: bool = False) -> tuple[Problem, ...]:
    """A Problem for each record whose date did not read (or is blank, unless allowed)."""
    bad = when.isna() & ~((text == "") & blank_ok)
    return tuple(
        Problem(table.file, table.lines[i], label,
                 "no date" if not raw else "unreadable date")
        for i, raw in zip(bad[bad].index, text[bad], strict=True))


# ---- values -------------------------------------------------------------------------------

def normalize_urls(urls: pd.Series) -> pd.Series:
    """`normalize_profile_url` over a column, once per distinct value."""
    mapping = {url: normalize_profile_url(url) for url in urls.unique()}
    return urls.map(mapping).astype(str)


_GROUP_POST = r"urn(?::|%3a)li(?::|%3a)grouppost"  # plain (Votes) or URL-encoded (Shares)


def _is_group_post(links: pd.Series) -> pd.Series:
    return links.str.contains(_GROUP_POST, case=False, regex=True).astype(bool)


def _is_yes(flags: pd.Series) -> pd.Series:
    return flags.str.lower().isin(("yes", "true", "1")).astype(bool)


# ---- parsers: activity ---------------------------------------------------------------------

def _missing(table: Table, label: str) -> Parsed:
    return _unusable(table, f"no {label} column, so nothing in it can be counted")


def _unusable(table: Table, reason: str) -> Parsed:
    """A file nothing is counted from: one Problem for the whole file, none per row of ours."""
    problem = Problem(table.file, 0, "", reason)
    return Parsed(table.kind, table.file, pd.DataFrame({"line": []}), 0, table.errors, problem)


def _dated(table: Table, label: str, fast: Sequence[Fast], slow: Instant,
           extra: Callable[[Table], Mapping[str, pd.Series]] = lambda _: {},
           *, blank_ok: bool = False, local: Local = as_utc) -> Parsed:
    """Records with a date: `at`, `line` and the kind's own columns; bad dates left out."""
    text = column(table, label)
    if text is None:
        return _missing(table, label)
    read = read_instants(text, fast, slow, local)
    if read.unreadable is not None:
        return _unusable(table, read.unreadable.explain(label))
    at = read.when
    frame = pd.DataFrame({"at": at, "line": _lines(table), **extra(table)})
    errors = date_errors(table, label, text, at, blank_ok=blank_ok)
    keep = at.notna() | ((text == "") & blank_ok)
    return _parsed(table, frame[keep].reset_index(drop=True), errors, read.note(label))


def parse_shares(table: Table) -> Parsed:
    """at, is_group (a groupPost link), is_bare_repost (no commentary and no media)."""
    def flags(t: Table) -> dict[str, pd.Series]:
        bare = (_text(t, "ShareCommentary") == "") & (_text(t, "MediaUrl") == "")
        return {"is_group": _is_group_post(_text(t, "ShareLink")), "is_bare_repost": bare}
    return _dated(table, "Date", (ISO,), dates.parse_utc, flags)


def parse_comments(table: Table) -> Parsed:
    """at (NaT when blank), is_group (on a group post)."""
    def flags(t: Table) -> dict[str, pd.Series]:
        return {"is_group": _is_group_post(_text(t, "Link"))}
    return _dated(table, "Date", (ISO,), dates.parse_utc, flags, blank_ok=True)


def parse_reactions(table: Table) -> Parsed:
    """at."""
    return _dated(table, "Date", (ISO,), dates.parse_utc)


def parse_votes(table: Table) -> Parsed:
    """at."""
    return _dated(table, "Date", (ISO,), dates.parse_utc)


def parse_instant_reposts(table: Table) -> Parsed:
    """at."""
    return _dated(table, "Date", (ISO,), dates.parse_utc)


def parse_search_queries(table: Table) -> Parsed:
    """at."""
    return _dated(table, "Time", (SLASHED_UTC,), dates.parse_utc)


def parse_recommendations(table: Table) -> Parsed:
    """at (Creation Date, read as Pacific time like Invitations)."""
    return _dated(table, "Creation Date", (), dates.parse_pacific,
                  local=dates.pacific_to_utc)


def parse_invitations(table: Table) -> Parsed:
    """at (Sent At, Pacific -> UTC), outgoing, name (the other side's: To when outgoing, else
    From), and when the export has them inviter and invitee (normalised URLs; 2018 has no URL
    columns, one 2023 export has URNs instead)."""
    def people(t: Table) -> dict[str, pd.Series]:
        outgoing = _text(t, "Direction").str.upper().eq("OUTGOING").astype(bool)
        found = {"outgoing": outgoing,
                 "name": _text(t, "To").where(outgoing, _text(t, "From")).astype(str)}
        for name, header in (("inviter", "inviterProfileUrl"), ("invitee", "inviteeProfileUrl")):
            urls = column(t, header)
            if urls is not None:
                found[name] = normalize_urls(urls)
        return found
    return _dated(table, "Sent At", (), dates.parse_pacific, people,
                  local=dates.pacific_to_utc)


def parse_connections(table: Table) -> Parsed:
    """on (the Connected On date), url (normalised, "" for hidden profiles), name (first and
    last), company, position, and when the file has a Position column seniority (see
    seniority.py; "unknown" when empty).
    Unreadable dates stay in the frame with no `on`, so that their URL still tells which
    invitations were accepted; they are reported and left out of every count by date."""
    text = column(table, "Connected On")
    if text is None:
        return _missing(table, "Connected On")
    read = read_days(text)
    if read.unreadable is not None:
        return _unusable(table, read.unreadable.explain("Connected On"))
    on = read.when
    frame = pd.DataFrame({"on": on, "line": _lines(table),
                          "url": normalize_urls(_text(table, "URL")),
                          "name": (_text(table, "First Name") + " "
                                   + _text(table, "Last Name")).str.strip(),
                          "company": _text(table, "Company"),
                          "position": _text(table, "Position")})
    positions = column(table, "Position")
    if positions is not None:
        classes = {title: classify(title) for title in positions.unique()}
        frame["seniority"] = positions.map(classes).astype(str)
    return _parsed(table, frame, date_errors(table, "Connected On", text, on),
                   read.note("Connected On"))


def parse_messages(table: Table) -> Parsed:
    """at, sender (normalised URL, "" for LinkedIn Member), is_countable (not a draft, not
    SPAM, not a Sponsored Conversation), sender_name (FROM), to_names (TO, as written), and
    when the file has them conversation (a number per CONVERSATION ID), recipients (RECIPIENT
    PROFILE URLS as written, comma-joined) and outgoing (2018's Direction). Who the member is
    gets decided later, across files (`member_url`). CONTENT and SUBJECT are never read."""
    def details(t: Table) -> dict[str, pd.Series]:
        countable = ~(_is_yes(_text(t, "Is Message Draft"))
                      | _text(t, "Folder").str.upper().eq("SPAM")
                      | _text(t, "Conversation Title").str.lower().eq("sponsored conversation"))
        found = {"sender": normalize_urls(_text(t, "Sender Profile Url")),
                 "is_countable": countable.astype(bool),
                 "sender_name": _text(t, "From"), "to_names": _text(t, "To")}
        recipients = column(t, "Recipient Profile Urls")
        if recipients is not None:
            found["recipients"] = recipients
        ids = column(t, "Conversation Id")
        if ids is not None:
            found["conversation"] = pd.Series(pd.factorize(ids)[0], dtype="int64")
        direction = column(t, "Direction")
        if direction is not None:
            found["outgoing"] = direction.str.upper().eq("OUTGOING").astype(bool)
        return found
    return _dated(table, "Date", (ISO_UTC,), utc_or_pacific, details)


# ---- parsers: profile facts ----------------------------------------------------------------

def _records(table: Table, frame: Mapping[str, pd.Series] | None = None) -> Parsed:
    columns = {"line": _lines(table), **(frame or {})}
    return _parsed(table, pd.DataFrame(columns))


def parse_rows(table: Table) -> Parsed:
    """One row per record, nothing else: Education, Certifications, Courses,
    Volunteering, Endorsements (the checklist only asks whether there are any)."""
    return _records(table)


def parse_named(table: Table) -> Parsed:
    """Skills, Languages: one row per record with a Name (blank names are not counted)."""
    named = _text(table, "Name") != ""
    return _parsed(table, pd.DataFrame({"line": _lines(table)[named].reset_index(drop=True)}))


def parse_profile(table: Table) -> Parsed:
    """has_headline, has_summary."""
    return _records(table, {"has_headline": _text(table, "Headline") != "",
                            "has_summary": _text(table, "Summary") != ""})


def parse_positions(table: Table) -> Parsed:
    """is_current (no Finished On), has_description."""
    return _records(table, {"is_current": _text(table, "Finished On") == "",
                            "has_description": _text(table, "Description") != ""})


def parse_rich_media(table: Table) -> Parsed:
    """upload: what was uploaded, lower case ("profile photo", "video"...), "" when the row
    does not say (older exports list only a download link)."""
    sentences = _text(table, "Date/Time")
    uploads = {text: dates.rich_media_upload(text) or "" for text in sentences.unique()}
    return _records(table, {"upload": sentences.map(uploads).astype(str)})


PARSERS: Mapping[str, Callable[[Table], Parsed]] = {
    "connections": parse_connections,
    "messages": parse_messages,
    "invitations": parse_invitations,
    "shares": parse_shares,
    "comments": parse_comments,
    "reactions": parse_reactions,
    "votes": parse_votes,
    "instant_reposts": parse_instant_reposts,
    "search_queries": parse_search_queries,
    "recommendations_received": parse_recommendations,
    "recommendations_given": parse_recommendations,
    "endorsements_received": parse_rows,
    "endorsements_given": parse_rows,
    "profile": parse_profile,
    "positions": parse_positions,
    "education": parse_rows,
    "certifications": parse_rows,
    "courses": parse_rows,
    "volunteering": parse_rows,
    "skills": parse_named,
    "languages": parse_named,
    "rich_media": parse_rich_media,
}


def parse(table: Table) -> Parsed:
    """The table read by its kind's parser (a kind without one gives rows only)."""
    return PARSERS.get(table.kind, parse_rows)(table)


# ---- across files --------------------------------------------------------------------------

def member_url(invitations: pd.DataFrame, messages: pd.DataFrame) -> str:
    """The member's own profile URL: the inviter of their outgoing invitations, else the
    sender URL present in the most conversations (ties: the alphabetically first); ""
    when neither file says. Takes the frames of `parse_invitations`/`parse_messages`."""
    if "inviter" in invitations:
        inviters = invitations.loc[invitations["outgoing"] & (invitations["inviter"] != ""),
                                   "inviter"]
        if len(inviters):
            return str(inviters.value_counts().sort_index().idxmax())
    if "conversation" not in messages:
        return ""
    sent = messages[messages["sender"] != ""]
    if sent.empty:
        return ""
    return str(sent.groupby("sender")["conversation"].nunique().sort_index().idxmax())
