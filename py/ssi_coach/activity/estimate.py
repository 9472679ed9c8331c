"""The activity estimate: what the member's logged habits suggest each SSI pillar is.

LinkedIn publishes which inputs feed each pillar but not how much each weighs, so this is
a model the member can read rather than a formula we know: one table of signals, each
standing for one published input, with a weight (the most points it can add) and a
saturation (the weekly rate at which it gives about 95% of that). Every number here is an
estimate and the UI must say so.

Missing is not zero: an input that was never logged adds nothing to the score (exactly as
if it had been logged as 0, so not logging is never rewarded), lowers the confidence and
widens the range up to what the input could add at saturation.

Two inputs can also come from the member's post analytics workbooks (`ssi_coach.posts`):
the engagement their posts receive and the followers they gain. Only complete weeks of
those figures count (a week still coming in, or with days missing, would read as a drop),
and a week without them is missing, like a blank in the log.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..model import CHECKLIST_KEYS, PILLAR_MAX, PILLARS, Calibration, Checklist, Pillar, WeekLog
from ..posts.weekly import PostWeek

WINDOW_DAYS = 90  # the trailing window the rates are averaged over; SSI moves over months
STEEPNESS = 3.0  # 1 - e^-3 ≈ 0.95: a signal gives ~95% of its weight at its saturation


@dataclass(frozen=True)
class Signal:
    """One published input of one pillar, read from the weekly log or the checklist.

    The same key may feed two pillars (posting feeds brand and insights); it is one habit
    with one rate, so a what-if plan that changes it moves both.

    A signal with a post analytics `figure` reads it from each complete week of the member's
    post analytics; in a week that has it, LinkedIn's own count wins over the log's counts of
    the same thing (one input, one number a week: never both added up).
    """

    key: str  # the key of its rate in Inputs.rates
    pillar: str  # a pillar key
    label: str
    weight: float  # the most points it can add to its pillar
    saturation: float  # weekly rate (or checklist share 0-1) giving ~95% of the weight
    source: str  # the published input it stands for, shown to the member
    measures: tuple[str, ...] = ()  # weekly counts summed into its rate
    items: tuple[str, ...] = ()  # or: checklist items whose done share is its rate
    figure: str = ""  # and/or: a weekly post analytics figure (a key of POST_FIGURES)


# The weekly figures of the post analytics workbooks a signal can read (`posts.weekly`).
POST_FIGURES: Mapping[str, Callable[[PostWeek], int | None]] = {
    "engagements": lambda week: week.engagements,  # net reactions, comments, reposts
    "new_followers": lambda week: week.new_followers,  # None: no follower rows that week
}
_ANALYTICS = "post analytics workbook"


_PROFILE_ITEMS = tuple(key for key in CHECKLIST_KEYS if key != "endorsements")

# Weights and saturations are our judgement (LinkedIn publishes none), set from the habits in
# docs/domain.md §5: one post a week, comments on one or two posts each weekday (5-10 a week), a
# steady trickle of requests to decision-makers, messages that get replies.
SIGNALS: tuple[Signal, ...] = (
    # ---- Establish your professional brand ----
    # "The completeness of your LinkedIn profile" (a105145): the checklist's done share.
    Signal("profile", "brand", "Profile checklist items done", 8, 1.0,
           "Profile completeness", items=_PROFILE_ITEMS),
    # "...including the endorsements you've received" (a105145).
    Signal("endorsements", "brand", "Endorsements received (checklist)", 2, 1.0,
           "Endorsements received", items=("endorsements",)),
    # "Articles you've published" (a105145); docs/domain.md adds posts. Habit: one a week.
    Signal("posts", "brand", "Posts and articles published per week", 6, 1.0,
           "Posts and articles published", measures=("posts", "articles")),
    # "likes and comments those posts receive" (docs/domain.md §2, brand): logged, or the
    # workbook's engagements (which also count reposts, so they read a little higher).
    Signal("engagement_received", "brand", "Reactions and comments received per week", 5, 30,
           f"Likes and comments your posts receive (your log, or the {_ANALYTICS})",
           measures=("reactions_received", "comments_received"), figure="engagements"),
    # "recommendations made and received" (docs/domain.md §2); about one a month is a good pace.
    Signal("recommendations", "brand", "Recommendations given or received per week", 2, 0.25,
           "Recommendations made and received",
           measures=("recommendations_given", "recommendations_received")),
    # "...and the followers they bring" (docs/domain.md §2, brand), from the workbook only:
    # gross follows a week. A weekly post that lands gains a handful; ten a week is a brand
    # that draws people in.
    Signal("new_followers", "brand", "New followers per week", 2, 10,
           f"Followers your posts bring ({_ANALYTICS})", figure="new_followers"),
    # ---- Find the right people ----
    # "People searches" (a105145).
    Signal("people_searches", "people", "People searches per week", 6, 10,
           "People searches", measures=("people_searches",)),
    # "Profile views" (a105145), of prospects.
    Signal("profiles_viewed", "people", "Prospect profiles viewed per week", 6, 20,
           "Profile views of prospects", measures=("profiles_viewed",)),
    # "connection requests to the right people" (docs/domain.md §2): all requests sent...
    Signal("requests_sent", "people", "Connection requests sent per week", 6, 10,
           "Connection requests sent", measures=("requests_sent",)),
    # ...and the decision-makers among them, which this pillar rewards most.
    Signal("decision_makers_added", "people", "Decision-makers added per week", 7, 3,
           "Connections with decision-makers (the right people)",
           measures=("decision_makers_added",)),
    # ---- Engage with insights ----
    # "Shares, likes, comments, and reshares" (a105145): comments, the domain's key habit.
    Signal("comments_written", "insights", "Comments written per week", 8, 10,
           "Comments on others' posts", measures=("comments_written",)),
    # ...likes.
    Signal("reactions_given", "insights", "Reactions given per week", 4, 20,
           "Likes and reactions given", measures=("reactions_given",)),
    # ...reshares.
    Signal("reshares", "insights", "Reshares per week", 3, 2,
           "Reshares", measures=("reshares",)),
    # "Groups joined and your engagement within Groups" (a105145).
    Signal("group_posts", "insights", "Group posts and comments per week", 3, 2,
           "Engagement within groups", measures=("group_posts",)),
    # ...shares: "sharing content worth reading" (docs/domain.md §2); the posting habit again.
    Signal("posts", "insights", "Posts and articles published per week", 5, 1.0,
           "Sharing valuable content", measures=("posts", "articles")),
    # "...and the engagement the member's own posts receive" (docs/domain.md §2, insights):
    # the brand's signal again, weighted lower here, where engaging with others comes first.
    Signal("engagement_received", "insights", "Reactions and comments received per week", 2,
           30, f"Engagement your own posts receive (your log, or the {_ANALYTICS})",
           measures=("reactions_received", "comments_received"), figure="engagements"),
    # ---- Build relationships ----
    # The domain says unanswered outreach lowers this pillar, but the estimate must never
    # fall when a count rises. So outreach *outcomes* are rewarded as counts (requests
    # accepted, replies received) instead of penalising a low rate; a low acceptance or
    # reply rate is pointed out by the recommendations, not by the score.
    # "The acceptance rate of your connection requests" (a105145), as accepted requests.
    Signal("requests_accepted", "relationships", "Connection requests accepted per week", 6, 6,
           "Connections; acceptance of your connection requests",
           measures=("requests_accepted",)),
    # "Messages sent" (docs/domain.md §2); weighted low: sending alone is not a relationship.
    Signal("messages_sent", "relationships", "Messages sent per week", 4, 10,
           "Messages sent", measures=("messages_sent",)),
    # "...and the response rate" (a105145), as replies received.
    Signal("replies_received", "relationships", "Replies received per week", 7, 5,
           "Response rate to your messages", measures=("replies_received",)),
    # "keep conversations two-way, follow up" (docs/domain.md §5).
    Signal("conversations_started", "relationships", "Conversations started per week", 4, 3,
           "Two-way conversations", measures=("conversations_started",)),
    # "connections (how many and how senior)" (docs/domain.md §2): senior people in the network.
    Signal("decision_makers_added", "relationships", "Decision-makers added per week", 4, 3,
           "Seniority of your connections", measures=("decision_makers_added",)),
)
RATE_KEYS: tuple[str, ...] = tuple(dict.fromkeys(s.key for s in SIGNALS))  # table order
# What each rate reads; signals sharing a key read the same counts (a test checks it).
_READS: Mapping[str, Signal] = {s.key: s for s in reversed(SIGNALS)}


@dataclass(frozen=True)
class Inputs:
    """The rates the estimate rests on, one per rate key, over one trailing window."""

    rates: Mapping[str, float | None]  # weekly average, or checklist share; None = missing
    weeks_logged: int  # weeks in the window with any count logged or complete post analytics
    window_start: dt.date
    window_end: dt.date
    # Share of a checklist signal's items left unanswered (absent key = none): they count as
    # not done in the score, as done at the high end of the range, and lower known_share.
    unanswered: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, rate in self.rates.items():
            if rate is not None and not (math.isfinite(rate) and rate >= 0):
                raise ValueError(f"the rate of {key} must be a finite number of 0 or more")
        if any(not 0 <= share <= 1 for share in self.unanswered.values()):
            raise ValueError("an unanswered share must be between 0 and 1")


def inputs_for(weeks: Sequence[WeekLog], checklist: Checklist | None, *, end: dt.date,
               window_days: int = WINDOW_DAYS, posts: Sequence[PostWeek] = ()) -> Inputs:
    """The rates over the weeks whose Monday falls in [end - window_days, end].

    A rate averages only the weeks that logged it: a week that left it blank says nothing
    about it, and counting it as 0 would punish not logging. `posts` are the member's weekly
    post analytics (`posts.weekly`); only their complete weeks are read.
    """
    if window_days < 1:
        raise ValueError("the window must be at least one day")
    start = end - dt.timedelta(days=window_days)
    inside = [w for w in weeks if start <= w.week <= end]
    analysed = {w.week: w for w in posts if start <= w.week <= end and w.complete}
    rates: dict[str, float | None] = {}
    unanswered: dict[str, float] = {}
    for key in RATE_KEYS:
        reads = _READS[key]
        if reads.items:
            rates[key], share = _checklist_share(checklist, reads.items)
            if share and rates[key] is not None:
                unanswered[key] = share
        else:
            rates[key] = _weekly_average(inside, reads.measures, _figures(analysed, reads.figure))
    logged = len({w.week for w in inside if w.counts} | set(analysed))
    return Inputs(rates, logged, start, end, unanswered)


def _figures(weeks: Mapping[dt.date, PostWeek], figure: str) -> dict[dt.date, int]:
    """A post analytics figure by week, for the weeks that have it ({} without a figure)."""
    if not figure:
        return {}
    read = POST_FIGURES[figure]
    return {monday: value for monday, week in weeks.items() if (value := read(week)) is not None}


def _weekly_average(weeks: Sequence[WeekLog], measures: tuple[str, ...],
                    figures: Mapping[dt.date, int]) -> float | None:
    """The mean weekly count; a week with a post analytics figure counts that figure instead
    of what the log says. Net engagements can dip below 0 a week; a rate cannot."""
    totals = [sum(w.counts[m] for m in measures if m in w.counts)
              for w in weeks if w.week not in figures and any(m in w.counts for m in measures)]
    totals += figures.values()
    return max(sum(totals) / len(totals), 0.0) if totals else None


def _checklist_share(checklist: Checklist | None,
                     items: tuple[str, ...]) -> tuple[float | None, float]:
    """(done share of all `items`, unanswered share); (None, 1.0) when none is answered."""
    if checklist is None:
        return None, 1.0
    answered = [key for key in items if key in checklist.items]
    if not answered:
        return None, 1.0
    done = sum(1 for key in answered if checklist.items[key])
    return done / len(items), (len(items) - len(answered)) / len(items)


def with_rates(inputs: Inputs, changes: Mapping[str, float]) -> Inputs:
    """The same inputs with some rates set, for what-if plans; a set rate counts as known."""
    unknown = sorted(set(changes) - set(RATE_KEYS))
    if unknown:
        raise ValueError(f"no signal reads {', '.join(unknown)}")
    rates: dict[str, float | None] = {**inputs.rates, **changes}
    unanswered = {k: v for k, v in inputs.unanswered.items() if k not in changes}
    return replace(inputs, rates=rates, unanswered=unanswered)


# ---- the estimate ------------------------------------------------------------------------

@dataclass(frozen=True)
class SignalEstimate:
    signal: Signal
    value: float | None  # None = missing
    contribution: float  # points added; 0.0 when missing


@dataclass(frozen=True)
class PillarEstimate:
    pillar: Pillar
    score: float  # 0-25, calibrated if a calibration was given
    raw: float  # 0-25 before calibration
    low: float  # missing inputs counted at none (so equal to score)
    high: float  # missing inputs counted at saturation
    signals: tuple[SignalEstimate, ...]
    known_share: float  # share of the pillar's weight whose inputs are known, 0-1
    confidence: str  # "low" | "medium" | "high"


@dataclass(frozen=True)
class Estimate:
    pillars: tuple[PillarEstimate, ...]  # in PILLARS order
    total: float
    inputs: Inputs
    calibrated_with: int  # check-ins the calibration rests on; 0 = uncalibrated

    def of(self, pillar_key: str) -> PillarEstimate:
        return next(p for p in self.pillars if p.pillar.key == pillar_key)


# (least known_share, least weeks_logged) for each confidence, strictest first. Eight weeks
# is two months of habit; four is the least that says anything about a month.
CONFIDENCE_RULES: tuple[tuple[str, float, int], ...] = (
    ("high", 0.8, 8),
    ("medium", 0.5, 4),
)


def estimate(inputs: Inputs, calibration: Calibration | None = None) -> Estimate:
    pillars = tuple(_pillar(p, inputs, calibration) for p in PILLARS)
    based_on = calibration.based_on if calibration is not None else 0
    return Estimate(pillars, sum(p.score for p in pillars), inputs, based_on)


def contribution(signal: Signal, value: float) -> float:
    """Concave and saturating: the first post of the week counts more than the tenth."""
    return signal.weight * (1 - math.exp(-STEEPNESS * max(value, 0.0) / signal.saturation))


def confidence(known_share: float, weeks_logged: int) -> str:
    for name, least_share, least_weeks in CONFIDENCE_RULES:
        if known_share >= least_share and weeks_logged >= least_weeks:
            return name
    return "low"


def _pillar(pillar: Pillar, inputs: Inputs, calibration: Calibration | None) -> PillarEstimate:
    signals = tuple(_signal(s, inputs) for s in SIGNALS if s.pillar == pillar.key)
    raw = _clamp(sum(e.contribution for e in signals))
    high = _clamp(sum(_upper(e, inputs) for e in signals))
    known = sum(e.signal.weight * _known(e, inputs) for e in signals) / PILLAR_MAX
    known = min(max(known, 0.0), 1.0)
    score = _calibrated(calibration, pillar.key, raw)
    # Missing inputs already count at none in the score, so the low end is the score itself.
    return PillarEstimate(pillar, score, raw, score, _calibrated(calibration, pillar.key, high),
                          signals, known, confidence(known, inputs.weeks_logged))


def _signal(signal: Signal, inputs: Inputs) -> SignalEstimate:
    value = inputs.rates.get(signal.key)
    points = 0.0 if value is None else contribution(signal, value)
    return SignalEstimate(signal, value, points)


def _known(estimate: SignalEstimate, inputs: Inputs) -> float:
    """How much of the signal is known: 0 missing, 1 known, between for a partial checklist."""
    if estimate.value is None:
        return 0.0
    return 1.0 - inputs.unanswered.get(estimate.signal.key, 0.0)


def _upper(estimate: SignalEstimate, inputs: Inputs) -> float:
    """The contribution with what is unknown counted at its best."""
    signal = estimate.signal
    if estimate.value is None:
        return contribution(signal, signal.saturation)
    return contribution(signal, estimate.value + inputs.unanswered.get(signal.key, 0.0))


def _calibrated(calibration: Calibration | None, pillar_key: str, raw: float) -> float:
    if calibration is None:
        return raw
    return calibration.apply(pillar_key, raw)  # a method: calibration builds on this module


def _clamp(points: float) -> float:
    return min(max(points, 0.0), float(PILLAR_MAX))
