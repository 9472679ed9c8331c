"""Storage: round trips, named migrations, and never losing a document it cannot read."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.estimate import RATE_KEYS
from ssi_coach.errors import (
    CorruptDocument,
    DocumentError,
    InvalidRecord,
    NewerSchemaVersion,
    StorageError,
)
from ssi_coach.model import (
    CHECKLIST_KEYS,
    PILLAR_KEYS,
    Calibration,
    Checklist,
    Document,
    Goal,
    HeldFit,
    NetworkSummary,
    PeerAverages,
    Person,
    PillarFit,
    WeekLog,
    WeeklyPlan,
)
from ssi_coach.storage import DOCUMENT_KEY, MemoryStorage, Store, decode, encode, schema_version
from ssi_coach.storage.draft import Draft, decode_draft, encode_draft
from ssi_coach.storage.migrations import Migration, migrate

from .conftest import checkin
from .strategies import (
    account_lists,
    checkins,
    held_fits,
    in_date_order,
    network_summaries,
    post_analytics,
    week_log_lists,
    week_sources,
)

# ---- round trip -----------------------------------------------------------------------

checkin_lists = st.lists(checkins(), max_size=20, unique_by=lambda c: c.on).map(in_date_order)
# A team member's history is the same record type: a few check-ins each keep documents cheap.
person_checkins = st.lists(checkins(), max_size=5, unique_by=lambda c: c.on).map(in_date_order)
people = st.builds(Person, name=st.text(min_size=1, max_size=30), checkins=person_checkins,
                   saved_on=st.dates(dt.date(2014, 1, 1), dt.date(2026, 11, 22)))
checklists = st.builds(Checklist, st.dictionaries(st.sampled_from(CHECKLIST_KEYS), st.booleans()),
                       st.none() | st.dates())
plans = st.builds(WeeklyPlan, st.dictionaries(st.sampled_from(RATE_KEYS),
                                        st.floats(0, 100, allow_nan=False)))
goals = st.builds(Goal, st.floats(0, 100, allow_nan=False), st.dates())
documents = st.builds(
    Document, checkins=checkin_lists,
    people=st.lists(people, max_size=3, unique_by=lambda p: p.name).map(tuple),
    weeks=week_log_lists(), checklist=st.none() | checklists, plan=st.none() | plans,
    goal=st.none() | goals, imported=week_log_lists(), week_sources=week_sources,
    network=st.none() | network_summaries, imported_on=st.none() | st.dates(),
    held_fit=st.none() | held_fits, posts=post_analytics(max_snapshots=3),
    accounts=account_lists(),
)


@given(documents)
def test_any_document_survives_a_save_and_load(document: Document) -> None:
    store = Store(MemoryStorage())
    store.save(document)
    loaded = Store(store.backend).load()
    assert loaded.problem is None
    assert loaded.document == document


def test_stored_text_is_versioned_json_with_values_unrounded() -> None:
    text = encode(Document((checkin(scores=(13.118, 3.68, 0.3, 2.608), industry_rank=75),)))
    data = json.loads(text)
    assert data["schema_version"] == schema_version() == 9
    assert data["checkins"] == [{"date": "2026-11-01", "brand": 13.118, "people": 3.68,
                                 "insights": 0.3, "relationships": 2.608, "industry_rank": 75}]


def test_nothing_stored_loads_as_an_empty_document() -> None:
    loaded = Store(MemoryStorage()).load()
    assert loaded.document == Document() and loaded.problem is None


# ---- migrations -------------------------------------------------------------------------

def _rename_entries(data: dict) -> dict:
    data["checkins"] = data.pop("entries")
    return data


def _pillars_to_fields(data: dict) -> dict:
    for record in data["checkins"]:
        brand, people, insights, relationships = record.pop("pillars")
        record.update(brand=brand, people=people, insights=insights, relationships=relationships)
    return data


FAKE_MIGRATIONS = (
    Migration("0001_entries_to_checkins", _rename_entries),
    Migration("0002_split_pillars", _pillars_to_fields),
)
V0_DOCUMENT = json.dumps({"entries": [{"date": "2026-10-01", "pillars": [10, 5, 3, 2]}]})


def test_a_v0_document_upgrades_through_every_named_migration_in_order() -> None:
    document, applied = decode(V0_DOCUMENT, FAKE_MIGRATIONS)
    assert applied == ["0001_entries_to_checkins", "0002_split_pillars"]
    assert document.checkins[0].total == 20


def test_migration_starts_from_the_stored_version() -> None:
    record = {"date": "2026-10-01", "pillars": [1, 2, 3, 4]}
    v1 = json.dumps({"schema_version": 1, "checkins": [record]})
    _, applied = decode(v1, FAKE_MIGRATIONS)
    assert applied == ["0002_split_pillars"]


def test_loading_an_old_document_keeps_a_copy_of_the_old_text() -> None:
    backend = MemoryStorage({DOCUMENT_KEY: V0_DOCUMENT})
    loaded = Store(backend, migrations=FAKE_MIGRATIONS).load()
    assert loaded.migrated == ("0001_entries_to_checkins", "0002_split_pillars")
    assert backend.get("ssi-coach.before-v0") == V0_DOCUMENT
    assert backend.get(DOCUMENT_KEY) == V0_DOCUMENT  # rewritten only on the next save


def test_the_real_migrations_build_the_document_from_nothing() -> None:
    data, applied = migrate({})
    assert data == {"schema_version": 9, "checkins": [], "people": [], "weeks": [],
                    "checklist": None, "plan": None, "goal": None, "imported": [],
                    "week_sources": {}, "network": None, "imported_on": None,
                    "held_fit": None, "posts": {}, "accounts": [], "team_target": None}
    assert applied == ["0001_create_checkins", "0002_add_people", "0003_add_activity",
                       "0004_add_imports", "0005_add_held_fit", "0006_add_peers",
                       "0007_add_posts", "0008_add_accounts", "0009_add_team"]


def test_a_v1_document_gains_an_empty_list_of_people_and_keeps_its_checkins() -> None:
    v1 = json.dumps({"schema_version": 1, "checkins": [
        {"date": "2026-10-01", "brand": 10, "people": 5, "insights": 3, "relationships": 2}]})
    backend = MemoryStorage({DOCUMENT_KEY: v1})
    loaded = Store(backend).load()
    assert loaded.migrated == ("0002_add_people", "0003_add_activity", "0004_add_imports",
                               "0005_add_held_fit", "0006_add_peers", "0007_add_posts",
                               "0008_add_accounts", "0009_add_team")
    assert loaded.document.checkins[0].total == 20 and loaded.document.people == ()
    assert backend.get("ssi-coach.before-v1") == v1


# ---- unreadable documents -------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "error", "says"), [
    ("{not json", CorruptDocument, "not valid JSON"),
    ("[1, 2]", CorruptDocument, "not an ssi-coach document"),
    ('{"schema_version": "one"}', CorruptDocument, "not a version number"),
    ('{"schema_version": 99, "checkins": []}', NewerSchemaVersion, "newer version"),
    ('{"schema_version": 1, "checkins": {}}', CorruptDocument, "no list of check-ins"),
    ('{"schema_version": 1, "checkins": [{"date": "2026-10-01", "brand": 30, "people": 1,'
     ' "insights": 1, "relationships": 1}]}', InvalidRecord, "Check-in 1 (2026-10-01)"),
    ('{"schema_version": 1, "checkins": [{"date": "2026-10-01", "brand": "12", "people": 1,'
     ' "insights": 1, "relationships": 1}]}', InvalidRecord, "not a number"),
    ('{"schema_version": 1, "checkins": [{"brand": 1}]}', InvalidRecord, "no valid date"),
])
def test_an_unreadable_document_is_reported_and_left_untouched(raw: str, error: type,
                                                                says: str) -> None:
    backend = MemoryStorage({DOCUMENT_KEY: raw})
    store = Store(backend)
    loaded = store.load()
    assert isinstance(loaded.problem, error)
    assert says in str(loaded.problem)
    assert loaded.raw == raw and loaded.document == Document()
    with pytest.raises(Exception, match="set it aside"):
        store.save(Document((checkin(),)))
    assert backend.items == {DOCUMENT_KEY: raw}


def test_setting_aside_moves_the_text_to_a_key_of_its_own_and_unblocks_saving() -> None:
    backend = MemoryStorage({DOCUMENT_KEY: "{broken", "ssi-coach.set-aside.1": "older"})
    store = Store(backend)
    store.load()
    assert store.set_aside() == "ssi-coach.set-aside.2"
    assert backend.get("ssi-coach.set-aside.2") == "{broken"
    assert [key for key, _ in store.kept_copies()] == [
        "ssi-coach.set-aside.1", "ssi-coach.set-aside.2"]
    store.save(Document((checkin(),)))
    assert store.load().document.checkins == (checkin(),)


def test_a_full_storage_refuses_and_keeps_the_saved_document() -> None:
    store = Store(MemoryStorage(quota=400))
    first = Document((checkin("2026-10-01"),))
    store.save(first)
    crowded = Document(tuple(checkin(f"2026-0{m}-01", note="x" * 100) for m in range(1, 10)))
    with pytest.raises(StorageError):
        store.save(crowded)
    assert store.load().document == first


# ---- the peers' averages, status lines and events of a check-in (schema 6) ----------------

PEERED = checkin(industry_peers=PeerAverages(7.45, 6.1, 4.95, 6.2), network_status="Up 2%",
                 events=("holiday", "campaign"))
PEERED_JSON = ('{"date": "2026-10-01", "brand": 12, "people": 6, "insights": 4, '
               '"relationships": 8, %s}')


def test_peers_statuses_and_events_are_stored_only_when_given() -> None:
    data = json.loads(encode(Document((PEERED, checkin("2026-11-02")))))["checkins"]
    assert data[0] == {"date": "2026-11-01", "brand": 12.275, "people": 6, "insights": 3.1,
                       "relationships": 1.948, "industry_peers": {
                           "brand": 7.45, "people": 6.1, "insights": 4.95, "relationships": 6.2},
                       "network_status": "Up 2%", "events": ["holiday", "campaign"]}
    assert set(data[1]) == {"date", *PILLAR_KEYS}  # an old-style check-in stays old-style
    assert decode(encode(Document((PEERED,))))[0].checkins == (PEERED,)


@pytest.mark.parametrize(("fields", "says"), [
    ('"industry_peers": [1, 2, 3, 4]',
     "Check-in 1 (2026-10-01): Industry pillar averages is not a record of the four pillars."),
    ('"network_peers": {"brand": 1, "people": 2, "insights": 3}',
     "Check-in 1 (2026-10-01): Network average: Build relationships is missing or not a number."),
    ('"industry_peers": {"brand": "7", "people": 2, "insights": 3, "relationships": 4}',
     "Industry average: Establish your professional brand is missing or not a number."),
    ('"industry_peers": {"brand": 1e400, "people": 2, "insights": 3, "relationships": 4}',
     "Industry average: Establish your professional brand is not a finite number."),
    ('"industry_peers": {"brand": 7, "people": 2, "insights": 30, "relationships": 4}',
     "Check-in 1 (2026-10-01): Industry average: Engage with insights: A pillar's average is "
     "between 0 and 25; this is 30."),
    ('"network_peers": {"brand": 7, "people": 2.0001, "insights": 3, "relationships": 4}',
     "Network average: Find the right people: Use at most 3 decimals."),
    ('"industry_status": 5', "Check-in 1 (2026-10-01): Industry status is not text."),
    ('"network_status": "%s"' % ("x" * 121), "Network status: Keep this under 120 characters"),
    ('"events": "holiday"', "Check-in 1 (2026-10-01): Events is not a list of events."),
    ('"events": ["holiday", 3]', "Events is not a list of events."),
    ('"events": ["party"]', "Events: “party” is not an event ssi-coach knows"),
    ('"events": ["campaign", "holiday"]', "Events: List each event once, in this order"),
    ('"events": ["holiday", "holiday"]', "Events: List each event once"),
])
def test_stored_peers_statuses_and_events_that_break_a_rule_are_refused(fields: str,
                                                                        says: str) -> None:
    raw = '{"schema_version": 6, "checkins": [%s]}' % (PEERED_JSON % fields)
    loaded = Store(MemoryStorage({DOCUMENT_KEY: raw})).load()
    assert isinstance(loaded.problem, InvalidRecord), loaded.problem
    assert says in str(loaded.problem)


def test_null_peers_and_empty_events_read_as_not_given() -> None:
    raw = ('{"schema_version": 6, "checkins": [%s]}'
           % (PEERED_JSON % '"industry_peers": null, "events": [], "network_status": ""'))
    (read,) = decode(raw)[0].checkins
    assert (read.industry_peers, read.events, read.network_status) == (None, (), "")


# ---- drafts -------------------------------------------------------------------------------

def test_a_draft_round_trips_and_garbage_is_no_draft() -> None:
    draft = Draft({"date": "2026-11-01", "brand": "12,5", "note": "ünïcode"}, dt.date(2026, 10, 1))
    assert decode_draft(encode_draft(draft)) == draft
    for garbage in (None, "", "{", "[]", '{"fields": 3}', '{"fields": {}, "replacing": "x"}'):
        assert decode_draft(garbage) is None


def test_a_draft_keeps_the_peers_statuses_and_ticked_events() -> None:
    typed = {"date": "2026-11-01", "industry_peers_brand": "7,45", "network_peers_people": "6",
             "industry_status": "No change in the last week", "event_holiday": "on",
             "event_campaign": "", "no_such_field": "x"}
    kept = decode_draft(encode_draft(Draft(typed)))
    assert kept is not None and kept.fields == {k: v for k, v in typed.items()
                                                if k != "no_such_field"}
    assert Draft({"date": "2026-11-01", "event_job_change": "on"}).has_content()


def test_a_draft_with_only_the_prefilled_date_is_empty() -> None:
    assert not Draft({"date": "2026-11-01", "brand": " "}).has_content()
    assert Draft({"date": "2026-11-01", "brand": "1"}).has_content()


def test_replacing_keeps_the_current_text_first() -> None:
    backend = MemoryStorage()
    store = Store(backend)
    mine = Document((checkin("2026-10-01"),))
    store.save(mine)
    before = backend.get(DOCUMENT_KEY)
    restored = Document((checkin("2025-01-01"),))
    assert store.replace_keeping_copy(restored) == "ssi-coach.before-restore.1"
    assert backend.get("ssi-coach.before-restore.1") == before
    assert store.load().document == restored
    assert store.kept_copies() == [("ssi-coach.before-restore.1",
                                    "Your data from before a restore replaced it")]


def test_replacing_on_a_full_storage_changes_nothing() -> None:
    backend = MemoryStorage(quota=330)
    store = Store(backend)
    store.save(Document((checkin("2026-10-01"),)))
    before = dict(backend.items)
    with pytest.raises(StorageError):
        store.replace_keeping_copy(Document((checkin("2025-01-01", note="x" * 200),)))
    assert backend.items == before


def test_no_restore_and_no_copy_over_data_that_cannot_be_read() -> None:
    backend = MemoryStorage({DOCUMENT_KEY: "{broken"})
    store = Store(backend)
    store.load()
    with pytest.raises(Exception, match="set it aside"):
        store.replace_keeping_copy(Document((checkin(),)))
    assert backend.items == {DOCUMENT_KEY: "{broken"}


@pytest.mark.parametrize(("weeks", "says"), [
    ('[{"week": "2026-11-17", "counts": {}}]', "Monday"),
    ('[{"week": "2026-11-16", "counts": {"posts": -1}}]', "whole number"),
    ('[{"week": "2026-11-16", "counts": {"bogus": 1}}]', "unknown count"),
    ('[{"week": "2026-11-16", "counts": {"replies_received": 3, "messages_sent": 1}}]',
     "cannot be more"),
    ('[{"week": "2026-11-16", "counts": {}}, {"week": "2026-11-16", "counts": {}}]',
     "same week"),
])
def test_stored_activity_breaking_a_form_rule_is_refused(weeks: str, says: str) -> None:
    raw = f'{{"schema_version": 3, "checkins": [], "weeks": {weeks}}}'
    loaded = Store(MemoryStorage({DOCUMENT_KEY: raw})).load()
    assert loaded.problem is not None and says in str(loaded.problem)


# ---- schema 4: imported activity --------------------------------------------------------------

V3_DOCUMENT = {
    "schema_version": 3,
    "checkins": [{"date": "2026-10-01", "brand": 10, "people": 5, "insights": 3,
                  "relationships": 2}],
    "people": [], "weeks": [{"week": "2026-09-28", "counts": {"posts": 2, "meetings": 1}}],
    "checklist": {"items": {"photo": True}, "updated_on": "2026-09-30"},
    "plan": {"weekly": {"posts": 2.0}}, "goal": {"target": 40, "by": "2027-03-01"},
}


def test_a_v3_document_gains_empty_imports_and_keeps_everything() -> None:
    raw = json.dumps(V3_DOCUMENT)
    backend = MemoryStorage({DOCUMENT_KEY: raw})
    loaded = Store(backend).load()
    assert loaded.migrated == ("0004_add_imports", "0005_add_held_fit", "0006_add_peers",
                               "0007_add_posts", "0008_add_accounts", "0009_add_team")
    document = loaded.document
    assert document.checkins[0].total == 20
    assert document.weeks == (WeekLog(dt.date(2026, 9, 28), {"posts": 2, "meetings": 1}),)
    assert document.checklist == Checklist({"photo": True}, dt.date(2026, 9, 30))
    assert document.plan == WeeklyPlan({"posts": 2.0})
    assert document.goal == Goal(40.0, dt.date(2027, 3, 1))
    assert (document.imported, document.week_sources, document.network, document.imported_on) \
        == ((), {}, None, None)
    assert backend.get("ssi-coach.before-v3") == raw
    assert json.loads(encode(document)) == {**V3_DOCUMENT, "schema_version": 9, "imported": [],
                                            "week_sources": {}, "network": None,
                                            "imported_on": None, "held_fit": None, "posts": {},
                                            "accounts": [], "team_target": None}


def test_imports_are_stored_apart_from_typed_weeks() -> None:
    monday = dt.date(2026, 11, 16)
    document = Document(weeks=(WeekLog(monday, {"posts": 1}),),
                        imported=(WeekLog(monday, {"posts": 3, "votes": 2}),),
                        week_sources={monday: "imported"},
                        network=NetworkSummary({"2026-11": {"vp": 2}}, invitations_sent=4),
                        imported_on=dt.date(2026, 11, 20))
    data = json.loads(encode(document))
    assert data["weeks"] == [{"week": "2026-11-16", "counts": {"posts": 1}}]
    assert data["imported"] == [{"week": "2026-11-16", "counts": {"posts": 3, "votes": 2}}]
    assert data["week_sources"] == {"2026-11-16": "imported"}
    assert data["network"]["connections_by_month"] == {"2026-11": {"vp": 2}}
    assert data["imported_on"] == "2026-11-20"
    assert decode(encode(document))[0] == document


GOOD_NETWORK = ('{"connections_by_month": {"2026-11": {"vp": 2}}, "undated_connections": 0, '
                '"invitations_sent": 4, "invitations_accepted": 1, "conversations_started": 2, '
                '"conversations_replied": 1, "by_weekday": [1, 2, 3, 4, 5, 6, 7]}')


@pytest.mark.parametrize(("field", "value", "says"), [
    ("imported", '{"2026-11-16": {}}', "imported activity log is not a list"),
    ("imported", '[{"week": "2026-11-17", "counts": {}}]',
     "Imported activity week of 2026-11-17: a week must start on a Monday"),
    ("imported", '[{"week": "2026-11-16", "counts": {"bogus": 1}}]',
     "Imported activity week of 2026-11-16: unknown count “bogus”"),
    ("imported", '[{"week": "2026-11-16", "counts": {"votes": 2.5}}]', "votes must be a whole"),
    ("imported", '[{"week": "2026-11-16", "counts": {"requests_accepted": 3, '
                 '"requests_sent": 1}}]', "cannot be more"),
    ("imported", '[{"week": "2026-11-16", "counts": {}}, {"week": "2026-11-16", "counts": {}}]',
     "Two imported activity logs are for the same week"),
    ("imported", '[{"counts": {}}]', "Imported activity week 1 has no valid week"),
    ("week_sources", '[]', "not a mapping of weeks"),
    ("week_sources", '{"someday": "typed"}', "week “someday”: not a date"),
    ("week_sources", '{"2026-11-17": "typed"}', "2026-11-17: a week must start on a Monday"),
    ("week_sources", '{"2026-11-16": "both"}', "must be “typed” or “imported”"),
    ("network", '[1, 2]', "network summary is not a record"),
    ("network", '{"followers": 3}', "unknown field “followers”"),
    ("network", GOOD_NETWORK.replace('"invitations_sent": 4', '"invitations_sent": -4'),
     "invitations_sent must be a whole number"),
    ("network", GOOD_NETWORK.replace('"invitations_sent": 4', '"invitations_sent": true'),
     "invitations_sent must be a whole number"),
    ("network", GOOD_NETWORK.replace("[1, 2, 3, 4, 5, 6, 7]", "[1, 2, 3]"), "by_weekday"),
    ("network", GOOD_NETWORK.replace('"2026-11"', '"November"'), "“November” is not a month"),
    ("network", GOOD_NETWORK.replace('{"vp": 2}', '{"vp": "two"}'),
     "connections_by_month 2026-11"),
    ("network", GOOD_NETWORK.replace('{"vp": 2}', '7'), "network summary cannot be read"),
    ("imported_on", '"last week"', "last import's date is not a valid date"),
])
def test_stored_imports_that_cannot_be_right_are_refused(field: str, value: str,
                                                         says: str) -> None:
    raw = f'{{"schema_version": 4, "checkins": [], "{field}": {value}}}'
    store = Store(MemoryStorage({DOCUMENT_KEY: raw}))
    loaded = store.load()
    assert isinstance(loaded.problem, InvalidRecord), loaded.problem
    assert says in str(loaded.problem)
    assert store.backend.get(DOCUMENT_KEY) == raw  # reported, never rewritten


def test_a_good_stored_network_summary_loads() -> None:
    raw = f'{{"schema_version": 4, "checkins": [], "network": {GOOD_NETWORK}}}'
    network = Store(MemoryStorage({DOCUMENT_KEY: raw})).load().document.network
    assert network == NetworkSummary({"2026-11": {"vp": 2}}, 0, 4, 1, 2, 1, (1, 2, 3, 4, 5, 6, 7))


# ---- the held calibration (schema v5) -------------------------------------------------------

HELD = HeldFit(
    ((dt.date(2026, 10, 4), (12.5, 10.0, 8.25, 14.0)), (dt.date(2026, 11, 1), (13, 10.5, 9, 14))),
    Calibration({key: PillarFit(key, 1.5, 0.9, 2.0, 1.25) for key in PILLAR_KEYS}, 2))
GOOD_LINE = '{"intercept": 1.5, "slope": 0.9, "mae_before": 2.0, "mae_after": 1.25}'
GOOD_FITS = "{" + ", ".join(f'"{key}": {GOOD_LINE}' for key in PILLAR_KEYS) + "}"
GOOD_HELD = ('{"fitted_on": [["2026-10-04", 12.5, 10, 8.25, 14]], "based_on": 3, '
             f'"fits": {GOOD_FITS}}}')


def test_a_held_fit_is_stored_with_the_checkins_it_was_fitted_on() -> None:
    data = json.loads(encode(Document(held_fit=HELD)))
    assert data["held_fit"]["fitted_on"] == [["2026-10-04", 12.5, 10.0, 8.25, 14.0],
                                             ["2026-11-01", 13, 10.5, 9, 14]]
    assert data["held_fit"]["based_on"] == 2
    assert data["held_fit"]["fits"]["people"] == {"intercept": 1.5, "slope": 0.9,
                                                  "mae_before": 2.0, "mae_after": 1.25}
    assert list(data["held_fit"]["fits"]) == list(PILLAR_KEYS)
    assert decode(encode(Document(held_fit=HELD)))[0].held_fit == HELD


def test_a_good_stored_held_fit_loads() -> None:
    raw = f'{{"schema_version": 5, "checkins": [], "held_fit": {GOOD_HELD}}}'
    held = Store(MemoryStorage({DOCUMENT_KEY: raw})).load().document.held_fit
    assert held is not None and held.calibration is not None
    assert held.calibration.based_on == 3
    assert held.fitted_on == ((dt.date(2026, 10, 4), (12.5, 10, 8.25, 14)),)


def test_a_held_not_yet_round_trips_and_a_damaged_one_is_refused() -> None:
    waiting = HeldFit(((dt.date(2026, 10, 4), (12.5, 10, 8.25, 14)),), None)
    data = json.loads(encode(Document(held_fit=waiting)))["held_fit"]
    assert data == {"fitted_on": [["2026-10-04", 12.5, 10, 8.25, 14]], "based_on": 0,
                    "fits": None}
    assert decode(encode(Document(held_fit=waiting)))[0].held_fit == waiting
    damaged = json.dumps({**data, "based_on": 2})
    raw = f'{{"schema_version": 5, "checkins": [], "held_fit": {damaged}}}'
    loaded = Store(MemoryStorage({DOCUMENT_KEY: raw})).load()
    assert loaded.problem is not None and "calibration" in str(loaded.problem)


@pytest.mark.parametrize(("value", "says"), [
    ("[1, 2]", "The saved calibration cannot be read"),
    (GOOD_HELD.replace('"based_on"', '"based"'), "The saved calibration cannot be read"),
    (GOOD_HELD.replace('"based_on": 3', '"based_on": 0'), "number of check-ins must be"),
    (GOOD_HELD.replace('"based_on": 3', '"based_on": true'), "number of check-ins must be"),
    (GOOD_HELD.replace('"fitted_on": [[', '"fitted_on": {"a": [[').replace(']], "b', ']]}, "b'),
     "check-ins are not a list"),
    (GOOD_HELD.replace('["2026-10-04", 12.5, 10, 8.25, 14]', '["2026-10-04", 12.5]'),
     "must each be a date and four pillar scores"),
    (GOOD_HELD.replace('"2026-10-04"', '"4 Oct"'), "“4 Oct” is not a date"),
    (GOOD_HELD.replace("12.5, 10,", '"12.5", 10,'), "scores of 2026-10-04 must be numbers"),
    (GOOD_HELD.replace("12.5, 10,", "NaN, 10,"), "scores of 2026-10-04 must be numbers"),
    (GOOD_HELD.replace(f'"brand": {GOOD_LINE}, ', ""), "one line for each of the four pillars"),
    (GOOD_HELD.replace(f'"brand": {GOOD_LINE}', f'"brand": {GOOD_LINE}, "reach": 1'),
     "one line for each of the four pillars"),
    (GOOD_HELD.replace(GOOD_LINE, '{"intercept": 1.5}', 1), "brand line must have exactly"),
    (GOOD_HELD.replace('"slope": 0.9', '"slope": -0.9', 1), "brand line: the slope cannot be"),
    (GOOD_HELD.replace('"intercept": 1.5', '"intercept": Infinity', 1),
     "brand line: each of intercept, slope, mae_before, mae_after must be a number"),
    (GOOD_HELD.replace('"mae_after": 1.25', '"mae_after": null', 1), "must be a number"),
])
def test_a_stored_held_fit_that_cannot_be_right_is_refused_and_kept(value: str,
                                                                    says: str) -> None:
    # The fit is only ever written by the app: a bad one is damage, reported like any other
    # record, and the stored text (the member's check-ins with it) is never rewritten.
    checkin_json = ('{"date": "2026-10-04", "brand": 12.5, "people": 10, "insights": 8.25, '
                    '"relationships": 14}')
    raw = f'{{"schema_version": 5, "checkins": [{checkin_json}], "held_fit": {value}}}'
    store = Store(MemoryStorage({DOCUMENT_KEY: raw}))
    loaded = store.load()
    assert isinstance(loaded.problem, InvalidRecord), loaded.problem
    assert says in str(loaded.problem)
    assert store.backend.get(DOCUMENT_KEY) == raw
    with pytest.raises(DocumentError, match="set it aside"):
        store.save(Document())


def test_a_damaged_held_fit_is_recovered_from_the_last_good_copy() -> None:
    document = Document((checkin(),), held_fit=HELD)
    good = encode(document)
    damaged = good.replace('"slope":0.9', '"slope":-0.9', 1)
    backend = MemoryStorage({DOCUMENT_KEY: damaged, DOCUMENT_KEY + ".last-good": good})
    loaded = Store(backend).load()
    assert loaded.recovered is not None and "slope cannot be negative" in str(loaded.recovered)
    assert loaded.document == document
    assert loaded.damaged_key is not None and backend.get(loaded.damaged_key) == damaged
