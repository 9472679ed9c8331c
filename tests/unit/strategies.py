"""Hypothesis strategies for valid records, shared by every round-trip property."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from ssi_coach.model import (
    ACCOUNT_STATUS_KEYS,
    DEMOGRAPHIC_KEYS,
    EVENT_KEYS,
    IMPORTED,
    INFLUENCE_KEYS,
    LINKS,
    MAX_NAME,
    MAX_NOTE,
    MEASURE_KEYS,
    PART_OF,
    PILLAR_KEYS,
    POST_METRIC_KEYS,
    ROLE_KEYS,
    SOURCES,
    STANCE_KEYS,
    Account,
    Calibration,
    CheckIn,
    ExportStamp,
    HeldFit,
    NetworkSummary,
    PeerAverages,
    PillarFit,
    PostAnalytics,
    PostDay,
    RelationshipFacts,
    Share,
    SinglePost,
    Stakeholder,
    TopPost,
    WeekLog,
    WindowSnapshot,
    week_of,
)

scores = st.decimals(min_value=0, max_value=25, places=3).map(float)
ranks = st.none() | st.integers(1, 100)
averages = st.none() | st.decimals(min_value=0, max_value=100, places=3).map(float)


peers = st.none() | st.builds(PeerAverages, scores, scores, scores, scores)
# Any events, each once, in EVENTS order as the form ticks them.
events = st.sets(st.sampled_from(EVENT_KEYS)).map(
    lambda keys: tuple(key for key in EVENT_KEYS if key in keys))


short_texts = st.text(max_size=40)


def checkins(*, last_day: dt.date = dt.date(2100, 1, 1),
             industry: st.SearchStrategy[str] = short_texts,
             note: st.SearchStrategy[str] = short_texts,
             status: st.SearchStrategy[str] = short_texts) -> st.SearchStrategy[CheckIn]:
    """Check-ins that pass every record rule, dated from 2014 (SSI's start) to `last_day`,
    with or without the peers' averages, status lines and events."""
    return st.builds(
        CheckIn, on=st.dates(dt.date(2014, 1, 1), last_day), brand=scores, people=scores,
        insights=scores, relationships=scores, industry_rank=ranks, network_rank=ranks,
        industry_average=averages, network_average=averages, industry=industry, note=note,
        industry_peers=peers, network_peers=peers, industry_status=status,
        network_status=status, events=events,
    )


def in_date_order(items: list[CheckIn]) -> tuple[CheckIn, ...]:
    return tuple(sorted(items, key=lambda c: c.on))


# ---- activity -------------------------------------------------------------------------------

mondays = st.dates(dt.date(2014, 1, 6), dt.date(2100, 1, 1)).map(week_of)


def _parts_within_wholes(counts: dict[str, int]) -> dict[str, int]:
    """The counts with each part cut to its whole (`PART_OF`): valid by construction, and
    every valid dict is left as it is (cheaper than filtering, a quarter of draws failed)."""
    return counts | {part: min(counts[part], counts[whole]) for part, whole in PART_OF
                     if part in counts and whole in counts}


weekly_counts = st.dictionaries(st.sampled_from(MEASURE_KEYS), st.integers(0, 60)).map(
    _parts_within_wholes)
week_logs = st.builds(WeekLog, week=mondays, counts=weekly_counts)


def week_log_lists(max_size: int = 8,
                   logs: st.SearchStrategy[WeekLog] = week_logs,
                   ) -> st.SearchStrategy[tuple[WeekLog, ...]]:
    """Logs as a document holds them: one per week, oldest first."""
    return st.lists(logs, max_size=max_size, unique_by=lambda w: w.week).map(
        lambda found: tuple(sorted(found, key=lambda w: w.week)))


week_sources = st.dictionaries(mondays, st.sampled_from(SOURCES), max_size=5)
imported_wins = st.dictionaries(mondays, st.just(IMPORTED), max_size=5)
counts = st.integers(0, 5_000)
network_summaries = st.builds(
    NetworkSummary,
    connections_by_month=st.dictionaries(
        st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2003, 2100), st.integers(1, 12)),
        st.dictionaries(st.sampled_from(("c_suite", "vp", "director", "other", "unknown")),
                        counts, max_size=3),
        max_size=4),
    undated_connections=counts, invitations_sent=counts, invitations_accepted=counts,
    conversations_started=counts, conversations_replied=counts,
    by_weekday=st.tuples(*[counts] * 7),
)


