"""Post analytics in the coach: the estimate's engagement and follower signals, the weekday
and format the member's own posts did best with, the engagement slump, and how those tips
rank with the other actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shell import coach_views
from ssi_coach.activity.actions import OWN_DATA_POINTS, next_actions
from ssi_coach.activity.calibration import NotYet, calibrate
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.activity.estimate import Estimate, estimate, inputs_for
from ssi_coach.model import (
    CHECKLIST_KEYS,
    MEASURE_KEYS,
    Calibration,
    CheckIn,
    Checklist,
    Document,
    ExportStamp,
    PostAnalytics,
    PostDay,
    SinglePost,
    TopPost,
    WeekLog,
    WindowSnapshot,
)
from ssi_coach.posts.weekday import best_format, best_weekday, published
from ssi_coach.posts.weekly import weekly

from .conftest import TODAY  # a Sunday: 2026-11-22

LAST_MONDAY = dt.date(2026, 11, 16)  # the week TODAY ends
WINDOW_START = dt.date(2026, 8, 24)  # TODAY - 90 days, a Monday
Week = tuple[int, int, int | None]  # impressions, engagements, new followers of one week


def monday(weeks_back: int) -> dt.date:
    return LAST_MONDAY - dt.timedelta(weeks=weeks_back)


def analytics(weeks: Mapping[dt.date, Week], *, end: dt.date | None = None,
              days: int = 7) -> PostAnalytics:
    """One export holding `days` days of each week: the week's figures on its Monday, zeros
    (or no follower row) on the other days, so the week sums to what is given. The export
    ends at `end` (its partial day), by default the day after the last week."""
    rows: list[tuple[dt.date, int, int, int | None]] = []
    for first, (impressions, engagements, followers) in sorted(weeks.items()):
        rows.append((first, impressions, engagements, followers))
        rows += [(first + dt.timedelta(days=n), 0, 0, None if followers is None else 0)
                 for n in range(1, days)]
    last = end or rows[-1][0] + dt.timedelta(days=1)
    stamp = ExportStamp(rows[0][0], last)
    return PostAnalytics(tuple(PostDay(day, imp, eng, fol, stamp)
                               for day, imp, eng, fol in rows if day <= last),
                         (WindowSnapshot(stamp),))


def steady(weeks: int, impressions: int = 1000, engagements: int = 40,
           followers: int | None = 5) -> dict[dt.date, Week]:
    """`weeks` complete weeks ending with the one before LAST_MONDAY's."""
    return {monday(n): (impressions, engagements, followers) for n in range(1, weeks + 1)}


def rates(posts: PostAnalytics, logs: tuple[WeekLog, ...] = ()) -> dict[str, float | None]:
    return dict(inputs_for(logs, None, end=TODAY, posts=weekly(posts)).rates)


# ---- the estimate ------------------------------------------------------------------------

def test_complete_weeks_of_post_analytics_feed_engagement_and_followers() -> None:
    posts = analytics({monday(2): (900, 40, 6), monday(1): (700, 20, 2)})
    read = inputs_for((), None, end=TODAY, posts=weekly(posts))
    assert read.rates["engagement_received"] == 30.0  # (40 + 20) / 2
    assert read.rates["new_followers"] == 4.0  # (6 + 2) / 2
    assert read.weeks_logged == 2  # a week of post analytics is a week with data
    result = estimate(read)
    brand = {s.signal.key: s for s in result.of("brand").signals}
    insights = {s.signal.key: s for s in result.of("insights").signals}
    assert brand["engagement_received"].contribution > 0
    assert brand["new_followers"].contribution > 0
    assert insights["engagement_received"].value == 30.0  # one input, both pillars


def test_a_partial_week_is_not_read() -> None:
    # Exported on Wednesday of the last week: that week has three days, the last partial.
    posts = analytics({monday(1): (1000, 40, 4), LAST_MONDAY: (5000, 900, 80)},
                      end=LAST_MONDAY + dt.timedelta(days=2))
    assert rates(posts)["engagement_received"] == 40.0
    assert rates(posts)["new_followers"] == 4.0
    # A week holding only six days of data is not read either.
    short = analytics({monday(1): (1000, 40, 4)}, days=6)
    assert rates(short)["engagement_received"] is None


