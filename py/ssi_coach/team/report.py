"""The monthly (or quarterly) team report: one period of a team's coaching cycle as data, and
as a CSV file or an Excel workbook.

    team_report(document, start, end, today) -> TeamReport
    team_report_csv(report) -> str
    team_report_xlsx(report) -> bytes

A report holds the period's leaderboard (each person's latest SSI by the period's end, their
change over the period and their target), the biggest movers up and down, who is due for a
check-in, the segments compared (people grouped by each tag, tags grouped by kind) and the
activity people shared. Change over a period is `team.activity.ssi_change`: the last check-in
by the end minus the last by the start. Who is due and who moved most are worked out here by
small private functions (`_due_reason`, `_movers`) until the cycle's own modules take them
over. Only names and numbers appear: a report never quotes a note.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean

from ..exporters.csv_checkins import escape_formula, number_text
from ..model import PILLARS, CheckIn, Document, Person, tag_kind, tidy_tag
from ..text import long_date, score
from .activity import SHARED, SHARED_KEYS, PersonActivity, ssi_change, team_activity
from .due import DUE_DAYS, due_people
from .periods import Period, PersonChange, period_stats
from .targets import on_track

MOVERS = 5  # people in each of the movers lists
PLACES = 3
NO_TARGET = "—"
Cell = dt.date | int | float | str | None


# ---- records -------------------------------------------------------------------------------

@dataclass(frozen=True)
class LeaderRow:
    place: int  # 1 for the highest SSI; equal totals share a place
    name: str
    latest_on: dt.date  # the last check-in by the period's end
    total: float
    change: float | None  # over the period; None when it cannot be told
    target: str  # the person's target in words, or NO_TARGET


@dataclass(frozen=True)
class Mover:
    name: str
    change: float
    total: float  # latest by the period's end


@dataclass(frozen=True)
class DueRow:
    name: str
    latest_on: dt.date | None  # None: no check-in at all
    days_since: int | None
    reason: str


@dataclass(frozen=True)
class SegmentRow:
    """The people carrying one tag: how many, their average latest SSI (of those with a
    check-in by the period's end) and average change (of those with a known change)."""

    kind: str  # the tag's kind ("region"), "" for tags without one
    tag: str  # the tag's value ("EMEA"), as first spelled in the team
    people: int
    average_total: float | None
    average_change: float | None
    with_change: int  # people the average change is over


@dataclass(frozen=True)
class ActivityTotals:
    """The team's shared activity over the period: who shared, how many weeks, each count."""

    people: int  # people with at least one shared week in the period
    weeks: int
    totals: tuple[tuple[str, int | None], ...]  # (SHARED key, sum); None: nobody logged it


@dataclass(frozen=True)
class TeamReport:
    start: dt.date
    end: dt.date
    today: dt.date
    people: int  # everyone in the team
    leaderboard: tuple[LeaderRow, ...]  # highest SSI first
    movers_up: tuple[Mover, ...]  # biggest rise first
    movers_down: tuple[Mover, ...]  # biggest fall first
    due: tuple[DueRow, ...]  # longest without a check-in first, never checked in at the top
    segments: tuple[SegmentRow, ...]  # by kind, then tag
    activity: tuple[PersonActivity, ...]  # people who shared a week in the period, by name
    activity_totals: ActivityTotals

    @property
    def title(self) -> str:
        return f"Team report, {long_date(self.start)} – {long_date(self.end)}"


# ---- building the report ---------------------------------------------------------------------

def team_report(document: Document, start: dt.date, end: dt.date,
                today: dt.date) -> TeamReport:
    """The report on `document.people` over start..end (both included), made on `today`."""
    if end < start:
        raise ValueError("a period ends on or after its start")
    people = document.people
    stats = period_stats(people, Period(start, end, ""), top=MOVERS)
    board = _leaderboard(people, {c.name: c.change for c in stats.people}, end, today)
    activity = tuple(sorted((a for a in team_activity(people, start, end) if a.weeks),
                            key=lambda a: (a.name.casefold(), a.name)))
    return TeamReport(
        start=start, end=end, today=today, people=len(people), leaderboard=board,
        movers_up=_movers(stats.movers_up), movers_down=_movers(stats.movers_down),
        due=_due(people, start, end, today), segments=_segments(people, start, end),
        activity=activity, activity_totals=_activity_totals(activity))


def _standing(person: Person, day: dt.date) -> CheckIn | None:
    return next((c for c in reversed(person.checkins) if c.on <= day), None)


def _target_text(person: Person, today: dt.date) -> str:
    """'70 by 30 Jun 2027: behind by 4.2', as the page's leaderboard says it (team.targets)."""
    status = on_track(person, today)
    if status is None:
        return NO_TARGET
    target = status.target
    parts = [score(target.total)] if target.total is not None else []
    parts += [f"{p.short} {score(target.pillars[p.key])}" for p in PILLARS
              if p.key in target.pillars]
    return f"{', '.join(parts)} by {long_date(target.by)}: {status.text}"


def _leaderboard(people: Sequence[Person], changes: Mapping[str, float | None], end: dt.date,
                 today: dt.date) -> tuple[LeaderRow, ...]:
    """Highest SSI by the period's end first; the change over the period as the page's
    leaderboard counts it (team.periods) and each target's status (team.targets)."""
    found = [(p, c) for p in people if (c := _standing(p, end)) is not None]
    found.sort(key=lambda pc: (-pc[1].total, pc[0].name.casefold(), pc[0].name))
    totals = [c.total for _, c in found]
    return tuple(
        LeaderRow(place=1 + sum(t > c.total for t in totals), name=p.name, latest_on=c.on,
                  total=c.total, change=changes.get(p.name), target=_target_text(p, today))
        for p, c in found)


def _movers(found: Sequence[PersonChange]) -> tuple[Mover, ...]:
    return tuple(Mover(c.name, c.change or 0.0, c.latest_total or 0.0) for c in found)


def _due(people: Sequence[Person], start: dt.date, end: dt.date,
         today: dt.date) -> tuple[DueRow, ...]:
    """Who is due, by the cycle's own rule (team.due), as the page lists them."""
    period = Period(start, end, "the period")  # the reasons read "none in the period"
    return tuple(DueRow(row.name, row.latest_on, row.days_since, row.reason)
                 for row in due_people(people, today, period))


def _segment_of(tag: str) -> tuple[str, str]:
    """(kind, value) of a tag: 'Region : EMEA' -> ('region', 'EMEA'); 'EMEA' -> ('', 'EMEA')."""
    tidied = tidy_tag(tag)
    kind = tag_kind(tidied)
    return kind, tidied.partition(":")[2].strip() if kind else tidied


def _average(values: Sequence[float]) -> float | None:
    return round(fmean(values), PLACES) if values else None


def _segments(people: Sequence[Person], start: dt.date,
              end: dt.date) -> tuple[SegmentRow, ...]:
    members: dict[tuple[str, str], list[Person]] = {}
    spelled: dict[tuple[str, str], str] = {}
    for person in people:
        for tag in person.tags:
            kind, value = _segment_of(tag)
            key = (kind, value.casefold())
            spelled.setdefault(key, value)
            if person not in members.setdefault(key, []):
                members[key].append(person)
    rows = []
    for key in sorted(members, key=lambda k: (k[0] == "", k)):
        group = members[key]
        totals = [c.total for p in group if (c := _standing(p, end)) is not None]
        changes = [d for p in group if (d := ssi_change(p, start, end)) is not None]
        rows.append(SegmentRow(key[0], spelled[key], len(group), _average(totals),
                               _average(changes), len(changes)))
    return tuple(rows)


def _activity_totals(activity: Sequence[PersonActivity]) -> ActivityTotals:
    totals = tuple(
        (key, sum(a.totals[key] for a in activity if key in a.totals)
         if any(key in a.totals for a in activity) else None)
        for key in SHARED_KEYS)
    return ActivityTotals(len(activity), sum(a.weeks for a in activity), totals)


# ---- sections: what both files hold ----------------------------------------------------------

DATE, NUMBER = "yyyy-mm-dd", ""  # the workbook's formats (General for scores, as typed)


@dataclass(frozen=True)
class Section:
    title: str
    sheet: str
    columns: tuple[tuple[str, str], ...]  # (header, number format)
    rows: tuple[tuple[Cell, ...], ...]
    below: tuple[tuple[str, Cell], ...] = ()  # lines under the table (label, value)


def sections(report: TeamReport) -> tuple[Section, ...]:
    """The report as tables, in order: the CSV writes them one after another, the workbook
    a sheet each."""
    movers = (("Direction", ""), ("Name", ""), ("Change over the period", NUMBER),
              ("Latest SSI", NUMBER))
    return (
        Section("Leaderboard", "Leaderboard",
                (("Place", ""), ("Name", ""), ("Latest check-in", DATE), ("Latest SSI", NUMBER),
                 ("Change over the period", NUMBER), ("Target", "")),
                tuple((r.place, r.name, r.latest_on, r.total, r.change, r.target)
                      for r in report.leaderboard)),
        Section("Biggest movers", "Movers", movers,
                (*(("Up", m.name, m.change, m.total) for m in report.movers_up),
                 *(("Down", m.name, m.change, m.total) for m in report.movers_down))),
        Section(f"Due for a check-in (none for {DUE_DAYS}+ days, or none in the period)",
                "Due", (("Name", ""), ("Latest check-in", DATE), ("Days since", ""),
                        ("Why", "")),
                tuple((r.name, r.latest_on, r.days_since, r.reason) for r in report.due)),
        Section("Segments", "Segments",
                (("Kind", ""), ("Tag", ""), ("People", ""), ("Average latest SSI", NUMBER),
                 ("Average change", NUMBER), ("People with a change", "")),
                tuple((r.kind or "(no kind)", r.tag, r.people, r.average_total,
                       r.average_change, r.with_change) for r in report.segments)),
        _activity_section(report),
        Section("About", "About", (("What", ""), ("Value", "")),
                (("Period starts", report.start), ("Period ends", report.end),
                 ("Made on", report.today), ("People in the team", report.people),
                 ("Change over the period", "Last check-in by the end minus the last by the "
                                            "start; blank when one of them is missing"),
                 ("Activity", "Weekly totals people chose to share, for the weeks whose "
                              "Monday falls in the period; blank: never logged"))),
    )


def _activity_section(report: TeamReport) -> Section:
    totals = report.activity_totals
    columns = (("Name", ""), ("Weeks shared", ""), *((label, "") for _, label in SHARED),
               ("Actions per week", NUMBER), ("SSI change", NUMBER))
    rows = tuple((a.name, a.weeks, *(a.totals.get(k) for k in SHARED_KEYS),
                  a.weekly_actions(), a.change) for a in report.activity)
    below = (("People who shared", totals.people), ("Weeks shared", totals.weeks),
             *((f"{label}, team total", value) for (_, label), (_, value)
               in zip(SHARED, totals.totals, strict=True)))
    return Section("Shared activity", "Activity", columns, rows, below)


# ---- CSV ---------------------------------------------------------------------------------------

def team_report_csv(report: TeamReport) -> str:
    """Every section one after another (its title, header and rows, a blank line between),
    as the other CSV exports write (UTF-8 with a byte-order mark, CRLF, formula-like text
    escaped, numbers without trailing zeros)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([report.title])
    for section in sections(report):
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow([header for header, _ in section.columns])
        writer.writerows([_csv_cell(v) for v in row] for row in section.rows)
        if not section.rows:
            writer.writerow(["(none)"])
        writer.writerows([label, _csv_cell(value)] for label, value in section.below)
    return "\ufeff" + out.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return escape_formula(value)
    if isinstance(value, int):
        return str(value)
    return number_text(value)


# ---- the workbook ------------------------------------------------------------------------------

def team_report_xlsx(report: TeamReport) -> bytes:
    """The report as an .xlsx workbook, a sheet per section, written like the member's own
    workbook (exporters.workbook: typed cells, bold frozen headers, fitting widths)."""
    from ..exporters.workbook import Column, Table, tables_bytes  # with XlsxWriter, on demand

    sheets = [Table(s.sheet, tuple(Column(h, f) for h, f in s.columns), s.rows, s.below)
              for s in sections(report)]
    return tables_bytes(sheets, report.title, report.today)
