"""People and accounts for the accounts tests: a well covered deal to break one way at a time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ssi_coach.model import CONNECTED, Account, RelationshipFacts, Stakeholder

TODAY = dt.date(2026, 11, 22)
AS_OF = dt.date(2026, 11, 20)


def person(name: str, role: str = "other", stance: str = "unknown", influence: str = "low", *,
           link: str | None = CONNECTED, silent_days: int | None = 5,
           **fields: Any) -> Stakeholder:
    """A person; `link` None means the export never saw them (typed in by the member), and
    `silent_days` None means no message either way."""
    slug = name.lower().replace(" ", "-")
    facts = None if link is None else RelationshipFacts(
        AS_OF, link=link,
        connected_on=dt.date(2024, 3, 1) if link == CONNECTED else None,
        messages_sent=0 if silent_days is None else 4,
        messages_received=0 if silent_days is None else 3,
        last_contact=None if silent_days is None else TODAY - dt.timedelta(days=silent_days))
    return Stakeholder(name, role=role, stance=stance, influence=influence,
                       profile_url=f"https://www.linkedin.com/in/{slug}", facts=facts,
                       **fields)


CHAMPION = person("Cora Champ", "champion", "supports", "high")
DECIDER = person("Dan Decider", "decision_maker", "neutral", "high")
BLOCKER = person("Bea Block", "blocker", "opposes", "high",
                 note="Worried about security: send the ISO report and the Globex case.")


def covered(**fields: Any) -> Account:
    """An active deal with nothing missing: a connected decision-maker, a champion in touch
    who supports it with high influence, a blocker with a plan."""
    return Account("Acme", status=fields.pop("status", "active"),
                   people=fields.pop("people", (CHAMPION, DECIDER, BLOCKER)), **fields)
