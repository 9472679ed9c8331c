"""Turning what a person typed into a CheckIn, or into errors that say what to fix.

Two layers, so every source of check-ins (the form, stored data, imports, backups, share
links) shares the rules:
- parsers turn one field's text into a value, or an error about that text (`read_peers` reads
  a peer group's four fields, all or none, for the form and the CSV reader alike);
- rules look at a whole CheckIn and return the errors they find (an empty list when fine).
Nothing here raises on bad input: errors are returned, each naming its field.

The form's text fields are FORM_FIELDS (labels in FIELD_LABELS); its event checkboxes are
EVENT_FIELDS, "on" when ticked and "" when not. A rule about the record's list of events
names the field "events", which no form field shows: RECORD_LABELS labels every field a rule
or reader can name.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..errors import InvalidText
from ..model import (
    EVENT_KEYS,
    EVENTS,
    PEER_GROUPS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    CheckIn,
    Document,
    Event,
    FieldError,
    PeerAverages,
    PeerGroup,
    Pillar,
)

FIRST_SSI_DATE = dt.date(2014, 1, 1)  # LinkedIn introduced SSI in 2014
MAX_DECIMALS = 3  # LinkedIn shows pillars with up to 3 decimals
MAX_INDUSTRY_LENGTH = 120
MAX_NOTE_LENGTH = 2000
MAX_STATUS_LENGTH = 120  # the page's weekly line, e.g. "No change in the last week"
EVENTS_FIELD = "events"  # what a rule about a record's list of events names


def status_field(group: PeerGroup) -> str:
    """The form's field (and CheckIn's attribute) for the group's weekly status line."""
    return f"{group.key}_status"


def event_field(event: Event) -> str:
    """The form's checkbox for `event`: "on" when ticked, "" when not."""
    return f"event_{event.key}"


def peers_label(group: PeerGroup) -> str:
    """The name of a group's four averages taken together, e.g. "Industry pillar averages"."""
    return f"{group.label} pillar averages"


def _peer_field_label(group: PeerGroup, pillar: Pillar) -> str:
    return f"{group.label} average: {pillar.label}"


FIELD_LABELS: dict[str, str] = {
    "date": "Date",
    **{p.key: p.label for p in PILLARS},
    "industry_rank": "Industry SSI rank",
    "network_rank": "Network SSI rank",
    "industry_average": "Industry average SSI",
    "network_average": "Network average SSI",
    "industry": "Industry",
    "note": "Note",
    **{group.field_name(pillar): _peer_field_label(group, pillar)
       for group in PEER_GROUPS for pillar in PILLARS},
    **{status_field(group): f"{group.label} status" for group in PEER_GROUPS},
}
FORM_FIELDS = tuple(FIELD_LABELS)  # the form's text inputs, in the page's order
EVENT_FIELDS = tuple(event_field(event) for event in EVENTS)  # the form's checkboxes
PEER_FIELDS: dict[str, tuple[PeerGroup, Pillar]] = {
    group.field_name(pillar): (group, pillar) for group in PEER_GROUPS for pillar in PILLARS}
RECORD_LABELS: dict[str, str] = {
    **FIELD_LABELS, **{event_field(e): e.label for e in EVENTS}, EVENTS_FIELD: "Events"}
_STATUS_FIELDS = tuple(status_field(group) for group in PEER_GROUPS)


@dataclass(frozen=True)
class FormResult:
    """A valid check-in, or the errors that stop it from being one."""

    checkin: CheckIn | None
    errors: tuple[FieldError, ...]


# ---- parsers: one field's text -> value ------------------------------------------------

_NUMBER = re.compile(r"^-?(?:\d+(?:[.,]\d*)?|[.,]\d+)$")
_RANK = re.compile(r"^(?:top\s*)?(-?\d+(?:[.,]\d+)?)\s*%?$", re.IGNORECASE)


