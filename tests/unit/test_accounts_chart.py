"""The stance × influence grid of an account: counts per cell, the names in its table, and
its drawing."""

from __future__ import annotations

from dataclasses import replace

from ssi_coach.charts.data import stance_grid
from ssi_coach.charts.draw import stance_grid_svg
from ssi_coach.model import Account

from .accounts_builders import BLOCKER, CHAMPION, DECIDER, person

USERS = (person("Uma User", "user", "neutral"), person("Ulf User", "user", "neutral"))
GONE = replace(person("Gil Gone", "influencer", "supports", "high"), moved_to="Initech")
ACME = Account("Acme", people=(CHAMPION, DECIDER, BLOCKER, *USERS, GONE))


def test_the_grid_counts_people_still_there_by_influence_and_stance() -> None:
    chart = stance_grid(ACME)
    assert chart is not None
    assert chart.columns == ("Supports", "Neutral", "Opposes", "Unknown")
    assert chart.rows == ("High influence", "Low influence")
    # Cora supports, Dan is neutral and Bea opposes, all high; the two users neutral, low.
    # Gil moved: he is left out although he supported with high influence.
    assert chart.counts == ((1, 1, 1, 0), (0, 2, 0, 0))
    assert chart.roles[0][:3] == ("Champion", "Decision-maker", "Blocker")
    assert chart.roles[1][1] == "2× User"


def test_the_table_names_each_cells_people_with_their_role() -> None:
    chart = stance_grid(ACME)
    assert chart is not None
    assert chart.head == ("Influence", "Supports", "Neutral", "Opposes", "Unknown")
    assert chart.table == (
        ("High influence", "Cora Champ (champion)", "Dan Decider (decision-maker)",
         "Bea Block (blocker)", "—"),
        ("Low influence", "—", "Uma User (user); Ulf User (user)", "—", "—"),
    )
    assert chart.summary == (
        "5 people mapped at Acme: 3 with high influence (1 supports, 1 neutral, 1 opposes); "
        "2 with low influence (2 neutral). 1 person who moved is left out.")


def test_no_one_there_no_grid() -> None:
    assert stance_grid(Account("Acme")) is None
    assert stance_grid(Account("Acme", people=(GONE,))) is None


def test_the_grid_svg_labels_every_cell_with_its_count_and_roles() -> None:
    chart = stance_grid(ACME)
    assert chart is not None
    svg = stance_grid_svg(chart)
    assert svg.startswith("<svg") and "<?xml" not in svg and 'role="img"' in svg
    assert 'width="' not in svg.split(">", 1)[0]  # CSS sizes it
    assert "5 people mapped at Acme" in svg
    for label in (*chart.columns, *chart.rows, "Champion", "Decision-maker", "2× User"):
        assert label in svg, label
    # The counts drawn as text: one empty cell in the top row, three in the bottom one.
    assert svg.count(">0<") == 4 and svg.count(">2<") == 1
    assert stance_grid_svg(chart) == svg
