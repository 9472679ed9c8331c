"""What should I do next? Concrete weekly actions, ranked, each with its expected gain.

The catalogue below is the habits of docs/domain.md §5 as one table. For a member it becomes a
short list: only pillars with room to grow, nothing they already do at the recommended level,
the weakest pillar first (it has the most room), then the biggest expected gain. When the
latest check-in carries the peers' pillar averages, a pillar's place also counts how far it
is below them (room to grow plus points below the peers); without them the order is room
alone. Gains come
from the activity estimate itself (what-if inputs through `estimate`), so they are estimates
too and carry a range.

Gain range: the estimate gives each pillar a score (unknown inputs counted at none) and a
high (unknown inputs counted at their best). A gain is reported as the range between the
gain computed on the high ends and the gain on the scores. So when everything is known the
range is a single value; when the action's own rate is not logged, its low end is 0 (the
member may already do it). It does not cover the weights being guesses: the UI says that.

Tips from the member's own post analytics join the same list: the weekday their posts did
best on, the format that did best, and, when engagement slipped this month, the catalogue's
"invite comments" row with the evidence. Each states the data it rests on. The weekday and
the format change when or how the member posts, which the estimate does not read, so they
have no modelled gain (0, and `own_data` says why); they rank as if they had OWN_DATA_POINTS.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import (
    PEER_GROUPS,
    PILLAR_MAX,
    PILLARS,
    PROFILE_CHECKLIST,
    Calibration,
    Checklist,
    PostAnalytics,
    weakest_pillars,
)
from ..peers.compare import PeerComparison
from ..posts.weekday import best_format, best_weekday
from ..posts.weekly import PostWeek, weekly
from ..text import long_date, score
from .estimate import RATE_KEYS, SIGNALS, Estimate, Inputs, estimate, inputs_for, with_rates
from .whatif import WINDOW_WEEKS, blend

LIMIT = 6
FULL_WITHIN = 0.5  # a pillar this close to 25 has no room worth an action
EARLY_WEEKS = 4  # the first gain shown: after about a month, when the score is next checked
MAX_ONE_OFFS = 2  # checklist items are many and alike; two at a time leave room for habits
MIN_GAIN = 0.01  # below this the model says the action would not move the pillar
# Outreach that mostly goes unanswered: the domain says it lowers "Build relationships", but
# the estimate never falls when a count rises, so the coach is where it is pointed out.
LOW_REPLY_SHARE, LEAST_MESSAGES = 0.2, 5.0
# Typical acceptance of connection requests is roughly a third or more (trainers' rule of
# thumb); below it, requests are probably going to people who do not know the member.
LOW_ACCEPT_SHARE, LEAST_REQUESTS = 0.3, 5.0
# How much a point below the peers' average (the mean of the groups recorded on the latest
# check-in) weighs in a pillar's place against a point of room to grow: the same. Both are
# points of the same pillar, and a point the peers already have is one within reach.
BELOW_PEERS_WEIGHT = 1.0
# A tip from the member's own posts (weekday, format) has no modelled gain: within its pillar
# it ranks as if it added half a point over 12 weeks. That puts it below the habits that
# would add whole points (a weekly post, daily comments) and above the small top-ups; it
# costs no extra time, and its evidence is the member's own.
OWN_DATA_POINTS = 0.5
# Engagement that slipped: the engagement rate (engagements per impression) of the last
# SLUMP_WEEKS complete weeks of post analytics, all inside the estimate's window, below
# SLUMP_SHARE of the median weekly rate of the LEAST_HISTORY or more complete weeks before
# them. One member's weekly rate swings by about a third around its median as posts land or
# not; a whole month under 60 % of it is more than that swing.
SLUMP_WEEKS, SLUMP_SHARE, LEAST_HISTORY = 4, 0.6, 8


@dataclass(frozen=True)
class Action:
    key: str
    title: str  # a concrete weekly (or one-off) action
    pillar: str  # the pillar key it moves
    rates: Mapping[str, float]  # the rates (signal keys) it sets
    effort: str
    reason: str  # why, tied to the member's own numbers
    principle: str  # the Cialdini principle it uses, "" if none
    gain_4w: tuple[float, float]  # expected pillar gain range after 4 weeks
    gain_12w: tuple[float, float]  # ... and once the whole window follows it
    stakeholder: str = ""  # for deal work: whom it reaches ("decision-maker", "champion")
    # From the member's own post analytics; with gains of (0, 0) it has no modelled gain (it
    # changes when or how they post, which the estimate does not read).
    own_data: bool = False


@dataclass(frozen=True)
class Idea:
    """One row of the catalogue, before it meets the member's numbers."""

    key: str
    pillar: str
    title: str
    rates: Mapping[str, float]  # weekly targets by signal key; empty for a checklist item
    effort: str
    principle: str
    why: str
    stakeholder: str = ""
    item: str = ""  # the checklist item it completes: a one-off, not a habit
    extra: Mapping[str, str] = field(default_factory=dict)  # words about the member, if any
    own_data: bool = False  # a tip from their post analytics: kept without a modelled gain


