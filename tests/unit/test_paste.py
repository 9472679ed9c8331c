"""A paste of linkedin.com/sales/ssi: every layout of docs/linkedin-export.md §4, read exactly.

Each paste is a realistic multi-line constant. Tabs are written as \\t so they stay visible.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_coach.importers.ssi_page import PasteResult, SsiReading, read_ssi_page
from tests.ssi_pages import EMAIL, PAGE, PARTIAL, RUSSIAN, SECTION_4_2

Scores = tuple[float, float, float, float]
KEYS = ("brand", "people", "insights", "relationships")
OTHER_LANGUAGE_NOTE = "Read from a page in another language"


def reading(scores: Scores, total: int | None, ranks: tuple[int | None, int | None] = (None, None),
            averages: tuple[float | None, float | None] = (None, None), industry: str = "",
            low_confidence: bool = False) -> SsiReading:
    return SsiReading(dict(zip(KEYS, scores, strict=True)), total, ranks[0], ranks[1],
                      averages[0], averages[1], industry, low_confidence)


def read(text: str) -> SsiReading:
    result = read_ssi_page(text)
    assert result.problems == ()
    assert result.reading is not None
    return result.reading


# ---- the pastes -------------------------------------------------------------------------

# SECTION_4_2 (§4.2 verbatim) does not add up: its pillars sum to 23.323 but its caption says
# 20, so it is the "does not add up" case below. PAGE is §4.2 with a matching caption.
PAGE_READING = reading((12.275, 6, 3.1, 1.948), 23, (65, 81), (31, 30), "Software Development")

VALUE_AFTER_LABEL = """Your Social Selling Index
Industry SSI rank
Top 75%
Network SSI rank
Top 81%
Current Social Selling Index
20 out of 100
Four components of your score
Establish your professional brand
13.118
Find the right people
3.68
Engage with insights
0.3
Build relationships
2.608
People in your industry
31 out of 100
Sales professionals in the Software Development industry have an average SSI of 31.
You rank in the top 75%
People in your network
33 out of 100
People in your network have an average SSI of 33.
You rank in the top 81%
"""
API_READING = reading((13.118, 3.68, 0.3, 2.608), 20, (75, 81), (31, 33), "Software Development")

PIPES = """Industry SSI rank | Top 65%
Network SSI rank | Top 81%
Current Social Selling Index | 23 out of 100
Four components of your score
12.275 | Establish your professional brand
6 | Find the right people
3.1 | Engage with insights
1.948 | Build relationships
Sales professionals in the Software Development industry have an average SSI of 31.
People in your network have an average SSI of 30.
"""

TABS_VALUE_AFTER = """Current Social Selling Index\t23 out of 100
Establish your professional brand\t12.275
Find the right people\t6
Engage with insights\t3.1
Build relationships\t1.948
People in your industry\t31 out of 100
People in your network\t30 out of 100
"""

SPACES_AND_OUT_OF_25 = """Current Social Selling Index 20 out of 100
Establish your professional brand   13.118 out of 25
Find the right people   3.68 out of 25
Engage with insights   0.3 out of 25
Build relationships   2.608 out of 25
"""

TOP_OWN_LINE = """Your Social Selling Index
Industry SSI rank
Top
65%
Network SSI rank
Top
81%
Current Social Selling Index
23 out of 100
12.275\tEstablish your professional brand
6\tFind the right people
3.1\tEngage with insights
1.948\tBuild relationships
"""

TOP_BEFORE_CARD = """Your Social Selling Index
Top
Industry SSI rank
65
%
Top
Network SSI rank
81
%
Current Social Selling Index
23 out of 100
12.275\tEstablish your professional brand
6\tFind the right people
3.1\tEngage with insights
1.948\tBuild relationships
"""

JULY_2026 = """Your Social Selling Index
Top
37%
Industry SSI rank
Top
45%
Network SSI rank
Current Social Selling Index
23 out of 100
Four components of your score
12.275
Establish your professional brand
6
Find the right people
3.1
Engage with insights
1.948
Build relationships
"""

# The hidden accessibility tables of the three donuts: own (33), industry (31), network (30).
ACCESSIBILITY_TABLES = """Category\tvalue
Establish your professional brand\t12.05
Find the right people\t5
Engage with insights\t10
Build relationships\t5.95
Remaining points\t67
Category\tvalue
Establish your professional brand\t8
Find the right people\t7
Engage with insights\t9
Build relationships\t7
Remaining points\t69
Category\tvalue
Establish your professional brand\t9
Find the right people\t6
Engage with insights\t8
Build relationships\t7
Remaining points\t70
"""

# The whole page, hidden tables included: the own table, its caption, then the visible list.
PAGE_WITH_TABLES = """Your Social Selling Index
Industry SSI rank
Top 12%
Network SSI rank
Top 20%
Current Social Selling Index
Category\tvalue
Establish your professional brand\t12.05
Find the right people\t5
Engage with insights\t10
Build relationships\t5.95
Remaining points\t67
33 out of 100
Four components of your score
12.05\tEstablish your professional brand
5\tFind the right people
10\tEngage with insights
5.95\tBuild relationships
People in your industry
Category\tvalue
Establish your professional brand\t8
Find the right people\t7
Engage with insights\t9
Build relationships\t7
Remaining points\t69
31 out of 100
Sales professionals in the Technology, Information and Internet industry have an average SSI of 31.
You rank in the top 12%
People in your network
Category\tvalue
Establish your professional brand\t9
Find the right people\t6
Engage with insights\t8
Build relationships\t7
Remaining points\t70
30 out of 100
People in your network have an average SSI of 30.
You rank in the top 20%
"""

GLUED = ("Your Social Selling IndexIndustry SSI rankTop 65%Network SSI rankTop 81%"
         "Current Social Selling Index23 out of 100Four components of your score"
         "12.275Establish your professional brand6Find the right people3.1Engage with insights"
         "1.948Build relationshipsPeople in your industry31 out of 100Sales professionals in the "
         "Software Development industry have an average SSI of 31.You rank in the top 65%"
         "People in your network30 out of 100People in your network have an average SSI of 30."
         "You rank in the top 81%")

GLUED_JULY = ("Top37%Industry SSI rankTop45%Network SSI rankCurrent Social Selling Index"
              "23 out of 100Establish your professional brand12.275Find the right people6"
              "Engage with insights3.1Build relationships1.948People in your industry")

COMMA_DECIMALS = """Current Social Selling Index
23 out of 100
12,275\tEstablish your professional brand
6\tFind the right people
3,1\tEngage with insights
1,948\tBuild relationships
"""

# No English heading marks the blocks, so the decoy rows of the industry donut are read
# only if the first occurrence of each label were not preferred.

GERMAN = """Ihr Social Selling Index
Branchen-SSI-Rang
Top 65 %
Netzwerk-SSI-Rang
Top 81 %
Aktueller Social Selling Index
23 von 100
Vier Komponenten Ihres Scores
12,275\tProfessionelle Marke aufbauen
6\tDie richtigen Personen finden
3,1\tMit Insights interagieren
1,948\tBeziehungen aufbauen
Personen in Ihrer Branche
31 von 100
Vertriebsprofis in der Branche Softwareentwicklung haben einen durchschnittlichen SSI von 31.
"""

POLISH = """Twój wskaźnik Social Selling Index
Aktualny wskaźnik
20 na 100
13,118\tZbuduj markę profesjonalną
3,68\tZnajdź właściwe osoby
0,3\tAngażuj się w treści
2,608\tBuduj relacje
Osoby z Twojej branży
31 na 100
"""

YOUR_INDUSTRY = """Current Social Selling Index
20 out of 100
13.118\tEstablish your professional brand
3.68\tFind the right people
0.3\tEngage with insights
2.608\tBuild relationships
People in your industry
29 out of 100
Sales professionals in your industry have an average SSI of 29.
You rank in the top 37%
People in your network
30 out of 100
People in your network have an average SSI of 30.
You rank in the top 45%
"""

CRLF_AND_NBSP = PAGE.replace("\n", "\r\n").replace("Top 65%", "Top\u00a065%").replace(
    "Find the right people", "Find the right\u00a0people")

JUNK_AROUND = """Skip to main content
Home
My Network 3
Jobs
Messaging 12
Notifications 5
""" + PAGE + """
About
Accessibility
Help Center
Privacy & Terms
LinkedIn Corporation © 2026
"""

HTML = """<!DOCTYPE html><html><body><main>
<h1>Your Social Selling Index</h1>
<dl>
  <dt class="ssi-rank__category-name">Industry SSI rank</dt>
  <dd class="ssi-rank__category-score">Top <span class="t-40">75</span>%</dd>
  <dt class="ssi-rank__category-name">Network SSI rank</dt>
  <dd class="ssi-rank__category-score">Top <span class="t-40">81</span>%</dd>