def test_no_post_analytics_is_missing_not_zero() -> None:
    none = inputs_for((), None, end=TODAY)
    assert none.rates["new_followers"] is None and none.rates["engagement_received"] is None
    # Weeks with figures but no follower rows: engagement known, followers still missing.
    assert rates(analytics(steady(3, followers=None)))["new_followers"] is None
    known = estimate(inputs_for((), None, end=TODAY, posts=weekly(analytics(steady(3)))))
    zero = estimate(inputs_for((), None, end=TODAY,
                               posts=weekly(analytics(steady(3, followers=0)))))
    missing = estimate(inputs_for((), None, end=TODAY,
                                  posts=weekly(analytics(steady(3, followers=None)))))
    brand_zero, brand_missing = zero.of("brand"), missing.of("brand")
    assert brand_missing.score == brand_zero.score < known.of("brand").score  # not the score...
    assert brand_missing.known_share < brand_zero.known_share  # ...but the confidence
    assert brand_missing.high > brand_zero.high


def test_linkedins_count_wins_a_week_over_the_log_and_is_never_added_to_it() -> None:
    logs = (WeekLog(monday(2), {"reactions_received": 10, "comments_received": 5}),
            WeekLog(monday(1), {"reactions_received": 12, "comments_received": 3}))
    posts = analytics({monday(1): (1000, 40, 3)})
    read = inputs_for(logs, None, end=TODAY, posts=weekly(posts))
    assert read.rates["engagement_received"] == (15 + 40) / 2  # week 1: 40, not 15 or 55
    assert read.weeks_logged == 2


def test_weeks_outside_the_window_and_negative_weeks_are_handled() -> None:
    old = analytics({WINDOW_START - dt.timedelta(weeks=1): (1000, 40, 4)})
    assert rates(old)["engagement_received"] is None
    # Withdrawn reactions can make a week's net engagements negative; a rate stays >= 0.
    assert rates(analytics({monday(1): (100, -6, 0)}))["engagement_received"] == 0.0
    mixed = analytics({monday(2): (100, -6, 0), monday(1): (100, 10, 0)})
    assert rates(mixed)["engagement_received"] == 2.0


@given(st.lists(st.integers(-5, 300), min_size=1, max_size=13), st.data())
def test_more_engagement_in_a_week_never_lowers_the_estimate(engagements: list[int],
                                                             data: st.DataObject) -> None:
    weeks = {monday(n + 1): (1000, e, 3) for n, e in enumerate(engagements)}
    chosen = data.draw(st.sampled_from(sorted(weeks)))
    impressions, value, followers = weeks[chosen]
    more = {**weeks, chosen: (impressions, value + data.draw(st.integers(1, 200)), followers)}
    before = estimate(inputs_for((), None, end=TODAY, posts=weekly(analytics(weeks))))
    after = estimate(inputs_for((), None, end=TODAY, posts=weekly(analytics(more))))
    for old, new in zip(before.pillars, after.pillars, strict=True):
        assert new.score >= old.score and new.high >= old.high


def test_calibration_reads_the_post_analytics_behind_each_check_in() -> None:
    # Only post analytics, no log: the check-ins of the last three months have 4+ weeks of
    # figures behind them, so calibration can start; without the figures it cannot.
    posts = weekly(analytics(steady(40)))
    checkins = [CheckIn(TODAY - dt.timedelta(weeks=4 * n), 10 + n, 5, 5, 5) for n in range(3)]
    assert calibrate(checkins, (), None) == NotYet(0, 3)
    fitted = calibrate(checkins, (), None, posts=posts)
    assert isinstance(fitted, Calibration) and fitted.based_on == 3


def test_the_coach_reads_the_documents_post_analytics() -> None:
    document = Document(posts=analytics(steady(6)))
    view = coach_view(document, TODAY)
    assert view.has_activity  # post analytics alone make an estimate
    assert view.estimate.inputs.rates["new_followers"] == 5.0
    assert view.estimate.of("brand").score > coach_view(Document(), TODAY).estimate.of(
        "brand").score
    html = coach_views.estimate_panel(view.estimate, view.calibration, None)
    brand = html[html.index('<li data-pillar="brand"'):]
    brand = brand[:brand.index("</li>")]
    row = brand[brand.index(">New followers per week</th>"):]
    row = row[:row.index("</tr>")]
    assert "Followers your posts bring (post analytics workbook)" in row
    assert "<td>5</td>" in row
    assert "post analytics workbook" in brand[brand.index(">Reactions and comments received"):]


