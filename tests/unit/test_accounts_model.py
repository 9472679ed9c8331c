"""Account records: one account per company (case and spacing aside), one entry per person,
closed lists for roles, stances, influence and status, and forgetting an account."""

from __future__ import annotations

import pytest

from ssi_coach.model import ROLES, Account, Document, Stakeholder, label_of


def test_an_account_is_found_by_its_company_however_it_is_typed() -> None:
    document = Document().with_account(Account("ACME  Corp"))
    assert document.account(" acme corp ") is not None
    with pytest.raises(ValueError, match="already an account"):
        document.with_account(Account("Acme Corp"))


def test_renaming_an_account_keeps_its_place_and_people() -> None:
    ada = Stakeholder("Ada Example", role="champion", stance="supports", influence="high",
                      profile_url="https://www.linkedin.com/in/ada-example")
    document = (Document().with_account(Account("Acme", people=(ada,)))
                .with_account(Account("Globex")))
    renamed = document.with_account(Account("Acme Inc", people=(ada,)), replacing="acme")
    assert [a.company for a in renamed.accounts] == ["Acme Inc", "Globex"]
    assert renamed.accounts[0].people == (ada,)


def test_a_person_is_in_an_account_once_by_profile_url_else_by_name() -> None:
    typed = Stakeholder("Bo Sample", role="blocker")
    account = Account("Acme").with_person(typed).with_person(
        Stakeholder("bo sample", role="user"))
    assert [p.role for p in account.people] == ["user"]
    with pytest.raises(ValueError):
        Account("Acme", people=(typed, typed))
    assert account.without_person(typed.key).people == ()


def test_closed_lists_refuse_anything_else() -> None:
    with pytest.raises(ValueError):
        Stakeholder("Ada", role="boss")
    with pytest.raises(ValueError):
        Account("Acme", status="maybe")
    with pytest.raises(ValueError):
        Account("  ")
    assert label_of(ROLES, "decision_maker") == "Decision-maker"


def test_forgetting_an_account_removes_everyone_in_it() -> None:
    document = Document().with_account(Account("Acme", people=(Stakeholder("Ada"),)))
    assert document.without_account("acme").accounts == ()
