"""The team view: merging a member's check-ins, keeping people apart, and the team table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.checkins.merge import MergedCheckins, merge_checkins
from ssi_coach.model import CheckIn, Document, FieldError, Person
from ssi_coach.team.table import (
    SORT_KEYS,
    TeamChange,
    TeamSort,
    TeamView,
    add_missing_people,
    add_to_team,
    name_for_file,
    put_back,
    remove_person,
    rename_person,
    team_csv,
    team_view,
)

from .conftest import TODAY, checkin
from .strategies import checkins, in_date_order
from .test_storage import documents

checkin_lists = st.lists(checkins(), max_size=8, unique_by=lambda c: c.on).map(in_date_order)
names = st.text(max_size=70)

# ---- a small team, every figure below worked out by hand ------------------------------------

ANN = Person("Ann", (
    checkin("2026-09-10", (10, 8, 6, 7)),  # 31
    checkin("2026-11-02", (12.5, 8, 5, 9), industry_rank=20, network_rank=5),  # 34.5
), saved_on=dt.date(2026, 11, 3))
BOB = Person("Bob", (checkin("2026-11-15", (9, 9, 9, 9)),), saved_on=dt.date(2026, 11, 15))  # 36
CARA = Person("Cara", (
    checkin("2026-06-20", (20, 4, 4, 10)),  # 38
    checkin("2026-10-20", (20, 4.25, 6, 8.75), industry_rank=11),  # 39
), saved_on=dt.date(2026, 10, 21))
TEAM = (ANN, BOB, CARA)
MINE = (checkin("2026-11-01"), checkin("2026-11-20", (13, 7, 4, 3)))

ACTION = {
    "brand": "Publish one post a week about a problem you solve",
    "people": "Search your target industry and send 5 connection requests a week to "
              "decision-makers (Director, VP, Head, Owner titles)",
    "insights": "Comment on 2 posts each weekday",
    "relationships": "Send 5 personal messages a week to people credible in your field, and "
                     "keep two conversations going",
}


def view(people: tuple[Person, ...] = TEAM, sort_by: str = "total",
         descending: bool = True) -> TeamView:
    result = team_view(people, TODAY, sort_by=sort_by, descending=descending)
    assert result is not None
    return result


def added(document: Document, name: str, items: tuple[CheckIn, ...],
          today: dt.date = TODAY) -> TeamChange:
    result = add_to_team(document, name, items, today)
    assert isinstance(result, TeamChange), result
    return result


def everything_but_people(document: Document) -> Document:
    return replace(document, people=())


# ---- merging ---------------------------------------------------------------------------------

def test_merge_adds_new_dates_lets_incoming_win_and_counts_each() -> None:
    sept, octo = checkin("2026-09-01"), checkin("2026-10-01", (10, 5, 5, 5))
    corrected = checkin("2026-10-01", (10, 5, 5, 6))
    nov = checkin("2026-11-01")
    merged = merge_checkins([sept, octo], [nov, corrected, sept])
    assert merged == MergedCheckins((sept, corrected, nov), added=1, updated=1, unchanged=1)
    assert merged.changed


def test_merge_never_doubles_a_date_and_a_repeat_changes_nothing() -> None:
    items = (checkin("2026-09-01"), checkin("2026-10-01"))
    merged = merge_checkins(items, items)
    assert merged == MergedCheckins(items, added=0, updated=0, unchanged=2)
    assert not merged.changed


def test_a_date_given_twice_in_incoming_counts_once_the_later_winning() -> None:
    first, second = checkin("2026-10-01", (1, 1, 1, 1)), checkin("2026-10-01", (2, 2, 2, 2))
    assert merge_checkins([], [first, second]) == MergedCheckins((second,), 1, 0, 0)


@given(checkin_lists)
def test_merging_with_itself_changes_nothing(items: tuple[CheckIn, ...]) -> None:
    assert merge_checkins(items, items) == MergedCheckins(items, 0, 0, len(items))


@given(checkin_lists, checkin_lists)
def test_merging_is_idempotent_and_keeps_every_date_once(existing: tuple[CheckIn, ...],
                                                          incoming: tuple[CheckIn, ...]) -> None:
    once = merge_checkins(existing, incoming)
    twice = merge_checkins(once.checkins, incoming)
    assert twice.checkins == once.checkins and not twice.changed
    assert [c.on for c in once.checkins] == sorted({c.on for c in (*existing, *incoming)})
    assert set(incoming) <= set(once.checkins)  # incoming wins every shared date
    assert once.added + once.updated + once.unchanged == len(incoming)


# ---- adding and refreshing -------------------------------------------------------------------

def test_a_new_person_is_added_at_the_end_with_a_tidied_name() -> None:
    document = Document(checkins=MINE, people=(ANN,))
    change = added(document, "  Bob \n  Lee\t", BOB.checkins)
    assert change.document.people == (ANN, Person("Bob Lee", BOB.checkins, TODAY))
    assert (change.name, change.is_new, change.changed) == ("Bob Lee", True, True)
    assert (change.added, change.updated, change.unchanged) == (1, 0, 0)


def test_a_long_name_is_cut_to_60_characters_without_a_trailing_space() -> None:
    change = added(Document(), "x" * 59 + " yz", BOB.checkins)
    assert change.name == "x" * 59


def test_the_same_name_in_any_case_refreshes_that_person_in_place() -> None:
    document = Document(checkins=MINE, people=TEAM)
    corrected = checkin("2026-11-02", (12.5, 8, 5, 9.5))
    new = checkin("2026-11-20", (13, 8, 5, 9.5))
    change = added(document, " ann ", (ANN.checkins[0], corrected, new))
    assert change.document.people == (
        Person("Ann", (ANN.checkins[0], corrected, new), TODAY), BOB, CARA)
    assert (change.name, change.is_new, change.changed) == ("Ann", False, True)
    assert (change.added, change.updated, change.unchanged) == (1, 1, 1)


def test_a_duplicate_link_changes_nothing_not_even_the_saved_date() -> None:
    document = Document(checkins=MINE, people=TEAM)
    change = added(document, "BOB", BOB.checkins)
    assert change.document is document
    assert (change.changed, change.is_new, change.unchanged) == (False, False, 1)


def test_a_name_and_check_ins_are_needed_and_both_problems_are_named() -> None:
    assert add_to_team(Document(), " \n ", (), TODAY) == [
        FieldError("name", "Type the person's name, so you can tell the rows of the team apart."),
        FieldError("checkins", "There are no check-ins to keep: the link or file holds none."),
    ]
    result = add_to_team(Document(), "Ann", (), TODAY)
    assert isinstance(result, list) and [e.field for e in result] == ["checkins"]


@given(documents, names, checkin_lists)
def test_adding_touches_nothing_but_people(document: Document, name: str,
                                           items: tuple[CheckIn, ...]) -> None:
    result = add_to_team(document, name, items, TODAY)
    if isinstance(result, TeamChange):
        assert everything_but_people(result.document) == everything_but_people(document)
        assert result.document.checkins == document.checkins
        kept = next(p for p in result.document.people if p.name == result.name)
        assert set(items) <= set(kept.checkins)


# ---- renaming and removing -------------------------------------------------------------------

def test_renaming_tidies_the_name_and_keeps_the_place_and_check_ins() -> None:
    document = Document(checkins=MINE, people=TEAM)
    renamed = rename_person(document, "bob", "  Robert \n Jones ")
    assert isinstance(renamed, Document)
    assert renamed.people == (ANN, replace(BOB, name="Robert Jones"), CARA)
    assert renamed.checkins == MINE


def test_renaming_to_another_case_of_the_same_name_is_fine() -> None:
    renamed = rename_person(Document(people=TEAM), "Ann", "ANN")
    assert isinstance(renamed, Document) and renamed.people[0].name == "ANN"


@pytest.mark.parametrize(("old", "new", "field"), [
    ("Ann", "cara", "name"),  # names stay unique, ignoring case
    ("Ann", " \t ", "name"),
    ("Dora", "Dana", "person"),
])
def test_renaming_refuses_a_taken_empty_or_unknown_name(old: str, new: str, field: str) -> None:
    result = rename_person(Document(people=TEAM), old, new)
    assert isinstance(result, FieldError) and result.field == field


def test_renaming_error_messages_say_what_to_do() -> None:
    assert rename_person(Document(people=TEAM), "Ann", "CARA") == FieldError(
        "name", "“CARA” is already in the team; choose another name.")
    assert rename_person(Document(people=TEAM), "Dora", "Dana") == FieldError(
        "person", "There is no “Dora” in the team.")


def test_removing_takes_all_of_that_persons_data_and_nobody_else() -> None:
    document = Document(checkins=MINE, people=TEAM)
    assert remove_person(document, "BOB") == Document(checkins=MINE, people=(ANN, CARA))
    assert remove_person(document, "Dora") is document


def test_a_removed_person_is_put_back_at_the_end_with_their_check_ins() -> None:
    document = Document(checkins=MINE, people=TEAM)
    removed = remove_person(document, "Ann")
    assert put_back(removed, ANN) == Document(checkins=MINE, people=(BOB, CARA, ANN))


def test_putting_back_refuses_when_the_name_is_in_the_team_again() -> None:
    removed = remove_person(Document(people=TEAM), "Ann")
    again = added(removed, "ANN", BOB.checkins).document
    assert put_back(again, ANN) is None


def test_a_backup_adds_the_people_missing_and_keeps_the_members_copies() -> None:
    theirs_of_ann = Person("ann", BOB.checkins, TODAY)  # same person, ignoring case
    dora = Person("Dora", CARA.checkins, TODAY)
    mine = Document(checkins=MINE, people=(ANN, BOB))
    merged = add_missing_people(mine, (theirs_of_ann, dora, CARA))
    assert merged.people == (ANN, BOB, dora, CARA)
    assert merged.checkins == MINE
    assert add_missing_people(mine, (ANN, Person("BOB", (), TODAY))) is mine


@given(documents, documents)
def test_a_backups_people_never_replace_or_drop_anyone(document: Document,
                                                        backup: Document) -> None:
    merged = add_missing_people(document, backup.people)
    assert merged.people[:len(document.people)] == document.people
    assert everything_but_people(merged) == everything_but_people(document)
    def tidied(person: Person) -> str:  # how the team compares names
        return " ".join(person.name.split())[:60].rstrip().casefold()

    assert {tidied(p) for p in backup.people} <= {tidied(p) for p in merged.people}


@pytest.mark.parametrize(("file_name", "name"), [
    ("ann-lee.csv", "ann-lee"), ("Ann Lee backup.json", "Ann Lee backup"),
    ("team.2026.csv", "team.2026"), ("no extension", "no extension"), (" spaced .csv", "spaced"),
])
def test_a_file_names_its_person_without_its_extension(file_name: str, name: str) -> None:
    assert name_for_file(file_name) == name


@given(documents, names, names)
def test_renaming_and_removing_touch_nothing_but_people(document: Document, old: str,
                                                        new: str) -> None:
    renamed = rename_person(document, old, new)
    if isinstance(renamed, Document):
        assert everything_but_people(renamed) == everything_but_people(document)
        assert [p.checkins for p in renamed.people] == [p.checkins for p in document.people]
    removed = remove_person(document, old)
    assert everything_but_people(removed) == everything_but_people(document)


# ---- the table -------------------------------------------------------------------------------

def test_no_view_without_people_who_have_check_ins() -> None:
    assert team_view([], TODAY) is None
    assert team_view([Person("Empty", (), TODAY)], TODAY) is None
    assert [r.name for r in view((ANN, Person("Empty", (), TODAY))).rows] == ["Ann"]


def test_each_row_reads_the_persons_latest_check_in() -> None:
    ann, bob, cara = sorted(view().rows, key=lambda r: r.name)
    assert (ann.latest_on, ann.total, ann.scores()) == (dt.date(2026, 11, 2), 34.5,
                                                        (12.5, 8, 5, 9))
    assert (ann.industry_rank, ann.network_rank) == (20, 5)
    assert (bob.industry_rank, bob.network_rank) == (None, None)
    assert (cara.industry_rank, cara.network_rank) == (11, None)


def test_change_is_since_the_previous_check_in_and_none_for_a_first() -> None:
    assert {r.name: r.change for r in view().rows} == {"Ann": 3.5, "Bob": None, "Cara": 1.0}


def test_days_since_counts_from_the_latest_check_in_to_today() -> None:
    # 2026-11-02, -11-15 and -10-20 to 2026-11-22; a check-in today is 0 days old.
    assert {r.name: r.days_since for r in view().rows} == {"Ann": 20, "Bob": 7, "Cara": 33}
    today = Person("Dee", (checkin(TODAY.isoformat()),), TODAY)
    assert view((today,)).rows[0].days_since == 0


def test_weakest_pillar_is_the_lowest_score_ties_going_in_pillar_order() -> None:
    rows = {r.name: r for r in view().rows}
    assert {name: r.weakest.key for name, r in rows.items()} == {
        "Ann": "insights", "Bob": "brand", "Cara": "people"}  # Bob: all four tie at 9
    tied = Person("Tie", (checkin(scores=(10, 3, 3, 12)),), TODAY)
    assert view((tied,)).rows[0].weakest.key == "people"


def test_each_row_suggests_the_first_weekly_action_for_its_weakest_pillar() -> None:
    assert {r.name: r.action for r in view().rows} == {
        "Ann": ACTION["insights"], "Bob": ACTION["brand"], "Cara": ACTION["people"]}
    lowest_relationships = Person("Rel", (checkin(scores=(10, 10, 10, 2)),), TODAY)
    assert view((lowest_relationships,)).rows[0].action == ACTION["relationships"]


@pytest.mark.parametrize(("sort_by", "descending", "order"), [
    ("total", True, ["Cara", "Bob", "Ann"]),  # 39, 36, 34.5
    ("total", False, ["Ann", "Bob", "Cara"]),
    ("name", False, ["Ann", "Bob", "Cara"]),
    ("name", True, ["Cara", "Bob", "Ann"]),
    ("brand", True, ["Cara", "Ann", "Bob"]),  # 20, 12.5, 9
    ("days_since", False, ["Bob", "Ann", "Cara"]),  # 7, 20, 33
    # None last in both directions:
    ("change", True, ["Ann", "Cara", "Bob"]),  # 3.5, 1, None
    ("change", False, ["Cara", "Ann", "Bob"]),
    ("industry_rank", False, ["Cara", "Ann", "Bob"]),  # 11, 20, None
    ("industry_rank", True, ["Ann", "Cara", "Bob"]),
    ("network_rank", False, ["Ann", "Bob", "Cara"]),  # 5, then None by name
    ("network_rank", True, ["Ann", "Bob", "Cara"]),
    # Ties go by name A to Z in both directions: Ann and Bob both have 9.
    ("relationships", True, ["Ann", "Bob", "Cara"]),
    ("relationships", False, ["Cara", "Ann", "Bob"]),
])
def test_rows_sort_with_none_last_and_ties_by_name(sort_by: str, descending: bool,
                                                   order: list[str]) -> None:
    result = view(sort_by=sort_by, descending=descending)
    assert [r.name for r in result.rows] == order
    assert (result.sort_by, result.descending) == (sort_by, descending)


def test_an_unknown_sort_key_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="cannot sort"):
        team_view(TEAM, TODAY, sort_by="shoe_size")
    with pytest.raises(ValueError, match="cannot sort"):
        TeamSort().clicked("shoe_size")


def test_the_team_starts_sorted_by_total_best_first() -> None:
    assert TeamSort() == TeamSort("total", descending=True)


@pytest.mark.parametrize(("key", "descending"), [
    ("name", False), ("industry_rank", False), ("network_rank", False), ("days_since", False),
    ("brand", True), ("people", True), ("insights", True), ("relationships", True),
    ("change", True),
])
def test_a_new_column_sorts_names_a_to_z_ranks_and_days_lowest_scores_highest_first(
        key: str, descending: bool) -> None:
    assert TeamSort().clicked(key) == TeamSort(key, descending)


@pytest.mark.parametrize("key", SORT_KEYS)
def test_clicking_the_same_column_again_turns_the_order_round(key: str) -> None:
    first = TeamSort().clicked(key) if key != "total" else TeamSort()
    assert first.clicked(key) == TeamSort(key, not first.descending)
    assert first.clicked(key).clicked(key) == first


# ---- statistics ------------------------------------------------------------------------------

def test_average_and_median_of_an_odd_team() -> None:
    result = view()
    # totals 34.5, 36, 39; brand 12.5, 9, 20; people 8, 9, 4.25; insights 5, 9, 6;
    # relationships 9, 9, 8.75; industry ranks 20 and 11 (Bob has none); network rank 5 only.
    average, median = result.average, result.median
    assert (average.total, average.brand, average.people, average.insights,
            average.relationships) == (36.5, 13.833, 7.083, 6.667, 8.917)
    assert (median.total, median.brand, median.people, median.insights,
            median.relationships) == (36, 12.5, 8, 6, 9)
    assert (average.industry_rank, average.network_rank) == (15.5, 5)
    assert (median.industry_rank, median.network_rank) == (15.5, 5)


def test_median_of_an_even_team_is_the_mean_of_the_middle_two() -> None:
    team = tuple(Person(name, (checkin(scores=scores, industry_rank=rank),), TODAY)
                 for name, scores, rank in (("A", (10, 0, 0, 0), 3), ("B", (20, 0, 0, 0), None),
                                            ("C", (25, 5, 0, 0), 8), ("D", (25, 25, 25, 25), 40)))
    result = view(team)
    # totals 10, 20, 30, 100; ranks 3, 8, 40 (B has none)
    assert (result.average.total, result.median.total) == (40, 25)
    assert (result.average.brand, result.median.brand) == (20, 22.5)
    assert (result.average.industry_rank, result.median.industry_rank) == (17, 8)
    assert (result.average.network_rank, result.median.network_rank) == (None, None)


# ---- charts ----------------------------------------------------------------------------------

def test_heat_map_is_names_by_pillars_highest_total_first_whatever_the_tables_sort() -> None:
    heat = view().heat_map
    assert heat.names == ("Cara", "Bob", "Ann")
    assert [p.key for p in heat.pillars] == ["brand", "people", "insights", "relationships"]
    assert heat.scores == ((20, 4.25, 6, 8.75), (9, 9, 9, 9), (12.5, 8, 5, 9))
    assert heat.v_max == 25
    assert heat.summary == ("Pillar scores of 3 people, 0 to 25 each; on average the team is "
                            "lowest in Engage with insights (6.7).")
    # Sorting the table leaves the heat map as it is: it is never redrawn for a sort.
    assert view(sort_by="name", descending=False).heat_map == heat


def test_a_large_teams_heat_map_shows_the_highest_totals_and_says_so() -> None:
    from ssi_coach.team.table import HEAT_MAP_ROWS

    people = [Person(f"P{n:03}", (checkin("2026-11-01", (n % 25, 5, 5, 5)),), TODAY)
              for n in range(HEAT_MAP_ROWS + 5)]
    found = team_view(people, TODAY)
    assert found is not None
    heat = found.heat_map
    assert len(heat.names) == HEAT_MAP_ROWS and heat.left_out == 5
    assert heat.names[0] == "P024" and "the table has everyone" in heat.summary


def test_trend_averages_each_persons_latest_total_by_month() -> None:
    trend = view().trend
    assert trend is not None
    # Cara's June 38 stands through September (3 months on); Ann joins in September with 31,
    # Cara's October 39 replaces her June; Bob joins in November, Ann's 34.5 replaces her 31.
    assert trend.dates == tuple(dt.date(2026, m, 1) for m in range(6, 12))
    assert [s.label for s in trend.series] == ["Team average"]
    assert trend.series[0].values == (38, 38, 38, 34.5, 35, 36.5)
    assert trend.summary == ("The team's average SSI went from 38 in Jun 2026 to 36.5 in "
                             "Nov 2026 over 6 months.")


def test_trend_carries_a_check_in_forward_three_months_at_most() -> None:
    x = Person("X", (checkin("2026-01-15", (10, 10, 10, 10)),
                     checkin("2026-07-03", (20, 10, 10, 10))), TODAY)  # 40, then 50
    y = Person("Y", (checkin("2026-03-01", (5, 5, 5, 5)),), TODAY)  # 20
    trend = view((x, y)).trend
    assert trend is not None
    assert trend.dates == tuple(dt.date(2026, m, 1) for m in range(1, 8))
    # Jan, Feb: X alone; Mar, Apr: both; May, Jun: X's January is too old; Jul: Y's is.
    assert trend.series[0].values == (40, 40, 30, 30, 20, 20, 50)


def test_a_month_nobody_stands_for_is_left_out() -> None:
    x = Person("X", (checkin("2025-01-10", (10, 10, 10, 10)),
                     checkin("2025-07-10", (20, 10, 10, 10))), TODAY)
    trend = view((x,)).trend
    assert trend is not None
    assert trend.dates == tuple(dt.date(2025, m, 1) for m in (1, 2, 3, 4, 7))
    assert trend.series[0].values == (40, 40, 40, 40, 50)


def test_no_trend_within_a_single_month() -> None:
    one_month = Person("X", (checkin("2026-11-01"), checkin("2026-11-20")), TODAY)
    assert view((one_month,)).trend is None


# ---- CSV -------------------------------------------------------------------------------------

def test_team_csv_is_the_table_with_average_and_median_rows() -> None:
    bob = Person("=Bob", (checkin("2026-10-01", (10, 9, 9, 9)),  # 37
                          checkin("2026-11-15", (9, 9, 9, 9))), TODAY)  # 36
    text = team_csv(view((ANN, bob)))
    assert text == (
        "\ufeff"
        "Name,Latest check-in,Total,Establish your professional brand,Find the right people,"
        "Engage with insights,Build relationships,Industry SSI rank (Top %),"
        "Network SSI rank (Top %),Change since previous check-in,Days since latest check-in,"
        "Weakest pillar,Suggested weekly action\r\n"
        "'=Bob,2026-11-15,36,9,9,9,9,,,-1,7,Establish your professional brand,"
        "Publish one post a week about a problem you solve\r\n"
        "Ann,2026-11-02,34.5,12.5,8,5,9,20,5,3.5,20,Engage with insights,"
        "Comment on 2 posts each weekday\r\n"
        "Average,,35.25,10.75,8.5,7,9,20,5,,,,\r\n"
        "Median,,35.25,10.75,8.5,7,9,20,5,,,,\r\n"
    )


def test_team_csv_quotes_cells_with_commas() -> None:
    text = team_csv(view((CARA,)))
    assert f',Find the right people,"{ACTION["people"]}"\r\n' in text


@pytest.mark.parametrize("sort_by", SORT_KEYS)
@pytest.mark.parametrize("descending", [True, False])
def test_resorting_a_view_is_the_same_as_building_it_sorted(sort_by: str,
                                                            descending: bool) -> None:
    from ssi_coach.team.table import resort

    built = view(sort_by=sort_by, descending=descending)
    assert resort(view(), sort_by, descending) == built
