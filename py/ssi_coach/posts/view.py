"""Everything the Posts part of the page shows, from the stored post analytics and `today`.

Standard library only, like `activity.coach_view`: the weekly table and its charts' data, the
follower total as the exports stated it, the latest window's headline figures, the last four
complete weeks against the four before, the top posts merged across exports, who the
audience is (with the share of decision-maker seniorities, a lower bound when some of them
are only "below 1%"), each single post's figures, and what is missing for a fuller picture.
An unknown figure is None (shown as "—"), never 0. A post's URL is a link only when it leads
to LinkedIn over http(s) (`url_is_linkable`); anything else is shown as text.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from ..charts.data import WeeksChart, followers_chart, post_weeks_chart
from ..model import (
    DECISION_MAKER_SENIORITIES,
    DEMOGRAPHIC_CATEGORIES,
    POST_METRICS,
    ExportStamp,
    PostAnalytics,
    Share,
    SinglePost,
    WindowSnapshot,
)
from ..text import percent
from .weekly import PostWeek, follower_totals, totals_of, weekly

COMPARED_WEEKS = 4  # the last four complete weeks against the four before
BELOW_ONE = "below 1%"
UNKNOWN = "—"

# What the view lacks, in words for its empty states (PostsView.missing).
NOTHING_IMPORTED = "no post analytics imported yet"
NO_DAYS = "no daily rows"
NO_FOLLOWER_ROWS = "no follower rows"
ONLY_ONE_EXPORT = "only one export"
TOO_FEW_WEEKS = f"fewer than {2 * COMPARED_WEEKS} complete weeks in a row"
NO_TOP_POSTS = "no top posts"
NO_AUDIENCE = "no audience demographics"


def url_is_linkable(url: str) -> bool:
    """True when `url` may be a link: http(s) to linkedin.com or one of its subdomains, with
    no user name, port, spaces or backslashes that would make a browser go elsewhere."""
    if not url.isascii() or any(c.isspace() or c in '\\"<>`' for c in url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = (parts.hostname or "").rstrip(".")
    return (parts.scheme in ("http", "https") and "@" not in parts.netloc and port is None
            and (host == "linkedin.com" or host.endswith(".linkedin.com")))


# ---- records ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Headline:
    """The latest export's window and its stated figures (None: the workbook had none)."""

    window: ExportStamp
    impressions: int | None
    members_reached: int | None
    followers_total: int | None  # at the export moment


@dataclass(frozen=True)
class Change:
    before: float | None
    now: float | None

    def difference(self) -> float | None:
        if self.before is None or self.now is None:
            return None
        return self.now - self.before

    def relative(self) -> float | None:
        """0.25 is 25 % more than before; None when there is nothing to compare with."""
        difference = self.difference()
        if difference is None or not self.before or self.before < 0:
            return None
        return difference / self.before


@dataclass(frozen=True)
class RecentWeeks:
    """The last four complete weeks against the four weeks before them."""

    first: dt.date  # the Monday of the first of the recent four weeks
    last: dt.date  # the Monday of the last complete week
    impressions: Change
    engagements: Change
    rate: Change  # engagements per impression; compare with `difference` (points)


@dataclass(frozen=True)
class TopPostRow:
    """A post from the top-posts tables, with the figures of the newest export listing it."""

    url: str
    published: dt.date
    impressions: int | None  # None: not in that export's impressions table (unknown)
    engagements: int | None
    window: ExportStamp  # whose window the figures count

    @property
    def linkable(self) -> bool:
        return url_is_linkable(self.url)

    def rate(self) -> float | None:
        if self.impressions is None or self.engagements is None or self.impressions <= 0:
            return None
        return self.engagements / self.impressions


@dataclass(frozen=True)
class DecisionMakers:
    """The share of decision-maker seniorities (Director, VP, CXO, Owner, Partner) in an
    audience: the sum of their listed percentages. LinkedIn lists only the top values and
    says "below 1%" for small ones, so the share is a lower bound."""

    percent: float  # 0-100, the listed ones summed
    listed: tuple[str, ...]  # the seniority values counted, as LinkedIn wrote them
    below_one: int  # of those, how many LinkedIn gave only as "below 1%"

    def sentence(self, who: str) -> str:
        """One sentence, e.g. 'At least 23% of your followers are decision makers
        (Director, VP, CXO).' `who` names the audience: 'your followers'."""
        if not self.listed:
            return (f"No decision-maker seniority (Director, VP, CXO, Owner, Partner) is "
                    f"among the seniorities listed for {who}.")
        text = (f"At least {percent(self.percent / 100)} of {who} are decision makers "
                f"({', '.join(self.listed)}).")
        if self.below_one:
            noun = "seniority is" if self.below_one == 1 else "seniorities are"
            text += f" {self.below_one} {noun} listed only as below 1%, counted as 0."
        return text


