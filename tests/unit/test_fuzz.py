"""Fuzz: every parser of hostile input answers with a result or a typed error, never with an
unexpected exception, and never hangs.

Each property feeds one parser fully random text or bytes, and inputs that are almost valid
(a valid input with random insertions, deletions, duplications and truncations; real headers
over garbage rows; valid JSON with random values swapped in), so the deep paths are reached
too. Every generated input is bounded (text <= MAX_TEXT characters, bytes <= MAX_BYTES).
Round trips (CSV export -> import, share encode -> decode, backup -> restore) must be the
identity.

SSI_FUZZ_EXAMPLES sets the examples per property (100 by default; a slow run uses 10000).
Hypothesis's deadline is off: each call is timed here instead and fails as a hang past
HANG_SECONDS (a SIGALRM interrupts it where the platform allows). With SSI_FUZZ_REPORT set,
the examples run and the slowest call per parser are written there as JSON at the end.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime as dt
import functools
import io
import json
import os
import signal
import threading
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, AnyStr, TypeVar
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from ssi_coach.checkins.validation import FIELD_LABELS, check_record
from ssi_coach.errors import (
    CorruptDocument,
    DocumentError,
    InvalidRecord,
    NewerSchemaVersion,
    ShareLinkError,
)
from ssi_coach.exporters.csv_checkins import CSV_COLUMNS, checkins_to_csv
from ssi_coach.exporters.share import MAX_NAME_LENGTH, SharedReport, decode_report, encode_report
from ssi_coach.importers.analytics import read_all
from ssi_coach.importers.csv_checkins import LABELS, MAX_RAW_LENGTH, CsvRead, read_checkins_csv
from ssi_coach.importers.linkedin import dates as li_dates
from ssi_coach.importers.linkedin import read_export
from ssi_coach.importers.linkedin.archive import IN_ZIP, KINDS, Collected, collect, kind_of
from ssi_coach.importers.linkedin.csvfile import read_table
from ssi_coach.importers.linkedin.parsers import Parsed, parse
from ssi_coach.importers.linkedin.types import (
    ExportReading,
    FileReport,
    ImportRefused,
    SourceFile,
    Table,
    Upload,
)
from ssi_coach.importers.ssi_page import PasteResult, SsiReading, read_ssi_page
from ssi_coach.model import (
    PEER_GROUPS,
    PILLAR_KEYS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    CheckIn,
    Document,
    PeerAverages,
    PostAnalytics,
    Problem,
    display_total,
)
from ssi_coach.posts.merge import plan_merge
from ssi_coach.storage.backup import BACKUP_LABEL, backup_text, read_backup
from ssi_coach.storage.codec import decode, document_to_data, encode
from ssi_coach.storage.migrations import MIGRATIONS
from ssi_coach.storage.posts_codec import posts_from_data, posts_to_data
from tests.linkedin_export import LAYOUTS, VARIANTS, ExportSpec, make_export
from tests.ssi_pages import (
    ACCESSIBILITY_TABLES,
    EMAIL,
    GLUED,
    HTML,
    HTML_JULY_2026,
    HTML_PEERS,
    JSON_PEERS,
    JSON_SHUFFLED,
    PAGE,
    PAGE_WITH_TABLES,
    PARTIAL,
    PORTUGUESE,
    RUSSIAN,
    SECTION_4_2,
)

from .conftest import TODAY
from .strategies import checkins, in_date_order
from .test_analytics_fuzz import mutated as mutated_workbook
from .test_paste import FRAGMENTS
from .test_storage import documents

T = TypeVar("T")

# ---- budget, timing and the report ------------------------------------------------------------

FUZZ_EXAMPLES = int(os.environ.get("SSI_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
# A hang detector, not a timing test: the slowest call in 10,000 cases was under 5 s
# (docs/hardening.md), so a loaded machine stays far below this and only a hang reaches it.
HANG_SECONDS = 60.0
MAX_TEXT = 20_000  # characters of any generated text
MAX_BYTES = 64 * 1024  # bytes of any generated file

CASES: Counter[str] = Counter()  # parser name -> examples run
MAX_SECONDS: dict[str, float] = {}  # parser name -> slowest single call


class Hang(Exception):
    """A parser call ran past HANG_SECONDS."""


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt the block with Hang after `seconds` (main thread with SIGALRM only)."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    if not hasattr(signal, "setitimer") or not in_main_thread:
        yield
        return

    def ring(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"a single call ran for more than {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def call(name: str, parser: Callable[[], T], size: int | None = None) -> T:
    """`parser()` counted and timed under `name`; fails as a hang past HANG_SECONDS.
    Whatever it raises goes on to the caller, who decides which errors are typed.

    With --hypothesis-show-statistics, pytest shows the answers and the input sizes (`size`,
    in characters or bytes) each property saw."""
    CASES[name] += 1
    if size is not None:
        event(f"input size: {'< 1k' if size < 1000 else '1k-10k' if size < 10_000 else '10k+'}")
    start = time.perf_counter()
    try:
        with _alarm(HANG_SECONDS):
            result = parser()
    finally:
        elapsed = time.perf_counter() - start
        MAX_SECONDS[name] = max(MAX_SECONDS.get(name, 0.0), elapsed)
    assert elapsed <= HANG_SECONDS, f"{name}: one call took {elapsed:.1f} s (a hang)"
    event(f"answer: {type(result).__name__}")
    return result


def call_or_error(name: str, parser: Callable[[], T], errors: tuple[type[Exception], ...],
                  size: int | None = None) -> T | Exception:
    """Like `call`, with the typed `errors` returned instead of raised (others propagate)."""
    try:
        return call(name, parser, size)
    except errors as error:
        event(f"answer: {type(error).__name__}")
        return error


@pytest.fixture(scope="module", autouse=True)
def fuzz_report(request: pytest.FixtureRequest) -> None:
    """At the end of the module, write {parser: {cases, max_seconds}} to $SSI_FUZZ_REPORT."""
    def write() -> None:
        path = os.environ.get("SSI_FUZZ_REPORT")
        if not path:
            return
        report = {name: {"cases": CASES[name], "max_seconds": round(MAX_SECONDS[name], 4)}
                  for name in sorted(CASES)}
        Path(path).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    request.addfinalizer(write)


# ---- generic generators -----------------------------------------------------------------------

OPERATIONS = ("insert", "delete", "replace", "duplicate", "truncate")


def _mutate(draw: st.DrawFn, value: AnyStr, pieces: st.SearchStrategy[AnyStr],
            limit: int) -> AnyStr:
    """`value` with a few random edits: insertions, deletions, replacements, duplicated
    ranges and truncation; never longer than `limit`."""
    for _ in range(draw(st.integers(0, 6))):
        operation = draw(st.sampled_from(OPERATIONS))
        start = draw(st.integers(0, len(value)))
        end = draw(st.integers(start, min(len(value), start + 200)))
        if operation == "insert":
            value = value[:start] + draw(pieces) + value[start:]
        elif operation == "delete":
            value = value[:start] + value[end:]
        elif operation == "replace":
            value = value[:start] + draw(pieces) + value[end:]
        elif operation == "duplicate":
            value = value[:end] + value[start:end] * draw(st.integers(1, 3)) + value[end:]
        else:
            value = value[:start]
        value = value[:limit]
    return value


@st.composite
def mutated_text(draw: st.DrawFn, seeds: st.SearchStrategy[str],
                 pieces: st.SearchStrategy[str]) -> str:
    return _mutate(draw, draw(seeds)[:MAX_TEXT], pieces, MAX_TEXT)


@st.composite
def mutated_bytes(draw: st.DrawFn, seeds: st.SearchStrategy[bytes],
                  pieces: st.SearchStrategy[bytes] | None = None) -> bytes:
    pieces = pieces if pieces is not None else st.binary(max_size=16)
    return _mutate(draw, draw(seeds)[:MAX_BYTES], pieces, MAX_BYTES)


def repeated(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A piece repeated up to MAX_TEXT characters: the long inputs a hang needs."""
    lengths = st.integers(1, 2_000) | st.sampled_from([5_000, 10_000, MAX_TEXT])
    return st.builds(lambda piece, length: (piece * (length // len(piece) + 1))[:length],
                     pieces.filter(bool), lengths)


def pick(items: Sequence[T]) -> st.SearchStrategy[T]:
    """Like sampled_from, for big items: Hypothesis never spells them out in a repr."""
    pool = tuple(items)
    return st.integers(0, len(pool) - 1).map(pool.__getitem__)


random_text = st.text(max_size=MAX_TEXT) | st.text(max_size=40)
random_bytes = st.binary(max_size=MAX_BYTES) | st.binary(max_size=40)
few_chars = st.text(max_size=20)


def as_file_bytes(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text saved the ways files really are: UTF-8 with or without a BOM, or UTF-16."""
    return st.one_of(
        texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        texts.map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass")),
        texts.map(lambda t: t.encode("utf-16", "surrogatepass")),
    ).map(lambda data: data[:MAX_BYTES])


# ---- 1. the SSI page paste --------------------------------------------------------------------

SSI_SEEDS = (PAGE, SECTION_4_2, RUSSIAN, PARTIAL, EMAIL, HTML, HTML_JULY_2026, JSON_SHUFFLED,
             PAGE_WITH_TABLES, ACCESSIBILITY_TABLES, GLUED, PORTUGUESE, HTML_PEERS, JSON_PEERS)
INDUSTRIES = ("Software Development", "Technology, Information and Internet",
              "Staffing and Recruiting", "Financial Services")
PILLAR_SCORES = st.decimals(min_value=0, max_value=PILLAR_MAX, places=3).map(float)
AVERAGES = st.decimals(min_value=0, max_value=TOTAL_MAX, places=3).map(float)


def shown(value: float) -> str:
    """A number as the page writes it: 12.275, 6, 3.1."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def pillar_rows(scores: Sequence[float]) -> str:
    return "".join(f"{shown(score)}\t{pillar.label}\n"
                   for pillar, score in zip(PILLARS, scores, strict=True))


@st.composite
def peer_averages(draw: st.DrawFn) -> tuple[float, PeerAverages | None]:
    """A group's average SSI, and the pillar averages the page shows with it (or none)."""
    if not draw(st.booleans()):
        return draw(AVERAGES), None
    peers = PeerAverages(*(draw(PILLAR_SCORES) for _ in PILLAR_KEYS))
    return display_total(peers.total), peers


@st.composite
def ssi_pages(draw: st.DrawFn) -> tuple[str, SsiReading]:
    """A page as in docs/linkedin-export.md §4.2 with random numbers, maybe with the peers'
    pillar rows under their headings (§4.7), and the reading it must give."""
    pillars = {key: draw(PILLAR_SCORES) for key in PILLAR_KEYS}
    total = display_total(round(sum(pillars.values()), 3))
    industry_rank, network_rank = draw(st.integers(1, 100)), draw(st.integers(1, 100))
    (industry_average, industry_peers), (network_average, network_peers) = (
        draw(peer_averages()), draw(peer_averages()))
    industry = draw(st.sampled_from(INDUSTRIES))
    text = (
        f"Your Social Selling Index\n\nIndustry SSI rank\nTop {industry_rank}%\n\n"
        f"Network SSI rank\nTop {network_rank}%\n\nCurrent Social Selling Index\n"
        f"{total} out of 100\n\nFour components of your score\n"
        f"{pillar_rows(tuple(pillars.values()))}\n"
        f"People in your industry\n{shown(industry_average)} out of 100\n"
        f"{pillar_rows(industry_peers.pillar_scores()) if industry_peers else ''}"
        f"Sales professionals in the {industry} industry have an average SSI of "
        f"{shown(industry_average)}.\nYou rank in the top {industry_rank}%\n\n"
        f"People in your network\n{shown(network_average)} out of 100\n"
        f"{pillar_rows(network_peers.pillar_scores()) if network_peers else ''}"
        f"People in your network have an average SSI of {shown(network_average)}.\n"
        f"You rank in the top {network_rank}%\n")
    reading = SsiReading(pillars, total, industry_rank, network_rank, industry_average,
                         network_average, industry, False, industry_peers, network_peers)
    return text, reading


ssi_pieces = pick(FRAGMENTS) | few_chars
ssi_texts = st.one_of(
    random_text,
    st.lists(ssi_pieces, max_size=60).map("".join),
    mutated_text(pick(SSI_SEEDS), ssi_pieces),
    mutated_text(ssi_pages().map(lambda page: page[0]), ssi_pieces),
    repeated(pick(SSI_SEEDS) | ssi_pieces),
)


def check_paste_result(result: PasteResult) -> None:
    """What PasteResult documents: a reading or the reasons, and a reading in range."""
    assert isinstance(result, PasteResult)
    assert isinstance(result.problems, tuple) and isinstance(result.notes, tuple)
    assert all(isinstance(p, str) and p for p in (*result.problems, *result.notes))
    assert (result.reading is None) == bool(result.problems)
    reading = result.reading
    event(f"reading: {'none' if reading is None else 'yes'}")
    if reading is None:
        return
    assert isinstance(reading, SsiReading)
    assert set(reading.pillars) == set(PILLAR_KEYS)
    for value in reading.pillars.values():
        assert 0 <= value <= PILLAR_MAX and round(value, 3) == value
    if reading.total is not None:
        assert isinstance(reading.total, int) and 0 <= reading.total <= TOTAL_MAX
        assert abs(sum(reading.pillars.values()) - reading.total) <= 0.502 + 1e-9
    for rank in (reading.industry_rank, reading.network_rank):
        assert rank is None or (isinstance(rank, int) and 1 <= rank <= 100)
    for average in (reading.industry_average, reading.network_average):
        assert average is None or 0 <= average <= TOTAL_MAX
    assert isinstance(reading.industry, str) and isinstance(reading.low_confidence, bool)
    for group in PEER_GROUPS:
        peers = reading.peers(group)
        assert peers is None or all(0 <= v <= PILLAR_MAX and round(v, 3) == v
                                    for v in peers.pillar_scores())
        assert isinstance(reading.status(group), str) and len(reading.status(group)) <= 80
    assert isinstance(reading.peers_low_confidence, bool)
    assert not reading.peers_low_confidence or any(reading.peers(g) for g in PEER_GROUPS)


@FUZZ
@given(ssi_texts)
def test_ssi_page_paste_answers_any_text(text: str) -> None:
    check_paste_result(call("SSI page paste", lambda: read_ssi_page(text), len(text)))


@FUZZ
@given(ssi_pages())
def test_ssi_page_paste_reads_a_generated_page_exactly(page: tuple[str, SsiReading]) -> None:
    text, expected = page
    result = call("SSI page paste: generated pages", lambda: read_ssi_page(text))
    check_paste_result(result)
    assert result.reading == expected


# ---- 2. the CSV check-in import ---------------------------------------------------------------

CSV_FILE = "checkins.csv"
CSV_FIELDS = ("", "total", *(field for field, _ in CSV_COLUMNS))
HEADER_NAMES = (*(header for _, header in CSV_COLUMNS), *(field for field, _ in CSV_COLUMNS),
                "SSI", "Brand", "People", "Insights", "Relationships", "Industry rank (Top %)",
                "network top %", "Notes", "sector", "Day", "check-in date", "Extra", "")
csv_texts_in_cells = st.text(st.characters(codec="utf-8"), max_size=30)  # no surrogates
CELL_PIECES = st.one_of(
    st.sampled_from(["2026-10-01", "2026/10/1", "1.10.2026", "2026-10-01 00:00", "2031-01-01",
                     "2013-12-31", "12.275", "12,275", "6", "25", "25.001", "-1", "1.2345",
                     "Top 5%", "5%", "101", "0", "", " ", '"', '""', "'=1+1", "=cmd", "sep=;",
                     "\r\n", "\n", "\r", ",", ";", "\t", "\x00", "\ufeff", "NaN", "inf"]),
    st.integers(-10**20, 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.dates().map(dt.date.isoformat),
    csv_texts_in_cells,
)
csv_items = st.lists(checkins(last_day=TODAY, industry=csv_texts_in_cells.map(str.strip),
                              note=csv_texts_in_cells,
                              status=csv_texts_in_cells.map(str.strip)),
                     max_size=12, unique_by=lambda c: c.on)


@st.composite
def headed_garbage(draw: st.DrawFn) -> str:
    """A real-looking header line over rows of random cells."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    header = draw(st.lists(st.sampled_from(HEADER_NAMES), min_size=1, max_size=14))
    rows = draw(st.lists(st.lists(CELL_PIECES, max_size=16), max_size=30))
    preamble = draw(st.sampled_from(["", "sep=;\r\n", "sep=,\n", "\n\n", ",,,\n"]))
    end = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    return (preamble + end.join(lines))[:MAX_TEXT]


csv_pieces = CELL_PIECES | st.sampled_from(["\r\n", ",", '"', ";"])
csv_texts = st.one_of(
    random_text,
    headed_garbage(),
    mutated_text(csv_items.map(checkins_to_csv), csv_pieces),
    mutated_text(headed_garbage(), csv_pieces),
    repeated(csv_items.map(checkins_to_csv) | headed_garbage()),
)
csv_inputs: st.SearchStrategy[str | bytes] = st.one_of(
    csv_texts, as_file_bytes(csv_texts), random_bytes,
    mutated_bytes(as_file_bytes(csv_items.map(checkins_to_csv))),
)


def check_csv_read(result: CsvRead, today: dt.date) -> None:
    """What CsvRead documents: valid check-ins, oldest first, one per date, none in the
    future; each problem names the file, a line and a field."""
    assert isinstance(result, CsvRead)
    assert isinstance(result.checkins, tuple) and isinstance(result.rejected, tuple)
    event(f"check-ins: {min(len(result.checkins), 2)}, rejected: {min(len(result.rejected), 2)}")
    dates = [c.on for c in result.checkins]
    assert dates == sorted(set(dates))
    for item in result.checkins:
        assert isinstance(item, CheckIn)
        assert check_record(item) == [] and item.on <= today
    for problem in result.rejected:
        assert isinstance(problem, Problem)
        assert problem.file == CSV_FILE and problem.line >= 1
        assert problem.column in {LABELS[f] for f in CSV_FIELDS if f} | {""}
        assert isinstance(problem.message, str) and problem.message
        assert isinstance(problem.raw, str) and len(problem.raw) <= MAX_RAW_LENGTH


@FUZZ
@given(csv_inputs)
def test_csv_checkin_import_answers_any_file(data: str | bytes) -> None:
    result = call("CSV check-in import",
                  lambda: read_checkins_csv(data, file_name=CSV_FILE, today=TODAY), len(data))
    check_csv_read(result, TODAY)


@FUZZ
@given(csv_items, st.booleans())
def test_csv_export_then_import_is_the_identity(items: list[CheckIn], as_bytes: bool) -> None:
    text = checkins_to_csv(items)
    data: str | bytes = text.encode("utf-8") if as_bytes else text
    result = call("round trip: CSV export -> import",
                  lambda: read_checkins_csv(data, file_name=CSV_FILE, today=TODAY))
    assert result == CsvRead(in_date_order(items), ())


# Found by the fuzzing (see the module's report): a rank cell of 309 or more digits reads as
# float infinity, and validation.parse_rank's `int(value)` raises OverflowError.
HUGE_RANK = "date,brand,people,insights,relationships,industry rank\n,,,,,2" + "0" * 308
huge_digits = st.builds(str.__add__, st.sampled_from("123456789"),
                        st.text("0123456789", min_size=308, max_size=400))


@st.composite
def huge_rank_files(draw: st.DrawFn) -> str:
    """Valid rows, one of them with a rank of 309 digits or more."""
    items = draw(csv_items.filter(bool))
    huge = draw(st.integers(0, len(items) - 1))
    lines = ["date,brand,people,insights,relationships,industry rank"]
    for index, item in enumerate(items):
        rank = draw(huge_digits) if index == huge else str(item.industry_rank or "")
        scores = ",".join(shown(score) for score in item.pillar_scores())
        lines.append(f"{item.on.isoformat()},{scores},{rank}")
    return "\n".join(lines)


@FUZZ
@example(HUGE_RANK)
@given(huge_rank_files())
def test_csv_checkin_import_answers_huge_numbers(data: str) -> None:
    result = call("CSV check-in import: huge numbers",
                  lambda: read_checkins_csv(data, file_name=CSV_FILE, today=TODAY))
    check_csv_read(result, TODAY)


# ---- 3. the backup restore and the document decoder -------------------------------------------

DOCUMENT_ERRORS = (CorruptDocument, NewerSchemaVersion, InvalidRecord)
json_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(),
    st.text(max_size=20), st.dates().map(dt.date.isoformat),
    st.sampled_from(["typed", "imported", "2026-11-02", "2026-11-03", "posts", "brand"]),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=12,
)


def _containers(node: Any) -> list[Any]:
    """Every list and dict in a JSON tree, the root first."""
    found = [node] if isinstance(node, list | dict) else []
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        found += _containers(child)
    return found


@st.composite
def mutated_json(draw: st.DrawFn, data: Any) -> Any:
    """A JSON tree with random nodes replaced, deleted or added (edits `data` in place)."""
    for _ in range(draw(st.integers(0, 5))):
        containers = _containers(data)
        if not containers:
            break
        node = containers[draw(st.integers(0, len(containers) - 1))]
        operation = draw(st.sampled_from(("replace", "delete", "add")))
        if isinstance(node, dict):
            keys = sorted(node)
            if operation == "add" or not keys:
                node[draw(st.text(max_size=12) | st.sampled_from(sorted(
                    {*FIELD_LABELS, "industry_peers", "network_peers", "events", "checkins",
                     "people", "weeks", "schema_version"})))] = (
                    draw(json_values))
            elif operation == "delete":
                del node[draw(st.sampled_from(keys))]
            else:
                node[draw(st.sampled_from(keys))] = draw(json_values)
        elif operation == "add" or not node:
            node.insert(draw(st.integers(0, len(node))), draw(json_values))
        elif operation == "delete":
            del node[draw(st.integers(0, len(node) - 1))]
        else:
            node[draw(st.integers(0, len(node) - 1))] = draw(json_values)
    return data


def _backup_data(document: Document) -> dict[str, Any]:
    return {"backup_of": BACKUP_LABEL, **document_to_data(document)}


backup_trees = documents.map(_backup_data).flatmap(mutated_json)
backup_texts = st.one_of(
    random_text,
    backup_trees.map(lambda data: json.dumps(data, ensure_ascii=False)[:MAX_TEXT]),
    mutated_text(documents.map(backup_text),
                 st.sampled_from(['"', ",", "{", "}", "[", "]", ":", "null", "1e999", "-1",
                                  '"schema_version": 9', "\\u0000"]) | few_chars),
    json_values.map(json.dumps),
)
backup_inputs: st.SearchStrategy[str | bytes] = st.one_of(
    backup_texts, as_file_bytes(backup_texts), random_bytes,
    mutated_bytes(documents.map(lambda d: backup_text(d).encode("utf-8"))),
)


def check_document(document: Document) -> None:
    assert isinstance(document, Document)
    for person_checkins in (document.checkins, *(p.checkins for p in document.people)):
        assert all(isinstance(c, CheckIn) and check_record(c) == [] for c in person_checkins)


def check_document_outcome(outcome: Document | Exception) -> None:
    """A document, or one of the DocumentError subclasses errors.py lists, saying why."""
    if isinstance(outcome, Exception):
        assert type(outcome) in DOCUMENT_ERRORS, repr(outcome)
        assert str(outcome)
    else:
        check_document(outcome)


@FUZZ
@given(backup_inputs)
def test_backup_restore_answers_any_file(data: str | bytes) -> None:
    check_document_outcome(call_or_error("backup restore", lambda: read_backup(data),
                                         DOCUMENT_ERRORS, len(data)))


@FUZZ
@given(backup_texts)
def test_document_decoder_answers_any_text(text: str) -> None:
    outcome = call_or_error("document decoder (codec.decode)", lambda: decode(text),
                            DOCUMENT_ERRORS, len(text))
    if isinstance(outcome, tuple):
        document, applied = outcome
        check_document(document)
        assert set(applied) <= {m.name for m in MIGRATIONS}
    else:
        check_document_outcome(outcome)


@FUZZ
@given(documents, st.sampled_from(["text", "utf-8", "utf-8 with BOM"]))
def test_backup_then_restore_is_the_identity(document: Document, form: str) -> None:
    text = backup_text(document)
    forms: dict[str, str | bytes] = {"text": text, "utf-8": text.encode("utf-8"),
                                     "utf-8 with BOM": b"\xef\xbb\xbf" + text.encode("utf-8")}
    data = forms[form]
    assert call("round trip: backup -> restore", lambda: read_backup(data)) == document


@FUZZ
@given(documents)
def test_document_encode_then_decode_is_the_identity(document: Document) -> None:
    text = encode(document)
    assert call("round trip: document encode -> decode", lambda: decode(text)) == (document, [])


# Found by the fuzzing (see the module's report): a JSON integer too large for a float
# (>= 2**1024) as a pillar or an average raises OverflowError in CheckIn.score_of /
# validation's `{average:g}`, and as a planned rate in Plan.__post_init__'s math.isfinite.
HUGE = 2**1024
HUGE_PILLAR = json.dumps({"checkins": [{"date": "2026-01-05", "brand": HUGE, "people": 1,
                                        "insights": 1, "relationships": 1}]})


@st.composite
def huge_integer_backups(draw: st.DrawFn) -> str:
    data = _backup_data(draw(documents))
    big = draw(st.integers(HUGE, HUGE * 2**64))
    place = draw(st.sampled_from(["pillar", "average", "plan"]))
    record = {"date": "2026-01-05", "brand": 1, "people": 1, "insights": 1, "relationships": 1}
    if place == "plan":
        data["plan"] = {"weekly": {"posts": big}}
    else:
        record["brand" if place == "pillar" else "industry_average"] = big
        data["checkins"] = [record]
    return json.dumps(data)


@FUZZ
@example(HUGE_PILLAR)
@given(huge_integer_backups())
def test_backup_restore_answers_huge_integers(text: str) -> None:
    check_document_outcome(call_or_error("backup restore: huge integers",
                                         lambda: read_backup(text), DOCUMENT_ERRORS))


# ---- 4. the share link ------------------------------------------------------------------------

BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
reports = st.builds(
    SharedReport,
    name=st.text(max_size=MAX_NAME_LENGTH),
    created=st.dates(),
    checkins=st.lists(checkins(), max_size=12, unique_by=lambda c: c.on).map(in_date_order),
)


def pack(raw: bytes) -> str:
    """A payload laid out as encode_report lays it out, around any bytes: the checksums
    hold, so the structure checks behind them are reached."""
    packed = zlib.crc32(raw).to_bytes(4, "big") + zlib.compress(raw, 9)
    return "r1." + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def _report_json(payload: str) -> Any:
    packed = base64.urlsafe_b64decode(payload[3:] + "=" * (-len(payload[3:]) % 4))
    return json.loads(zlib.decompress(packed[4:]))


@st.composite
def wrapped(draw: st.DrawFn, payload: str) -> str:
    """`payload` as mail programs and people pass it on: broken into lines, with a '#'."""
    cuts = sorted(draw(st.lists(st.integers(0, len(payload)), max_size=6)))
    pieces = [payload[a:b] for a, b in zip([0, *cuts], [*cuts, len(payload)], strict=True)]
    spaces = st.sampled_from([" ", "\n", "\r\n", "\t", "\u00a0", "  \n  "])
    return draw(st.sampled_from(["", "#"])) + "".join(p + draw(spaces) for p in pieces)


share_pieces = st.text(BASE64URL, max_size=8) | st.sampled_from(["r1.", "r2.", "#", ".", "=", " "])
share_payloads = st.one_of(
    random_text,
    st.text(BASE64URL + ".r#= \n", max_size=400),
    st.builds(str.__add__, st.sampled_from(["r1.", "r0.", "r2.", "r999999.", "R1.", "#r1."]),
              st.text(BASE64URL, max_size=400)),
    mutated_text(reports.map(encode_report), share_pieces),
    reports.map(encode_report).flatmap(wrapped),
    reports.map(lambda r: _report_json(encode_report(r))).flatmap(mutated_json)
    .map(lambda data: pack(json.dumps(data).encode("utf-8"))),
    json_values.map(lambda data: pack(json.dumps(data).encode("utf-8"))),
    random_bytes.map(pack),
    mutated_bytes(reports.map(lambda r: json.dumps(_report_json(encode_report(r))).encode()))
    .map(pack),
)


def check_report(report: SharedReport) -> None:
    assert isinstance(report, SharedReport)
    assert isinstance(report.name, str) and len(report.name) <= MAX_NAME_LENGTH
    assert isinstance(report.created, dt.date)
    dates = [c.on for c in report.checkins]
    assert dates == sorted(set(dates))
    assert all(isinstance(c, CheckIn) and check_record(c) == [] for c in report.checkins)


@FUZZ
@given(share_payloads)
def test_share_link_decoder_answers_any_payload(payload: str) -> None:
    outcome = call_or_error("share link", lambda: decode_report(payload), (DocumentError,),
                            len(payload))
    if isinstance(outcome, Exception):
        assert type(outcome) is ShareLinkError and str(outcome)
        return
    check_report(outcome)
    # What opens is a report that shares again as itself.
    assert decode_report(encode_report(outcome)) == outcome


@FUZZ
@given(reports.flatmap(lambda r: st.tuples(st.just(r), wrapped(encode_report(r)))))
def test_share_encode_then_decode_is_the_identity(case: tuple[SharedReport, str]) -> None:
    report, payload = case
    assert call("round trip: share link encode -> decode", lambda: decode_report(payload)) == (
        report)


# ---- 5. the LinkedIn export ------------------------------------------------------------------

FIXTURES = Path(__file__).parent.parent / "fixtures" / "linkedin"
SMALL_EXPORT = ExportSpec(
    weeks=4, connections=8, hidden_connections=1, invitations_out=3, invitations_accepted=2,
    invitations_in=2, conversations=3, messages=6, sponsored_messages=1, spam_messages=1,
    draft_messages=1, posts=3, group_posts=1, bare_reposts=1, instant_reposts=1, comments=3,
    group_comments=1, blank_date_comments=1, reactions=5, votes=1, searches=3,
    recommendations_given=1, recommendations_received=1, endorsements=2, skills=2,
    rich_media=1, corrupt_rows=2)


def _display_name(file_name: str) -> str:
    """`Shares_1234567.csv` -> `Shares.csv`: the file as people know it."""
    stem = file_name.removesuffix(".csv")
    head, _, tail = stem.rpartition("_")
    return f"{head if tail.isdigit() else stem}.csv"


def _seed_files() -> dict[str, list[tuple[str, bytes]]]:
    """kind -> (file name, bytes) of real-looking files: the golden fixtures and one small
    generated export of each format variant (2018's UTF-16 and TAB files among them)."""
    seeds: dict[str, list[tuple[str, bytes]]] = {kind: [] for kind, _ in KINDS}
    files = [(path.name, path.read_bytes()) for path in sorted(FIXTURES.glob("*.csv"))]
    for variant in VARIANTS:
        spec = dataclasses.replace(SMALL_EXPORT, variant=variant)
        files += sorted(make_export(spec).files.items())
    for name, data in files:
        kind = kind_of(name)
        if kind is not None:
            seeds[kind].append((name, data))
    return seeds


SEEDS = _seed_files()
FILE_NAMES = {kind: _display_name(next(n for n, _ in SEEDS[kind] if "." in n))
              for kind, _ in KINDS}
SEED_TEXTS = sorted({t for files in SEEDS.values() for _, d in files
                     for t in d.decode("utf-8", "replace").split(",")})[:2000]
csv_byte_pieces = st.sampled_from([b",", b'"', b'""', b"\\", b'\\"', b"\r\n", b"\n", b"\r",
                                   b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3", b",,,,"]) | (
    pick(SEED_TEXTS).map(lambda t: t.encode("utf-8"))) | st.binary(max_size=8)


def export_files(kind: str) -> st.SearchStrategy[bytes]:
    """Bytes for a file of `kind`: its real-looking seeds mutated, or random bytes."""
    seeds = pick([data for _, data in SEEDS[kind]])
    return st.one_of(mutated_bytes(seeds, csv_byte_pieces), seeds, random_bytes,
                     mutated_bytes(seeds.map(lambda d: d * 40), csv_byte_pieces))


def check_table(table: Table | Problem, source: SourceFile) -> None:
    """What Table documents: columns keyed by trimmed lower-case names, one value per record,
    records in line order; or a Problem naming the file."""
    if isinstance(table, Problem):
        assert table.file == source.name and isinstance(table.message, str) and table.message
        return
    assert isinstance(table, Table)
    assert table.file == source.name and table.kind == source.kind
    assert all(line >= 1 for line in table.lines)
    assert table.lines == sorted(set(table.lines))
    for key, values in table.columns.items():
        assert key and key == key.strip().lower()
        assert len(values) == len(table.lines) and all(isinstance(v, str) for v in values)
    for error in table.errors:
        assert isinstance(error, Problem) and error.file == source.name and error.line >= 1


@FUZZ
@given(st.sampled_from([kind for kind, _ in KINDS]).flatmap(
    lambda kind: st.tuples(st.just(kind), export_files(kind) | random_bytes)))
def test_export_csv_reader_answers_any_bytes(case: tuple[str, bytes]) -> None:
    kind, data = case
    source = SourceFile(kind, FILE_NAMES[kind], data)
    check_table(call("export CSV reader (read_table)", lambda: read_table(source), len(data)),
                source)


@functools.cache
def _seed_columns(kind: str) -> tuple[list[str], list[str]]:
    """The column names and the values of the seed files of `kind`."""
    real = [t for _, data in SEEDS[kind]
            if isinstance(t := read_table(SourceFile(kind, "seed.csv", data)), Table)]
    names = sorted({key for table in real for key in table.columns})
    values = sorted({v for table in real for column in table.columns.values() for v in column})
    return names, values


@st.composite
def synthetic_tables(draw: st.DrawFn, kind: str) -> Table:
    """A Table as read_table could give it: the kind's real column names (and others),
    values drawn from real files, formatted dates and garbage."""
    names, values = _seed_columns(kind)
    keys = draw(st.lists(pick(names) | st.from_regex(r"[a-z0-9/][a-z0-9 _/]{0,7}", fullmatch=True)
                         .map(str.strip), max_size=8, unique=True))
    size = draw(st.integers(0, 30))
    cells = st.one_of(pick(values or [""]), date_texts(), st.text(max_size=30),
                      st.just(""))
    columns = {key: draw(st.lists(cells, min_size=size, max_size=size)) for key in keys}
    gaps = draw(st.lists(st.integers(1, 3), min_size=size, max_size=size))
    lines = [1 + sum(gaps[:i + 1]) for i in range(size)]
    return Table(FILE_NAMES[kind], kind, columns, lines)


def check_parsed(parsed: Parsed, table: Table) -> None:
    """What Parsed documents: the table's kind and file, a frame with a line per event
    from the table, errors the table's own first, a Problem only for a missing column."""
    assert isinstance(parsed, Parsed)
    assert parsed.kind == table.kind and parsed.file == table.file
    assert isinstance(parsed.events, pd.DataFrame) and "line" in parsed.events
    assert set(parsed.events["line"]) <= set(table.lines)
    assert parsed.errors[:len(table.errors)] == table.errors
    assert all(isinstance(e, Problem) and e.line >= 1 for e in parsed.errors)
    assert parsed.problem is None or isinstance(parsed.problem, Problem)
    if parsed.problem is None:
        assert 0 <= parsed.rows_read <= len(table)
    if "at" in parsed.events:
        assert str(parsed.events["at"].dtype) == "datetime64[us, UTC]"
        assert table.kind == "comments" or parsed.events["at"].notna().all()


@pytest.mark.parametrize("kind", [kind for kind, _ in KINDS])
@FUZZ
@given(data=st.data())
def test_export_file_parser_answers_any_file(kind: str, data: st.DataObject) -> None:
    """The file read by read_table (or a Table built directly), then by its kind's parser."""
    source: SourceFile | None = None
    table: Table | None = None
    if data.draw(st.booleans(), label="synthetic table"):
        table = data.draw(synthetic_tables(kind), label="table")
    else:
        source = SourceFile(kind, FILE_NAMES[kind], data.draw(export_files(kind), label="file"))

    def read_and_parse() -> tuple[Table | Problem, Parsed | None]:
        read = read_table(source) if source is not None else table
        assert read is not None
        return read, parse(read) if isinstance(read, Table) else None

    read, parsed = call(f"export: {FILE_NAMES[kind]}", read_and_parse)
    if parsed is None:
        event("parsed: no table")
    else:
        events = min(len(parsed.events), 2)
        event(f"parsed: {'a file problem' if parsed.problem else f'{events} events'}")
    if source is not None:
        check_table(read, source)
    if parsed is not None:
        assert isinstance(read, Table)
        check_parsed(parsed, read)


# ---- the dates of an export -------------------------------------------------------------------

UTC = dt.UTC
PACIFIC = ZoneInfo("America/Los_Angeles")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
UPLOADS = ("video", "profile photo", "feed photo", "document", "Background Photo")
UNKNOWN = object()  # the expected value of a text that is not a formatted date


def _clock(moment: dt.datetime) -> str:
    return f"{moment.hour % 12 or 12}:{moment.minute:02d} {'PM' if moment.hour >= 12 else 'AM'}"


def _us(moment: dt.datetime) -> str:
    return f"{moment.month}/{moment.day}/{moment.year % 100:02d}, {_clock(moment)}"


def _numeric(moment: dt.datetime, separator: str, seconds: bool, suffix: str) -> str:
    day = f"{moment.year:04d}{separator}{moment.month:02d}{separator}{moment.day:02d}"
    clock = f"{moment.hour:02d}:{moment.minute:02d}" + (f":{moment.second:02d}" * seconds)
    return f"{day} {clock}{suffix}"


def _pacific_expected(local: dt.datetime) -> object:
    """UTC of a Los Angeles wall clock, except on the days the clocks change."""
    start, end = li_dates.dst_bounds(local.year)
    if local.date() in (start.date(), end.date()) or not 2007 <= local.year <= 2068:
        return UNKNOWN
    return local.replace(tzinfo=PACIFIC).astimezone(UTC)


minutes = st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59)).map(
    lambda t: t.replace(microsecond=0))
two_digit_years = st.datetimes(dt.datetime(1969, 1, 1), dt.datetime(2068, 12, 31, 23, 59)).map(
    lambda t: t.replace(second=0, microsecond=0))


@st.composite
def formatted_dates(draw: st.DrawFn, parser: str) -> tuple[str, object]:
    """A date written as the export writes it for `parser`, and what it must read as."""
    moment = draw(minutes)
    if parser == "parse_utc":
        seconds = draw(st.booleans())
        separator, suffix = draw(st.sampled_from([("-", ""), ("-", " UTC"), ("/", " UTC")]))
        expected = moment if seconds else moment.replace(second=0)
        return _numeric(moment, separator, seconds, suffix), expected.replace(tzinfo=UTC)
    if parser == "parse_connected_on":
        day = moment.date()
        if draw(st.booleans()):
            return f"{day.day:02d} {MONTHS[day.month - 1][:3]} {day.year:04d}", day
        local = draw(two_digit_years)
        return _us(local), local.date()
    if parser == "parse_month_year":
        day = moment.date()
        if draw(st.booleans()):
            return f"{day.year:04d}", dt.date(day.year, 1, 1)
        return f"{MONTHS[day.month - 1][:3]} {day.year:04d}", dt.date(day.year, day.month, 1)
    if parser in ("parse_rich_media", "rich_media_upload"):
        upload = draw(st.sampled_from(UPLOADS))
        moment = moment.replace(second=0)
        text = (f"You uploaded a {upload} on {MONTHS[moment.month - 1]} {moment.day}, "
                f"{moment.year:04d} at {_clock(moment)} (GMT)")
        return text, (upload.lower() if parser == "rich_media_upload"
                      else moment.replace(tzinfo=UTC))
    if parser == "month_number":
        number = draw(st.integers(1, 12))
        name = draw(st.sampled_from([MONTHS[number - 1], MONTHS[number - 1][:3]]))
        return draw(st.sampled_from([name, name.upper(), name.lower()])), number
    local = draw(two_digit_years)
    if parser == "parse_us_local":
        return _us(local), local
    return _us(local), _pacific_expected(local)  # parse_pacific


def date_texts() -> st.SearchStrategy[str]:
    """Texts that look like any of the export's dates, and some that nearly do."""
    parsers = st.sampled_from(list(DATE_PARSERS))
    return parsers.flatmap(formatted_dates).map(lambda case: case[0])


date_pieces = st.sampled_from(["/", "-", ":", " ", ",", "AM", "pm", "UTC", "Sept", "Feb",
                               "29", "31", "00", "99", "0000", "9999", "\u202f", "(GMT)"])
DATE_PARSERS: dict[str, Callable[[str], object]] = {
    "parse_connected_on": li_dates.parse_connected_on,
    "parse_utc": li_dates.parse_utc,
    "parse_pacific": li_dates.parse_pacific,
    "parse_us_local": li_dates.parse_us_local,
    "parse_rich_media": li_dates.parse_rich_media,
    "rich_media_upload": li_dates.rich_media_upload,
    "parse_month_year": li_dates.parse_month_year,
    "month_number": li_dates.month_number,
}


def check_date_value(parser: str, value: object) -> None:
    """The type each parser of dates.py documents (None for what it cannot read)."""
    if parser == "month_number":
        assert isinstance(value, int) and 0 <= value <= 12
    elif parser == "rich_media_upload":
        assert value is None or (isinstance(value, str) and value == value.lower())
    elif value is None:
        pass
    elif parser in ("parse_connected_on", "parse_month_year"):
        assert type(value) is dt.date
        assert parser != "parse_month_year" or value.day == 1
    elif parser == "parse_us_local":
        assert isinstance(value, dt.datetime) and value.tzinfo is None
    else:
        assert isinstance(value, dt.datetime) and value.tzinfo is UTC


@pytest.mark.parametrize("parser", list(DATE_PARSERS))
@FUZZ
@given(data=st.data())
def test_export_date_parser_answers_any_text(parser: str, data: st.DataObject) -> None:
    text, expected = data.draw(st.one_of(
        formatted_dates(parser),
        st.one_of(random_text, mutated_text(date_texts(), date_pieces | few_chars),
                  date_texts()).map(lambda t: (t, UNKNOWN)),
    ), label="text")
    value = call(f"export dates: {parser}", lambda: DATE_PARSERS[parser](text))
    check_date_value(parser, value)
    if expected is not UNKNOWN:
        assert value == expected


# ---- the archive: which files an import reads --------------------------------------------------

ZIP_NAMES = ("Complete_LinkedInDataExport_11-20-2026.zip", "Basic_LinkedInDataExport.zip",
             "export.ZIP", "Export (1).zip")
OTHER_NAMES = ("notes.txt", "Book1.xlsx", "archive.tar.gz", "Shares.csv.txt", "")
SEED_NAMES = sorted({name for files in SEEDS.values() for name, _ in files})
MEMBER_NAMES = st.one_of(
    pick(SEED_NAMES), pick(SEED_NAMES), pick(SEED_NAMES),
    st.sampled_from(["Shares (1).csv", "shares_v2.csv", "Rich Media.csv", "RichMedia.csv",
                     "guide_messages.csv", "Profile Summary.csv", "Endorsements_Given_Info.csv",
                     "Ad_Targeting.csv", "README.txt", ".DS_Store", "._Shares.csv"]),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00/\\"), max_size=20).map(
        lambda stem: stem + ".csv"),
)
FOLDERS = st.sampled_from(["", "", "Export/", "a b/c/", "__MACOSX/", ".hidden/",
                           "Basic_LinkedInDataExport/"])
member_data = pick([data for files in SEEDS.values() for _, data in files]) | (
    st.binary(max_size=512))


def _zip(entries: list[tuple[str, bytes]], deflate: bool) -> bytes:
    buffer = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _is_noise(path: str) -> bool:
    """Folders, macOS resource forks and hidden files: what archive.py documents it skips."""
    parts = [part for part in path.replace("\\", "/").split("/") if part]
    return path.endswith("/") or any(p == "__MACOSX" or p.startswith(".") for p in parts)


Members = dict[str, tuple[str, bytes]]  # shown name -> (path in the zip, bytes)


@st.composite
def built_zips(draw: st.DrawFn) -> tuple[str, bytes, Members | None]:
    """(zip name, zip bytes, its members) built from arbitrary entries; no members when the
    zip's bytes were damaged afterwards."""
    entries = draw(st.lists(st.tuples(st.tuples(FOLDERS, MEMBER_NAMES).map("".join),
                                      member_data | mutated_bytes(member_data, csv_byte_pieces)),
                            max_size=8, unique_by=lambda entry: entry[0]))
    name = draw(st.sampled_from(ZIP_NAMES))
    data = _zip(entries, draw(st.booleans()))
    damaged = _mutate(draw, data, st.binary(max_size=8), MAX_BYTES)
    members = {f"{name}{IN_ZIP}{path}": (path, body) for path, body in entries}
    return name, damaged, members if damaged == data else None


def check_collected(result: Collected | ImportRefused) -> None:
    """What Collected documents: every recognised file, in the order of KINDS (copies of a
    kind together), each of the kind its base name says; or a refusal saying what to do."""
    if isinstance(result, ImportRefused):
        assert isinstance(result.message, str) and result.message
        return
    assert isinstance(result, Collected)
    order = [kind for kind, _ in KINDS]
    kinds = [file.kind for file in result.files]
    assert kinds == sorted(kinds, key=order.index)
    for file in result.files:
        assert isinstance(file, SourceFile) and isinstance(file.data, bytes)
        assert file.kind == kind_of(file.name.split(IN_ZIP)[-1])
    assert all(isinstance(name, str) for name in result.ignored)
    assert all(isinstance(problem, Problem) for problem in result.problems)


@FUZZ
@given(st.lists(st.tuples(pick(ZIP_NAMES + OTHER_NAMES + tuple(SEED_NAMES))
                          | st.text(max_size=20),
                          random_bytes | mutated_bytes(built_zips().map(lambda z: z[1]))),
                max_size=3),
       st.sampled_from([None, 0, 100, 10_000]), st.sampled_from([None, 0, 100, 10_000]))
def test_export_archive_answers_any_bytes(uploads: list[tuple[str, bytes]],
                                          max_upload: int | None,
                                          max_unpacked: int | None) -> None:
    limits = {key: value for key, value in (("max_upload_bytes", max_upload),
                                            ("max_unpacked_bytes", max_unpacked))
              if value is not None}
    chosen = [Upload(name, data) for name, data in uploads]
    check_collected(call("export archive (collect): any bytes",
                         lambda: collect(chosen, **limits)))


def _loose(name: str, data: bytes) -> tuple[str, bytes, Members]:
    return name, data, {name: (name, data)}


@FUZZ
@given(st.lists(built_zips() | st.builds(_loose, MEMBER_NAMES, member_data),
                min_size=1, max_size=3))
def test_export_archive_finds_the_files_of_built_zips(
        uploads: list[tuple[str, bytes, Members | None]]) -> None:
    chosen = [Upload(name, data) for name, data, _ in uploads]
    result = call("export archive (collect): built zips", lambda: collect(chosen))
    check_collected(result)
    if any(not name.lower().endswith((".zip", ".csv")) for name, _, _ in uploads):
        assert isinstance(result, ImportRefused)  # "neither a .zip nor a .csv"
        return
    members: list[tuple[str, str, bytes]] = []  # (shown name, path, bytes) of every upload
    for _, _, written in uploads:
        if written is None:
            return  # a damaged zip: any answer above is fine
        members += [(shown, path, data) for shown, (path, data) in written.items()]
    wanted = [(shown, path, data) for shown, path, data in members
              if not _is_noise(path) and kind_of(path) is not None]
    event(f"intact uploads with {'some' if wanted else 'no'} LinkedIn files")
    if not wanted:
        assert isinstance(result, ImportRefused)
        return
    # Intact uploads: every LinkedIn file found (copies too), with the bytes written.
    assert isinstance(result, Collected) and result.problems == ()
    found = sorted((file.name, file.data) for file in result.files)
    assert found == sorted((shown, data) for shown, _, data in wanted)


# ---- the whole import ---------------------------------------------------------------------------

@st.composite
def small_exports(draw: st.DrawFn) -> tuple[list[Upload], bool]:
    """(uploads, intact): a small generated export, perhaps with damaged members or
    random extra files."""
    spec = dataclasses.replace(
        SMALL_EXPORT, seed=draw(st.integers(0, 2**16)), variant=draw(st.sampled_from(VARIANTS)),
        layout=draw(st.sampled_from(LAYOUTS)), split=draw(st.booleans()),
        macosx=draw(st.booleans()))
    uploads: list[Upload] = []
    intact = True
    for name, data in make_export(spec).uploads:
        if draw(st.booleans()):
            uploads.append(Upload(name, data))
            continue
        intact = False
        if name.lower().endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                entries = [(i.filename, archive.read(i)) for i in archive.infolist()]
            entries = [(n, _mutate(draw, d, csv_byte_pieces, MAX_BYTES)) for n, d in entries]
            data = _zip(entries, deflate=True)
        uploads.append(Upload(name, _mutate(draw, data, csv_byte_pieces, MAX_BYTES)))
    return uploads, intact


@FUZZ
@given(small_exports() | st.lists(built_zips().map(lambda z: Upload(z[0], z[1])), min_size=1,
                                  max_size=2).map(lambda uploads: (uploads, False)))
def test_export_import_answers_any_uploads(case: tuple[list[Upload], bool]) -> None:
    uploads, intact = case
    result = call("export import (read_export)", lambda: read_export(uploads))
    if isinstance(result, ImportRefused):
        assert not intact and isinstance(result.message, str) and result.message
        return
    assert isinstance(result, ExportReading)
    assert all(isinstance(f, FileReport) and f.rows_read >= 0 and f.rows_skipped >= 0
               for f in result.files)
    assert all(isinstance(e, Problem) for e in result.errors)
    assert all(isinstance(p, Problem) for p in result.problems)
    mondays = [w.week for w in result.weeks]
    assert mondays == sorted(set(mondays)) and all(m.weekday() == 0 for m in mondays)
    if result.first_day is not None and result.last_day is not None:
        assert result.first_day <= result.last_day
    if intact:
        assert result.problems == () and result.files


# Found by this fuzzing and fixed: when every countable message of an export was sent by the
# member, aggregate._conversation_openers mapped conversations through an empty datetime
# Series, which pandas refused with TypeError.
MESSAGES_HEADER = "CONVERSATION ID,FROM,SENDER PROFILE URL,DATE,CONTENT"
ONLY_MINE = (f"{MESSAGES_HEADER}\n"
             "1,Ada,https://www.linkedin.com/in/ada,2026-01-05 10:00:00 UTC,hi\n").encode()


@st.composite
def messages_all_mine(draw: st.DrawFn) -> list[Upload]:
    """A messages.csv of 1-10 messages, every one sent by the member."""
    times = draw(st.lists(st.datetimes(dt.datetime(2015, 1, 1), dt.datetime(2026, 11, 20)),
                          min_size=1, max_size=10))
    rows = [f"{draw(st.integers(1, 3))},Ada,https://www.linkedin.com/in/ada,"
            f"{moment:%Y-%m-%d %H:%M:%S} UTC,{draw(st.sampled_from(['hi', 'see you', '']))}"
            for moment in times]
    data = "\n".join([MESSAGES_HEADER, *rows]).encode()
    if draw(st.booleans()):
        return [Upload("messages.csv", data)]
    return [Upload("Complete_LinkedInDataExport.zip", _zip([("messages.csv", data)], True))]


@FUZZ
@example([Upload("messages.csv", ONLY_MINE)])
@given(messages_all_mine())
def test_export_import_answers_messages_all_sent_by_the_member(uploads: list[Upload]) -> None:
    result = call("export import (read_export): messages all sent by the member",
                  lambda: read_export(uploads))
    assert isinstance(result, ExportReading)


# ---- 6. post analytics workbooks ----------------------------------------------------------------

@FUZZ
@given(mutated_workbook())
def test_post_analytics_workbooks_are_read_or_refused_merged_and_stored(data: bytes) -> None:
    """A mutated workbook (flipped bytes, cut short, rows dropped, cells altered, sheets
    renamed) is read or refused, never raises; what is read merges and survives storage."""
    uploads = [Upload("AggregateAnalytics_Ada Example_2025-10-22_2025-11-10.xlsx", data)]
    reading = call("post analytics workbook", lambda: read_all(uploads), len(data))
    assert len(reading.files) + len(reading.refused) == 1
    merged = plan_merge(PostAnalytics(), reading).result
    stored = json.loads(json.dumps(posts_to_data(merged)))
    assert posts_from_data(stored) == merged