def _one_off(item: str, title: str, effort: str, principle: str = "") -> Idea:
    """A profile checklist item; its gain is read from the checklist signal that counts it."""
    why = next(i.why for i in PROFILE_CHECKLIST if i.key == item)
    return Idea(f"profile_{item}", "brand", title, {}, effort, principle,
                f"LinkedIn counts {why} toward your brand; done once, it keeps counting.",
                item=item)


ACTIONS: tuple[Idea, ...] = (
    # ---- Establish your professional brand ----
    Idea("post_weekly", "brand", "Publish one post a week about a problem you solve",
         {"posts": 1}, "about 30 minutes a week", "authority",
         "One post a week is the habit that starts a brand, and it also counts as sharing "
         "content in Engage with insights."),
    Idea("invite_comments", "brand", "End each post with a question and reply to every comment",
         {"engagement_received": 15}, "about 10 minutes after each post", "social proof",
         "Reactions and comments on your posts feed your brand; a question invites them."),
    Idea("recommend", "brand",
         "Write one recommendation a month, then ask two happy clients for one",
         {"recommendations": 0.5}, "about 20 minutes a month", "reciprocity",
         "Recommendations given and received both count, and people you recommend tend to "
         "return the favour."),
    _one_off("photo", "Add a clear, friendly profile photo", "10 minutes, once", "liking"),
    _one_off("headline", "Rewrite your headline to say who you help and how",
             "20 minutes, once", "authority"),
    _one_off("about", "Write an About section: who you help, how, and one proof",
             "about an hour, once", "authority"),
    _one_off("featured", "Feature your best post, case study or talk", "15 minutes, once",
             "social proof"),
    _one_off("certifications", "Add your certifications and courses", "15 minutes, once",
             "authority"),
    _one_off("volunteering", "Add volunteer or board work", "10 minutes, once", "liking"),
    _one_off("current_role", "Describe your current role by its results", "30 minutes, once",
             "authority"),
    _one_off("three_recommendations", "Ask clients for recommendations until you have three",
             "10 minutes, once", "social proof"),
    _one_off("skills", "List at least five skills your buyers look for", "10 minutes, once"),
    _one_off("background_photo", "Add a background photo that shows your field",
             "10 minutes, once"),
    _one_off("past_roles", "Add your past roles", "20 minutes, once"),
    _one_off("education", "Add your education", "5 minutes, once"),
    _one_off("custom_url", "Claim a custom profile URL", "5 minutes, once"),
    _one_off("endorsements", "Endorse five colleagues for skills you have seen them use",
             "10 minutes, once", "reciprocity"),
    # ---- Find the right people ----
    Idea("connect_decision_makers", "people",
         "Search your target industry and send 5 connection requests a week to "
         "decision-makers (Director, VP, Head, Owner titles)",
         {"people_searches": 5, "requests_sent": 5, "decision_makers_added": 2},
         "about 15 minutes, twice a week", "",
         "This pillar rewards reaching the right people, and decision-makers most.",
         stakeholder="decision-maker"),
    Idea("warm_intro", "people",
         "Ask one champion a week to introduce you to a decision-maker they work with",
         {"decision_makers_added": 3}, "one message a week", "social proof",
         "A warm introduction is accepted far more often than a cold request, and "
         "decision-makers count most here.", stakeholder="champion"),
    Idea("search_people", "people", "Run two people searches each weekday for your ideal buyers",
         {"people_searches": 10}, "about 5 minutes a day", "",
         "People searches are one of the inputs LinkedIn names for this pillar."),
    Idea("view_prospects", "people", "Look at 4 prospect profiles each weekday before reaching out",
         {"profiles_viewed": 20}, "about 10 minutes a day", "",
         "Viewing prospects' profiles counts, and it makes your outreach specific."),
    # ---- Engage with insights ----
    Idea("comment_weekdays", "insights", "Comment on 2 posts each weekday",
         {"comments_written": 10}, "about 15 minutes a day", "liking",
         "Thoughtful comments are the main habit behind this pillar, and people notice who "
         "engages with them."),
    Idea("react_daily", "insights", "React to 4 posts each weekday from people you want to reach",
         {"reactions_given": 20}, "about 5 minutes a day", "liking",
         "Reactions are the lightest way to engage, and they count."),
    Idea("reshare", "insights", "Reshare 2 useful posts a week with a line on why they matter",
         {"reshares": 2}, "about 10 minutes a week", "reciprocity",
         "Resharing counts here and is a small gift to the author."),
    Idea("groups", "insights",
         "Join 2 groups your buyers are in and post or comment there twice a week",
         {"group_posts": 2}, "about 20 minutes a week", "social proof",
         "Group participation is one of the published inputs of this pillar."),
    # ---- Build relationships ----
    Idea("message_weekly", "relationships",
         "Send 5 personal messages a week to people credible in your field, and keep two "
         "conversations going", {"messages_sent": 5, "conversations_started": 2},
         "about 20 minutes a week", "liking",
         "Messages and two-way conversations are what this pillar measures."),
    Idea("connect_with_note", "relationships",
         "Send 5 connection requests a week with a personal note to people you have met or "
         "talked with", {"requests_sent": 5, "requests_accepted": 3},
         "about 10 minutes a week", "liking",
         "Accepted requests grow the network this pillar measures; a note makes acceptance "
         "likelier."),
)


