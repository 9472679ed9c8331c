"""The document as JSON: encode, and decode with every record checked.

Decoding is strict about types (a pillar must be a number, not text) and runs the same
record rules as the form, so stored or restored data can never hold a check-in the form
would refuse. Problems raise DocumentError subclasses whose message names the record.
"""

from __future__ import annotations

import datetime as dt
import itertools
from json import dumps, loads
from typing import Any

from ..checkins.validation import (
    EVENTS_FIELD,
    RECORD_LABELS,
    check_record,
    peers_label,
    status_field,
)
from ..errors import CorruptDocument, InvalidRecord
from ..model import (
    PEER_GROUPS,
    PILLAR_KEYS,
    PILLARS,
    CheckIn,
    Document,
    PeerAverages,
    PeerGroup,
)
from .accounts_codec import accounts_from_data, accounts_to_data
from .activity_codec import (
    activity_to_data,
    checklist_from_data,
    goal_from_data,
    held_fit_from_data,
    held_fit_to_data,
    imports_to_data,
    network_from_data,
    optional_date_from_data,
    plan_from_data,
    week_sources_from_data,
    weeks_from_data,
)
from .migrations import MIGRATIONS, Data, Migration, migrate, schema_version
from .posts_codec import posts_from_data, posts_to_data
from .team_codec import person_from_data, person_to_data, target_from_data, target_to_data

_OPTIONAL_NUMBERS = ("industry_rank", "network_rank", "industry_average", "network_average")
_TEXTS = ("industry", "note")
_STATUSES = tuple(status_field(group) for group in PEER_GROUPS)


def checkin_to_data(checkin: CheckIn) -> Data:
    """A check-in as JSON: optional fields not given are left out, which keeps the document
    small; peer averages are {"brand": …, "people": …, "insights": …, "relationships": …}."""
    data: Data = {"date": checkin.on.isoformat()}
    data.update({key: getattr(checkin, key) for key in PILLAR_KEYS})
    for name in (*_OPTIONAL_NUMBERS, *_TEXTS):
        value = getattr(checkin, name)
        if value not in (None, ""):
            data[name] = value
    for group in PEER_GROUPS:
        peers = checkin.peers(group)
        if peers is not None:
            data[f"{group.key}_peers"] = {key: getattr(peers, key) for key in PILLAR_KEYS}
    for name in _STATUSES:
        if getattr(checkin, name):
            data[name] = getattr(checkin, name)
    if checkin.events:
        data[EVENTS_FIELD] = list(checkin.events)
    return data


def document_to_data(document: Document) -> Data:
    return {
        "schema_version": schema_version(),
        "checkins": [checkin_to_data(c) for c in document.checkins],
        "people": [person_to_data(p, checkin_to_data) for p in document.people],
        **activity_to_data(document.weeks, document.checklist, document.plan, document.goal),
        **imports_to_data(document),
        "held_fit": held_fit_to_data(document.held_fit),
        "posts": posts_to_data(document.posts),
        "accounts": accounts_to_data(document.accounts),
        "team_target": target_to_data(document.team_target),
    }


def encode(document: Document, *, indent: int | None = None) -> str:
    return dumps(document_to_data(document), ensure_ascii=False, indent=indent,
                      separators=None if indent else (",", ":"))


def parse_json(text: str) -> Data:
    try:
        data = loads(text)
    except ValueError as error:
        raise CorruptDocument(f"The data is not valid JSON ({error}).") from None
    if not isinstance(data, dict):
        raise CorruptDocument("The data is JSON, but not an ssi-coach document.")
    try:  # JSON may spell half a character ("\\udd1d"): text that could not be saved again
        dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise CorruptDocument("The data holds text that is not valid Unicode.") from None
    return data


def decode(text: str, migrations: tuple[Migration, ...] = MIGRATIONS) -> tuple[Document, list[str]]:
    """A Document from its JSON text, migrated to the newest format, with migrations applied."""
    data, applied = migrate(parse_json(text), migrations)
    return data_to_document(data), applied


