"""What each chart shows, as plain data: the drawing and the text alternative both read it.

Charts over time are `Chart`s (one value per date; events the member noted become markers,
named in the summary). The peers chart is a `PeersChart`: one value per pillar for the
member and each peer group, with the rows of the table that shows the same numbers. The
Posts view's charts are `WeeksChart`s: a bar per ISO week (weeks not complete told apart),
a line on its own axis, and the table beside the chart. An account's people are a
`GridChart`: stance × influence, a count per cell, with the names in the table. The team's
activity against SSI change is an `ActivityChart`: a point per person, a least-squares line and
its r, with the table beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..accounts.coverage import present
from ..model import (
    INFLUENCES,
    PILLAR_MAX,
    PILLARS,
    ROLES,
    STANCES,
    TOTAL_MAX,
    Account,
    CheckIn,
    Pillar,
    Stakeholder,
    display_total,
    label_of,
)
from ..peers.compare import PeerComparison, gap_trend
from ..peers.events import notes_of
from ..posts.weekly import PostWeek, totals_of
from ..text import change, count, long_date, percent, score, whole

# One colour per pillar, everywhere (charts here; the stylesheet's --pillar-<key> has the same):
# the Okabe-Ito palette, distinguishable with the common forms of colour blindness. Colour is
# never the only signal: every chart names its pillars in a legend or on an axis.
PILLAR_COLOURS: dict[str, str] = {
    "brand": "#0072B2",  # blue
    "people": "#E69F00",  # orange
    "insights": "#009E73",  # green
    "relationships": "#CC79A7",  # purple-pink
}


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # one per date (per pillar in a PeersChart); None: unknown
    pillar: str | None = None  # the pillar key when the series is one pillar's scores


@dataclass(frozen=True)
class Marker:
    """Something the member noted on a check-in, drawn as a vertical line on its date."""

    on: dt.date
    label: str  # the events, e.g. "Holiday or time off, Job change"


@dataclass(frozen=True)
class Chart:
    title: str
    dates: tuple[dt.date, ...]
    series: tuple[Series, ...]
    y_label: str
    y_max: float
    summary: str  # one sentence for screen readers and the figure caption
    lower_is_better: bool = False
    markers: tuple[Marker, ...] = ()  # their labels are in the summary too


def trend_chart(checkins: Sequence[CheckIn]) -> Chart | None:
    """Total and the four pillars over time; needs two check-ins to be a trend."""
    if len(checkins) < 2:
        return None
    first, last = checkins[0], checkins[-1]
    pillar_series = tuple(
        Series(p.short, tuple(c.score_of(p) for c in checkins), p.key) for p in PILLARS
    )
    markers = event_markers(checkins)
    return Chart(
        title="SSI over time",
        dates=tuple(c.on for c in checkins),
        series=(*pillar_series, Series("Total", tuple(c.total for c in checkins))),
        y_label=f"Score (pillars 0-{PILLAR_MAX} each, total 0-{TOTAL_MAX})",
        y_max=TOTAL_MAX,
        summary=(f"Your SSI went from {display_total(first.total)} on {long_date(first.on)} "
                 f"to {display_total(last.total)} on {long_date(last.on)} "
                 f"over {len(checkins)} check-ins.{markers_words(markers)}"),
        markers=markers,
    )


def rank_chart(checkins: Sequence[CheckIn]) -> Chart | None:
    """Industry and network rank over time, once two check-ins carry a rank."""
    ranked = [c for c in checkins if c.industry_rank is not None or c.network_rank is not None]
    if len(ranked) < 2:
        return None
    series = tuple(
        Series(label, tuple(getattr(c, attribute) for c in ranked))
        for label, attribute in (("Industry", "industry_rank"), ("Network", "network_rank"))
        if any(getattr(c, attribute) is not None for c in ranked)
    )
    latest = ", ".join(f"{s.label.lower()} Top {_last_known(s)}%" for s in series)
    return Chart(
        title="Rank over time (Top N%, lower is better)",
        dates=tuple(c.on for c in ranked),
        series=series,
        y_label="Top N% (1 is best)",
        y_max=100,
        summary=f"Ranks over {len(ranked)} check-ins; latest {latest}.",
        lower_is_better=True,
    )


def _last_known(series: Series) -> int:
    return int(next(v for v in reversed(series.values) if v is not None))


# ---- events -----------------------------------------------------------------------------------

def event_markers(checkins: Sequence[CheckIn]) -> tuple[Marker, ...]:
    """One marker per check-in with events noted on it."""
    return tuple(Marker(note.on, note.labels) for note in notes_of(checkins))


def markers_words(markers: Sequence[Marker]) -> str:
    """' Events noted: 1 Oct 2026, Holiday or time off; …' ('' without any): the markers'
    labels in the chart's text summary."""
    if not markers:
        return ""
    return " Events noted: " + "; ".join(f"{long_date(m.on)}, {m.label}" for m in markers) + "."


