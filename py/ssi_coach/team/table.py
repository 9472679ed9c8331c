"""The team view: a coach's team members, each from their own share links or files, side by side.

Each member is a `Person` in `Document.people`, with the check-ins kept from their share
links, backups or CSV files. They are never mixed with the coach's own `checkins`, and no
function here changes anything in a document but `people`.

    add_to_team(document, name, checkins, today, activity=()) -> TeamChange | list[FieldError]
    rename_person(document, old, new) -> Document | FieldError
    find_person(people, name) -> int | None
    remove_person(document, name) -> Document
    put_back(document, person) -> Document | None
    add_missing_people(document, people) -> Document
    name_for_file(file_name) -> str
    TeamSort().clicked(key) -> TeamSort
    team_view(people, today, *, sort_by="total", descending=True) -> TeamView | None
    resort(view, sort_by, descending) -> TeamView
    team_csv(view) -> str

Names are tidied the way share links tidy them (runs of spaces and line breaks become one
space, at most MAX_NAME_LENGTH characters) and compared ignoring case, so "ann  lee" and
"Ann Lee" are the same person: adding either again refreshes her instead of adding a second
row. A name someone typed that cannot be used is returned as a FieldError; only a programming
error (a sort key not in SORT_KEYS) raises.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from statistics import fmean, median

from ..activity.actions import ACTIONS
from ..charts.data import Chart, Series
from ..checkins.merge import merge_checkins
from ..exporters.csv_checkins import CSV_COLUMNS, escape_formula, number_text
from ..exporters.share import MAX_NAME_LENGTH
from ..model import (
    PILLAR_KEYS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    CheckIn,
    Document,
    FieldError,
    Person,
    Pillar,
    WeekLog,
    weakest_pillars,
)
from ..text import score

SORT_KEYS: tuple[str, ...] = ("name", "total", *PILLAR_KEYS, "industry_rank", "network_rank",
                              "change", "days_since")
# A check-in stands for its person this many months after its own in the team trend: people
# check in about monthly, and a longer gap says more about the habit than about the score.
CARRY_MONTHS = 3
PLACES = 3  # averages and medians are rounded to the pillars' own precision
HEAT_MAP_ROWS = 40  # people in the heat map; a larger team is in the table, all of it
# Names read A to Z first and ranks and days lowest first; every other column (the scores
# and their change) best, that is highest, first.
ASCENDING_FIRST = frozenset({"name", "industry_rank", "network_rank", "days_since"})


# ---- records -----------------------------------------------------------------------------

@dataclass(frozen=True)
class TeamChange:
    """A document after add_to_team, and what happened, for the message to the coach."""

    document: Document  # the same document when nothing changed
    name: str  # as kept: a refreshed person keeps the name the coach already gave them
    is_new: bool
    added: int
    updated: int
    unchanged: int
    weeks_changed: int = 0  # shared activity weeks new or different from those kept

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.weeks_changed)


@dataclass(frozen=True)
class TeamRow:
    """One person's latest check-in and what it says. Pillar fields are named as on CheckIn,
    so every sort key is an attribute."""

    name: str
    latest_on: dt.date
    total: float
    brand: float
    people: float
    insights: float
    relationships: float
    industry_rank: int | None  # "Top N%": lower is better; None when not given
    network_rank: int | None
    change: float | None  # total since the person's previous check-in; None for the first
    days_since: int  # since the latest check-in
    weakest: Pillar  # the lowest score, the first in PILLARS order among equals
    action: str  # the catalogue's first weekly action for the weakest pillar

    def scores(self) -> tuple[float, ...]:
        return tuple(getattr(self, key) for key in PILLAR_KEYS)


@dataclass(frozen=True)
class TeamStats:
    """Average or median over the rows, rounded to PLACES decimals. A rank's figure counts
    only the people who gave one, and is None when nobody did."""

    total: float
    brand: float
    people: float
    insights: float
    relationships: float
    industry_rank: float | None
    network_rank: float | None


@dataclass(frozen=True)
class HeatMap:
    """Pillar scores as a matrix: scores[i][j] is names[i]'s score in pillars[j]."""

    title: str
    names: tuple[str, ...]  # highest total first (then by name), whatever the table's sort
    pillars: tuple[Pillar, ...]
    scores: tuple[tuple[float, ...], ...]
    v_max: float
    summary: str  # one sentence for screen readers and the figure caption
    left_out: int = 0  # people beyond HEAT_MAP_ROWS, in the table only


@dataclass(frozen=True)
class TeamView:
    rows: tuple[TeamRow, ...]  # sorted as asked
    average: TeamStats
    median: TeamStats
    heat_map: HeatMap
    trend: Chart | None  # the team's average total by month; None under two months
    sort_by: str
    descending: bool


