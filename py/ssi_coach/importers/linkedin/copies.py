"""The same kind of file more than once in one import: read every copy, count each row once.

Members upload what they have: the Basic and the Complete zip of one request (both may hold
`Connections.csv`), a zip next to a loose copy of a file they opened, one file in two
encodings, or an export whose file came in two parts. Every copy is read and parsed; then the
copies are merged row by row so that no row is counted twice:

- A row is identified by what it says: its date as read (so `09 Jul 2026` and a spreadsheet's
  `7/9/2026` are the same day) and the text of every other column both copies have.
- The fullest copy (most rows read; on a tie the copy `archive.collect` prefers: from a
  "Complete" zip, else the later upload) is taken whole. Each other copy adds only the rows
  it holds more often than the copies before it, so a row that is in both counts once, while
  a file's own repeated rows (two identical reactions) keep their number.
- The report says which happened: the fuller copy was used and the others add nothing, or
  the copies were merged and how many rows came from each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from .csvfile import squash
from .parsers import Parsed
from .types import Table

# Columns whose text is a date or time: compared as the parsed day or instant instead, since a
# spreadsheet rewrites them (`Connected On`, `Sent At`, messages' `DATE`...).
DATE_COLUMNS = frozenset(squash(name) for name in (
    "Date", "Connected On", "Sent At", "Time", "Creation Date", "Endorsement Date",
    "Started On", "Finished On", "Start Date", "End Date", "Date/Time", "Issued On",
    "Published On", "Created Time", "Followed On"))


@dataclass(frozen=True, eq=False)
class Copy:
    """One copy of a file: its table and what its kind's parser made of it."""

    table: Table
    parsed: Parsed


@dataclass(frozen=True, eq=False)
class Merged:
    """The copies of one kind as one parse, and the sentence the report shows about them."""

    parsed: Parsed
    note: str


def merge_copies(copies: Sequence[Copy]) -> Merged:
    """Every copy of one kind of file as one parse in which each row counts once.
    `copies` are in `archive.collect`'s order of preference (the first wins a tie)."""
    ordered = sorted(copies, key=lambda copy: -copy.parsed.rows_read)  # stable: keeps ties
    shared = _shared_columns(ordered)
    seen: Counter[Hashable] = Counter()
    frames: list[pd.DataFrame] = []
    added: list[int] = []
    for copy in ordered:
        keys = fingerprints(copy, shared)
        keep = _new_rows(keys, seen)
        seen |= Counter(keys)
        frames.append(copy.parsed.events[keep])
        added.append(sum(keep))
    primary = ordered[0].parsed
    events = pd.concat(frames, ignore_index=True)
    if "conversation" in events:
        events["conversation"] = _conversations(ordered, frames)
    errors = tuple(error for copy in ordered for error in copy.parsed.errors)
    notes = tuple(dict.fromkeys(f"{copy.parsed.file}: {note}" for copy in ordered
                                for note in copy.parsed.notes))
    parsed = replace(primary, events=events, rows_read=primary.rows_read + sum(added[1:]),
                     errors=errors, notes=notes)
    return Merged(parsed, _note(ordered, added))


def fingerprints(copy: Copy, shared: Sequence[str]) -> list[Hashable]:
    """What each row of the copy's events says: its date as parsed and its other columns."""
    events = copy.parsed.events
    index = {line: i for i, line in enumerate(copy.table.lines)}
    when = _dates(events)
    records = [index.get(int(line), -1) for line in events["line"]]
    columns = [copy.table.columns[key] for key in shared]
    return [(day, tuple(values[i] if i >= 0 else "" for values in columns))
            for day, i in zip(when, records, strict=True)]


def _dates(events: pd.DataFrame) -> list[str]:
    for name in ("at", "on"):
        if name in events:
            return ["" if pd.isna(value) else str(value) for value in events[name]]
    return [""] * len(events)


def _shared_columns(copies: Sequence[Copy]) -> list[str]:
    """The non-date columns every copy has (an older copy may lack a newer column)."""
    names = [set(copy.table.columns) for copy in copies]
    common = set.intersection(*names) if names else set()
    return sorted(key for key in common if squash(key) not in DATE_COLUMNS)


def _new_rows(keys: Sequence[Hashable], seen: Counter[Hashable]) -> list[bool]:
    """Which rows a copy adds: the occurrences of a row beyond those already counted."""
    mine: Counter[Hashable] = Counter()
    keep = []
    for key in keys:
        mine[key] += 1
        keep.append(mine[key] > seen[key])
    return keep


def _conversations(copies: Sequence[Copy], frames: Sequence[pd.DataFrame]) -> pd.Series:
    """One number per conversation across the copies: each parser numbered its own file's
    conversation ids, so the ids themselves are looked up again and numbered together."""
    ids: list[str] = []
    for copy, frame in zip(copies, frames, strict=True):
        column = next((key for key in copy.table.columns if squash(key) == "conversationid"),
                      None)
        index = {line: i for i, line in enumerate(copy.table.lines)}
        values = copy.table.columns[column] if column else []
        ids += [values[index[int(line)]] if column else "" for line in frame["line"]]
    return pd.Series(pd.factorize(pd.Series(ids, dtype=object))[0], dtype="int64")


def _note(copies: Sequence[Copy], added: Sequence[int]) -> str:
    names = [copy.parsed.file for copy in copies]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    if not any(added[1:]):
        others = "holds" if len(names) == 2 else "hold"
        rest = " and ".join(names[1:])
        return (f"The same file came {_times(len(names))} ({listed}): the fullest copy, "
                f"{names[0]}, was used; {rest} {others} no row it lacks, so nothing was "
                "counted twice.")
    parts = "; ".join(f"{count:,} from {name}" for name, count in zip(names, added, strict=True))
    return (f"The same file came {_times(len(names))} ({listed}): the copies were merged and "
            f"each row counted once ({parts}).")


def _times(count: int) -> str:
    return {2: "twice", 3: "three times"}.get(count, f"{count} times")
