"""Target accounts in storage (schema 8): the compact form, refusing damaged data, the size
of 50 accounts, backups, never in a share link, two tabs, and forgetting an account."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import re
import zlib
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shell import views
from ssi_coach.errors import CorruptDocument, InvalidRecord
from ssi_coach.exporters.share import build_report, report_from_link, share_link
from ssi_coach.model import (
    MAX_NAME,
    MAX_NOTE,
    Account,
    CheckIn,
    Document,
    RelationshipFacts,
    Stakeholder,
)
from ssi_coach.storage import DOCUMENT_KEY, MemoryStorage, Store, decode, encode
from ssi_coach.storage.accounts_codec import SIZE_BUDGET
from ssi_coach.storage.backup import backup_text, read_backup, with_backup_accounts
from ssi_coach.storage.concurrent import Conflict

from .conftest import checkin
from .strategies import (
    PROFILE_URL,
    account_lists,
    accounts,
    checkins,
    in_date_order,
    relationship_facts,
)

LAST_GOOD = DOCUMENT_KEY + ".last-good"


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


ANA_FACTS = RelationshipFacts(
    day("2026-11-14"), "connected", connected_on=day("2022-05-17"), messages_sent=14,
    messages_received=11, last_contact=day("2026-10-28"), started_by_member=True, replied=True,
    company="Northwind", position="Head of Operations")
ANA = Stakeholder(
    "Ana Souza", "champion", "supports", "high", PROFILE_URL + "ana-souza-7b21a3",
    "Head of Operations", "Northwind", "Wants a pilot before summer.", ANA_FACTS)
KAI = Stakeholder(
    "Kai Berg", "blocker", "opposes", profile_url="https://example.com/kai", title="IT lead",
    company="Northwind",
    facts=RelationshipFacts(day("2026-11-14"), "connected", messages_sent=2,
                            started_by_member=True, replied=False, company="Initech",
                            position="CISO"),
    moved_to="Initech")
LEA = Stakeholder("Léa Martin", "evaluator", company="Globex")  # typed in, another company
NORTHWIND = Account("Northwind", "active", 48000, day("2027-03-31"), "Lyon pilot",
                    (ANA, KAI, LEA), day("2026-10-05"))
# NORTHWIND as stored, written out by hand from the format in accounts_codec.py's docstring.
NORTHWIND_DATA: dict[str, Any] = {
    "company": "Northwind", "status": "active", "value": 48000, "closes_on": "2027-03-31",
    "added_on": "2026-10-05", "note": "Lyon pilot",
    "people": [
        {"name": "Ana Souza", "role": "champion", "stance": "supports", "influence": "high",
         "profile": "ana-souza-7b21a3", "title": "Head of Operations",
         "note": "Wants a pilot before summer.",
         "facts": {"as_of": "2026-11-14", "link": "connected", "connected_on": "2022-05-17",
                   "sent": 14, "received": 11, "last_contact": "2026-10-28",
                   "started_by_me": True, "replied": True}},
        {"name": "Kai Berg", "role": "blocker", "stance": "opposes",
         "url": "https://example.com/kai", "title": "IT lead",
         "facts": {"as_of": "2026-11-14", "link": "connected", "sent": 2,
                   "started_by_me": True, "replied": False, "company": "Initech",
                   "position": "CISO"},
         "moved_to": "Initech"},
        {"name": "Léa Martin", "role": "evaluator", "company": "Globex"},
    ],
}


def stored(*accounts: Account) -> Any:
    return json.loads(encode(Document(accounts=accounts)))["accounts"]


def load(accounts_data: Any) -> Document:
    data = json.loads(encode(Document()))
    data["accounts"] = accounts_data
    return decode(json.dumps(data))[0]


# ---- the compact form ---------------------------------------------------------------------

def test_accounts_are_stored_as_plain_records_with_only_what_differs_from_the_defaults() -> None:
    assert stored(NORTHWIND) == [NORTHWIND_DATA]
    assert load([NORTHWIND_DATA]).accounts == (NORTHWIND,)


def test_an_account_and_a_person_left_at_their_defaults_are_a_name_each() -> None:
    bare = Account("Acme", people=(Stakeholder("Jo", company="Acme"),))
    assert stored(bare) == [{"company": "Acme", "people": [{"name": "Jo"}]}]
    assert stored() == []
    assert load(None).accounts == load([]).accounts == ()


def test_a_v7_document_gains_no_accounts() -> None:
    raw = json.dumps({"schema_version": 7, "checkins": []})
    loaded = Store(MemoryStorage({DOCUMENT_KEY: raw})).load()
    assert loaded.migrated == ("0008_add_accounts", "0009_add_team")
    assert loaded.document.accounts == ()


@given(account_lists(max_size=4))
def test_any_accounts_round_trip_exactly_and_encode_stably(found: tuple[Account, ...]) -> None:
    text = encode(Document(accounts=found))
    again = decode(text)[0]
    assert again.accounts == found
    assert encode(again) == text


# ---- damaged data -------------------------------------------------------------------------

def _person(**changes: Any) -> dict[str, Any]:
    return {**NORTHWIND_DATA["people"][0], **changes}


def _facts(**changes: Any) -> dict[str, Any]:
    return _person(facts={**NORTHWIND_DATA["people"][0]["facts"], **changes})


def _with_people(*people: dict[str, Any]) -> list[dict[str, Any]]:
    return [{**NORTHWIND_DATA, "people": list(people)}]


@pytest.mark.parametrize(("accounts_data", "says"), [
    ({"company": "Acme"}, "not a list"),
    ([{"company": "  "}], "Account 1 is not a record with a company name"),
    ([{**NORTHWIND_DATA, "status": "maybe"}], "'maybe' is not an account status"),
    ([{**NORTHWIND_DATA, "closes_on": "31/03/2027"}], "the close date is not a date"),
    ([{**NORTHWIND_DATA, "added_on": "2026-02-30"}], "added is not a date"),
    ([{**NORTHWIND_DATA, "value": -1}], "value must be a number of 0 or more"),
    ([{**NORTHWIND_DATA, "value": "48k"}], "value must be a number"),
    ([{**NORTHWIND_DATA, "owner": "me"}], "unknown field “owner”"),
    ([{**NORTHWIND_DATA, "company": "N" * (MAX_NAME + 1)}], "longer than 120 characters"),
    ([{**NORTHWIND_DATA, "note": "n" * (MAX_NOTE + 1)}], "the note is longer than 500"),
    ([NORTHWIND_DATA, {"company": " NORTHWIND "}], "Account 2 ( NORTHWIND ) is there twice"),
    (_with_people(_person(role="boss")), "Ana Souza): 'boss' is not a role"),
    (_with_people(_person(stance="hostile")), "'hostile' is not a stance"),
    (_with_people(_person(influence="medium")), "'medium' is not an influence"),
    (_with_people(_person(name="")), "person 1 is not a record with a name"),
    (_with_people(_person(title="t" * (MAX_NAME + 1))), "the title is longer than 120"),
    (_with_people(_person(note="n" * (MAX_NOTE + 1))), "the note is longer than 500"),
    (_with_people(_person(url="https://x")), "has both a profile and a URL"),
    (_with_people(_person(profile="ana/posts")), "not a profile's name"),
    (_with_people(_person(), _person(name="Ana S.")), "person 2 (Ana S.) is there twice"),
    (_with_people({"name": "Jo"}, {"name": " jo "}), "person 2 ( jo ) is there twice"),
    (_with_people(_facts(link="friends")), "'friends' is not a link"),
    (_with_people(_facts(sent=-3)), "sent must be a whole number of 0 or more"),
    (_with_people(_facts(received=2.5)), "received must be a whole number"),
    (_with_people(_facts(last_contact="yesterday")), "last_contact is not a date"),
    (_with_people(_facts(replied="yes")), "replied must be true or false"),
    (_with_people(_facts(as_of=None)), "as_of is not a date"),
    (_with_people(_person(facts={"link": "connected"})), "have no export date"),
    (_with_people(_facts(position="p" * (MAX_NAME + 1))), "the position is longer than 120"),
])
def test_damaged_accounts_are_refused_with_a_reason(accounts_data: Any, says: str) -> None:
    with pytest.raises(CorruptDocument, match=re.escape(says)):
        load(accounts_data)


def test_a_stored_document_with_damaged_accounts_is_reported_and_left_as_it_was() -> None:
    data = json.loads(encode(Document((checkin(),))))
    data["accounts"] = _with_people(_person(role="boss"))
    raw = json.dumps(data)
    backend = MemoryStorage({DOCUMENT_KEY: raw})
    loaded = Store(backend).load()
    assert isinstance(loaded.problem, CorruptDocument) and "Ana Souza" in str(loaded.problem)
    assert backend.items == {DOCUMENT_KEY: raw}


@pytest.mark.parametrize("change", [
    {"note": "n" * (MAX_NOTE + 1)}, {"company": "c" * (MAX_NAME + 1)},
    {"people": (replace(ANA, title="t" * (MAX_NAME + 1)),)},
    {"people": (replace(ANA, facts=replace(ANA_FACTS, position="p" * (MAX_NAME + 1))),)},
    {"value": float("nan")},
])
def test_what_a_load_would_refuse_is_never_saved(change: dict[str, Any]) -> None:
    backend = MemoryStorage()
    store = Store(backend)
    store.save(Document(accounts=(NORTHWIND,)))
    before = dict(backend.items)
    with pytest.raises(InvalidRecord, match=r"^The account "):
        store.save(Document(accounts=(replace(NORTHWIND, **change),)))
    assert backend.items == before


# ---- size ---------------------------------------------------------------------------------

FIRST = ("Ana", "Matthias", "Yuki", "Priya", "Kai", "Léa", "Oluwaseun", "Margarethe", "José",
         "Siobhán", "Wei", "Aleksandra", "Mohammed", "Ingrid", "Rafael", "Chiara")
LAST = ("Souza", "Krüger", "Tanaka", "Raman", "Berg", "Martin", "Adeyemi", "Lindqvist-Berg",
        "García Márquez", "O'Sullivan", "Zhang", "Wiśniewska", "Al-Farsi", "Johansen")
TITLES = ("Chief Financial Officer", "Head of Operations", "VP Engineering, Platform",
          "IT Security Lead", "Procurement Manager EMEA", "Director of Supply Chain",
          "Senior Data Engineer", "Chief Executive Officer")
COMPANIES = ("Northwind Logistics", "Contoso Pharmaceuticals", "Globex Corporation",
             "Initech Financial Services", "東京 Robotics K.K.", "Umbrella Health GmbH")
WORDS = ("pilot", "budget", "security", "review", "intro", "champion", "Q1", "renewal",
         "benchmark", "procurement", "met", "VivaTech", "case", "study", "asked", "for")


def realistic_accounts(count: int = 50, people: int = 10, seed: int = 17,
                       ) -> tuple[Account, ...]:
    """`count` accounts of `people` people: real-looking names, titles and profile URLs,
    notes of about 80 characters, and facts from an export for most of them."""
    rng = random.Random(seed)

    def note() -> str:
        words: list[str] = []
        while len(" ".join(words)) < 80:
            words.append(rng.choice(WORDS))
        return " ".join(words)[:80]

    def facts(company: str, title: str) -> RelationshipFacts:
        sent = rng.randrange(40)
        return RelationshipFacts(
            day("2026-11-14"), "connected", connected_on=day("2018-01-01") + dt.timedelta(
                days=rng.randrange(3000)),
            messages_sent=sent, messages_received=rng.randrange(40),
            last_contact=day("2026-01-01") + dt.timedelta(days=rng.randrange(300)),
            started_by_member=rng.random() < 0.7, replied=sent > 0 and rng.random() < 0.8,
            company=company, position=title)

    found = []
    for n in range(count):
        company = f"{rng.choice(COMPANIES)} {n}"
        mapped = []
        for k in range(people):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            title = rng.choice(TITLES)
            slug = f"{name.lower().replace(' ', '-')}-{rng.randrange(16**6):06x}"
            mapped.append(Stakeholder(
                f"{name} {k}", rng.choice(("champion", "decision_maker", "blocker",
                                           "influencer", "evaluator", "user", "other")),
                rng.choice(("supports", "neutral", "opposes", "unknown")),
                rng.choice(("high", "low")), PROFILE_URL + slug, title, company, note(),
                facts(company, title) if rng.random() < 0.9 else None))
        found.append(Account(company, "active", 25_000.0 + n * 1000, day("2027-03-31"),
                             note(), tuple(mapped), day("2026-10-01")))
    return tuple(found)


def test_fifty_accounts_of_ten_people_stay_within_the_budget(report_figure: Any) -> None:
    found = realistic_accounts()
    document = Document(accounts=found)
    size = len(encode(document)) - len(encode(Document()))
    backup = len(backup_text(document).encode()) - len(backup_text(Document()).encode())
    report_figure(f"accounts stored, 50 accounts x 10 people (notes ~80 characters, facts for "
                  f"~90 %): {size / 1000:.1f} kB; budget {SIZE_BUDGET / 1000:.0f} kB; "
                  f"in a backup file {backup / 1000:.1f} kB")
    assert size <= SIZE_BUDGET
    assert decode(encode(document))[0].accounts == found


# ---- backups ------------------------------------------------------------------------------

@given(account_lists(max_size=3))
def test_accounts_round_trip_through_a_backup_and_a_restore(found: tuple[Account, ...]) -> None:
    document = Document((checkin("2026-10-01"),), accounts=found)
    backup = read_backup(backup_text(document).encode("utf-8"))
    assert backup.accounts == found

    backend = MemoryStorage()
    store = Store(backend)
    store.save(Document((checkin("2026-11-01"),)))
    store.replace_keeping_copy(backup)
    assert Store(backend).load().document == document


def test_merging_a_backup_adds_its_accounts_and_keeps_yours_for_the_same_company() -> None:
    mine = replace(NORTHWIND, status="won", people=(ANA,))
    acme = Account("Acme", people=(Stakeholder("Jo", company="Acme"),))
    current = Document(accounts=(mine,))
    backup = Document(accounts=(acme, replace(NORTHWIND, company="NORTHWIND ")))

    merged = with_backup_accounts(current, backup)

    assert merged.document.accounts == (mine, acme)
    assert merged.added == ("Acme",) and merged.kept == ("Northwind",)
    said = views.accounts_merged(merged)
    assert "added from the backup: Acme" in said and "Kept your own Northwind" in said


def test_merging_a_backup_without_new_accounts_changes_nothing() -> None:
    current = Document(accounts=(NORTHWIND,))
    assert with_backup_accounts(current, Document()).document is current
    same = with_backup_accounts(current, current)
    assert same.document is current and (same.added, same.kept) == ((), ())
    assert views.accounts_merged(same) == ""


def test_the_restore_preview_says_how_many_accounts_and_people_the_backup_holds() -> None:
    three = (NORTHWIND, Account("Acme", people=realistic_accounts(1, 6)[0].people),
             Account("Globex", people=realistic_accounts(1, 5, seed=3)[0].people))
    said = str(views.backup_summary(Document(accounts=three), Document()))
    assert "includes 3 accounts with 14 people; merging adds them to yours" in said
    said = str(views.backup_summary(Document(accounts=three),
                                    Document(accounts=(Account("acme"),))))
    assert "Acme is already here: merging keeps yours as it is and adds the other 2 " in said
    assert "account" not in str(views.backup_summary(Document(), Document()))


# ---- share links --------------------------------------------------------------------------

def _tagged(prefix: str) -> st.SearchStrategy[str]:
    """Text no report could hold by chance: a prefix and 32 hex digits."""
    return st.uuids().map(lambda u: f"{prefix}{u.hex}")


@st.composite
def _distinct_people(draw: st.DrawFn, company: str) -> Stakeholder:
    facts = draw(st.none() | relationship_facts)
    if facts is not None:
        facts = replace(facts, company=draw(_tagged("fco")), position=draw(_tagged("fpo")))
    return Stakeholder(
        draw(_tagged("name")), profile_url=PROFILE_URL + draw(_tagged("slug")),
        title=draw(_tagged("title")), company=draw(st.just(company) | _tagged("co")),
        note=draw(_tagged("note")), facts=facts, moved_to=draw(st.just("") | _tagged("moved")))


distinct_accounts = st.lists(
    accounts(company=_tagged("company"), person=_distinct_people), min_size=1, max_size=3,
    unique_by=lambda a: a.key).map(
        lambda found: tuple(replace(a, note=f"anote{n}{a.company}") for n, a in enumerate(found)))


def _secrets(found: tuple[Account, ...]) -> set[str]:
    texts = {a.company for a in found} | {a.note for a in found}
    for person in (p for a in found for p in a.people):
        texts |= {person.name, person.profile_url, person.profile_url.removeprefix(PROFILE_URL),
                  person.title, person.company, person.note, person.moved_to}
        if person.facts is not None:
            texts |= {person.facts.company, person.facts.position}
    return texts - {""}


def _inside(link: str) -> str:
    """The JSON a share link carries, unpacked: what anyone with the link can read."""
    body = link.split("#report=", 1)[1].split(".", 1)[1]
    return zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))[4:]).decode()


@given(st.lists(checkins(), min_size=1, max_size=6, unique_by=lambda c: c.on).map(in_date_order),
       distinct_accounts, st.booleans())
def test_a_share_link_never_holds_anything_of_the_accounts(
        own: tuple[CheckIn, ...], found: tuple[Account, ...], everything: bool) -> None:
    document = Document(own, accounts=found)
    report = build_report(document, last=len(own), include_notes=everything,
                          include_industry=everything, include_peers=everything,
                          include_activity=everything, name="Ada",
                          created=day("2026-11-22"))
    link = share_link("https://example.org/ssi/", report)
    inside = _inside(link)
    for secret in _secrets(found):
        assert secret not in link and secret not in inside
    opened = report_from_link(link)
    assert opened == report and set(vars(opened)) == {"name", "created", "checkins",
                                                      "activity"}
    assert not [secret for secret in _secrets(found) if secret in repr(opened)]


# ---- two tabs -----------------------------------------------------------------------------

ACME = Account("Acme Corp", people=(Stakeholder("Jo Bloggs", "champion", company="Acme Corp"),))


def two_tabs(start: Document) -> tuple[MemoryStorage, Store, Store]:
    backend = MemoryStorage()
    first, second = Store(backend), Store(backend)
    first.save(start)
    second.load()
    return backend, first, second


def test_an_account_only_one_tab_changed_takes_that_tabs_version() -> None:
    start = Document(accounts=(NORTHWIND, ACME))
    backend, first, second = two_tabs(start)
    won = replace(NORTHWIND, status="won")
    first.save(start.with_account(won, replacing=won.key))
    more = ACME.with_person(Stakeholder("Kim Lee", "decision_maker", company="Acme Corp"))

    saved = second.save(start.with_account(more, replacing=more.key))

    assert saved.merged and saved.conflicts == ()
    assert saved.document.accounts == (won, more)
    assert Store(backend).load().document.accounts == (won, more)


def test_an_account_both_tabs_changed_is_this_tabs_and_named_in_the_conflict() -> None:
    start = Document(accounts=(ACME,))
    _, first, second = two_tabs(start)
    first.save(start.with_account(replace(ACME, status="lost"), replacing=ACME.key))
    mine = replace(ACME, company="ACME Corp", status="won")

    saved = second.save(start.with_account(mine, replacing=ACME.key))

    assert saved.document.accounts == (mine,)
    assert saved.conflicts == (Conflict("accounts", "ACME Corp"),)
    assert "the account ACME Corp" in views.merged_note(saved.conflicts)


@pytest.mark.parametrize("forgets_first", [True, False])
def test_an_account_forgotten_in_one_tab_and_untouched_in_the_other_stays_forgotten(
        forgets_first: bool) -> None:
    start = Document((checkin("2026-10-01"),), accounts=(NORTHWIND, ACME))
    backend, first, second = two_tabs(start)
    forgetting, other = (first, second) if forgets_first else (second, first)
    if forgets_first:
        forgetting.save(start.without_account(ACME.key))
        saved = other.save(start.put(checkin("2026-11-01")))
    else:
        other.save(start.put(checkin("2026-11-01")))
        saved = forgetting.save(start.without_account(ACME.key))

    assert saved.conflicts == ()
    assert saved.document.accounts == (NORTHWIND,) and len(saved.document.checkins) == 2
    assert "Jo Bloggs" not in (backend.get(DOCUMENT_KEY) or "")


def test_an_account_forgotten_in_another_tab_but_changed_in_this_one_comes_back_named() -> None:
    start = Document(accounts=(ACME,))
    _, first, second = two_tabs(start)
    first.save(start.without_account(ACME.key))
    changed = replace(ACME, status="active")

    saved = second.save(start.with_account(changed, replacing=ACME.key))

    assert saved.document.accounts == (changed,)
    assert saved.conflicts == (Conflict("accounts", "Acme Corp"),)


# ---- forgetting -----------------------------------------------------------------------------

def test_a_forgotten_account_leaves_nothing_of_itself_in_storage() -> None:
    secrets = {"Northwind", "Ana Souza", "ana-souza-7b21a3", "Wants a pilot before summer.",
               "Kai Berg", "https://example.com/kai", "Léa Martin", "Lyon pilot", "Initech"}
    backend = MemoryStorage()
    store = Store(backend)
    store.save(Document((checkin(),), accounts=(NORTHWIND, ACME)))
    assert all(any(s in text for text in backend.items.values()) for s in secrets)

    store.save(store.load().document.without_account(NORTHWIND.key))

    assert set(backend.items) == {DOCUMENT_KEY, LAST_GOOD}
    for text in backend.items.values():
        assert not [s for s in secrets if s in text]
        assert not [s for s in secrets if s in json.dumps(json.loads(text))]  # no \\u escapes
    assert Store(backend).load().document.accounts == (ACME,)


def test_forgetting_an_account_cleans_the_copies_kept_aside_too() -> None:
    """A restore keeps the previous data as a copy; forgetting an account afterwards deletes
    it from that copy as well. A copy that cannot be read is named instead."""
    secrets = {"Northwind", "Ana Souza", "ana-souza-7b21a3", "Wants a pilot before summer."}
    backend = MemoryStorage()
    store = Store(backend)
    store.save(Document((checkin(),), accounts=(NORTHWIND, ACME)))
    kept = store.replace_keeping_copy(Document((checkin(),), accounts=(NORTHWIND,)))
    assert kept is not None and "Northwind" in backend.items[kept]
    backend.items["ssi-coach.set-aside.1"] = '{"damaged": "northwind'
    store.save(store.load().document.without_account(NORTHWIND.key))

    left = store.forget_in_copies(NORTHWIND.key)

    assert left == ["ssi-coach.set-aside.1"]
    for key, text in backend.items.items():
        if key != "ssi-coach.set-aside.1":
            assert not [s for s in secrets if s in text], key
    copy, _ = decode(backend.items[kept])
    assert copy.accounts == (ACME,) and copy.checkins  # the rest of the copy is kept