@dataclass(frozen=True)
class AudienceCategory:
    key: str  # a DEMOGRAPHIC_KEYS key
    label: str
    shares: tuple[Share, ...]  # as LinkedIn listed them, largest first


@dataclass(frozen=True)
class Audience:
    """Who the followers (or the posts' viewers) are, as one export stated it."""

    window: ExportStamp
    categories: tuple[AudienceCategory, ...]  # in DEMOGRAPHIC_CATEGORIES order, non-empty
    decision_makers: DecisionMakers | None  # None without seniority rows


@dataclass(frozen=True)
class SinglePostRow:
    url: str
    published: dt.date | None
    published_time: str
    metrics: tuple[tuple[str, int], ...]  # (label, value) in POST_METRICS order, known ones
    rate: float | None  # social engagements per impression, when both are known
    kind: str
    viewers: tuple[AudienceCategory, ...]
    decision_makers: DecisionMakers | None  # of the post's viewers

    @property
    def linkable(self) -> bool:
        return url_is_linkable(self.url)


@dataclass(frozen=True)
class PostsView:
    weeks: tuple[PostWeek, ...]  # the weekly table, oldest first
    weekly_chart: WeeksChart | None  # with its table (head, rows)
    follower_points: tuple[tuple[dt.date, int], ...]  # the stated totals, oldest first
    followers_chart: WeeksChart | None
    headline: Headline | None
    recent: RecentWeeks | None
    top_posts: tuple[TopPostRow, ...]
    followers_audience: Audience | None
    content_audience: Audience | None  # viewers of the window's posts (2026 exports)
    single_posts: tuple[SinglePostRow, ...]  # newest published first
    missing: tuple[str, ...]  # what a fuller view needs, in words (NO_FOLLOWER_ROWS, ...)
    export_age_days: int | None  # days from the latest export's day to today

    @property
    def is_empty(self) -> bool:
        return not (self.weeks or self.headline or self.top_posts or self.single_posts
                    or self.followers_audience or self.content_audience)


# ---- building ---------------------------------------------------------------------------------

def posts_view(posts: PostAnalytics, today: dt.date) -> PostsView:
    """The Posts view from the stored analytics; days after `today` are left out."""
    weeks = tuple(w for w in weekly(posts) if w.week <= today)
    points = follower_totals(posts)
    latest = posts.latest()
    followers = _audience(posts.snapshots, "audience")
    content = _audience(posts.snapshots, "content_audience")
    view = PostsView(
        weeks=weeks,
        weekly_chart=post_weeks_chart(weeks),
        follower_points=points,
        followers_chart=followers_chart(weeks, points),
        headline=None if latest is None else Headline(
            latest.stamp, latest.impressions, latest.members_reached, latest.followers_total),
        recent=recent_weeks(weeks),
        top_posts=top_posts(posts.snapshots),
        followers_audience=followers,
        content_audience=content,
        single_posts=tuple(_single(p) for p in sorted(
            posts.posts, key=lambda p: (p.published or dt.date.min, p.url), reverse=True)),
        missing=(),
        export_age_days=None if latest is None else (today - latest.stamp.end).days,
    )
    return _with_missing(view, posts)


def _with_missing(view: PostsView, posts: PostAnalytics) -> PostsView:
    if posts.is_empty():
        return replace(view, missing=(NOTHING_IMPORTED,))
    missing = []
    if not posts.days:
        missing.append(NO_DAYS)
    if all(d.new_followers is None for d in posts.days) and not view.follower_points:
        missing.append(NO_FOLLOWER_ROWS)
    if len(posts.snapshots) == 1:
        missing.append(ONLY_ONE_EXPORT)
    if posts.days and view.recent is None:
        missing.append(TOO_FEW_WEEKS)
    if posts.snapshots and not view.top_posts:
        missing.append(NO_TOP_POSTS)
    if posts.snapshots and view.followers_audience is None and view.content_audience is None:
        missing.append(NO_AUDIENCE)
    return replace(view, missing=tuple(missing))