# ---- the best weekday ----------------------------------------------------------------------

MON = dt.date(2026, 6, 1)  # a Monday


def day(weeks: int, weekday: int) -> dt.date:
    return MON + dt.timedelta(weeks=weeks, days=weekday)


def url(n: int) -> str:
    return f"https://www.linkedin.com/feed/update/urn:li:activity:{7_300_000_000_000_000_000 + n}"


def snapshot(end: dt.date, *posts: TopPost) -> WindowSnapshot:
    return WindowSnapshot(ExportStamp(end - dt.timedelta(days=364), end), top_posts=posts)


# Impressions per weekday as the member would read them off their exports:
#   Monday 300, 400, 800 (800 only in the older export; the newer lists the post without
#   impressions) -> median 400; Tuesday 1200, 1400 and a post whose own workbook says 2000
#   (its top-post rows say 1000) -> median 1400; Thursday 500, 600, 700 and one post the newer
#   export puts at 900 (the older at 50) -> median 650; Saturday 5000, 6000 (too few to
#   compare); Wednesday one single post. 13 posts from 1 June to 22 July: 8 ISO weeks.
OLDER = snapshot(
    dt.date(2026, 7, 31),
    TopPost(url(1), day(0, 0), 300, 9), TopPost(url(2), day(1, 0), 400, 9),
    TopPost(url(3), day(2, 0), 800, 9), TopPost(url(7), day(3, 3), 50, 2),
    TopPost(url(4), day(0, 1), 1000, 30))
NEWER = snapshot(
    dt.date(2026, 11, 20),
    TopPost(url(3), day(2, 0), None, 12), TopPost(url(4), day(0, 1), 1000, 31),
    TopPost(url(5), day(1, 1), 1200, 20), TopPost(url(6), day(6, 1), 1400, 22),
    TopPost(url(7), day(3, 3), 900, 2), TopPost(url(8), day(0, 3), 500, 4),
    TopPost(url(9), day(1, 3), 600, 4), TopPost(url(10), day(2, 3), 700, 4),
    TopPost(url(11), day(0, 5), 5000, 80), TopPost(url(12), day(1, 5), 6000, 90))
SINGLES = (
    # The Tuesday post of url(4), by its activity id in a /posts/ link.
    SinglePost(f"https://www.linkedin.com/posts/jane_x-activity-{url(4)[-19:]}-AbCd",
               day(0, 1), metrics={"impressions": 2000}),
    # A share id cannot be matched: published the day a top post was, it is left out.
    SinglePost("https://www.linkedin.com/posts/jane_y-share-7300000000000099999-Zz",
               day(1, 3), metrics={"impressions": 99_999}),
    # Another share id on a day without a top post: a post of its own.
    SinglePost("https://www.linkedin.com/posts/jane_z-share-7300000000000088888-Yy",
               day(7, 2), metrics={"impressions": 450}),
)
HISTORY = PostAnalytics(snapshots=(OLDER, NEWER), posts=SINGLES)


def test_the_best_weekday_from_the_members_own_posts() -> None:
    advice = best_weekday(HISTORY)
    assert advice is not None
    assert (advice.best.name, advice.best.posts, advice.best.median) == ("Tuesday", 3, 1400)
    assert [(g.name, g.median) for g in advice.compared] == [
        ("Tuesday", 1400), ("Thursday", 650), ("Monday", 400)]
    assert advice.others_median == 525  # the median of 650 and 400
    assert advice.lift == pytest.approx(1400 / 525 - 1)
    assert (advice.posts, advice.weeks) == (13, 8)
    assert {g.name: g.posts for g in advice.groups} == {
        "Monday": 3, "Tuesday": 3, "Wednesday": 1, "Thursday": 4, "Saturday": 2}
    words = advice.words()
    assert "a Tuesday did best: a median of 1,400 impressions over 3 posts" in words
    assert "167% more than the median of your other weekdays (525)" in words
    assert "Based on 13 posts over 8 weeks, comparing 3 weekdays with at least 3 posts" in words