# ---- names -------------------------------------------------------------------------------

def _tidy(name: str) -> str:
    return " ".join(name.split())[:MAX_NAME_LENGTH].rstrip()


def _same_name(one: str, other: str) -> bool:
    return _tidy(one).casefold() == _tidy(other).casefold()


def _find(people: Sequence[Person], name: str) -> int | None:
    return next((i for i, p in enumerate(people) if _same_name(p.name, name)), None)


def find_person(people: Sequence[Person], name: str) -> int | None:
    """Where `name` (tidied, ignoring case) is in `people`; None when nobody has that name."""
    return _find(people, name)


def _put_at(people: tuple[Person, ...], index: int, person: Person) -> tuple[Person, ...]:
    return (*people[:index], person, *people[index + 1:])


# ---- changing the team -------------------------------------------------------------------

def add_to_team(document: Document, name: str, checkins: Sequence[CheckIn],
                today: dt.date, activity: Sequence[WeekLog] = ()) -> TeamChange | list[FieldError]:
    """Keep `checkins` (and the weekly `activity` their report shared) as `name`'s: a new
    person at the end of the team, or, when the name is already there (ignoring case), that
    person refreshed and saved `today`, keeping their target and tags; in a week both hold,
    the report being added wins. Adding the same link twice changes nothing, not even the
    saved date."""
    tidied = _tidy(name)
    errors = _add_errors(tidied, checkins)
    if errors:
        return errors
    index = _find(document.people, tidied)
    current = Person(tidied, (), today) if index is None else document.people[index]
    merged = merge_checkins(current.checkins, checkins)
    weeks, weeks_changed = _merge_weeks(current.activity, activity)
    person = replace(current, checkins=merged.checkins, saved_on=today, activity=weeks)
    people = (*document.people, person) if index is None else _put_at(document.people, index,
                                                                       person)
    result = replace(document, people=people) if merged.changed or weeks_changed else document
    return TeamChange(result, current.name, index is None, merged.added, merged.updated,
                      merged.unchanged, weeks_changed)


def _merge_weeks(kept: Sequence[WeekLog], shared: Sequence[WeekLog],
                 ) -> tuple[tuple[WeekLog, ...], int]:
    """The weeks kept with the newly shared ones standing in for the same weeks, oldest
    first, and how many weeks that added or changed."""
    by_week = {w.week: w for w in kept}
    changed = sum(1 for w in shared if by_week.get(w.week) != w)
    by_week.update((w.week, w) for w in shared)
    return tuple(by_week[week] for week in sorted(by_week)), changed


def _add_errors(name: str, checkins: Sequence[CheckIn]) -> list[FieldError]:
    errors = []
    if not name:
        errors.append(FieldError("name", "Type the person's name, so you can tell the rows "
                                        "of the team apart."))
    if not checkins:
        errors.append(FieldError("checkins", "There are no check-ins to keep: the link or file "
                                            "holds none."))
    return errors


def rename_person(document: Document, old: str, new: str) -> Document | FieldError:
    """The document with `old` (found ignoring case) called `new`, tidied. Names stay unique
    ignoring case; changing only a name's case is fine."""
    index = _find(document.people, old)
    if index is None:
        return FieldError("person", f"There is no “{_tidy(old)}” in the team.")
    name = _tidy(new)
    if not name:
        return FieldError("name", "Type the new name; a name cannot be empty.")
    if any(i != index and _same_name(p.name, name) for i, p in enumerate(document.people)):
        return FieldError("name", f"“{name}” is already in the team; choose another name.")
    person = replace(document.people[index], name=name)
    return replace(document, people=_put_at(document.people, index, person))


def remove_person(document: Document, name: str) -> Document:
    """The document without anyone kept as `name` (ignoring case), check-ins and all; the
    same document when there is no one by that name."""
    kept = tuple(p for p in document.people if not _same_name(p.name, name))
    return document if len(kept) == len(document.people) else replace(document, people=kept)


def put_back(document: Document, person: Person) -> Document | None:
    """The document with a removed `person` back at the end of the team, check-ins and all;
    None when someone by that name (ignoring case) is in the team again."""
    if _find(document.people, person.name) is not None:
        return None
    return replace(document, people=(*document.people, person))


def add_missing_people(document: Document, people: Sequence[Person]) -> Document:
    """The document with those of `people` (from a backup) it lacks added after its own.
    Someone already in the team (by name, ignoring case) keeps the member's copy."""
    kept = list(document.people)
    for person in people:
        if _find(kept, person.name) is None:
            kept.append(person)
    return document if len(kept) == len(document.people) else replace(document,
                                                                      people=tuple(kept))