def parse_number(text: str) -> float:
    """'12.5', '12,5' or ' 12 ' -> float; at most three decimals."""
    cleaned = text.strip().replace(" ", "")
    if not _NUMBER.match(cleaned):
        raise InvalidText(f"“{text.strip()}” is not a number. Use digits, like 12.5 or 12,5.")
    _whole, _, decimals = cleaned.replace(",", ".").partition(".")
    if len(decimals) > MAX_DECIMALS:
        raise InvalidText(f"Use at most {MAX_DECIMALS} decimals, as LinkedIn does (e.g. 12.275).")
    return float(cleaned.replace(",", "."))


def parse_rank(text: str) -> int:
    """'5', '5%' or 'Top 5%' -> 5."""
    match = _RANK.match(text.strip())
    if not match:
        raise InvalidText(f"“{text.strip()}” is not a rank. Type the N of “Top N%”, e.g. 12.")
    value = float(match.group(1).replace(",", "."))
    if not math.isfinite(value) or value > 1_000_000:  # 400 digits read as infinity
        raise InvalidText(f"“{text.strip()}” is not a rank. Type the N of “Top N%”, e.g. 12.")
    if value != int(value):
        raise InvalidText("A rank is a whole number: LinkedIn shows “Top N%” without decimals.")
    return int(value)


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidText("Enter the date as YYYY-MM-DD, e.g. 2026-11-03.") from None


def _parse_field(
    form: Mapping[str, str], name: str, parser: Callable[[str], object], required: bool,
    errors: list[FieldError],
) -> object | None:
    text = (form.get(name) or "").strip()
    if not text:
        if required:
            errors.append(FieldError(name, _required_message(name)))
        return None
    try:
        return parser(text)
    except InvalidText as invalid:
        errors.append(FieldError(name, str(invalid)))
        return None


def read_peers(
    texts: Mapping[str, str], group: PeerGroup, errors: list[FieldError],
) -> PeerAverages | None:
    """The group's four averages from their fields' text (`group.field_name(pillar)`): None
    when all four are empty. A group is all four or none, so a partly filled one gets an
    error on each empty field; a field that is empty or does not parse holds 0 as a stand-in,
    so the rules can still judge the others (the caller drops the stand-ins' verdicts)."""
    cells = {p.key: (texts.get(group.field_name(p)) or "").strip() for p in PILLARS}
    if not any(cells.values()):
        return None
    values: dict[str, float] = {}
    for pillar in PILLARS:
        name, text = group.field_name(pillar), cells[pillar.key]
        values[pillar.key] = 0.0
        if not text:
            errors.append(FieldError(name, f"Fill in all four {group.label.lower()} averages "
                                           "or none of them; this one is empty."))
            continue
        try:
            values[pillar.key] = parse_number(text)
        except InvalidText as invalid:
            errors.append(FieldError(name, str(invalid)))
    return PeerAverages(**values)


def _required_message(name: str) -> str:
    if name == "date":
        return "Enter the date you read the score."
    return f"Required: the score LinkedIn shows for this pillar (0 to {PILLAR_MAX})."


# ---- rules: a whole CheckIn -> errors ------------------------------------------------

Rule = Callable[[CheckIn], list[FieldError]]


def _has_at_most_decimals(value: float, places: int) -> bool:
    return abs(round(value, places) - value) < 1e-9


def _pillar_score_errors(name: str, score: float, what: str) -> list[FieldError]:
    if not 0 <= score <= PILLAR_MAX:
        return [FieldError(name, f"{what} is between 0 and {PILLAR_MAX}; this is {score:g}.")]
    if not _has_at_most_decimals(score, MAX_DECIMALS):
        return [FieldError(name, f"Use at most {MAX_DECIMALS} decimals.")]
    return []


def pillars_in_range(checkin: CheckIn) -> list[FieldError]:
    return [error for pillar in PILLARS for error in _pillar_score_errors(
        pillar.key, checkin.score_of(pillar), "A pillar score")]