def test_each_post_is_read_once() -> None:
    read = {p.key: p.impressions for p in published(HISTORY)}
    assert read[url(7)[-19:]] == 900  # the newer export's figure
    assert read[url(3)[-19:]] == 800  # the newer export did not say; the older did
    assert read[url(4)[-19:]] == 2000  # its own workbook
    assert 99_999 not in read.values()
    assert len(read) == 13


def test_too_little_history_gives_no_weekday() -> None:
    posts = [TopPost(url(n), day(n, n % 2), 100 * (n + 1), 1) for n in range(7)]
    assert best_weekday(PostAnalytics(snapshots=(snapshot(TODAY, *posts),))) is None  # 7 posts
    eight = [*posts, TopPost(url(7), day(7, 1), 800, 1)]
    assert best_weekday(PostAnalytics(snapshots=(snapshot(TODAY, *eight),))) is not None
    # Eight posts, but only Monday has three or more: nothing to compare with.
    lopsided = [TopPost(url(n), day(n, 0 if n < 6 else n - 5), 100, 1) for n in range(8)]
    assert best_weekday(PostAnalytics(snapshots=(snapshot(TODAY, *lopsided),))) is None
    assert best_weekday(PostAnalytics()) is None


# ---- the best format -----------------------------------------------------------------------

def single(n: int, kind: str, impressions: int, weekday: int = 2) -> SinglePost:
    return SinglePost(url(n), day(n, weekday), metrics={"impressions": impressions}, kind=kind)


def test_the_best_format_needs_three_posts_naming_one() -> None:
    posts = (single(1, "video", 3000), single(2, "video", 5000), single(3, "image", 1000),
             single(4, "", 90_000))  # the workbook did not say: never guessed
    advice = best_format(PostAnalytics(posts=posts))
    assert advice is not None
    assert (advice.best.name, advice.best.posts, advice.best.median) == ("video", 2, 4000)
    assert advice.others_median == 1000 and advice.lift == pytest.approx(3.0)
    assert advice.posts == 3
    assert "Your video posts did best: a median of 4,000 impressions over 2 posts, 300% more" \
        in advice.words()
    assert "video 2 posts, median 4,000; image 1 post, median 1,000" in advice.words()
    assert best_format(PostAnalytics(posts=posts[:2] + posts[3:])) is None  # two name one
    same = (single(1, "video", 3000), single(2, "video", 5000), single(3, "video", 100))
    assert best_format(PostAnalytics(posts=same)) is None  # nothing to compare with


# ---- actions -----------------------------------------------------------------------------

def _estimate(posts: PostAnalytics, logs: tuple[WeekLog, ...] = ()) -> Estimate:
    return estimate(inputs_for(logs, None, end=TODAY, posts=weekly(posts)))


def _with(posts: PostAnalytics, days: Mapping[dt.date, Week]) -> PostAnalytics:
    """`posts` with the days of `days` (their export's snapshot) added."""
    daily = analytics(days)
    return PostAnalytics(daily.days, (*posts.snapshots, *daily.snapshots), posts.posts)


def test_the_weekday_and_format_tips_come_with_their_evidence() -> None:
    # On Mondays: Monday's median becomes 900, Tuesday's 1,400 still leads.
    kinds = (single(20, "video", 3000, 0), single(21, "video", 5000, 0),
             single(22, "image", 1000, 0))
    posts = PostAnalytics(snapshots=HISTORY.snapshots, posts=(*HISTORY.posts, *kinds))
    actions = {a.key: a for a in next_actions(_estimate(posts), None, limit=100, posts=posts)}
    weekday, kind = actions["post_on_weekday"], actions["post_format"]
    assert weekday.title == "Publish your next posts on a Tuesday"
    assert kind.title == "Make more of your posts video posts"
    for tip in (weekday, kind):
        assert tip.pillar == "brand" and tip.own_data
        assert tip.gain_4w == tip.gain_12w == (0.0, 0.0) and not tip.rates
    assert "over 3 posts" in weekday.reason and "comparing 3 weekdays" in weekday.reason
    assert "video 2 posts, median 4,000" in kind.reason
    assert ".." not in weekday.reason and ".." not in kind.reason
    html = coach_views.actions_list(tuple(actions.values()), has_activity=True)
    item = html[html.index('data-action-key="post_on_weekday"'):]
    assert "No modelled gain" in item[:item.index("</li>")]


