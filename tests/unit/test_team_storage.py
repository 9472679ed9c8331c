"""The team stored compactly (schema v9), the size of a 300-person team, and saves that would
not fit in the browser's storage."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_coach.errors import DocumentError, StorageError
from ssi_coach.model import MAX_TAG, CheckIn, Document, Person, Target, WeekLog
from ssi_coach.storage import (
    DOCUMENT_KEY,
    MemoryStorage,
    StorageUsage,
    Store,
    decode,
    encode,
    usage,
)
from ssi_coach.storage.codec import checkin_to_data

from .strategies import checkins, in_date_order, week_log_lists

TODAY = dt.date(2026, 11, 22)
MEASURES_LOGGED = ("posts", "comments_written", "reactions_given", "requests_sent",
                   "requests_accepted", "messages_sent", "replies_received", "profiles_viewed",
                   "prospect_conversations", "meetings")


# ---- a 300-person team ------------------------------------------------------------------------

def member(n: int) -> Person:
    """36 monthly check-ins (ranks, averages and industry given, as a share link with the
    industry carries them) and 52 weeks of ten counts: what a coach keeps for one person."""
    checkins_ = []
    for m in range(36):
        year, month = divmod(m, 12)
        checkins_.append(CheckIn(
            dt.date(2024 + year, month + 1, 1 + (n + m) % 27),
            round(10 + (n % 13) * 0.731 + m * 0.137, 3), round(8 + (n % 7) * 0.9 + m * 0.05, 2),
            round(6.5 + (n % 5) * 1.3 + m * 0.21, 3), round(9 + (n % 11) * 0.6 + m * 0.1, 2),
            industry_rank=max(1, 40 - m // 2 - n % 9), network_rank=max(1, 30 - m // 3),
            industry_average=round(24 + (m % 5) * 0.3, 1), network_average=round(29.5 + m % 3, 1),
            industry="Software Development"))
    weeks = []
    for w in range(52):
        counts = {key: (n * 3 + w * 5 + i * 7) % 23 for i, key in enumerate(MEASURES_LOGGED)}
        counts["requests_accepted"] = min(counts["requests_accepted"], counts["requests_sent"])
        counts["replies_received"] = min(counts["replies_received"], counts["messages_sent"])
        weeks.append(WeekLog(dt.date(2025, 12, 1) + dt.timedelta(weeks=w), counts))
    return Person(f"Team member {n:03d}", tuple(checkins_), TODAY,
                  target=Target(dt.date(2027, 6, 30), 70.0), tags=("region: EMEA", "Reps"),
                  activity=tuple(weeks))


def records_size(people: tuple[Person, ...]) -> int:
    """The people as schema v8 stored them, one record per check-in (and per week, as the
    member's own weeks are stored): the format before the columns."""
    return len(json.dumps([
        {"name": p.name, "saved_on": p.saved_on.isoformat(),
         "checkins": [checkin_to_data(c) for c in p.checkins],
         "activity": [{"week": w.week.isoformat(), "counts": dict(w.counts)}
                      for w in p.activity]}
        for p in people], ensure_ascii=False, separators=(",", ":")))


def test_a_300_person_team_with_three_years_and_a_year_of_activity_fits_with_room(
        report_figure: Any) -> None:
    team = tuple(member(n) for n in range(300))
    document = Document(people=team)
    text = encode(document)
    before = records_size(team)
    report_figure(f"300 people x 36 check-ins + 52 weeks x 10 counts: stored {len(text) / 1e6:.2f}"
                  f" MB as columns (v9), {before / 1e6:.2f} MB as records (v8 style); "
                  f"document + last good copy {2 * len(text) / 1e6:.2f} MB of about 5 MB")
    assert len(text) <= 1_500_000
    assert 2 * len(text) < 5_000_000 * 0.7  # both copies, with room to spare
    assert decode(text)[0] == document


# ---- round trips -------------------------------------------------------------------------------

tags = st.lists(st.sampled_from(["EMEA", "region: APAC", "Executives", "team: North",
                                 "x" * MAX_TAG]), max_size=4, unique_by=str.casefold).map(tuple)
targets = st.none() | st.builds(
    Target, by=st.dates(dt.date(2020, 1, 1), dt.date(2040, 1, 1)),
    total=st.decimals(0, 100, places=1).map(float),
    pillars=st.dictionaries(st.sampled_from(["brand", "people", "insights", "relationships"]),
                            st.decimals(0, 25, places=2).map(float), max_size=2),
    set_on=st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2040, 1, 1)))
