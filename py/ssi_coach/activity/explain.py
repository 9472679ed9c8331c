"""Why did my score change? Compare two check-ins: pillars, ranks and the activity behind them.

A rank is relative: it can move because the member moved, or because the people they are
ranked against moved. The page shows the industry and network averages, so when both
check-ins carry them we can say which; when they don't, we say there is not enough
information instead of guessing. The same goes for the pillars: with the peers' pillar
averages on both check-ins, each pillar's change is split into the market's part and the
member's (`peers.market`), and a drop shared by everyone is flagged as likely LinkedIn-wide.
Events the member noted on the later check-in, or on any in between, are listed beside it.
Post analytics, where imported, add what the member's posts did in the same weeks (their
complete weeks only): impressions, engagements received and new followers, after the logged
measures, since their scale would drown every other change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import ACTIVITY, PILLARS, CheckIn, Measure, Pillar, WeekLog, display_total, week_of
from ..peers.events import EventNote, notes_between
from ..peers.market import MarketSplit, market_split
from ..posts.weekly import PostWeek
from ..text import change, long_date, score

WEEKS_BEFORE = 4  # about a month: the habit is to check the score monthly
# What post analytics add to the weeks before each check-in, as measures of their own.
POST_MEASURES: tuple[Measure, ...] = (
    Measure("post_impressions", "Impressions of your posts (post analytics)", "brand"),
    Measure("post_engagements", "Engagements on your posts (post analytics)", "brand"),
    Measure("post_new_followers", "New followers (post analytics)", "brand"),
)
FLAT = 0.5  # a total that moved less than this is "flat" for explaining a rank


@dataclass(frozen=True)
class RankMove:
    """How one rank moved between two check-ins, and in plain words why."""

    label: str  # "Industry" or "Network"
    before: int | None
    after: int | None
    cause: str
    # "you", "average", "both", "others", "unchanged" or "unknown": lets the UI pick an icon
    # without parsing the sentence.
    kind: str


@dataclass(frozen=True)
class ActivityChange:
    """A measure's weekly average in the weeks before each check-in (None = not logged)."""

    measure: Measure
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class ChangeExplanation:
    before: CheckIn
    after: CheckIn
    total_change: float
    pillar_changes: tuple[tuple[Pillar, float], ...]
    ranks: tuple[RankMove, ...]
    activity_changes: tuple[ActivityChange, ...]
    summary: str
    market: MarketSplit  # each pillar's change split into the market's part and the member's
    events: tuple[EventNote, ...]  # noted on the later check-in or any in between, oldest first

    @property
    def linkedin_wide(self) -> bool:
        """The member's total and both peer groups' totals fell together by a similar share."""
        return self.market.linkedin_wide


def explain_change(before: CheckIn, after: CheckIn, weeks: Sequence[WeekLog], *,
                   checkins: Sequence[CheckIn] = (),
                   posts: Sequence[PostWeek] = ()) -> ChangeExplanation:
    """What changed from `before` to `after` (given in either order) and the likely why.
    Pass the member's `checkins` to include the events noted on those between the two, and
    their post analytics' weeks (`posts.weekly.weekly`) to include what their posts did."""
    if after.on < before.on:  # the story always runs from the older check-in to the newer
        before, after = after, before
    total = round(after.total - before.total, 3)
    pillars = tuple((p, round(after.score_of(p) - before.score_of(p), 3)) for p in PILLARS)
    ranks = tuple(_rank_move(label, before, after) for label in ("Industry", "Network"))
    activity = (*activity_changes(before.on, after.on, weeks),
                *activity_changes(before.on, after.on, post_logs(posts), POST_MEASURES))
    market = market_split(before, after)
    latest = {c.on: c for c in checkins} | {after.on: after}  # `after` as given wins its date
    events = notes_between(latest.values(), before.on, after.on)
    summary = " ".join(filter(None, (_summary(before, after, pillars, ranks, activity),
                                     market.total_words, market.linkedin_words,
                                     _events_words(events))))
    return ChangeExplanation(before, after, total, pillars, ranks, activity, summary, market,
                             events)


# ---- the weeks behind a check-in ------------------------------------------------------------

def window_weeks(on: dt.date, count: int = WEEKS_BEFORE) -> tuple[dt.date, ...]:
    """The Mondays of the `count` whole weeks that ended on or before `on`, oldest first.

    Whole weeks only: a check-in on a Wednesday has not seen that week's activity yet, and a
    half-logged week would read as a drop.
    """
    last = week_of(on + dt.timedelta(days=1)) - dt.timedelta(weeks=1)
    return tuple(last - dt.timedelta(weeks=n) for n in range(count - 1, -1, -1))


def logs_in(on: dt.date, weeks: Iterable[WeekLog]) -> tuple[WeekLog, ...]:
    """The logged weeks inside the window before `on`."""
    window = set(window_weeks(on))
    return tuple(w for w in weeks if w.week in window)


def weekly_average(key: str, logs: Sequence[WeekLog]) -> float | None:
    """Mean over the weeks that logged `key`; weeks that did not are missing, not zero."""
    counts = [c for c in (w.count(key) for w in logs) if c is not None]
    return sum(counts) / len(counts) if counts else None


