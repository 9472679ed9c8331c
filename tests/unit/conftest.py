"""Shared builders for core tests, and the Hypothesis settings every property runs under."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from ssi_coach.model import CheckIn

# No timing in unit tests (timing is `make bench`'s job): no per-example deadline and no "too
# slow" health check, so a loaded machine cannot fail a property. Built on the profile in
# force, so under CI Hypothesis's own "ci" profile (derandomised, no database) still applies.
settings.register_profile("unit", parent=settings.default, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("unit")

TODAY = dt.date(2026, 11, 22)


Scores = tuple[float, float, float, float]


def checkin(on: str = "2026-11-01", scores: Scores = (12.275, 6, 3.1, 1.948),
            **optional: Any) -> CheckIn:
    brand, people, insights, relationships = scores
    return CheckIn(dt.date.fromisoformat(on), brand, people, insights, relationships, **optional)


# Figures a test measured (a rule's precision on a labelled table, say), shown after the run.
_FIGURES: list[str] = []


@pytest.fixture
def report_figure() -> Callable[[str], None]:
    """Call with one line, e.g. "rule on 300 titles: precision 0.99"; printed in the summary."""
    return _FIGURES.append


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Prints the figures the tests reported, so they show in the normal test output."""
    if _FIGURES:
        terminalreporter.section("measured figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)
