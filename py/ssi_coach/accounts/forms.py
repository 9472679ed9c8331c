"""The Accounts view's forms, read and checked: an account's company, status, value, close
date and note; a person typed in (not from the export); the tags of an account's people.

Each reader takes the form's fields as text and returns the record, or the FieldErrors to
show beside the fields; nothing is saved here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..importers.linkedin.urls import normalize_profile_url
from ..model import (
    ACCOUNT_STATUS_KEYS,
    INFLUENCE_KEYS,
    ROLE_KEYS,
    STANCE_KEYS,
    Account,
    FieldError,
    Stakeholder,
)
from ..model.accounts import MAX_NAME, MAX_NOTE

MAX_VALUE = 1e12  # a deal's value; anything above is a typo
_PROFILE = re.compile(r"^https://([a-z]+\.)?linkedin\.com/in/[^/\s]+$")


@dataclass(frozen=True)
class Read:
    """What a form gave: the record, or why not (one FieldError per field)."""

    value: Account | Stakeholder | tuple[Stakeholder, ...] | None
    errors: tuple[FieldError, ...] = ()


def _text(fields: Mapping[str, str], name: str) -> str:
    return " ".join(fields.get(name, "").split())


def _long_text(fields: Mapping[str, str], name: str, errors: list[FieldError],
               limit: int) -> str:
    value = fields.get(name, "").strip()
    if len(value) > limit:
        errors.append(FieldError(name, f"Keep it to {limit} characters ({len(value)} now)."))
    return value


def read_company(fields: Mapping[str, str], others: Sequence[Account],
                 replacing: str | None = None) -> tuple[str, list[FieldError]]:
    """The company of a new or renamed account: given, not too long, not already tracked."""
    company = _text(fields, "company")
    errors = []
    if not company:
        errors.append(FieldError("company", "Type the company's name."))
    elif len(company) > MAX_NAME:
        errors.append(FieldError("company", f"Keep the name to {MAX_NAME} characters."))
    elif any(a.key == Account(company).key and a.key != replacing for a in others):
        errors.append(FieldError("company", f"You already track {company}."))
    return company, errors


def read_account_form(fields: Mapping[str, str], account: Account,
                      others: Sequence[Account]) -> Read:
    """The account as its form edits it: company, status, value, close date, note."""
    company, errors = read_company(fields, others, replacing=account.key)
    status = fields.get("status", account.status)
    if status not in ACCOUNT_STATUS_KEYS:
        errors.append(FieldError("status", "Pick a status from the list."))
    value = _value(fields.get("value", ""), errors)
    closes_on = _date(fields.get("closes_on", ""), errors)
    note = _long_text(fields, "note", errors, MAX_NOTE)
    if errors:
        return Read(None, tuple(errors))
    return Read(replace(account, company=company, status=status, value=value,
                        closes_on=closes_on, note=note))


def _value(text: str, errors: list[FieldError]) -> float | None:
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return None
    # "12,500" and "12.500,50" are thousands with a decimal part; "12,5" is 12.5.
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", cleaned):
        cleaned = re.sub(r"[.,]", "", cleaned)
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(,\d{3})+\.\d+", cleaned):
        cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or value > MAX_VALUE:
        errors.append(FieldError("value", "Type the deal's value as a number, like 25000."))
        return None
    return value


def _date(text: str, errors: list[FieldError]) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        errors.append(FieldError("closes_on", "Pick a date (year-month-day)."))
        return None


def profile_url(text: str) -> str | None:
    """A LinkedIn profile address as the export spells it, or None if it is not one."""
    url = normalize_profile_url(text if "://" in text else f"https://{text.strip()}")
    return url if _PROFILE.match(url) else None


def read_person_form(fields: Mapping[str, str], account: Account) -> Read:
    """Someone typed in: a name (needed), a title, a profile address, a role."""
    errors: list[FieldError] = []
    name = _text(fields, "name")
    if not name:
        errors.append(FieldError("name", "Type the person's name."))
    elif len(name) > MAX_NAME:
        errors.append(FieldError("name", f"Keep the name to {MAX_NAME} characters."))
    title = _text(fields, "title")[:MAX_NAME]
    url = ""
    if fields.get("profile_url", "").strip():
        found = profile_url(fields["profile_url"])
        if found is None:
            errors.append(FieldError("profile_url", "That is not a LinkedIn profile address; "
                                                    "it looks like "
                                                    "https://www.linkedin.com/in/name."))
        else:
            url = found
    role = fields.get("role", "other")
    if role not in ROLE_KEYS:
        errors.append(FieldError("role", "Pick a role from the list."))
    if errors:
        return Read(None, tuple(errors))
    person = Stakeholder(name, role=role, profile_url=url, title=title, company=account.company)
    if any(p.key == person.key for p in account.people):
        return Read(None, (FieldError("name", f"{name} is already in {account.company}."),))
    return Read(person)


def read_people_form(fields: Mapping[str, str], account: Account) -> Read:
    """The tags of every person in the account, from one form whose fields are named
    `<field>-<n>` for the n-th person: role, stance, influence, note."""
    errors: list[FieldError] = []
    people = []
    for n, person in enumerate(account.people):
        role, stance = fields.get(f"role-{n}", person.role), fields.get(f"stance-{n}",
                                                                         person.stance)
        influence = fields.get(f"influence-{n}", person.influence)
        for name, value, allowed in ((f"role-{n}", role, ROLE_KEYS),
                                     (f"stance-{n}", stance, STANCE_KEYS),
                                     (f"influence-{n}", influence, INFLUENCE_KEYS)):
            if value not in allowed:
                errors.append(FieldError(name, "Pick one from the list."))
        note = _long_text(fields, f"note-{n}", errors, MAX_NOTE)
        if not errors:
            people.append(replace(person, role=role, stance=stance, influence=influence,
                                  note=note))
    if errors:
        return Read(None, tuple(errors))
    return Read(tuple(people))
