"""Import a LinkedIn data export: the member's zip(s) or loose CSVs in, an `ExportReading`
out (weekly activity counts, profile checklist facts, a network summary and a report of
every file read, skipped row and unusable file), or an `ImportRefused` when the upload is
not a LinkedIn export at all. Everything happens in memory and nothing is saved here; the
stages and the counting rules are in README.md next to this file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...model import Problem
from .types import ExportReading, FileReport, ImportRefused, Progress, Table, Upload

__all__ = ["ExportReading", "ImportRefused", "Progress", "Upload", "import_steps",
           "read_export"]

if TYPE_CHECKING:
    from .copies import Copy
    from .parsers import Parsed

Step = Progress | ExportReading | ImportRefused

# The stages are imported when an import starts, not with the package: the browser loads
# pandas only then, and the page may import `types` (or `activity.export_merge`) long before.


def import_steps(uploads: Sequence[Upload]) -> Iterator[Step]:
    """The import, one step at a time, for a page that must stay responsive: a Progress
    before each file is read and parsed and before the counting, then exactly one
    ExportReading or ImportRefused."""
    from . import archive, csvfile
    from .copies import Copy
    from .parsers import parse

    collected = archive.collect(uploads)
    if isinstance(collected, ImportRefused):
        yield collected
        return
    total = len(collected.files) + 1
    copies: dict[str, list[Copy]] = {}
    problems: list[Problem] = list(collected.problems)
    for done, source in enumerate(collected.files):
        yield Progress(done, total, f"Reading {_base_name(source.name)}")
        table = csvfile.read_table(source)
        if isinstance(table, Problem):
            problems.append(table)
            continue
        result = parse(table)
        if result.problem is not None:  # like a file csvfile could not use: not in `files`
            problems.append(result.problem)
        else:
            result = replace(result, notes=_text_notes(table) + result.notes)
            copies.setdefault(source.kind, []).append(Copy(table, result))
    yield Progress(total - 1, total, "Counting your weeks")
    parsed, duplicates = _one_per_kind(copies)
    yield _reading(parsed, tuple(collected.ignored), tuple(problems), duplicates)


def _text_notes(table: Table) -> tuple[str, ...]:
    """What the report says about a file saved again by a spreadsheet program: LinkedIn
    writes UTF-8 with commas (UTF-16 with TABs in 2018)."""
    found = []
    if table.encoding == "windows-1252":
        found.append("text encoded as Windows-1252 (saved by a spreadsheet program)")
    if table.delimiter == ";" or (table.delimiter == "\t" and table.encoding != "utf-16-le"):
        name = "semicolons" if table.delimiter == ";" else "tabs"
        found.append(f"fields separated by {name} (saved by a spreadsheet program)")
    return tuple(found)


def _one_per_kind(copies: Mapping[str, Sequence[Copy]]) -> tuple[list[Parsed], tuple[str, ...]]:
    """One parse per kind of file, the copies of a kind merged, and what the report says
    about each merge."""
    from .copies import merge_copies

    parsed: list[Parsed] = []
    notes: list[str] = []
    for found in copies.values():
        if len(found) == 1:
            parsed.append(found[0].parsed)
            continue
        merged = merge_copies(found)
        parsed.append(merged.parsed)
        notes.append(merged.note)
    return parsed, tuple(notes)


def read_export(uploads: Sequence[Upload]) -> ExportReading | ImportRefused:
    """The whole import at once (tests, benchmarks): the last step of `import_steps`."""
    result: ExportReading | ImportRefused = ImportRefused("Nothing was imported.")
    for step in import_steps(uploads):
        if not isinstance(step, Progress):
            result = step
    return result


def _base_name(name: str) -> str:
    """`messages.csv` of `Complete_….zip › Export/messages.csv`: short enough for a status."""
    return re.split(r"[/\\]| › ", name)[-1]


def _reading(parsed: Sequence[Parsed], ignored: tuple[str, ...],
             problems: tuple[Problem, ...], duplicates: tuple[str, ...]) -> ExportReading:
    from .aggregate import aggregate

    summary = aggregate(parsed)
    errors: tuple[Problem, ...] = tuple(e for p in parsed for e in p.errors)
    files = tuple(FileReport(p.file, p.kind, p.rows_read, p.rows_skipped, p.notes)
                  for p in parsed)
    return ExportReading(files=files, ignored=ignored, errors=errors, problems=problems,
                         duplicates=duplicates,
                         weeks=summary.weeks, first_day=summary.first_day,
                         last_day=summary.last_day, checklist=summary.checklist,
                         checklist_evidence=summary.checklist_evidence,
                         network=summary.network, people=summary.people)