</dl>
<section>
  <h2>Current Social Selling Index</h2>
  <div class="user-ssi-score__donut-chart-caption">
    <span class="ssi-score__value">20</span> out of 100
  </div>
  <h3>Four components of your score</h3>
  <ul>
    <li><span>Establish your professional brand</span>
      <progress id="establish-brand__sub-score-bar" value="13.118002" max="25">
        13.118 out of 25</progress></li>
    <li><span>Find the right people</span>
      <progress id="find-people__sub-score-bar" value="3.68" max="25">
        3.68 out of 25</progress></li>
    <li><span>Engage with insights</span>
      <progress id="engage-with-insights__sub-score-bar" value="0.29999998" max="25">
        0.3 out of 25</progress></li>
    <li><span>Build relationships</span>
      <progress id="build-relationships__sub-score-bar" value="2.6077502" max="25">
        2.608 out of 25</progress></li>
  </ul>
</section>
<section>
  <h2>People in your industry</h2>
  <div class="group-ssi-score__donut-chart"><div class="user-ssi-score__donut-chart-caption">
    <span class="ssi-score__value">31</span> out of 100</div></div>
  <p>Sales professionals in the Software Development industry have an average SSI of 31.</p>
</section>
<section>
  <h2>People in your network</h2>
  <p>People in your network have an average SSI of 33.</p>
