"""Activity records: the weekly counts one can log, a week's log, and the profile checklist.

A week is an ISO week, named by its Monday. A count that was never logged is *missing*,
which is not the same as zero: the estimator shows missing inputs as missing and lowers its
confidence instead of its score. Reading the forms and checking counts is in
`ssi_coach.activity.log`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Measure:
    """One weekly count the member can log."""

    key: str
    label: str
    group: str  # the pillar it mainly feeds, or "outcomes"


ACTIVITY: tuple[Measure, ...] = (
    Measure("posts", "Posts published", "brand"),
    Measure("articles", "Articles published", "brand"),
    Measure("reactions_received", "Reactions received on your posts", "brand"),
    Measure("comments_received", "Comments received on your posts", "brand"),
    Measure("recommendations_given", "Recommendations given", "brand"),
    Measure("recommendations_received", "Recommendations received", "brand"),
    Measure("people_searches", "People searches", "people"),
    Measure("profiles_viewed", "Prospect profiles viewed", "people"),
    Measure("requests_sent", "Connection requests sent", "people"),
    Measure("decision_makers_added", "Decision-maker connections added", "people"),
    Measure("comments_written", "Comments written", "insights"),
    Measure("reactions_given", "Reactions given", "insights"),
    Measure("reshares", "Reshares", "insights"),
    Measure("group_posts", "Group posts and comments", "insights"),
    Measure("votes", "Poll votes", "insights"),
    Measure("requests_accepted", "Connection requests accepted", "relationships"),
    Measure("invitations_received", "Invitations received", "relationships"),
    Measure("connections_added", "Connections added", "relationships"),
    Measure("messages_sent", "Messages sent", "relationships"),
    Measure("messages_received", "Messages received", "relationships"),
    Measure("replies_received", "Replies received", "relationships"),
    Measure("conversations_started", "Conversations started", "relationships"),
)
OUTCOMES: tuple[Measure, ...] = (
    Measure("prospect_conversations", "Conversations with ideal prospects", "outcomes"),
    Measure("meetings", "Meetings", "outcomes"),
    Measure("opportunities", "Opportunities", "outcomes"),
    Measure("deals_won", "Deals won", "outcomes"),
)
MEASURES: tuple[Measure, ...] = ACTIVITY + OUTCOMES
MEASURE_KEYS = tuple(m.key for m in MEASURES)
MAX_WEEKLY_COUNT = 10_000  # far above anything a person does in a week; catches typos
# (part, whole): the part can never exceed the whole in the same week.
PART_OF = (("requests_accepted", "requests_sent"), ("replies_received", "messages_sent"))


def week_of(day: dt.date) -> dt.date:
    """The Monday that names the ISO week `day` falls in."""
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekLog:
    """What the member logged for one ISO week. Keys absent from `counts` were not logged."""

    week: dt.date  # a Monday
    counts: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.week.weekday() != 0:
            raise ValueError("a week is named by its Monday")

    def count(self, key: str) -> int | None:
        return self.counts.get(key)


# ---- typed and imported activity ------------------------------------------------------------

TYPED, IMPORTED = "typed", "imported"  # where a week's counts came from
SOURCES = (TYPED, IMPORTED)


def effective_weeks(typed: Sequence[WeekLog], imported: Sequence[WeekLog],
                    sources: Mapping[dt.date, str]) -> tuple[WeekLog, ...]:
    """One log per week, oldest first, for everything that reads activity.

    Where both sources logged a week, `sources` names the winner (absent: typed, since the
    member typed it deliberately); counts only the loser holds are filled in from it, so
    typed outcomes survive when the import wins and imported counts fill typed gaps.
    """
    typed_by_week = {w.week: w for w in typed}
    imported_by_week = {w.week: w for w in imported}
    logs = []
    for monday in sorted(typed_by_week.keys() | imported_by_week.keys()):
        mine, theirs = typed_by_week.get(monday), imported_by_week.get(monday)
        if mine is None or theirs is None:
            logs.append(mine or theirs)
            continue
        winner, loser = (theirs, mine) if sources.get(monday) == IMPORTED else (mine, theirs)
        logs.append(WeekLog(monday, fill_in(winner.counts, loser.counts)))
    return tuple(log for log in logs if log is not None)


def fill_in(winner: Mapping[str, int], loser: Mapping[str, int]) -> dict[str, int]:
    """The winner's counts plus the loser's other keys, except a filled-in key that would put
    a part above its whole: mixing sources must not make a week the form would refuse."""
    counts = {**loser, **winner}
    for part, whole in PART_OF:
        if part in counts and whole in counts and counts[part] > counts[whole]:
            counts.pop(part if part not in winner else whole)
    return counts


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    why: str  # which published input it stands for, shown next to it


PROFILE_CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem("photo", "Profile photo", "profile completeness"),
    ChecklistItem("background_photo", "Background photo", "profile completeness"),
    ChecklistItem("headline", "A headline that says who you help", "profile completeness"),
    ChecklistItem("about", "About section", "profile completeness (summary)"),
    ChecklistItem("current_role", "Current role with a description", "job history"),
    ChecklistItem("past_roles", "Past roles", "job history"),
    ChecklistItem("education", "Education", "profile completeness"),
    ChecklistItem("skills", "At least five skills", "skills"),
    ChecklistItem("certifications", "Certifications or courses", "certifications"),
    ChecklistItem("volunteering", "Volunteering or board work", "volunteering"),
    ChecklistItem("featured", "Featured items", "featured media"),
    ChecklistItem("custom_url", "A custom profile URL", "profile completeness"),
    ChecklistItem("three_recommendations", "At least three recommendations received",
                  "recommendations received"),
    ChecklistItem("endorsements", "Endorsements for your skills", "endorsements received"),
)
CHECKLIST_KEYS = tuple(item.key for item in PROFILE_CHECKLIST)


@dataclass(frozen=True)
class Checklist:
    """The profile checklist: True done, False not done; keys absent are not answered."""

    items: Mapping[str, bool] = field(default_factory=dict)
    updated_on: dt.date | None = None

    def answered(self) -> int:
        return sum(1 for key in CHECKLIST_KEYS if key in self.items)

    def done(self) -> int:
        return sum(1 for key in CHECKLIST_KEYS if self.items.get(key))