def name_for_file(file_name: str) -> str:
    """The name a person added from a file gets when none was typed: the file's name
    without its extension ("ann-lee.csv" -> "ann-lee")."""
    return file_name.rsplit(".", 1)[0].strip()


# ---- the view ----------------------------------------------------------------------------

@dataclass(frozen=True)
class TeamSort:
    """How the team table is sorted: by one of SORT_KEYS, in which direction."""

    by: str = "total"
    descending: bool = True

    def clicked(self, key: str) -> TeamSort:
        """The order after the member picks the column `key`: the same column again turns
        the order round; another column starts best first (see ASCENDING_FIRST)."""
        if key not in SORT_KEYS:
            raise ValueError(f"cannot sort the team by {key!r}; use one of {SORT_KEYS}")
        if key == self.by:
            return TeamSort(key, not self.descending)
        return TeamSort(key, key not in ASCENDING_FIRST)


def team_view(people: Sequence[Person], today: dt.date, *, sort_by: str = "total",
              descending: bool = True) -> TeamView | None:
    """The team table and charts for the people who have check-ins; None when nobody has.

    Rows sort by any of SORT_KEYS; rows without a value (no rank, a first check-in) always
    come last, and equal values go by name A to Z, whichever the direction."""
    if sort_by not in SORT_KEYS:
        raise ValueError(f"cannot sort the team by {sort_by!r}; use one of {SORT_KEYS}")
    with_checkins = [p for p in people if p.checkins]
    if not with_checkins:
        return None
    rows = _sorted_rows([_row(p, today) for p in with_checkins], sort_by, descending)
    average = _stats(rows, fmean)
    return TeamView(rows, average, _stats(rows, median), _heat_map(rows, average),
                    _trend(with_checkins), sort_by, descending)


def resort(view: TeamView, sort_by: str, descending: bool) -> TeamView:
    """The same view with its rows in another order: the statistics, heat map and trend do
    not depend on it, so a click on a heading costs a sort, not a new view."""
    if sort_by not in SORT_KEYS:
        raise ValueError(f"cannot sort the team by {sort_by!r}; use one of {SORT_KEYS}")
    return replace(view, rows=_sorted_rows(list(view.rows), sort_by, descending),
                   sort_by=sort_by, descending=descending)


def _first_weekly_actions() -> dict[str, str]:
    """Pillar key -> the catalogue's first weekly habit for it: concrete, and never a
    checklist item the person may well have done already."""
    titles: dict[str, str] = {}
    for idea in ACTIONS:
        if idea.rates and not idea.item:
            titles.setdefault(idea.pillar, idea.title)
    return titles


_ACTION_FOR = _first_weekly_actions()


def _row(person: Person, today: dt.date) -> TeamRow:
    latest = person.checkins[-1]
    previous = person.checkins[-2] if len(person.checkins) > 1 else None
    weakest = weakest_pillars(latest.score_of)[0]  # the first in PILLARS order among equals
    return TeamRow(
        name=person.name, latest_on=latest.on, total=latest.total,
        brand=float(latest.brand), people=float(latest.people),
        insights=float(latest.insights), relationships=float(latest.relationships),
        industry_rank=latest.industry_rank, network_rank=latest.network_rank,
        change=None if previous is None else round(latest.total - previous.total, PLACES),
        days_since=(today - latest.on).days,
        weakest=weakest, action=_ACTION_FOR.get(weakest.key, ""),
    )


def _name_order(row: TeamRow) -> tuple[str, str]:
    return row.name.casefold(), row.name


def _sorted_rows(rows: list[TeamRow], key: str, descending: bool) -> tuple[TeamRow, ...]:
    if key == "name":
        return tuple(sorted(rows, key=_name_order, reverse=descending))
    by_name = sorted(rows, key=_name_order)
    known = [r for r in by_name if getattr(r, key) is not None]
    unknown = [r for r in by_name if getattr(r, key) is None]
    # sorted() stays stable with reverse=True, so equal values keep the name order.
    return (*sorted(known, key=lambda r: getattr(r, key), reverse=descending), *unknown)


def _stats(rows: Sequence[TeamRow], how: Callable[[list[float]], float]) -> TeamStats:
    def over(key: str) -> float:
        return round(float(how([getattr(r, key) for r in rows])), PLACES)

    def over_ranked(key: str) -> float | None:
        ranks = [float(getattr(r, key)) for r in rows if getattr(r, key) is not None]
        return round(float(how(ranks)), PLACES) if ranks else None

    return TeamStats(total=over("total"), brand=over("brand"), people=over("people"),
                     insights=over("insights"), relationships=over("relationships"),
                     industry_rank=over_ranked("industry_rank"),
                     network_rank=over_ranked("network_rank"))