def test_without_post_analytics_no_tip_appears() -> None:
    keys = {a.key for a in next_actions(_estimate(PostAnalytics()), None, limit=100,
                                        posts=PostAnalytics())}
    assert not keys & {"post_on_weekday", "post_format", "revive_engagement"}
    assert "invite_comments" in keys


def test_a_tip_ranks_in_its_pillar_as_if_it_gained_half_a_point() -> None:
    # Nothing logged (posting would gain whole points); the checklist done but for the custom
    # URL, whose last thirteenth of the profile adds about 0.1.
    almost = Checklist({**dict.fromkeys(CHECKLIST_KEYS, True), "custom_url": False})
    est = estimate(inputs_for((), almost, end=TODAY))
    actions = next_actions(est, almost, limit=100, posts=HISTORY)
    brand = [a for a in actions if a.pillar == "brand"]
    at = [a.key for a in brand].index("post_on_weekday")
    assert all(a.gain_12w[1] >= OWN_DATA_POINTS for a in brand[:at])
    assert all(a.gain_12w[1] <= OWN_DATA_POINTS for a in brand[at + 1:])
    assert brand[:at] and brand[at + 1:]  # the test says something either side


def _slipping(recent: int, history: int = 8) -> PostAnalytics:
    """`history` weeks at 5 % engagement, then 4 weeks at `recent` engagements per 1000."""
    weeks = {monday(n): (1000, 50, 3) for n in range(5, 5 + history)}
    weeks |= {monday(n): (1000, recent, 3) for n in range(1, 5)}
    return analytics(weeks)


def test_engagement_that_slipped_asks_for_questions_and_replies() -> None:
    posts = _slipping(20)  # 2 % against a usual 5 %: under 60 % of it
    est = _estimate(posts)
    # The 90-day window holds all twelve weeks: (8 * 50 + 4 * 20) / 12.
    assert est.inputs.rates["engagement_received"] == pytest.approx(40)
    actions = {a.key: a for a in next_actions(est, None, limit=100, posts=posts)}
    assert "invite_comments" not in actions  # replaced by the same advice with its evidence
    tip = actions["revive_engagement"]
    assert tip.own_data and tip.rates == {"engagement_received": 50.0}  # 5 % of 1000 a week
    assert tip.gain_12w[1] > 0  # the estimate reads this one
    assert ("fell to 2.0% over your last 4 complete weeks (2.0%, 2.0%, 2.0%, 2.0%), against "
            "your usual 5.0% (the median of 8 weeks before)") in tip.reason


@pytest.mark.parametrize(("posts", "why"), [
    (_slipping(31), "3.1 % is above 60 % of the usual 5 %: not well below"),
    (_slipping(20, history=7), "seven weeks before are too few for a median"),
])
def test_no_slump_without_a_clear_drop_or_enough_history(posts: PostAnalytics,
                                                         why: str) -> None:
    keys = {a.key for a in next_actions(_estimate(posts), None, limit=100, posts=posts)}
    assert "revive_engagement" not in keys, why


def test_an_old_export_says_nothing_about_this_month() -> None:
    weeks = {monday(n): (1000, 50, 3) for n in range(20, 28)}
    weeks |= {monday(n): (1000, 10, 3) for n in range(16, 20)}  # all before the window
    posts = analytics(weeks)
    keys = {a.key for a in next_actions(_estimate(posts), None, limit=100, posts=posts)}
    assert "revive_engagement" not in keys


def test_the_coach_view_lists_the_tips() -> None:
    # Every habit at its saturation and the checklist done: only brand has room left (the
    # followers signal is short of its saturation), and what is left to say is the tip.
    busy = tuple(WeekLog(monday(n), dict.fromkeys(MEASURE_KEYS, 100)) for n in range(6, 0, -1))
    document = Document(weeks=busy, posts=_with(HISTORY, steady(6)),
                        checklist=Checklist(dict.fromkeys(CHECKLIST_KEYS, True)))
    view = coach_view(document, TODAY)
    assert [a.key for a in view.actions] == ["post_on_weekday"]
    assert [a.key for a in next_actions(view.estimate, document.checklist)] == []
