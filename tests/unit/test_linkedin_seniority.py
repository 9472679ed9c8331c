"""Seniority classes of job titles: the rules table of seniority.py, title by title, and the
decision-maker rule measured on a labelled table of real-world-style titles."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ssi_coach.importers.linkedin import seniority
from ssi_coach.importers.linkedin.seniority import (
    C_SUITE,
    CLASSES,
    DECISION_MAKERS,
    DIRECTOR,
    EXCLUSIONS,
    OTHER,
    OWNER,
    RULES,
    classify,
    explain,
    is_decision_maker,
)

# Titles labelled by what a seller would call them (written from the title's meaning, not from
# the rules' output): title, expected_class, lang (ISO 639-1), note (why, for the tricky ones).
LABELLED_CSV = Path(__file__).parents[1] / "fixtures" / "titles" / "job_titles.csv"
MIN_PRECISION = MIN_RECALL = 0.97
MIN_CLASS_ACCURACY = 0.95


@dataclass(frozen=True)
class Labelled:
    """One row of the labelled table."""

    line: int
    title: str
    expected: str
    lang: str
    note: str


def _labelled() -> tuple[Labelled, ...]:
    with LABELLED_CSV.open(encoding="utf-8", newline="") as handle:
        return tuple(Labelled(line, row["title"], row["expected_class"], row["lang"], row["note"])
                     for line, row in enumerate(csv.DictReader(handle), start=2))


LABELLED = _labelled()

TITLES = [
    # C-suite: chief ..., the abbreviations, president but not vice president
    ("Chief Executive Officer", "c_suite"),
    ("Chief Revenue Officer, EMEA", "c_suite"),
    ("CEO", "c_suite"),
    ("Co-CEO", "c_suite"),
    ("CEO/Founder", "c_suite"),
    ("Founder & CEO", "c_suite"),
    ("cto", "c_suite"),
    ("CISO at Example Bank", "c_suite"),
    ("CFO | CPO | COO", "c_suite"),
    ("President", "c_suite"),
    ("President & CEO", "c_suite"),
    # VP
    ("Vice President, Sales", "vp"),
    ("Vice-President Marketing", "vp"),
    ("VP Engineering", "vp"),
    ("SVP, Global Partnerships", "vp"),
    ("EVP", "vp"),
    ("AVP Operations", "vp"),
    ("VP, Head of Sales", "vp"),
    # owner: founders, owners, partner as a rank
    ("Founder", "owner"),
    ("Co-founder", "owner"),
    ("Cofounder and Director", "owner"),
    ("Owner", "owner"),
    ("Business Owner", "owner"),
    ("Proprietor", "owner"),
    ("Partner", "owner"),
    ("Partner, Example LLP", "owner"),
    ("Partner at Example & Co", "owner"),
    ("Partner - Example Consulting", "owner"),
    ("Managing Partner", "owner"),
    ("Senior Partner", "owner"),
    ("Founding Partner | Coach", "owner"),
    ("General Partner", "owner"),
    # partner as a job, not a rank
    ("Partner Manager", "other"),
    ("Senior Partner Manager", "other"),
    ("Channel Partner", "other"),
    ("Partner Success Manager", "other"),
    ("Partner Marketing Lead", "other"),
    # director
    ("Director", "director"),
    ("Managing Director", "director"),
    ("Director of Sales", "director"),
    ("Sales Director\t", "director"),
    # head
    ("Head of Growth", "head"),
    ("Global Head of Talent", "head"),
    ("Head, Marketing", "head"),
    ("Head", "head"),
    ("Head Coach", "other"),
    # the rest
    ("Data Science Intern\t", "other"),
    ("Account Executive,", "other"),
    ("Sales Manager", "other"),
    ("Software Engineer", "other"),
    ("", "unknown"),
    (" \t", "unknown"),
]


@pytest.mark.parametrize(("title", "expected"), TITLES)
def test_title_class(title: str, expected: str) -> None:
    assert classify(title) == expected


@pytest.mark.parametrize(("title", "expected"), TITLES[:12])
def test_case_does_not_matter(title: str, expected: str) -> None:
    assert classify(title.upper()) == classify(title.lower()) == expected


def test_decision_makers_are_the_first_five_classes() -> None:
    assert [c for c in CLASSES if is_decision_maker(c)] == list(CLASSES[:5])
    assert set(CLASSES[:5]) == DECISION_MAKERS
    assert not is_decision_maker("other") and not is_decision_maker("unknown")


def test_generator_titles_agree() -> None:
    """The synthetic export generator's title table classifies the same way."""
    generator = pytest.importorskip("tests.linkedin_export")
    for title, (expected, decision_maker) in generator.TITLES.items():
        assert classify(title) == expected, title
        assert is_decision_maker(classify(title)) == decision_maker, title
        for written in (title + "\t", title + " ", title + ","):  # as the generator writes
            assert classify(written) == expected, repr(written)


# ---- the labelled table -------------------------------------------------------------------

def _mistake(row: Labelled, got: str) -> str:
    return f"line {row.line}: {row.title!r} is {row.expected}, classified {got}"