people = st.builds(
    Person, name=st.text(max_size=20),
    checkins=st.lists(checkins(), max_size=8, unique_by=lambda c: c.on).map(in_date_order),
    saved_on=st.dates(), target=targets, tags=tags, activity=week_log_lists(max_size=8))


@settings(max_examples=60)
@given(st.lists(people, max_size=3), targets)
def test_a_team_stored_as_columns_reads_back_as_it_was(team: list[Person],
                                                      target: Target | None) -> None:
    document = Document(people=tuple(team), team_target=target)
    text = encode(document)
    again, applied = decode(text)
    assert applied == [] and again == document
    assert encode(again) == text


def test_a_score_with_more_than_three_decimals_is_kept_exactly() -> None:
    odd = CheckIn(dt.date(2026, 1, 1), 12.0000000001, 6.5, 3.25, 1.0)
    document = Document(people=(Person("Ann", (odd,), TODAY),))
    stored = json.loads(encode(document))["people"][0]["checkins"]
    assert stored["brand"] == [12.0000000001] and stored["people"] == [6500]
    assert decode(encode(document))[0] == document


def test_fields_nobody_gave_are_left_out_and_absent_values_are_null() -> None:
    ann = Person("Ann", (CheckIn(dt.date(2026, 1, 1), 12, 6, 3, 1),
                         CheckIn(dt.date(2026, 2, 3), 12.5, 6, 3, 1, industry_rank=9)), TODAY)
    assert json.loads(encode(Document(people=(ann,))))["people"][0] == {
        "name": "Ann", "saved_on": "2026-11-22",
        "checkins": {"start": "2026-01-01", "days": [0, 33], "brand": [12000, 12500],
                     "people": [6000, 6000], "insights": [3000, 3000],
                     "relationships": [1000, 1000], "industry_rank": [None, 9]}}


# ---- stored data that is not a team ----------------------------------------------------------

GOOD_PERSON = {"name": "Ann", "saved_on": "2026-11-20",
               "checkins": {"start": "2026-01-01", "days": [0, 31], "brand": [12000, 12500],
                            "people": [6000, 6000], "insights": [3000, 3000],
                            "relationships": [1000, 1000]}}


def stored(**changes: Any) -> str:
    person = {**GOOD_PERSON, **changes}
    return json.dumps({"schema_version": 9, "checkins": [], "people": [person]})


