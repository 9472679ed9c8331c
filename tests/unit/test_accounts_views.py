"""The Accounts view as a member reads it: accounts by risk, one account's gaps and people
with their tags, facts and next steps, the search's buttons; names are only ever text."""

from __future__ import annotations

import datetime as dt

from shell import accounts_views
from ssi_coach.accounts.coverage import by_risk, coverage
from ssi_coach.accounts.steps import next_step
from ssi_coach.importers.linkedin.types import Contact
from ssi_coach.model import (
    CONNECTED,
    INVITED,
    NOT_CONNECTED,
    Account,
    RelationshipFacts,
    Stakeholder,
)
from tests.unit.parsed_html import parse

TODAY = dt.date(2026, 11, 22)
AS_OF = dt.date(2026, 11, 20)
ADA = Stakeholder("Ada <b>Example</b>", role="champion", stance="supports", influence="high",
                  profile_url="https://www.linkedin.com/in/ada-example", title="Head of Ops",
                  company="Acme", note="lunch in Dec",
                  facts=RelationshipFacts(AS_OF, CONNECTED, connected_on=dt.date(2024, 3, 1),
                                          messages_sent=4, messages_received=3,
                                          last_contact=dt.date(2026, 10, 1),
                                          started_by_member=True, replied=True,
                                          company="Acme"))
CY = Stakeholder("Cy Demo", role="decision_maker", influence="high", company="Acme",
                 moved_to="Globex", facts=RelationshipFacts(AS_OF, INVITED,
                                                            invited_on=dt.date(2026, 11, 2)))
ACME = Account("Acme <script>", status="active", value=25000, people=(ADA, CY))


def _detail(account: Account) -> str:
    steps = [next_step(p, TODAY) for p in account.people]
    return accounts_views.account_detail(account, coverage(account, TODAY), steps, TODAY, None)


def test_the_accounts_table_lists_the_riskiest_first_with_an_open_button() -> None:
    won = Account("Initech", status="won")
    page = parse(accounts_views.accounts_table(by_risk((won, ACME), TODAY)))
    rows = page.one("table", id="accounts-table").one("tbody").all("tr")
    assert [r.one("th").text for r in rows] == ["Acme <script>", "Initech"]  # text, not markup
    assert rows[0].one("button").attrs["data-action"] == "account-open"
    assert "25,000" in rows[0].text


def test_an_accounts_people_show_their_tags_facts_move_and_next_step() -> None:
    page = parse(_detail(ACME))
    assert page.one("h3", id="account-heading").text == "Acme <script>"
    row = page.one("article", data_person=ADA.key)
    assert row.one("select", name="role-0").one("option", selected=None).attrs["value"] == (
        "champion")
    link = row.one("a")
    assert link.attrs["rel"] == "noopener noreferrer" and link.attrs["target"] == "_blank"
    assert "Ada <b>Example</b>" in link.text  # a name is text, never markup
    facts = row.one(class_="person-facts").text
    assert "Connected since 1 Mar 2024" in facts and "4 sent, 3 received" in facts
    assert "last contact 52 days ago" in facts and "you wrote first" in facts
    cy = page.one("article", data_person=CY.key)
    assert "Moved to Globex" in cy.text and "You invited them on 2 Nov 2026 (pending)" in cy.text
    assert all(s.one("strong").text for s in page.all(class_="next-step"))  # one each
    assert len(page.all(class_="next-step")) == 2
    assert page.one(id="account-gaps").all("li")  # Cy moved: there are gaps to show


def test_facts_say_what_the_export_said_or_that_it_has_not_yet() -> None:
    assert accounts_views.facts_text(None, TODAY) == "Not in an export yet"
    lone = RelationshipFacts(AS_OF, NOT_CONNECTED)
    assert accounts_views.facts_text(lone, TODAY).startswith("Not connected · no messages")


def test_forgetting_asks_once_more_and_says_it_cannot_be_undone() -> None:
    page = parse(accounts_views.forget_confirm(ACME))
    assert "cannot be undone" in page.text and "2 people" in page.text
    assert page.one("button", data_action="account-forget-yes").attrs["data-key"] == ACME.key


def test_search_results_offer_to_add_to_the_open_account_or_the_persons_company() -> None:
    contact = Contact("Bo Sample", "https://www.linkedin.com/in/bo", "Globex", "CFO",
                      "c_suite", RelationshipFacts(AS_OF, CONNECTED))
    page = parse(accounts_views.search_results("bo", (contact,), (), None, ()))
    assert page.one("button").attrs["data-company"] == "Globex"
    page = parse(accounts_views.search_results("bo", (contact,), (), ACME, (ACME,)))
    assert page.one("button").text == "Add to Acme <script>"


def test_every_field_a_form_can_refuse_has_its_input_and_error_line() -> None:
    """browser.show_field_errors finds `<prefix>-<field>` and `<prefix>err-<field>`: a
    refused value must land beside its own field, never nowhere (or raise)."""
    from ssi_coach.accounts.forms import read_account_form, read_people_form, read_person_form

    forms = {
        "account-form": (accounts_views.account_form(ACME), read_account_form(
            {"company": "", "status": "x", "value": "-1", "closes_on": "no",
             "note": "n" * 600}, ACME, [ACME])),
        "person-add-form": (accounts_views.add_person_form(), read_person_form(
            {"name": "", "role": "boss", "profile_url": "nope"}, ACME)),
        "account-people-form": (_detail(ACME), read_people_form(
            {"role-0": "x", "stance-0": "x", "influence-1": "x", "note-1": "n" * 600}, ACME)),
    }
    for form_id, (html, read) in forms.items():
        prefix = accounts_views.FIELD_PREFIX[form_id]
        page = parse(html)
        assert read.errors, form_id
        for error in read.errors:
            assert page.all(id=f"{prefix}-{error.field}"), (form_id, error.field)
            assert page.all(id=f"{prefix}err-{error.field}"), (form_id, error.field)
