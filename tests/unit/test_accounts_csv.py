"""An account as CSV: one row per person with the account's fields first, the export's facts
as a spreadsheet reads them, and nothing a spreadsheet could run."""

from __future__ import annotations

import csv
import datetime as dt
import io

from ssi_coach.exporters.csv_account import account_csv, account_csv_filename
from ssi_coach.model import INVITED, Account, Stakeholder

from .accounts_builders import CHAMPION, TODAY, person


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff") and "\r\n" in text
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


ACME = Account("Acme Corp", status="active", value=12500.0, closes_on=dt.date(2027, 1, 31),
               note="Renewal in Q1",
               people=(CHAMPION,
                       person("Pat Pending", "decision_maker", "neutral", "high", link=INVITED,
                              silent_days=None, title="CFO", moved_to="Initech"),
                       Stakeholder("Tim Typed", role="blocker", stance="opposes",
                                   note="=HYPERLINK(\"x\")")))


def test_one_row_per_person_with_the_account_first_on_each() -> None:
    rows = _rows(account_csv(ACME, TODAY))
    assert [r["Name"] for r in rows] == ["Cora Champ", "Pat Pending", "Tim Typed"]
    assert {(r["Account"], r["Status"], r["Value"], r["Closes on"], r["Account note"])
            for r in rows} == {("Acme Corp", "Active deal", "12500", "2027-01-31",
                                "Renewal in Q1")}


def test_the_export_facts_are_in_plain_columns() -> None:
    cora, pat, tim = _rows(account_csv(ACME, TODAY))
    # Cora's last message was 5 days before TODAY (2026-11-22): the 17th.
    assert (cora["Role"], cora["Stance"], cora["Influence"]) == ("Champion", "Supports", "High")
    assert (cora["Link"], cora["Connected on"], cora["Messages sent"],
            cora["Messages received"], cora["Last contact"], cora["Days since last contact"]) \
        == ("Connected", "2024-03-01", "4", "3", "2026-11-17", "5")
    assert cora["Profile URL"] == "https://www.linkedin.com/in/cora-champ"
    assert (pat["Link"], pat["Last contact"], pat["Days since last contact"]) == (
        "Invitation sent", "", "")
    assert (pat["Title"], pat["Moved to"]) == ("CFO", "Initech")
    assert (tim["Link"], tim["Messages sent"]) == ("Not in your export", "")


def test_a_note_that_looks_like_a_formula_stays_text() -> None:
    tim = _rows(account_csv(ACME, TODAY))[2]
    assert tim["Note"] == "'=HYPERLINK(\"x\")"


def test_an_account_with_nobody_yet_is_one_row() -> None:
    (row,) = _rows(account_csv(Account("Globex"), TODAY))
    assert row["Account"] == "Globex" and row["Status"] == "Prospect" and row["Name"] == ""


def test_the_file_name_carries_the_company_and_the_day() -> None:
    assert account_csv_filename(ACME, TODAY) == "ssi-coach-account-acme-corp-2026-11-22.csv"
    assert account_csv_filename(Account("../A&B / Co."), TODAY) == (
        "ssi-coach-account-a-b-co-2026-11-22.csv")
    assert account_csv_filename(Account("***"), TODAY) == "ssi-coach-account-account-2026-11-22.csv"