def peers_in_range(checkin: CheckIn) -> list[FieldError]:
    """Each peer group's averages are pillar scores too: 0 to 25, at most 3 decimals."""
    errors = []
    for group in PEER_GROUPS:
        peers = checkin.peers(group)
        if peers is not None:
            errors += [error for pillar in PILLARS for error in _pillar_score_errors(
                group.field_name(pillar), peers.score_of(pillar), "A pillar's average")]
    return errors


def ranks_in_range(checkin: CheckIn) -> list[FieldError]:
    errors = []
    for name in ("industry_rank", "network_rank"):
        rank = getattr(checkin, name)
        if rank is not None and not (isinstance(rank, int) and 1 <= rank <= 100):
            errors.append(FieldError(name, f"A rank is “Top N%” with N from 1 to 100 (1 is best); "
                                           f"this is {rank}."))
    return errors


def averages_in_range(checkin: CheckIn) -> list[FieldError]:
    errors = []
    for name in ("industry_average", "network_average"):
        average = getattr(checkin, name)
        if average is not None and not 0 <= average <= TOTAL_MAX:
            errors.append(FieldError(name, f"An average SSI is between 0 and {TOTAL_MAX}; "
                                           f"this is {average:g}."))
        elif average is not None and not _has_at_most_decimals(average, MAX_DECIMALS):
            errors.append(FieldError(name, f"Use at most {MAX_DECIMALS} decimals."))
    return errors


_TEXT_LIMITS = (("industry", MAX_INDUSTRY_LENGTH), ("note", MAX_NOTE_LENGTH),
                *((name, MAX_STATUS_LENGTH) for name in _STATUS_FIELDS))


def texts_fit(checkin: CheckIn) -> list[FieldError]:
    errors = []
    for name, limit in _TEXT_LIMITS:
        length = len(getattr(checkin, name))
        if length > limit:
            errors.append(FieldError(name, f"Keep this under {limit} characters; it has {length}."))
    return errors


_SHOWN_KEY_LENGTH = 40  # an unknown event is quoted, but a long one only in part


def events_known(checkin: CheckIn) -> list[FieldError]:
    """Events are keys of EVENTS, each once, in EVENTS order (as the form ticks them)."""
    unknown = [key for key in checkin.events if key not in EVENT_KEYS]
    if unknown:
        shown = unknown[0][:_SHOWN_KEY_LENGTH]
        return [FieldError(EVENTS_FIELD, f"“{shown}” is not an event ssi-coach knows; the "
                                         f"events are: {', '.join(EVENT_KEYS)}.")]
    if checkin.events != tuple(key for key in EVENT_KEYS if key in checkin.events):
        return [FieldError(EVENTS_FIELD, "List each event once, in this order: "
                                         f"{', '.join(EVENT_KEYS)}.")]
    return []


def date_in_ssi_era(checkin: CheckIn) -> list[FieldError]:
    if checkin.on < FIRST_SSI_DATE:
        year = FIRST_SSI_DATE.year
        return [FieldError("date", f"SSI did not exist before {year}; check the year.")]
    return []


RECORD_RULES: tuple[Rule, ...] = (
    date_in_ssi_era, pillars_in_range, ranks_in_range, averages_in_range, texts_fit,
    peers_in_range, events_known,
)


def check_record(checkin: CheckIn) -> list[FieldError]:
    """Every rule that holds for a check-in on its own, wherever it came from."""
    return [error for rule in RECORD_RULES for error in rule(checkin)]


def check_placement(
    checkin: CheckIn, document: Document, today: dt.date, replacing: dt.date | None
) -> list[FieldError]:
    """Rules that need the rest of the data and the day: no future, one per date."""
    if checkin.on > today:
        return [FieldError("date", f"This date is in the future; today is {today.isoformat()}.")]
    if checkin.on != replacing and document.find(checkin.on) is not None:
        return [FieldError("date", f"You already have a check-in on {checkin.on.isoformat()}. "
                                   "Edit that one in the history, or pick another date.")]
    return []


# ---- the form ------------------------------------------------------------------------