def recent_weeks(weeks: Iterable[PostWeek]) -> RecentWeeks | None:
    """The last four complete weeks against the four before them, when all eight calendar
    weeks are complete; None otherwise (a gap or a partial week is no trend)."""
    by_monday = {w.week: w for w in weeks if w.complete}
    if not by_monday:
        return None
    last = max(by_monday)
    mondays = [last - dt.timedelta(weeks=n) for n in range(2 * COMPARED_WEEKS)]
    if any(m not in by_monday for m in mondays):
        return None
    now = totals_of(by_monday[m] for m in mondays[:COMPARED_WEEKS])
    before = totals_of(by_monday[m] for m in mondays[COMPARED_WEEKS:])
    return RecentWeeks(
        first=mondays[COMPARED_WEEKS - 1], last=last,
        impressions=Change(before[0], now[0]), engagements=Change(before[1], now[1]),
        rate=Change(_rate(before[1], before[0]), _rate(now[1], now[0])),
    )


def _rate(engagements: int, impressions: int) -> float | None:
    return engagements / impressions if impressions > 0 else None


def top_posts(snapshots: Iterable[WindowSnapshot]) -> tuple[TopPostRow, ...]:
    """Every post the exports' top-posts tables list, with the figures of the newest export
    listing it (an absent figure stays unknown); by impressions, then engagements, largest
    first, unknown last."""
    newest: dict[str, TopPostRow] = {}
    for snapshot in sorted(snapshots, key=lambda s: (*s.stamp.newness(), s.stamp.start)):
        for post in snapshot.top_posts:
            newest[post.url] = TopPostRow(post.url, post.published, post.impressions,
                                          post.engagements, snapshot.stamp)
    return tuple(sorted(newest.values(), key=_top_order))


def _top_order(row: TopPostRow) -> tuple[bool, int, bool, int, int, str]:
    return (row.impressions is None, -(row.impressions or 0), row.engagements is None,
            -(row.engagements or 0), -row.published.toordinal(), row.url)


# ---- audience ---------------------------------------------------------------------------------

def _folded(value: str) -> str:
    """'Vice-Presidente' -> 'vicepresidente': case, accents and punctuation set aside."""
    plain = unicodedata.normalize("NFKD", value)
    return "".join(c for c in plain.casefold() if c.isalnum())


# LinkedIn's seniority values that sign or approve purchases, and the same in the other
# wordings an export may use (plural, spelled out, Portuguese or Spanish).
_DECISION_MAKER_WORDS = frozenset({
    *(_folded(s) for s in DECISION_MAKER_SENIORITIES),
    "directors", "diretor", "diretora", "diretores", "directora", "directeur",
    "vps", "vicepresident", "vicepresidente", "vicepresidents",
    "clevel", "csuite", "cxos",
    "owners", "proprietario", "proprietaria", "propietario", "dono",
    "partners", "socio", "socia", "socios",
})


def is_decision_maker(seniority: str) -> bool:
    """True for Director, VP, CXO, Owner and Partner in any case or listed spelling."""
    return _folded(seniority) in _DECISION_MAKER_WORDS


def decision_makers(shares: Iterable[Share]) -> DecisionMakers | None:
    """The decision-maker share of an audience's seniority rows; None without any."""
    seniority = [s for s in shares if s.category == "seniority"]
    if not seniority:
        return None
    counted = [s for s in seniority if is_decision_maker(s.value)]
    return DecisionMakers(
        percent=round(sum(s.percent or 0.0 for s in counted), 6),
        listed=tuple(s.value for s in counted),
        below_one=sum(s.below_one for s in counted),
    )


def share_text(share: Share) -> str:
    """'7%', '6.8%' or 'below 1%'."""
    return BELOW_ONE if share.percent is None else percent(share.percent / 100)


def _categories(shares: tuple[Share, ...]) -> tuple[AudienceCategory, ...]:
    found = (AudienceCategory(key, label, tuple(s for s in shares if s.category == key))
             for key, label in DEMOGRAPHIC_CATEGORIES)
    return tuple(c for c in found if c.shares)


def _audience(snapshots: Iterable[WindowSnapshot], which: str) -> Audience | None:
    """The newest export's demographics of this kind (followers or content viewers)."""
    having = [s for s in snapshots if getattr(s, which)]
    if not having:
        return None
    latest = max(having, key=lambda s: (*s.stamp.newness(), s.stamp.start))
    shares: tuple[Share, ...] = getattr(latest, which)
    return Audience(latest.stamp, _categories(shares), decision_makers(shares))


# ---- single posts -----------------------------------------------------------------------------

def _single(post: SinglePost) -> SinglePostRow:
    impressions, engagements = post.metric("impressions"), post.metric("social_engagements")
    return SinglePostRow(
        url=post.url, published=post.published, published_time=post.published_time,
        metrics=tuple((label, post.metrics[key]) for key, label in POST_METRICS
                      if key in post.metrics),
        rate=None if impressions is None or engagements is None else _rate(engagements,
                                                                           impressions),
        kind=post.kind, viewers=_categories(post.viewers),
        decision_makers=decision_makers(post.viewers),
    )
