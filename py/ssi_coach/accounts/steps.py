"""The next step with each person in a deal: what to do, the influence principle it uses
(Cialdini's six) and the SSI pillar it serves, from one table of rules.

`STEPS` is read top to bottom and the first rule that matches a person wins: a rule matches
on the person's role (or any), stance (or any) and a condition on what the member's export
says about them (or any). The rules follow the stakeholder advice in the domain notes:
support the champion, coax the blocker, convince the decision-maker (through the champion,
with third-party evidence). A rule's text and why name the person by first name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import (
    CONNECTED,
    INVITED,
    INVITED_ME,
    PILLARS,
    ROLE_KEYS,
    ROLES,
    STANCES,
    Account,
    Choice,
    Stakeholder,
    label_of,
)
from .coverage import SILENT_DAYS, Coverage, by_risk

ANY = "any"
PRINCIPLES: tuple[Choice, ...] = (
    Choice("liking", "Liking"),
    Choice("reciprocity", "Reciprocity"),
    Choice("social_proof", "Social proof"),
    Choice("consistency", "Consistency"),
    Choice("authority", "Authority"),
    Choice("scarcity", "Scarcity"),
)
PRINCIPLE_KEYS = tuple(c.key for c in PRINCIPLES)
PILLAR_KEYS = tuple(p.key for p in PILLARS)

Condition = Callable[[Stakeholder, dt.date], bool]


# ---- conditions on what the export says about a person -----------------------------------

def anything(person: Stakeholder, today: dt.date) -> bool:
    """Every person."""
    return True


def moved(person: Stakeholder, today: dt.date) -> bool:
    """A newer export shows them at another company."""
    return person.moved


def invited_me(person: Stakeholder, today: dt.date) -> bool:
    """They sent the member an invitation that is still waiting."""
    return person.facts is not None and person.facts.link == INVITED_ME


def invitation_pending(person: Stakeholder, today: dt.date) -> bool:
    """The member invited them and they have not accepted yet."""
    return person.facts is not None and person.facts.link == INVITED


def not_connected(person: Stakeholder, today: dt.date) -> bool:
    """Not a connection, or someone the export does not know (typed in by the member)."""
    return person.facts is None or person.facts.link != CONNECTED


def silent(person: Stakeholder, today: dt.date) -> bool:
    """No message either way for SILENT_DAYS or more, or never written to."""
    days = None if person.facts is None else person.facts.days_since_contact(today)
    return days is None or days >= SILENT_DAYS


@dataclass(frozen=True)
class StepRule:
    """One row of the table: who it is for, what to do and why."""

    role: str  # a role key, or ANY
    stance: str  # a stance key, or ANY
    when: Condition  # on the person and today; `anything` for any
    text: str  # "{first}" is the person's first name
    principles: tuple[str, ...]  # PRINCIPLE_KEYS
    pillar: str  # the SSI pillar it serves (PILLARS' keys)
    why: str  # "{first}", "{role}", "{stance}", "{days}" and "{moved_to}" are filled in

    def __post_init__(self) -> None:
        if self.role != ANY and self.role not in ROLE_KEYS:
            raise ValueError(f"unknown role {self.role!r}")
        if not set(self.principles) <= set(PRINCIPLE_KEYS) or self.pillar not in PILLAR_KEYS:
            raise ValueError(f"unknown principle or pillar in {self.text!r}")

    def matches(self, person: Stakeholder, today: dt.date) -> bool:
        return (self.role in (ANY, person.role) and self.stance in (ANY, person.stance)
                and self.when(person, today))


# First match wins: what is true of anyone (moved, not connected) before the role's own step.
STEPS: tuple[StepRule, ...] = (
    StepRule(ANY, ANY, moved,
             "Congratulate {first} on the new role and ask who took over their work.",
             ("liking",), "people",
             "{first} moved to {moved_to}: their successor is the person to find."),
    StepRule(ANY, ANY, invited_me,
             "Accept {first}'s invitation and thank them with a short personal note.",
             ("liking", "reciprocity"), "people",
             "{first} invited you and is still waiting for an answer."),
    StepRule(ANY, ANY, invitation_pending,
             "Like or comment on {first}'s recent posts so your name is familiar when they "
             "see your invitation.",
             ("liking",), "people", "Your invitation to {first} is not accepted yet."),
    StepRule(ANY, ANY, not_connected,
             "Connect with {first} with a personal note that says why them.",
             ("liking",), "people", "You are not connected with {first} ({role})."),
    StepRule("champion", ANY, silent,
             "Reconnect with {first} with something useful to them: an article, an "
             "introduction, an answer to a question they had.",
             ("reciprocity",), "relationships",
             "Your champion {first} has not heard from you {days}."),
    StepRule("champion", ANY, anything,
             "Ask {first} for an introduction to the decision-maker, and plan together how "
             "to win them over.",
             ("social_proof", "liking"), "people",
             "{first} is your champion: they know who decides and how."),
    StepRule("decision_maker", ANY, anything,
             "Send {first} third-party evidence through your champion: a customer's result, "
             "an analyst's view, data that answers the doubts.",
             ("authority",), "relationships",
             "{first} decides ({stance}) and relies on credible evidence from others."),
    StepRule("blocker", ANY, anything,
             "Answer {first}'s concern with a peer's case: how a company like theirs solved "
             "it.",
             ("social_proof", "consistency"), "relationships",
             "{first} can make the decision-maker say no ({stance})."),
    StepRule("influencer", "supports", anything,
             "Ask {first} to share your case with their team.",
             ("social_proof",), "insights",
             "{first} supports the deal and others listen to them."),
    StepRule("influencer", "opposes", anything,
             "Ask {first} what worries them, then answer with a peer's case.",
             ("social_proof", "consistency"), "relationships",
             "{first} opposes the deal and others listen to them."),
    StepRule("influencer", ANY, anything,
             "Share an insight that matters to {first}'s team, and learn where they stand.",
             ("reciprocity",), "insights", "{first}'s stance is {stance}; others listen to them."),
    StepRule("evaluator", ANY, anything,
             "Give {first} the data and a trial plan with clear success criteria they agree "
             "to up front.",
             ("authority", "consistency"), "insights",
             "{first} evaluates the offer ({stance})."),
    StepRule("user", ANY, anything,
             "Ask {first} how they work today and share a tip that saves them time.",
             ("reciprocity", "liking"), "insights",
             "{first} would use the product every day ({stance})."),
    StepRule(ANY, ANY, anything,
             "Find out what {first} cares about in this deal and share something useful.",
             ("reciprocity",), "relationships", "{first}'s part in the deal is not clear yet."),
)


@dataclass(frozen=True)
class Step:
    """The next step with one person, filled in."""

    person: str  # Stakeholder.key
    name: str
    text: str
    principles: tuple[str, ...]  # principle labels, e.g. ("Social proof", "Liking")
    pillar: str  # PILLARS key
    why: str


def first_name(name: str) -> str:
    return name.split()[0]


def rule_for(person: Stakeholder, today: dt.date,
             rules: Sequence[StepRule] = STEPS) -> StepRule:
    """The first rule that matches (the table ends with one that matches everyone)."""
    return next(r for r in rules if r.matches(person, today))


def next_step(person: Stakeholder, today: dt.date,
              rules: Sequence[StepRule] = STEPS) -> Step:
    """What to do next with `person`, the principles and pillar, and why."""
    rule = rule_for(person, today, rules)
    facts = person.facts
    days = None if facts is None else facts.days_since_contact(today)
    values = {
        "first": first_name(person.name),
        "role": label_of(ROLES, person.role).lower(),
        "stance": label_of(STANCES, person.stance).lower(),
        "days": "since you connected" if days is None else f"for {days} days",
        "moved_to": person.moved_to,
    }
    return Step(person.key, person.name, rule.text.format_map(values),
                tuple(label_of(PRINCIPLES, p) for p in rule.principles), rule.pillar,
                rule.why.format_map(values))


# ---- the Coach's top steps ---------------------------------------------------------------

@dataclass(frozen=True)
class AccountStep:
    """A step with one person in one account, for the Coach."""

    company: str
    status: str  # the account's status key
    risk: str  # Coverage.risk
    step: Step


OPEN_ORDER = ("active", "prospect")  # active deals before prospects; won and lost not shown


def top_steps(accounts: Iterable[Account], today: dt.date, n: int = 3) -> tuple[AccountStep, ...]:
    """Up to `n` steps across the open accounts: active deals before prospects, each by risk;
    one step per account first (the person its most severe gap names, else by role), then
    each account's next person, round by round. Won and lost accounts have no steps."""
    ranked = sorted((c for c in by_risk(accounts, today) if c.account.status in OPEN_ORDER),
                    key=lambda c: OPEN_ORDER.index(c.account.status))  # stable: risk within
    queues = [[AccountStep(c.account.company, c.account.status, c.risk, next_step(p, today))
               for p in _people_in_order(c)] for c in ranked]
    steps: list[AccountStep] = []
    for round_ in range(max((len(q) for q in queues), default=0)):
        steps += [q[round_] for q in queues if round_ < len(q)]
    return tuple(steps[:n])


def _people_in_order(found: Coverage) -> list[Stakeholder]:
    """The people named by the gaps (most severe first), then the others by role order."""
    named = [g.person for g in found.gaps if g.person]
    people = found.account.people

    def rank(person: Stakeholder) -> tuple[int, int]:
        gap = named.index(person.key) if person.key in named else len(named)
        return gap, ROLE_KEYS.index(person.role)

    return sorted(people, key=rank)
