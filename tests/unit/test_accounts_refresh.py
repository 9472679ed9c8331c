"""A newer export refreshes the tracked people by profile URL: new facts, a new name, the
title from the position, who moved (and came back); an older export changes nothing, people
typed in without a URL are never touched, and people the export lacks are reported."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ssi_coach.accounts.refresh import PersonRef, refresh, stakeholder_from
from ssi_coach.importers.linkedin.types import Contact
from ssi_coach.model import NOT_CONNECTED, Account, RelationshipFacts, Stakeholder
from ssi_coach.model.accounts import MAX_NOTE

MAY, JUNE, JULY = dt.date(2026, 5, 31), dt.date(2026, 6, 30), dt.date(2026, 7, 31)
BOB_URL = "https://www.linkedin.com/in/bob-sample"


def contact(as_of: dt.date, name: str = "Bob Sample", company: str = "Acme",
            position: str = "VP Sales", url: str = BOB_URL, sent: int = 2) -> Contact:
    facts = RelationshipFacts(as_of=as_of, messages_sent=sent, company=company,
                              position=position)
    return Contact(name, url, company, position, "vp", facts)


def tracked(as_of: dt.date = JUNE) -> Account:
    bob = stakeholder_from(contact(as_of), role="champion", stance="supports",
                           influence="high", note="met at the summit")
    typed = Stakeholder("Carol Demo", role="blocker", company="Acme")
    return Account("Acme", status="active", people=(bob, typed))


def test_a_person_is_added_with_what_the_export_says() -> None:
    bob = stakeholder_from(contact(JUNE), role="decision_maker", note="x" * (MAX_NOTE + 50))
    assert (bob.name, bob.profile_url, bob.title, bob.company) == (
        "Bob Sample", BOB_URL, "VP Sales", "Acme")
    assert bob.facts == contact(JUNE).facts and bob.role == "decision_maker"
    assert len(bob.note) == MAX_NOTE and not bob.moved


def test_refresh_by_url_with_a_changed_name_and_title() -> None:
    account = tracked()
    newer = contact(JULY, name="Bob Sample-Example", position="Chief Revenue Officer", sent=9,
                    url="https://WWW.linkedin.com/in/Bob-Sample/")
    result = refresh((account,), [newer, contact(JULY, name="Carol Demo",
                                                 url="https://www.linkedin.com/in/other")])
    bob, carol = result.accounts[0].people
    assert bob.name == "Bob Sample-Example"
    assert bob.title == "Chief Revenue Officer"
    assert bob.facts is not None and (bob.facts.as_of, bob.facts.messages_sent) == (JULY, 9)
    assert (bob.role, bob.stance, bob.note) == ("champion", "supports", "met at the summit")
    assert carol == account.people[1]  # typed in without a URL: never matched by name
    assert result.refreshed == (PersonRef("Acme", "Bob Sample-Example"),)
    assert result.moved == () and result.not_found == () and result.older == ()


def test_moved_then_back() -> None:
    left = refresh((tracked(),), [contact(JULY, company="Globex Example")])
    bob = left.accounts[0].people[0]
    assert bob.moved_to == "Globex Example" and bob.company == "Acme"
    assert left.moved == (PersonRef("Acme", "Bob Sample", "Globex Example"),)
    # no company in the next export (no longer a connection): still flagged
    silent = refresh(left.accounts, [contact(dt.date(2026, 8, 31), company="")])
    assert silent.accounts[0].people[0].moved_to == "Globex Example"
    back = refresh(silent.accounts, [contact(dt.date(2026, 9, 30), company="  ACME ")])
    assert back.accounts[0].people[0].moved_to == ""
    assert back.moved == ()


def test_an_older_export_changes_nothing() -> None:
    account = tracked(JULY)
    result = refresh((account,), [contact(MAY, name="Robert Sample", company="Globex")])
    assert result.accounts == (account,)
    assert result.older == (PersonRef("Acme", "Bob Sample"),)
    assert result.refreshed == () and result.moved == ()
    same_day = refresh((account,), [contact(JULY, sent=5)])  # newer or equal replaces
    facts = same_day.accounts[0].people[0].facts
    assert facts is not None and facts.messages_sent == 5


def test_people_the_export_lacks_are_reported_and_kept() -> None:
    account = tracked()
    result = refresh((account, Account("Globex")), [])
    assert result.accounts == (account, Account("Globex"))
    assert result.not_found == (PersonRef("Acme", "Bob Sample"),)


def test_a_person_in_two_accounts_is_refreshed_in_both() -> None:
    bob = tracked().people[0]
    # in the Globex account without a company of his own: the account's is his
    accounts = (Account("Acme", people=(bob,)),
                Account("Globex", people=(replace(bob, company=""),)))
    result = refresh(accounts, [contact(JULY, company="Globex")])
    assert [a.people[0].moved_to for a in result.accounts] == ["Globex", ""]
    assert [ref.account for ref in result.refreshed] == ["Acme", "Globex"]


def test_a_name_the_export_did_not_give_keeps_the_known_one() -> None:
    nameless = Contact("bob-sample", BOB_URL, "", "", "unknown",
                       RelationshipFacts(as_of=JULY, link=NOT_CONNECTED, messages_sent=1))
    result = refresh((tracked(),), [nameless])
    bob = result.accounts[0].people[0]
    assert (bob.name, bob.title, bob.moved_to) == ("Bob Sample", "VP Sales", "")
    assert bob.facts == nameless.facts


def test_a_newer_synthetic_export_flags_the_champion_who_moved() -> None:
    from ssi_coach.importers.linkedin import read_export
    from ssi_coach.importers.linkedin.types import ExportReading, Upload
    from tests.linkedin_export import ExportSpec, make_export, newer_export

    def people(spec: ExportSpec) -> tuple[Contact, ...]:
        reading = read_export([Upload(n, d) for n, d in make_export(spec).uploads])
        assert isinstance(reading, ExportReading)
        return reading.people

    spec = ExportSpec(seed=4)
    first = [c for c in people(spec) if c.company][:2]
    account = Account(first[0].company, people=tuple(
        stakeholder_from(c, role) for c, role in zip(first, ("champion", "user"), strict=True)))
    later = people(newer_export(spec, {first[0].profile_url: "Globex Example"}))
    result = refresh((account,), later)
    champion, other = result.accounts[0].people
    assert champion.moved_to == "Globex Example"
    assert other.moved_to == ""  # still where they were added
    assert [ref.name for ref in result.moved] == [first[0].name]
    assert champion.facts is not None and first[0].facts.as_of < champion.facts.as_of
