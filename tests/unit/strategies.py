"""Hypothesis strategies for valid records, shared by every round-trip property."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ssi_coach.model import (
    EVENT_KEYS,
    IMPORTED,
    MEASURE_KEYS,
    PART_OF,
    PILLAR_KEYS,
    SOURCES,
    Calibration,
    CheckIn,
    HeldFit,
    NetworkSummary,
    PeerAverages,
    PillarFit,
    WeekLog,
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
