"""Backups and imports: a preview of exactly what would change, then only that change."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.calibration import with_fit_held
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.checkins.merge import apply_checkin_merge, checkin_merge, differences
from ssi_coach.errors import CorruptDocument, InvalidRecord, NewerSchemaVersion
from ssi_coach.model import CheckIn, Document, PeerAverages, Person, WeekLog
from ssi_coach.storage.backup import backup_text, read_backup

from .conftest import checkin
from .strategies import checkins, in_date_order

MINE = Document((checkin("2026-09-01"), checkin("2026-10-01"), checkin("2026-11-01")))


def test_a_merge_sorts_incoming_into_added_unchanged_and_updated() -> None:
    incoming = [checkin("2026-08-01"), checkin("2026-10-01"),
                checkin("2026-11-01", (20, 20, 20, 20))]
    merge = checkin_merge(MINE, incoming)
    assert [c.on.month for c in merge.added] == [8]
    assert [c.on.month for c in merge.unchanged] == [10]
    assert [(u.before.total, u.after.total) for u in merge.updated] == [(23.323, 80)]
    assert merge.incoming_count == 3


@pytest.mark.parametrize(("replace", "november_total"), [(False, 23.323), (True, 80)])
def test_applying_adds_new_dates_and_follows_the_choice_for_differences(
        replace: bool, november_total: float) -> None:
    plan = checkin_merge(MINE, [checkin("2026-08-01"), checkin("2026-11-01", (20, 20, 20, 20))])
    result = apply_checkin_merge(MINE, plan, replace_updated=replace)
    assert [c.on.month for c in result.checkins] == [8, 9, 10, 11]
    assert result.find(checkin("2026-11-01").on).total == november_total  # type: ignore[union-attr]
    changed = [c for c in result.checkins if MINE.find(c.on) != c]
    assert plan.changed_count(replace_updated=replace) == len(changed) == (2 if replace else 1)


def test_a_merge_with_nothing_new_changes_nothing() -> None:
    plan = checkin_merge(MINE, list(MINE.checkins))
    assert not plan.changes_anything(replace_updated=True)
    assert plan.changed_count(replace_updated=True) == 0
    assert apply_checkin_merge(MINE, plan, replace_updated=True) == MINE


def test_backup_round_trips_and_is_labelled_readable_json() -> None:
    text = backup_text(MINE)
    data = json.loads(text)
    assert data["backup_of"] == "ssi-coach backup" and data["schema_version"] == 9
    assert "\n  " in text  # indented: a person can read it
    assert read_backup(text) == MINE
    assert read_backup(text.encode("utf-8")) == MINE
    assert read_backup(b"\xef\xbb\xbf" + text.encode()) == MINE  # a BOM added by an editor


def test_an_older_backup_is_migrated() -> None:
    v1 = json.dumps({"schema_version": 1, "checkins": [
        {"date": "2026-10-01", "brand": 10, "people": 5, "insights": 3, "relationships": 2}]})
    assert read_backup(v1).checkins[0].total == 20


def test_a_backup_keeps_the_held_fit_and_restoring_it_shows_the_same_estimate() -> None:
    # A restore brings back the data and the fit shown with it, so the Coach does not refit.
    weeks = tuple(WeekLog(dt.date(2026, 6, 1) + dt.timedelta(weeks=k), {"posts": 2,
                                                                        "comments_written": 5})
                  for k in range(26))
    document = with_fit_held(Document(MINE.checkins, weeks=weeks))
    assert document.held_fit is not None
    restored = read_backup(backup_text(document))
    assert restored == document and with_fit_held(restored) is restored
    today = dt.date(2026, 11, 22)
    assert coach_view(restored, today).estimate == coach_view(document, today).estimate


def test_a_backup_from_before_held_fits_loads_with_none_held() -> None:
    v4 = json.dumps({"schema_version": 4, "checkins": [
        {"date": "2026-10-01", "brand": 10, "people": 5, "insights": 3, "relationships": 2}]})
    assert read_backup(v4).held_fit is None


@pytest.mark.parametrize(("data", "error", "says"), [
    ('{"schema_version": 10, "checkins": []}', NewerSchemaVersion, "newer version"),
    (b"\x89PNG\r\n\x1a\n\x00\xff", CorruptDocument, "not text"),
    ("hello", CorruptDocument, "not valid JSON"),
    ('{"name": "something else"}', CorruptDocument, "not an ssi-coach backup"),
    ('{"schema_version": 2, "checkins": [{"date": "2026-10-01", "brand": 99, "people": 1, '
     '"insights": 1, "relationships": 1}]}', InvalidRecord, "between 0 and 25"),
    ("x" * 5_000_001, CorruptDocument, "too large"),
])
def test_a_bad_backup_is_refused_with_a_reason(data: bytes | str, error: type,
                                                says: str) -> None:
    with pytest.raises(error, match=says):
        read_backup(data)


def test_an_updated_date_names_what_differs() -> None:
    plan = checkin_merge(MINE, [checkin("2026-10-01", note="new note", industry_rank=3)])
    assert differences(plan.updated[0]) == ["Industry SSI rank", "Note"]


def test_a_date_whose_peers_statuses_or_events_differ_is_an_update_that_names_them() -> None:
    averages = PeerAverages(7.45, 6.1, 4.95, 6.2)
    incoming = [
        checkin("2026-09-01", industry_peers=averages),
        checkin("2026-10-01", network_peers=averages, network_status="Up 2%",
                industry_peers=replace(averages, brand=7.5), note="campaign week",
                events=("campaign",)),
        checkin("2026-11-01"),
    ]
    current = replace(MINE, checkins=(*MINE.checkins[:1], replace(
        MINE.checkins[1], industry_peers=averages), MINE.checkins[2]))
    plan = checkin_merge(current, incoming)
    assert [c.on.month for c in plan.unchanged] == [11]
    assert [differences(u) for u in plan.updated] == [
        ["Industry pillar averages"],
        ["Note", "Industry pillar averages", "Network pillar averages", "Network status",
         "Events"],
    ]
    result = apply_checkin_merge(current, plan, replace_updated=True)
    assert result.checkins == tuple(incoming)


def test_a_backup_keeps_every_checkins_peers_statuses_and_events() -> None:
    document = Document((
        checkin("2026-10-01", industry_peers=PeerAverages(7.45, 6.1, 4.95, 6.2),
                network_peers=PeerAverages(9.3, 7.85, 6.75, 7.65),
                industry_status="No change in the last week", network_status="Up 2%",
                events=("holiday", "job_change", "linkedin_change", "campaign")),
        checkin("2026-11-01"),
    ), (Person("Zoë", (checkin("2026-10-02", events=("job_change",)),), dt.date(2026, 10, 3)),))
    text = backup_text(document)
    assert '"industry_peers": {' in text and '"events": [' in text
    assert read_backup(text) == document


@given(st.lists(checkins(), max_size=10, unique_by=lambda c: c.on).map(in_date_order))
def test_any_checkins_with_or_without_peers_and_events_survive_a_backup(
        checkins_: tuple[CheckIn, ...]) -> None:
    document = Document(checkins_)
    assert read_backup(backup_text(document)) == document
    assert read_backup(backup_text(document).encode("utf-8")) == document
