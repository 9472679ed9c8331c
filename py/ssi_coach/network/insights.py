"""What the LinkedIn export says about the member's network and habits, ready to show.

Read from the `NetworkSummary` an import stores (counts only, never names): network size
and its decision-maker share over time, the seniority mix, how often invitations are
accepted and conversations answered, and the weekdays the member is most active. Standard
library only; the chart is plain data (charts.data.Chart) that Matplotlib draws later.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..charts.data import Chart, Series
from ..model import NetworkSummary

# Seniority classes, most senior first, with the words the member sees (see seniority.py).
SENIORITY_LABELS: tuple[tuple[str, str], ...] = (
    ("c_suite", "C-suite"),
    ("vp", "Vice presidents"),
    ("owner", "Founders, owners, partners"),
    ("director", "Directors"),
    ("head", "Heads of"),
    ("other", "Other titles"),
    ("unknown", "No title shown"),
)
DECISION_MAKERS = frozenset(("c_suite", "vp", "owner", "director", "head"))
WEEKDAYS = tuple(calendar.day_name)  # Monday first, English like the rest of the page
MIN_FOR_RATE = 5  # below this many invitations or conversations a share says little


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def rate(self) -> float | None:
        """The share, or None when there are too few to say anything."""
        return self.part / self.whole if self.whole >= MIN_FOR_RATE else None


@dataclass(frozen=True)
class SeniorityRow:
    key: str
    label: str
    count: int
    share: float  # of all dated and undated connections


@dataclass(frozen=True)
class NetworkInsights:
    size: int  # connections in the export
    decision_makers: int
    seniority: tuple[SeniorityRow, ...]  # classes with at least one connection
    acceptance: Share  # outgoing invitations accepted
    replies: Share  # conversations the member started that got a reply
    weekdays: tuple[tuple[str, int], ...]  # (weekday, actions), busiest first
    growth: Chart | None  # network size over time, None under two months of data


def network_insights(summary: NetworkSummary) -> NetworkInsights:
    totals = _class_totals(summary)
    size = sum(totals.values())
    ranked = sorted(zip(WEEKDAYS, summary.by_weekday, strict=True), key=lambda d: -d[1])
    return NetworkInsights(
        size=size,
        decision_makers=sum(n for key, n in totals.items() if key in DECISION_MAKERS),
        seniority=tuple(SeniorityRow(key, label, totals[key], totals[key] / size)
                        for key, label in SENIORITY_LABELS if totals.get(key)),
        acceptance=Share(summary.invitations_accepted, summary.invitations_sent),
        replies=Share(summary.conversations_replied, summary.conversations_started),
        weekdays=tuple(day for day in ranked if day[1] > 0),
        growth=growth_chart(summary),
    )


def _class_totals(summary: NetworkSummary) -> dict[str, int]:
    totals: dict[str, int] = {}
    for classes in summary.connections_by_month.values():
        for key, count in classes.items():
            totals[key] = totals.get(key, 0) + count
    if summary.undated_connections:
        totals["unknown"] = totals.get("unknown", 0) + summary.undated_connections
    return totals


def growth_chart(summary: NetworkSummary) -> Chart | None:
    """Network size and decision-makers in it at the end of each month with connections."""
    months = sorted(summary.connections_by_month)
    if len(months) < 2:
        return None
    size = dms = 0
    sizes: list[float | None] = []
    senior: list[float | None] = []
    for month in months:
        classes = summary.connections_by_month[month]
        size += sum(classes.values())
        dms += sum(n for key, n in classes.items() if key in DECISION_MAKERS)
        sizes.append(float(size))
        senior.append(float(dms))
    dates = tuple(_month_end(month) for month in months)
    return Chart(
        title="Your network over time",
        dates=dates,
        series=(Series("Connections", tuple(sizes)), Series("Decision-makers", tuple(senior))),
        y_label="Connections",
        y_max=max(size * 1.1, 10.0),
        summary=(f"From {int(sizes[0] or 0):,} connections at the end of "
                 f"{_month_name(months[0])} to {size:,} at the end of "
                 f"{_month_name(months[-1])}, {dms:,} of them decision-makers."),
    )


def _month_end(month: str) -> dt.date:
    year, number = (int(part) for part in month.split("-"))
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def _month_name(month: str) -> str:
    year, number = month.split("-")
    return f"{calendar.month_abbr[int(number)]} {year}"
