"""Shared builders for core tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ssi_coach.model import CheckIn

TODAY = dt.date(2026, 11, 22)


Scores = tuple[float, float, float, float]


def checkin(on: str = "2026-11-01", scores: Scores = (12.275, 6, 3.1, 1.948),
            **optional: Any) -> CheckIn:
    brand, people, insights, relationships = scores
    return CheckIn(dt.date.fromisoformat(on), brand, people, insights, relationships, **optional)
