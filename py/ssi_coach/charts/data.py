"""What each chart shows, as plain data: the drawing and the text alternative both read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import PILLAR_MAX, PILLARS, TOTAL_MAX, CheckIn, display_total
from ..text import long_date

# One colour per pillar, everywhere (charts here; the stylesheet's --pillar-<key> has the same):
# the Okabe-Ito palette, distinguishable with the common forms of colour blindness. Colour is
# never the only signal: every chart names its pillars in a legend or on an axis.
PILLAR_COLOURS: dict[str, str] = {
    "brand": "#0072B2",  # blue
    "people": "#E69F00",  # orange
    "insights": "#009E73",  # green
    "relationships": "#CC79A7",  # purple-pink
}


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # one per date; None where not known
    pillar: str | None = None  # the pillar key when the series is one pillar's scores


@dataclass(frozen=True)
class Chart:
    title: str
    dates: tuple[dt.date, ...]
    series: tuple[Series, ...]
    y_label: str
    y_max: float
    summary: str  # one sentence for screen readers and the figure caption
    lower_is_better: bool = False


def trend_chart(checkins: Sequence[CheckIn]) -> Chart | None:
    """Total and the four pillars over time; needs two check-ins to be a trend."""
    if len(checkins) < 2:
        return None
    first, last = checkins[0], checkins[-1]
    pillar_series = tuple(
        Series(p.short, tuple(c.score_of(p) for c in checkins), p.key) for p in PILLARS
    )
    return Chart(
        title="SSI over time",
        dates=tuple(c.on for c in checkins),
        series=(*pillar_series, Series("Total", tuple(c.total for c in checkins))),
        y_label=f"Score (pillars 0-{PILLAR_MAX} each, total 0-{TOTAL_MAX})",
        y_max=TOTAL_MAX,
        summary=(f"Your SSI went from {display_total(first.total)} on {long_date(first.on)} "
                 f"to {display_total(last.total)} on {long_date(last.on)} "
                 f"over {len(checkins)} check-ins."),
    )


def rank_chart(checkins: Sequence[CheckIn]) -> Chart | None:
    """Industry and network rank over time, once two check-ins carry a rank."""
    ranked = [c for c in checkins if c.industry_rank is not None or c.network_rank is not None]
    if len(ranked) < 2:
        return None
    series = tuple(
        Series(label, tuple(getattr(c, attribute) for c in ranked))
        for label, attribute in (("Industry", "industry_rank"), ("Network", "network_rank"))
        if any(getattr(c, attribute) is not None for c in ranked)
    )
    latest = ", ".join(f"{s.label.lower()} Top {_last_known(s)}%" for s in series)
    return Chart(
        title="Rank over time (Top N%, lower is better)",
        dates=tuple(c.on for c in ranked),
        series=series,
        y_label="Top N% (1 is best)",
        y_max=100,
        summary=f"Ranks over {len(ranked)} check-ins; latest {latest}.",
        lower_is_better=True,
    )


def _last_known(series: Series) -> int:
    return int(next(v for v in reversed(series.values) if v is not None))