def read_checkin_form(
    form: Mapping[str, str], *, today: dt.date, document: Document,
    replacing: dt.date | None = None,
) -> FormResult:
    """The check-in a filled-in form describes, or every error in it at once."""
    errors: list[FieldError] = []
    on = _parse_field(form, "date", parse_date, True, errors)
    scores = {p.key: _parse_field(form, p.key, parse_number, True, errors) for p in PILLARS}
    ranks = {n: _parse_field(form, n, parse_rank, False, errors)
             for n in ("industry_rank", "network_rank")}
    averages = {n: _parse_field(form, n, parse_number, False, errors)
                for n in ("industry_average", "network_average")}
    peers = {f"{g.key}_peers": read_peers(form, g, errors) for g in PEER_GROUPS}
    unparsed = {e.field for e in errors}
    # Stand-ins for fields that did not parse let the rules still judge every other field,
    # so the person sees all problems at once; the stand-ins' own verdicts are dropped.
    checkin = CheckIn(
        on=on or FIRST_SSI_DATE,  # type: ignore[arg-type]
        **{k: 0.0 if v is None else v for k, v in scores.items()},  # type: ignore[arg-type]
        **ranks,  # type: ignore[arg-type]
        **averages,  # type: ignore[arg-type]
        industry=(form.get("industry") or "").strip(),
        note=(form.get("note") or "").strip(),
        **peers,  # type: ignore[arg-type]
        industry_status=(form.get("industry_status") or "").strip(),
        network_status=(form.get("network_status") or "").strip(),
        events=read_events(form),
    )
    errors += [e for e in check_record(checkin) if e.field not in unparsed]
    if "date" not in unparsed:
        errors += check_placement(checkin, document, today, replacing)
    if errors:
        return FormResult(None, tuple(_first_per_field(errors)))
    return FormResult(checkin, ())


def read_events(form: Mapping[str, str]) -> tuple[str, ...]:
    """The events whose checkbox is ticked, in EVENTS order. As in an HTML form, a ticked box
    has a value ("on") and an unticked one none (""), so any text counts as ticked."""
    return tuple(e.key for e in EVENTS if (form.get(event_field(e)) or "").strip())


def checkin_to_form(checkin: CheckIn) -> dict[str, str]:
    """The form text (FORM_FIELDS and EVENT_FIELDS) that reads back as `checkin`: how
    editing fills the form."""
    values = {"date": checkin.on.isoformat(), "industry": checkin.industry, "note": checkin.note,
              **{name: getattr(checkin, name) for name in _STATUS_FIELDS}}
    for name in FORM_FIELDS:
        if name in PEER_FIELDS:
            group, pillar = PEER_FIELDS[name]
            peers = checkin.peers(group)
            values[name] = "" if peers is None else _plain_number(peers.score_of(pillar))
        elif name not in values:
            value = getattr(checkin, name)
            values[name] = "" if value is None else _plain_number(value)
    for event in EVENTS:
        values[event_field(event)] = "on" if event.key in checkin.events else ""
    return values


def _plain_number(value: float) -> str:
    return f"{value:.{MAX_DECIMALS}f}".rstrip("0").rstrip(".")


def _first_per_field(errors: list[FieldError]) -> list[FieldError]:
    """One message per field is enough; the first is the most basic."""
    seen: set[str] = set()
    kept = []
    for error in errors:
        if error.field not in seen:
            seen.add(error.field)
            kept.append(error)
    return kept


@dataclass(frozen=True)
class TotalPreview:
    """The running total while someone types the pillars."""

    total: float
    pillars_read: int


def preview_total(form: Mapping[str, str]) -> TotalPreview:
    """Sum of the pillars typed so far that read as valid scores."""
    total = 0.0
    read = 0
    for pillar in PILLARS:
        try:
            score = parse_number(form.get(pillar.key) or "")
        except InvalidText:
            continue
        if 0 <= score <= PILLAR_MAX:
            total += score
            read += 1
    return TotalPreview(round(total, 3), read)
