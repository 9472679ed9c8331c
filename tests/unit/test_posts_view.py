"""The Posts view's data: the weekly table, four weeks against four, top posts merged across
exports with unknown values kept unknown, who the audience is (decision makers as a lower
bound), single posts, which URLs may be links, and what an empty or thin history lacks."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_coach.model import (
    ExportStamp,
    PostAnalytics,
    PostDay,
    Share,
    SinglePost,
    TopPost,
    WindowSnapshot,
)
from ssi_coach.posts.view import (
    NO_FOLLOWER_ROWS,
    NOTHING_IMPORTED,
    ONLY_ONE_EXPORT,
    TOO_FEW_WEEKS,
    Change,
    decision_makers,
    is_decision_maker,
    posts_view,
    share_text,
    url_is_linkable,
)

D = dt.date.fromisoformat
TODAY = D("2026-06-20")
POST = "https://www.linkedin.com/feed/update/urn:li:activity:7380000000000000000"


def stamp(start: str, end: str, hour: int = 4) -> ExportStamp:
    return ExportStamp(D(start), D(end), dt.datetime.fromisoformat(end).replace(
        hour=hour, tzinfo=dt.UTC))


def days(window: ExportStamp, value: object) -> tuple[PostDay, ...]:
    """One day per day of the window; `value(day)` gives (impressions, engagements, new)."""
    count = window.days()
    return tuple(PostDay(window.start + dt.timedelta(days=i),
                         *value(window.start + dt.timedelta(days=i)), window)  # type: ignore
                 for i in range(count))


# ---- weekly table and the four-week comparison ------------------------------------------------

# 2026-04-06 is a Monday; the export covers ten weeks and is made on Wednesday 10 June.
TEN = stamp("2026-04-06", "2026-06-10")


def by_week(day: dt.date) -> tuple[int, int, int | None]:
    """Week k (1 for 6 April) has 100·k impressions and k engagements every day, one new
    follower on Mondays."""
    week = (day - D("2026-04-06")).days // 7 + 1
    return (100 * week, week, 1 if day.weekday() == 0 else 0)


def test_the_weekly_table_sums_each_week_and_flags_the_export_week() -> None:
    posts = PostAnalytics(days=days(TEN, by_week), snapshots=(WindowSnapshot(TEN),))
    view = posts_view(posts, TODAY)
    assert len(view.weeks) == 10
    assert view.weekly_chart is not None
    first, *_, last = view.weekly_chart.rows
    assert view.weekly_chart.head == ("Week of", "Impressions", "Engagements",
                                      "Engagement rate", "Complete")
    assert first == ("6 Apr 2026", "700", "7", "1%", "yes")
    # 8-10 June: three days of week 10, the last one the export day.
    assert last == ("8 Jun 2026", "3,000", "30", "1%", "no: holds an export day")
    assert view.weekly_chart.complete == (True,) * 9 + (False,)


def test_the_last_four_complete_weeks_are_set_against_the_four_before() -> None:
    view = posts_view(PostAnalytics(days=days(TEN, by_week), snapshots=(WindowSnapshot(TEN),)),
                      TODAY)
    recent = view.recent
    assert recent is not None
    # Complete weeks 1-9: now = weeks 6-9, before = weeks 2-5.
    assert (recent.first, recent.last) == (D("2026-05-11"), D("2026-06-01"))
    assert recent.impressions == Change(700 * (2 + 3 + 4 + 5), 700 * (6 + 7 + 8 + 9))
    assert recent.engagements == Change(7 * 14, 7 * 30)
    assert recent.impressions.relative() == pytest.approx(30 / 14 - 1)
    assert recent.rate.difference() == pytest.approx(0)  # 1% both times
    assert TOO_FEW_WEEKS not in view.missing


def test_no_comparison_without_eight_complete_weeks_in_a_row() -> None:
    short = stamp("2026-04-20", "2026-06-10")  # seven complete weeks
    view = posts_view(PostAnalytics(days=days(short, by_week),
                                    snapshots=(WindowSnapshot(short),)), TODAY)
    assert view.recent is None and TOO_FEW_WEEKS in view.missing


def test_a_change_from_nothing_has_no_relative_change() -> None:
    assert Change(0, 50).relative() is None and Change(None, 5).difference() is None
    assert Change(200, 150).relative() == pytest.approx(-0.25)


# ---- headline, followers ---------------------------------------------------------------------

def test_the_headline_is_the_latest_window_as_stated_and_totals_are_points() -> None:
    old = stamp("2026-03-01", "2026-05-31")
    posts = PostAnalytics(
        days=days(TEN, by_week),
        snapshots=(WindowSnapshot(old, impressions=1, members_reached=2, followers_total=980),
                   WindowSnapshot(TEN, impressions=123_456, members_reached=40_321,
                                  followers_total=1_004)))
    view = posts_view(posts, TODAY)
    assert view.headline is not None
    assert (view.headline.window, view.headline.impressions, view.headline.members_reached,
            view.headline.followers_total) == (TEN, 123_456, 40_321, 1_004)
    assert view.export_age_days == 10
    assert view.follower_points == ((D("2026-05-31"), 980), (D("2026-06-10"), 1_004))
    chart = view.followers_chart
    assert chart is not None
    assert chart.line.values == (980.0, 1004.0)
    assert ("31 May 2026", "", "980", "") in chart.rows
    assert chart.rows[0] == ("Week of 6 Apr 2026", "1", "", "yes")
    assert ONLY_ONE_EXPORT not in view.missing


# ---- top posts --------------------------------------------------------------------------------

OLD = stamp("2025-06-01", "2026-05-31")
NEW = stamp("2025-06-11", "2026-06-10")
A, B, C = (POST[:-1] + n for n in "123")


def test_top_posts_take_the_newest_export_listing_each_post_unknown_staying_unknown() -> None:
    older = WindowSnapshot(OLD, top_posts=(TopPost(A, D("2026-05-01"), 500, 20),
                                           TopPost(B, D("2026-04-01"), 300, 15)))
    newer = WindowSnapshot(NEW, top_posts=(TopPost(A, D("2026-05-01"), 520, None),
                                           TopPost(C, D("2026-06-02"), None, 50)))
    view = posts_view(PostAnalytics(snapshots=(newer, older)), TODAY)
    rows = [(r.url, r.impressions, r.engagements, r.window) for r in view.top_posts]
    # A's engagements are unknown in the newest export: not the older 20, not 0.
    assert rows == [(A, 520, None, NEW), (B, 300, 15, OLD), (C, None, 50, NEW)]
    assert [r.rate() for r in view.top_posts] == [None, 15 / 300, None]
    assert all(r.linkable for r in view.top_posts)


def test_top_posts_with_equal_impressions_rank_by_engagements() -> None:
    snap = WindowSnapshot(NEW, top_posts=(TopPost(A, D("2026-05-01"), 400, 3),
                                          TopPost(B, D("2026-05-02"), 400, 9),
                                          TopPost(C, D("2026-05-03"), 400, None)))
    view = posts_view(PostAnalytics(snapshots=(snap,)), TODAY)
    assert [r.url for r in view.top_posts] == [B, A, C]


# ---- audience ---------------------------------------------------------------------------------

def seniority(*rows: tuple[str, float | None]) -> tuple[Share, ...]:
    return tuple(Share("seniority", value, share) for value, share in rows)


def test_the_decision_maker_share_sums_the_listed_ones_and_counts_those_below_one() -> None:
    shares = (Share("job_title", "Founder", 4.0),
              *seniority(("Senior", 30.0), ("Director", 12.5), ("vp", 4.0), ("CXO", None),
                         ("Owner", 2.0), ("Entry", 10.0), ("Partner", None)))
    found = decision_makers(shares)
    assert found is not None
    assert found.percent == pytest.approx(12.5 + 4 + 2)
    assert found.listed == ("Director", "vp", "CXO", "Owner", "Partner")
    assert found.below_one == 2
    assert found.sentence("your followers") == (
        "At least 18.5% of your followers are decision makers (Director, vp, CXO, Owner, "
        "Partner). 2 seniorities are listed only as below 1%, counted as 0.")


def test_no_seniority_rows_is_unknown_and_none_listed_is_said_so() -> None:
    assert decision_makers((Share("industry", "Software", 20.0),)) is None
    found = decision_makers(seniority(("Senior", 40.0), ("Entry", 20.0)))
    assert found is not None and found.percent == 0 and found.listed == ()
    assert found.sentence("your followers").startswith("No decision-maker seniority")


@pytest.mark.parametrize("value", ["CXO", "cxo", " VP ", "Vice President", "Director",
                                   "DIRECTOR", "Owner", "Partner", "Diretor", "Vice-presidente",
                                   "Sócio", "Proprietário"])
def test_decision_maker_seniorities_in_linkedin_wordings(value: str) -> None:
    assert is_decision_maker(value)


@pytest.mark.parametrize("value", ["Senior", "Manager", "Entry", "Training", "Unpaid",
                                   "Managing Director of Sales", "Directory", ""])
def test_other_seniorities_are_not_decision_makers(value: str) -> None:
    assert not is_decision_maker(value)


def test_the_audience_is_the_newest_export_with_demographics_per_category() -> None:
    older = WindowSnapshot(OLD, audience=(*seniority(("Director", 50.0)),
                                          Share("industry", "Banking", 9.0)))
    newer = WindowSnapshot(NEW, audience=(Share("industry", "Software", 21.0),
                                          Share("industry", "Retail", None),
                                          *seniority(("Director", 6.8), ("VP", None))),
                           content_audience=seniority(("CXO", 3.0), ("Senior", 40.0)))
    view = posts_view(PostAnalytics(snapshots=(older, newer)), TODAY)
    audience = view.followers_audience
    assert audience is not None and audience.window == NEW
    assert [c.label for c in audience.categories] == ["Industries", "Seniority"]
    industries = audience.categories[0].shares
    assert [(s.value, share_text(s)) for s in industries] == [("Software", "21%"),
                                                             ("Retail", "below 1%")]
    assert audience.decision_makers is not None
    assert (audience.decision_makers.percent, audience.decision_makers.below_one) == (6.8, 1)
    content = view.content_audience
    assert content is not None and content.decision_makers is not None
    assert content.decision_makers.percent == 3.0


# ---- single posts -----------------------------------------------------------------------------

def test_single_posts_show_their_figures_in_order_and_their_viewers_decision_makers() -> None:
    first = SinglePost("https://www.linkedin.com/posts/me_a-share-1-x", D("2026-05-02"),
                       "9:00 AM", {"social_engagements": 30, "impressions": 1200,
                                   "reactions": 25}, viewers=seniority(("Owner", 8.0)))
    second = SinglePost("javascript:alert(1)", D("2026-06-01"), metrics={"reactions": 3})
    view = posts_view(PostAnalytics(posts=(first, second)), TODAY)
    newest, older = view.single_posts
    assert newest.url == "javascript:alert(1)" and not newest.linkable
    assert newest.rate is None  # no impressions: no rate, not 0
    assert older.metrics == (("Impressions", 1200), ("Social engagements", 30),
                             ("Reactions", 25))
    assert older.rate == pytest.approx(30 / 1200) and older.linkable
    assert older.decision_makers is not None and older.decision_makers.percent == 8.0
    assert not view.is_empty and view.headline is None and view.weekly_chart is None


# ---- links ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    POST, "http://linkedin.com/posts/someone_slug-share-1-ab", "https://br.linkedin.com/in/x",
    "HTTPS://WWW.LINKEDIN.COM/feed/update/urn:li:activity:1",
])
def test_linkedin_urls_over_http_are_links(url: str) -> None:
    assert url_is_linkable(url)


@pytest.mark.parametrize("url", [
    "", "javascript:alert(1)", "www.linkedin.com/feed/update/1", "//www.linkedin.com/x",
    "ftp://www.linkedin.com/x", "https://linkedin.com.evil.example/x",
    "https://notlinkedin.com/x", "https://evil.example/?next=https://www.linkedin.com/",
    "https://www.linkedin.com@evil.example/", "https://evil.example\\@www.linkedin.com/",
    "https://www.linkedin.com:8443/x", "https://www.linkedin.com/a b",
    "https://www.linkedın.com/x", "data:text/html,https://www.linkedin.com",
])
def test_anything_else_is_shown_as_text(url: str) -> None:
    assert not url_is_linkable(url)


# ---- empty and thin -------------------------------------------------------------------------

def test_nothing_imported_is_an_empty_view_that_says_so() -> None:
    view = posts_view(PostAnalytics(), TODAY)
    assert view.is_empty and view.missing == (NOTHING_IMPORTED,)
    assert (view.weekly_chart, view.followers_chart, view.headline, view.recent) == (
        None, None, None, None)
    assert view.top_posts == () and view.export_age_days is None


def test_one_export_without_follower_rows_says_what_is_missing() -> None:
    window = stamp("2026-06-01", "2026-06-10")
    posts = PostAnalytics(days=days(window, lambda d: (5, 1, None)),
                          snapshots=(WindowSnapshot(window),))
    view = posts_view(posts, TODAY)
    assert not view.is_empty
    assert {NO_FOLLOWER_ROWS, ONLY_ONE_EXPORT, TOO_FEW_WEEKS} <= set(view.missing)
    assert view.followers_chart is None
    assert view.weeks[0].new_followers is None  # unknown, not 0


def test_weeks_after_today_are_left_out() -> None:
    window = stamp("2026-06-01", "2026-06-30")
    posts = PostAnalytics(days=days(window, lambda d: (5, 1, 0)),
                          snapshots=(WindowSnapshot(window),))
    assert [w.week for w in posts_view(posts, D("2026-06-14")).weeks] == [
        D("2026-06-01"), D("2026-06-08")]
