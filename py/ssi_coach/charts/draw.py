"""Draw chart data with Matplotlib as inline SVG.

Uses `matplotlib.figure.Figure` directly (no pyplot: no global state, nothing leaks between
redraws) and writes SVG that scales with its container and carries its own accessible name.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterator, Sequence
from html import escape

import matplotlib
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..team.table import HeatMap
from .data import (
    PILLAR_COLOURS,
    ActivityChart,
    Chart,
    GridChart,
    PeersChart,
    Series,
    WeeksChart,
)

# Lines that are not pillars take the Okabe-Ito colours no pillar uses (vermilion, sky blue,
# yellow), so a colour always means one pillar and nothing else.
OTHER_COLOURS = ("#D55E00", "#56B4E9", "#F0E442", "#000000")
TOTAL_COLOUR = "#1a1a1a"
EVENT_COLOUR = "#555555"  # grey, and dotted: an event line never looks like a series
# The member's bars are filled with the pillar's colour; each peer group's bar is outlined in
# it and hatched its own way, so the three bars of a pillar differ without colour.
HATCHES = ("", "///", "...")
# A pillar's line also has its own marker shape where lines cross (gaps often hover near 0).
PILLAR_MARKERS = {"brand": "o", "people": "s", "insights": "^", "relationships": "D"}

_STYLE = {
    "svg.fonttype": "none",  # real text: smaller, selectable, uses the page's font
    "svg.hashsalt": "ssi-coach",  # stable ids, so the same data draws the same SVG
    "font.size": 10,
    # Labels are plain text: a "$" in a name is a dollar sign, and no math fonts are needed
    # (the runtime ships DejaVu Sans only).
    "text.parse_math": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def warm_up_steps() -> Iterator[str]:
    """Draw a throwaway figure in steps, yielding (with the step's name) after each. The
    first drawing loads the font, the SVG writer and the date ticks (about 0.3 s in the
    browser); spread over several browser tasks it never holds up someone typing, and the
    first real chart is drawn warm."""
    from matplotlib.font_manager import findfont, get_font

    get_font(findfont("DejaVu Sans"))
    yield "font"
    with matplotlib.rc_context(_STYLE):
        figure = _figure(3.0, 2.0)
        axes = figure.subplots()
        # What the first real chart uses: stacked areas, a line, date ticks, a legend.
        days = [20_000.0, 20_060.0]
        axes.stackplot(days, [0.0, 1.0], [1.0, 1.0], labels=["a", "b"])
        axes.plot(days, [1.0, 2.0], marker="o", label="warm")
        locator = AutoDateLocator(minticks=2, maxticks=7)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        axes.legend()
        yield "figure"
        figure.draw_without_rendering()  # the layout engine and text metrics
        yield "layout"
        figure.savefig(io.StringIO(), format="svg")
    yield "svg"


def trend_svg(chart: Chart) -> str:
    """Pillars stacked (their sum is the total), with the total as a line on top."""
    with matplotlib.rc_context(_STYLE):
        figure = _figure(7.2, 3.6)
        axes = figure.subplots()
        *pillars, total = chart.series
        days = _days(chart)
        axes.stackplot(days, *[_numbers(s.values) for s in pillars],
                       labels=[s.label for s in pillars], colors=_colours(pillars),
                       alpha=0.85)
        axes.plot(days, _numbers(total.values), color=TOTAL_COLOUR, marker="o", markersize=3.5,
                  linewidth=1.6, label=total.label)
        last_total = total.values[-1] or 0.0
        axes.annotate(f"{last_total:.0f}", (days[-1], last_total),
                      textcoords="offset points", xytext=(0, 6), ha="center",
                      fontweight="bold")
        axes.set_ylim(0, chart.y_max)
        _event_lines(axes, chart)
        _finish(axes, chart)
        return _to_svg(figure, chart.summary)


def lines_svg(chart: Chart) -> str:
    """One line per series; the y axis is flipped when lower is better, so up is good."""
    with matplotlib.rc_context(_STYLE):
        figure = _figure(7.2, 3.0)
        axes = figure.subplots()
        _lines(axes, chart, lambda series: "o", 4)
        known = [v for s in chart.series for v in s.values if v is not None]
        low, high = max(0.0, min(known) - 5), min(chart.y_max, max(known) + 5)
        if chart.lower_is_better:
            axes.set_ylim(high, low)  # flipped: the best rank sits at the top
        else:
            axes.set_ylim(low, high)
        _finish(axes, chart)
        return _to_svg(figure, chart.summary)


def outcomes_svg(chart: Chart) -> str:
    """SSI on the left axis, outcome counts on their own right axis: counts of 0-5 would be
    flat lines on SSI's 0-100 scale."""
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(7.2, 3.2), layout="constrained")
        axes = figure.subplots()
        days = _days(chart)
        ssi, *outcomes = chart.series
        axes.plot(days, _numbers(ssi.values), color=TOTAL_COLOUR, marker="o", markersize=4,
                  linewidth=1.8, label=ssi.label)
        axes.set_ylim(0, 100)
        counts = axes.twinx()
        for series, colour in zip(outcomes, OTHER_COLOURS, strict=False):
            counts.plot(days, _numbers(series.values), color=colour, marker="s", markersize=3.5,
                        linewidth=1.2, linestyle="--", label=series.label)
        counts.set_ylabel("Outcomes (sum of 4 weeks)", fontsize=8)
        counts.set_ylim(bottom=0)
        _finish(axes, chart)
        lines, labels = axes.get_legend_handles_labels()
        more, more_labels = counts.get_legend_handles_labels()
        axes.legend(lines + more, labels + more_labels, loc="upper center",
                    bbox_to_anchor=(0.5, -0.12), ncols=3, frameon=False, fontsize=8)
        return _to_svg(figure, chart.summary)