def test_labelled_table_is_a_fair_test() -> None:
    """Big enough, every class present, mostly tricky non-decision-makers, many languages."""
    assert len(LABELLED) >= 300
    assert {row.expected for row in LABELLED} == set(CLASSES)
    assert len({row.title for row in LABELLED}) == len(LABELLED), "duplicate titles"
    others = sum(not is_decision_maker(row.expected) for row in LABELLED)
    assert others / len(LABELLED) >= 0.4
    assert sum(row.lang != "en" for row in LABELLED) >= 40
    assert len({row.lang for row in LABELLED}) >= 10


def test_decision_maker_rule_precision_and_recall(
        report_figure: Callable[[str], None]) -> None:
    """Counting decision makers: few wrongly counted (precision), few missed (recall)."""
    found = [(row, classify(row.title)) for row in LABELLED]
    wrongly_counted = [_mistake(row, got) for row, got in found
                       if is_decision_maker(got) and not is_decision_maker(row.expected)]
    missed = [_mistake(row, got) for row, got in found
              if is_decision_maker(row.expected) and not is_decision_maker(got)]
    right = sum(is_decision_maker(row.expected) and is_decision_maker(got) for row, got in found)
    precision = right / (right + len(wrongly_counted))
    recall = right / (right + len(missed))
    report_figure(f"decision-maker rule on {len(LABELLED)} titles "
                  f"({sum(row.lang != 'en' for row in LABELLED)} not in English): "
                  f"precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, "\n".join(
        [f"precision {precision:.3f}, recall {recall:.3f}", "wrongly counted:",
         *wrongly_counted, "missed:", *missed])


def test_each_class_is_mostly_right(report_figure: Callable[[str], None]) -> None:
    """Within the decision makers the class matters too (the seniority mix the member sees)."""
    total, right = Counter[str](), Counter[str]()
    mistakes = []
    for row in LABELLED:
        got = classify(row.title)
        total[row.expected] += 1
        right[row.expected] += got == row.expected
        if got != row.expected:
            mistakes.append(_mistake(row, got))
    accuracy = {cls: right[cls] / total[cls] for cls in CLASSES}
    report_figure("class accuracy: " + ", ".join(
        f"{cls} {accuracy[cls]:.2f} ({total[cls]})" for cls in CLASSES))
    assert min(accuracy.values()) >= MIN_CLASS_ACCURACY, "\n".join(mistakes)


def test_every_rule_and_exclusion_decides_some_labelled_title() -> None:
    """No dead rows in the tables: each rule and each exclusion is needed by a labelled title."""
    verdicts = [explain(row.title) for row in LABELLED]
    deciding = {v.reason for v in verdicts}
    excluding = {why for v in verdicts for why in v.excluded}
    assert [why for _, _, _, why in RULES if why not in deciding] == []
    assert [why for _, _, _, why in EXCLUSIONS if why not in excluding] == []


def test_keywords_never_hide_a_match() -> None:
    """A row's pattern runs only where one of its keywords is (for speed), so wherever a
    pattern matches a labelled title, or a part of one, a keyword of its row is there too."""
    hidden = []
    for row in LABELLED:
        text = seniority._normal(row.title)
        for part in [text, *seniority._PARTS.split(text)]:
            for _, keyword, pattern, why in seniority._RULES + seniority._EXCLUDE:
                if pattern.search(part) and not keyword.search(part):
                    hidden.append(f"line {row.line}: {row.title!r}: no keyword of {why!r}")
    assert hidden == []


# ---- exclusions remove their own part only ----------------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("Executive Assistant to the CEO", OTHER),
    ("Founder @ VA Collective | Executive Assistant to CEOs", OWNER),
    ("CEO at X | Former VP Sales at Y", C_SUITE),
    ("Former VP Sales at Y | CEO at X", C_SUITE),
    ("Director of Strategy, Advisor to the CEO", DIRECTOR),
    ("Director, Office of the CFO", DIRECTOR),
    ("Product Owner | Co-Owner of Cafe Example", OWNER),
    ("HR Business Partner", OTHER),
    ("HR Business Partner | Partner, Example LLP", OWNER),
])
def test_an_exclusion_removes_only_its_own_part(title: str, expected: str) -> None:
    assert classify(title) == expected


def test_explain_names_the_rule_and_the_exclusions() -> None:
    assistant = explain("Executive Assistant to the CEO")
    assert assistant.cls == OTHER and assistant.reason == "no rule matched"
    assert [why.split(":")[0] for why in assistant.excluded] == ["works for an executive"]
    ceo = explain("CEO @ Acme | Speaker")
    assert ceo.cls == C_SUITE and "abbreviations" in ceo.reason and ceo.excluded == ()


@pytest.mark.parametrize(("spellings", "expected"), [
    (("Président", "PRÉSIDENT", "President", "ＰＲＥＳＩＤＥＮＴ", "président"), C_SUITE),
    (("Geschäftsführer", "GESCHÄFTSFÜHRER", "Geschaftsfuhrer", "Geschaeftsfuehrer"), DIRECTOR),
    (("Генеральный директор", "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "генеральный директор"), C_SUITE),
])
def test_accents_case_and_width_do_not_matter(spellings: tuple[str, ...], expected: str) -> None:
    assert {classify(title) for title in spellings} == {expected}