# ---- the held calibration -------------------------------------------------------------------

finite = st.floats(allow_nan=False, allow_infinity=False)
non_negative = st.floats(min_value=0, allow_infinity=False)


def _pillar_fits(key: str) -> st.SearchStrategy[PillarFit]:
    return st.builds(PillarFit, st.just(key), finite, non_negative, non_negative, non_negative)


calibrations = st.builds(
    Calibration, st.fixed_dictionaries({key: _pillar_fits(key) for key in PILLAR_KEYS}),
    st.integers(1, 50))
# Fitted on any check-ins: one that no longer holds for the document's is stored as well.
held_fits = st.builds(
    HeldFit,
    st.lists(st.tuples(st.dates(dt.date(2014, 1, 1), dt.date(2100, 1, 1)),
                       st.tuples(*[scores] * len(PILLAR_KEYS))), max_size=6).map(tuple),
    calibrations | st.none())  # None: too few check-ins then, calibration waits


# ---- post analytics -------------------------------------------------------------------------

ACTIVITY_URL = "https://www.linkedin.com/feed/update/urn:li:activity:"
post_dates = st.dates(dt.date(2014, 1, 1), dt.date(2100, 1, 1))
utc_times = st.datetimes(dt.datetime(2014, 1, 1), dt.datetime(2100, 1, 1),
                         timezones=st.just(dt.UTC))
# Canonical post URLs (stored by activity id) and every other shape stored as it is: ids of
# another length, other LinkedIn URLs, any text, even text that is only an id's 19 digits.
post_urls = st.one_of(
    st.integers(10**18, 10**19 - 1).map(lambda n: f"{ACTIVITY_URL}{n}"),
    st.integers(0, 10**21).map(lambda n: f"{ACTIVITY_URL}{n}"),
    st.from_regex(r"https://www\.linkedin\.com/posts/[a-z-]{1,12}-share-\d{19}-[A-Za-z]{4}",
                  fullmatch=True),
    st.from_regex(r"\d{19}", fullmatch=True),
    st.text(max_size=30),
)
shares = st.builds(Share, st.sampled_from(DEMOGRAPHIC_KEYS), st.text(max_size=20),
                   st.none() | st.floats(0, 100))
share_lists = st.lists(shares, max_size=6).map(tuple)
figures = st.none() | st.integers(0, 10**7)
top_posts = st.builds(TopPost, post_urls, post_dates, figures,
                      st.none() | st.integers(-100, 10**6))


@st.composite
def export_stamps(draw: st.DrawFn, max_days: int = 60) -> ExportStamp:
    start = draw(post_dates)
    return ExportStamp(start, start + dt.timedelta(days=draw(st.integers(0, max_days - 1))),
                       draw(st.none() | utc_times))


window_snapshots = st.builds(
    WindowSnapshot, export_stamps(), impressions=figures, members_reached=figures,
    followers_total=figures, top_posts=st.lists(top_posts, max_size=4).map(tuple),
    audience=share_lists, content_audience=share_lists)
single_posts = st.builds(
    SinglePost, post_urls, published=st.none() | post_dates, published_time=st.text(max_size=8),
    metrics=st.dictionaries(st.sampled_from(POST_METRIC_KEYS), st.integers(0, 10**7)),
    viewers=share_lists, created=st.none() | utc_times, kind=st.text(max_size=8))


