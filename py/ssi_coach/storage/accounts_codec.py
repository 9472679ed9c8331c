"""Target accounts as JSON (schema v8): plain objects with short keys, defaults left out.

    "accounts": [
      {"company": "Northwind Logistics", "status": "active", "value": 48000,
       "closes_on": "2027-03-31", "added_on": "2026-10-02", "note": "...",
       "people": [
         {"name": "Ana Souza", "role": "champion", "stance": "supports", "influence": "high",
          "profile": "ana-souza-7b2", "title": "Head of Operations", "note": "...",
          "facts": {"as_of": "2026-11-14", "link": "connected", "connected_on": "2022-05-17",
                    "sent": 14, "received": 11, "last_contact": "2026-10-28",
                    "started_by_me": true, "replied": true}},
         {"name": "Kai Berg", "url": "https://example.com/kai", "company": "Globex",
          "moved_to": "Initech"}]}]

Anything at its default is left out: status "prospect", no value, no dates, empty notes and
titles, role "other", stance "unknown", influence "low", link "none", zero messages, who
started and whether they replied when unknown. A profile URL of LinkedIn's usual shape
(https://www.linkedin.com/in/<slug>, nothing after the slug) is kept as its slug under
"profile", any other URL as it is under "url". A person's company is left out when it is
the account's, and the facts' company and position when they are the person's company and
title: only a difference is written, so a person who moved costs a few words. Accounts are
few (tens, with ten people each), so this stays readable and small: see SIZE_BUDGET.

Decoding checks every type, key, choice (status, role, stance, influence, link), date,
count, length (MAX_NAME, MAX_NOTE, MAX_URL) and that no account or person is there twice,
and raises CorruptDocument naming the account and the person: this part is only ever
written by the app, so anything wrong means damaged data. Encoding refuses text over those
lengths with InvalidRecord, so a save can never write what a load would refuse.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import CorruptDocument, InvalidRecord
from ..model import (
    ACCOUNT_STATUS_KEYS,
    INFLUENCE_KEYS,
    LINKS,
    MAX_NAME,
    MAX_NOTE,
    NOT_CONNECTED,
    ROLE_KEYS,
    STANCE_KEYS,
    Account,
    RelationshipFacts,
    Stakeholder,
)
from .checks import iso_date, known_keys, require

Data = dict[str, Any]
T = TypeVar("T")

PROFILE_URL = "https://www.linkedin.com/in/"
MAX_URL = 400  # characters of a profile URL: LinkedIn's are under 150
# Stored characters that 50 accounts of 10 people each, every one with a note of ~80
# characters and most with facts, stay within (test_accounts_storage.py measures ~199 kB).
# Names, titles, profile names and notes are ~75 kB of it, dates and counts ~40 kB; field
# names cost the rest, the price of a form a person can read in a backup. Next to
# localStorage's ~5 MB and the posts' 250 kB.
SIZE_BUDGET = 210_000
_ACCOUNT_KEYS = {"company", "status", "value", "closes_on", "added_on", "note", "people"}
_PERSON_KEYS = {"name", "role", "stance", "influence", "profile", "url", "title", "company",
                "note", "facts", "moved_to"}
_FACT_DATES = {"connected_on": "connected_on", "invited_on": "invited_on",
               "last_contact": "last_contact"}  # stored name: field name
_FACT_COUNTS = {"sent": "messages_sent", "received": "messages_received"}
_FACT_FLAGS = {"started_by_me": "started_by_member", "replied": "replied"}
# The facts after as_of and link, in the order they are written: (stored name, field name).
_FACT_FIELDS = (("connected_on", "connected_on"), ("invited_on", "invited_on"),
                ("sent", "messages_sent"), ("received", "messages_received"),
                ("last_contact", "last_contact"), ("started_by_me", "started_by_member"),
                ("replied", "replied"))
_FACT_KEYS = {"as_of", "link", *_FACT_DATES, *_FACT_COUNTS, *_FACT_FLAGS, "company",
              "position"}
# (field, its keys, default, what one is) of a person's choices, in the order written.
_CHOICES = (("role", ROLE_KEYS, "other", "a role"), ("stance", STANCE_KEYS, "unknown", "a stance"),
            ("influence", INFLUENCE_KEYS, "low", "an influence"))


# ---- encoding ---------------------------------------------------------------------------

def accounts_to_data(accounts: tuple[Account, ...]) -> list[Data]:
    """The stored form of every account, in the document's order."""
    return [_account_to_data(a) for a in accounts]