def test_a_good_person_reads() -> None:
    (ann,) = decode(stored())[0].people
    assert [c.on for c in ann.checkins] == [dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    assert ann.checkins[1].brand == 12.5


@pytest.mark.parametrize(("changes", "says"), [
    ({"checkins": {"start": "2026-01-01", "days": [0, 31], "brand": [12000]}}, "one value"),
    ({"checkins": {"days": [0], "brand": [1], "people": [1], "insights": [1],
                   "relationships": [1]}}, "date"),
    ({"checkins": {"start": "2026-01-01", "days": [0, -3]}}, "whole days"),
    ({"checkins": {"start": "2026-01-01", "days": [0, 0], "brand": [1, 1], "people": [1, 1],
                   "insights": [1, 1], "relationships": [1, 1]}}, "share the date"),
    ({"checkins": {"start": "2026-01-01", "days": [0], "brand": [26000], "people": [1],
                   "insights": [1], "relationships": [1]}}, "between 0 and 25"),
    ({"checkins": {"start": "2026-01-01", "days": [0], "brand": ["12"], "people": [1],
                   "insights": [1], "relationships": [1]}}, "not a number"),
    ({"checkins": {"start": "2026-01-01", "days": [0], "people": [1], "insights": [1],
                   "relationships": [1]}}, "professional brand"),
    ({"checkins": {"days": [], "brand": []}}, "without check-ins"),
    ({"tags": ["EMEA", "emea"]}, "once"),
    ({"tags": ["  EMEA"]}, "tidied"),
    ({"tags": "EMEA"}, "list of texts"),
    ({"target": {"by": "2027-06-30"}}, "a total or a pillar"),
    ({"target": {"by": "2027-06-30", "total": 120}}, "0-100"),
    ({"target": {"by": "soon", "total": 70}}, "date"),
    ({"target": {"by": "2027-06-30", "total": "70"}}, "not a number"),
    ({"target": {"by": "2027-06-30", "total": 70, "why": "x"}}, "unknown field"),
    ({"activity": {"start": "2026-01-06", "weeks": [0], "counts": {"posts": [1]}}}, "Monday"),
    ({"activity": {"start": "2026-01-05", "weeks": [0, 1], "counts": {"posts": [1]}}},
     "one value per week"),
    ({"activity": {"start": "2026-01-05", "weeks": [0, 0], "counts": {"posts": [1, 2]}}},
     "one a week"),
    ({"activity": {"start": "2026-01-05", "weeks": [0], "counts": {"posts": [-1]}}},
     "whole number"),
    ({"activity": {"start": "2026-01-05", "weeks": [0], "counts": {"gossip": [1]}}},
     "unknown count"),
    ({"nickname": "A"}, "unknown field"),
])
def test_a_stored_team_member_the_app_would_not_write_is_refused(changes: dict[str, Any],
                                                                  says: str) -> None:
    with pytest.raises(DocumentError, match=says):
        decode(stored(**changes))


def test_a_team_target_the_app_would_not_write_is_refused() -> None:
    data = {"schema_version": 9, "checkins": [], "team_target": {"by": "2027-06-30",
                                                                 "pillars": {"brand": 30}}}
    with pytest.raises(DocumentError, match="0-25"):
        decode(json.dumps(data))


# ---- storage usage and a save that would not fit ------------------------------------------------

def small_team(size: int) -> Document:
    return Document(people=tuple(replace(member(n), activity=()) for n in range(size)))


def test_usage_counts_every_key_and_value_against_the_limit() -> None:
    backend = MemoryStorage({"a": "x" * 97, "bc": "y" * 200}, quota=1000)
    assert usage(Store(backend)) == StorageUsage(300, 1000, 0.3)
    assert usage(Store(MemoryStorage())) == StorageUsage(0, 5 * 1024 * 1024, 0.0)


def test_a_save_that_would_not_fit_says_so_and_changes_nothing() -> None:
    one = small_team(1)
    quota = 3 * len(encode(one))  # the document, its last good copy, and a little
    backend = MemoryStorage(quota=quota)
    store = Store(backend)
    store.save(one)
    before = dict(backend.items)
    bigger = small_team(3)
    assert store.would_fit(one) and not store.would_fit(bigger)
    total = len(encode(bigger)) + len(DOCUMENT_KEY) + len(before[DOCUMENT_KEY + ".last-good"]) \
        + len(DOCUMENT_KEY + ".last-good")
    message = (f"This would take the stored data to {total / 1e6:.1f} MB, above what this "
               f"browser allows (about {quota / 1e6:.0f} MB); nothing was saved — remove "
               "people or download a backup first.")
    assert store.too_large(bigger) == message and store.too_large(one) is None
    with pytest.raises(StorageError) as refused:
        store.save(bigger)
    assert f"{refused.value}." == message  # the page adds the full stop
    assert backend.items == before
    assert Store(backend).load().document == one


def test_near_the_browsers_limit_the_message_names_megabytes() -> None:
    backend = MemoryStorage({"other-app": "z" * 4_800_000})
    store = Store(backend)  # no limit of its own: the browsers' estimate
    team = Document(people=tuple(member(n) for n in range(150)))
    message = store.too_large(team)
    assert message is not None and message.startswith("This would take the stored data to 5.")
    assert "(about 5 MB)" in message
    assert store.would_fit(Document(people=(member(0),)))
