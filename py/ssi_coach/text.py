"""Numbers and dates in words, the same way everywhere the app shows them."""

from __future__ import annotations

import datetime as dt

MINUS = "\u2212"  # a real minus sign reads better than a hyphen next to digits


def score(value: float) -> str:
    """12.275 -> '12.275', 6.0 -> '6', 3.10 -> '3.1': LinkedIn's own style."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def change(value: float | None, places: int = 2) -> str:
    """+1.25, −0.5, ±0; '' when there is nothing to compare with."""
    if value is None:
        return ""
    rounded = round(value, places)
    if rounded == 0:
        return "±0"
    text = f"{abs(rounded):.{places}f}".rstrip("0").rstrip(".")
    return ("+" if rounded > 0 else MINUS) + text


def rank_change(improvement: int | None) -> str:
    """A rank's move in words; for ranks a smaller N is better."""
    if improvement is None:
        return ""
    if improvement == 0:
        return "no change"
    steps = abs(improvement)
    word = "point" if steps == 1 else "points"
    return f"up {steps} {word}" if improvement > 0 else f"down {steps} {word}"


def days_ago(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def long_date(day: dt.date) -> str:
    """'3 Nov 2026': unambiguous in every locale, unlike 11/3."""
    return f"{day.day} {day.strftime('%b')} {day.year}"


def count(number: int, one: str, many: str | None = None) -> str:
    """'1 check-in', '2 check-ins', '1,204 connections' (`many` for irregular plurals)."""
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def people(number: int) -> str:
    """'1 person', '3 people'."""
    return count(number, "person", "people")


def whole(number: int) -> str:
    """1234 -> '1,234', -2 -> '−2': counts that may fall below zero (net engagements)."""
    return f"{number:,}".replace("-", MINUS)


def percent(share: float | None, places: int = 1) -> str:
    """0.0364 -> '3.6%', 0.2 -> '20%'; '—' when unknown. `share` is a fraction."""
    if share is None:
        return "—"
    rounded = round(share * 100, places) or 0.0  # never "−0%"
    text = f"{rounded:.{places}f}".rstrip("0").rstrip(".") if places else f"{rounded:.0f}"
    return text.replace("-", MINUS) + "%"