def activity_changes(before: dt.date, after: dt.date, weeks: Sequence[WeekLog],
                     measures: Sequence[Measure] = ACTIVITY) -> tuple[ActivityChange, ...]:
    """Measures whose weekly average differs between the two windows, biggest change first;
    then measures logged in only one of them, in form order."""
    old, new = logs_in(before, weeks), logs_in(after, weeks)
    rows = [ActivityChange(m, weekly_average(m.key, old), weekly_average(m.key, new))
            for m in measures]
    compared = [r for r in rows if r.change is not None and abs(r.change) > 1e-9]
    one_sided = [r for r in rows if r.change is None and (r.before, r.after) != (None, None)]
    compared.sort(key=lambda r: -abs(r.change or 0.0))
    return (*compared, *one_sided)


def post_logs(posts: Sequence[PostWeek]) -> tuple[WeekLog, ...]:
    """The complete weeks of post analytics as logs of POST_MEASURES (a week still coming in,
    or with days missing, would read as a drop)."""
    logs = []
    for week in posts:
        if not week.complete:
            continue
        counts = {"post_impressions": week.impressions, "post_engagements": week.engagements}
        if week.new_followers is not None:
            counts["post_new_followers"] = week.new_followers
        logs.append(WeekLog(week.week, counts))
    return tuple(logs)


# ---- ranks ------------------------------------------------------------------------------------

def _sign(value: float, dead_zone: float = 0.0) -> int:
    if abs(value) <= dead_zone:
        return 0
    return 1 if value > 0 else -1


def _rank_move(label: str, before: CheckIn, after: CheckIn) -> RankMove:
    attribute = label.lower()
    old_rank = getattr(before, f"{attribute}_rank")
    new_rank = getattr(after, f"{attribute}_rank")
    if old_rank is None or new_rank is None:
        return RankMove(label, old_rank, new_rank,
                        f"Not enough information: the {attribute} rank was not recorded at "
                        "both check-ins.", "unknown")
    ssi = _ssi_words(before, after)
    if old_rank == new_rank:
        return RankMove(label, old_rank, new_rank,
                        f"Your {attribute} rank stayed at Top {new_rank}% while {ssi}.",
                        "unchanged")
    kind, cause = _rank_cause(attribute, before, after, improved=new_rank < old_rank)
    moved = "improved" if new_rank < old_rank else "slipped"
    head = f"Your {attribute} rank {moved} from Top {old_rank}% to Top {new_rank}%"
    return RankMove(label, old_rank, new_rank, f"{head}. {cause[0].upper()}{cause[1:]}", kind)


def _rank_cause(attribute: str, before: CheckIn, after: CheckIn,
                *, improved: bool) -> tuple[str, str]:
    """(kind, words) for a rank that moved; `improved` means a smaller Top N%."""
    rank_dir = 1 if improved else -1
    you = _sign(after.total - before.total, FLAT)
    ssi = _ssi_words(before, after)
    old_avg = getattr(before, f"{attribute}_average")
    new_avg = getattr(after, f"{attribute}_average")
    if old_avg is None or new_avg is None:
        fits = ", which fits the move," if you == rank_dir else ""
        return "unknown", (f"not enough information to say why: {ssi}{fits} but the "
                           f"{attribute} average was not recorded at both check-ins.")
    average = _sign(new_avg - old_avg)
    avg = f"the {attribute} average went from {old_avg:g} to {new_avg:g}"
    if average == 0:
        avg = f"the {attribute} average stayed at {new_avg:g}"
    if you == rank_dir:
        if average == -rank_dir:
            return "both", f"{ssi} and {avg}, so both helped."
        return "you", f"that is your doing: {ssi}, while {avg}."
    if average != 0:
        return "average", f"{ssi} but {avg}, so the rank moved because others moved, not you."
    return "others", (f"{ssi} and {avg}, so the people you are ranked against shifted in a "
                      "way the average does not show.")


def _ssi_words(before: CheckIn, after: CheckIn) -> str:
    delta = after.total - before.total
    if abs(delta) <= FLAT:
        return f"your SSI held about level ({change(delta)})"
    way = "rose" if delta > 0 else "fell"
    return f"your SSI {way} {abs(delta):.1f} points, from {score(before.total)} to " \
           f"{score(after.total)}"


# ---- summary ----------------------------------------------------------------------------------

def _summary(before: CheckIn, after: CheckIn, pillars: Sequence[tuple[Pillar, float]],
             ranks: Sequence[RankMove], activity: Sequence[ActivityChange]) -> str:
    delta = after.total - before.total
    way = "went up" if delta > 0 else "went down" if delta < 0 else "did not change"
    parts = [f"Between {long_date(before.on)} and {long_date(after.on)} your SSI {way} "
             f"({display_total(before.total)} to {display_total(after.total)}, "
             f"{change(delta)})."]
    pillar, moved = max(pillars, key=lambda pc: abs(pc[1]))
    if abs(moved) > 0:
        parts.append(f"The biggest move was {pillar.label} ({change(moved, 3)}).")
    parts += [r.cause for r in ranks if r.before is not None and r.after is not None]
    if activity and activity[0].change is not None:
        top = activity[0]
        parts.append(f"Your activity changed most in {top.measure.label.lower()}: "
                     f"{_per_week(top.before)} a week before, {_per_week(top.after)} now.")
    return " ".join(parts)


def _events_words(events: Sequence[EventNote]) -> str:
    if not events:
        return ""
    return f"You noted: {'; '.join(note.words for note in events)}."


def _per_week(value: float | None) -> str:
    return "not logged" if value is None else f"{value:,.1f}".removesuffix(".0")