# ---- peers ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PeersChart:
    """Each pillar for the member and each peer group recorded, and the same as a table."""

    title: str
    pillars: tuple[Pillar, ...]  # the categories, in PILLARS order
    series: tuple[Series, ...]  # "You" first, then each group recorded; one value per pillar
    y_label: str
    y_max: float
    head: tuple[str, ...]  # the table's column headings
    rows: tuple[tuple[str, ...], ...]  # one per pillar: its label, then the cells as shown
    summary: str


def peers_chart(found: PeerComparison) -> PeersChart:
    """You vs industry vs network, per pillar, on the check-in `found` compares."""
    groups = found.groups
    series = (Series("You", tuple(p.own for p in found.pillars)),
              *(Series(g.label, tuple(p.average(g) for p in found.pillars)) for g in groups))
    head = ("Pillar", "You", *(g.label for g in groups),
            *(f"You − {g.label.lower()}" for g in groups))
    rows = tuple(
        (p.pillar.label, score(p.own), *(_cell(p.average(g)) for g in groups),
         *(change(p.gap(g), 3) for g in groups))
        for p in found.pillars)
    return PeersChart(
        title="You and your peers, pillar by pillar",
        pillars=PILLARS, series=series, y_label=f"Score (0-{PILLAR_MAX})", y_max=PILLAR_MAX,
        head=head, rows=rows,
        summary=(f"Your four pillars beside the average of "
                 f"{' and '.join(f'your {g.key}' for g in groups)}. {found.summary}"))


def _cell(value: float | None) -> str:
    return "not recorded" if value is None else score(value)


def gap_chart(checkins: Sequence[CheckIn]) -> Chart | None:
    """Each pillar's gap to the peers' average over time; needs two check-ins with peers.
    A gap is the member's score minus the mean of the groups recorded: above 0 is ahead."""
    trend = gap_trend(checkins)
    if trend.known < 2:
        return None
    series = tuple(Series(g.pillar.short, g.gaps, g.pillar.key) for g in trend.pillars)
    latest = ", ".join(f"{s.label} {change(_last(s), 3)}" for s in series)
    markers = event_markers(checkins)
    return Chart(
        title="Your pillars against your peers' average",
        dates=trend.dates,
        series=series,
        y_label="Gap to your peers (points)",
        y_max=PILLAR_MAX,
        summary=(f"Each pillar's gap to the average of your industry and network over "
                 f"{trend.known} check-ins with peers; latest {latest}."
                 f"{markers_words(markers)}"),
        markers=markers,
    )


def _last(series: Series) -> float:
    return next(v for v in reversed(series.values) if v is not None)


# ---- posts ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class WeeksChart:
    """A bar per ISO week and a line on its own right-hand axis (engagements are a few
    percent of impressions; the follower total is thousands next to a few new followers a
    week), optionally the engagement rate in a panel below; with the table beside it."""

    title: str
    weeks: tuple[dt.date, ...]  # Mondays, oldest first
    complete: tuple[bool, ...]  # per week: False draws its bar hatched ("partial week")
    bars: Series  # one value per week, on the left axis
    y_label: str
    line: Series  # one value per `line_dates`, on the right axis
    line_dates: tuple[dt.date, ...]
    line_label: str
    head: tuple[str, ...]  # the table's column headings
    rows: tuple[tuple[str, ...], ...]  # one per week (or per date), the cells as shown
    summary: str
    rate: Series | None = None  # engagement rate in percent per week, drawn below


