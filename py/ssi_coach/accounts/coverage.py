"""Where a deal is thin: the gaps in an account's map of people, and accounts sorted by risk.

Each gap rule is a small function of (account, today) that returns a `Gap` or None; `RULES`
lists them all in one table, and adding a rule is adding a function to it. Rules look at the
people still at the company: someone who moved is reported once, by their own rule, and no
longer counts as the deal's decision-maker, champion or supporter. A gap's severity is its
weight in the account's risk; its message names the person in plain words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import (
    CONNECTED,
    INFLUENCE_KEYS,
    ROLE_KEYS,
    STANCE_KEYS,
    Account,
    Stakeholder,
)

SILENT_DAYS = 30  # a champion not heard from for this long has gone quiet
# Severities: a gap's weight in the account's risk.
LOW, MEDIUM, HIGH = 1, 2, 3
HIGH_RISK_SCORE = 5  # several smaller gaps add up to a high risk too
CLOSED = ("won", "lost")


@dataclass(frozen=True)
class Gap:
    """One way an account's map of people is thin."""

    key: str  # the rule's name, e.g. "no_decision_maker"
    severity: int  # LOW, MEDIUM or HIGH: its weight in the account's risk
    message: str  # plain words, naming the person where there is one
    person: str = ""  # the key (`Stakeholder.key`) of the first person named; "" if none


GapRule = Callable[[Account, dt.date], Gap | None]


# ---- the rules ---------------------------------------------------------------------------

def present(account: Account) -> tuple[Stakeholder, ...]:
    """The people still at the company (not flagged as moved)."""
    return tuple(p for p in account.people if not p.moved)


def _with_role(account: Account, role: str) -> list[Stakeholder]:
    return [p for p in present(account) if p.role == role]


