"""A paste of linkedin.com/sales/ssi: every layout of docs/linkedin-export.md §4, read exactly.

Golden files: each paste is `tests/fixtures/ssi_pages/<name>.txt`, and what `read_ssi_page`
answers for it (the reading with its pillars, total, ranks, averages, industry and confidence,
the peers' pillar averages and weekly lines, or the refusal; and the notes) must equal
`<name>.expected.json` beside it. The test never
writes; after a deliberate change to the reader, rewrite the expected files with

    .venv/bin/python -m tests.ssi_pages --regenerate

and review the diff before committing. A new paste layout or language is one `.txt` there;
each locale of the reader's table needs at least one paste named `<code>-....txt` that is read
by its labels.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.importers.ssi_page import LOCALES, PasteResult, SsiReading, read_ssi_page
from tests.ssi_pages import (
    FIXTURES,
    JSON_SHUFFLED,
    PAGE,
    PILLARS_ONLY,
    expected_file,
    paste,
    paste_files,
    summary,
)

Scores = tuple[float, float, float, float]
KEYS = ("brand", "people", "insights", "relationships")
OTHER_LANGUAGE_NOTE = "Read from a page in another language"


def read(text: str) -> SsiReading:
    result = read_ssi_page(text)
    assert result.problems == ()
    assert result.reading is not None
    return result.reading


def expected(paste_file: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads(expected_file(paste_file).read_text(encoding="utf-8"))
    return loaded


# ---- golden files -----------------------------------------------------------------------

PASTES = paste_files()


@pytest.mark.parametrize("paste_file", PASTES, ids=[p.stem for p in PASTES])
def test_paste_is_answered_as_its_golden_file(paste_file: Path) -> None:
    assert summary(read_ssi_page(paste(paste_file.stem))) == expected(paste_file)


def test_every_paste_has_its_expected_file_and_no_expected_file_is_left_over() -> None:
    pastes = {p.stem for p in PASTES}
    answers = {p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json")}
    assert len(pastes) >= 30
    assert pastes == answers


def test_every_locale_has_a_golden_paste_read_by_its_labels() -> None:
    """A locale counts only with a paste `<code>-*.txt` that gives all four pillars."""
    for locale in LOCALES:
        readings = [expected(p)["reading"] for p in PASTES if p.stem.startswith(f"{locale.code}-")]
        assert readings, f"no golden paste for locale {locale.code!r}"
        if locale.pillars:
            assert any(isinstance(r, dict) and not r["low_confidence"] for r in readings), (
                f"no paste of locale {locale.code!r} is read by its pillar labels")


def test_every_locale_is_complete_where_it_is_filled() -> None:
    """A locale names all four pillars or none, and each sentence has its number's place."""
    assert len({locale.code for locale in LOCALES}) == len(LOCALES)
    for locale in LOCALES:
        assert len(locale.pillars) in (0, 4), locale.code
        assert locale.decimal_mark in (".", ",") and locale.out_of, locale.code
        for sentence in (*locale.you_rank, *locale.industry_average, *locale.network_average):
            assert sentence.count("{n}") == 1, sentence


def test_pastes_without_known_labels_are_read_in_page_order_and_say_so() -> None:
    for paste_file in PASTES:
        answer = expected(paste_file)
        reading, notes = answer["reading"], answer["notes"]
        guessed = isinstance(reading, dict) and reading["low_confidence"]
        said = isinstance(notes, list) and any(n.startswith(OTHER_LANGUAGE_NOTE) for n in notes)
        assert guessed == said, paste_file.name
    for name in ("de-unknown-labels.txt", "pl-unknown-labels.txt"):
        reading = expected(FIXTURES / name)["reading"]
        assert isinstance(reading, dict) and reading["low_confidence"], name


# ---- rules shown on composed pastes -----------------------------------------------------


@pytest.mark.parametrize(("paste_text", "industry"), [
    ("Sales professionals in the Technology, Information and Internet industry have an average "
     "SSI of 31.", "Technology, Information and Internet"),
    ("Sales professionals in the Banking, Financial Services industry have an average SSI of 27.",
     "Banking, Financial Services"),
    ("Sales professionals in your industry have an average SSI of 29.", ""),
])
def test_industry_is_read_up_to_the_average_sentence(paste_text: str, industry: str) -> None:
    got = read(PILLARS_ONLY + paste_text)
    assert got.industry == industry
    assert got.industry_average == float(paste_text.rstrip(".").rsplit(" ", 1)[1])