_ONE_OFFS = frozenset(idea.key for idea in ACTIONS if idea.item)


def next_actions(est: Estimate, checklist: Checklist | None, *, limit: int = LIMIT,
                 calibration: Calibration | None = None,
                 plan: Mapping[str, float] | None = None,
                 peers: PeerComparison | None = None,
                 posts: PostAnalytics | None = None) -> tuple[Action, ...]:
    """The best next actions for this member, best first. Pass the calibration `est` was
    made with so the gains are on the same scale.

    With a weekly `plan`, actions are ranked from where the plan leads: what the plan
    already covers is not suggested again, the pillar the plan leaves weakest comes first,
    and gains are what an action adds on top of the plan. With `peers` (the latest
    check-in against its peers), a pillar below them moves up by `priority`. With the
    member's `posts` analytics, tips from them join the list (see the module docstring)."""
    planned = frozenset(plan or ())
    if plan:
        est = estimate(with_rates(est.inputs, plan), calibration)
    baseline = estimate(est.inputs, calibration)
    actions = [a for idea in _ideas(est.inputs, posts or PostAnalytics())
               if (a := _action(idea, est, baseline, checklist, calibration, planned, peers))
               is not None]
    # Stable sort: among equals the catalogue's order decides.
    actions.sort(key=lambda a: (-priority(est, a.pillar, peers), -ranked_gain(a)))
    return tuple(_cap_one_offs(actions))[:max(limit, 0)]


def ranked_gain(action: Action) -> float:
    """The gain an action ranks by within its pillar: its 12-week gain's high end; at least
    OWN_DATA_POINTS for a tip from the member's own posts."""
    gain = action.gain_12w[1]
    return max(gain, OWN_DATA_POINTS) if action.own_data else gain


