"""The Coach beside the weekly actions: the top next steps in the member's open deals, only
when there are accounts, with the person, the step, its principle and pillar."""

from __future__ import annotations

from shell import coach_views
from ssi_coach.activity.coach_view import coach_view
from ssi_coach.model import Account, Document, Stakeholder

from .accounts_builders import CHAMPION, DECIDER, TODAY, covered
from .parsed_html import parse

HOSTILE = '<img src=x onerror="alert(1)">'


def test_the_coach_has_no_account_steps_without_accounts() -> None:
    view = coach_view(Document(), TODAY)
    assert view.account_steps == ()
    assert coach_views.account_steps_list(view.account_steps) == ""


def test_the_coach_shows_the_top_steps_of_the_open_deals() -> None:
    document = (Document().with_account(covered())
                .with_account(Account("Globex", status="won", people=(DECIDER,))))
    view = coach_view(document, TODAY)
    assert [(s.company, s.step.name) for s in view.account_steps] == [
        ("Acme", "Cora Champ"), ("Acme", "Dan Decider"), ("Acme", "Bea Block")]
    page = parse(coach_views.account_steps_list(view.account_steps))
    assert page.one("h3").words == "Next steps in your accounts"
    first = page.all("li")[0]
    assert first.attrs["data-account"] == "Acme" and first.attrs["data-pillar"] == "people"
    assert "Acme · Cora Champ" in first.words
    assert "Ask Cora for an introduction to the decision-maker" in first.words
    assert "Principle: social proof, liking." in first.words
    assert first.one("span", class_="pillar-people").words == "Find the right people"


def test_names_the_member_typed_stay_text() -> None:
    account = Account(HOSTILE, status="active", people=(Stakeholder(HOSTILE + " Doe"),))
    html = coach_views.account_steps_list(coach_view(
        Document().with_account(account), TODAY).account_steps)
    assert "<img" not in html and "&lt;img src=x" in html
    assert CHAMPION.name not in html
