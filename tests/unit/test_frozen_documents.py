"""Frozen documents: the stored text of every schema version ever shipped, read by today's code.

tests/fixtures/documents/vN.json is what an ssi-coach writing schema version N kept in
localStorage. The files are never regenerated (see the README there): what each test expects
is read from the file's own JSON with the model's constructors, not through the codec under
test, so a migration or codec change that loses or alters old data fails here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from ssi_coach.activity.calibration import with_fit_held
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.errors import DocumentError, InvalidRecord, NewerSchemaVersion
from ssi_coach.model import (
    LINKS,
    PEER_GROUPS,
    PILLAR_KEYS,
    POST_METRIC_KEYS,
    Account,
    Calibration,
    CheckIn,
    Checklist,
    Document,
    ExportStamp,
    Goal,
    HeldFit,
    NetworkSummary,
    PeerAverages,
    Person,
    PillarFit,
    PostAnalytics,
    PostDay,
    RelationshipFacts,
    Share,
    SinglePost,
    Stakeholder,
    Target,
    TopPost,
    WeekLog,
    WeeklyPlan,
    WindowSnapshot,
)
from ssi_coach.storage import DOCUMENT_KEY, MemoryStorage, Store, decode, encode, schema_version
from ssi_coach.storage.migrations import MIGRATIONS, Migration, migrate

FROZEN = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
VERSIONS = range(schema_version() + 1)
# The migrations that have shipped, in order; stored data in browsers depends on these names.
SHIPPED = ("0001_create_checkins", "0002_add_people", "0003_add_activity", "0004_add_imports",
           "0005_add_held_fit", "0006_add_peers", "0007_add_posts", "0008_add_accounts",
           "0009_add_team")
OPTIONAL_NUMBERS = ("industry_rank", "network_rank", "industry_average", "network_average")
OPTIONAL_TEXTS = ("industry", "note")
PEERS = ("industry_peers", "network_peers")
STATUSES = ("industry_status", "network_status")
# The optional fields of a check-in, by the schema version that added them.
CHECKIN_FIELDS_SINCE = {0: (*OPTIONAL_NUMBERS, *OPTIONAL_TEXTS), 6: (*PEERS, *STATUSES, "events")}
LAST_GOOD_KEY = DOCUMENT_KEY + ".last-good"
ACTIVITY_URL = "https://www.linkedin.com/feed/update/urn:li:activity:"
PROFILE_URL = "https://www.linkedin.com/in/"

Data = dict[str, Any]
T = TypeVar("T")

each_version = pytest.mark.parametrize("version", VERSIONS, ids=lambda v: f"v{v}")


def frozen(version: int) -> tuple[str, Data]:
    """The file's text exactly as stored, and its JSON."""
    text = (FROZEN / f"v{version}.json").read_text(encoding="utf-8")
    return text, json.loads(text)


def names_applied_from(version: int) -> list[str]:
    return [m.name for m in MIGRATIONS[version:]]


# ---- what the file says, read without the codec ---------------------------------------------

def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _or_none(value: Any, build: Callable[[Any], T]) -> T | None:
    return None if value is None else build(value)


def expected_checkin(record: Data) -> CheckIn:
    fields: Data = {key: record[key] for key in PILLAR_KEYS}
    fields.update({name: record.get(name) for name in OPTIONAL_NUMBERS})
    fields.update({name: record.get(name, "") for name in (*OPTIONAL_TEXTS, *STATUSES)})
    fields.update({name: _or_none(record.get(name), lambda p: PeerAverages(**p))
                   for name in PEERS})
    fields["events"] = tuple(record.get("events", ()))
    return CheckIn(_day(record["date"]), **fields)


def expected_checkins(records: list[Data]) -> tuple[CheckIn, ...]:
    return tuple(sorted(map(expected_checkin, records), key=lambda c: c.on))


