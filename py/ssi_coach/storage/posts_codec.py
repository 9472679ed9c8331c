"""Post analytics as compact JSON (schema v7): years of daily rows in a few kilobytes.

    {"days": {"start": "2024-11-11",            first day; the others follow one a day
              "impressions": [...], "engagements": [...], "new_followers": [..., null],
              "sources": [[0, 357], [null, 3], [1, 365]]},
     "snapshots": [{"window": [start, end, created or null], "impressions": n,
                    "members_reached": n, "followers_total": n,
                    "top_posts": [[id or URL, published, impressions, engagements], ...],
                    "audience": [[category, value, percent], ...], "content_audience": ...}],
     "posts": [{"url": ..., "published": ..., "published_time": ..., "metrics": {...},
                "viewers": [...], "created": ..., "kind": ...}]}

Days are columns: one start date, then one array per figure. Which export each day came from
is run-length encoded as [index into "snapshots", number of days]: days come in long runs
from one export. A run with a null index is days no export covers (a gap between windows).
Dates are therefore positions from one start, so they cannot be out of order or repeated.
A top post whose URL has the canonical form is keyed by its 19-digit activity id (a string:
JSON readers that turn numbers into doubles would round it). Anything left at its default
(no figure, no rows, empty text) is left out. Every part is empty or absent when there are
no post analytics.

Decoding checks every type, length, index and date, and raises CorruptDocument naming the
part: this part is only ever written by the app, so anything wrong means damaged data.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..errors import CorruptDocument
from ..model import (
    DEMOGRAPHIC_KEYS,
    POST_METRIC_KEYS,
    ExportStamp,
    PostAnalytics,
    PostDay,
    Share,
    SinglePost,
    TopPost,
    WindowSnapshot,
)
from .checks import iso_date, known_keys, require

Data = dict[str, Any]
T = TypeVar("T")

ACTIVITY_URL = "https://www.linkedin.com/feed/update/urn:li:activity:"
_ACTIVITY_ID = re.compile(r"\d{19}")
_DAY_COLUMNS = ("impressions", "engagements", "new_followers")
_DAY_KEYS = {"start", *_DAY_COLUMNS, "sources"}
_FIGURES = ("impressions", "members_reached", "followers_total")
_SHARE_LISTS = ("audience", "content_audience")
_SNAPSHOT_KEYS = {"window", *_FIGURES, "top_posts", *_SHARE_LISTS}
_POST_KEYS = {"url", "published", "published_time", "metrics", "viewers", "created", "kind"}
_WHERE = "The post analytics"


# ---- encoding ---------------------------------------------------------------------------

def posts_to_data(posts: PostAnalytics) -> Data:
    """The compact form; {} when there are no post analytics."""
    index = {snapshot.stamp: n for n, snapshot in enumerate(posts.snapshots)}
    data: Data = {}
    if posts.days:
        data["days"] = _days_to_data(posts.days, index)
    if posts.snapshots:
        data["snapshots"] = [_snapshot_to_data(s) for s in posts.snapshots]
    if posts.posts:
        data["posts"] = [_post_to_data(p) for p in posts.posts]
    return data


def _days_to_data(days: tuple[PostDay, ...], index: dict[ExportStamp, int]) -> Data:
    runs: list[list[int | None]] = []
    expected = days[0].day
    for day in days:
        if day.day != expected:  # a gap: days no kept export covers
            runs.append([None, (day.day - expected).days])
        source = index[day.source]
        if runs and runs[-1][0] == source:
            runs[-1][1] += 1  # type: ignore[operator]
        else:
            runs.append([source, 1])
        expected = day.day + dt.timedelta(days=1)
    return {
        "start": days[0].day.isoformat(),
        **{name: [getattr(day, name) for day in days] for name in _DAY_COLUMNS},
        "sources": runs,
    }


def stamp_to_data(stamp: ExportStamp) -> list[str | None]:
    """[start, end, created]: the creation time in UTC ("…Z"), or null when unknown."""
    return [stamp.start.isoformat(), stamp.end.isoformat(), _time_to_data(stamp.created)]


def _time_to_data(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _snapshot_to_data(snapshot: WindowSnapshot) -> Data:
    data: Data = {"window": stamp_to_data(snapshot.stamp)}
    data.update({name: getattr(snapshot, name) for name in _FIGURES
                 if getattr(snapshot, name) is not None})
    if snapshot.top_posts:
        data["top_posts"] = [[post_key(p.url), p.published.isoformat(), p.impressions,
                              p.engagements] for p in snapshot.top_posts]
    data.update({name: _shares_to_data(getattr(snapshot, name)) for name in _SHARE_LISTS
                 if getattr(snapshot, name)})
    return data


def post_key(url: str) -> str | list[str]:
    """A canonical post URL's activity id; any other URL as it is (in a list of its own when
    it would read as an id)."""
    if url.startswith(ACTIVITY_URL) and _ACTIVITY_ID.fullmatch(url[len(ACTIVITY_URL):]):
        return url[len(ACTIVITY_URL):]
    return [url] if _ACTIVITY_ID.fullmatch(url) else url


def _shares_to_data(shares: tuple[Share, ...]) -> list[list[Any]]:
    return [[s.category, s.value, s.percent] for s in shares]


def _post_to_data(post: SinglePost) -> Data:
    data: Data = {"url": post.url}
    if post.published is not None:
        data["published"] = post.published.isoformat()
    if post.published_time:
        data["published_time"] = post.published_time
    if post.metrics:
        data["metrics"] = {key: post.metrics[key] for key in POST_METRIC_KEYS
                           if key in post.metrics}
    if post.viewers:
        data["viewers"] = _shares_to_data(post.viewers)
    if post.created is not None:
        data["created"] = _time_to_data(post.created)
    if post.kind:
        data["kind"] = post.kind
    return data


# ---- decoding ---------------------------------------------------------------------------

def posts_from_data(record: Any) -> PostAnalytics:
    """The post analytics stored in `record` (absent, null or {}: none)."""
    if record is None:
        return PostAnalytics()
    require(isinstance(record, dict), f"{_WHERE} are not a record.")
    known_keys(record, {"days", "snapshots", "posts"}, _WHERE)
    snapshots = tuple(_each(record.get("snapshots", []), "snapshots", _snapshot))
    days = _days(record.get("days"), snapshots)
    posts = tuple(_each(record.get("posts", []), "single posts", _single_post))
    stamps = [s.stamp for s in snapshots]
    duplicate = next((s for n, s in enumerate(stamps) if s in stamps[:n]), None)
    require(duplicate is None, f"{_WHERE}: two snapshots are for the same export "
                                f"({_window_text(duplicate)}).")
    urls = [p.url for p in posts]
    require(len(set(urls)) == len(urls), f"{_WHERE}: two single posts have the same URL.")
    return PostAnalytics(days, snapshots, posts)


def _each(records: Any, what: str, read: Callable[[Any, str], T]) -> Iterator[T]:
    require(isinstance(records, list), f"{_WHERE}: the {what} are not a list.")
    for number, record in enumerate(records, 1):
        yield read(record, f"{_WHERE}: {what[:-1]} {number}")


# ---- days ----

def _days(record: Any, snapshots: tuple[WindowSnapshot, ...]) -> tuple[PostDay, ...]:
    if record is None:
        return ()
    where = f"{_WHERE}' days"
    require(isinstance(record, dict), f"{where} are not a record.")
    known_keys(record, _DAY_KEYS, where)
    require(set(record) == _DAY_KEYS, f"{where} must have {', '.join(sorted(_DAY_KEYS))}.")
    start = iso_date(record["start"], f"{where}: the first day")
    columns = [record[name] for name in _DAY_COLUMNS]
    require(all(isinstance(c, list) for c in columns),
             f"{where}: {', '.join(_DAY_COLUMNS)} must each be a list.")
    lengths = {len(c) for c in columns}
    require(len(lengths) == 1, f"{where}: {', '.join(_DAY_COLUMNS)} must be lists of the same "
                                f"length (found {', '.join(str(len(c)) for c in columns)}).")
    sources = _sources(record["sources"], snapshots, len(columns[0]), where)
    found = []
    for n, (day, source) in enumerate(sources):
        figures = [column[n] for column in columns]
        found.append(_day(day_of(start, day, where), figures, source, where))
    return tuple(found)


def day_of(start: dt.date, offset: int, where: str) -> dt.date:
    try:
        return start + dt.timedelta(days=offset)
    except OverflowError:
        raise CorruptDocument(f"{where} run past the last date there is.") from None


def _sources(runs: Any, snapshots: tuple[WindowSnapshot, ...], count: int,
             where: str) -> list[tuple[int, ExportStamp]]:
    """(days after the first, the export) for each stored day, from the runs."""
    require(isinstance(runs, list), f"{where}: the sources are not a list of runs.")
    found: list[tuple[int, ExportStamp]] = []
    offset = 0
    for number, run in enumerate(runs, 1):
        what = f"{where}: run {number} of sources"
        require(isinstance(run, list) and len(run) == 2,
                 f"{what} is not [export, number of days].")
        source, length = run
        require(_is_whole(length) and length >= 1,
                 f"{what} must cover one day or more, in order (found {length!r}).")
        if source is None:
            require(1 < number < len(runs), f"{what}: a gap can only lie between days.")
        else:
            require(_is_whole(source) and 0 <= source < len(snapshots),
                     f"{what} names export {source!r}, but there are {len(snapshots)} "
                     "snapshots.")
            stamp = snapshots[source].stamp
            found += [(offset + k, stamp) for k in range(min(length, count + 1 - len(found)))]
        offset += length
    require(len(found) == count, f"{where}: the sources cover {len(found)} days, but there "
                                  f"are figures for {count}.")
    return found


def _day(day: dt.date, figures: list[Any], source: ExportStamp, where: str) -> PostDay:
    impressions, engagements, new_followers = figures
    what = f"{where}: {day.isoformat()}"
    require(_is_count(impressions), f"{what}: impressions must be a whole number of 0 or more.")
    require(_is_whole(engagements), f"{what}: engagements must be a whole number.")
    require(new_followers is None or _is_count(new_followers),
             f"{what}: new followers must be a whole number of 0 or more, or null.")
    return PostDay(day, impressions, engagements, new_followers, source)


# ---- snapshots ----

def _snapshot(record: Any, where: str) -> WindowSnapshot:
    require(isinstance(record, dict) and "window" in record,
             f"{where} is not a record with a window.")
    stamp = stamp_from_data(record["window"], where)
    where = f"{where} ({_window_text(stamp)})"
    known_keys(record, _SNAPSHOT_KEYS, where)
    figures = {name: record.get(name) for name in _FIGURES}
    for name, value in figures.items():
        require(value is None or _is_count(value),
                 f"{where}: {name.replace('_', ' ')} must be a whole number of 0 or more.")
    top = record.get("top_posts", [])
    require(isinstance(top, list), f"{where}: the top posts are not a list.")
    audience, content = (_shares(record.get(name, []), f"{where}: {name.replace('_', ' ')}")
                         for name in _SHARE_LISTS)
    return WindowSnapshot(stamp, **figures,
                          top_posts=tuple(_top_post(p, f"{where}: top post {n}")
                                          for n, p in enumerate(top, 1)),
                          audience=audience, content_audience=content)


def stamp_from_data(record: Any, where: str) -> ExportStamp:
    what = f"{where}: the window"
    require(isinstance(record, list) and len(record) == 3,
             f"{what} is not [first day, last day, creation time or null].")
    start, end = (iso_date(text, what) for text in record[:2])
    require(start <= end, f"{what} ends before it starts.")
    return ExportStamp(start, end, _time(record[2], f"{what}'s creation time"))


def _top_post(record: Any, where: str) -> TopPost:
    require(isinstance(record, list) and len(record) == 4,
             f"{where} is not [post, published, impressions, engagements].")
    key, published, impressions, engagements = record
    require(impressions is None or _is_count(impressions),
             f"{where}: impressions must be a whole number of 0 or more, or null.")
    require(engagements is None or _is_whole(engagements),
             f"{where}: engagements must be a whole number, or null.")
    return TopPost(_url_of(key, where), iso_date(published, f"{where}: the publish date"),
                   impressions, engagements)


def _url_of(key: Any, where: str) -> str:
    if isinstance(key, list) and len(key) == 1 and isinstance(key[0], str):
        return str(key[0])  # a URL that would read as an activity id
    if not isinstance(key, str):
        raise CorruptDocument(f"{where}: the post is neither an activity id nor a URL.")
    return ACTIVITY_URL + key if _ACTIVITY_ID.fullmatch(key) else key


def _shares(records: Any, where: str) -> tuple[Share, ...]:
    require(isinstance(records, list), f"{where} are not a list.")
    return tuple(_share(r, f"{where} row {n}") for n, r in enumerate(records, 1))


def _share(record: Any, where: str) -> Share:
    require(isinstance(record, list) and len(record) == 3,
             f"{where} is not [category, value, percent].")
    category, value, percent = record
    require(category in DEMOGRAPHIC_KEYS,
             f"{where}: “{category}” is not one of {', '.join(DEMOGRAPHIC_KEYS)}.")
    require(isinstance(value, str), f"{where}: the value is not text.")
    require(percent is None or (_is_number(percent) and 0 <= percent <= 100),
             f"{where}: the percentage must be a number from 0 to 100, or null.")
    return Share(category, value, percent)


# ---- single posts ----

def _single_post(record: Any, where: str) -> SinglePost:
    require(isinstance(record, dict) and isinstance(record.get("url"), str),
             f"{where} is not a record with a URL.")
    known_keys(record, _POST_KEYS, where)
    published = record.get("published")
    texts = {name: record.get(name, "") for name in ("published_time", "kind")}
    require(all(isinstance(t, str) for t in texts.values()),
             f"{where}: the publish time and the kind must be text.")
    return SinglePost(
        record["url"],
        published=None if published is None else iso_date(published, f"{where}: the post date"),
        metrics=_metrics(record.get("metrics", {}), where),
        viewers=_shares(record.get("viewers", []), f"{where}: viewers"),
        created=_time(record.get("created"), f"{where}: the creation time"),
        **texts)


def _metrics(record: Any, where: str) -> dict[str, int]:
    require(isinstance(record, dict), f"{where}: the figures are not a record.")
    for key, value in record.items():
        require(key in POST_METRIC_KEYS, f"{where}: “{key}” is not a post figure.")
        require(_is_count(value), f"{where}: {key} must be a whole number of 0 or more.")
    return {key: record[key] for key in POST_METRIC_KEYS if key in record}


# ---- values ----

def _time(text: Any, what: str) -> dt.datetime | None:
    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        moment = None
    require(moment is not None and moment.tzinfo is not None,
             f"{what} is not a UTC time like 2026-07-22T04:09:00Z (found {text!r}).")
    return moment.astimezone(dt.UTC)  # type: ignore[union-attr]


def _window_text(stamp: ExportStamp | None) -> str:
    return "" if stamp is None else f"{stamp.start.isoformat()} to {stamp.end.isoformat()}"


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_count(value: object) -> bool:
    return _is_whole(value) and value >= 0  # type: ignore[operator]


def _is_number(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))
