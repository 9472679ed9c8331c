"""Weekly activity in share links (format r3): opt-in, counts only, only the shared period."""

from __future__ import annotations

import base64
import datetime as dt
import json
import zlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.errors import ShareLinkError
from ssi_coach.exporters.share import (
    MAX_NAME_LENGTH,
    SharedReport,
    build_report,
    decode_report,
    encode_report,
)
from ssi_coach.model import IMPORTED, MEASURE_KEYS, CheckIn, Document, WeekLog

from .conftest import TODAY
from .strategies import checkins, in_date_order, week_log_lists

MONDAY = dt.date(2026, 1, 5)


def monthly_checkins() -> tuple[CheckIn, ...]:
    """A check-in a month through 2026: 8 January (week of 5 January) to 31 December (week
    of 28 December), so the shared period is 52 weeks."""
    days = [dt.date(2026, 1 + m, 8) for m in range(11)] + [dt.date(2026, 12, 31)]
    return tuple(CheckIn(day, 12.5 + m / 4, 10.25, 9.125 + m / 8, 11.0,
                         industry_rank=20 - m, network_rank=15)
                 for m, day in enumerate(days))


def a_year_of_weeks() -> tuple[WeekLog, ...]:
    """52 weeks of ten counts each, as a member who logs every Friday would have."""
    keys = ("posts", "comments_written", "reactions_given", "requests_sent",
            "requests_accepted", "messages_sent", "replies_received", "profiles_viewed",
            "prospect_conversations", "meetings")
    logs = []
    for n in range(52):
        counts = {key: (n * 7 + i * 3) % 11 + i for i, key in enumerate(keys)}
        counts["requests_accepted"] = min(counts["requests_accepted"], counts["requests_sent"])
        counts["replies_received"] = min(counts["replies_received"], counts["messages_sent"])
        logs.append(WeekLog(MONDAY + dt.timedelta(weeks=n), counts))
    return tuple(logs)


def payload_json(payload: str) -> Any:
    body = payload.split(".", 1)[1]
    return json.loads(zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))[4:]))


def shared(document: Document, *, include_activity: bool = True, last: int = 12) -> SharedReport:
    return build_report(document, last=last, include_notes=False, include_industry=False,
                        name="Ada", created=TODAY, include_activity=include_activity)


# ---- what a report holds ---------------------------------------------------------------------