</section>
</main></body></html>
"""

HTML_JULY_2026 = """<div class="ssi-rank"><span>Top</span><span>37%</span>
<p>Industry SSI rank</p></div><div class="ssi-rank"><span>Top</span><span>45%</span>
<p>Network SSI rank</p></div>
<div><h2>Current Social Selling Index</h2><div>23 out of 100</div>
<table><tr><td>12.275</td><td>Establish your professional brand</td></tr>
<tr><td>6</td><td>Find the right people</td></tr>
<tr><td>3.1</td><td>Engage with insights</td></tr>
<tr><td>1.948</td><td>Build relationships</td></tr></table></div>
"""

JSON_SHUFFLED = json.dumps({
    "activeSeat": False,
    "memberScore": {
        "overall": 19.705751,
        "subScores": [
            {"score": 2.6077502, "pillar": "STRONG_RELATIONSHIP"},
            {"score": 0.29999998, "pillar": "INSIGHT_ENGAGEMENT"},
            {"score": 13.118002, "pillar": "PROFESSIONAL_BRAND"},
            {"score": 3.68, "pillar": "FIND_RIGHT_PEOPLE"},
        ],
    },
    "groupScore": [
        {"groupType": "NETWORK", "rank": 81, "score": {"overall": 32.72, "subScores": []}},
        {"groupType": "TEAM", "rank": 5, "score": {"overall": 50.0, "subScores": []}},
        {"groupType": "INDUSTRY", "rank": 75, "score": {"overall": 30.99, "subScores": []}},
    ],
}, indent=2)

PILLARS_ONLY = """12.275\tEstablish your professional brand
6\tFind the right people
3.1\tEngage with insights
1.948\tBuild relationships
"""

# ---- accepted ---------------------------------------------------------------------------


@pytest.mark.parametrize(("paste", "expected"), [
    pytest.param(PAGE, PAGE_READING, id="section-4.2"),
    pytest.param(VALUE_AFTER_LABEL, API_READING, id="value-after-label-next-line"),
    pytest.param(PIPES, PAGE_READING, id="pipes"),
    pytest.param(TABS_VALUE_AFTER, reading((12.275, 6, 3.1, 1.948), 23, averages=(31, 30)),
                 id="tabs-value-after-label"),
    pytest.param(SPACES_AND_OUT_OF_25, reading((13.118, 3.68, 0.3, 2.608), 20),
                 id="spaces-out-of-25"),
    pytest.param(TOP_OWN_LINE, reading((12.275, 6, 3.1, 1.948), 23, (65, 81)), id="top-own-line"),
    pytest.param(TOP_BEFORE_CARD, reading((12.275, 6, 3.1, 1.948), 23, (65, 81)),
                 id="top-before-card-number-after"),
    pytest.param(JULY_2026, reading((12.275, 6, 3.1, 1.948), 23, (37, 45)),
                 id="july-2026-top-before-label"),
    pytest.param(ACCESSIBILITY_TABLES, reading((12.05, 5, 10, 5.95), 33),
                 id="accessibility-tables-only"),
    pytest.param(PAGE_WITH_TABLES, reading((12.05, 5, 10, 5.95), 33, (12, 20), (31, 30),
                                           "Technology, Information and Internet"),
                 id="page-with-accessibility-tables"),
    pytest.param(GLUED, PAGE_READING, id="glued"),
    pytest.param(GLUED_JULY, reading((12.275, 6, 3.1, 1.948), 23, (37, 45)), id="glued-july"),
    pytest.param(COMMA_DECIMALS, reading((12.275, 6, 3.1, 1.948), 23), id="comma-decimals"),
    pytest.param(RUSSIAN, reading((12.275, 6, 3.1, 1.948), 23), id="russian"),
    pytest.param(YOUR_INDUSTRY, reading((13.118, 3.68, 0.3, 2.608), 20, (37, 45), (29, 30)),
                 id="your-industry-and-you-rank-fallback"),
    pytest.param(CRLF_AND_NBSP, PAGE_READING, id="crlf-nbsp"),
    pytest.param(JUNK_AROUND, PAGE_READING, id="junk-around"),
    pytest.param(HTML, API_READING, id="html-dom-hooks"),
    pytest.param(HTML_JULY_2026, reading((12.275, 6, 3.1, 1.948), 23, (37, 45)),
                 id="html-july-2026"),
    pytest.param(JSON_SHUFFLED, reading((13.118, 3.68, 0.3, 2.608), 20, (75, 81), (30.99, 32.72)),
                 id="json-shuffled"),
    pytest.param("Copied from the network tab:\n" + JSON_SHUFFLED + "\n-- end",
                 reading((13.118, 3.68, 0.3, 2.608), 20, (75, 81), (30.99, 32.72)),
                 id="json-with-junk"),
])
def test_paste_is_read_exactly(paste: str, expected: SsiReading) -> None:
    assert read(paste) == expected


@pytest.mark.parametrize(("paste", "expected"), [
    pytest.param(GERMAN, reading((12.275, 6, 3.1, 1.948), 23, low_confidence=True), id="german"),
    pytest.param(POLISH, reading((13.118, 3.68, 0.3, 2.608), 20, low_confidence=True),
                 id="polish"),
])
def test_unknown_labels_are_read_in_page_order_with_low_confidence(
    paste: str, expected: SsiReading,
) -> None:
    result = read_ssi_page(paste)
    assert result.reading == expected
    assert any(note.startswith(OTHER_LANGUAGE_NOTE) for note in result.notes)


@pytest.mark.parametrize(("paste", "industry"), [
    ("Sales professionals in the Technology, Information and Internet industry have an average "
     "SSI of 31.", "Technology, Information and Internet"),
    ("Sales professionals in the Banking, Financial Services industry have an average SSI of 27.",
     "Banking, Financial Services"),
    ("Sales professionals in your industry have an average SSI of 29.", ""),
])
def test_industry_is_read_up_to_the_average_sentence(paste: str, industry: str) -> None:
    got = read(PILLARS_ONLY + paste)
    assert got.industry == industry
    assert got.industry_average == float(paste.rstrip(".").rsplit(" ", 1)[1])


@pytest.mark.parametrize(("total", "scores"), [(21, (5, 12, 3, 1)), (25, (12, 3, 1, 9))])
def test_the_total_decides_a_layout_that_reads_both_ways(total: int, scores: Scores) -> None:
    # Five bare numbers around four labels: value-before or value-after both pair all four.
    paste = f"""{total} out of 100
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
    assert read(paste).pillars == dict(zip(KEYS, scores, strict=True))


