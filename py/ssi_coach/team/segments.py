"""Segments: the team split by the tags the coach gives people, and compared over a period.

    segments(people) -> dict[kind, tuple[value, ...]]
    members(people, tag) -> tuple[Person, ...]
    compare_segments(people, kind, period) -> tuple[SegmentRow, ...]
    read_tags(text) -> tuple[str, ...] | FieldError
    set_tags(document, name, text) -> Document | FieldError

A tag "region: EMEA" is the value "EMEA" of the kind "region"; a tag without a colon
("Executives") is a value of the plain kind "". Kinds are compared ignoring case, and so are
values and whole tags: "Region: emea" is the same segment as "region: EMEA", shown as first
spelled. Comparing segments is a leaderboard split by segment: one row per value of a kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import MAX_TAG, MAX_TAGS, Document, FieldError, Person, tag_kind, tidy_tag
from .periods import Period, PersonChange, period_stats
from .table import find_person


def _value(tag: str) -> str:
    return tag.partition(":")[2].strip() if tag_kind(tag) else tag


def _key(tag: str) -> tuple[str, str]:
    return tag_kind(tag), _value(tidy_tag(tag)).casefold()


def segments(people: Sequence[Person]) -> dict[str, tuple[str, ...]]:
    """Each kind of tag in use (sorted, the plain kind "" last) with its values, A to Z."""
    found: dict[str, dict[str, str]] = {}
    for person in people:
        for tag in person.tags:
            kind, key = _key(tag)
            found.setdefault(kind, {}).setdefault(key, _value(tidy_tag(tag)))
    kinds = sorted(found, key=lambda kind: (kind == "", kind))
    return {kind: tuple(sorted(found[kind].values(), key=lambda v: (v.casefold(), v)))
            for kind in kinds}


def tag_of(kind: str, value: str) -> str:
    """The tag for `value` of `kind`: "region", "EMEA" -> "region: EMEA"; "" -> the value."""
    return f"{kind}: {value}" if kind else value


def members(people: Sequence[Person], tag: str) -> tuple[Person, ...]:
    """The people carrying `tag` (ignoring case and spacing), in team order."""
    wanted = _key(tag)
    return tuple(p for p in people if any(_key(t) == wanted for t in p.tags))


def without_kind(people: Sequence[Person], kind: str) -> tuple[Person, ...]:
    """The people with no tag of `kind` (for "" no plain tag)."""
    wanted = kind.strip().casefold()
    return tuple(p for p in people if all(tag_kind(t) != wanted for t in p.tags))


@dataclass(frozen=True)
class SegmentRow:
    """One segment over a period; `value` "" is the people without a tag of the kind."""

    kind: str
    value: str
    count: int
    active: int  # with a check-in in the period
    average_latest: float | None  # of the latest totals by the period's end
    average_change: float | None  # of the totals' change over the period
    best_mover: PersonChange | None  # the largest rise; None when nobody rose

    @property
    def label(self) -> str:
        if self.value:
            return self.value
        return f"No {self.kind}" if self.kind else "No plain tag"


def compare_segments(people: Sequence[Person], kind: str,
                     period: Period) -> tuple[SegmentRow, ...]:
    """A row per value of `kind` (as `segments` orders them), then, when some people have no
    tag of that kind, a row for them."""
    wanted = kind.strip().casefold()
    groups = [(value, members(people, tag_of(wanted, value)))
              for value in segments(people).get(wanted, ())]
    untagged = without_kind(people, wanted)
    if untagged:
        groups.append(("", untagged))
    return tuple(_row(wanted, value, group, period) for value, group in groups)


def _row(kind: str, value: str, group: Sequence[Person], period: Period) -> SegmentRow:
    stats = period_stats(group, period, top=1)
    return SegmentRow(kind, value, stats.count, stats.active, stats.average_latest,
                      stats.average_change, stats.movers_up[0] if stats.movers_up else None)


# ---- tagging people -------------------------------------------------------------------------

def read_tags(text: str) -> tuple[str, ...] | FieldError:
    """Tags from a comma-separated list, tidied, blanks and repeats (ignoring case) dropped."""
    tags: list[str] = []
    for part in text.split(","):
        tag = tidy_tag(part)
        if not tag.strip():
            continue
        problem = _tag_problem(tag)
        if problem:
            return FieldError("tags", problem)
        if all(t.casefold() != tag.casefold() for t in tags):
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        return FieldError("tags", f"A person has at most {MAX_TAGS} tags; this is {len(tags)}. "
                                  "Remove some, or join two into one.")
    return tuple(tags)


def _tag_problem(tag: str) -> str:
    kind, sep, value = tag.partition(":")
    if sep and not kind.strip():
        return f"“{tag.strip()}” has no kind before the colon; write e.g. “region: EMEA”."
    if sep and not value.strip():
        return (f"“{kind.strip()}:” has no value after the colon; write e.g. "
                f"“{kind.strip()}: EMEA”.")
    if len(tag) > MAX_TAG:
        return f"“{tag[:MAX_TAG]}…” is longer than {MAX_TAG} characters; shorten it."
    return ""


def set_tags(document: Document, name: str, text: str) -> Document | FieldError:
    """The document with `name`'s (ignoring case) tags replaced by the comma-separated `text`
    (blank clears them)."""
    index = find_person(document.people, name)
    if index is None:
        return FieldError("person", f"There is no “{' '.join(name.split())}” in the team.")
    tags = read_tags(text)
    if isinstance(tags, FieldError):
        return tags
    person = replace(document.people[index], tags=tags)
    return replace(document, people=(*document.people[:index], person,
                                     *document.people[index + 1:]))
