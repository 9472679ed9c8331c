"""Post analytics in storage (schema 7): the compact form, refusing damaged data, the size
budget over years of exports, two tabs, and backups."""

from __future__ import annotations

import datetime as dt
import json
import random
import struct
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given

from shell import views
from ssi_coach.errors import CorruptDocument
from ssi_coach.model import (
    DEMOGRAPHIC_KEYS,
    POST_METRIC_KEYS,
    Document,
    ExportStamp,
    PostAnalytics,
    PostDay,
    Share,
    SinglePost,
    TopPost,
    WindowSnapshot,
)
from ssi_coach.posts.budget import BUDGET_CHARACTERS, DETAILED_WINDOWS, prune
from ssi_coach.storage import DOCUMENT_KEY, MemoryStorage, Store, decode, encode
from ssi_coach.storage.backup import backup_text, read_backup, with_backup_posts
from ssi_coach.storage.concurrent import merge_posts

from .conftest import checkin
from .strategies import ACTIVITY_URL, post_analytics

UTC = dt.UTC
ID = "7518612088687689728"


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def days_from(stamp: ExportStamp, first: str, figures: list[tuple[int, int, int | None]],
              ) -> list[PostDay]:
    start = day(first)
    return [PostDay(start + dt.timedelta(days=n), *row, stamp) for n, row in enumerate(figures)]


OLD = ExportStamp(day("2026-10-01"), day("2026-10-05"), dt.datetime(2026, 10, 5, 4, 9, tzinfo=UTC))
NEW = ExportStamp(day("2026-10-04"), day("2026-10-08"))
LATER = ExportStamp(day("2026-10-12"), day("2026-10-13"), dt.datetime(2026, 10, 13, tzinfo=UTC))
POSTS = PostAnalytics(
    days=(*days_from(OLD, "2026-10-01", [(120, 3, 1), (95, -2, None), (40, 0, 0)]),
          *days_from(NEW, "2026-10-04", [(310, 12, 2), (88, 1, 0), (9, 0, 0)]),
          *days_from(LATER, "2026-10-12", [(61, 2, 1)])),
    snapshots=(
        WindowSnapshot(OLD, impressions=560, members_reached=301, followers_total=2841,
                       top_posts=(TopPost(ACTIVITY_URL + ID, day("2026-10-01"), 4890, None),),
                       audience=(Share("seniority", "Director", 7.584269344806671),
                                 Share("company", "Capgemini", None))),
        WindowSnapshot(NEW, content_audience=(Share("industry", "Software Development", 27.0),),
                       top_posts=(
                           TopPost("https://www.linkedin.com/feed/update/urn:li:ugcPost:1",
                                   day("2026-10-04"), None, 21),
                           TopPost("7521043377201545216", day("2026-10-05"), 5, 1))),
        WindowSnapshot(LATER),
    ),
    posts=(SinglePost("https://www.linkedin.com/posts/x-share-7-DJ8g", day("2026-10-04"),
                      metrics={"comments": 31, "impressions": 6140}),
           SinglePost("https://www.linkedin.com/posts/y", kind="video",
                      created=dt.datetime(2026, 10, 9, 8, 30, 5, tzinfo=UTC),
                      viewers=(Share("location", "Lisbon", 6.0),))),
)
# POSTS as stored, written out by hand from the format in posts_codec.py's docstring.
POSTS_DATA: dict[str, Any] = {
    "days": {"start": "2026-10-01",
             "impressions": [120, 95, 40, 310, 88, 9, 61],
             "engagements": [3, -2, 0, 12, 1, 0, 2],
             "new_followers": [1, None, 0, 2, 0, 0, 1],
             "sources": [[0, 3], [1, 3], [None, 5], [2, 1]]},
    "snapshots": [
        {"window": ["2026-10-01", "2026-10-05", "2026-10-05T04:09:00Z"], "impressions": 560,
         "members_reached": 301, "followers_total": 2841,
         "top_posts": [[ID, "2026-10-01", 4890, None]],
         "audience": [["seniority", "Director", 7.584269344806671],
                      ["company", "Capgemini", None]]},
        {"window": ["2026-10-04", "2026-10-08", None],
         "top_posts": [["https://www.linkedin.com/feed/update/urn:li:ugcPost:1", "2026-10-04",
                        None, 21],
                       [["7521043377201545216"], "2026-10-05", 5, 1]],
         "content_audience": [["industry", "Software Development", 27.0]]},
        {"window": ["2026-10-12", "2026-10-13", "2026-10-13T00:00:00Z"]},
    ],
    "posts": [
        {"url": "https://www.linkedin.com/posts/x-share-7-DJ8g", "published": "2026-10-04",
         "metrics": {"impressions": 6140, "comments": 31}},
        {"url": "https://www.linkedin.com/posts/y", "viewers": [["location", "Lisbon", 6.0]],
         "created": "2026-10-09T08:30:05Z", "kind": "video"},
    ],
}