def test_pasted_values_keep_their_decimals_and_json_floats_round_to_three() -> None:
    assert read(PAGE).pillars["brand"] == 12.275
    assert read(JSON_SHUFFLED).pillars == {"brand": 13.118, "people": 3.68, "insights": 0.3,
                                           "relationships": 2.608}


# ---- notes ------------------------------------------------------------------------------


@pytest.mark.parametrize(("paste", "notes"), [
    (PAGE, ()),
    (PILLARS_ONLY, ("Total not found: it will be the sum of the pillars.", "Ranks not found.",
                    "Average SSIs not found.", "Industry name not found.")),
    (TABS_VALUE_AFTER, ("Ranks not found.", "Industry name not found.")),
    (PAGE.replace("Network SSI rank\nTop 81%", "").replace("You rank in the top 81%", ""),
     ("Network SSI rank not found.",)),
    (PAGE.replace("Top 65%", "Top 0%").replace("top 65%", "top 0%"),
     ("Industry SSI rank left out: it reads as 0, but a rank is “Top N%” with N a whole number "
      "from 1 to 100.", "Industry SSI rank not found.")),
])
def test_missing_optional_data_only_adds_notes(paste: str, notes: tuple[str, ...]) -> None:
    result = read_ssi_page(paste)
    assert result.reading is not None
    assert result.notes == notes