def person_checkins(person: Data) -> list[Data]:
    """A kept person's check-ins as records: as stored before v9, or rebuilt from v9's
    columns (the first date, gaps in days, scores and averages in thousandths, null where a
    check-in did not give a field)."""
    stored = person["checkins"]
    if isinstance(stored, list):
        return stored
    records: list[Data] = []
    day = _day(stored["start"]) if stored["days"] else None
    for index, gap in enumerate(stored["days"]):
        assert day is not None
        day += dt.timedelta(days=gap)
        record: Data = {"date": day.isoformat()}
        for name, column in stored.items():
            value = column[index] if name not in ("start", "days") else None
            if value is None:
                continue
            if name in (*PILLAR_KEYS, "industry_average", "network_average"):
                value = value / 1000
            elif name in PEERS:
                value = dict(zip(PILLAR_KEYS, (v / 1000 for v in value), strict=True))
            record[name] = value
        records.append(record)
    return records


def person_activity(person: Data) -> tuple[WeekLog, ...]:
    """v9's shared weeks: the first Monday, gaps in weeks, a column per measure."""
    if "activity" not in person:
        return ()
    stored = person["activity"]
    logs, monday = [], _day(stored["start"])
    for index, gap in enumerate(stored["weeks"]):
        monday += dt.timedelta(weeks=gap)
        logs.append(WeekLog(monday, {key: column[index] for key, column
                                     in stored["counts"].items() if column[index] is not None}))
    return tuple(logs)


def expected_target(record: Data) -> Target:
    return Target(_day(record["by"]), record.get("total"), record.get("pillars", {}),
                  _or_none(record.get("set_on"), _day))


def expected_person_kept(record: Data) -> Person:
    return Person(record["name"], expected_checkins(person_checkins(record)),
                  _day(record["saved_on"]),
                  target=_or_none(record.get("target"), expected_target),
                  tags=tuple(record.get("tags", ())), activity=person_activity(record))


def expected_weeks(records: list[Data]) -> tuple[WeekLog, ...]:
    return tuple(sorted((WeekLog(_day(r["week"]), r["counts"]) for r in records),
                        key=lambda w: w.week))


def expected_network(record: Data) -> NetworkSummary:
    counts = {name: n for name, n in record.items() if name != "by_weekday"}
    return NetworkSummary(**counts, by_weekday=tuple(record["by_weekday"]))


def expected_held_fit(record: Data) -> HeldFit:
    fitted_on = tuple((_day(on), tuple(scores)) for on, *scores in record["fitted_on"])
    fits = {key: PillarFit(key, **line) for key, line in record["fits"].items()}
    return HeldFit(fitted_on, Calibration(fits, record["based_on"]))


