"""The team's part of the document as JSON (schema v9): each team member compactly, and the
team's target.

A coach of 300 people keeps 300 × 36 monthly check-ins and a year of weekly activity each,
and localStorage holds about 5 MB (the document is stored twice: the document and its last
good copy). Stored one record per check-in or week, as the member's own are, that team takes
about 5 MB; so a member's check-ins are stored as columns: the first date, the gaps in days
after it, and one list per field, with scores and averages as integer thousandths (a value
with more decimals is kept as the number it is) and a field nobody in the list gave left
out. Weekly activity is the first Monday, the gaps in weeks, and one list per measure logged
(null where a week did not log it). A person is

    {"name": …, "saved_on": "2026-11-20", "checkins": {"start": …, "days": […], "brand": […],
     …}, "target": {…}, "tags": […], "activity": {"start": …, "weeks": […], "counts": {…}}}

with target, tags and activity left out when not set. Columns are turned back into the
record form the member's own check-ins and weeks use, so decoding runs exactly the checks
every stored check-in and week passes (codec.py, activity_codec.py). Before v9 a person's
check-ins were a list of those records: still read as they are.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import CorruptDocument, InvalidRecord
from ..model import (
    MAX_TAG,
    MAX_TAGS,
    MEASURE_KEYS,
    PILLAR_KEYS,
    CheckIn,
    Person,
    Target,
    WeekLog,
    tidy_tag,
)
from .activity_codec import weeks_from_data
from .checks import iso_date, known_keys, require

Data = dict[str, Any]
# Fields of a check-in record held as thousandths; peers' averages are {pillar: score}.
_SCALED = frozenset({*PILLAR_KEYS, "industry_average", "network_average"})
_PEERS = frozenset({"industry_peers", "network_peers"})
_LARGEST = 10**18  # thousandths beyond any score or average
_PERSON_FIELDS = {"name", "saved_on", "checkins", "target", "tags", "activity"}


# ---- numbers --------------------------------------------------------------------------------

def _scaled(value: Any) -> Any:
    """A score as integer thousandths when that is exact, else the number as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return value  # not a number: left for the record checks to refuse
    thousandths = round(value * 1000)
    return thousandths if thousandths / 1000 == value else value


def _unscaled(value: Any, where: str) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        require(abs(value) <= _LARGEST, f"{where}: a score is far too large.")
        return value / 1000
    return value  # a number kept as it was, or anything else for the record checks


def _cell_to_data(name: str, value: Any) -> Any:
    if name in _SCALED:
        return _scaled(value)
    if name in _PEERS:
        return [_scaled(value[key]) for key in PILLAR_KEYS]
    return value


def _cell_from_data(name: str, value: Any, where: str) -> Any:
    if name in _SCALED:
        return _unscaled(value, where)
    if name in _PEERS:
        require(isinstance(value, list) and len(value) == len(PILLAR_KEYS),
                f"{where}: the peers' averages are not four scores.")
        return {key: _unscaled(v, where) for key, v in zip(PILLAR_KEYS, value, strict=True)}
    return value


# ---- check-ins as columns -------------------------------------------------------------------

def checkins_to_columns(records: Sequence[Data]) -> Data:
    """Check-in records (codec.checkin_to_data's, oldest first) as columns."""
    if not records:
        return {"days": []}
    dates = [dt.date.fromisoformat(r["date"]) for r in records]
    columns: Data = {"start": records[0]["date"],
                     "days": [0] + [(b - a).days for a, b in itertools.pairwise(dates)]}
    names = dict.fromkeys(name for r in records for name in r if name != "date")
    for name in names:  # in the order the records first give them
        columns[name] = [None if name not in r else _cell_to_data(name, r[name])
                         for r in records]
    return columns


def columns_to_records(columns: Any, where: str) -> list[Data]:
    """Columns back as check-in records, for the record checks; raises CorruptDocument for
    columns that are not columns."""
    require(isinstance(columns, dict), f"{where}: the check-ins are not a record.")
    days = columns.get("days")
    require(isinstance(days, list) and all(_is_gap(d) for d in days),
            f"{where}: the check-ins' days are not a list of whole days.")
    if not days:
        require(set(columns) == {"days"}, f"{where}: check-in fields without check-ins.")
        return []
    day = iso_date(columns.get("start"), f"{where}: the first check-in's date")
    records: list[Data] = []
    for gap in days:
        require(gap <= (dt.date.max - day).days, f"{where}: a check-in is dated past 9999.")
        day += dt.timedelta(days=gap)
        records.append({"date": day.isoformat()})
    for name, column in columns.items():
        if name in ("start", "days"):
            continue
        require(isinstance(column, list) and len(column) == len(days),
                f"{where}: the column “{name}” does not hold one value per check-in.")
        for record, value in zip(records, column, strict=True):
            if value is not None:
                record[name] = _cell_from_data(name, value, f"{where} ({record['date']})")
    return records


