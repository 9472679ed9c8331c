"""Next steps: each row of the table gives the person the step a seller would expect, with its
principle and pillar; the Coach's top steps go to the open deals most at risk."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ssi_coach.accounts.steps import STEPS, next_step, rule_for, top_steps
from ssi_coach.model import INVITED, INVITED_ME, NOT_CONNECTED, Account, Stakeholder

from .accounts_builders import BLOCKER, CHAMPION, DECIDER, TODAY, covered, person

# One person per rule of the table, with what the member should read. Removing a rule makes
# its person fall through to a later rule and read something else.
CASES: tuple[tuple[Stakeholder, str, tuple[str, ...], str], ...] = (
    (replace(CHAMPION, moved_to="Initech"),
     "Congratulate Cora on the new role and ask who took over their work.",
     ("Liking",), "people"),
    (person("Ivy Inbound", "evaluator", link=INVITED_ME),
     "Accept Ivy's invitation and thank them with a short personal note.",
     ("Liking", "Reciprocity"), "people"),
    (person("Pat Pending", "decision_maker", link=INVITED),
     "Like or comment on Pat's recent posts so your name is familiar when they see your "
     "invitation.", ("Liking",), "people"),
    (person("Nick Stranger", "decision_maker", link=NOT_CONNECTED),
     "Connect with Nick with a personal note that says why them.", ("Liking",), "people"),
    (person("Cora Champ", "champion", "supports", "high", silent_days=31),
     "Reconnect with Cora with something useful to them: an article, an introduction, an "
     "answer to a question they had.", ("Reciprocity",), "relationships"),
    (CHAMPION, "Ask Cora for an introduction to the decision-maker, and plan together how to "
     "win them over.", ("Social proof", "Liking"), "people"),
    (DECIDER, "Send Dan third-party evidence through your champion: a customer's result, an "
     "analyst's view, data that answers the doubts.", ("Authority",), "relationships"),
    (BLOCKER, "Answer Bea's concern with a peer's case: how a company like theirs solved it.",
     ("Social proof", "Consistency"), "relationships"),
    (person("Ira Fan", "influencer", "supports"),
     "Ask Ira to share your case with their team.", ("Social proof",), "insights"),
    (person("Ola Contra", "influencer", "opposes"),
     "Ask Ola what worries them, then answer with a peer's case.",
     ("Social proof", "Consistency"), "relationships"),
    (person("Ned Middle", "influencer", "neutral"),
     "Share an insight that matters to Ned's team, and learn where they stand.",
     ("Reciprocity",), "insights"),
    (person("Eve Tester", "evaluator", "neutral"),
     "Give Eve the data and a trial plan with clear success criteria they agree to up front.",
     ("Authority", "Consistency"), "insights"),
    (person("Uma User", "user", "supports"),
     "Ask Uma how they work today and share a tip that saves them time.",
     ("Reciprocity", "Liking"), "insights"),
    (person("Otto Other", "other"),
     "Find out what Otto cares about in this deal and share something useful.",
     ("Reciprocity",), "relationships"),
)


@pytest.mark.parametrize(("who", "text", "principles", "pillar"), CASES,
                         ids=[c[0].name for c in CASES])
def test_each_rule_gives_its_step(who: Stakeholder, text: str, principles: tuple[str, ...],
                                  pillar: str) -> None:
    step = next_step(who, TODAY)
    assert (step.text, step.principles, step.pillar) == (text, principles, pillar)
    assert step.person == who.key and step.name == who.name


def test_every_rule_of_the_table_is_tested_above() -> None:
    assert {id(rule_for(who, TODAY)) for who, *_ in CASES} == {id(r) for r in STEPS}


def test_the_why_names_the_person_and_what_the_export_says() -> None:
    quiet = person("Cora Champ", "champion", "supports", "high", silent_days=40)
    assert next_step(quiet, TODAY).why == "Your champion Cora has not heard from you for 40 days."
    gone = replace(DECIDER, moved_to="Initech")
    assert next_step(gone, TODAY).why == (
        "Dan moved to Initech: their successor is the person to find.")
    typed = Stakeholder("Nora Typed", role="decision_maker")
    assert next_step(typed, TODAY).why == "You are not connected with Nora (decision-maker)."


def test_top_steps_go_to_active_deals_first_then_prospects_by_risk() -> None:
    lone = Account("Initech", status="prospect", people=(CHAMPION,))  # high risk, prospect
    active = covered()  # active, covered: still before any prospect
    won = Account("Umbrella", status="won", people=(DECIDER,))
    steps = top_steps((lone, won, active), TODAY, n=3)
    assert [s.company for s in steps] == ["Acme", "Initech", "Acme"]
    assert all(s.company != "Umbrella" for s in top_steps((won,), TODAY))


def test_each_account_first_gets_the_step_for_the_person_its_worst_gap_names() -> None:
    quiet = person("Cora Champ", "champion", "supports", "high", silent_days=60)
    pending = person("Pat Pending", "decision_maker", link=INVITED)
    account = covered(people=(quiet, pending, BLOCKER))
    steps = top_steps((account,), TODAY, n=5)
    # The worst gap is the decision-maker not connected (high), then the silent champion.
    assert [s.step.name for s in steps] == ["Pat Pending", "Cora Champ", "Bea Block"]
    assert steps[0].risk == "High risk" and steps[0].status == "active"


def test_no_accounts_or_nobody_mapped_no_steps() -> None:
    assert top_steps((), TODAY) == ()
    assert top_steps((Account("Acme", status="active"),), TODAY) == ()