def priority(est: Estimate, pillar: str, peers: PeerComparison | None = None) -> float:
    """A pillar's place in the list: its room to grow, plus its points below the peers'
    average (weighted by BELOW_PEERS_WEIGHT) when they are known."""
    return _room(est, pillar) + BELOW_PEERS_WEIGHT * below_peers(peers, pillar)


def below_peers(peers: PeerComparison | None, pillar: str) -> float:
    """Points below the peers' average on the compared check-in; 0 at or above, or unknown."""
    if peers is None:
        return 0.0
    gap = peers.of(_PILLARS[pillar]).mean_gap
    return 0.0 if gap is None else max(-gap, 0.0)


def _room(est: Estimate, pillar: str) -> float:
    return PILLAR_MAX - est.of(pillar).score


_PILLARS = {p.key: p for p in PILLARS}


def _cap_one_offs(actions: list[Action]) -> Iterator[Action]:
    one_offs = 0
    for action in actions:
        if action.key in _ONE_OFFS:
            one_offs += 1
            if one_offs > MAX_ONE_OFFS:
                continue
        yield action


# ---- the member's numbers --------------------------------------------------------------------

def _ideas(inputs: Inputs, posts: PostAnalytics) -> Iterator[Idea]:
    """The catalogue, with the outreach rows swapped for fixes when outreach goes unanswered
    and the comments row for its evidence when engagement slipped; then the tips from the
    member's own posts."""
    follow_up, invites = _follow_up(inputs.rates), _personal_invites(inputs.rates)
    slump = _engagement_slump(inputs, weekly(posts))
    for idea in ACTIONS:
        if idea.key == "message_weekly" and follow_up is not None:
            yield follow_up
        elif idea.key == "connect_with_note" and invites is not None:
            yield invites
        elif idea.key == "invite_comments" and slump is not None:
            yield slump
        else:
            yield idea
    yield from _post_tips(posts)


def _share(rates: Mapping[str, float | None], part: str, whole: str,
           least: float) -> tuple[float, float] | None:
    """(whole, part / whole) when `whole` is at least `least` a week and both are logged."""
    got, sent = rates.get(part), rates.get(whole)
    if got is None or sent is None or sent < least:
        return None
    return sent, got / sent


def _follow_up(rates: Mapping[str, float | None]) -> Idea | None:
    found = _share(rates, "replies_received", "messages_sent", LEAST_MESSAGES)
    if found is None or found[1] >= LOW_REPLY_SHARE:
        return None
    sent, share = found
    target = round(sent * (LOW_REPLY_SHARE + 0.1), 1)  # a margin above the low line
    return Idea(
        "follow_up", "relationships",
        "Follow up once on unanswered messages, and end each message with a question that "
        "invites a reply", {"replies_received": target, "conversations_started": 2},
        "about 10 minutes, twice a week", "liking",
        "Unanswered outreach hurts this pillar; fewer, more personal messages and one "
        "follow-up turn them into two-way conversations.",
        extra={"messages": f"You send {_fmt(sent)} messages a week and {share:.0%} get a "
                           "reply"})


def _personal_invites(rates: Mapping[str, float | None]) -> Idea | None:
    found = _share(rates, "requests_accepted", "requests_sent", LEAST_REQUESTS)
    if found is None or found[1] >= LOW_ACCEPT_SHARE:
        return None
    sent, share = found
    return Idea(
        "personal_invites", "relationships",
        "Send connection requests only to people who know you or your posts, each with a "
        "personal note", {"requests_accepted": round(sent * (LOW_ACCEPT_SHARE + 0.1), 1)},
        "a minute per request", "liking",
        "Acceptance of your requests counts here; a note and a reason to connect raise it.",
        extra={"requests": f"You send {_fmt(sent)} connection requests a week and "
                           f"{share:.0%} are accepted"})