# ---- refused ----------------------------------------------------------------------------




@pytest.mark.parametrize(("paste", "says"), [
    pytest.param("", ["Nothing was pasted"], id="empty"),
    pytest.param(" \r\n\t\u00a0\n", ["Nothing was pasted"], id="blank"),
    pytest.param("lorem ipsum 12 dolor 5 sit 3 amet 2", ["doesn't look like LinkedIn's SSI page"],
                 id="junk"),
    pytest.param(EMAIL, ["doesn't look like LinkedIn's SSI page"], id="email"),
    pytest.param(PARTIAL, ["no score for “Build relationships”"], id="partial"),
    pytest.param(PARTIAL.replace("6\tFind the right people\n", ""),
                 ["no scores for “Find the right people” and “Build relationships”"],
                 id="partial-two"),
    pytest.param("Your Social Selling Index\nCurrent Social Selling Index\n",
                 ["none of the four pillar scores", "“Establish your professional brand”"],
                 id="headings-only"),
    pytest.param(SECTION_4_2, ["add up to 23.323", "total of 20"],
                 id="section-4.2-does-not-add-up"),
    pytest.param(PAGE.replace("12.275\tEstablish", "31\tEstablish"),
                 ["“Establish your professional brand” reads as 31", "between 0 and 25"],
                 id="pillar-over-25"),
    pytest.param(JSON_SHUFFLED[:120], ["could not be read"], id="json-cut-off"),
])
def test_unusable_paste_is_refused_saying_why(paste: str, says: list[str]) -> None:
    result = read_ssi_page(paste)
    assert result.reading is None
    assert len(result.problems) == 1
    for words in says:
        assert words in result.problems[0]


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
