"""CSV files as people really have them, before any column means anything: the pieces every
spreadsheet reader here shares (the check-ins', the weekly log's).

The text is UTF-8 with or without a byte-order mark, or UTF-16 with one (Excel's "Unicode
text"); the separator is ',', ';' or tab, found from the header line, or named by Excel's
own "sep=;" hint line before it; blank lines before the header are skipped. Line numbers
are physical lines of the file, as a text editor shows them, also when a quoted cell spans
several. Nothing here raises on what is in the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MAX_RAW_LENGTH = 200  # Problem.raw is for showing the row, not for keeping it
_DELIMITERS = (",", ";", "\t")  # in order of preference when a header line is ambiguous


def header_key(text: str) -> str:
    """' Industry SSI rank (Top %) ' -> 'industryssiranktop': case, spaces, marks ignored."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def delimiter_of(line: str) -> str:
    """The separator a header line uses: the most frequent candidate outside quotes."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals
    return best if counts[best] else ","


def decode(data: bytes | str) -> tuple[str, int]:
    """(the file's text, 0), or ("", the line where the bytes stop being text)."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), 0
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data  # the codec reads the BOM to learn the byte order
    else:
        encoding, body = "utf-8", data
    try:
        return body.decode(encoding), 0
    except UnicodeDecodeError as error:
        before = body[: error.start].decode(encoding, errors="replace")
        return "", len(re.findall(r"\r\n|\r|\n", before)) + 1


def raw_text(lines: list[str], start: int, end: int) -> str:
    """Physical lines `start` to `end` (1-based) as one shortened text, for a Problem."""
    text = "".join(lines[start - 1: end]).rstrip("\r\n")
    return text if len(text) <= MAX_RAW_LENGTH else text[: MAX_RAW_LENGTH - 1] + "…"


@dataclass(frozen=True)
class Refused:
    """Why a whole file cannot be used: it becomes one Problem at `line`."""

    line: int
    message: str
    raw: str = ""


@dataclass(frozen=True)
class CsvText:
    """A file's physical lines, the index of its header line and its separator."""

    lines: list[str]
    first: int
    delimiter: str


def text_lines(data: bytes | str, *, max_bytes: int, too_large: str) -> CsvText | Refused:
    """The file cut into physical lines, with its header line and separator found; a file
    over `max_bytes` is refused with the message `too_large`."""
    if len(data) > max_bytes:
        return Refused(1, too_large)
    text, bad_line = decode(data)
    if bad_line:
        return Refused(bad_line, f"This file is not readable text from line {bad_line} on. "
                       "Save it from your spreadsheet as “CSV UTF-8” and try again.")
    # newline="" splits at \r\n, \r and \n but keeps them: the csv module needs them as they
    # are inside quoted cells, and each piece is one physical line for the line numbers.
    lines = io.StringIO(text, newline="").readlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Refused(1, "This file is empty.")
    delimiter = delimiter_of(lines[first])
    sep = re.fullmatch(r"sep=([,;\t|])", lines[first].strip("\r\n"), re.IGNORECASE)
    if sep:  # Excel's own hint line ("sep=;") names the separator and precedes the header
        delimiter = sep.group(1)
        first = next((i for i, line in enumerate(lines) if i > first and line.strip()), None)
        if first is None:
            return Refused(1, "This file has no column headers.")
    return CsvText(lines, first, delimiter)


@dataclass(frozen=True)
class CsvRow:
    """One record of the file: its cells and the physical lines it spans."""

    start: int
    end: int
    cells: list[str]


def csv_rows(found: CsvText) -> Iterator[CsvRow | Refused]:
    """The records from the header on, each with its lines; should the CSV break (an
    unclosed quote), a Refused at the line where it does, and nothing after it."""
    reader = csv.reader(iter(found.lines[found.first:]), delimiter=found.delimiter)
    while True:
        start = found.first + reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Refused(start, "The rest of the file cannot be read as CSV from this line "
                          f"on ({error}).", raw_text(found.lines, start, start))
            return
        yield CsvRow(start, found.first + reader.line_num, cells)