def _is_gap(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# ---- weekly activity as columns -------------------------------------------------------------

def weeks_to_columns(weeks: Sequence[WeekLog]) -> Data:
    mondays = [w.week for w in weeks]
    keys = [k for k in MEASURE_KEYS if any(k in w.counts for w in weeks)]
    return {"start": mondays[0].isoformat(),
            "weeks": [0] + [(b - a).days // 7 for a, b in itertools.pairwise(mondays)],
            "counts": {k: [w.counts.get(k) for w in weeks] for k in keys}}


def weeks_from_columns(columns: Any, where: str) -> tuple[WeekLog, ...]:
    require(isinstance(columns, dict), f"{where}: the shared activity is not a record.")
    known_keys(columns, {"start", "weeks", "counts"}, f"{where}: the shared activity")
    gaps, counts = columns.get("weeks"), columns.get("counts")
    require(isinstance(gaps, list) and len(gaps) > 0 and all(_is_gap(g) for g in gaps)
            and 0 not in gaps[1:], f"{where}: the shared weeks are not one a week, in order.")
    require(isinstance(counts, dict) and all(isinstance(c, list) and len(c) == len(gaps)
                                             for c in counts.values()),
            f"{where}: the shared counts do not hold one value per week.")
    monday = iso_date(columns.get("start"), f"{where}: the first shared week")
    records = []
    for index, gap in enumerate(gaps):
        require(gap <= (dt.date.max - monday).days // 7, f"{where}: a week is past 9999.")
        monday += dt.timedelta(weeks=gap)
        records.append({"week": monday.isoformat(),
                        "counts": {k: c[index] for k, c in counts.items()
                                   if c[index] is not None}})
    return weeks_from_data(records, f"{where}'s shared activity")


# ---- targets and tags -----------------------------------------------------------------------

def target_to_data(target: Target | None) -> Data | None:
    if target is None:
        return None
    data: Data = {"by": target.by.isoformat()}
    if target.total is not None:
        data["total"] = target.total
    if target.pillars:
        data["pillars"] = {key: target.pillars[key] for key in PILLAR_KEYS
                           if key in target.pillars}
    if target.set_on is not None:
        data["set_on"] = target.set_on.isoformat()
    return data


def _target_number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(
            value):
        raise InvalidRecord(f"{what} is not a number.")
    return value


def target_from_data(record: Any, where: str) -> Target | None:
    if record is None:
        return None
    require(isinstance(record, dict), f"{where} is not a record.")
    known_keys(record, {"by", "total", "pillars", "set_on"}, where)
    pillars = record.get("pillars", {})
    require(isinstance(pillars, dict), f"{where}: the pillar targets are not a record.")
    total = record.get("total")
    set_on = record.get("set_on")
    try:
        return Target(
            iso_date(record.get("by"), f"{where}: the date"),
            None if total is None else _target_number(total, f"{where}: the total"),
            {key: _target_number(v, f"{where}: {key}") for key, v in pillars.items()},
            None if set_on is None else iso_date(set_on, f"{where}: the day it was set"))
    except ValueError as error:
        raise InvalidRecord(f"{where}: {error}.") from None


def tags_from_data(value: Any, where: str) -> tuple[str, ...]:
    require(isinstance(value, list) and all(isinstance(t, str) for t in value),
            f"{where}: the tags are not a list of texts.")
    if len(value) > MAX_TAGS or any(not t or len(t) > MAX_TAG or tidy_tag(t) != t
                                    for t in value):
        raise InvalidRecord(f"{where}: at most {MAX_TAGS} tags of 1 to {MAX_TAG} characters, "
                            "tidied.")
    return tuple(value)


# ---- a person -------------------------------------------------------------------------------

def person_to_data(person: Person, checkin_to_data: Callable[[CheckIn], Data]) -> Data:
    data: Data = {"name": person.name, "saved_on": person.saved_on.isoformat(),
                  "checkins": checkins_to_columns([checkin_to_data(c)
                                                   for c in person.checkins])}
    if person.target is not None:
        data["target"] = target_to_data(person.target)
    if person.tags:
        data["tags"] = list(person.tags)
    if person.activity:
        data["activity"] = weeks_to_columns(person.activity)
    return data


def person_from_data(record: Any, number: int,
                     checkins_from_data: Callable[[Any, str], tuple[CheckIn, ...]]) -> Person:
    """A person as any version stored them: check-ins as records (before v9) or columns."""
    if not isinstance(record, dict) or not isinstance(record.get("name"), str):
        raise CorruptDocument(f"Person {number} has no name.")
    name = record["name"]
    known_keys(record, _PERSON_FIELDS, f"Person {number} ({name})")
    try:
        saved_on = dt.date.fromisoformat(record["saved_on"])
    except (KeyError, TypeError, ValueError):
        raise InvalidRecord(f"Person {number} ({name}) has no valid date.") from None
    where = f"{name}'s check-in"
    checkins = record.get("checkins")
    if isinstance(checkins, dict):
        checkins = columns_to_records(checkins, f"{name}'s check-ins")
    activity = record.get("activity")
    try:
        return Person(
            name, checkins_from_data(checkins, where), saved_on,
            target=target_from_data(record.get("target"), f"{name}'s target"),
            tags=tags_from_data(record.get("tags", []), name),
            activity=() if activity is None else weeks_from_columns(activity, name))
    except ValueError as error:  # the Person's own rules: tags once each
        raise InvalidRecord(f"Person {number} ({name}): {error}.") from None
