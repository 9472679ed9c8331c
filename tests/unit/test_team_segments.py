"""Segments: tags per person, filtering by a tag, comparing segments over a period."""

from __future__ import annotations

import datetime as dt

import pytest

from ssi_coach.model import MAX_TAG, MAX_TAGS, CheckIn, Document, FieldError, Person
from ssi_coach.team.periods import Period
from ssi_coach.team.segments import (
    compare_segments,
    members,
    read_tags,
    segments,
    set_tags,
)

from .conftest import TODAY, checkin

Q4 = Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31), "Q4 2026")


def person(name: str, tags: tuple[str, ...], *checkins: CheckIn) -> Person:
    return Person(name, checkins, saved_on=TODAY, tags=tags)


TEAM = (
    person("Ann", ("region: EMEA", "Executives"),  # 31 -> 34.5: +3.5
           checkin("2026-09-10", (10, 8, 6, 7)), checkin("2026-11-02", (12.5, 8, 5, 9))),
    person("Bob", ("Region: emea", "Reps"), checkin("2026-11-15", (9, 9, 9, 9))),  # 36
    person("Cara", ("region: APAC", "reps"),  # 38 -> 39: +1
           checkin("2026-06-20", (20, 4, 4, 10)), checkin("2026-10-20", (20, 4.25, 6, 8.75))),
    person("Dan", (), checkin("2026-08-01", (10, 10, 10, 10))),  # 40, nothing in Q4
)


def test_segments_group_values_by_kind_with_the_first_spelling() -> None:
    assert segments(TEAM) == {"region": ("APAC", "EMEA"), "": ("Executives", "Reps")}
    assert list(segments(TEAM)) == ["region", ""]
    assert segments(()) == {}


def test_members_match_a_tag_ignoring_case_and_spacing() -> None:
    assert [p.name for p in members(TEAM, "REGION :  emea")] == ["Ann", "Bob"]
    assert [p.name for p in members(TEAM, "reps")] == ["Bob", "Cara"]
    assert members(TEAM, "region: LATAM") == ()
    assert members(TEAM, "EMEA") == ()  # a plain tag is not a region


def test_comparing_regions_over_a_quarter() -> None:
    rows = compare_segments(TEAM, "Region", Q4)
    assert [(r.label, r.count, r.active, r.average_latest, r.average_change) for r in rows] == [
        ("APAC", 1, 1, 39, 1),
        ("EMEA", 2, 2, (34.5 + 36) / 2, 3.5),  # Bob's single reading has no change
        ("No region", 1, 0, 40, None),
    ]
    assert [r.best_mover.name if r.best_mover else None for r in rows] == ["Cara", "Ann", None]


def test_comparing_plain_tags_leaves_out_nobody() -> None:
    rows = compare_segments(TEAM, "", Q4)
    assert [(r.label, r.count) for r in rows] == [("Executives", 1), ("Reps", 2),
                                                 ("No plain tag", 1)]


def test_a_kind_nobody_has_is_one_row_of_everyone() -> None:
    rows = compare_segments(TEAM, "function", Q4)
    assert [(r.label, r.count) for r in rows] == [("No function", 4)]


# ---- tagging ----------------------------------------------------------------------------------

def test_tags_are_read_tidied_and_repeats_dropped() -> None:
    assert read_tags(" region:EMEA , Executives,, executives ,Team  North, ") == (
        "region: EMEA", "Executives", "Team North")
    assert read_tags("   ") == ()


@pytest.mark.parametrize(("text", "words"), [
    (": EMEA", "no kind before the colon"),
    ("region:", "no value after the colon"),
    ("x" * (MAX_TAG + 1), f"longer than {MAX_TAG} characters"),
    (",".join(f"t{i}" for i in range(MAX_TAGS + 1)), f"at most {MAX_TAGS} tags; this is 13"),
])
def test_a_tag_that_cannot_be_kept_says_why(text: str, words: str) -> None:
    result = read_tags(text)
    assert isinstance(result, FieldError) and result.field == "tags"
    assert words in result.message


def test_the_limits_themselves_are_fine() -> None:
    assert read_tags(",".join(f"t{i}" for i in range(MAX_TAGS))) == tuple(
        f"t{i}" for i in range(MAX_TAGS))
    assert read_tags("x" * MAX_TAG) == ("x" * MAX_TAG,)


def test_set_tags_replaces_a_persons_tags() -> None:
    document = set_tags(Document(people=TEAM), "bob", "region: APAC, Reps")
    assert isinstance(document, Document)
    assert [p.tags for p in document.people] == [TEAM[0].tags, ("region: APAC", "Reps"),
                                                 TEAM[2].tags, ()]
    cleared = set_tags(document, "Bob", "")
    assert isinstance(cleared, Document) and cleared.people[1].tags == ()


def test_set_tags_for_a_stranger_or_a_bad_list_changes_nothing() -> None:
    document = Document(people=TEAM)
    assert set_tags(document, "Zoe", "Reps") == FieldError("person",
                                                            "There is no “Zoe” in the team.")
    assert isinstance(set_tags(document, "Ann", "region:"), FieldError)
