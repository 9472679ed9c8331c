"""Events noted on check-ins (a holiday, a job change, a change LinkedIn made, a campaign):
their labels, and the ones that may explain a change between two check-ins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import EVENTS, CheckIn, Event
from ..text import long_date


@dataclass(frozen=True)
class EventNote:
    """The events noted on one check-in, in EVENTS order."""

    on: dt.date
    events: tuple[Event, ...]

    @property
    def labels(self) -> str:
        return ", ".join(e.label for e in self.events)

    @property
    def words(self) -> str:
        """'1 Nov 2026: Holiday or time off, Job change'."""
        return f"{long_date(self.on)}: {self.labels}"


def event_note(checkin: CheckIn) -> EventNote | None:
    """The check-in's events (keys it does not know are left out); None when there are none."""
    events = tuple(e for e in EVENTS if e.key in checkin.events)
    return EventNote(checkin.on, events) if events else None


def notes_of(checkins: Iterable[CheckIn]) -> tuple[EventNote, ...]:
    return tuple(note for c in checkins if (note := event_note(c)) is not None)


def notes_between(checkins: Iterable[CheckIn], before: dt.date,
                  after: dt.date) -> tuple[EventNote, ...]:
    """Events of the check-ins after `before` up to and including `after`, oldest first: what
    happened while the score moved from one to the other."""
    return tuple(sorted(notes_of(c for c in checkins if before < c.on <= after),
                        key=lambda note: note.on))
