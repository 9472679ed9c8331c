"""Account records: the deals the member works on and the people in each, as the member maps
them from their own network.

A target account (`Account`) is a company the member sells to, with a status (prospect,
active deal, won, lost) and an optional value and date. Its people (`Stakeholder`) each have
a role in the deal (champion, decision-maker, blocker, ...), a stance, an influence, a note,
and the relationship facts the member's latest LinkedIn export gave about them
(`RelationshipFacts`: connected since, messages, last contact). Only people the member adds
to an account are ever stored; nothing else of the export is kept. Reading the export's
people is in `ssi_coach.importers.linkedin`; coverage, gaps and next steps in
`ssi_coach.accounts`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Choice:
    """One value of a closed list (a role, a stance, ...) and how the page names it."""

    key: str
    label: str


ROLES: tuple[Choice, ...] = (
    Choice("champion", "Champion"),
    Choice("decision_maker", "Decision-maker"),
    Choice("blocker", "Blocker"),
    Choice("influencer", "Influencer"),
    Choice("evaluator", "Evaluator"),
    Choice("user", "User"),
    Choice("other", "Other"),
)
STANCES: tuple[Choice, ...] = (
    Choice("supports", "Supports"),
    Choice("neutral", "Neutral"),
    Choice("opposes", "Opposes"),
    Choice("unknown", "Unknown"),
)
INFLUENCES: tuple[Choice, ...] = (Choice("high", "High"), Choice("low", "Low"))
ACCOUNT_STATUSES: tuple[Choice, ...] = (
    Choice("prospect", "Prospect"),
    Choice("active", "Active deal"),
    Choice("won", "Won"),
    Choice("lost", "Lost"),
)
ROLE_KEYS = tuple(c.key for c in ROLES)
STANCE_KEYS = tuple(c.key for c in STANCES)
INFLUENCE_KEYS = tuple(c.key for c in INFLUENCES)
ACCOUNT_STATUS_KEYS = tuple(c.key for c in ACCOUNT_STATUSES)
# How the member and a person are linked on LinkedIn, as the export says.
CONNECTED, INVITED, INVITED_ME, NOT_CONNECTED = "connected", "invited", "invited_me", "none"
LINKS = (CONNECTED, INVITED, INVITED_ME, NOT_CONNECTED)
MAX_NOTE = 500  # characters of a person's or an account's note
MAX_NAME = 120  # characters of a name, a title or a company


def label_of(choices: tuple[Choice, ...], key: str) -> str:
    """The page's word for `key` in `choices` ("decision_maker" -> "Decision-maker")."""
    return next((c.label for c in choices if c.key == key), key)


@dataclass(frozen=True)
class RelationshipFacts:
    """What one LinkedIn export says about the member and one person (matched by profile
    URL). Dates are UTC days. Counts are of one-to-one and group messages alike."""

    as_of: dt.date  # the export's last day: how fresh these facts are
    link: str = NOT_CONNECTED  # one of LINKS
    connected_on: dt.date | None = None  # when link is CONNECTED and the export dates it
    invited_on: dt.date | None = None  # a pending invitation's day (INVITED, INVITED_ME)
    messages_sent: int = 0  # by the member to this person
    messages_received: int = 0  # from this person to the member
    last_contact: dt.date | None = None  # the latest message either way
    started_by_member: bool | None = None  # who wrote first; None without messages
    replied: bool | None = None  # did the person ever answer the member; None if never written
    company: str = ""  # where the export says they work now (Connections.csv)
    position: str = ""

    def __post_init__(self) -> None:
        if self.link not in LINKS:
            raise ValueError(f"unknown link {self.link!r}")
        if self.messages_sent < 0 or self.messages_received < 0:
            raise ValueError("message counts cannot be negative")

    def days_since_contact(self, today: dt.date) -> int | None:
        return None if self.last_contact is None else (today - self.last_contact).days


@dataclass(frozen=True)
class Stakeholder:
    """A person in one account's deal, as the member tagged them."""

    name: str
    role: str = "other"  # one of ROLE_KEYS
    stance: str = "unknown"  # one of STANCE_KEYS
    influence: str = "low"  # one of INFLUENCE_KEYS
    profile_url: str = ""  # https://www.linkedin.com/in/<slug>; "" for someone typed in
    title: str = ""
    company: str = ""  # as it was when added (or last refreshed)
    note: str = ""
    facts: RelationshipFacts | None = None  # from the latest export that knew them
    # The company a newer export shows them at, when it differs from `company`: they moved.
    moved_to: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a person needs a name")
        for value, allowed in ((self.role, ROLE_KEYS), (self.stance, STANCE_KEYS),
                               (self.influence, INFLUENCE_KEYS)):
            if value not in allowed:
                raise ValueError(f"{value!r} is not one of {allowed}")

    @property
    def key(self) -> str:
        """Who this is within an account: the profile URL, else the name."""
        return self.profile_url or f"name:{self.name.strip().lower()}"

    @property
    def moved(self) -> bool:
        return bool(self.moved_to)


@dataclass(frozen=True)
class Account:
    """A target account: a company, its deal status and the people mapped in it."""

    company: str
    status: str = "prospect"  # one of ACCOUNT_STATUS_KEYS
    value: float | None = None  # the deal's value, in the member's own currency
    closes_on: dt.date | None = None  # expected or actual close date
    note: str = ""
    people: tuple[Stakeholder, ...] = field(default=())
    added_on: dt.date | None = None

    def __post_init__(self) -> None:
        if not self.company.strip():
            raise ValueError("an account needs a company name")
        if self.status not in ACCOUNT_STATUS_KEYS:
            raise ValueError(f"{self.status!r} is not an account status")
        if self.value is not None and self.value < 0:
            raise ValueError("a deal's value cannot be negative")
        keys = [p.key for p in self.people]
        if len(keys) != len(set(keys)):
            raise ValueError("a person is in an account once")

    @property
    def key(self) -> str:
        """Accounts are told apart by company name, case and spacing aside."""
        return company_key(self.company)

    def with_person(self, person: Stakeholder) -> Account:
        """The account with `person` added, or standing in for the same person."""
        others = tuple(p for p in self.people if p.key != person.key)
        return replace(self, people=(*others, person))

    def without_person(self, key: str) -> Account:
        return replace(self, people=tuple(p for p in self.people if p.key != key))


def company_key(name: str) -> str:
    """'  ACME  Corp ' and 'Acme Corp' are the same account."""
    return " ".join(name.split()).casefold()
