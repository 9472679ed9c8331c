"""The week log and the profile checklist as the member fills them in: reading the forms,
the rules every weekly count obeys wherever it comes from (form, storage, an export), and
the weekly streak that keeps the logging habit visible.

Errors are returned, each naming its field, never raised.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

from ..model import (
    CHECKLIST_KEYS,
    MAX_WEEKLY_COUNT,
    MEASURE_KEYS,
    MEASURES,
    PART_OF,
    Checklist,
    FieldError,
    WeekLog,
    week_of,
)


def check_counts(counts: Mapping[str, object]) -> list[FieldError]:
    """What stored or imported counts must obey, as the form does: known keys, whole numbers
    from 0 to MAX_WEEKLY_COUNT, parts within their wholes."""
    errors = []
    for key, count in counts.items():
        if key not in MEASURE_KEYS:
            errors.append(FieldError(key, f"unknown count “{key}”."))
        elif isinstance(count, bool) or not isinstance(count, int) or not (
                0 <= count <= MAX_WEEKLY_COUNT):
            errors.append(FieldError(key, f"{key} must be a whole number from 0 to "
                                          f"{MAX_WEEKLY_COUNT}."))
    if errors:
        return errors
    return check_parts(cast(Mapping[str, int], counts))


# ---- the habit ---------------------------------------------------------------------------

def weekly_streak(weeks: Iterable[WeekLog], today: dt.date) -> int:
    """How many ISO weeks in a row have a log with any count in it (zeros count: logging is
    the habit), ending with this week, or with last week while this one is not logged yet;
    0 when last week was not logged either. Weeks after `today`'s are ignored."""
    logged = {w.week for w in weeks if w.counts}
    week = week_of(today)
    if week not in logged:
        week -= dt.timedelta(weeks=1)  # this week is still open: the streak is not broken yet
    streak = 0
    while week in logged:
        streak += 1
        week -= dt.timedelta(weeks=1)
    return streak


# ---- reading the weekly form ------------------------------------------------------------

_WHOLE = re.compile(r"^\d+$")


@dataclass(frozen=True)
class WeekResult:
    week: WeekLog | None
    errors: tuple[FieldError, ...]


def iso_week(day: dt.date) -> str:
    """The ISO week `day` falls in, as the week field shows it: '2026-W47'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def new_week_form(today: dt.date) -> dict[str, str]:
    """The weekly form's values for a new log: this week, every count blank."""
    return {"week": iso_week(today)}


def week_to_form(log: WeekLog) -> dict[str, str]:
    """The weekly form's values that edit `log` (read back as the same log)."""
    return {"week": iso_week(log.week), **{key: str(n) for key, n in log.counts.items()}}


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
