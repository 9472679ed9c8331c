"""Seniority classes of job titles: the rules table of seniority.py, title by title."""

from __future__ import annotations

import pytest

from ssi_coach.importers.linkedin.seniority import (
    CLASSES,
    DECISION_MAKERS,
    classify,
    is_decision_maker,
)

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
