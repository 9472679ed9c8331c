"""Does SSI pay off for me? Pair each check-in with the outcomes logged just before it.

Honesty first: fewer than MIN_POINTS pairs give "not enough data", never a number, and every
finding says that moving together is not the same as one causing the other.

Beside the outcomes the member logs, each check-in also gets the posts logged and the
impressions those posts made (from the post analytics workbooks) over the same weeks, so
visibility can be read next to SSI and results (`REACH`).

Won and lost target accounts are outcomes too (`deal_outcomes`): counted per month of their
close date, with their value, next to that month's SSI, and deals won per month read against
SSI with the same honesty rules.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..charts.data import Chart, Series
from ..model import OUTCOMES, TOTAL_MAX, Account, CheckIn, Measure, WeekLog
from ..posts.weekly import PostWeek
from .explain import WEEKS_BEFORE, logs_in, window_weeks

MIN_POINTS = 6  # domain rule: correlations from fewer than ~6 points are not findings
CAVEAT = "Moving together is not proof that one causes the other."
# |r| thresholds, from weakest up; conventional rules of thumb, good enough for plain words.
STRENGTHS = ((0.1, "no clear"), (0.3, "a weak"), (0.5, "a moderate"), (1.01, "a strong"))
# Read next to the outcomes: posts from the weekly log, impressions from post analytics.
POSTS = Measure("posts", "Posts published", "brand")
IMPRESSIONS = Measure("impressions", "Impressions of your posts", "outcomes")
REACH: tuple[Measure, ...] = (POSTS, IMPRESSIONS)
SHOWN: tuple[Measure, ...] = (*OUTCOMES, *REACH)
THOUSAND = 1000  # impressions are charted in thousands, next to counts of a few


@dataclass(frozen=True)
class OutcomePoint:
    """A check-in's SSI and each outcome summed over the whole weeks before it; `outcomes`
    also holds the posts logged and their impressions over those weeks (keys of REACH)."""

    on: dt.date
    ssi: float
    outcomes: Mapping[str, int | None]


@dataclass(frozen=True)
class Correlation:
    measure: Measure
    r: float | None  # None when there is no honest number to give
    points: int  # check-ins with this outcome logged
    verdict: str


def outcome_points(checkins: Sequence[CheckIn], weeks: Sequence[WeekLog],
                   posts: Sequence[PostWeek] = ()) -> tuple[OutcomePoint, ...]:
    """Each check-in with its outcomes, posts and impressions (`posts`: the weekly post
    analytics, `posts.weekly`) over the whole weeks before it."""
    return tuple(OutcomePoint(c.on, c.total, _sums(c, weeks, posts)) for c in checkins)


def _sums(checkin: CheckIn, weeks: Sequence[WeekLog],
          posts: Sequence[PostWeek]) -> dict[str, int | None]:
    """Each total over the window, or None unless every week in it is known (logged, or a
    complete week of post analytics): a sum over fewer weeks would look like a drop."""
    logs = {w.week: w for w in logs_in(checkin.on, weeks)}
    days = window_weeks(checkin.on)
    sums: dict[str, int | None] = {}
    for measure in (*OUTCOMES, POSTS):
        sums[measure.key] = _whole([logs[day].count(measure.key) if day in logs else None
                                    for day in days])
    analysed = {w.week: w.impressions for w in posts if w.complete}
    sums[IMPRESSIONS.key] = _whole([analysed.get(day) for day in days])
    return sums


def _whole(counts: Sequence[int | None]) -> int | None:
    known = [c for c in counts if c is not None]
    return sum(known) if len(known) == WEEKS_BEFORE else None


def correlations(points: Sequence[OutcomePoint]) -> tuple[Correlation, ...]:
    """Pearson's r between SSI and each outcome, one per outcome measure; then posts and
    impressions, where any check-in has them (SHOWN's order)."""
    shown = [*OUTCOMES, *(m for m in REACH if any(p.outcomes.get(m.key) is not None
                                                  for p in points))]
    return tuple(_correlation(m, points) for m in shown)


def _correlation(measure: Measure, points: Sequence[OutcomePoint]) -> Correlation:
    pairs = [(p.ssi, value) for p in points
             if (value := p.outcomes.get(measure.key)) is not None]
    if len(pairs) < MIN_POINTS:
        return Correlation(measure, None, len(pairs),
                           f"not enough data ({len(pairs)} of {MIN_POINTS} points)")
    ssi, outcome = [x for x, _ in pairs], [float(y) for _, y in pairs]
    flat = _flat_verdict(measure, ssi, outcome)
    if flat:
        return Correlation(measure, None, len(pairs), flat)
    r = statistics.correlation(ssi, outcome)
    return Correlation(measure, r, len(pairs), _verdict(measure, r, len(pairs)))


def _flat_verdict(measure: Measure, ssi: Sequence[float], outcome: Sequence[float]) -> str:
    """Words for a series that never changes, where r is undefined (0/0); '' otherwise."""
    if _constant(ssi):
        return f"Your SSI was the same at every point, so it cannot show a link. {CAVEAT}"
    if _constant(outcome):
        return (f"{measure.label} stayed at {outcome[0]:g} at every point, so there is "
                f"nothing to link with SSI. {CAVEAT}")
    return ""


def _constant(values: Sequence[float]) -> bool:
    return all(math.isclose(v, values[0], abs_tol=1e-12) for v in values)


def _verdict(measure: Measure, r: float, points: int) -> str:
    strength = next(words for limit, words in STRENGTHS if abs(r) < limit)
    what = measure.label.lower()
    if strength == "no clear":
        link = f"no clear link between your SSI and {what}"
    else:
        way = "more" if r > 0 else "fewer"
        link = f"{strength} {'positive' if r > 0 else 'negative'} link: higher SSI went " \
               f"with {way} {what}"
    return f"r = {r:.2f} over {points} check-ins: {link}. {CAVEAT}"


def outcomes_chart(points: Sequence[OutcomePoint]) -> Chart | None:
    """SSI and each logged outcome over time; needs two check-ins to be a trend."""
    if len(points) < 2:
        return None
    series = [Series("SSI", tuple(p.ssi for p in points))]
    shown: list[Measure] = []
    for measure in SHOWN:
        scale = THOUSAND if measure is IMPRESSIONS else 1
        values = tuple(_as_float(p.outcomes.get(measure.key), scale) for p in points)
        if any(v is not None for v in values):
            label = f"{measure.label} (thousands)" if scale != 1 else measure.label
            series.append(Series(label, values))
            shown.append(measure)
    counts = [v for s in series[1:] for v in s.values if v is not None]
    logged = sum(1 for m in shown if m in OUTCOMES)
    reach = [m.label.lower() for m in shown if m in REACH]
    beside = f", with {' and '.join(reach)}," if reach else ""
    return Chart(
        title="SSI and outcomes",
        dates=tuple(p.on for p in points),
        series=tuple(series),
        y_label=f"SSI (0-{TOTAL_MAX}); outcomes summed over {WEEKS_BEFORE} weeks",
        y_max=max([float(TOTAL_MAX), *counts]),
        summary=(f"Your SSI and {logged} logged outcome{'s' if logged != 1 else ''}{beside} "
                 f"over {len(points)} check-ins; each is the total of the "
                 f"{WEEKS_BEFORE} whole weeks before the check-in."),
    )


def _as_float(value: int | None, scale: int = 1) -> float | None:
    return None if value is None else value / scale


# ---- won and lost deals ---------------------------------------------------------------------

DEALS_WON = Measure("deals_won", "Deals won", "outcomes")


@dataclass(frozen=True)
class DealMonth:
    """One calendar month: the deals closed in it and the SSI of its latest check-in."""

    month: dt.date  # the month's first day
    ssi: float | None  # None when no check-in fell in the month
    won: int
    lost: int
    won_value: float | None  # the sum of the values given; None when none was
    lost_value: float | None


@dataclass(frozen=True)
class DealOutcomes:
    """Every month from the first deal closed to the last (a month without one closed 0 of
    each), deals won per month against SSI, and how many closed deals have no date."""

    months: tuple[DealMonth, ...]
    correlation: Correlation  # deals won per month against that month's SSI
    undated: int  # won or lost without a close date: in no month


def deal_outcomes(accounts: Sequence[Account],
                  checkins: Sequence[CheckIn]) -> DealOutcomes | None:
    """Won and lost accounts per month of their close date next to SSI; None until an
    account is won or lost."""
    closed = [a for a in accounts if a.status in ("won", "lost")]
    if not closed:
        return None
    dated = [a for a in closed if a.closes_on is not None]
    months = tuple(_deal_month(month, dated, checkins) for month in _months(dated))
    points = [OutcomePoint(m.month, m.ssi, {DEALS_WON.key: m.won})
              for m in months if m.ssi is not None]
    return DealOutcomes(months, _correlation(DEALS_WON, points), len(closed) - len(dated))


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months(accounts: Sequence[Account]) -> list[dt.date]:
    """Every month from the earliest close date to the latest."""
    days = [a.closes_on for a in accounts if a.closes_on is not None]
    if not days:
        return []
    month, last = _month(min(days)), _month(max(days))
    months = []
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _deal_month(month: dt.date, accounts: Sequence[Account],
                checkins: Sequence[CheckIn]) -> DealMonth:
    closed = [a for a in accounts if a.closes_on is not None and _month(a.closes_on) == month]
    won = [a for a in closed if a.status == "won"]
    lost = [a for a in closed if a.status == "lost"]
    inside = [c for c in checkins if _month(c.on) == month]
    ssi = max(inside, key=lambda c: c.on).total if inside else None
    return DealMonth(month, ssi, len(won), len(lost), _value(won), _value(lost))


def _value(accounts: Sequence[Account]) -> float | None:
    values = [a.value for a in accounts if a.value is not None]
    return sum(values) if values else None
