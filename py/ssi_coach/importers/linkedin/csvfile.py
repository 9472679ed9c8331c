"""Reading one LinkedIn CSV into a column-oriented `Table` (docs/linkedin-export.md §1 rules
4-8, 11-12; §2.3).

- Decoding: a UTF-16LE byte order mark means a 2018 file, TAB-separated; otherwise UTF-8
  (a BOM is dropped, bad bytes become U+FFFD instead of failing the file).
- Dialect per kind: RFC 4180 with doubled quotes everywhere, a backslash that escapes a
  quote in Comments only (`\\"` since 2025; it stays literal elsewhere, as in Votes'
  `""\\""`), and Shares' per-line quote wrapping undone after parsing (§3.4).
- The header is the first row holding the kind's header names, so a preamble (Connections'
  `Notes:`) is skipped whatever its length. Names are compared trimmed, case-insensitively
  and ignoring spaces and underscores (2018's `Share Commentary` = `ShareCommentary`).
- Rows of the wrong width are left out with a RowError that gives the physical line where
  the record starts; when many rows are wrong, the file is read again with the other quoting
  dialect and the reading with fewer errors is kept.

Decisions where the format leaves a choice: a row longer than the header is fine when the
extra fields are empty, and a row shorter than the header is fine when only unnamed
trailing columns (a trailing comma in the header) are missing; a file with no bytes, or only
blank ones, is a FileProblem like a file without a header.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .types import FileProblem, RowError, SourceFile, Table

RAW_LIMIT = 120  # characters of a skipped record kept in its RowError
FIELD_SIZE_LIMIT = 2**31 - 1  # csv's default (128 KiB) is below a long post; a C long on wasm32

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


def read_table(source: SourceFile, wanted: Collection[str] | None = None) -> Table | FileProblem:
    """The CSV in `source` as columns, with the records it had to leave out.

    `wanted`: the names the header row must hold; by default the kind's HEADER_NAMES (and
    for a kind without any, the first row that is not blank)."""
    text, delimiter = decode(source.data)
    if not text.strip():
        return FileProblem(source.name, "the file is empty, so there is nothing to read")
    name_sets = _name_sets(source.kind, wanted)
    escapes = source.kind == "comments"  # §2.3: `\"` in Comments only
    reading = _read(text, source.name, name_sets, delimiter, escapes)
    if reading is None or reading.is_suspect():
        other = _read(text, source.name, name_sets, delimiter, not escapes)
        reading = _better(reading, other)
    if reading is None:
        return FileProblem(source.name, _no_header_reason(name_sets))
    columns = reading.columns
    if source.kind == "shares":
        _decode_share_commentaries(columns)
    return Table(source.name, source.kind, columns, reading.lines, tuple(reading.errors))


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV and its delimiter: TAB for 2018's UTF-16 files, else a comma."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[len(codecs.BOM_UTF16_LE):].decode("utf-16-le", errors="replace"), "\t"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    return data.decode("utf-8", errors="replace"), ","


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


# ---- one reading ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Reading:
    """The file read with one dialect."""

    columns: dict[str, list[str]]
    lines: list[int]
    errors: list[RowError]
    width_errors: int  # records left out for their width (rule 12 compares these)
    records: int  # records after the header that were not blank

    def is_suspect(self) -> bool:
        return (self.width_errors >= SUSPECT_MIN_ROWS
                and self.width_errors > SUSPECT_SHARE * self.records)


def _better(first: _Reading | None, second: _Reading | None) -> _Reading | None:
    """The reading with a header and fewer records of the wrong width; the first on a tie."""
    if first is None or second is None:
        return first or second
    return second if second.width_errors < first.width_errors else first


def _read(text: str, file: str, name_sets: Sequence[frozenset[str]], delimiter: str,
          escapes: bool) -> _Reading | None:
    """The file read with one dialect; None when no row is a header."""
    records = _records(text, delimiter, escapes)
    for _, fields, _ in records:
        if fields is not None and _is_header(fields, name_sets):
            return _read_body(records, file, fields)
    return None


def _read_body(records: Iterator[tuple[int, list[str] | None, str]], file: str,
               header: list[str]) -> _Reading:
    """The records after `header`, as columns built directly (60,000 messages must not
    become 60,000 dicts)."""
    named = _column_names(header)
    columns: dict[str, list[str]] = {key: [] for _, key in named}
    lines: list[int] = []
    errors: list[RowError] = []
    width = len(header)
    needed = max((index for index, _ in named), default=-1) + 1
    width_errors = seen = 0
    for line, fields, raw in records:
        if fields is not None and not any(field.strip() for field in fields):
            continue  # a blank line (rule 8)
        seen += 1
        if fields is None:
            errors.append(RowError(file, line, "", "the row could not be read", _cut(raw)))
        elif not _fits(fields, width, needed):
            width_errors += 1
            errors.append(RowError(file, line, "", f"{len(fields)} fields where the header "
                                   f"has {width}; the row was left out", _cut(raw)))
        else:
            lines.append(line)
            for index, key in named:
                columns[key].append(_clean(fields[index]) if index < len(fields) else "")
    return _Reading(columns, lines, errors, width_errors, seen)


def _records(text: str, delimiter: str,
             escapes: bool) -> Iterator[tuple[int, list[str] | None, str]]:
    """(physical line where the record starts, its fields or None when csv cannot read it,
    its raw text) for every record of `text`, blank lines included."""
    pending: list[str] = []  # the physical lines of the record being read

    def physical_lines() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            pending.append(line)
            yield line

    csv.field_size_limit(FIELD_SIZE_LIMIT)
    reader = csv.reader(physical_lines(), delimiter=delimiter, quotechar='"',
                        doublequote=True, escapechar="\\" if escapes else None, strict=False)
    previous = 0  # rule 11: a record starts on the line after the previous record's end
    while True:
        try:
            fields: list[str] | None = next(reader)
        except StopIteration:
            return
        except csv.Error:
            fields = None
        raw = "".join(pending)
        pending.clear()
        yield previous + 1, fields, raw
        previous = reader.line_num


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


def _clean(value: str) -> str:
    if "\r" in value:
        value = value.replace("\r\n", "\n")
    return value.strip()


def _cut(raw: str) -> str:
    raw = raw.rstrip("\r\n")
    return raw if len(raw) <= RAW_LIMIT else raw[:RAW_LIMIT - 1] + "…"


def _decode_share_commentaries(columns: dict[str, list[str]]) -> None:
    for key, values in columns.items():
        if squash(key) == "sharecommentary":
            columns[key] = [decode_share_commentary(value) for value in values]