def _utc(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _shares(rows: list[list[Any]]) -> tuple[Share, ...]:
    return tuple(Share(category, value, percent) for category, value, percent in rows)


def _top_post(row: list[Any]) -> TopPost:
    key, published, impressions, engagements = row
    url = key if key.startswith("https://") else ACTIVITY_URL + key
    return TopPost(url, _day(published), impressions, engagements)


def expected_snapshot(record: Data) -> WindowSnapshot:
    start, end, created = record["window"]
    return WindowSnapshot(
        ExportStamp(_day(start), _day(end), _utc(created)),
        **{name: record.get(name) for name in ("impressions", "members_reached",
                                               "followers_total")},
        top_posts=tuple(map(_top_post, record.get("top_posts", []))),
        audience=_shares(record.get("audience", [])),
        content_audience=_shares(record.get("content_audience", [])))


def expected_posts(record: Data) -> PostAnalytics:
    """v7's post analytics: days as columns from one start, sources as runs [snapshot, days]
    (the frozen file has no gap between windows)."""
    snapshots = tuple(map(expected_snapshot, record["snapshots"]))
    days = record["days"]
    stamps = [snapshots[index].stamp for index, length in days["sources"] for _ in range(length)]
    rows = zip(stamps, days["impressions"], days["engagements"], days["new_followers"],
               strict=True)
    start = _day(days["start"])
    return PostAnalytics(
        tuple(PostDay(start + dt.timedelta(days=n), impressions, engagements, followers, stamp)
              for n, (stamp, impressions, engagements, followers) in enumerate(rows)),
        snapshots,
        tuple(SinglePost(p["url"], _day(p["published"]), p["published_time"], p["metrics"],
                         _shares(p["viewers"]), _utc(p["created"]), p["kind"])
              for p in record["posts"]))


def expected_facts(record: Data, company: str, title: str) -> RelationshipFacts:
    """v8's facts: the export's company and position are the person's unless written."""
    dates = {name: _or_none(record.get(name), _day)
             for name in ("connected_on", "invited_on", "last_contact")}
    return RelationshipFacts(
        _day(record["as_of"]), record.get("link", "none"), **dates,
        messages_sent=record.get("sent", 0), messages_received=record.get("received", 0),
        started_by_member=record.get("started_by_me"), replied=record.get("replied"),
        company=record.get("company", company), position=record.get("position", title))


def expected_person(record: Data, account_company: str) -> Stakeholder:
    """v8's person: a profile is the slug of a linkedin.com/in/ URL; the company is the
    account's unless written."""
    company, title = record.get("company", account_company), record.get("title", "")
    url = PROFILE_URL + record["profile"] if "profile" in record else record.get("url", "")
    return Stakeholder(
        record["name"], record.get("role", "other"), record.get("stance", "unknown"),
        record.get("influence", "low"), url, title, company, record.get("note", ""),
        _or_none(record.get("facts"), lambda f: expected_facts(f, company, title)),
        record.get("moved_to", ""))


def expected_account(record: Data) -> Account:
    return Account(
        record["company"], record.get("status", "prospect"), record.get("value"),
        _or_none(record.get("closes_on"), _day), record.get("note", ""),
        tuple(expected_person(p, record["company"]) for p in record.get("people", [])),
        _or_none(record.get("added_on"), _day))


def expected_document(data: Data) -> Document:
    """The Document the file describes; fields its version did not have keep their defaults."""
    return Document(
        checkins=expected_checkins(data["checkins"]),
        people=tuple(map(expected_person_kept, data.get("people", []))),
        weeks=expected_weeks(data.get("weeks", [])),
        checklist=_or_none(data.get("checklist"), lambda c: Checklist(
            c["items"], _or_none(c.get("updated_on"), _day))),
        plan=_or_none(data.get("plan"), lambda p: WeeklyPlan(p["weekly"])),
        goal=_or_none(data.get("goal"), lambda g: Goal(float(g["target"]), _day(g["by"]))),
        imported=expected_weeks(data.get("imported", [])),
        week_sources={_day(day): source for day, source in data.get("week_sources", {}).items()},
        network=_or_none(data.get("network"), expected_network),
        imported_on=_or_none(data.get("imported_on"), _day),
        held_fit=_or_none(data.get("held_fit"), expected_held_fit),
        posts=expected_posts(data["posts"]) if "posts" in data else PostAnalytics(),
        accounts=tuple(map(expected_account, data.get("accounts", []))),
        team_target=_or_none(data.get("team_target"), expected_target),
    )


# ---- the set of frozen files ----------------------------------------------------------------

def test_every_schema_version_ever_shipped_has_a_frozen_document() -> None:
    found = sorted(p.name for p in FROZEN.glob("*.json"))
    wanted = sorted(f"v{n}.json" for n in VERSIONS)
    assert found == wanted, (
        f"schema version is {schema_version()}: tests/fixtures/documents needs exactly "
        f"{wanted} (a new migration needs a new frozen file, written by hand)")


def test_shipped_migrations_keep_their_names_and_order() -> None:
    assert tuple(m.name for m in MIGRATIONS[:len(SHIPPED)]) == SHIPPED


@each_version
def test_each_frozen_document_uses_every_field_its_version_had(version: int) -> None:
    _, data = frozen(version)
    if version == 0:
        assert set(data) == {"checkins"}, "v0 predates schema_version: only check-ins"
    else:
        assert data["schema_version"] == version
        fields_of_version = migrate({}, MIGRATIONS[:version])[0]
        assert set(data) == set(fields_of_version)
    empty = sorted(key for key, value in data.items() if value in (None, [], {}))
    assert empty == [], f"v{version}.json leaves {empty} empty: use every field"

    own = data["checkins"]
    assert len(own) >= 3
    assert any(set(r) == {"date", *PILLAR_KEYS} for r in own), "one check-in with no options"
    checkin_fields = [name for since, names in CHECKIN_FIELDS_SINCE.items() if since <= version
                      for name in names]
    for name in checkin_fields:
        assert any(name in r for r in own), f"no check-in in v{version}.json has {name}"
    kept = {name for person in data.get("people", []) for r in person_checkins(person)
            for name in r}
    assert set().union(*own, kept) <= {"date", *PILLAR_KEYS, *checkin_fields}, "unknown fields"
    assert any(not r.get("note", "").isascii() for r in own), "a note with non-ASCII text"
    for person in data.get("people", []):
        assert len(person_checkins(person)) >= 2
    for log in (*data.get("weeks", []), *data.get("imported", [])):
        assert len(log["counts"]) >= 5, f"the week of {log['week']} logs too few measures"
    both = ({w["week"] for w in data.get("weeks", [])}
            & {w["week"] for w in data.get("imported", [])})
    assert set(data.get("week_sources", {})) <= both, "a source is chosen only where both logged"
    if "held_fit" in data:  # a fit the app would hold: made for these very check-ins
        assert data["held_fit"]["fitted_on"] == [[r["date"], *(r[k] for k in PILLAR_KEYS)]
                                                 for r in own]
    if "posts" in data:
        _uses_every_post_field(data["posts"])
    if "accounts" in data:
        _uses_every_account_field(data["accounts"])
    if "team_target" in data:
        _uses_every_team_field(data)


def _uses_every_post_field(posts: Data) -> None:
    """Days from two overlapping exports, every snapshot field, a single post with every
    field; activity ids and a URL kept as it is; percentages, and "below 1 %" as null."""
    assert set(posts) == {"days", "snapshots", "posts"}
    assert len(posts["snapshots"]) >= 2 and len(posts["days"]["sources"]) >= 2
    assert None in posts["days"]["new_followers"] and min(posts["days"]["engagements"]) < 0
    assert set().union(*posts["snapshots"]) == {"window", "impressions", "members_reached",
                                                "followers_total", "top_posts", "audience",
                                                "content_audience"}
    keys = [row[0] for s in posts["snapshots"] for row in s.get("top_posts", [])]
    assert any(k.isdigit() for k in keys) and any(k.startswith("https://") for k in keys)
    assert any(row[3] is None for s in posts["snapshots"] for row in s["top_posts"])
    shares = [row for s in posts["snapshots"] for row in s.get("audience", [])]
    assert any(row[2] is None for row in shares) and any(row[2] for row in shares)
    (post,) = posts["posts"]
    assert set(post) == {"url", "published", "published_time", "metrics", "viewers",
                         "created", "kind"}
    assert set(post["metrics"]) < set(POST_METRIC_KEYS), "only the figures the workbook had"


def _uses_every_account_field(accounts: list[Data]) -> None:
    """Two accounts, one with every field and one with only what differs from the defaults;
    people with and without facts, a profile slug and a URL kept as it is, someone typed in
    with no URL, a person at another company than the account's, one who moved, and facts
    whose company and position differ from what the member typed."""
    assert len(accounts) == 2
    assert set().union(*accounts) == {"company", "status", "value", "closes_on", "added_on",
                                      "note", "people"}
    assert any(set(a) == {"company", "added_on", "people"} for a in accounts)
    people = [p for a in accounts for p in a["people"]]
    assert set().union(*people) == {"name", "role", "stance", "influence", "profile", "url",
                                    "title", "company", "note", "facts", "moved_to"}
    assert any("facts" not in p for p in people) and any("moved_to" in p for p in people)
    assert any(not ({"profile", "url"} & set(p)) for p in people), "someone typed in"
    facts = [p["facts"] for p in people if "facts" in p]
    assert set().union(*facts) == {"as_of", "link", "connected_on", "invited_on", "sent",
                                   "received", "last_contact", "started_by_me", "replied",
                                   "company", "position"}
    assert {f.get("link", "none") for f in facts} == set(LINKS)
    assert any(f.get("replied") is False for f in facts)


def _uses_every_team_field(data: Data) -> None:
    """v9: people with check-ins as columns, a target with every field and one with a total
    only, tags (with and without a kind), a year's shared activity with a skipped week and
    a measure not logged every week; the team's own target."""
    people = data["people"]
    assert all(isinstance(p["checkins"], dict) for p in people)
    assert set().union(*people) == {"name", "saved_on", "checkins", "target", "tags",
                                    "activity"}
    targets = [p["target"] for p in people]
    assert set().union(*targets) == {"by", "total", "pillars", "set_on"}
    assert any(set(t) == {"by", "total"} for t in targets)
    tags = [t for p in people for t in p["tags"]]
    assert any(":" in t for t in tags) and any(":" not in t for t in tags)
    (activity,) = [p["activity"] for p in people if "activity" in p]
    assert any(gap > 1 for gap in activity["weeks"][1:])
    assert any(None in column for column in activity["counts"].values())
    assert set(data["team_target"]) == {"by", "total", "pillars", "set_on"}


# ---- decoding and round trips ---------------------------------------------------------------

@each_version
def test_each_frozen_document_migrates_to_the_current_version(version: int) -> None:
    text, data = frozen(version)
    assert migrate(data)[0]["schema_version"] == schema_version()
    document, applied = decode(text)
    assert applied == names_applied_from(version)
    assert applied[:max(len(SHIPPED) - version, 0)] == list(SHIPPED[version:])
    assert json.loads(encode(document))["schema_version"] == schema_version()


@each_version
def test_each_frozen_document_keeps_everything_it_held(version: int) -> None:
    text, data = frozen(version)
    document, _ = decode(text)
    expected = expected_document(data)
    for field in dataclasses.fields(Document):
        assert getattr(document, field.name) == getattr(expected, field.name), field.name
    assert document == expected


@each_version
def test_each_migrated_document_round_trips_and_encodes_stably(version: int) -> None:
    document, _ = decode(frozen(version)[0])
    text = encode(document)
    again, applied = decode(text)
    assert applied == []
    assert again == document
    assert encode(again) == text


def test_the_newest_frozen_document_is_exactly_what_the_app_writes_today() -> None:
    text, _ = frozen(schema_version())
    assert encode(decode(text)[0]) == text


def test_a_frozen_held_fit_is_what_the_coach_shows_while_its_checkins_stand() -> None:
    document, _ = decode(frozen(5)[0])
    assert document.held_fit is not None
    assert with_fit_held(document) is document, "nothing to refit, nothing to save"
    shown = coach_view(document, dt.date(2026, 11, 22)).calibration
    assert shown == document.held_fit.calibration
    assert [key for key in PILLAR_KEYS if shown.uses(key)] == ["brand", "people", "relationships"]


def test_a_frozen_v6_document_holds_peers_statuses_and_events_as_the_model_reads_them() -> None:
    document, _ = decode(frozen(6)[0])
    newest = document.checkins[-1]
    industry, network = PEER_GROUPS
    assert newest.peers(industry) == PeerAverages(7.56, 6.18, 5.02, 6.25)
    assert newest.peers(industry).total == newest.industry_average  # type: ignore[union-attr]
    assert newest.status(network) == "No change in the last week"
    assert newest.events == ("job_change", "campaign")
    assert document.checkins[0].peers(industry) is None and document.checkins[0].events == ()


def test_an_ssi_coach_before_v6_refuses_a_v6_document_rather_than_drop_its_peers() -> None:
    with pytest.raises(NewerSchemaVersion):
        decode(frozen(6)[0], MIGRATIONS[:5])


def test_a_frozen_v7_document_holds_post_analytics_as_the_model_reads_them() -> None:
    posts = decode(frozen(7)[0])[0].posts
    older, newer = posts.snapshots
    assert posts.latest() is newer
    assert (posts.days[0].day, posts.days[-1].day) == (dt.date(2026, 10, 6), dt.date(2026, 11, 14))
    assert len(posts.days) == 40
    # The newer export gives every day it covers; the older one only the days before it.
    assert {d.day for d in posts.days if d.source == older.stamp} == {
        dt.date(2026, 10, 6) + dt.timedelta(days=n) for n in range(10)}
    assert [d.day for d in posts.days if d.partial] == [dt.date(2026, 11, 14)]
    assert newer.stamp.created == dt.datetime(2026, 11, 14, 0, 47, 12, tzinfo=dt.UTC)
    assert older.top_posts[0].url == ACTIVITY_URL + "7518612088687689728"
    assert newer.top_posts[-1].url.endswith("urn:li:ugcPost:7521043377201545216")
    assert older.top_posts[-1].engagements is None and newer.top_posts[-1].impressions is None
    assert older.audience[-1].below_one and round(older.audience[0].percent or 0, 2) == 6.81
    (post,) = posts.posts
    assert post.metric("comments") == 31 and post.metric("link_engagements") is None
    assert sum(d.impressions for d in posts.days if d.source == newer.stamp) == newer.impressions


def test_an_ssi_coach_before_v7_refuses_a_v7_document_rather_than_drop_its_posts() -> None:
    with pytest.raises(NewerSchemaVersion):
        decode(frozen(7)[0], MIGRATIONS[:6])


def test_a_frozen_v8_document_holds_accounts_as_the_model_reads_them() -> None:
    northwind, tokyo = decode(frozen(8)[0])[0].accounts
    assert (northwind.status, northwind.value, northwind.closes_on) == (
        "active", 48000, dt.date(2027, 3, 31))
    assert (tokyo.status, tokyo.value, tokyo.note) == ("prospect", None, "")
    ana, matthias, kai, lea = northwind.people
    assert ana.role == "champion" and ana.profile_url == PROFILE_URL + "ana-souza-7b21a3"
    assert ana.facts is not None and ana.facts.days_since_contact(dt.date(2026, 11, 27)) == 30
    assert ana.facts.company == "Northwind Logistics" and ana.company == "Northwind Logistics"
    assert matthias.facts is not None and matthias.facts.invited_on == dt.date(2026, 11, 2)
    assert kai.moved and kai.company == "Northwind Logistics" and kai.facts is not None
    assert (kai.facts.company, kai.facts.position, kai.facts.replied) == ("Initech", "CISO", False)
    assert kai.profile_url.endswith("?originalSubdomain=se")
    assert (lea.facts, lea.profile_url, lea.key) == (None, "", "name:léa martin")
    yuki, priya = tokyo.people
    assert yuki.company == "Tokyo Robotics" and priya.company == "東京 Robotics K.K."
    assert priya.facts is not None and (priya.facts.link, priya.facts.company) == ("none", "")


def test_an_ssi_coach_before_v8_refuses_a_v8_document_rather_than_drop_its_accounts() -> None:
    with pytest.raises(NewerSchemaVersion):
        decode(frozen(8)[0], MIGRATIONS[:7])


def test_a_frozen_v9_document_holds_the_team_as_the_model_reads_them() -> None:
    document = decode(frozen(9)[0])[0]
    zoe, shared = document.people
    assert zoe.target == Target(dt.date(2027, 6, 30), 70, {"brand": 20, "insights": 17.5},
                                dt.date(2026, 9, 20))
    assert zoe.tags == ("region: EMEA", "Executives") and shared.tags == ("Team North",)
    assert [w.week for w in zoe.activity] == [dt.date(2026, 8, 31), dt.date(2026, 9, 7),
                                              dt.date(2026, 9, 21)]
    assert zoe.activity[1].counts == {"posts": 1, "comments_written": 9, "requests_sent": 30,
                                      "messages_sent": 12, "replies_received": 4, "meetings": 2}
    assert zoe.checkins[1].network_peers == PeerAverages(9.5, 7.82, 6.64, 6.05)
    assert zoe.checkins[0].network_peers is None and zoe.checkins[1].note == ""
    assert shared.checkins[1].network_average == 27.75 and shared.checkins[0].industry_average \
        is None
    assert document.team_target is not None and document.team_target.total == 65


def test_a_v8_documents_people_are_stored_as_columns_at_the_next_save() -> None:
    document = decode(frozen(8)[0])[0]
    stored = json.loads(encode(document))["people"]
    assert [p["checkins"]["brand"] for p in stored] == [[15200, 15600], [9100, 9440]]
    assert decode(encode(document))[0].people == document.people


def test_an_ssi_coach_before_v9_refuses_a_v9_document_rather_than_drop_the_team() -> None:
    with pytest.raises(NewerSchemaVersion):
        decode(frozen(9)[0], MIGRATIONS[:8])


# ---- loading through the Store --------------------------------------------------------------

@each_version
def test_loading_keeps_the_old_text_and_leaves_the_document_until_a_save(version: int) -> None:
    text, data = frozen(version)
    backend = MemoryStorage({DOCUMENT_KEY: text})
    store = Store(backend)

    loaded = store.load()

    assert loaded.problem is None and loaded.recovered is None
    assert loaded.migrated == tuple(names_applied_from(version))
    assert loaded.document == expected_document(data)
    copy_key = f"ssi-coach.before-v{version}"
    if loaded.migrated:
        assert backend.items == {DOCUMENT_KEY: text, copy_key: text}
    else:
        assert backend.items == {DOCUMENT_KEY: text}

    store.save(loaded.document)

    assert backend.get(DOCUMENT_KEY) == encode(loaded.document)
    assert backend.get(LAST_GOOD_KEY) == encode(loaded.document)
    assert backend.get(copy_key) == (text if loaded.migrated else None)
    reloaded = Store(backend).load()
    assert reloaded.migrated == () and reloaded.document == loaded.document


# ---- a migration that fails -----------------------------------------------------------------

@each_version
@pytest.mark.parametrize("last_good", [False, True], ids=["alone", "with-last-good-copy"])
def test_a_migration_that_refuses_the_document_leaves_the_text_as_it_was(
        version: int, last_good: bool) -> None:
    text, _ = frozen(version)
    seen: list[Data] = []

    def refuse(data: Data) -> Data:
        seen.append(data)
        raise InvalidRecord("Migration 9999 cannot read this document.")

    items = {DOCUMENT_KEY: text, **({LAST_GOOD_KEY: text} if last_good else {})}
    backend = MemoryStorage(items)
    store = Store(backend, migrations=(*MIGRATIONS, Migration("9999_refuses", refuse)))

    loaded = store.load()

    assert seen and seen[-1]["schema_version"] == schema_version(), "runs after the real ones"
    assert isinstance(loaded.problem, InvalidRecord)
    assert "Migration 9999" in str(loaded.problem)
    assert (loaded.document, loaded.raw, loaded.migrated) == (Document(), text, ())
    assert backend.items == items, "no copy, no rewrite: the stored text is as it was"
    with pytest.raises(DocumentError, match="set it aside"):
        store.save(expected_document(frozen(version)[1]))
    assert backend.items == items


@each_version
def test_a_migration_that_crashes_is_reported_and_leaves_the_text_as_it_was(
        version: int) -> None:
    # Any exception from a migration (here the KeyError of one expecting a field) is
    # reported as unreadable data: saving is blocked and the stored text stays as it was.
    text, _ = frozen(version)

    def crash(data: Data) -> Data:
        data["checkins"] = data.pop("entries")
        return data

    backend = MemoryStorage({DOCUMENT_KEY: text})
    store = Store(backend, migrations=(*MIGRATIONS, Migration("9999_crashes", crash)))

    loaded = store.load()

    assert loaded.problem is not None and "KeyError" in str(loaded.problem)
    assert backend.items == {DOCUMENT_KEY: text}
    with pytest.raises(DocumentError, match="set it aside"):
        store.save(Document())
    assert backend.items == {DOCUMENT_KEY: text}