def _lines(axes, chart: Chart, marker: Callable[[Series], str],  # type: ignore[no-untyped-def]
           size: float) -> None:
    """One line per series over the chart's dates; a missing value leaves a gap."""
    days = _days(chart)
    for series, colour in zip(chart.series, _colours(chart.series), strict=True):
        points = [(d, v) for d, v in zip(days, series.values, strict=True) if v is not None]
        axes.plot([d for d, _ in points], [v for _, v in points], color=colour,
                  marker=marker(series), markersize=size, linewidth=1.6, label=series.label)


def gaps_svg(chart: Chart) -> str:
    """Each pillar's gap to its peers as a line around 0 (above is ahead of them), with a
    dotted vertical line on each check-in with events."""
    with matplotlib.rc_context(_STYLE):
        figure = _figure(7.2, 3.2)
        axes = figure.subplots()
        _lines(axes, chart, lambda series: PILLAR_MARKERS.get(series.pillar or "", "o"), 4.5)
        axes.axhline(0, color=TOTAL_COLOUR, linewidth=0.8)
        known = [abs(v) for s in chart.series for v in s.values if v is not None]
        reach = min(chart.y_max, max([*known, 1.0]) + 1)
        axes.set_ylim(-reach, reach)
        _event_lines(axes, chart)
        _finish(axes, chart)
        return _to_svg(figure, chart.summary)


def peers_svg(chart: PeersChart) -> str:
    """Grouped bars: per pillar, the member's bar filled in the pillar's colour and each peer
    group's hatched, every bar labelled with its value; the pillars are named on the axis."""
    with matplotlib.rc_context(_STYLE):
        figure = _figure(7.2, 3.4)
        axes = figure.subplots()
        width = 0.8 / len(chart.series)
        colours = [PILLAR_COLOURS[p.key] for p in chart.pillars]
        for index, series in enumerate(chart.series):
            offset = (index - (len(chart.series) - 1) / 2) * width
            bars = axes.bar([x + offset for x in range(len(chart.pillars))],
                            _numbers(series.values), width * 0.92,
                            color=colours if index == 0 else "#ffffff", edgecolor=colours,
                            hatch=HATCHES[index % len(HATCHES)], linewidth=1.2)
            axes.bar_label(bars, labels=[_short(v) for v in series.values], padding=2,
                           fontsize=7)
        axes.set_xticks(range(len(chart.pillars)), [p.short for p in chart.pillars])
        axes.set_ylim(0, chart.y_max)
        axes.set_ylabel(chart.y_label, fontsize=8)
        axes.grid(axis="y", alpha=0.3)
        axes.legend(_bar_keys(chart), [s.label for s in chart.series], loc="upper center",
                    bbox_to_anchor=(0.5, -0.1), ncols=len(chart.series), frameon=False,
                    fontsize=8)
        return _to_svg(figure, chart.summary)