@pytest.mark.parametrize(("total", "scores"), [(21, (5, 12, 3, 1)), (25, (12, 3, 1, 9))])
def test_the_total_decides_a_layout_that_reads_both_ways(total: int, scores: Scores) -> None:
    # Five bare numbers around four labels: value-before or value-after both pair all four.
    paste_text = f"""{total} out of 100
5
Establish your professional brand
12
Find the right people
3
Engage with insights
1
Build relationships
9
"""
    assert read(paste_text).pillars == dict(zip(KEYS, scores, strict=True))


def test_pasted_values_keep_their_decimals_and_json_floats_round_to_three() -> None:
    assert read(PAGE).pillars["brand"] == 12.275
    assert read(JSON_SHUFFLED).pillars == {"brand": 13.118, "people": 3.68, "insights": 0.3,
                                           "relationships": 2.608}


# ---- never raises -----------------------------------------------------------------------

FRAGMENTS = [
    "Establish your professional brand", "Find the right people", "Engage with insights",
    "Build relationships", "Развивайте отношения", "Industry SSI rank", "Network SSI rank",
    "Top", "%", " out of 100", " von 25", "Remaining points", "Category\tvalue",
    "Current Social Selling Index", "People in your industry", "People in your network",
    "Sales professionals in the ", " industry have an average SSI of ", "You rank in the top ",
    "12.275", "6", "3,1", "999999999999999999999", "1" * 400, "\n", "\r\n", "\t", " | ",
    "<div>", "</div>", "<dd class=\"ssi-rank__category-score\"><span class=\"t-40\">",
    "<progress id=\"find-people__sub-score-bar\" value=\"", "\">", "<![x[", "<!", "&amp;",
    '{"memberScore": {"overall": ', '"subScores": [{"pillar": ', '"score": ', "NaN", "1e999",
    "[", "]", "{", "}", ",", '"PROFESSIONAL_BRAND"', "true", "null",
    "Pessoas no seu setor", "Criar relacionamentos", " de 100", "No change in the last week",
    "\ue000", "\ue001", '<div class="group-ssi-score__donut-chart">', '"groupType": "NETWORK"',
    '"groupScore": [{"score": {"subScores": [', "Social Selling Index atual",
]


def assert_well_formed(result: PasteResult) -> None:
    assert isinstance(result, PasteResult)
    assert (result.reading is None) == bool(result.problems)


@given(st.text())
def test_any_text_is_answered_without_raising(text: str) -> None:
    assert_well_formed(read_ssi_page(text))


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=40).map("".join))
def test_page_like_fragments_are_answered_without_raising(text: str) -> None:
    assert_well_formed(read_ssi_page(text))


def test_a_reading_fills_the_form_and_reads_back_as_the_same_checkin() -> None:
    import datetime as dt

    from ssi_coach.checkins.validation import read_checkin_form
    from ssi_coach.importers.ssi_page import reading_to_form
    from ssi_coach.model import Document

    reading = read_ssi_page(
        "Industry SSI rank\nTop 65%\nNetwork SSI rank\nTop 81%\nCurrent Social Selling Index\n"
        "23 out of 100\nFour components of your score\n12.275\tEstablish your professional brand"
        "\n6\tFind the right people\n3.1\tEngage with insights\n1.948\tBuild relationships\n"
        "Sales professionals in the Software Development industry have an average SSI of 31.\n"
        "People in your network have an average SSI of 30.\n").reading
    assert reading is not None
    form = {**reading_to_form(reading), "date": "2026-11-01", "note": ""}
    checkin = read_checkin_form(form, today=dt.date(2026, 11, 22), document=Document()).checkin
    assert checkin is not None
    assert checkin.pillar_scores() == (12.275, 6, 3.1, 1.948)
    assert (checkin.industry_rank, checkin.network_rank) == (65, 81)
    assert (checkin.industry_average, checkin.network_average) == (31, 30)
    assert checkin.industry == "Software Development"