def _account_to_data(account: Account) -> Data:
    where = f"The account {account.company[:MAX_NAME]}"
    _fits(account.company, MAX_NAME, f"{where}: the company name")
    _fits(account.note, MAX_NOTE, f"{where}: the note")
    data: Data = {"company": account.company}
    if account.status != "prospect":
        data["status"] = account.status
    if account.value is not None:
        if not math.isfinite(account.value):
            raise InvalidRecord(f"{where}: the deal's value is not a number.")
        data["value"] = account.value
    for name in ("closes_on", "added_on"):
        day = getattr(account, name)
        if day is not None:
            data[name] = day.isoformat()
    if account.note:
        data["note"] = account.note
    if account.people:
        data["people"] = [_person_to_data(p, account.company, where) for p in account.people]
    return data


def _person_to_data(person: Stakeholder, company: str, where: str) -> Data:
    where = f"{where}: {person.name[:MAX_NAME]}"
    for value, limit, what in ((person.name, MAX_NAME, "name"), (person.title, MAX_NAME, "title"),
                               (person.company, MAX_NAME, "company"),
                               (person.moved_to, MAX_NAME, "new company"),
                               (person.note, MAX_NOTE, "note"),
                               (person.profile_url, MAX_URL, "profile URL")):
        _fits(value, limit, f"{where}: the {what}")
    data: Data = {"name": person.name}
    data.update((name, getattr(person, name)) for name, _, default, _ in _CHOICES
                if getattr(person, name) != default)
    data.update(_url_to_data(person.profile_url))
    texts = (("title", person.title, ""), ("company", person.company, company),
             ("note", person.note, ""))
    data.update((name, value) for name, value, default in texts if value != default)
    if person.facts is not None:
        data["facts"] = _facts_to_data(person.facts, person, where)
    if person.moved_to:
        data["moved_to"] = person.moved_to
    return data


def _url_to_data(url: str) -> Data:
    slug = url.removeprefix(PROFILE_URL)
    if url.startswith(PROFILE_URL) and _is_slug(slug):
        return {"profile": slug}
    return {"url": url} if url else {}


def _facts_to_data(facts: RelationshipFacts, person: Stakeholder, where: str) -> Data:
    for value, what in ((facts.company, "company"), (facts.position, "position")):
        _fits(value, MAX_NAME, f"{where}: the export's {what}")
    data: Data = {"as_of": facts.as_of.isoformat()}
    if facts.link != NOT_CONNECTED:
        data["link"] = facts.link
    for stored, name in _FACT_FIELDS:
        value = getattr(facts, name)
        if isinstance(value, dt.date):
            data[stored] = value.isoformat()
        elif isinstance(value, bool) or (value is not None and value != 0):
            data[stored] = value  # a flag known true or false, or a count but 0
    if facts.company != person.company:
        data["company"] = facts.company
    if facts.position != person.title:
        data["position"] = facts.position
    return data


def _fits(text: str, limit: int, what: str) -> None:
    if len(text) > limit:
        raise InvalidRecord(f"{what} is longer than {limit} characters; shorten it to save.")


# ---- decoding ---------------------------------------------------------------------------

def accounts_from_data(records: Any) -> tuple[Account, ...]:
    """The accounts stored in `records` (absent or null: none)."""
    if records is None:
        return ()
    require(isinstance(records, list), "The accounts are not a list.")
    accounts: list[Account] = []
    for number, record in enumerate(records, 1):
        account = _account(record, f"Account {number}")
        twin = next((a for a in accounts if a.key == account.key), None)
        require(twin is None, f"Account {number} ({account.company}) is there twice "
                               f"(also as “{twin.company if twin else ''}”).")
        accounts.append(account)
    return tuple(accounts)


def _account(record: Any, where: str) -> Account:
    require(isinstance(record, dict) and isinstance(record.get("company"), str)
             and bool(record["company"].strip()),
             f"{where} is not a record with a company name.")
    company = record["company"]
    where = f"{where} ({company[:MAX_NAME]})"
    known_keys(record, _ACCOUNT_KEYS, where)
    require(len(company) <= MAX_NAME, f"{where}: the company name is longer than "
                                       f"{MAX_NAME} characters.")
    status = _choice(record.get("status", "prospect"), ACCOUNT_STATUS_KEYS, "an account status",
                     where)
    records = record.get("people", [])
    require(isinstance(records, list), f"{where}: the people are not a list.")
    people: list[Stakeholder] = []
    for number, person_record in enumerate(records, 1):
        person = _person(person_record, company, f"{where}: person {number}")
        require(all(p.key != person.key for p in people),
                 f"{where}: person {number} ({person.name}) is there twice.")
        people.append(person)
    return _build(lambda: Account(
        company, status, value=_value(record.get("value"), where),
        closes_on=_optional_date(record.get("closes_on"), f"{where}: the close date"),
        note=_text(record.get("note", ""), MAX_NOTE, f"{where}: the note"),
        people=tuple(people),
        added_on=_optional_date(record.get("added_on"), f"{where}: the day it was added")),
        where)


