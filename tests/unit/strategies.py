"""Hypothesis strategies for valid records, shared by every round-trip property."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ssi_coach.model import CheckIn

scores = st.decimals(min_value=0, max_value=25, places=3).map(float)
ranks = st.none() | st.integers(1, 100)
averages = st.none() | st.decimals(min_value=0, max_value=100, places=3).map(float)


short_texts = st.text(max_size=40)


def checkins(*, last_day: dt.date = dt.date(2100, 1, 1),
             industry: st.SearchStrategy[str] = short_texts,
             note: st.SearchStrategy[str] = short_texts) -> st.SearchStrategy[CheckIn]:
    """Check-ins that pass every record rule, dated from 2014 (SSI's start) to `last_day`."""
    return st.builds(
        CheckIn, on=st.dates(dt.date(2014, 1, 1), last_day), brand=scores, people=scores,
        insights=scores, relationships=scores, industry_rank=ranks, network_rank=ranks,
        industry_average=averages, network_average=averages, industry=industry, note=note,
    )


def in_date_order(items: list[CheckIn]) -> tuple[CheckIn, ...]:
    return tuple(sorted(items, key=lambda c: c.on))