def _post_tips(posts: PostAnalytics) -> Iterator[Idea]:
    """The weekday and the format the member's own posts did best with, where the data says."""
    day = best_weekday(posts)
    if day is not None:
        yield Idea(
            "post_on_weekday", "brand", f"Publish your next posts on a {day.best.name}", {},
            "no extra time", "",
            "When you publish is yours to choose, and your own posts were seen most on this "
            "day.", extra={"weekday": day.words().removesuffix(".")}, own_data=True)
    kind = best_format(posts)
    if kind is not None:
        yield Idea(
            "post_format", "brand", f"Make more of your posts {kind.best.name} posts", {},
            "no extra time", "",
            "The format is yours to choose, and your single-post files say this one was "
            "seen most.", extra={"format": kind.words().removesuffix(".")}, own_data=True)


def _engagement_slump(inputs: Inputs, weeks: Sequence[PostWeek]) -> Idea | None:
    """The comments row with its evidence, when engagement slipped (see SLUMP_SHARE)."""
    rated = [(w, rate) for w in weeks if w.complete and (rate := w.engagement_rate()) is not None]
    recent, before = rated[-SLUMP_WEEKS:], rated[:-SLUMP_WEEKS]
    if len(recent) < SLUMP_WEEKS or len(before) < LEAST_HISTORY:
        return None
    if recent[0][0].week < inputs.window_start:
        return None  # an old export: last month's posts may have done anything
    usual = statistics.median(rate for _, rate in before)
    impressions = sum(w.impressions for w, _ in recent)
    now = sum(w.engagements for w, _ in recent) / impressions
    if now >= SLUMP_SHARE * usual:
        return None
    rates = ", ".join(f"{rate:.1%}" for _, rate in recent)
    return Idea(
        "revive_engagement", "brand",
        "End each post with a question, and reply to every comment within a day",
        {"engagement_received": round(usual * impressions / SLUMP_WEEKS, 1)},
        "about 10 minutes after each post", "liking",
        "Engagement your posts receive feeds your brand and your insights; a question invites "
        "it, and replies keep the conversation going.",
        extra={"engagement": f"Your posts' engagement rate fell to {now:.1%} over your last "
                             f"{SLUMP_WEEKS} complete weeks ({rates}), against your usual "
                             f"{usual:.1%} (the median of {len(before)} weeks before)"},
        own_data=True)


# ---- one action ----------------------------------------------------------------------------

def _action(idea: Idea, est: Estimate, baseline: Estimate, checklist: Checklist | None,
            calibration: Calibration | None, planned: frozenset[str],
            peers: PeerComparison | None) -> Action | None:
    if _room(est, idea.pillar) <= FULL_WITHIN:
        return None  # recommendations always target a pillar with room to grow
    targets = _targets(idea, est.inputs, checklist)
    none = (0.0, 0.0)
    gain_12w = gain_4w = none
    if targets:
        gain_12w = _gain(baseline, est.inputs, targets, WINDOW_WEEKS, idea.pillar, calibration)
    if gain_12w[1] >= MIN_GAIN:
        gain_4w = _gain(baseline, est.inputs, targets, EARLY_WEEKS, idea.pillar, calibration)
    elif idea.own_data:
        targets, gain_12w = {}, none  # the member's own evidence stands without a gain
    else:
        return None
    return Action(idea.key, idea.title, idea.pillar, targets, idea.effort,
                  _reason(idea, est, targets, checklist, planned, peers), idea.principle, gain_4w,
                  gain_12w, idea.stakeholder, idea.own_data)


def _targets(idea: Idea, inputs: Inputs, checklist: Checklist | None) -> dict[str, float]:
    """The rates the action sets; empty when it does not apply or is already done."""
    if idea.item:
        if checklist is not None and checklist.items.get(idea.item):
            return {}
        return _checklist_rates(idea.item, inputs.window_end, checklist)
    # A key the estimate does not read cannot be scored: leave it out of the what-if.
    wanted = {k: v for k, v in idea.rates.items() if k in RATE_KEYS}
    current = {k: inputs.rates.get(k) for k in wanted}
    if all(_at_least(current[k], v) for k, v in wanted.items()):
        return {}  # already done at the recommended level: nothing to recommend
    # Never ask for less than the member already does on any of the action's rates.
    return {k: max(v, current[k] or 0.0) for k, v in wanted.items()}


