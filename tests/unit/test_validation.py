"""The check-in form: every rule, accepted and refused, with the message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.checkins.validation import (
    EVENT_FIELDS,
    FIELD_LABELS,
    FORM_FIELDS,
    RECORD_RULES,
    FormResult,
    check_record,
    checkin_to_form,
    events_known,
    peers_in_range,
    preview_total,
    read_checkin_form,
    texts_fit,
)
from ssi_coach.model import PEER_GROUPS, PILLARS, CheckIn, Document, FieldError, PeerAverages

from .conftest import TODAY, checkin
from .strategies import checkins

VALID = {"date": "2026-11-01", "brand": "12.275", "people": "6", "insights": "3.1",
         "relationships": "1.948"}


EMPTY = Document()


def read(document: Document = EMPTY, replacing: dt.date | None = None,
         **changes: str) -> FormResult:
    return read_checkin_form({**VALID, **changes}, today=TODAY, document=document,
                             replacing=replacing)


def read_typed(field: str, typed: str) -> FormResult:
    """The valid form with one field typed differently."""
    return read_checkin_form({**VALID, field: typed}, today=TODAY, document=EMPTY)


@pytest.mark.parametrize(("field", "typed", "stored"), [
    ("brand", "12.5", 12.5),
    ("brand", "12,5", 12.5),
    ("brand", " 12.5 ", 12.5),
    ("brand", "0", 0.0),
    ("brand", "25", 25.0),
    ("brand", "13.118", 13.118),
    ("brand", ",5", 0.5),
    ("industry_rank", "5", 5),
    ("industry_rank", "Top 5%", 5),
    ("industry_rank", "5 %", 5),
    ("network_rank", "100", 100),
    ("network_rank", "1", 1),
    ("industry_average", "31", 31.0),
    ("network_average", "30,99", 30.99),
    ("industry", "  Software Development ", "Software Development"),
    ("note", "posted twice", "posted twice"),
])
def test_accepted_input_is_stored_as_typed(field: str, typed: str, stored: object) -> None:
    result = read_typed(field, typed)
    assert result.errors == ()
    assert result.checkin is not None
    assert getattr(result.checkin, field) == stored


@pytest.mark.parametrize(("field", "typed", "says"), [
    ("brand", "26", "between 0 and 25"),
    ("brand", "25.001", "between 0 and 25"),
    ("brand", "-1", "between 0 and 25"),
    ("brand", "abc", "not a number"),
    ("brand", "12.2756", "at most 3 decimals"),
    ("brand", "1e3", "not a number"),
    ("brand", "nan", "not a number"),
    ("people", "", "Required"),
    ("industry_rank", "0", "1 to 100"),
    ("industry_rank", "101", "1 to 100"),
    ("network_rank", "5.5", "whole number"),
    ("network_rank", "top", "not a rank"),
    ("industry_average", "101", "between 0 and 100"),
    ("network_average", "x", "not a number"),
    ("date", "", "Enter the date"),
    ("date", "01/11/2026", "YYYY-MM-DD"),
    ("date", "2026-11-23", "future"),
    ("date", "2013-12-31", "2014"),
    ("industry", "x" * 121, "under 120"),
    ("note", "x" * 2001, "under 2000"),
])
def test_refused_input_names_the_field_and_saves_nothing(field: str, typed: str, says: str) -> None:
    result = read_typed(field, typed)
    assert result.checkin is None
    assert [e.field for e in result.errors] == [field]
    assert says in result.errors[0].message


def test_all_errors_come_back_at_once() -> None:
    result = read(brand="26", people="abc", network_rank="0", date="2030-01-01")
    assert {e.field for e in result.errors} == {"brand", "people", "network_rank", "date"}
    with_date = read(brand="26", date="2030-01-01")
    assert {e.field for e in with_date.errors} == {"brand", "date"}


def test_a_second_checkin_on_a_taken_date_is_refused() -> None:
    document = Document((checkin("2026-11-01"),))
    result = read(document)
    assert result.checkin is None
    assert result.errors[0].field == "date"
    assert "already have a check-in on 2026-11-01" in result.errors[0].message


def test_editing_may_keep_its_own_date_but_not_take_another() -> None:
    document = Document((checkin("2026-10-01"), checkin("2026-11-01")))
    assert read(document, replacing=dt.date(2026, 11, 1)).checkin is not None
    moved = read(document, replacing=dt.date(2026, 11, 1), date="2026-10-01")
    assert moved.checkin is None and moved.errors[0].field == "date"


def test_today_is_allowed_and_tomorrow_is_not() -> None:
    assert read(date=TODAY.isoformat()).checkin is not None
    assert read(date=(TODAY + dt.timedelta(days=1)).isoformat()).checkin is None


def test_total_is_the_pillar_sum() -> None:
    result = read(brand="12.275", people="6", insights="3.1", relationships="1.948")
    assert result.checkin is not None
    assert result.checkin.total == 23.323


@pytest.mark.parametrize(("form", "total", "read_count"), [
    ({}, 0.0, 0),
    ({"brand": "12,5"}, 12.5, 1),
    ({"brand": "12.5", "people": "abc", "insights": "30"}, 12.5, 1),
    ({"brand": "12.1", "people": "6.2", "insights": "0.1", "relationships": "1"}, 19.4, 4),
])
def test_running_total_counts_only_valid_pillars(form: dict[str, str], total: float,
                                                 read_count: int) -> None:
    preview = preview_total(form)
    assert (preview.total, preview.pillars_read) == (total, read_count)


def test_editing_fills_the_form_with_text_that_reads_back_the_same() -> None:
    original = checkin("2026-10-05", (13.118, 3.68, 0.3, 2.608), industry_rank=75,
                       network_rank=81, industry_average=30.99, network_average=32.72,
                       industry="Technology, Information and Internet", note="a note",
                       industry_peers=PeerAverages(7.45, 6.1, 4.95, 6.2),
                       network_peers=PeerAverages(9.3, 7.85, 0, 25),
                       industry_status="No change in the last week", network_status="Up 2%",
                       events=("holiday", "linkedin_change"))
    form = checkin_to_form(original)
    assert set(form) == {*FORM_FIELDS, *EVENT_FIELDS}
    assert (form["industry_peers_brand"], form["network_peers_insights"]) == ("7.45", "0")
    assert [form[name] for name in EVENT_FIELDS] == ["on", "", "on", ""]
    again = read_checkin_form(form, today=TODAY, document=Document((original,)),
                              replacing=original.on)
    assert again.checkin == original


trimmed = st.text(max_size=40).map(str.strip)


@given(checkins(last_day=TODAY, industry=trimmed, note=trimmed, status=trimmed))
def test_any_checkin_fills_a_form_that_reads_back_as_it(original: CheckIn) -> None:
    form = checkin_to_form(original)
    assert read_checkin_form(form, today=TODAY, document=EMPTY).checkin == original


# ---- the peers' averages, status lines and events ----------------------------------------

def test_the_form_has_labelled_fields_for_each_groups_averages_and_status() -> None:
    assert FIELD_LABELS["industry_peers_people"] == "Industry average: Find the right people"
    assert FIELD_LABELS["network_peers_brand"] == (
        "Network average: Establish your professional brand")
    assert FIELD_LABELS["network_status"] == "Network status"
    assert FORM_FIELDS[-10:] == (*(g.field_name(p) for g in PEER_GROUPS for p in PILLARS),
                                 "industry_status", "network_status")
    assert EVENT_FIELDS == ("event_holiday", "event_job_change", "event_linkedin_change",
                            "event_campaign")
    assert not set(EVENT_FIELDS) & set(FORM_FIELDS)  # checkboxes, not text inputs


INDUSTRY = {"industry_peers_brand": "7.45", "industry_peers_people": "6,1",
            "industry_peers_insights": " 4.95 ", "industry_peers_relationships": "6.2"}


def test_a_whole_group_of_averages_is_kept_and_an_empty_one_is_none() -> None:
    result = read_checkin_form({**VALID, **INDUSTRY}, today=TODAY, document=EMPTY)
    assert result.checkin is not None
    assert result.checkin.industry_peers == PeerAverages(7.45, 6.1, 4.95, 6.2)
    assert result.checkin.network_peers is None


@pytest.mark.parametrize(("field", "typed", "says"), [
    ("industry_peers_brand", "26", "A pillar's average is between 0 and 25; this is 26."),
    ("industry_peers_people", "-0.5", "between 0 and 25"),
    ("industry_peers_insights", "4.9512", "at most 3 decimals"),
    ("industry_peers_relationships", "six", "not a number"),
])
def test_a_wrong_average_names_its_field(field: str, typed: str, says: str) -> None:
    result = read_checkin_form({**VALID, **INDUSTRY, field: typed}, today=TODAY, document=EMPTY)
    assert result.checkin is None
    assert [e.field for e in result.errors] == [field]
    assert says in result.errors[0].message


def test_a_partly_filled_group_is_an_error_on_each_empty_field() -> None:
    result = read(network_peers_brand="9.3", network_peers_insights="30")
    assert result.checkin is None
    assert [(e.field, e.message) for e in result.errors] == [
        ("network_peers_people",
         "Fill in all four network averages or none of them; this one is empty."),
        ("network_peers_relationships",
         "Fill in all four network averages or none of them; this one is empty."),
        ("network_peers_insights", "A pillar's average is between 0 and 25; this is 30."),
    ]


def test_statuses_are_trimmed_and_limited() -> None:
    result = read(industry_status="  No change in the last week ")
    assert result.checkin is not None
    assert result.checkin.industry_status == "No change in the last week"
    long = read(network_status="x" * 121)
    assert [(e.field, e.message) for e in long.errors] == [
        ("network_status", "Keep this under 120 characters; it has 121.")]


def test_ticked_events_are_kept_in_the_pages_order() -> None:
    result = read(event_campaign="on", event_holiday="on", event_job_change="")
    assert result.checkin is not None and result.checkin.events == ("holiday", "campaign")
    assert read().checkin is not None and read().checkin.events == ()  # type: ignore[union-attr]


def test_record_rules_judge_peers_statuses_and_events_from_any_source() -> None:
    assert peers_in_range(checkin(network_peers=PeerAverages(1, 2, 3, 25.5))) == [
        FieldError("network_peers_relationships",
                   "A pillar's average is between 0 and 25; this is 25.5.")]
    assert peers_in_range(checkin(industry_peers=PeerAverages(1.0001, 2, 3, 4)))[0].field == (
        "industry_peers_brand")
    assert texts_fit(checkin(industry_status="x" * 121))[0].field == "industry_status"
    assert events_known(checkin(events=("holiday", "campaign"))) == []
    for events, says in [(("party",), "“party” is not an event"),
                         (("campaign", "holiday"), "in this order"),
                         (("holiday", "holiday"), "once")]:
        (error,) = events_known(checkin(events=events))
        assert error.field == "events" and says in error.message
    assert {peers_in_range, texts_fit, events_known} <= set(RECORD_RULES)
    assert check_record(checkin(events=("party",)))[0].field == "events"


def test_record_rules_catch_what_the_form_would_refuse() -> None:
    assert check_record(checkin(scores=(30, 1, 1, 1)))[0].field == "brand"
    assert check_record(checkin(industry_rank=0))[0].field == "industry_rank"
    assert check_record(checkin(scores=(1.23456, 1, 1, 1)))[0].field == "brand"
    assert check_record(checkin()) == []
