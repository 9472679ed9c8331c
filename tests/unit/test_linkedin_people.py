"""The export's people: who the reading lists and what it says about each (connected since,
pending invitations, messages either way, who started, replies), from hand-made tables and
from whole synthetic exports, whose expected people are worked out while generating."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pytest

from ssi_coach.importers.linkedin import read_export
from ssi_coach.importers.linkedin.aggregate import aggregate
from ssi_coach.importers.linkedin.parsers import parse
from ssi_coach.importers.linkedin.types import Contact, ExportReading, Table, Upload
from tests import linkedin_export as generator
from tests.linkedin_export import ExpectedContact, ExportSpec, make_export, newer_export

ME = "https://www.linkedin.com/in/ada-example"
BOB = "https://www.linkedin.com/in/bob-sample"
CAROL = "https://www.linkedin.com/in/carol-demo"
DAN = "https://www.linkedin.com/in/dan-dummy"


def table(kind: str, rows: Sequence[Mapping[str, str]]) -> Table:
    names = list(dict.fromkeys(name for row in rows for name in row))
    columns = {name.lower(): [row.get(name, "") for row in rows] for name in names}
    return Table(f"{kind}.csv", kind, columns, list(range(2, 2 + len(rows))))


def people(*tables: Table) -> dict[str, Contact]:
    return {c.profile_url: c for c in aggregate([parse(t) for t in tables]).people}


def message(conversation: str, sender: str, date: str, recipients: Sequence[str],
            to: str = "", **extra: str) -> dict[str, str]:
    names = {ME: "Ada Example", BOB: "Bob Sample", CAROL: "Carol Demo", DAN: "Dan Dummy"}
    return {"CONVERSATION ID": conversation, "FROM": names.get(sender, "LinkedIn Member"),
            "SENDER PROFILE URL": sender, "TO": to or ",".join(names[r] for r in recipients),
            "RECIPIENT PROFILE URLS": ",".join(recipients), "DATE": f"{date} UTC",
            "CONTENT": "a message nobody else reads", "FOLDER": "INBOX", **extra}


def invitation(direction: str, other: str, name: str, sent_at: str) -> dict[str, str]:
    outgoing = direction == "OUTGOING"
    return {"From": "Ada Example" if outgoing else name, "To": name if outgoing else "Ada Example",
            "Sent At": sent_at, "Direction": direction,
            "inviterProfileUrl": ME if outgoing else other,
            "inviteeProfileUrl": other if outgoing else ME}


# ---- hand-made tables -------------------------------------------------------------------------

def test_connections_invitations_and_people_only_written_with() -> None:
    found = people(
        table("connections", [
            {"First Name": "Bob", "Last Name": "Sample", "URL": BOB + "/", "Company": "Acme",
             "Position": "VP Sales", "Connected On": "09 Jul 2026"},
            {"First Name": "", "Last Name": "", "URL": "", "Connected On": "14 Sep 2024"}]),
        table("invitations", [
            invitation("OUTGOING", BOB, "Bob Sample", "7/1/26, 9:00 AM"),  # accepted since
            invitation("OUTGOING", CAROL, "Carol Demo", "7/8/26, 9:34 PM"),
            invitation("INCOMING", DAN, "Dan Dummy", "7/2/26, 8:00 AM")]),
        table("messages", [
            message("2-x", ME, "2026-07-10 10:00:00", [ME.replace("ada", "eve")],
                    to="Eve Example")]))
    assert set(found) == {BOB, CAROL, DAN, ME.replace("ada", "eve")}  # not the member
    bob = found[BOB]
    assert (bob.name, bob.company, bob.position, bob.seniority) == (
        "Bob Sample", "Acme", "VP Sales", "vp")
    assert (bob.facts.link, bob.facts.connected_on, bob.facts.company) == (
        "connected", dt.date(2026, 7, 9), "Acme")
    # 9:34 PM in Los Angeles on 8 July is 9 July in UTC
    assert (found[CAROL].facts.link, found[CAROL].facts.invited_on) == (
        "invited", dt.date(2026, 7, 9))
    assert found[DAN].facts.link == "invited_me" and found[DAN].company == ""
    eve = found[ME.replace("ada", "eve")]
    assert (eve.name, eve.facts.link, eve.facts.messages_sent) == ("Eve Example", "none", 1)
    assert all(c.facts.as_of == dt.date(2026, 7, 10) for c in found.values())


def test_messages_either_way_who_started_and_replies() -> None:
    found = people(table("messages", [  # newest first, as LinkedIn writes them
        message("2-g", CAROL, "2026-06-03 09:00:00", [ME, BOB]),
        message("2-g", ME, "2026-06-02 09:00:00", [BOB, CAROL]),
        message("2-b", BOB, "2026-05-02 09:00:00", [ME]),
        message("2-b", ME, "2026-05-01 10:00:00", [BOB]),
        message("2-b", ME, "2026-05-01 09:00:00", [BOB], **{"IS MESSAGE DRAFT": "Yes"}),
        message("2-d", DAN, "2026-04-01 09:00:00", [ME]),
        message("2-s", "", "2026-06-05 09:00:00", [ME], to="Ada Example",
                **{"CONVERSATION TITLE": "Sponsored Conversation"}),
        message("2-z", CAROL, "2026-06-06 09:00:00", [ME], FOLDER="SPAM"),
    ]))
    assert set(found) == {BOB, CAROL, DAN}  # no sponsored sender, nor the member
    bob, carol, dan = found[BOB].facts, found[CAROL].facts, found[DAN].facts
    # Bob: one message from the member in 2-b (the draft is not one), one in the group
    assert (bob.messages_sent, bob.messages_received) == (2, 1)
    assert bob.last_contact == dt.date(2026, 6, 2)
    assert (bob.started_by_member, bob.replied) == (True, True)
    # Carol wrote in the group after the member, and her SPAM message is not counted
    assert (carol.messages_sent, carol.messages_received, carol.replied) == (1, 1, True)
    assert carol.last_contact == dt.date(2026, 6, 3)
    # Dan wrote first and the member never answered
    assert (dan.messages_sent, dan.messages_received) == (0, 1)
    assert (dan.started_by_member, dan.replied) == (False, None)


def test_a_person_who_never_wrote_is_named_from_to() -> None:
    found = people(table("messages", [
        message("2-g", ME, "2026-06-02 09:00:00", [BOB, CAROL],
                to="Bob Sample, MBA,Carol Demo"),
        message("2-h", ME, "2026-06-03 09:00:00", [DAN, CAROL], to="Dan Dummy, Carol Demo"),
    ]))
    assert {url: c.name for url, c in found.items()} == {
        BOB: "Bob Sample, MBA", CAROL: "Carol Demo", DAN: "Dan Dummy"}
    assert found[BOB].facts.replied is False


def test_no_profile_url_no_person() -> None:
    found = people(table("connections", [
        {"First Name": "Bob", "Last Name": "Sample", "Company": "Acme",
         "Connected On": "09 Jul 2026"}]))  # 2018 and 2021 files have no URL column
    assert found == {}


# ---- synthetic exports ------------------------------------------------------------------------

def read(spec: ExportSpec) -> tuple[ExportReading, generator.Expected]:
    export = make_export(spec)
    reading = read_export([Upload(name, data) for name, data in export.uploads])
    assert isinstance(reading, ExportReading)
    return reading, export.expected


def flat(contact: Contact) -> ExpectedContact:
    f = contact.facts
    return ExpectedContact(contact.name, contact.company, contact.position, contact.seniority,
                           f.link, f.connected_on, f.invited_on, f.messages_sent,
                           f.messages_received, f.last_contact, f.started_by_member, f.replied)


@pytest.mark.parametrize("variant", generator.VARIANTS)
@pytest.mark.parametrize("seed", [1, 5])
def test_the_readings_people_are_the_exports(variant: str, seed: int) -> None:
    reading, expected = read(ExportSpec(variant=variant, seed=seed))
    got = {c.profile_url: flat(c) for c in reading.people}
    assert len(got) == len(reading.people)  # one contact per profile URL
    assert got == expected.contacts
    assert {c.facts.as_of for c in reading.people} <= {expected.last_day}
    if variant == generator.V2018:  # no profile URL in any 2018 file: nobody to know again
        assert reading.people == ()
    else:
        links = {c.facts.link for c in reading.people}
        assert links == {"connected", "invited", "invited_me", "none"}
        assert any(c.facts.link == "connected" and c.facts.messages_sent for c in reading.people)


def test_without_connections_every_invitation_is_pending() -> None:
    reading, expected = read(ExportSpec(omit=frozenset({generator.CONNECTIONS})))
    assert {c.profile_url: flat(c) for c in reading.people} == expected.contacts
    assert "connected" not in {c.facts.link for c in reading.people}


def test_a_newer_export_shows_who_moved() -> None:
    spec = ExportSpec(seed=3)
    before, _ = read(spec)
    movers = [c.profile_url for c in before.people if c.company][:3]
    newer = newer_export(spec, {url: "Globex Example" for url in movers})
    after, expected = read(newer)
    assert {c.profile_url: flat(c) for c in after.people} == expected.contacts
    old = {c.profile_url: c for c in before.people}
    new = {c.profile_url: c for c in after.people}
    assert set(new) == set(old)  # the same people, by URL
    assert {url for url in new if new[url].company != old[url].company} == set(movers)
    assert all(new[url].company == "Globex Example" for url in movers)
    assert before.last_day is not None
    assert after.last_day == before.last_day + dt.timedelta(weeks=4)