def stored(posts: PostAnalytics) -> Any:
    return json.loads(encode(Document(posts=posts)))["posts"]


def load(posts_data: Any) -> Document:
    data = json.loads(encode(Document()))
    data["posts"] = posts_data
    return decode(json.dumps(data))[0]


# ---- the compact form ---------------------------------------------------------------------

def test_post_analytics_are_stored_as_columns_with_runs_of_sources_and_activity_ids() -> None:
    assert stored(POSTS) == POSTS_DATA
    assert load(POSTS_DATA).posts == POSTS


def test_no_post_analytics_is_an_empty_record_and_absent_or_null_reads_as_none() -> None:
    assert stored(PostAnalytics()) == {}
    data = json.loads(encode(Document()))
    for absent in ({k: v for k, v in data.items() if k != "posts"}, {**data, "posts": None}):
        assert decode(json.dumps(absent))[0].posts == PostAnalytics()


def test_a_v6_document_gains_empty_post_analytics() -> None:
    raw = json.dumps({"schema_version": 6, "checkins": []})
    loaded = Store(MemoryStorage({DOCUMENT_KEY: raw})).load()
    assert loaded.migrated == ("0007_add_posts", "0008_add_accounts", "0009_add_team")
    assert loaded.document.posts == PostAnalytics()


@given(post_analytics())
def test_any_post_analytics_round_trip_exactly_and_encode_stably(posts: PostAnalytics) -> None:
    text = encode(Document(posts=posts))
    again = decode(text)[0]
    assert again.posts == posts
    assert [d.source.created for d in again.posts.days] == [d.source.created for d in posts.days]
    assert encode(again) == text


# ---- damaged data is refused, naming what is wrong ------------------------------------------