def _heat_map(rows: Sequence[TeamRow], average: TeamStats) -> HeatMap:
    """In a fixed order (highest total first), so sorting the table never redraws it, and at
    most HEAT_MAP_ROWS people: the chart of a 300-person team would be metres tall."""
    lowest = min(PILLARS, key=lambda p: float(getattr(average, p.key)))
    people = "1 person" if len(rows) == 1 else f"{len(rows)} people"
    ordered = sorted(rows, key=lambda r: (-r.total, *_name_order(r)))
    shown = ordered[:HEAT_MAP_ROWS]
    cut = (f" The {len(shown)} highest totals are shown; the table has everyone."
           if len(ordered) > len(shown) else "")
    return HeatMap(
        title="Pillar scores by person",
        names=tuple(r.name for r in shown), pillars=PILLARS,
        scores=tuple(r.scores() for r in shown), v_max=PILLAR_MAX,
        summary=(f"Pillar scores of {people}, 0 to {PILLAR_MAX} each; on average the team is "
                 f"lowest in {lowest.label} ({score(round(getattr(average, lowest.key), 1))})."
                 + cut),
        left_out=len(ordered) - len(shown),
    )


# ---- the trend -----------------------------------------------------------------------------

def _month_number(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(number: int) -> dt.date:
    return dt.date(number // 12, number % 12 + 1, 1)


def _standing(person: Person, month: int) -> CheckIn | None:
    """The person's last check-in in or before `month`, unless older than CARRY_MONTHS."""
    last = next((c for c in reversed(person.checkins) if _month_number(c.on) <= month), None)
    if last is None or month - _month_number(last.on) > CARRY_MONTHS:
        return None
    return last


def _month_average(people: Sequence[Person], month: int) -> float | None:
    totals = [c.total for p in people if (c := _standing(p, month)) is not None]
    return round(fmean(totals), PLACES) if totals else None


def _trend(people: Sequence[Person]) -> Chart | None:
    """The team's average total by month, from the first month anyone checked in to the last;
    a month nobody stands for is left out rather than drawn as zero."""
    first = min(_month_number(p.checkins[0].on) for p in people)
    last = max(_month_number(p.checkins[-1].on) for p in people)
    points = [(month, value) for month in range(first, last + 1)
              if (value := _month_average(people, month)) is not None]
    if len(points) < 2:
        return None
    dates = tuple(_month_start(month) for month, _ in points)
    values = tuple(value for _, value in points)
    return Chart(
        title="Team average SSI by month",
        dates=dates,
        series=(Series("Team average", values),),
        y_label=f"Average SSI (0-{TOTAL_MAX})",
        y_max=TOTAL_MAX,
        summary=(f"The team's average SSI went from {score(round(values[0], 1))} in "
                 f"{_month_text(dates[0])} to {score(round(values[-1], 1))} in "
                 f"{_month_text(dates[-1])} over {len(points)} months."),
    )


def _month_text(day: dt.date) -> str:
    return f"{day.strftime('%b')} {day.year}"


# ---- CSV ---------------------------------------------------------------------------------

_CHECKIN_HEADERS = dict(CSV_COLUMNS)
TEAM_CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("latest_on", "Latest check-in"),
    *((key, _CHECKIN_HEADERS[key]) for key in ("total", *PILLAR_KEYS, "industry_rank",
                                                "network_rank")),
    ("change", "Change since previous check-in"),
    ("days_since", "Days since latest check-in"),
    ("weakest", "Weakest pillar"),
    ("action", "Suggested weekly action"),
)


def team_csv(view: TeamView) -> str:
    """The team table as CSV, as the check-in export writes it (UTF-8 with a byte-order mark,
    CRLF, numbers without trailing zeros, formula-like text escaped): a header, a row per
    person in the view's order, then Average and Median rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header for _, header in TEAM_CSV_COLUMNS)
    for row in view.rows:
        writer.writerow(_cell(getattr(row, key)) for key, _ in TEAM_CSV_COLUMNS)
    for label, stats in (("Average", view.average), ("Median", view.median)):
        writer.writerow([label, *(_cell(getattr(stats, key, None))
                                  for key, _ in TEAM_CSV_COLUMNS[1:])])
    return "\ufeff" + out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Pillar):
        value = value.label
    if isinstance(value, str):
        return escape_formula(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    raise TypeError(f"no CSV text for {value!r}")
