"""Planning and applying a LinkedIn import: typed weeks kept, re-imports never doubled, the
checklist changed only with evidence, and the same plan applied twice changing nothing more."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.activity.coach_view import coach_view
from ssi_coach.activity.export_merge import apply_export_merge, export_merge
from ssi_coach.importers.linkedin.types import ExportReading
from ssi_coach.model import Checklist, Document, NetworkSummary, WeekLog, effective_weeks
from ssi_coach.storage import decode, encode

from .strategies import network_summaries, week_log_lists, weekly_counts

TODAY = dt.date(2026, 11, 20)
W1, W2, W3, W4 = (dt.date(2026, 10, 5) + dt.timedelta(weeks=n) for n in range(4))


def reading(*logs: WeekLog, checklist: dict[str, bool] | None = None,
            evidence: dict[str, str] | None = None,
            network: NetworkSummary | None = None) -> ExportReading:
    """A reading as the aggregator would give it, built by hand."""
    return ExportReading(
        files=(), ignored=(), errors=(), problems=(), weeks=logs,
        first_day=logs[0].week if logs else None,
        last_day=logs[-1].week + dt.timedelta(days=6) if logs else None,
        checklist=checklist or {}, checklist_evidence=evidence or {},
        network=network or NetworkSummary())


def imported(document: Document) -> dict[dt.date, dict[str, int]]:
    return {w.week: dict(w.counts) for w in document.imported}


def effective(document: Document) -> dict[dt.date, dict[str, int]]:
    return {w.week: dict(w.counts) for w in document.activity_weeks()}


def run(document: Document, export: ExportReading,
        choices: dict[dt.date, str] | None = None) -> Document:
    return apply_export_merge(document, export_merge(document, export, today=TODAY), choices)


# ---- weeks ----------------------------------------------------------------------------------

def test_a_first_import_adds_new_weeks_apart_from_the_typed_ones() -> None:
    typed = Document(weeks=(WeekLog(W4, {"meetings": 1}),))
    export = reading(WeekLog(W1, {"posts": 2, "votes": 1}), WeekLog(W2, {"posts": 0}))
    plan = export_merge(typed, export, today=TODAY)
    assert [w.week for w in plan.added] == [W1, W2]
    assert (plan.updated, plan.unchanged, plan.conflicts) == ((), (), ())
    assert plan.changes_anything()
    after = apply_export_merge(typed, plan)
    assert after.weeks == typed.weeks  # typed entries untouched
    assert imported(after) == {W1: {"posts": 2, "votes": 1}, W2: {"posts": 0}}
    assert after.imported_on == W2 + dt.timedelta(days=6)
    assert effective(after) == {W1: {"posts": 2, "votes": 1}, W2: {"posts": 0},
                                W4: {"meetings": 1}}


def test_a_newer_export_updates_the_weeks_it_changes() -> None:
    before = run(Document(), reading(WeekLog(W1, {"posts": 1}), WeekLog(W2, {"posts": 4})))
    plan = export_merge(before, reading(WeekLog(W1, {"posts": 2}), WeekLog(W2, {"posts": 4}),
                                       WeekLog(W3, {"posts": 1})), today=TODAY)
    assert [(u.week, u.differences()) for u in plan.updated] == [(W1, ("posts",))]
    assert [w.week for w in plan.unchanged] == [W2]
    assert [w.week for w in plan.added] == [W3]
    assert imported(apply_export_merge(before, plan)) == {W1: {"posts": 2}, W2: {"posts": 4},
                                                    W3: {"posts": 1}}


def test_importing_the_same_export_again_doubles_nothing() -> None:
    export = reading(WeekLog(W1, {"posts": 2, "messages_sent": 5, "replies_received": 1}))
    once = run(Document(), export)
    twice = run(once, export)
    assert twice == once
    assert imported(twice) == {W1: {"posts": 2, "messages_sent": 5, "replies_received": 1}}
    again = export_merge(twice, export, today=TODAY)
    assert (again.added, again.updated) == ((), ()) and not again.changes_anything()


def test_weeks_and_counts_the_newer_export_does_not_cover_are_kept() -> None:
    old = run(Document(), reading(WeekLog(W1, {"requests_sent": 3}),
                                  WeekLog(W2, {"requests_sent": 2, "messages_sent": 5})))
    # A newer export: invitations only go back a few weeks, and no messages file this time.
    newer = run(old, reading(WeekLog(W2, {"requests_sent": 4}), WeekLog(W3, {"posts": 1})))
    assert imported(newer) == {W1: {"requests_sent": 3},
                               W2: {"requests_sent": 4, "messages_sent": 5},
                               W3: {"posts": 1}}


def test_a_replaced_count_never_leaves_a_part_above_its_whole() -> None:
    old = run(Document(), reading(WeekLog(W1, {"requests_sent": 5, "requests_accepted": 4})))
    newer = run(old, reading(WeekLog(W1, {"requests_sent": 2})))
    assert imported(newer) == {W1: {"requests_sent": 2}}


def test_weeks_the_document_could_not_store_are_skipped_and_said() -> None:
    export = reading(WeekLog(W1, {"posts": 1}), WeekLog(W2, {"bogus": 1}),
                     WeekLog(W3, {"replies_received": 3, "messages_sent": 1}),
                     WeekLog(W4, {"posts": 2.5}))  # type: ignore[dict-item]
    plan = export_merge(Document(), export, today=TODAY)
    assert [w.week for w in plan.added] == [W1]
    assert [s.split(":")[0] for s in plan.skipped] == [
        "Week of 2026-10-12", "Week of 2026-10-19", "Week of 2026-10-26"]
    assert "unknown count" in plan.skipped[0] and "whole number" in plan.skipped[2]
    after = apply_export_merge(Document(), plan)
    assert decode(encode(after))[0] == after  # what was stored loads again


# ---- typed and imported in the same week ------------------------------------------------------

TYPED = Document(weeks=(WeekLog(W1, {"posts": 1, "meetings": 2}),
                        WeekLog(W2, {"deals_won": 1})))
EXPORT = reading(WeekLog(W1, {"posts": 3, "reactions_given": 4}),
                 WeekLog(W2, {"posts": 2}))


def test_a_week_typed_differently_is_a_conflict_that_typed_wins_by_default() -> None:
    plan = export_merge(TYPED, EXPORT, today=TODAY)
    assert [(c.week, c.differences(), c.source) for c in plan.conflicts] == [
        (W1, ("posts",), "typed")]  # W2: typed outcomes only, nothing to choose
    after = apply_export_merge(TYPED, plan)
    assert after.week_sources == {}
    assert effective(after) == {W1: {"posts": 1, "meetings": 2, "reactions_given": 4},
                                W2: {"deals_won": 1, "posts": 2}}


def test_choosing_the_import_for_a_week_flips_it_and_keeps_typed_outcomes() -> None:
    after = run(TYPED, EXPORT, {W1: "imported"})
    assert after.week_sources == {W1: "imported"}
    assert effective(after)[W1] == {"posts": 3, "meetings": 2, "reactions_given": 4}
    assert after.weeks == TYPED.weeks
    plan = export_merge(after, EXPORT, today=TODAY)
    assert [c.source for c in plan.conflicts] == ["imported"]  # the earlier choice stands
    back = apply_export_merge(after, plan, {W1: "typed"})
    assert back.week_sources == {} and effective(back)[W1]["posts"] == 1


@pytest.mark.parametrize("choices", [{W1: "both"}, {W3: "imported"}])
def test_a_choice_for_no_conflict_is_a_bug(choices: dict[dt.date, str]) -> None:
    plan = export_merge(TYPED, EXPORT, today=TODAY)
    with pytest.raises(ValueError, match="no choice"):
        apply_export_merge(TYPED, plan, choices)


def test_effective_weeks_fill_in_what_only_the_losing_source_holds() -> None:
    typed = (WeekLog(W1, {"messages_sent": 1, "meetings": 1}), WeekLog(W2, {"posts": 1}))
    imports = (WeekLog(W1, {"messages_sent": 9, "replies_received": 3, "posts": 2}),
               WeekLog(W3, {"posts": 5}))
    merged = {w.week: dict(w.counts) for w in effective_weeks(typed, imports, {})}
    # replies (3) would exceed the typed messages sent (1), so they are not filled in
    assert merged == {W1: {"messages_sent": 1, "meetings": 1, "posts": 2},
                      W2: {"posts": 1}, W3: {"posts": 5}}
    flipped = effective_weeks(typed, imports, {W1: "imported"})
    assert dict(flipped[0].counts) == {"messages_sent": 9, "replies_received": 3, "posts": 2,
                                       "meetings": 1}


def test_the_coach_reads_imported_weeks() -> None:
    document = run(Document(), reading(WeekLog(TODAY - dt.timedelta(days=TODAY.weekday()),
                                               {"posts": 1})))
    assert coach_view(document, TODAY).has_activity


def test_a_document_refuses_a_source_that_is_not_a_monday_or_a_source() -> None:
    with pytest.raises(ValueError, match="Monday"):
        Document(week_sources={W1 + dt.timedelta(days=1): "typed"})
    with pytest.raises(ValueError, match="Monday"):
        Document(week_sources={W1: "both"})


# ---- checklist and network --------------------------------------------------------------------

def test_the_checklist_changes_only_where_the_export_has_evidence() -> None:
    mine = Document(checklist=Checklist({"photo": True, "skills": True, "about": True},
                                        dt.date(2026, 1, 1)))
    export = reading(checklist={"skills": False, "education": True, "photo": True,
                                "about": False},
                     evidence={"skills": "Skills.csv: 2 skills",
                               "education": "Education.csv: 1 school"})
    plan = export_merge(mine, export, today=TODAY)
    # photo: already ticked; about: an un-tick without evidence named is not made
    assert [(c.item, c.before, c.after, c.unticks) for c in plan.checklist] == [
        ("education", None, True, False), ("skills", True, False, True)]
    assert plan.checklist[1].evidence == "Skills.csv: 2 skills"
    after = apply_export_merge(mine, plan)
    assert after.checklist == Checklist({"photo": True, "skills": False, "about": True,
                                         "education": True}, TODAY)


def test_an_export_without_checklist_evidence_leaves_the_checklist_and_its_date() -> None:
    mine = Document(checklist=Checklist({"photo": True}, dt.date(2026, 1, 1)))
    assert run(mine, reading(WeekLog(W1, {"posts": 1}))).checklist == mine.checklist


def test_the_network_summary_is_replaced_unless_the_export_has_none() -> None:
    first = NetworkSummary({"2026-10": {"vp": 2}}, invitations_sent=5, invitations_accepted=2)
    second = NetworkSummary({"2026-11": {"other": 1}}, invitations_sent=3)
    once = run(Document(), reading(network=first))
    assert once.network == first
    plan = export_merge(once, reading(network=second), today=TODAY)
    assert plan.replaces_network and (plan.network_before, plan.network) == (first, second)
    assert run(once, reading(network=second)).network == second
    assert run(once, reading(WeekLog(W1, {"posts": 1}))).network == first


def test_a_network_summary_the_document_could_not_store_is_skipped() -> None:
    bad = NetworkSummary(invitations_sent=-1)
    plan = export_merge(Document(), reading(network=bad), today=TODAY)
    assert plan.network is None and "invitations_sent" in plan.skipped[0]


# ---- properties -------------------------------------------------------------------------------

near_mondays = st.integers(0, 8).map(lambda n: W1 + dt.timedelta(weeks=n))
logs = st.builds(WeekLog, week=near_mondays, counts=weekly_counts)
documents = st.builds(
    Document, weeks=week_log_lists(5, logs), imported=week_log_lists(5, logs),
    week_sources=st.dictionaries(near_mondays, st.sampled_from(("typed", "imported"))),
    checklist=st.none() | st.builds(
        Checklist, st.dictionaries(st.sampled_from(("photo", "skills", "about")), st.booleans())),
    network=st.none() | network_summaries,
)
readings = st.builds(
    lambda weeks, checklist, network: reading(
        *weeks, checklist=checklist, evidence={k: "file" for k in checklist}, network=network),
    week_log_lists(5, logs),
    st.dictionaries(st.sampled_from(("photo", "skills", "education")), st.booleans()),
    network_summaries,
)
choices = st.dictionaries(near_mondays, st.sampled_from(("typed", "imported")))


@given(documents, readings, choices)
def test_importing_a_reading_again_shows_nothing_new_and_changes_nothing(
        document: Document, export: ExportReading, picked: dict[dt.date, str]) -> None:
    plan = export_merge(document, export, today=TODAY)
    picked = {day: source for day, source in picked.items()
              if day in {c.week for c in plan.conflicts}}
    after = apply_export_merge(document, plan, picked)
    assert apply_export_merge(after, plan, picked) == after  # idempotent
    again = export_merge(after, export, today=TODAY)
    assert (again.added, again.updated, again.checklist) == ((), (), ())
    assert apply_export_merge(after, again) == after
    stored = imported(after)
    for log in export.weeks:  # every count read is stored exactly, never added to
        assert {k: stored[log.week][k] for k in log.counts} == dict(log.counts)
    assert after.weeks == document.weeks
    assert decode(encode(after))[0] == after
