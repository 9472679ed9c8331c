"""Whose pillars a table on the SSI page holds, and the checks the peers' averages pass.

The SSI page shows the four pillars three times: the member's own, and the average of each
pillar among "People in your industry" and "People in your network" (docs/linkedin-export.md
§4.7). The page reader (`ssi_page`) finds every table of pillar rows in a paste and says where
each stands: in the member's own block (after `Current Social Selling Index`), under a
group's heading, inside a group donut of pasted HTML, or nowhere known. This module decides
whose each table is, without looking at any text. A place claims its first table, and later
tables there only when they repeat it (the four-components list repeats the own donut's
accessibility table); every other table is unclaimed. Unclaimed complete tables, and group
donuts without a heading, go to the groups still without a table in page order (industry,
then network), and the reading says so (`by_order`): a table is never given to the member
because of where it stands unless the member's own block is missing altogether, and then
only the first unclaimed one is (the page shows the member's donut first). A group's four
averages are then checked like pillars (0-25, three decimals as shown), against the group's
average SSI when the page gives one; a group with fewer than four values is left out with a
note, never kept in part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..model import PEER_GROUPS, PILLAR_MAX, PILLARS, PeerAverages, PeerGroup

__all__ = ["BLOCK", "LOOSE", "OWN", "PEER_SUM_TOLERANCE", "Roles", "Table", "assign",
           "checked_peers"]

OWN = "own"  # the member's own block
BLOCK = "block"  # a group donut of pasted HTML with no group heading around it
LOOSE = "loose"  # anywhere else: before, between or after the known parts
GROUP_KEYS = tuple(group.key for group in PEER_GROUPS)
DECIMALS = 3
SAME = 0.0005  # two readings of one number as shown (3 decimals) differ by less
# A group's average SSI is shown as a whole number; whether LinkedIn rounds or cuts it is not
# confirmed, so its four averages may add up to anything less than a point away from it.
PEER_SUM_TOLERANCE = 1.0


class Table(NamedTuple):
    """One table of pillar rows as read: the values found, and where it stands."""

    values: Mapping[str, float]  # pillar key -> value, only the rows that had a number
    place: str  # OWN, a PeerGroup key, BLOCK or LOOSE
    block: int = -1  # which group donut (0, 1...) in page order, for BLOCK
    total: float | None = None  # its caption or 100 - "Remaining points", if beside it


class Roles(NamedTuple):
    """Whose each table is."""

    own: dict[str, float]  # the member's pillars (empty if no table is theirs)
    own_total: float | None  # the total beside the member's table, when taken by order
    peers: dict[str, dict[str, float]]  # group key -> its values (maybe incomplete)
    totals: dict[str, float]  # group key -> the total beside its table, where there is one
    by_order: frozenset[str]  # groups whose table was given by page order, not by heading


def assign(tables: Sequence[Table], *, own_by_order: bool) -> Roles:
    """Whose each table is. `own_by_order`: the paste has no member's block at all, so the
    first unclaimed table is the member's (the page shows the member's donut first)."""
    claimed: dict[tuple[str, int], dict[str, float]] = {}
    totals: dict[tuple[str, int], float | None] = {}
    unclaimed: list[Table] = []
    for table in tables:
        if table.place == LOOSE:
            unclaimed.append(table)
            continue
        place = (table.place, table.block)
        held = claimed.get(place)
        if held is None:
            claimed[place], totals[place] = dict(table.values), table.total
        elif _agrees(held, table.values):
            for key, value in table.values.items():
                held.setdefault(key, value)
        else:
            unclaimed.append(table)
    own = claimed.pop((OWN, -1), {})
    own_total = None
    if own_by_order and not own and unclaimed:
        first = unclaimed.pop(0)
        own, own_total = dict(first.values), first.total
    peers = {key: claimed[(key, -1)] for key in GROUP_KEYS if (key, -1) in claimed}
    beside = {key: totals[(key, -1)] for key in peers}
    donuts = [(claimed[place], totals[place]) for place in sorted(claimed) if place[0] == BLOCK]
    complete = [(dict(t.values), t.total) for t in unclaimed if len(t.values) == len(PILLARS)]
    free = [key for key in GROUP_KEYS if key not in peers]
    by_order = set()
    for key, (values, total) in zip(free, donuts + complete, strict=False):
        peers[key], beside[key] = values, total
        by_order.add(key)
    known = {key: total for key, total in beside.items() if total is not None}
    return Roles(own, own_total, peers, known, frozenset(by_order))


def _agrees(held: Mapping[str, float], values: Mapping[str, float]) -> bool:
    """Whether a later table repeats the one a place holds (same value in every shared row)."""
    return all(abs(held[key] - values[key]) < SAME for key in held.keys() & values.keys())


# ---- checking --------------------------------------------------------------------------

def checked_peers(found: Mapping[str, Mapping[str, float]],
                  averages: Mapping[str, float | None],
                  by_order: frozenset[str]) -> tuple[dict[str, PeerAverages | None], list[str]]:
    """Each group's averages, kept only if all four are there and pass the checks; and the
    notes for the preview (what was left out and why, and what was taken in page order).
    `averages`: each group's average SSI (the page's, else the total beside its table)."""
    peers: dict[str, PeerAverages | None] = {}
    notes: list[str] = []
    for group in PEER_GROUPS:
        values = found.get(group.key) or {}
        problem = _peer_problem(group, values, averages.get(group.key)) if values else ""
        if problem:
            notes.append(problem)
        kept = not problem and bool(values)
        peers[group.key] = (PeerAverages(**{p.key: round(values[p.key], DECIMALS)
                                            for p in PILLARS}) if kept else None)
    guessed = [group for group in PEER_GROUPS
               if group.key in by_order and peers[group.key] is not None]
    if guessed:
        notes.append(_order_note(guessed))
    return peers, notes


def _peer_problem(group: PeerGroup, values: Mapping[str, float], average: float | None) -> str:
    left_out = f"{group.label} pillar averages left out:"
    missing = [p.label for p in PILLARS if p.key not in values]
    if missing:
        return (f"{left_out} the paste has {len(values)} of the four (none for "
                f"{_quoted(missing)}). Copy the whole page again to keep them.")
    for pillar in PILLARS:
        value = values[pillar.key]
        if not 0 <= value <= PILLAR_MAX:
            return (f"{left_out} “{pillar.label}” reads as {_fmt(value)}, but an average "
                    f"pillar score is between 0 and {PILLAR_MAX}.")
    added = round(sum(values.values()), DECIMALS)
    if average is not None and abs(added - average) > PEER_SUM_TOLERANCE:
        return (f"{left_out} they add up to {_fmt(added)}, but the page gives this group an "
                f"average SSI of {_fmt(average)}, so they were read from the wrong place.")
    return ""


def _order_note(groups: list[PeerGroup]) -> str:
    names = " and ".join(group.label.lower() for group in groups)
    return (f"The {names} pillar averages were taken in page order (the paste has no heading "
            "for them that the reader knows): check them.")


def _fmt(value: float) -> str:
    return f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")


def _quoted(labels: list[str]) -> str:
    quoted = [f"“{label}”" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