def weeks_svg(chart: WeeksChart) -> str:
    """A bar per week (weeks not complete hatched, not filled) on the left axis and the line
    on its own right axis; the engagement rate, when the chart has it, in a panel below."""
    with matplotlib.rc_context(_STYLE):
        height = 4.4 if chart.rate is not None else 3.4
        figure = _figure(7.2, height, right=0.8)
        if chart.rate is not None:
            axes, below = figure.subplots(2, 1, sharex=True,
                                          gridspec_kw={"height_ratios": (2.2, 1), "hspace": 0.12})
        else:
            axes, below = figure.subplots(), None
        bar_colour, line_colour = OTHER_COLOURS[1], OTHER_COLOURS[0]
        middles = [float(day) + 3.5 for day in date2num(list(chart.weeks))]
        axes.bar(middles, _numbers(chart.bars.values), 6.0,
                 color=[bar_colour if done else "#ffffff" for done in chart.complete],
                 edgecolor=bar_colour, hatch=[None if done else "///" for done in chart.complete],
                 linewidth=0.8, label=chart.bars.label)
        axes.set_ylabel(chart.y_label, fontsize=8)
        axes.set_ylim(bottom=min(0.0, *_known(chart.bars.values)))
        axes.grid(axis="y", alpha=0.3)
        right = axes.twinx()
        right.spines["right"].set_visible(True)
        lines = [float(day) + 0.5 for day in date2num(list(chart.line_dates))]
        if chart.line_dates == chart.weeks:
            lines = middles  # a weekly line sits on the middle of its week's bar
        right.plot(lines, _numbers(chart.line.values), color=line_colour, marker="o",
                   markersize=3.5, linewidth=1.6, label=chart.line.label)
        right.set_ylabel(chart.line_label, fontsize=8)
        if chart.line_dates == chart.weeks:  # a count per week: from 0 (or below, net)
            right.set_ylim(bottom=min(0.0, *_known(chart.line.values)))
        keys = [Patch(facecolor=bar_colour, edgecolor=bar_colour),  # not the first bar's look
                *right.get_legend_handles_labels()[0]]
        labels = [chart.bars.label, chart.line.label]
        if not all(chart.complete):
            keys.append(Patch(facecolor="#ffffff", edgecolor=bar_colour, hatch="///"))
            labels.append("Week not complete")
        last = axes
        if below is not None and chart.rate is not None:
            below.plot(middles, _numbers(chart.rate.values), color=TOTAL_COLOUR, marker="s",
                       markersize=3, linewidth=1.2, label=chart.rate.label)
            below.set_ylabel("Rate (%)", fontsize=8)
            below.set_ylim(bottom=min(0.0, *_known(chart.rate.values)))
            below.grid(axis="y", alpha=0.3)
            keys.append(below.get_legend_handles_labels()[0][0])
            labels.append(chart.rate.label)
            last = below
        locator = AutoDateLocator(minticks=2, maxticks=7)
        last.xaxis.set_major_locator(locator)
        last.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        figure.legend(keys, labels, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=4,
                      frameon=False, fontsize=8)  # below the dates, wherever the last axes end
        return _to_svg(figure, chart.summary)


def _known(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None]


def _bar_keys(chart: PeersChart) -> list[Patch]:
    """Legend keys in no pillar's colour: the fill or hatch is what tells the bars apart."""
    return [Patch(facecolor=TOTAL_COLOUR if index == 0 else "#ffffff", edgecolor=TOTAL_COLOUR,
                  hatch=HATCHES[index % len(HATCHES)]) for index in range(len(chart.series))]


def _short(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _event_lines(axes, chart: Chart) -> None:  # type: ignore[no-untyped-def]
    """A dotted vertical line per marker, one legend entry for all; the labels are in the
    chart's summary (and so in its accessible name)."""
    for index, marker in enumerate(chart.markers):
        axes.axvline(float(date2num(marker.on)), color=EVENT_COLOUR, linestyle=":",
                     linewidth=1.2, label="Events noted" if index == 0 else None)


def _colour(series: Series, index: int = 0) -> str:
    """A pillar's one colour; anything else a colour no pillar uses."""
    if series.pillar is None:
        return OTHER_COLOURS[index % len(OTHER_COLOURS)]
    return PILLAR_COLOURS[series.pillar]


def _colours(series: Sequence[Series]) -> list[str]:
    return [_colour(s, i) for i, s in enumerate(series)]


def _days(chart: Chart) -> list[float]:
    """Dates as Matplotlib's day numbers; the date locator below turns them back into dates."""
    return [float(day) for day in date2num(list(chart.dates))]


def _numbers(values: Sequence[float | None]) -> list[float]:
    return [math.nan if v is None else v for v in values]  # NaN leaves a gap in a line


def _figure(width: float, height: float, right: float = 0.15) -> Figure:
    """A figure with fixed margins (in inches): room for the y label on the left and for the
    dates and the legend below. Half the cost of layout="constrained", which measures every
    label twice; the first chart on screen must stay a short task."""
    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(left=0.7 / width, right=1 - right / width, top=1 - 0.25 / height,
                           bottom=0.8 / height)
    return figure


def _finish(axes, chart: Chart) -> None:  # type: ignore[no-untyped-def]
    locator = AutoDateLocator(minticks=2, maxticks=7)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylabel(chart.y_label, fontsize=8)
    axes.grid(axis="y", alpha=0.3)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=6, frameon=False,
                fontsize=8)