def _at_least(current: float | None, target: float) -> bool:
    return current is not None and current >= target


_CHECKLIST_RATES = frozenset(s.key for s in SIGNALS if s.items)


def _checklist_rates(item: str, end: dt.date, checklist: Checklist | None) -> dict[str, float]:
    """The checklist rates that change once `item` is done, read through the estimate's own
    inputs_for so this never has to know how the checklist is scored."""
    items = checklist.items if checklist else {}
    before = inputs_for((), Checklist(items), end=end).rates
    after = inputs_for((), Checklist({**items, item: True}), end=end).rates
    return {k: v for k, v in after.items()
            if k in _CHECKLIST_RATES and v is not None and v != before.get(k)}


def _gain(baseline: Estimate, inputs: Inputs, targets: Mapping[str, float], weeks: int,
          pillar: str, calibration: Calibration | None) -> tuple[float, float]:
    """(low, high) pillar gain after `weeks` weeks: see the module docstring for the range."""
    now = baseline.of(pillar)
    then = estimate(blend(inputs, targets, weeks), calibration).of(pillar)
    at_none, at_best = then.score - now.score, then.high - now.high
    low, high = sorted((max(at_none, 0.0), max(at_best, 0.0)))
    return low, high


# ---- words ------------------------------------------------------------------------------------

_NAMES = {s.key: s.label.removesuffix(" per week") for s in reversed(SIGNALS)}
_ITEMS = {i.key: i.label for i in PROFILE_CHECKLIST}


def _reason(idea: Idea, est: Estimate, targets: Mapping[str, float],
            checklist: Checklist | None, planned: frozenset[str],
            peers: PeerComparison | None) -> str:
    pillar = est.of(idea.pillar)
    weakest = weakest_pillars(lambda p: est.of(p.key).score)[0].key == idea.pillar
    verb = "reaches" if planned else "is at"
    head = f"{pillar.pillar.label} {verb} {pillar.score:.1f} of {PILLAR_MAX}"
    head += " with your plan" if planned else ""
    head += ", your weakest pillar." if weakest else "."
    head += _peer_words(idea.pillar, peers)
    if idea.item:
        facts = [_item_status(idea.item, checklist)]
    else:
        # Only the rates the action raises: the ones already met would be noise.
        facts = [*idea.extra.values(),
                 *(_rate_status(k, est.inputs.rates.get(k), v, k in planned)
                   for k, v in targets.items()
                   if not _at_least(est.inputs.rates.get(k), v))]
    return f"{head} {'; '.join(facts)}. {idea.why}"


def _peer_words(pillar: str, peers: PeerComparison | None) -> str:
    """' On your check-in of 1 Nov 2026 it was 0.16 below your industry's average and 1.31
    below your network's, which moves it up this list.' ('' unless below a group)."""
    if peers is None:
        return ""
    found = peers.of(_PILLARS[pillar])
    below = [(g, -gap) for g in PEER_GROUPS if (gap := found.gap(g)) is not None and gap < 0]
    if not below:
        return ""
    said = [f"{score(points)} below your {g.key}'s average" for g, points in below]
    if len(said) == 2:
        said[1] = said[1].removesuffix(" average")
    moved = ", which moves it up this list" if below_peers(peers, pillar) > 0 else ""
    return f" On your check-in of {long_date(peers.on)} it was {' and '.join(said)}{moved}."


def _rate_status(key: str, current: float | None, target: float, planned: bool) -> str:
    if current is None:
        return f"{_NAMES[key]}: not logged yet, aim for {_fmt(target)} a week"
    when = "in your plan" if planned else "now"
    return f"{_NAMES[key]}: {_fmt(current)} a week {when}, {_fmt(target)} with this"


def _item_status(item: str, checklist: Checklist | None) -> str:
    answer = None if checklist is None else checklist.items.get(item)
    said = "not answered on your checklist" if answer is None else "not done yet"
    return f"{_ITEMS[item]}: {said}"


def _fmt(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f}".removesuffix(".0")
