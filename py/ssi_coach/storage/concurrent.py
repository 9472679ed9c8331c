"""Two tabs, one document: a three-way merge, record by record.

When a save finds that another tab changed the stored document since this tab read it, the
change this tab is making is merged into the other tab's document rather than written over
it. Each record is compared with the version both tabs started from (the base): a record
only one side changed takes that side's version, so edits of different check-ins, weeks or
settings all survive. A record both sides changed differently goes to the tab saving now
(the last writer), and is reported as a Conflict so the member hears what was replaced.

The held calibration fit (`held_fit`) is derived from the check-ins, so it is kept, not
dropped: a week edited while another tab saved anything would otherwise be refitted, and a
refit after more activity can lower the estimate. A fit only one tab changed is that tab's,
like any field (a tab that added a check-in brings the fit made for it). Where both tabs made
a new fit, the merged document keeps the one made for the merged check-ins, this tab's first
(the estimate the member is looking at stays as shown); if neither was, none, and the Coach
fits again, which is due anyway because the check-ins changed. It is never reported as a
conflict: the member did not edit it.

Post analytics (`posts`) come from LinkedIn's workbooks, not from editing, so they are
merged rather than replaced: posts only one tab changed are that tab's; when both tabs
imported workbooks, each day keeps the figures of the newer export (as an import does; this
tab's on a tie), every export's snapshot is kept (this tab's where both hold the same
export), and single posts are kept from both (this tab's where both hold the same post).
Neither tab's import is lost, and none of this is reported as a conflict.

Target accounts (`accounts`) are records keyed by their company (case and spacing aside),
like check-ins by date: an account only one tab changed (its status, a person added, a tag)
takes that tab's version, with all its people; an account both tabs changed differently
takes this tab's version whole (the last writer wins, as for any record) and is reported as
a Conflict naming the company. An account forgotten in one tab and left as it was in the
other stays forgotten. One forgotten in one tab and changed in the other is a change on both
sides: this tab's side wins, so it stays forgotten when this tab forgot it, and comes back
with this tab's changes when the other tab forgot it (reported, so the member can forget it
again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..model import Document, HeldFit, PostAnalytics, company_key
from .codec import data_to_document, document_to_data

Data = dict[str, Any]

# Lists of records and what identifies a record in each; any other field is one record.
_RECORD_KEYS: dict[str, Callable[[Data], str]] = {
    "checkins": lambda record: str(record.get("date")),
    "people": lambda record: f"{record.get('name')}|{record.get('saved_on')}",
    "weeks": lambda record: str(record.get("week")),
    "imported": lambda record: str(record.get("week")),
    "accounts": lambda record: company_key(str(record.get("company"))),
}
_KEYED_DICTS = ("week_sources",)  # plain {key: value} maps, merged key by key
_DERIVED = ("held_fit",)  # follows the merged check-ins (see the module's docstring)
_IMPORTED = ("posts",)  # merged by the exports' newness (see the module's docstring)


@dataclass(frozen=True)
class Conflict:
    """A record both tabs changed: `field` names the collection, `key` the record in it
    (a date, a Monday, a person; empty for a single setting such as the plan)."""

    field: str
    key: str


_ABSENT = object()


def merge(base: Document, mine: Document, theirs: Document) -> tuple[Document, list[Conflict]]:
    """`mine` applied on top of `theirs`, both having started from `base`."""
    old, new, other = (document_to_data(d) for d in (base, mine, theirs))
    merged: Data = {"schema_version": new["schema_version"]}
    conflicts: list[Conflict] = []
    for field in new.keys() - {"schema_version", *_DERIVED, *_IMPORTED}:
        if field in _RECORD_KEYS:
            key = _RECORD_KEYS[field]
            merged[field] = list(_merge_maps(
                {key(r): r for r in old[field]}, {key(r): r for r in new[field]},
                {key(r): r for r in other[field]}, field, conflicts).values())
        elif field in _KEYED_DICTS:
            merged[field] = _merge_maps(old[field], new[field], other[field], field, conflicts)
        else:
            merged[field] = _merge_one(old[field], new[field], other[field], field, "",
                                       conflicts)
    document = data_to_document(merged)
    held = _held_fit(document, base.held_fit, mine.held_fit, theirs.held_fit)
    posts = merge_posts(base.posts, mine.posts, theirs.posts)
    conflicts = [_named(c, mine, theirs) for c in conflicts]
    return (document.with_held_fit(held).with_posts(posts),
            sorted(conflicts, key=lambda c: (c.field, c.key)))


def _named(conflict: Conflict, mine: Document, theirs: Document) -> Conflict:
    """An account's conflict names its company as this tab wrote it (else the other tab),
    not its key."""
    if conflict.field != "accounts":
        return conflict
    account = mine.account(conflict.key) or theirs.account(conflict.key)
    return conflict if account is None else Conflict(conflict.field, account.company)


def merge_posts(old: PostAnalytics, new: PostAnalytics, other: PostAnalytics) -> PostAnalytics:
    """`new` (this tab's) and `other` (the stored ones), both started from `old`."""
    if new in (other, old):
        return other
    if other == old:
        return new
    snapshots = {s.stamp: s for s in other.snapshots} | {s.stamp: s for s in new.snapshots}
    days = {d.day: d for d in other.days}
    for day in new.days:
        if day.day not in days or day.source.newness() >= days[day.day].source.newness():
            days[day.day] = day
    posts = {p.url: p for p in other.posts} | {p.url: p for p in new.posts}
    return PostAnalytics(
        tuple(days[d] for d in sorted(days)),
        tuple(sorted(snapshots.values(), key=lambda s: (s.stamp.newness(), s.stamp.start))),
        tuple(posts.values()))


def _held_fit(merged: Document, old: HeldFit | None, new: HeldFit | None,
              other: HeldFit | None) -> HeldFit | None:
    """The fit to keep (see the module's docstring)."""
    if new in (other, old):
        return other  # the same on both sides, or only the other tab made a new one
    if other == old:
        return new  # only this tab made a new one
    return next((held for held in (new, other)
                 if held is not None and held.holds_for(merged.checkins)), None)


def _merge_maps(old: Data, new: Data, other: Data, field: str,
                conflicts: list[Conflict]) -> Data:
    result = {}
    # The other tab's order first (it is what is stored), then records only this tab has.
    for key in [*other, *(k for k in new if k not in other), *(k for k in old if k not in
                                                                 other and k not in new)]:
        value = _merge_one(old.get(key, _ABSENT), new.get(key, _ABSENT),
                           other.get(key, _ABSENT), field, key, conflicts)
        if value is not _ABSENT:
            result[key] = value
    return result


def _merge_one(old: Any, new: Any, other: Any, field: str, key: str,
               conflicts: list[Conflict]) -> Any:
    if new in (other, old):
        return other  # the same on both sides, or only the other tab changed it
    if other != old:
        conflicts.append(Conflict(field, key))  # both changed it: the last writer wins
    return new
