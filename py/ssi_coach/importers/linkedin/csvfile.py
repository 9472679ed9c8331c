"""Reading one LinkedIn CSV into a column-oriented `Table` (docs/linkedin-export.md §1 rules
4-8, 11-12; §2.3), whether LinkedIn wrote it or a spreadsheet saved it again.

- Encoding, kept as `Table.encoding`: a UTF-16LE byte order mark means a 2018 file (or
  Excel's "Unicode text"), `utf-16-le`; a UTF-8 BOM is dropped, `utf-8-sig` (Excel's "CSV
  UTF-8"); bytes that are valid UTF-8 are `utf-8`. Other bytes are still `utf-8`, the bad
  ones becoming U+FFFD, when at least as many non-ASCII characters decode as UTF-8 as there
  are invalid sequences (an export with a few damaged bytes) or when the only fault is a
  character cut off at the very end; otherwise the file is `windows-1252` (Excel's "CSV" on
  Western Windows), its 5 undefined bytes becoming U+FFFD.
- Separator, kept as `Table.delimiter`: comma, semicolon (Excel in most European locales)
  or TAB, whichever splits a row of the file's first lines into the kind's header names
  (the most named columns wins, a comma on a tie; TAB first for UTF-16). Only the first
  HEAD_LINES lines are tried, so a 60,000-row file is parsed once. Excel's padding (`;;`
  after the last value) and quotes around every field read like any other row.
- Dialect per kind: RFC 4180 with doubled quotes everywhere, a backslash that escapes a
  quote in Comments only (`\\"` since 2025; it stays literal elsewhere, as in Votes'
  `""\\""`), and Shares' per-line quote wrapping undone after parsing (§3.4).
- The header is the first row holding the kind's header names, so a preamble (Connections'
  `Notes:`) is skipped whatever its length. Names are compared trimmed, case-insensitively
  and ignoring spaces and underscores (2018's `Share Commentary` = `ShareCommentary`).
- Continuation lines (CONTINUED: Comments, whose last column `Message` is free text that
  2024 exports wrote unquoted): a record that does not start like one (for Comments, its
  first field is not a date or date-time, nor blank before a link) right after a record
  belongs to that record: its line's raw text, commas and all, is added to the last column
  after a line break, with any blank lines before it. A record of such a kind whose free
  text held unquoted separators has its extra fields joined back into that column. Neither
  is an error, and the next record's line number is still its physical line.
- Rows of the wrong width are left out with a Problem that gives the physical line where
  the record starts and never its text; when many rows are wrong, the file is read again
  with the other quoting dialect and the reading with fewer errors is kept.

Decisions where the format leaves a choice: a row longer than the header is fine when the
extra fields are empty, and a row shorter than the header is fine when only unnamed
trailing columns (a trailing comma in the header) are missing; a file with no bytes, or only
blank ones, is a Problem like a file without a header. A continuation line that itself
starts with a date-time and a separator cannot be told from a record and is read as one.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...model import Problem
from .types import SourceFile, Table

FIELD_SIZE_LIMIT = 2**31 - 1  # csv's default (128 KiB) is below a long post; a C long on wasm32
DELIMITERS = (",", ";", "\t")  # LinkedIn and Sheets; European Excel; 2018 and Excel's Unicode
HEAD_LINES = 30  # lines tried per delimiter (the Connections preamble takes 3)

# Rule 12: a reading is suspect when more than this share of its records, and at least
# this many, have the wrong width.
SUSPECT_SHARE = 0.2
SUSPECT_MIN_ROWS = 3

# Header names per kind: a row holding all names of one of the kind's sets is the header.
# Only names every known version of the file has (§3); a second set where versions differ.
HEADER_NAMES: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "connections": (("First Name", "Connected On"),),
    "messages": (("From", "Date", "Content"),),
    "invitations": (("From", "To", "Sent At"),),
    "shares": (("Date", "ShareLink", "ShareCommentary"),),
    "comments": (("Date", "Link", "Message"),),
    "reactions": (("Date", "Type", "Link"),),
    "votes": (("Date", "Link"),),
    "instant_reposts": (("Date", "Link"),),
    "search_queries": (("Time", "Search Query"),),
    "recommendations_received": (("First Name", "Last Name", "Text"),),
    "recommendations_given": (("First Name", "Last Name", "Text"),),
    "endorsements_received": (("Endorsement Date", "Skill Name"),),
    "endorsements_given": (("Endorsement Date", "Skill Name"),),
    "profile": (("First Name", "Last Name", "Headline"),),
    "positions": (("Company Name", "Title"),),
    "education": (("School Name",),),
    "certifications": (("Name", "Authority"),),
    "courses": (("Name", "Number"),),
    "volunteering": (("Company Name", "Role"),),
    "skills": (("Name",),),
    "languages": (("Name",),),
    "rich_media": (("Date/Time", "Media Link"), ("Type", "Link")),  # Dec 2024+; Mar 2024
}


# ---- continuation lines ---------------------------------------------------------------------

# A date or date-time as LinkedIn or a spreadsheet writes it: 2026-02-06 10:00:00, 2/6/2026
# 10:00, 06.02.2026, 6-Feb-26, 2017/06/08 08:15:44 UTC, "1/8/18, 6:14 PM".
_DATE_SHAPE = re.compile(
    r"\d{1,4}[-/. ](?:\d{1,2}|[A-Za-z]{3,9})[-/. ]\d{1,4}"
    r"(?:,?[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[AaPp]\.?[Mm]\.?)?)?"
    r"(?: ?(?:UTC|GMT|Z|[+-]\d{2}:?\d{2}))?")
_LINK = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def _starts_comment(fields: Sequence[str]) -> bool:
    """Whether a Comments record starts like one: a date, or a blank date before a link."""
    first = fields[0].strip()
    if first:
        return _DATE_SHAPE.fullmatch(first) is not None
    return len(fields) > 1 and _LINK.match(fields[1].strip()) is not None


@dataclass(frozen=True)
class Continued:
    """A kind whose last named column is free text that may run on over unquoted lines."""

    column: str  # the free-text column, squashed; continuation applies only when it is last
    starts_record: Callable[[Sequence[str]], bool]  # a record's fields, not a continuation's
    reason: str


# Not here, though their last column is text: Votes `OptionText` and SearchQueries `Search
# Query` are one short line, quoted when they hold a comma (and Votes' wrong widths are what
# sends a backslash-quoted file to the other dialect); Volunteering `Description` and
# Education `Activities` start their records with a name, which a continuation line can
# look like. Shares end with `Visibility`, messages and Invitations with flags or URLs.
CONTINUED: Mapping[str, Continued] = {
    "comments": Continued("message", _starts_comment,
                          "2024 exports wrote multi-line comments unquoted; a record starts "
                          "with its date (or a blank date before the link)"),
}


# ---- reading a file -------------------------------------------------------------------------

def read_table(source: SourceFile, wanted: Collection[str] | None = None) -> Table | Problem:
    """The CSV in `source` as columns, with the records it had to leave out.

    `wanted`: the names the header row must hold; by default the kind's HEADER_NAMES (and
    for a kind without any, the first row that is not blank)."""
    text, encoding = decode(source.data)
    if not text.strip():
        return Problem(source.name, 0, "", "the file is empty, so there is nothing to read")
    name_sets = _name_sets(source.kind, wanted)
    escapes = source.kind == "comments"  # §2.3: `\"` in Comments only
    delimiter = find_delimiter(text, name_sets, escapes, "\t" if encoding == "utf-16-le" else ",")
    continued = CONTINUED.get(source.kind)
    reading = _read(text, source.name, name_sets, _Dialect(delimiter, escapes), continued)
    if reading is None or reading.is_suspect():
        other = _read(text, source.name, name_sets, _Dialect(delimiter, not escapes), continued)
        reading = _better(reading, other)
    if reading is None:
        return Problem(source.name, 0, "", _no_header_reason(name_sets))
    columns = reading.columns
    if source.kind == "shares":
        _decode_share_commentaries(columns)
    return Table(source.name, source.kind, columns, reading.lines, tuple(reading.errors),
                 encoding=encoding, delimiter=delimiter)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV and the name of its encoding (see the module docstring)."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[len(codecs.BOM_UTF16_LE):].decode("utf-16-le", errors="replace"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if _damaged_utf8(data, text):
        return text, "utf-8"
    return data.decode("cp1252", errors="replace"), "windows-1252"


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _damaged_utf8(data: bytes, text: str) -> bool:
    """Whether bytes that are not valid UTF-8 are still UTF-8 with a few bad bytes: at least
    as many non-ASCII characters decode as there are invalid sequences, or the only invalid
    sequence is a character cut off at the very end. Windows-1252 text has no valid
    multi-byte sequences but by rare accident: `é` is one byte before an ASCII letter."""
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    decoded = len(text) - len(data.translate(None, _HIGH_BYTES)) - bad
    if decoded >= bad:
        return True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True  # valid but for an unfinished character at the end


def find_delimiter(text: str, name_sets: Sequence[frozenset[str]], escapes: bool,
                   first: str = ",") -> str:
    """The delimiter that splits a row of the first HEAD_LINES lines into a header holding
    one of `name_sets`, with the most named columns; `first` on a tie or when none does."""
    head = text[:_end_of_line(text, HEAD_LINES)]
    best, most = first, 0
    for delimiter in (first, *(d for d in DELIMITERS if d != first)):
        named = _header_width(head, name_sets, _Dialect(delimiter, escapes))
        if named > most:
            best, most = delimiter, named
    return best


def _end_of_line(text: str, count: int) -> int:
    """The index just after the `count`-th line break of `text` (or its length)."""
    end = 0
    for _ in range(count):
        found = text.find("\n", end)
        if found < 0:
            return len(text)
        end = found + 1
    return end


def _header_width(head: str, name_sets: Sequence[frozenset[str]], dialect: _Dialect) -> int:
    """The number of named columns of the first header row of `head`, 0 when none is."""
    try:
        for fields in dialect.reader(io.StringIO(head, newline="")):
            if _is_header(fields, name_sets):
                return sum(1 for field in fields if field.strip())
    except csv.Error:
        pass
    return 0


def decode_share_commentary(value: str) -> str:
    """A Shares commentary with its per-line quote wrapping undone (§3.4): every line but
    the last ends with `"`, every line but the first starts with one. A value for which that
    does not hold is returned as is."""
    lines = value.split("\n")
    if (len(lines) < 2 or not all(line.endswith('"') for line in lines[:-1])
            or not all(line.startswith('"') for line in lines[1:])):
        return value
    last = len(lines) - 1
    return "\n".join(line[(1 if i else 0):len(line) - (1 if i < last else 0)]
                     for i, line in enumerate(lines))


def squash(name: str) -> str:
    """A header name for comparing: `Share Commentary`, `ShareCommentary`, ` sharecommentary`
    and `share_commentary` are one name."""
    return re.sub(r"[\s_]+", "", name.lower())


# ---- records --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Dialect:
    delimiter: str
    escapes: bool  # a backslash escapes the next character (Comments)

    def reader(self, lines: Iterator[str]) -> Iterator[list[str]]:
        return csv.reader(lines, delimiter=self.delimiter, quotechar='"', doublequote=True,
                          escapechar="\\" if self.escapes else None, strict=False)


class _Record(NamedTuple):  # a tuple: one per record of a 60,000-row file
    line: int  # physical line (1-based) where the record starts
    fields: list[str] | None  # None when csv cannot read it
    lines: list[str]  # its physical lines, line breaks included


class _PhysicalLines:
    """The lines of a text for csv.reader, remembering those of the record being read; lines
    given back are read again before the rest."""

    def __init__(self, text: str) -> None:
        self._source = io.StringIO(text, newline="")
        self._again: list[str] = []  # given back, the next one last
        self.pending: list[str] = []

    def __iter__(self) -> _PhysicalLines:
        return self

    def __next__(self) -> str:
        line = self._again.pop() if self._again else next(self._source)
        self.pending.append(line)
        return line

    def give_back(self, lines: Sequence[str]) -> None:
        self._again.extend(reversed(lines))


class _Records:
    """Every record of a text, blank ones included, with the physical line where each starts
    (rule 11). A record whose later lines turn out not to belong to it can give them back
    to be read as records of their own."""

    def __init__(self, text: str, dialect: _Dialect) -> None:
        csv.field_size_limit(FIELD_SIZE_LIMIT)
        self._lines = _PhysicalLines(text)
        self._reader = dialect.reader(self._lines)
        self._read = 0  # physical lines read so far

    def __iter__(self) -> Iterator[_Record]:
        while True:
            try:
                fields: list[str] | None = next(self._reader)
            except StopIteration:
                return
            except csv.Error:
                fields = None
            lines, self._lines.pending = self._lines.pending, []
            record = _Record(self._read + 1, fields, lines)
            self._read += len(lines)
            yield record

    def read_again(self, lines: Sequence[str]) -> None:
        """Read the last lines of the record just yielded again, as records of their own."""
        self._lines.give_back(lines)
        self._read -= len(lines)


# ---- one reading ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Reading:
    """The file read with one dialect."""

    columns: dict[str, list[str]]
    lines: list[int]
    errors: list[Problem]
    width_errors: int  # records left out for their width (rule 12 compares these)
    records: int  # records after the header that were not blank or continuation lines

    def is_suspect(self) -> bool:
        return (self.width_errors >= SUSPECT_MIN_ROWS
                and self.width_errors > SUSPECT_SHARE * self.records)


def _better(first: _Reading | None, second: _Reading | None) -> _Reading | None:
    """The reading with a header and fewer records of the wrong width; the first on a tie."""
    if first is None or second is None:
        return first or second
    return second if second.width_errors < first.width_errors else first


def _read(text: str, file: str, name_sets: Sequence[frozenset[str]], dialect: _Dialect,
          continued: Continued | None) -> _Reading | None:
    """The file read with one dialect; None when no row is a header."""
    records = _Records(text, dialect)
    found = iter(records)
    for record in found:
        if record.fields is not None and _is_header(record.fields, name_sets):
            body = _Body(file, record.fields, dialect.delimiter, continued, records.read_again)
            for later in found:
                body.add(later)
            return body.reading()
    return None


class _Body:
    """The records after the header, as columns built directly (60,000 messages must not
    become 60,000 dicts)."""

    def __init__(self, file: str, header: list[str], delimiter: str,
                 continued: Continued | None,
                 read_again: Callable[[Sequence[str]], None]) -> None:
        self.file, self.delimiter, self.read_again = file, delimiter, read_again
        self.named = _column_names(header)
        self.columns: dict[str, list[str]] = {key: [] for _, key in self.named}
        self._targets = [(index, self.columns[key]) for index, key in self.named]
        self.lines: list[int] = []
        self.errors: list[Problem] = []
        self.width = len(header)
        self.needed = max((index for index, _ in self.named), default=-1) + 1
        last = self.named[-1] if self.named else None
        runs_on = continued is not None and last is not None and squash(last[1]) == continued.column
        self.continued = continued if runs_on else None
        self.free = last if runs_on else None  # (index, key) of the free-text column
        self.width_errors = self.records = 0
        self.previous = ""  # what became of the previous record: "", "kept" or "skipped"
        self.held: list[str] = []  # blank lines after it, in case a continuation follows

    def reading(self) -> _Reading:
        return _Reading(self.columns, self.lines, self.errors, self.width_errors, self.records)

    def add(self, record: _Record) -> None:
        fields = record.fields
        if fields is not None and not "".join(fields).strip():
            if self.continued is not None and self.previous:
                self.held.append(_line_text("".join(record.lines)))
            return  # a blank line (rule 8)
        if (self.continued is not None and self.previous and fields is not None
                and not self.continued.starts_record(fields)):
            self._continue(record)
            return
        if self.held:
            self.held.clear()
        self.records += 1
        if fields is None:
            self._skip(record.line, "the row could not be read")
        elif not self._fits(fields):
            self.width_errors += 1
            self._skip(record.line, f"{len(fields)} fields where the header has {self.width}; "
                                    "the row was left out")
        else:
            self._keep(record.line, fields)

    def _continue(self, record: _Record) -> None:
        """The first line of `record` added to the previous record's free text; its other
        lines (a quote at a line start opened a field that is not one) read again."""
        self.read_again(record.lines[1:])
        if self.previous == "kept" and self.free is not None:
            values = self.columns[self.free[1]]
            values[-1] = _clean("\n".join([values[-1], *self.held,
                                           _line_text(record.lines[0])]))
        self.held.clear()

    def _fits(self, fields: Sequence[str]) -> bool:
        if self.free is not None:
            return len(fields) >= self.needed  # extra fields are free text
        return _fits(fields, self.width, self.needed)

    def _keep(self, line: int, fields: list[str]) -> None:
        self.previous = "kept"
        self.lines.append(line)
        count = len(fields)
        for index, values in self._targets:
            values.append(_clean(fields[index]) if index < count else "")
        if self.free is not None and len(fields) > self.needed:
            index, key = self.free
            self.columns[key][-1] = _clean(self.delimiter.join(_trimmed(fields[index:])))

    def _skip(self, line: int, reason: str) -> None:
        self.previous = "skipped"
        self.errors.append(Problem(self.file, line, "", reason))


# ---- header and values ----------------------------------------------------------------------

def _name_sets(kind: str, wanted: Collection[str] | None) -> tuple[frozenset[str], ...]:
    """The squashed name sets of which a header must hold one."""
    if wanted is not None:
        return (frozenset(squash(name) for name in wanted),)
    sets = HEADER_NAMES.get(kind, ((),))
    return tuple(frozenset(squash(name) for name in names) for names in sets)


def _is_header(fields: Sequence[str], name_sets: Sequence[frozenset[str]]) -> bool:
    if not any(field.strip() for field in fields):
        return False
    names = {squash(field) for field in fields}
    return any(name_set <= names for name_set in name_sets)


def _no_header_reason(name_sets: Sequence[frozenset[str]]) -> str:
    expected = " or ".join(", ".join(sorted(names)) for names in name_sets if names)
    return (f"no recognisable header (a row naming {expected or 'its columns'}), so the file "
            "is empty or does not come from LinkedIn; it was left out")


def _column_names(header: Sequence[str]) -> list[tuple[int, str]]:
    """(field index, column key) for every named column: the name trimmed and lower-cased,
    `name_2`, `name_3`... for repeats (Ad_Targeting.csv); unnamed columns left out (a
    trailing comma, as in Learning.csv)."""
    seen: dict[str, int] = {}
    named: list[tuple[int, str]] = []
    for index, name in enumerate(header):
        key = name.strip().lower()
        if not key:
            continue
        seen[key] = seen.get(key, 0) + 1
        named.append((index, key if seen[key] == 1 else f"{key}_{seen[key]}"))
    return named


def _fits(fields: Sequence[str], width: int, needed: int) -> bool:
    """Whether a record lines up with the header: the same width, or extra fields that
    are all empty, or only unnamed trailing columns missing."""
    if len(fields) == width:
        return True
    if len(fields) < width:
        return len(fields) >= needed
    return not any(field.strip() for field in fields[width:])


def _trimmed(fields: Sequence[str]) -> Sequence[str]:
    """`fields` without the empty ones at the end (a spreadsheet's padding)."""
    end = len(fields)
    while end > 1 and not fields[end - 1].strip():
        end -= 1
    return fields[:end]


def _line_text(line: str) -> str:
    return line.rstrip("\r\n")


def _clean(value: str) -> str:
    if "\r" in value:
        value = value.replace("\r\n", "\n")
    return value.strip()


def _decode_share_commentaries(columns: dict[str, list[str]]) -> None:
    for key, values in columns.items():
        if squash(key) == "sharecommentary":
            columns[key] = [decode_share_commentary(value) for value in values]