def post_weeks_chart(weeks: Sequence[PostWeek]) -> WeeksChart | None:
    """Weekly impressions (bars) and engagements (line), the engagement rate below; None
    without any week."""
    if not weeks:
        return None
    # A week not complete has no rate point: a partial day's few impressions would make the
    # line plunge (or spike) at the end for no reason. Its bar is hatched instead.
    rates = tuple(None if (r := w.engagement_rate()) is None or not w.complete
                  else round(r * 100, 2) for w in weeks)
    return WeeksChart(
        title="Impressions and engagements per week",
        weeks=tuple(w.week for w in weeks), complete=tuple(w.complete for w in weeks),
        bars=Series("Impressions", tuple(float(w.impressions) for w in weeks)),
        y_label="Impressions per week",
        line=Series("Engagements", tuple(float(w.engagements) for w in weeks)),
        line_dates=tuple(w.week for w in weeks), line_label="Engagements per week",
        rate=Series("Engagement rate (%)", rates),
        head=("Week of", "Impressions", "Engagements", "Engagement rate", "Complete"),
        rows=tuple((long_date(w.week), whole(w.impressions), whole(w.engagements),
                    percent(w.engagement_rate()), _completeness(w)) for w in weeks),
        summary=_weeks_summary(weeks),
    )


def _completeness(week: PostWeek) -> str:
    if week.complete:
        return "yes"
    if week.partial:
        return "no: holds an export day"
    return f"no: {count(week.days, 'day')}"


def _weeks_summary(weeks: Sequence[PostWeek]) -> str:
    impressions, engagements, _ = totals_of(weeks)
    complete = [w for w in weeks if w.complete]
    text = (f"{whole(impressions)} impressions and {whole(engagements)} engagements over "
            f"{count(len(weeks), 'week')}, {len(complete):,} of them complete.")
    if complete:
        last = complete[-1]
        text += (f" Last complete week, of {long_date(last.week)}: "
                 f"{whole(last.impressions)} impressions, {whole(last.engagements)} "
                 f"engagements ({percent(last.engagement_rate())}).")
    return text


def followers_chart(weeks: Sequence[PostWeek],
                    totals: Sequence[tuple[dt.date, int]]) -> WeeksChart | None:
    """New followers per week (bars) and the follower total each export stated (line, at its
    export day); None when there is neither. Totals are kept as stated, never rebuilt from
    the weekly gains (those are gross, the total is net of unfollows)."""
    counted = [w for w in weeks if w.new_followers is not None]
    if not counted and not totals:
        return None
    rows = sorted([(w.week, "Week of", w) for w in counted] + [(d, "Total", n) for d, n in totals],
                  key=lambda row: (row[0], row[1]))
    return WeeksChart(
        title="New followers per week and your follower total",
        weeks=tuple(w.week for w in counted), complete=tuple(w.complete for w in counted),
        bars=Series("New followers", tuple(float(w.new_followers or 0) for w in counted)),
        y_label="New followers per week",
        line=Series("Follower total", tuple(float(n) for _, n in totals)),
        line_dates=tuple(d for d, _ in totals), line_label="Follower total",
        head=("Date", "New followers that week", "Follower total", "Complete"),
        rows=tuple(_follower_row(row) for row in rows),
        summary=_followers_summary(counted, totals),
    )


def _follower_row(row: tuple[dt.date, str, PostWeek | int]) -> tuple[str, ...]:
    day, _, value = row
    if isinstance(value, PostWeek):
        return (f"Week of {long_date(day)}", whole(value.new_followers or 0), "",
                _completeness(value))
    return (long_date(day), "", whole(value), "")


