"""The activity behind the score: weekly counts, weekly outcomes and the profile checklist.

A week is an ISO week, named by its Monday. A count that was never logged is *missing*,
which is not the same as zero: the estimator shows missing inputs as missing and lowers its
confidence instead of its score. Validation follows the form's habit: errors are returned,
each naming its field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .validation import FieldError


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
    Measure("requests_accepted", "Connection requests accepted", "relationships"),
    Measure("messages_sent", "Messages sent", "relationships"),
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


# ---- reading the weekly form ------------------------------------------------------------

_WHOLE = re.compile(r"^\d+$")


@dataclass(frozen=True)
class WeekResult:
    week: WeekLog | None
    errors: tuple[FieldError, ...]


def read_week_form(form: Mapping[str, str], *, today: dt.date) -> WeekResult:
    """A WeekLog from the weekly form: blank fields stay missing, never zero."""
    errors: list[FieldError] = []
    week = _read_week(form.get("week", ""), today, errors)
    counts: dict[str, int] = {}
    for measure in MEASURES:
        text = (form.get(measure.key) or "").strip().replace(" ", "")
        if not text:
            continue
        if not _WHOLE.match(text):
            errors.append(FieldError(measure.key, "Use a whole number of 0 or more, like 3."))
        elif int(text) > MAX_WEEKLY_COUNT:
            errors.append(FieldError(measure.key, f"That is more than {MAX_WEEKLY_COUNT:,} "
                                                  "in one week; check for a typo."))
        else:
            counts[measure.key] = int(text)
    errors += check_parts(counts)
    if errors or week is None:
        return WeekResult(None, tuple(errors))
    return WeekResult(WeekLog(week, counts), ())


def _read_week(text: str, today: dt.date, errors: list[FieldError]) -> dt.date | None:
    """Any day of the week, as YYYY-MM-DD or as an ISO week like 2026-W47."""
    text = text.strip()
    try:
        if re.match(r"^\d{4}-W\d{2}$", text):
            day = dt.date.fromisocalendar(int(text[:4]), int(text[6:]), 1)
        else:
            day = dt.date.fromisoformat(text)
    except ValueError:
        errors.append(FieldError("week", "Pick the week, e.g. 2026-W47 or any date in it."))
        return None
    if week_of(day) > week_of(today):
        errors.append(FieldError("week", "That week has not started yet."))
        return None
    return week_of(day)


def check_parts(counts: Mapping[str, int]) -> list[FieldError]:
    """Accepted requests cannot exceed requests sent; replies cannot exceed messages sent."""
    errors = []
    labels = {m.key: m.label for m in MEASURES}
    for part, whole in PART_OF:
        if part in counts and whole in counts and counts[part] > counts[whole]:
            errors.append(FieldError(part, f"{labels[part]} ({counts[part]}) cannot be more "
                                           f"than {labels[whole].lower()} ({counts[whole]})."))
    return errors


def read_checklist_form(form: Mapping[str, str], today: dt.date) -> Checklist:
    """Each item is "yes", "no" or blank (not answered)."""
    items = {key: form[key] == "yes" for key in CHECKLIST_KEYS if form.get(key) in ("yes", "no")}
    return Checklist(items, today)