def test_activity_is_shared_only_when_chosen_and_only_for_the_shared_period() -> None:
    # Check-ins on Thu 2026-03-05 and Wed 2026-04-01: their weeks start 2026-03-02 and
    # 2026-03-30, so the shared weeks are 2026-03-02 .. 2026-03-30.
    checkins_ = (CheckIn(dt.date(2026, 1, 8), 12, 10, 9, 11),
                 CheckIn(dt.date(2026, 3, 5), 12, 10, 9, 11),
                 CheckIn(dt.date(2026, 4, 1), 13, 10, 9, 11))
    weeks = tuple(WeekLog(dt.date(2026, 2, 23) + dt.timedelta(weeks=n), {"posts": n})
                  for n in range(7))  # 2026-02-23 .. 2026-04-06
    document = Document(checkins_, weeks=weeks)
    assert shared(document, include_activity=False).activity == ()
    report = shared(document, last=2)
    assert [w.week.isoformat() for w in report.activity] == [
        "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]
    assert [w.counts for w in report.activity] == [{"posts": n} for n in range(1, 6)]


def test_typed_and_imported_weeks_are_merged_as_the_coach_reads_them() -> None:
    week = dt.date(2026, 3, 2)
    typed = (WeekLog(week, {"posts": 2, "meetings": 3}),)
    imported = (WeekLog(week, {"posts": 5, "requests_sent": 40}),
                WeekLog(week + dt.timedelta(weeks=1), {"requests_sent": 12}))
    checkins_ = (CheckIn(dt.date(2026, 3, 3), 12, 10, 9, 11),
                 CheckIn(dt.date(2026, 3, 10), 12, 10, 9, 11))
    typed_wins = shared(Document(checkins_, weeks=typed, imported=imported))
    assert [dict(w.counts) for w in typed_wins.activity] == [
        {"posts": 2, "meetings": 3, "requests_sent": 40}, {"requests_sent": 12}]
    import_wins = shared(Document(checkins_, weeks=typed, imported=imported,
                                  week_sources={week: IMPORTED}))
    assert dict(import_wins.activity[0].counts) == {"posts": 5, "meetings": 3,
                                                     "requests_sent": 40}


def test_weeks_without_a_count_and_reports_without_checkins_share_nothing() -> None:
    checkins_ = (CheckIn(dt.date(2026, 3, 3), 12, 10, 9, 11),)
    document = Document(checkins_, weeks=(WeekLog(dt.date(2026, 3, 2), {}),))
    assert shared(document).activity == ()
    document = Document((), weeks=(WeekLog(dt.date(2026, 3, 2), {"posts": 1}),))
    assert shared(document).activity == ()


def test_a_report_without_activity_makes_the_same_link_as_before() -> None:
    document = Document(monthly_checkins(), weeks=a_year_of_weeks())
    without = encode_report(shared(document, include_activity=False))
    assert without.startswith("r1.")
    assert without == encode_report(SharedReport("Ada", TODAY, monthly_checkins()))
    assert encode_report(shared(document)).startswith("r3.")


def test_a_year_of_checkins_and_52_weeks_of_ten_counts_makes_a_compact_link(
        report_figure: Any) -> None:
    document = Document(monthly_checkins(), weeks=a_year_of_weeks())
    plain = encode_report(shared(document, include_activity=False))
    with_activity = encode_report(shared(document))
    report = decode_report(with_activity)
    assert len(report.activity) == 52
    report_figure(f"share link, 12 monthly check-ins: {len(plain)} characters; with 52 weeks "
                  f"of 10 counts each: {len(with_activity)} characters")
    assert len(with_activity) < 2000  # short enough for any chat, mail or browser


# ---- round trips and what a link never holds ---------------------------------------------------

reports = st.builds(
    SharedReport, name=st.text(max_size=MAX_NAME_LENGTH), created=st.dates(),
    checkins=st.lists(checkins(), max_size=6, unique_by=lambda c: c.on).map(in_date_order),
    activity=week_log_lists(max_size=12).map(lambda logs: tuple(w for w in logs if w.counts)),
)


@given(reports)
def test_decoding_an_encoded_report_with_activity_gives_the_same_report(
        report: SharedReport) -> None:
    payload = encode_report(report)
    assert payload.startswith("r3.") == bool(report.activity)
    assert decode_report(payload) == report


documents = st.builds(
    Document,
    checkins=st.lists(checkins(last_day=dt.date(2030, 1, 1), note=st.just(""),
                               industry=st.just(""), status=st.just("")),
                      max_size=5, unique_by=lambda c: c.on).map(in_date_order),
    weeks=week_log_lists(max_size=12), imported=week_log_lists(max_size=12))


@given(documents)
def test_a_share_link_never_holds_a_measure_the_member_did_not_log(document: Document) -> None:
    payload = encode_report(shared(document))
    logged = {w.week: set(w.counts) for w in document.activity_weeks()}
    opened = decode_report(payload)
    for log in opened.activity:
        assert set(log.counts) <= logged[log.week]
        assert log.counts == {k: v for k, v in next(
            w for w in document.activity_weeks() if w.week == log.week).counts.items()}
    never = set(MEASURE_KEYS) - set().union(*logged.values())
    text = json.dumps(payload_json(payload))
    assert not any(f'"{key}"' in text for key in never)


# ---- links that do not open -----------------------------------------------------------------

def packed(data: Any, version: str = "r3.") -> str:
    raw = json.dumps(data).encode("utf-8")
    body = zlib.crc32(raw).to_bytes(4, "big") + zlib.compress(raw, 9)
    return version + base64.urlsafe_b64encode(body).rstrip(b"=").decode("ascii")


FIRST = (MONDAY - dt.date(1, 1, 1)).days // 7
ROW = [739000, 12000, 10000, 9000, 11000]


@pytest.mark.parametrize("weeks", [
    [],  # an empty list is never written
    [[FIRST, {}]],
    [[FIRST, {"posts": -1}]],
    [[FIRST, {"posts": 1.5}]],
    [[FIRST, {"posts": 10**6}]],
    [[FIRST, {"message": 1}]],  # not a measure
    [[FIRST, {"replies_received": 5, "messages_sent": 2}]],  # a part above its whole
    [[FIRST, {"posts": 1}], [0, {"posts": 1}]],  # the same week twice
    [[FIRST, {"posts": 1}], [-1, {"posts": 1}]],
    [[-1, {"posts": 1}]],
    [["2026-01-05", {"posts": 1}]],
    [[FIRST, {"posts": 1}, 3]],
    [[10**9, {"posts": 1}]],
    "weeks",
])
def test_a_link_with_activity_no_form_would_accept_is_refused(weeks: Any) -> None:
    with pytest.raises(ShareLinkError):
        decode_report(packed(["Ada", 739000, [ROW], weeks]))


def test_a_version_2_link_cannot_carry_activity() -> None:
    weeks = [[FIRST, {"posts": 1}]]
    with pytest.raises(ShareLinkError, match="not a report"):
        decode_report(packed(["Ada", 739000, [ROW], weeks], "r2."))
    assert decode_report(packed(["Ada", 739000, [ROW], weeks])).activity == (
        WeekLog(MONDAY, {"posts": 1}),)


def test_a_report_with_a_week_the_form_would_refuse_is_not_encoded() -> None:
    with pytest.raises(ValueError, match="order"):
        encode_report(SharedReport("Ada", TODAY, (), (WeekLog(MONDAY, {"posts": 1}),) * 2))
    with pytest.raises(ValueError, match="whole number"):
        encode_report(SharedReport("Ada", TODAY, (), (WeekLog(MONDAY, {"posts": -2}),)))
    with pytest.raises(ValueError, match="logs a count"):
        encode_report(SharedReport("Ada", TODAY, (), (WeekLog(MONDAY, {}),)))
