"""When the next check-in is due: a monthly look is the habit that sticks.

A check-in is due DUE_AFTER_DAYS after the last one (`next_due`); the calendar reminder
starts on that day, or today when it has passed or there is no check-in yet
(`first_reminder_day`). The dashboard's "due" card and the reminder file both ask here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import CheckIn

DUE_AFTER_DAYS = 30  # LinkedIn updates SSI daily; a monthly look is the habit that sticks


def next_due(last_checkin: dt.date) -> dt.date:
    """The day the check-in after one made on `last_checkin` is due."""
    return last_checkin + dt.timedelta(days=DUE_AFTER_DAYS)


def first_reminder_day(checkins: Sequence[CheckIn], today: dt.date) -> dt.date:
    """The first day of the monthly reminder: the next check-in's due day, never in the past;
    today when there are no check-ins (in date order) yet."""
    return max(next_due(checkins[-1].on), today) if checkins else today