def data_to_document(data: Data) -> Document:
    people = data.get("people", [])
    if not isinstance(people, list):
        raise CorruptDocument("The data's list of people is not a list.")
    return Document(
        _checkins_from_data(data.get("checkins"), "Check-in"),
        tuple(person_from_data(p, n, _checkins_from_data) for n, p in enumerate(people, 1)),
        weeks=weeks_from_data(data.get("weeks", [])),
        checklist=checklist_from_data(data.get("checklist")),
        plan=plan_from_data(data.get("plan")),
        goal=goal_from_data(data.get("goal")),
        imported=weeks_from_data(data.get("imported", []), "Imported activity"),
        week_sources=week_sources_from_data(data.get("week_sources", {})),
        network=network_from_data(data.get("network")),
        imported_on=optional_date_from_data(data.get("imported_on"), "The last import's date"),
        held_fit=held_fit_from_data(data.get("held_fit")),
        posts=posts_from_data(data.get("posts")),
        accounts=accounts_from_data(data.get("accounts")),
        team_target=target_from_data(data.get("team_target"), "The team's target"),
    )


def _checkins_from_data(records: Any, what: str) -> tuple[CheckIn, ...]:
    if not isinstance(records, list):
        raise CorruptDocument("The data has no list of check-ins.")
    checkins = [_checkin_from_data(r, f"{what} {n}") for n, r in enumerate(records, 1)]
    checkins.sort(key=lambda c: c.on)
    for earlier, later in itertools.pairwise(checkins):
        if earlier.on == later.on:
            raise InvalidRecord(f"Two check-ins share the date {later.on.isoformat()}.")
    return tuple(checkins)


def _checkin_from_data(record: Any, where: str) -> CheckIn:
    if not isinstance(record, dict):
        raise CorruptDocument(f"{where} is not a record.")
    try:
        on = dt.date.fromisoformat(record["date"])
    except (KeyError, TypeError, ValueError):
        raise InvalidRecord(f"{where} has no valid date.") from None
    where = f"{where} ({on.isoformat()})"
    fields: dict[str, Any] = {}
    for key in PILLAR_KEYS:
        fields[key] = _number(record.get(key), f"{where}: {RECORD_LABELS[key]}", required=True)
    for name in _OPTIONAL_NUMBERS:
        fields[name] = _number(record.get(name), f"{where}: {RECORD_LABELS[name]}", required=False)
    for name in (*_TEXTS, *_STATUSES):
        value = record.get(name, "")
        if not isinstance(value, str):
            raise InvalidRecord(f"{where}: {RECORD_LABELS[name]} is not text.")
        fields[name] = value
    for group in PEER_GROUPS:
        fields[f"{group.key}_peers"] = _peers(record.get(f"{group.key}_peers"), group, where)
    fields[EVENTS_FIELD] = _events(record.get(EVENTS_FIELD, []), where)
    checkin = CheckIn(on=on, **fields)
    problems = check_record(checkin)
    if problems:
        first = problems[0]
        raise InvalidRecord(f"{where}: {RECORD_LABELS[first.field]}: {first.message}")
    return checkin


def _peers(value: Any, group: PeerGroup, where: str) -> PeerAverages | None:
    """A group's averages: absent or null when not given, else an object of the four pillars."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InvalidRecord(f"{where}: {peers_label(group)} is not a record of the four pillars.")
    scores = {p.key: _number(value.get(p.key), f"{where}: {RECORD_LABELS[group.field_name(p)]}",
                             required=True) for p in PILLARS}
    return PeerAverages(**scores)  # type: ignore[arg-type]


def _events(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        raise InvalidRecord(f"{where}: {RECORD_LABELS[EVENTS_FIELD]} is not a list of events.")
    return tuple(value)


_LARGEST = 10**15  # beyond any score, rank or average; JSON integers can be of any size


def _number(value: Any, what: str, *, required: bool) -> float | int | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidRecord(f"{what} is missing or not a number.")
    if isinstance(value, int) and abs(value) > _LARGEST:
        raise InvalidRecord(f"{what} is far too large.")  # float() of it would overflow
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidRecord(f"{what} is not a finite number.")
    return value
