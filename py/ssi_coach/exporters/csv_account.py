"""One target account and its people as a CSV spreadsheet, for Excel and friends.

One row per person. The account's own fields (company, status, value, close date, note) come
first on every row, so the file is one plain table that sorts, filters and pastes into a CRM
as it is, and files of several accounts can be stacked; an account with nobody mapped yet is
one row with the person's cells empty. Then the person as the member tagged them, and the
relationship facts of the latest export that knew them: how they are linked, since when, the
messages either way, the last contact and the days since it (counted to the day the file is
written). Cells the export never gave are empty, which is not the same as 0.

Written like the check-ins' CSV: UTF-8 with a byte-order mark, CRLF line ends, ISO dates, and
text cells that could run as a formula prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from ..model import (
    ACCOUNT_STATUSES,
    CONNECTED,
    INFLUENCES,
    INVITED,
    INVITED_ME,
    NOT_CONNECTED,
    ROLES,
    STANCES,
    Account,
    Stakeholder,
    label_of,
)
from .csv_checkins import escape_formula, number_text

ACCOUNT_HEADERS = ("Account", "Status", "Value", "Closes on", "Account note")
PERSON_HEADERS = ("Name", "Role", "Stance", "Influence", "Title", "Company", "Moved to",
                  "Profile URL", "Link", "Connected on", "Messages sent", "Messages received",
                  "Last contact", "Days since last contact", "Note")
LINK_WORDS = {CONNECTED: "Connected", INVITED: "Invitation sent",
              INVITED_ME: "Invitation received", NOT_CONNECTED: "Not connected"}
NOT_IN_EXPORT = "Not in your export"  # typed in by the member, or no export knew them yet


def account_csv_filename(account: Account, today: dt.date) -> str:
    """'ssi-coach-account-acme-corp-2026-12-02.csv'."""
    slug = re.sub(r"\W+", "-", account.company.casefold()).strip("-_") or "account"
    return f"ssi-coach-account-{slug}-{today.isoformat()}.csv"


def _date(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()


def _account_cells(account: Account) -> list[str]:
    value = "" if account.value is None else number_text(account.value)
    return [escape_formula(account.company), label_of(ACCOUNT_STATUSES, account.status), value,
            _date(account.closes_on), escape_formula(account.note)]


def _person_cells(person: Stakeholder, today: dt.date) -> list[str]:
    facts = person.facts
    tagged = [escape_formula(text) for text in (
        person.name, label_of(ROLES, person.role), label_of(STANCES, person.stance),
        label_of(INFLUENCES, person.influence), person.title, person.company, person.moved_to,
        person.profile_url)]
    if facts is None:
        known = [NOT_IN_EXPORT, "", "", "", "", ""]
    else:
        days = facts.days_since_contact(today)
        known = [LINK_WORDS[facts.link], _date(facts.connected_on), str(facts.messages_sent),
                 str(facts.messages_received), _date(facts.last_contact),
                 "" if days is None else str(days)]
    return [*tagged, *known, escape_formula(person.note)]


def account_csv(account: Account, today: dt.date) -> str:
    """The account and its people as CSV text, in the order they were added; encode it as
    UTF-8 to save it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow((*ACCOUNT_HEADERS, *PERSON_HEADERS))
    head = _account_cells(account)
    for person in account.people:
        writer.writerow((*head, *_person_cells(person, today)))
    if not account.people:
        writer.writerow((*head, *[""] * len(PERSON_HEADERS)))
    # The byte-order mark is how Excel knows the file is UTF-8 and not the PC's code page.
    return "\ufeff" + out.getvalue()