def _names(people: Sequence[Stakeholder]) -> str:
    """'Ada', 'Ada and Bo', 'Ada, Bo and Cy'."""
    names = [p.name for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _gap(key: str, severity: int, message: str, people: Sequence[Stakeholder] = ()) -> Gap:
    return Gap(key, severity, message, people[0].key if people else "")


def no_decision_maker(account: Account, today: dt.date) -> Gap | None:
    """Nobody at the company is tagged as the decision-maker: who signs is unknown."""
    if _with_role(account, "decision_maker"):
        return None
    return _gap("no_decision_maker", HIGH,
                f"No decision-maker identified at {account.company}: find who signs.")


def decision_maker_not_connected(account: Account, today: dt.date) -> Gap | None:
    """A decision-maker the member is not connected with (or the export never saw)."""
    apart = [p for p in _with_role(account, "decision_maker")
             if p.facts is None or p.facts.link != CONNECTED]
    if not apart:
        return None
    verb = "is" if len(apart) == 1 else "are"
    return _gap("decision_maker_not_connected", HIGH,
                f"The decision-maker {_names(apart)} {verb} not connected with you.", apart)


def single_threaded(account: Account, today: dt.date) -> Gap | None:
    """One person or nobody: if they go quiet or leave, the deal has no one left."""
    people = present(account)
    if len(people) > 1:
        return None
    if not people:
        return _gap("single_threaded", HIGH, f"No one mapped at {account.company} yet.")
    return _gap("single_threaded", HIGH,
                f"Single-threaded: {people[0].name} is your only contact at "
                f"{account.company}.", people)


def champion_silent(account: Account, today: dt.date) -> Gap | None:
    """A champion not in touch for SILENT_DAYS or more, or never written to."""
    quiet = [p for p in _with_role(account, "champion") if _silent(p, today)]
    if not quiet:
        return None
    days = _days_since(quiet[0], today)
    since = ("you have no messages with them" if days is None
             else f"your last contact was {days} days ago")
    return _gap("champion_silent", MEDIUM,
                f"Your champion {_names(quiet)} has gone quiet: {since}.", quiet)


def _days_since(person: Stakeholder, today: dt.date) -> int | None:
    return None if person.facts is None else person.facts.days_since_contact(today)


def _silent(person: Stakeholder, today: dt.date) -> bool:
    days = _days_since(person, today)
    return days is None or days >= SILENT_DAYS


def blocker_without_plan(account: Account, today: dt.date) -> Gap | None:
    """A blocker whose note is empty: the note is where the plan for them goes."""
    unplanned = [p for p in _with_role(account, "blocker") if not p.note.strip()]
    if not unplanned:
        return None
    return _gap("blocker_without_plan", MEDIUM,
                f"No plan for the blocker {_names(unplanned)}: write in their note how you "
                "will answer their concern.", unplanned)


def no_influential_support(account: Account, today: dt.date) -> Gap | None:
    """Nobody with high influence supports the deal."""
    if any(p.influence == "high" and p.stance == "supports" for p in present(account)):
        return None
    return _gap("no_influential_support", MEDIUM,
                "No one with high influence supports the deal yet.")


def people_moved(account: Account, today: dt.date) -> Gap | None:
    """People a newer export shows at another company."""
    gone = [p for p in account.people if p.moved]
    if not gone:
        return None
    where = "; ".join(f"{p.name} is now at {p.moved_to}" for p in gone)
    return _gap("people_moved", MEDIUM if any(p.role != "other" for p in gone) else LOW,
                f"Left {account.company}: {where}.", gone)


RULES: tuple[GapRule, ...] = (
    no_decision_maker,
    decision_maker_not_connected,
    single_threaded,
    champion_silent,
    blocker_without_plan,
    no_influential_support,
    people_moved,
)


# ---- one account -------------------------------------------------------------------------

@dataclass(frozen=True)
class Coverage:
    """An account's gaps, most severe first (then in RULES order), and who is mapped."""

    account: Account
    gaps: tuple[Gap, ...]
    roles: Mapping[str, int]  # people still there per role key, every key in ROLE_KEYS order
    grid: Mapping[tuple[str, str], int]  # (stance key, influence key) -> people still there

    @property
    def closed(self) -> bool:
        return self.account.status in CLOSED

    @property
    def score(self) -> int:
        """The sum of the gaps' severities: 0 when nothing is missing."""
        return sum(g.severity for g in self.gaps)

    @property
    def worst(self) -> int:
        return max((g.severity for g in self.gaps), default=0)

    @property
    def risk(self) -> str:
        """'High risk', 'Medium risk', 'Low risk', 'Covered'; 'Won' or 'Lost' once closed."""
        if self.closed:
            return self.account.status.capitalize()
        if self.worst >= HIGH or self.score >= HIGH_RISK_SCORE:
            return "High risk"
        if self.worst == MEDIUM:
            return "Medium risk"
        return "Low risk" if self.gaps else "Covered"


def coverage(account: Account, today: dt.date,
             rules: Iterable[GapRule] = RULES) -> Coverage:
    """The account's gaps by `rules`, most severe first, and its counts by role and by
    stance × influence (people still at the company)."""
    found = [gap for rule in rules if (gap := rule(account, today)) is not None]
    gaps = tuple(sorted(found, key=lambda g: -g.severity))  # stable: RULES order within
    people = present(account)
    roles = {role: sum(1 for p in people if p.role == role) for role in ROLE_KEYS}
    grid = {(stance, influence): sum(1 for p in people
                                     if (p.stance, p.influence) == (stance, influence))
            for stance in STANCE_KEYS for influence in INFLUENCE_KEYS}
    return Coverage(account, gaps, roles, grid)


# ---- all accounts ------------------------------------------------------------------------

def by_risk(accounts: Iterable[Account], today: dt.date) -> tuple[Coverage, ...]:
    """Every account's coverage, open deals first, the riskiest (most severe gap, then the
    highest score) first; won and lost last. Ties keep the member's order."""
    found = [coverage(a, today) for a in accounts]
    return tuple(sorted(found, key=lambda c: (c.closed, -c.worst, -c.score)))