def heat_map_svg(heat: HeatMap) -> str:
    """People × pillars, each cell coloured by its score and labelled with it, so colour is
    never the only way to read it (cividis stays readable with colour blindness)."""
    with matplotlib.rc_context(_STYLE):
        height = 1.2 + 0.42 * len(heat.names)
        figure = Figure(figsize=(7.2, height), layout="constrained")
        axes = figure.subplots()
        axes.imshow(heat.scores, cmap="cividis", vmin=0, vmax=heat.v_max, aspect="auto")
        axes.set_xticks(range(len(heat.pillars)), [p.short for p in heat.pillars])
        axes.set_yticks(range(len(heat.names)), heat.names)
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for side in axes.spines.values():
            side.set_visible(False)
        for row, scores in enumerate(heat.scores):
            for column, value in enumerate(scores):
                dark = value < heat.v_max * 0.55
                axes.text(column, row, f"{value:.1f}", ha="center", va="center",
                          color="#ffffff" if dark else "#1a1a1a", fontsize=9)
        return _to_svg(figure, heat.summary)


def stance_grid_svg(chart: GridChart) -> str:
    """Stance × influence: each cell shaded by how many people are in it (a light single-hue
    scale, empty cells near white, readable with colour blindness) and labelled with the
    count and their roles, so colour is never the only way to read it."""
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(7.2, 3.0), layout="constrained")
        axes = figure.subplots()
        top = max(1, *(n for row in chart.counts for n in row))
        axes.imshow(chart.counts, cmap="Blues", vmin=0, vmax=top * 1.8, aspect="auto")
        axes.set_xticks(range(len(chart.columns)), chart.columns)
        axes.set_yticks(range(len(chart.rows)), chart.rows)
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for side in axes.spines.values():
            side.set_visible(False)
        for column in range(1, len(chart.columns)):  # white lines between the cells
            axes.axvline(column - 0.5, color="#ffffff", linewidth=2)
        for row in range(1, len(chart.rows)):
            axes.axhline(row - 0.5, color="#ffffff", linewidth=2)
        for row, (counts, roles) in enumerate(zip(chart.counts, chart.roles, strict=True)):
            for column, (number, who) in enumerate(zip(counts, roles, strict=True)):
                colour = "#1a1a1a" if number else "#6b7280"
                axes.text(column, row - 0.12, str(number), ha="center", va="center",
                          color=colour, fontsize=14, fontweight="bold")
                axes.text(column, row + 0.22, _wrapped(who), ha="center", va="center",
                          color=colour, fontsize=7)
        return _to_svg(figure, chart.summary)


def activity_svg(chart: ActivityChart) -> str:
    """A dot per person and the least-squares line across them, r and the number of people
    in the legend; the names are in the table beside the chart, not on the dots (300 labels
    would hide the points)."""
    with matplotlib.rc_context(_STYLE):
        figure = _figure(7.2, 3.6)
        axes = figure.subplots()
        xs, ys = [p.x for p in chart.points], [p.y for p in chart.points]
        axes.scatter(xs, ys, s=18, color=OTHER_COLOURS[1], edgecolors=TOTAL_COLOUR,
                     linewidths=0.5, label=chart.people)
        axes.axhline(0, color=EVENT_COLOUR, linewidth=0.8)
        if chart.slope is not None and chart.intercept is not None and xs:
            ends = [min(xs), max(xs)]
            label = "Trend" if chart.r is None else f"Trend (r = {chart.r:.2f})"
            axes.plot(ends, [chart.slope * x + chart.intercept for x in ends],
                      color=OTHER_COLOURS[0], linewidth=1.6, label=label)
        axes.set_xlabel(chart.x_label, fontsize=8)
        axes.set_ylabel(chart.y_label, fontsize=8)
        axes.set_xlim(left=0)
        axes.grid(alpha=0.3)
        axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=2, frameon=False,
                    fontsize=8)
        return _to_svg(figure, chart.summary)


def _wrapped(roles: str, per_line: int = 2) -> str:
    """'Champion, Blocker, 2× User' on lines of two roles each, to fit in a cell."""
    names = roles.split(", ") if roles else []
    return "\n".join(", ".join(names[i:i + per_line]) for i in range(0, len(names), per_line))


def _to_svg(figure: Figure, summary: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype: it goes inline in HTML
    # Let CSS size it (the viewBox keeps the proportions), and give it an accessible name.
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
                 rf'<svg\1 class="chart-svg" role="img" aria-label="{escape(summary)}"',
                 svg, count=1)
    return svg