def _followers_summary(weeks: Sequence[PostWeek], totals: Sequence[tuple[dt.date, int]]) -> str:
    parts = []
    if weeks:
        gained = sum(w.new_followers or 0 for w in weeks)
        parts.append(f"{whole(gained)} new followers over {count(len(weeks), 'week')}.")
    if totals:
        day, total = totals[-1]
        parts.append(f"Follower total {whole(total)} on {long_date(day)}"
                     + (f", from {whole(totals[0][1])} on {long_date(totals[0][0])}."
                        if len(totals) > 1 else "."))
    return " ".join(parts)


# ---- an account's people ----------------------------------------------------------------------

@dataclass(frozen=True)
class GridChart:
    """An account's people still at the company, stance (columns) × influence (rows, high on
    top): a count per cell, the roles drawn in it, and the names in the table."""

    title: str
    rows: tuple[str, ...]  # influence labels, top to bottom
    columns: tuple[str, ...]  # stance labels, left to right
    counts: tuple[tuple[int, ...], ...]  # [row][column]
    roles: tuple[tuple[str, ...], ...]  # [row][column]: the roles in the cell, e.g. "2× User"
    head: tuple[str, ...]  # the table's column headings
    table: tuple[tuple[str, ...], ...]  # one per influence: its label, then each cell's people
    summary: str


def stance_grid(account: Account) -> GridChart | None:
    """Where the account's people stand and how much they weigh; None with nobody there."""
    people = present(account)
    if not people:
        return None
    cells = [[[p for p in people if (p.stance, p.influence) == (stance.key, influence.key)]
              for stance in STANCES] for influence in INFLUENCES]
    rows = tuple(f"{i.label} influence" for i in INFLUENCES)
    return GridChart(
        title=f"Where the people at {account.company} stand",
        rows=rows,
        columns=tuple(s.label for s in STANCES),
        counts=tuple(tuple(len(cell) for cell in row) for row in cells),
        roles=tuple(tuple(_roles(cell) for cell in row) for row in cells),
        head=("Influence", *(s.label for s in STANCES)),
        table=tuple((label, *("; ".join(f"{p.name} ({label_of(ROLES, p.role).lower()})"
                                       for p in cell) or "—" for cell in row))
                    for label, row in zip(rows, cells, strict=True)),
        summary=_grid_summary(account, cells),
    )


def _roles(cell: Sequence[Stakeholder]) -> str:
    """'Champion, 2× User': the roles in a cell, in ROLES order."""
    keys = [p.role for p in cell]
    return ", ".join(f"{n}× {r.label}" if (n := keys.count(r.key)) > 1 else r.label
                     for r in ROLES if r.key in keys)


def _grid_summary(account: Account, cells: Sequence[Sequence[Sequence[Stakeholder]]]) -> str:
    parts = []
    for influence, row in zip(INFLUENCES, cells, strict=True):
        total = sum(len(cell) for cell in row)
        if total:
            stances = ", ".join(f"{len(cell)} {stance.label.lower()}"
                                for stance, cell in zip(STANCES, row, strict=True) if cell)
            parts.append(f"{total} with {influence.label.lower()} influence ({stances})")
    people = sum(len(cell) for row in cells for cell in row)
    text = f"{count(people, 'person', 'people')} mapped at {account.company}: {'; '.join(parts)}."
    gone = len(account.people) - people
    if gone:
        text += f" {count(gone, 'person', 'people')} who moved {'is' if gone == 1 else 'are'} " \
                "left out."
    return text


# ---- the team's activity against SSI change --------------------------------------------------

@dataclass(frozen=True)
class ScatterPoint:
    label: str  # the person's name
    x: float
    y: float


@dataclass(frozen=True)
class ActivityChart:
    """A point per person (x: actions per week, y: SSI change over the period), the
    least-squares line y = slope * x + intercept and Pearson's r when the points give them,
    and the table beside the chart (built in `ssi_coach.team.activity`)."""

    title: str
    points: tuple[ScatterPoint, ...]  # by name
    x_label: str
    y_label: str
    slope: float | None
    intercept: float | None
    r: float | None
    people: str  # "12 people": how many points
    head: tuple[str, ...]  # the table's column headings
    rows: tuple[tuple[str, ...], ...]  # one per point, the cells as shown
    summary: str