def _person(record: Any, company: str, where: str) -> Stakeholder:
    require(isinstance(record, dict) and isinstance(record.get("name"), str)
             and bool(record["name"].strip()), f"{where} is not a record with a name.")
    name = _text(record["name"], MAX_NAME, f"{where}: the name")
    where = f"{where} ({name})"
    known_keys(record, _PERSON_KEYS, where)
    choices = {field: _choice(record.get(field, default), keys, what, where)
               for field, keys, default, what in _CHOICES}
    person_company = _text(record.get("company", company), MAX_NAME, f"{where}: the company")
    title = _text(record.get("title", ""), MAX_NAME, f"{where}: the title")
    facts = record.get("facts")
    return _build(lambda: Stakeholder(
        name, **choices, profile_url=_profile_url(record, where), title=title,
        company=person_company, note=_text(record.get("note", ""), MAX_NOTE, f"{where}: the note"),
        facts=None if facts is None else _facts(facts, person_company, title, where),
        moved_to=_text(record.get("moved_to", ""), MAX_NAME, f"{where}: the new company")),
        where)


def _profile_url(record: Data, where: str) -> str:
    require(not ("profile" in record and "url" in record),
             f"{where} has both a profile and a URL.")
    if "profile" in record:
        slug = _text(record["profile"], MAX_URL - len(PROFILE_URL), f"{where}: the profile")
        require(_is_slug(slug), f"{where}: the profile {slug!r} is not a profile's name "
                                 "(the end of https://www.linkedin.com/in/…).")
        return PROFILE_URL + slug
    url = _text(record.get("url", ""), MAX_URL, f"{where}: the profile URL")
    require("url" not in record or bool(url), f"{where}: the profile URL is empty.")
    return url


def _facts(record: Any, company: str, title: str, where: str) -> RelationshipFacts:
    where = f"{where}: the export's facts"
    require(isinstance(record, dict), f"{where} are not a record.")
    known_keys(record, _FACT_KEYS, where)
    require("as_of" in record, f"{where} have no export date (as_of).")
    fields: Data = {name: _optional_date(record.get(stored), f"{where}: {stored}")
                    for stored, name in _FACT_DATES.items()}
    for stored, name in _FACT_COUNTS.items():
        value = record.get(stored, 0)
        require(_is_whole(value) and value >= 0,
                 f"{where}: {stored} must be a whole number of 0 or more (found {value!r}).")
        fields[name] = value
    for stored, name in _FACT_FLAGS.items():
        value = record.get(stored)
        require(value is None or isinstance(value, bool),
                 f"{where}: {stored} must be true or false (found {value!r}).")
        fields[name] = value
    return _build(lambda: RelationshipFacts(
        iso_date(record["as_of"], f"{where}: as_of"),
        _choice(record.get("link", NOT_CONNECTED), LINKS, "a link", where), **fields,
        company=_text(record.get("company", company), MAX_NAME, f"{where}: the company"),
        position=_text(record.get("position", title), MAX_NAME, f"{where}: the position")),
        where)


# ---- values -------------------------------------------------------------------------------

def _build(make: Callable[[], T], where: str) -> T:
    """The record `make` builds; a rule of the model it breaks is damaged data too."""
    try:
        return make()
    except ValueError as error:
        raise CorruptDocument(f"{where}: {error}.") from None


def _choice(value: Any, keys: tuple[str, ...], what: str, where: str) -> str:
    require(isinstance(value, str) and value in keys,
             f"{where}: {value!r} is not {what} (one of {', '.join(keys)}).")
    return str(value)


def _text(value: Any, limit: int, what: str) -> str:
    require(isinstance(value, str), f"{what} is not text.")
    require(len(value) <= limit, f"{what} is longer than {limit} characters.")
    return str(value)


def _optional_date(text: Any, what: str) -> dt.date | None:
    return None if text is None else iso_date(text, what)


def _value(value: Any, where: str) -> float | None:
    if value is None:
        return None
    require(isinstance(value, (int, float)) and not isinstance(value, bool)
             and math.isfinite(value) and value >= 0,
             f"{where}: the deal's value must be a number of 0 or more (found {value!r}).")
    return value  # type: ignore[no-any-return]


def _is_slug(text: str) -> bool:
    """The part of a profile URL after /in/: one path segment, no query or fragment."""
    return bool(text) and not any(c in text for c in "/?#")


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)

