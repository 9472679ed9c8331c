"""The document: everything the app stores, as one frozen record.

Changing a document returns a new one, so a failed save can never leave half-changed state
behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .accounts import Account, company_key
from .activity import Checklist, WeekLog, effective_weeks
from .calibration import HeldFit
from .checkins import CheckIn, Person, require_date_order
from .network import NetworkSummary
from .plans import Goal, WeeklyPlan
from .posts import PostAnalytics
from .team import Target


@dataclass(frozen=True)
class Document:
    """Everything the app stores: the member's own check-ins (oldest first, one per date)
    and other people's shared reports the member chose to keep."""

    checkins: tuple[CheckIn, ...] = field(default=())
    people: tuple[Person, ...] = field(default=())
    weeks: tuple[WeekLog, ...] = field(default=())  # activity typed by hand, oldest first
    checklist: Checklist | None = None
    plan: WeeklyPlan | None = None  # the what-if weekly plan
    goal: Goal | None = None
    # Weekly counts read from LinkedIn exports, oldest first; kept apart from `weeks` so an
    # import never overwrites what the member typed, and a new import can replace its own.
    imported: tuple[WeekLog, ...] = field(default=())
    # Monday -> "typed" or "imported": which source wins in a week both logged. Absent means
    # typed: the member typed it deliberately.
    week_sources: Mapping[dt.date, str] = field(default_factory=dict)
    network: NetworkSummary | None = None  # from the last import
    imported_on: dt.date | None = None  # the last import's export ends on this day
    # The calibration the Coach shows, with the check-ins it was fitted on: refitted when
    # they change, held while they do not (see ssi_coach.activity.calibration.with_fit_held).
    held_fit: HeldFit | None = None
    # What the member's post analytics workbooks said, merged (see model.posts).
    posts: PostAnalytics = field(default_factory=PostAnalytics)
    # The member's target accounts and the people mapped in them, in the order added.
    accounts: tuple[Account, ...] = field(default=())
    # The coach's target for the whole team (the people in `people`), if set.
    team_target: Target | None = None

    def __post_init__(self) -> None:
        require_date_order(self.checkins)
        for logs in (self.weeks, self.imported):
            mondays = [w.week for w in logs]
            if mondays != sorted(set(mondays)):
                raise ValueError("weeks must be in order with one log per week")
        if any(day.weekday() != 0 or source not in ("typed", "imported")
               for day, source in self.week_sources.items()):
            raise ValueError("a week's source is a Monday mapped to typed or imported")
        keys = [a.key for a in self.accounts]
        if len(keys) != len(set(keys)):
            raise ValueError("one account per company")

    def activity_weeks(self) -> tuple[WeekLog, ...]:
        """The activity the estimate, explanations and outcomes read: one log per week,
        typed and imported merged as `week_sources` says (see effective_weeks)."""
        return effective_weeks(self.weeks, self.imported, self.week_sources)

    def with_week(self, log: WeekLog) -> Document:
        """A document with `log` added, or standing in for the same week's earlier log."""
        others = [w for w in self.weeks if w.week != log.week]
        return replace(self, weeks=tuple(sorted([*others, log], key=lambda w: w.week)))

    def with_person(self, person: Person) -> Document:
        """Keep `person`, replacing an earlier copy under the same name."""
        others = tuple(p for p in self.people if p.name != person.name)
        return replace(self, people=(*others, person))

    def with_checklist(self, checklist: Checklist) -> Document:
        """A document with the profile checklist as answered now."""
        return replace(self, checklist=checklist)

    def with_plan(self, plan: WeeklyPlan | None, goal: Goal | None) -> Document:
        """A document with the weekly plan and the goal as the plan form gave them (None:
        none set); they are saved together because one form asks for both."""
        return replace(self, plan=plan, goal=goal)

    def with_week_source(self, monday: dt.date, source: str) -> Document:
        """A document where the week starting `monday` counts `source` ("typed" or
        "imported") when both logged it; anything else is a ValueError."""
        return replace(self, week_sources={**self.week_sources, monday: source})

    def with_held_fit(self, held: HeldFit | None) -> Document:
        """A document holding `held` as the Coach's calibration (None: no fit held)."""
        return replace(self, held_fit=held)

    def with_posts(self, posts: PostAnalytics) -> Document:
        """A document holding `posts` as everything known from post analytics."""
        return replace(self, posts=posts)

    def account(self, company: str) -> Account | None:
        """The account for `company` (case and spacing aside), or None."""
        key = company_key(company)
        return next((a for a in self.accounts if a.key == key), None)

    def with_account(self, account: Account, replacing: str | None = None) -> Document:
        """A document with `account` added (`replacing` None; an account for the same company
        is a ValueError), or standing in for the account whose key is `replacing`, in its
        place in the list."""
        if any(a.key == account.key and a.key != replacing for a in self.accounts):
            raise ValueError(f"there is already an account for {account.company}")
        if replacing is None:
            return replace(self, accounts=(*self.accounts, account))
        if all(a.key != replacing for a in self.accounts):
            raise ValueError("that account is no longer here")
        return replace(self, accounts=tuple(account if a.key == replacing else a
                                            for a in self.accounts))

    def without_account(self, key: str) -> Document:
        """Forget an account and everyone in it."""
        return replace(self, accounts=tuple(a for a in self.accounts if a.key != key))

    def find(self, on: dt.date) -> CheckIn | None:
        return next((c for c in self.checkins if c.on == on), None)

    def put(self, checkin: CheckIn, replacing: dt.date | None = None) -> Document:
        """A document with `checkin` added, or standing in for the one dated `replacing`."""
        kept = [c for c in self.checkins if c.on != replacing]
        if any(c.on == checkin.on for c in kept):
            raise ValueError(f"there is already a check-in on {checkin.on}")
        return replace(self, checkins=tuple(sorted([*kept, checkin], key=lambda c: c.on)))

    def without(self, on: dt.date) -> Document:
        return replace(self, checkins=tuple(c for c in self.checkins if c.on != on))
