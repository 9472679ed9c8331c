"""Coverage and gaps: each rule flags what a member would see missing in a deal, names the
person, and the accounts list puts the riskiest open deal first."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ssi_coach.accounts.coverage import HIGH, MEDIUM, by_risk, coverage
from ssi_coach.model import INVITED, Account, Stakeholder

from .accounts_builders import BLOCKER, CHAMPION, DECIDER, TODAY, covered, person


def _keys(account: Account) -> list[str]:
    return [g.key for g in coverage(account, TODAY).gaps]


def _gap(account: Account, key: str) -> tuple[str, str]:
    found = next(g for g in coverage(account, TODAY).gaps if g.key == key)
    return found.message, found.person


def test_a_well_covered_deal_has_no_gaps() -> None:
    found = coverage(covered(), TODAY)
    assert found.gaps == () and found.risk == "Covered" and found.score == 0


def test_no_decision_maker_identified() -> None:
    account = covered(people=(CHAMPION, BLOCKER))
    assert _keys(account) == ["no_decision_maker"]
    assert _gap(account, "no_decision_maker") == (
        "No decision-maker identified at Acme: find who signs.", "")


def test_a_decision_maker_not_connected_is_named() -> None:
    pending = person("Dan Decider", "decision_maker", "neutral", "high", link=INVITED)
    account = covered(people=(CHAMPION, pending, BLOCKER))
    assert _keys(account) == ["decision_maker_not_connected"]
    assert _gap(account, "decision_maker_not_connected") == (
        "The decision-maker Dan Decider is not connected with you.", pending.key)


def test_a_decision_maker_the_export_never_saw_is_not_connected() -> None:
    typed = Stakeholder("Dan Decider", role="decision_maker")
    assert "decision_maker_not_connected" in _keys(covered(people=(CHAMPION, typed, BLOCKER)))


def test_one_person_only_is_single_threaded() -> None:
    account = covered(people=(CHAMPION,))
    assert "single_threaded" in _keys(account)
    assert _gap(account, "single_threaded") == (
        "Single-threaded: Cora Champ is your only contact at Acme.", CHAMPION.key)


def test_nobody_mapped_is_single_threaded_too() -> None:
    assert _gap(covered(people=()), "single_threaded")[0] == "No one mapped at Acme yet."


def test_a_champion_silent_for_30_days_has_gone_quiet() -> None:
    quiet = person("Cora Champ", "champion", "supports", "high", silent_days=30)
    account = covered(people=(quiet, DECIDER, BLOCKER))
    assert _keys(account) == ["champion_silent"]
    assert _gap(account, "champion_silent") == (
        "Your champion Cora Champ has gone quiet: your last contact was 30 days ago.",
        quiet.key)
    recent = person("Cora Champ", "champion", "supports", "high", silent_days=29)
    assert _keys(covered(people=(recent, DECIDER, BLOCKER))) == []


def test_a_champion_never_written_to_is_silent() -> None:
    never = person("Cora Champ", "champion", "supports", "high", silent_days=None)
    message, _ = _gap(covered(people=(never, DECIDER, BLOCKER)), "champion_silent")
    assert message.endswith("you have no messages with them.")


def test_a_blocker_with_an_empty_note_has_no_plan() -> None:
    unplanned = replace(BLOCKER, note="  ")
    account = covered(people=(CHAMPION, DECIDER, unplanned))
    assert _keys(account) == ["blocker_without_plan"]
    message, key = _gap(account, "blocker_without_plan")
    assert "Bea Block" in message and key == BLOCKER.key


def test_no_one_with_high_influence_who_supports() -> None:
    lukewarm = replace(CHAMPION, influence="low")
    assert _keys(covered(people=(lukewarm, DECIDER, BLOCKER))) == ["no_influential_support"]
    neutral = replace(CHAMPION, stance="neutral")
    assert _keys(covered(people=(neutral, DECIDER, BLOCKER))) == ["no_influential_support"]


def test_people_who_moved_are_named_with_their_new_company_and_no_longer_count() -> None:
    gone = replace(DECIDER, moved_to="Initech")
    account = covered(people=(CHAMPION, gone, BLOCKER))
    assert _gap(account, "people_moved") == (
        "Left Acme: Dan Decider is now at Initech.", DECIDER.key)
    # Dan no longer decides anything at Acme: the deal has no decision-maker there.
    assert "no_decision_maker" in _keys(account)
    assert coverage(account, TODAY).roles["decision_maker"] == 0


def test_gaps_come_most_severe_first_and_counts_are_by_role_and_stance() -> None:
    lone = person("Uma User", "user", "neutral", "low", silent_days=None)
    found = coverage(covered(people=(lone,)), TODAY)
    assert [g.key for g in found.gaps] == ["no_decision_maker", "single_threaded",
                                           "no_influential_support"]
    assert [g.severity for g in found.gaps] == [HIGH, HIGH, MEDIUM]
    assert found.risk == "High risk" and found.score == 8
    assert found.roles["user"] == 1 and sum(found.roles.values()) == 1
    assert found.grid[("neutral", "low")] == 1 and sum(found.grid.values()) == 1
    assert len(found.grid) == 8  # 4 stances × 2 influences, zeros included


def test_medium_gaps_only_are_a_medium_risk_and_closed_deals_say_won_or_lost() -> None:
    quiet = person("Cora Champ", "champion", "supports", "high", silent_days=45)
    assert coverage(covered(people=(quiet, DECIDER, BLOCKER)), TODAY).risk == "Medium risk"
    assert coverage(covered(people=(CHAMPION,), status="won"), TODAY).risk == "Won"


def test_by_risk_puts_the_riskiest_open_deal_first_and_closed_deals_last() -> None:
    fine = covered()
    medium = Account("Globex", status="prospect",
                     people=(replace(CHAMPION, note=""), DECIDER, replace(BLOCKER, note="")))
    high = Account("Initech", status="active", people=(CHAMPION,))
    won = Account("Umbrella", status="won", people=())  # worst gaps, but the deal is done
    lost = Account("Hooli", status="lost", people=(CHAMPION, DECIDER, BLOCKER))
    order = [c.account.company for c in by_risk((lost, won, fine, medium, high), TODAY)]
    assert order == ["Initech", "Globex", "Acme", "Umbrella", "Hooli"]


def test_coverage_is_measured_on_the_day_given() -> None:
    later = TODAY + dt.timedelta(days=25)  # the champion's last contact was 5 days before TODAY
    assert _keys(covered()) == []
    assert [g.key for g in coverage(covered(), later).gaps] == ["champion_silent"]
