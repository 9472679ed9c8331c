"""The peers' pillar averages on a pasted SSI page (docs/linkedin-export.md §4.7).

The rules a member would notice: the member's own pillars never come from the industry's or
network's table, wherever that table stands; a group is kept whole or not at all, and the
preview says why; values are checked like pillars; peers taken in page order are flagged;
the weekly line is kept as the page words it; and what was read fills the check-in form.
Golden pastes of whole pages are in test_paste.py; these compose small pastes so each rule
shows on its own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.importers.ssi_locales import LOCALES
from ssi_coach.importers.ssi_page import PasteResult, SsiReading, read_ssi_page, reading_to_form
from ssi_coach.importers.ssi_peers import BLOCK, LOOSE, OWN, Table, assign
from ssi_coach.model import PEER_GROUPS, PILLAR_KEYS, PILLARS, PeerAverages

Scores = tuple[float, float, float, float]
LABELS = [p.label for p in PILLARS]
OWN_SCORES: Scores = (12.05, 5, 10, 5.95)  # 33
INDUSTRY: Scores = (8, 7, 9, 7)  # 31
NETWORK: Scores = (9.4, 8, 5.5, 7.1)  # 30
HEADINGS = {"own": "Current Social Selling Index", "industry": "People in your industry",
            "network": "People in your network"}
ORDER_NOTE = "pillar averages were taken in page order"


def shown(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def rows(scores: Sequence[float], layout: str = "rows") -> str:
    """Four pillar rows: "value<TAB>label" lines, or an accessibility table."""
    if layout == "table":
        left = shown(100 - round(sum(scores), 3))
        return ("Category\tvalue\n" + "".join(f"{label}\t{shown(v)}\n"
                                              for label, v in zip(LABELS, scores, strict=True))
                + f"Remaining points\t{left}\n")
    return "".join(f"{shown(v)}\t{label}\n" for label, v in zip(LABELS, scores, strict=False))


def section(part: str, scores: Sequence[float], layout: str = "rows", *,
            heading: bool = True, status: str = "") -> str:
    caption = f"{round(sum(scores))} out of 100\n"
    return (f"{HEADINGS[part]}\n" if heading else "") + caption + rows(scores, layout) + (
        f"{status}\n" if status else "")


def read(text: str) -> SsiReading:
    result = read_ssi_page(text)
    assert result.problems == (), result.problems
    assert result.reading is not None
    return result.reading


def peers(scores: Sequence[float]) -> PeerAverages:
    return PeerAverages(*scores)


def notes_about(result: PasteResult, words: str) -> list[str]:
    return [note for note in result.notes if words in note]


# ---- the member's own pillars never come from a peer table --------------------------------

@pytest.mark.parametrize("order", [("own", "industry", "network"), ("industry", "network", "own"),
                                   ("network", "own", "industry")])
@pytest.mark.parametrize("layout", ["rows", "table"])
def test_own_pillars_come_from_the_own_block_wherever_the_peers_stand(
        order: tuple[str, ...], layout: str) -> None:
    scores = {"own": OWN_SCORES, "industry": INDUSTRY, "network": NETWORK}
    got = read("".join(section(part, scores[part], layout) for part in order))
    assert tuple(got.pillars.values()) == OWN_SCORES
    assert got.total == 33
    assert (got.industry_peers, got.network_peers) == (peers(INDUSTRY), peers(NETWORK))
    assert not got.peers_low_confidence


def test_an_own_block_without_pillars_is_refused_rather_than_filled_from_a_peer_table() -> None:
    text = "Current Social Selling Index\n33 out of 100\n" + section("industry", INDUSTRY)
    result = read_ssi_page(text)
    assert result.reading is None
    assert "none of the four pillar scores" in result.problems[0]


def test_an_html_group_donut_is_never_the_members_even_when_it_comes_first() -> None:
    donut = ('<div class="group-ssi-score__donut-chart"><table>'
             + "".join(f"<tr><td>{label}</td><td>{shown(v)}</td></tr>"
                       for label, v in zip(LABELS, INDUSTRY, strict=True)) + "</table></div>")
    own = "<div>" + "".join(f"<p>{shown(v)}\t{label}</p>"
                            for label, v in zip(LABELS, OWN_SCORES, strict=True)) + "</div>"
    got = read(f"<html><body>{donut}{own}</body></html>")
    assert tuple(got.pillars.values()) == OWN_SCORES
    assert got.industry_peers == peers(INDUSTRY) and got.network_peers is None
    assert got.peers_low_confidence  # a donut with no heading: given to the industry by order


def test_the_fence_characters_of_html_donuts_are_taken_out_of_a_pasted_text() -> None:
    got = read("\ue000\n" + rows(OWN_SCORES) + "\ue001\n" + rows(INDUSTRY))
    assert tuple(got.pillars.values()) == OWN_SCORES


def test_the_four_components_list_repeating_the_own_table_is_not_a_peer_table() -> None:
    text = ("Current Social Selling Index\n" + rows(OWN_SCORES, "table") + "33 out of 100\n"
            "Four components of your score\n" + rows(OWN_SCORES))
    got = read(text)
    assert (got.industry_peers, got.network_peers, got.peers_low_confidence) == (None, None,
                                                                               False)


# ---- a property: any order of the three parts reads the same ---------------------------------

PEER_SCORES = st.decimals(min_value=0, max_value=25, places=3).map(float)
FOUR = st.tuples(PEER_SCORES, PEER_SCORES, PEER_SCORES, PEER_SCORES)


@given(own=FOUR, industry=FOUR, network=FOUR, order=st.permutations(["own", "industry", "network"]),
       layouts=st.lists(st.sampled_from(["rows", "table"]), min_size=3, max_size=3))
def test_any_order_of_the_three_parts_after_their_headings_reads_the_same(
        own: Scores, industry: Scores, network: Scores, order: list[str],
        layouts: list[str]) -> None:
    scores = {"own": own, "industry": industry, "network": network}
    text = "".join(section(part, scores[part], layout)
                   for part, layout in zip(order, layouts, strict=True))
    got = read(text)
    assert tuple(got.pillars.values()) == own
    assert got.industry_peers == peers(industry)
    assert got.network_peers == peers(network)
    assert not got.peers_low_confidence


# ---- a group is kept whole, and checked like pillars ------------------------------------------

def test_a_group_missing_a_row_is_left_out_whole_with_a_note() -> None:
    partial = section("industry", INDUSTRY).replace("7\tBuild relationships\n", "")
    result = read_ssi_page(section("own", OWN_SCORES) + partial + section("network", NETWORK))
    assert result.reading is not None
    assert result.reading.industry_peers is None
    assert result.reading.network_peers == peers(NETWORK)
    [note] = notes_about(result, "Industry pillar averages left out")
    assert "3 of the four" in note and "Build relationships" in note


def test_an_average_above_25_leaves_its_group_out() -> None:
    result = read_ssi_page(section("own", OWN_SCORES) + section("network", (26, 1, 1, 2)))
    assert result.reading is not None and result.reading.network_peers is None
    assert notes_about(result, "reads as 26, but an average pillar score is between 0 and 25")


def test_averages_that_do_not_add_up_to_the_groups_average_are_left_out() -> None:
    wrong = section("network", NETWORK).replace("30 out of 100", "40 out of 100")
    result = read_ssi_page(section("own", OWN_SCORES) + wrong)
    assert result.reading is not None and result.reading.network_peers is None
    assert notes_about(result, "they add up to 30, but the page gives this group an average")


def test_averages_within_a_point_of_a_rounded_average_are_kept() -> None:
    json_text = json.dumps({"memberScore": {"overall": 33, "subScores": _sub(OWN_SCORES)},
                            "groupScore": [{"groupType": "INDUSTRY", "rank": 5, "score": {
                                "overall": 31.9, "subScores": _sub(INDUSTRY)}}]})
    assert read(json_text).industry_peers == peers(INDUSTRY)


def test_no_peers_on_the_page_is_no_note() -> None:
    result = read_ssi_page(section("own", OWN_SCORES))
    assert result.reading is not None and result.reading.industry_peers is None
    assert not [n for n in result.notes if "pillar averages" in n]


# ---- JSON ------------------------------------------------------------------------------------

def _sub(scores: Sequence[float]) -> list[dict[str, object]]:
    return [{"pillar": p.api_key, "score": s} for p, s in zip(PILLARS, scores, strict=True)]


def test_json_groups_are_read_by_pillar_rounded_as_shown_and_team_is_left_out() -> None:
    team = {"overall": 50, "subScores": _sub((13, 12, 12, 13))}
    network = {"overall": 30.0, "subScores": _sub((9.4000001, 8, 5.4999998, 7.1))[::-1]}
    data = {"memberScore": {"overall": 33.0, "subScores": _sub(OWN_SCORES)[::-1]},
            "groupScore": [{"groupType": "TEAM", "score": team},
                           {"groupType": "NETWORK", "score": network},
                           {"groupType": "INDUSTRY", "score": {"overall": 31.0, "subScores": []}}]}
    got = read(json.dumps(data))
    assert got.network_peers == peers(NETWORK)
    assert got.industry_peers is None
    assert not got.peers_low_confidence


@pytest.mark.parametrize("group_type", [["INDUSTRY"], 7, None, {"a": 1}])
def test_a_strange_group_type_is_skipped_without_raising(group_type: object) -> None:
    data = {"memberScore": {"overall": 33.0, "subScores": _sub(OWN_SCORES)},
            "groupScore": [{"groupType": group_type, "score": {"subScores": _sub(INDUSTRY)}}]}
    got = read(json.dumps(data))
    assert (got.industry_peers, got.network_peers) == (None, None)


# ---- headings unknown: page order, flagged -----------------------------------------------------

def test_tables_without_headings_go_to_industry_then_network_and_say_so() -> None:
    result = read_ssi_page(rows(OWN_SCORES, "table") + rows(INDUSTRY, "table")
                           + rows(NETWORK, "table"))
    reading = result.reading
    assert reading is not None
    assert tuple(reading.pillars.values()) == OWN_SCORES
    assert (reading.industry_peers, reading.network_peers) == (peers(INDUSTRY), peers(NETWORK))
    assert reading.peers_low_confidence
    assert notes_about(result, f"industry and network {ORDER_NOTE}")


def test_a_partial_table_without_a_heading_is_not_given_to_a_group() -> None:
    text = section("own", OWN_SCORES) + "31 out of 100\n" + rows(INDUSTRY[:2])
    result = read_ssi_page(text)
    assert result.reading is not None
    assert (result.reading.industry_peers, result.reading.peers_low_confidence) == (None, False)
    assert not notes_about(result, "pillar averages")


def test_a_heading_claims_its_group_and_the_headless_table_takes_the_other() -> None:
    text = section("own", OWN_SCORES) + section("network", NETWORK) + "31 out of 100\n" + rows(
        INDUSTRY)
    # The headless table sits in the network's section after its own table: not the network's.
    got = read(text)
    assert got.network_peers == peers(NETWORK)
    assert got.industry_peers == peers(INDUSTRY)
    assert got.peers_low_confidence


# ---- the weekly line -------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "kept"), [
    ("No change in the last week", "No change in the last week"),
    ("No  change\u00a0since last week", "No change since last week"),
    ("Up 2 points since last week", "Up 2 points since last week"),
    ("Down by one this week, " + "x" * 80, ""),  # too long for a weekly line
    ("Updated daily", ""),
])
def test_each_groups_weekly_line_is_kept_as_the_page_words_it(line: str, kept: str) -> None:
    text = (section("own", OWN_SCORES) + section("industry", INDUSTRY, status=line)
            + section("network", NETWORK, status="No change in the last week"))
    got = read(text)
    assert got.industry_status == kept
    assert got.network_status == "No change in the last week"


def test_weekly_lines_glued_to_their_neighbours_are_still_found() -> None:
    glued = section("own", OWN_SCORES).replace("\n", "") + (
        "People in your industry31 out of 100You rank in the top 12%No change in the last week")
    assert read(glued).industry_status == "No change in the last week"


# ---- the form ---------------------------------------------------------------------------------

def test_a_reading_fills_every_groups_fields_and_leaves_unknown_ones_empty() -> None:
    reading = read(section("own", OWN_SCORES) + section("network", NETWORK, status="No change "
                                                                           "in the last week"))
    form = reading_to_form(reading)
    for group in PEER_GROUPS:
        for pillar, value in zip(PILLARS, NETWORK, strict=True):
            field = group.field_name(pillar)
            assert form[field] == ("" if group.key == "industry" else shown(value)), field
    assert (form["industry_status"], form["network_status"]) == ("", "No change in the last week")


# ---- assign: whose each table is, on tables alone ------------------------------------------------

def table(scores: Sequence[float], place: str, block: int = -1,
          total: float | None = None) -> Table:
    return Table(dict(zip(PILLAR_KEYS, scores, strict=False)), place, block, total)


def test_assign_gives_the_own_block_its_first_table_and_repeats_only() -> None:
    roles = assign([table(OWN_SCORES, OWN), table(OWN_SCORES, OWN), table(INDUSTRY, OWN)],
                   own_by_order=False)
    assert tuple(roles.own.values()) == OWN_SCORES
    assert roles.peers == {"industry": dict(zip(PILLAR_KEYS, INDUSTRY, strict=True))}
    assert roles.by_order == {"industry"}


def test_assign_takes_the_member_by_order_only_without_an_own_block() -> None:
    tables = [table(INDUSTRY, "industry"), table(OWN_SCORES, LOOSE, total=33)]
    assert assign(tables, own_by_order=False).own == {}
    roles = assign(tables, own_by_order=True)
    assert tuple(roles.own.values()) == OWN_SCORES and roles.own_total == 33
    assert roles.by_order == frozenset()


def test_assign_gives_headless_donuts_before_loose_tables_and_never_a_partial_loose_one() -> None:
    roles = assign([table(NETWORK[:3], LOOSE), table(OWN_SCORES, OWN),
                    table(INDUSTRY, BLOCK, 0), table(NETWORK, LOOSE)], own_by_order=False)
    assert roles.peers["industry"] == dict(zip(PILLAR_KEYS, INDUSTRY, strict=True))
    assert roles.peers["network"] == dict(zip(PILLAR_KEYS, NETWORK, strict=True))
    assert roles.by_order == {"industry", "network"}


# ---- the locale table ---------------------------------------------------------------------------

def test_every_locale_names_both_groups_or_neither_and_its_weekly_lines_have_no_number() -> None:
    for locale in LOCALES:
        assert bool(locale.industry_section) == bool(locale.network_section), locale.code
        for line in locale.status:
            assert "{" not in line and any(w.lower() in line.lower() for w in locale.week), line


def test_peer_values_are_finite_and_three_decimals_in_every_golden_reading() -> None:
    from tests.ssi_pages import paste, paste_files

    for paste_file in paste_files():
        reading = read_ssi_page(paste(paste_file.stem)).reading
        for averages in (reading.industry_peers, reading.network_peers) if reading else ():
            for value in averages.pillar_scores() if averages else ():
                assert math.isfinite(value) and 0 <= value <= 25 and round(value, 3) == value