@st.composite
def post_analytics(draw: st.DrawFn, max_snapshots: int = 4) -> PostAnalytics:
    """Post analytics as a merge leaves them: each snapshot's export gives days from a run
    inside its window (a later export in the list wins a day both give, so days of one
    export may come in several runs, with gaps between windows); a few single posts."""
    snapshots = draw(st.lists(window_snapshots, max_size=max_snapshots,
                              unique_by=lambda s: s.stamp))
    days: dict[dt.date, PostDay] = {}
    for snapshot in snapshots:
        stamp = snapshot.stamp
        first = draw(st.integers(0, stamp.days()))
        for offset in range(first, draw(st.integers(first, stamp.days()))):
            day = stamp.start + dt.timedelta(days=offset)
            days[day] = PostDay(day, draw(st.integers(0, 10**6)), draw(st.integers(-50, 10**5)),
                                draw(st.none() | st.integers(0, 500)), stamp)
    posts = draw(st.lists(single_posts, max_size=3, unique_by=lambda p: p.url))
    return PostAnalytics(tuple(days[d] for d in sorted(days)), tuple(snapshots), tuple(posts))


# ---- accounts -------------------------------------------------------------------------------

PROFILE_URL = "https://www.linkedin.com/in/"
account_dates = st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
flags = st.none() | st.booleans()
message_counts = st.integers(0, 5_000) | st.integers(0, 10**20)


def texts(limit: int, *, blank: bool = True) -> st.SearchStrategy[str]:
    """Any text up to `limit` characters: often short, sometimes exactly at the limit;
    never only spaces when not `blank`."""
    found = st.text(max_size=30) | st.text(min_size=limit, max_size=limit)
    return found if blank else found.filter(str.strip)


names = texts(MAX_NAME, blank=False)
# Profile URLs of LinkedIn's usual shape (stored as their slug) and any other (stored as they
# are): the bare prefix, other sites, any text; or none, for someone typed in.
profile_urls = st.one_of(
    st.just(""),
    st.from_regex(r"[a-z0-9-]{1,40}", fullmatch=True).map(lambda slug: PROFILE_URL + slug),
    st.just(PROFILE_URL),
    st.from_regex(r"[a-z0-9-]{1,20}[/?#][a-z=/]{0,10}", fullmatch=True).map(
        lambda rest: PROFILE_URL + rest),
    st.text(max_size=40),
)
relationship_facts = st.builds(
    RelationshipFacts, as_of=st.dates(dt.date(2003, 1, 1), dt.date(2100, 1, 1)),
    link=st.sampled_from(LINKS), connected_on=account_dates, invited_on=account_dates,
    messages_sent=message_counts, messages_received=message_counts, last_contact=account_dates,
    started_by_member=flags, replied=flags, company=texts(MAX_NAME), position=texts(MAX_NAME))


@st.composite
def stakeholders(draw: st.DrawFn, company: str = "") -> Stakeholder:
    """A person as an account holds them; often at `company` and with facts that agree with
    what the member typed (the codec writes only differences), sometimes not."""
    title = draw(texts(MAX_NAME))
    at = draw(st.sampled_from((company, "")) | texts(MAX_NAME))
    facts = draw(st.none() | relationship_facts)
    if facts is not None and draw(st.booleans()):
        facts = replace(facts, company=at, position=title)
    return Stakeholder(
        draw(names), draw(st.sampled_from(ROLE_KEYS)), draw(st.sampled_from(STANCE_KEYS)),
        draw(st.sampled_from(INFLUENCE_KEYS)), draw(profile_urls), title, at,
        draw(texts(MAX_NOTE)), facts, draw(st.just("") | texts(MAX_NAME)))


@st.composite
def accounts(draw: st.DrawFn, company: st.SearchStrategy[str] = names,
             person: Callable[[str], st.SearchStrategy[Stakeholder]] = stakeholders,
             max_people: int = 4) -> Account:
    name = draw(company)
    return Account(
        name, draw(st.sampled_from(ACCOUNT_STATUS_KEYS)),
        draw(st.none() | st.integers(0, 10**9) | st.floats(0, 1e12, allow_nan=False)),
        draw(account_dates), draw(texts(MAX_NOTE)),
        tuple(draw(st.lists(person(name), max_size=max_people, unique_by=lambda p: p.key))),
        draw(account_dates))


def account_lists(max_size: int = 3, **options: Any) -> st.SearchStrategy[tuple[Account, ...]]:
    """Accounts as a document holds them: one per company, in the order added."""
    return st.lists(accounts(**options), max_size=max_size, unique_by=lambda a: a.key).map(tuple)