def with_change(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = json.loads(json.dumps(POSTS_DATA))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(("path", "value", "says"), [
    (("days", "impressions"), "120,95", "must each be a list"),
    (("days", "engagements"), [3, -2, 0, 12, 1, 0], "lists of the same length (found 7, 6, 7)"),
    (("days", "sources"), [[0, 3], [1, 3], [None, 3], [3, 1]], "names export 3, but there are 3"),
    (("days", "sources"), [[0, 3], [-1, 3], [None, 3], [2, 1]], "names export -1"),
    (("days", "sources"), [[0, 3], [1, 0], [1, 3], [None, 3], [2, 1]], "one day or more, in order"),
    (("days", "sources"), [[0, 3], [1, -3], [1, 6], [None, 3], [2, 1]], "in order (found -3)"),
    (("days", "sources"), [[0, 3], [1, 3]], "cover 6 days, but there are figures for 7"),
    (("days", "sources"), [[0, 3], [1, 3], [None, 3], [2, 2]], "cover 8 days"),
    (("days", "sources"), [[None, 2], [0, 3], [1, 3], [2, 1]], "a gap can only lie between days"),
    (("days", "sources"), [[0, 3], [1, 3], [None, 3], [2, 1], [None, 1]], "only lie between"),
    (("days", "sources"), [[0, 3, 1]], "is not [export, number of days]"),
    (("days", "sources"), [[0, True], [1, 6]], "one day or more"),
    (("days", "start"), "01/10/2026", "first day is not a date like 2026-07-22"),
    (("days", "start"), "9999-12-30", "run past the last date there is"),
    (("days", "sources"), [[0, 3], [None, 10**12], [1, 4]], "run past the last date"),
    (("days", "impressions", 2), -1, "2026-10-03: impressions must be a whole number of 0"),
    (("days", "impressions", 0), 120.5, "2026-10-01: impressions must be a whole number"),
    (("days", "engagements", 0), "3", "engagements must be a whole number"),
    (("days", "new_followers", 0), False, "new followers must be a whole number"),
    (("days", "weekday"), [], "unknown field “weekday”"),
    (("snapshots",), {}, "the snapshots are not a list"),
    (("snapshots", 0, "window"), ["2026-10-05", "2026-10-01", None], "ends before it starts"),
    (("snapshots", 0, "window"), ["2026-10-01", "2026-10-05"], "not [first day, last day"),
    (("snapshots", 0, "window", 2), "2026-10-05T04:09:00", "not a UTC time"),
    (("snapshots", 1, "window"), ["2026-10-01", "2026-10-05", "2026-10-05T04:09:00Z"],
     "two snapshots are for the same export (2026-10-01 to 2026-10-05)"),
    (("snapshots", 0, "followers_total"), "2,841", "followers total must be a whole number"),
    (("snapshots", 0, "top_posts", 0), [ID, "2026-10-01", 4890], "is not [post, published"),
    (("snapshots", 0, "top_posts", 0, 0), 7518612088687689728, "neither an activity id nor"),
    (("snapshots", 0, "top_posts", 0, 1), "yesterday", "publish date is not a date"),
    (("snapshots", 0, "top_posts", 0, 2), -5, "impressions must be a whole number of 0"),
    (("snapshots", 0, "audience", 0, 0), "hobbies", "“hobbies” is not one of job_title"),
    (("snapshots", 0, "audience", 0, 1), 7, "the value is not text"),
    (("snapshots", 0, "audience", 0, 2), 101.5, "a number from 0 to 100, or null"),
    (("snapshots", 0, "audience", 0, 2), "7%", "a number from 0 to 100"),
    (("snapshots", 0, "audience", 1), ["company", "Capgemini"], "not [category, value, perc"),
    (("snapshots", 0, "likes"), 3, "(2026-10-01 to 2026-10-05) has an unknown field “likes”"),
    (("posts", 0, "url"), None, "single post 1 is not a record with a URL"),
    (("posts", 1, "url"), "https://www.linkedin.com/posts/x-share-7-DJ8g", "the same URL"),
    (("posts", 0, "metrics", "likes"), 3, "“likes” is not a post figure"),
    (("posts", 0, "metrics", "comments"), -1, "comments must be a whole number of 0 or more"),
    (("posts", 0, "published"), "2026-13-01", "the post date is not a date"),
    (("posts", 1, "kind"), None, "the publish time and the kind must be text"),
    (("posts", 1, "created"), 1760000000, "the creation time is not a UTC time"),
])
def test_damaged_post_analytics_are_refused_with_a_reason(path: tuple[Any, ...], value: Any,
                                                          says: str) -> None:
    with pytest.raises(CorruptDocument, match=r"^The post analytics") as refused:
        load(with_change(path, value))
    assert says in str(refused.value)


@pytest.mark.parametrize("value", [[], "posts", 3])
def test_post_analytics_that_are_not_a_record_are_refused(value: Any) -> None:
    with pytest.raises(CorruptDocument, match="The post analytics are not a record"):
        load(value)


def test_a_stored_document_with_damaged_posts_is_reported_and_left_as_it_was() -> None:
    data = json.loads(encode(Document((checkin("2026-10-01"),), posts=POSTS)))
    data["posts"]["days"]["sources"][0] = [7, 3]
    raw = json.dumps(data)
    backend = MemoryStorage({DOCUMENT_KEY: raw})
    loaded = Store(backend).load()
    assert isinstance(loaded.problem, CorruptDocument) and "names export 7" in str(loaded.problem)
    assert backend.items == {DOCUMENT_KEY: raw}


# ---- the budget -----------------------------------------------------------------------------

def _float32_percent(fraction: float) -> float:
    """A percentage as the older workbooks give it: a float32 fraction, times 100."""
    return float(struct.unpack("f", struct.pack("f", fraction))[0]) * 100


def _activity_url(on: dt.date, rng: random.Random) -> str:
    moment = dt.datetime.combine(on, dt.time(rng.randrange(6, 20), rng.randrange(60)), UTC)
    return f"{ACTIVITY_URL}{(int(moment.timestamp() * 1000) << 22) + rng.randrange(1 << 22)}"


VALUES = ("Senior", "Director", "Software Development", "Greater Paris Metropolitan Region",
          "10,001+ employees", "Account Executive", "IT Services and IT Consulting", "Capgemini")


def _shares(rng: random.Random, rows: int, *, float32: bool) -> tuple[Share, ...]:
    return tuple(Share(DEMOGRAPHIC_KEYS[n % 6], rng.choice(VALUES), None if rng.random() < 0.2
                       else _float32_percent(rng.random() * 0.3) if float32
                       else float(rng.randrange(1, 40))) for n in range(rows))


def years_of_exports(exports: int = 36, singles: int = 40) -> PostAnalytics:
    """A member who exports monthly for three years: 365-day windows ending on the 15th, each
    with 50 + 50 top posts (40 in both tables), 30-60 rows of audience (the first 24 as
    float32 fractions, the newest 12 as whole percentages with 7-30 rows of content
    audience), about two posts a week, and `singles` single-post workbooks."""
    rng = random.Random(16)
    ends = [dt.date(2023 + k // 12, k % 12 + 1, 15) for k in range(exports)]
    first = ends[0] - dt.timedelta(days=364)
    posted = [first + dt.timedelta(days=n) for n in range((ends[-1] - first).days + 1)
              if rng.random() < 0.3]
    posts = [(on, _activity_url(on, rng)) for on in posted]
    days: dict[dt.date, PostDay] = {}
    snapshots = []
    for k, end in enumerate(ends):
        stamp = ExportStamp(end - dt.timedelta(days=364), end,
                            dt.datetime.combine(end, dt.time(4, 9), UTC))
        for n in range(365):
            on = stamp.start + dt.timedelta(days=n)
            days[on] = PostDay(on, rng.randrange(100, 4000), rng.randrange(-2, 150),
                               rng.randrange(0, 15), stamp)
        shown = [p for p in posts if stamp.start - dt.timedelta(days=5) <= p[0] <= end]
        rng.shuffle(shown)
        top = [TopPost(url, on, rng.randrange(500, 200_000) if n < 40 or n >= 50 else None,
                       rng.randrange(10, 3000) if n < 50 else None)
               for n, (on, url) in enumerate(shown[:60])]
        old = k < exports - 12
        snapshots.append(WindowSnapshot(
            stamp, rng.randrange(200_000, 900_000), rng.randrange(50_000, 300_000), 2000 + 40 * k,
            tuple(top), _shares(rng, rng.randrange(30, 61), float32=old),
            () if old else _shares(rng, rng.randrange(7, 31), float32=False)))
    single = [SinglePost(url.replace(ACTIVITY_URL, "https://www.linkedin.com/posts/camille-"
                                     "dubois_what-discovery-calls-taught-me-share-") + "-DJ8g",
                         on, "10:00 AM", {key: rng.randrange(5000) for key in POST_METRIC_KEYS},
                         _shares(rng, rng.randrange(20, 31), float32=False),
                         dt.datetime.combine(on, dt.time(9), UTC))
              for on, url in rng.sample(posts, singles)]
    return PostAnalytics(tuple(days[d] for d in sorted(days)), tuple(snapshots), tuple(single))


def stored_characters(posts: PostAnalytics) -> int:
    """The posts part's share of the stored text (localStorage counts characters)."""
    return len(encode(Document(posts=posts))) - len(encode(Document()))


def test_three_years_of_monthly_exports_stay_within_the_budget(
        report_figure: Any) -> None:
    posts = years_of_exports()
    kept = prune(posts)
    size, whole = stored_characters(kept), stored_characters(posts)
    days_only = stored_characters(replace(posts, snapshots=tuple(
        WindowSnapshot(s.stamp) for s in posts.snapshots), posts=()))
    report_figure(f"post analytics stored, {len(posts.days)} days, 36 monthly exports, 40 single "
                  f"posts: {size / 1000:.1f} kB pruned ({whole / 1000:.1f} kB unpruned; days "
                  f"alone {days_only / 1000:.1f} kB); budget {BUDGET_CHARACTERS / 1000:.0f} kB")
    report_figure(f"backup file with those post analytics: "
                  f"{len(backup_text(Document(posts=kept)).encode()) / 1000:.1f} kB")
    assert size <= BUDGET_CHARACTERS
    assert decode(encode(Document(posts=kept)))[0].posts == kept


def test_pruning_keeps_every_day_and_headline_but_details_of_the_newest_windows_only() -> None:
    posts = years_of_exports(exports=DETAILED_WINDOWS + 3, singles=2)
    kept = prune(posts)
    assert kept.days == posts.days and kept.posts == posts.posts
    assert [s.stamp for s in kept.snapshots] == [s.stamp for s in posts.snapshots]
    for before, after in zip(posts.snapshots, kept.snapshots, strict=True):
        assert (after.impressions, after.members_reached, after.followers_total) == (
            before.impressions, before.members_reached, before.followers_total)
    detailed = [bool(s.top_posts or s.audience) for s in kept.snapshots]
    assert detailed == [False] * 3 + [True] * DETAILED_WINDOWS
    assert kept.snapshots[3:] == posts.snapshots[3:]
    assert prune(kept) is kept


def test_pruning_picks_the_newest_windows_by_their_exports_not_their_order() -> None:
    posts = replace(POSTS, snapshots=POSTS.snapshots[::-1])
    assert prune(posts) is posts  # within the limit: nothing to drop
    many = PostAnalytics(snapshots=tuple(
        WindowSnapshot(ExportStamp(day("2026-01-01"), day("2026-01-01") + dt.timedelta(days=n)),
                       members_reached=n, audience=(Share("company", "Capgemini", 2.0),))
        for n in reversed(range(DETAILED_WINDOWS + 1))))
    kept = prune(many)
    assert [s.members_reached for s in kept.snapshots if not s.audience] == [0]


# ---- two tabs -------------------------------------------------------------------------------

def test_a_save_in_one_tab_keeps_the_posts_another_tab_imported() -> None:
    backend = MemoryStorage()
    first, second = Store(backend), Store(backend)
    first.save(Document((checkin("2026-10-01"),)))
    start = second.load().document
    first.save(first.load().document.with_posts(POSTS))  # this tab imports workbooks

    saved = second.save(start.put(checkin("2026-11-01")))  # the other adds a check-in

    assert saved.merged and saved.conflicts == ()
    assert saved.document.posts == POSTS and len(saved.document.checkins) == 2
    assert Store(backend).load().document.posts == POSTS


def test_when_both_tabs_imported_each_day_keeps_the_newer_exports_figures() -> None:
    old_only = PostAnalytics(POSTS.days[:3], POSTS.snapshots[:1], POSTS.posts[:1])
    new_only = PostAnalytics(tuple(days_from(NEW, "2026-10-04", [(310, 12, 2), (88, 1, 0)])),
                             POSTS.snapshots[1:2], POSTS.posts[1:])
    mine = PostAnalytics(
        (*days_from(OLD, "2026-10-01", [(120, 3, 1), (95, -2, None), (40, 0, 0), (70, 1, 1)]),),
        POSTS.snapshots[:1], POSTS.posts[:1])
    merged = merge_posts(PostAnalytics(), mine, new_only)
    assert [(d.day.day, d.impressions, d.source) for d in merged.days] == [
        (1, 120, OLD), (2, 95, OLD), (3, 40, OLD), (4, 310, NEW), (5, 88, NEW)]
    assert [s.stamp for s in merged.snapshots] == [OLD, NEW]
    assert merged.posts == (*new_only.posts, *mine.posts)  # the stored tab's first
    # One side unchanged since the tabs started: the other side's posts, as they are.
    assert merge_posts(old_only, old_only, new_only) == new_only
    assert merge_posts(old_only, mine, old_only) == mine


def test_a_day_both_tabs_hold_from_the_same_kind_of_export_goes_to_the_newer_export() -> None:
    newer = ExportStamp(OLD.start, OLD.end, dt.datetime(2026, 10, 5, 9, tzinfo=UTC))
    revised = days_from(newer, "2026-10-01", [(125, 3, 1)])
    theirs = PostAnalytics(tuple(revised), (WindowSnapshot(newer),))
    mine = PostAnalytics(POSTS.days[:1], POSTS.snapshots[:1])
    for merged in (merge_posts(PostAnalytics(), mine, theirs),
                   merge_posts(PostAnalytics(), theirs, mine)):
        assert [(d.impressions, d.source) for d in merged.days] == [(125, newer)]
        assert [s.stamp for s in merged.snapshots] == [OLD, newer]


# ---- backups --------------------------------------------------------------------------------

def test_a_backup_carries_post_analytics_and_restoring_it_brings_them_back() -> None:
    document = Document((checkin("2026-10-01"),), posts=POSTS)
    backup = read_backup(backup_text(document).encode("utf-8"))
    assert backup.posts == POSTS

    backend = MemoryStorage()
    store = Store(backend)
    store.save(Document((checkin("2026-11-01"),)))
    kept = store.replace_keeping_copy(backup)

    assert kept is not None and Store(backend).load().document == document


def test_merging_a_backup_adds_its_post_analytics_to_the_datas() -> None:
    mine = Document((checkin("2026-11-01"),), posts=PostAnalytics(
        POSTS.days[-1:], POSTS.snapshots[2:]))
    backup = Document((checkin("2026-10-01"),), posts=PostAnalytics(
        POSTS.days[:-1], POSTS.snapshots[:2], POSTS.posts))
    merged = with_backup_posts(mine, backup)
    assert merged.posts == POSTS and merged.checkins == mine.checkins
    assert with_backup_posts(mine, Document()) is mine
    assert with_backup_posts(Document(), backup).posts == backup.posts


def test_the_restore_preview_says_the_backup_holds_post_analytics() -> None:
    with_posts = views.backup_summary(Document(posts=POSTS), Document())
    assert "post analytics (7 days)" in with_posts
    assert "post analytics" not in views.backup_summary(Document(), Document())
