"""The Accounts view's forms: what a member types becomes an account or a person, or a
message beside the field; nothing half-read is ever kept."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_coach.accounts.forms import (
    profile_url,
    read_account_form,
    read_company,
    read_people_form,
    read_person_form,
)
from ssi_coach.model import Account, Stakeholder

ACME = Account("Acme", people=(Stakeholder("Ada Example", profile_url=(
    "https://www.linkedin.com/in/ada-example")), Stakeholder("Bo Sample")))


@pytest.mark.parametrize(("typed", "value"), [
    ("25000", 25000.0), ("25,000", 25000.0), ("25.000", 25000.0), ("12,5", 12.5),
    ("1.250.000,50", 1250000.5), ("1,250,000.50", 1250000.5), (" ", None), ("", None)])
def test_a_deal_value_is_read_as_people_write_it(typed: str, value: float | None) -> None:
    read = read_account_form({"company": "Acme", "status": "active", "value": typed}, ACME,
                             [ACME])
    assert read.errors == () and isinstance(read.value, Account)
    assert read.value.value == value and read.value.people == ACME.people


@pytest.mark.parametrize("typed", ["-5", "lots", "1e400", "9" * 20])
def test_a_value_that_is_not_an_amount_is_refused_beside_its_field(typed: str) -> None:
    read = read_account_form({"company": "Acme", "value": typed}, ACME, [ACME])
    assert read.value is None and [e.field for e in read.errors] == ["value"]


def test_an_account_form_checks_status_date_note_and_a_clash_of_names() -> None:
    globex = Account("Globex")
    read = read_account_form({"company": "globex ", "status": "maybe",
                              "closes_on": "31/12/2026", "note": "x" * 501}, ACME,
                             [ACME, globex])
    assert {e.field for e in read.errors} == {"company", "status", "closes_on", "note"}
    fine = read_account_form({"company": "Acme Inc", "status": "won",
                              "closes_on": "2026-12-31"}, ACME, [ACME, globex])
    assert isinstance(fine.value, Account)
    assert (fine.value.company, fine.value.closes_on) == ("Acme Inc", dt.date(2026, 12, 31))
    assert read_company({"company": "  "}, [])[1][0].field == "company"


@pytest.mark.parametrize(("typed", "url"), [
    ("https://www.linkedin.com/in/ada-example/", "https://www.linkedin.com/in/ada-example"),
    ("linkedin.com/in/ada-example?trk=x", "https://linkedin.com/in/ada-example"),
    ("https://WWW.LinkedIn.com/in/zo%C3%AB-ex", "https://www.linkedin.com/in/zoë-ex"),
    ("https://example.com/in/ada", None), ("javascript:alert(1)", None),
    ("https://www.linkedin.com/company/acme", None)])
def test_a_typed_profile_address_is_spelled_like_the_exports(typed: str, url: str | None) -> None:
    assert profile_url(typed) == url


def test_a_typed_person_needs_a_name_and_is_added_once() -> None:
    read = read_person_form({"name": " Cy  Demo ", "title": "CFO", "role": "decision_maker",
                             "profile_url": "linkedin.com/in/cy-demo"}, ACME)
    assert isinstance(read.value, Stakeholder)
    assert (read.value.name, read.value.profile_url, read.value.company) == (
        "Cy Demo", "https://linkedin.com/in/cy-demo", "Acme")
    assert read_person_form({"name": "", "role": "boss"}, ACME).value is None
    again = read_person_form({"name": "bo sample"}, ACME)
    assert again.value is None and "already in Acme" in again.errors[0].message


def test_the_people_form_retags_everyone_or_nothing() -> None:
    read = read_people_form({"role-0": "champion", "stance-0": "supports",
                             "influence-0": "high", "note-0": " plan: lunch ",
                             "role-1": "blocker"}, ACME)
    assert isinstance(read.value, tuple)
    ada, bo = read.value
    assert (ada.role, ada.stance, ada.influence, ada.note) == (
        "champion", "supports", "high", "plan: lunch")
    assert (bo.role, bo.stance) == ("blocker", "unknown")
    bad = read_people_form({"role-0": "champion", "stance-1": "hostile"}, ACME)
    assert bad.value is None and [e.field for e in bad.errors] == ["stance-1"]
