"""Pure views of the Posts view: what the member's posts do (weekly impressions, engagements
and rate, followers), their top posts, the best weekday to post, who sees the posts, single
posts, and the post analytics import's report. No browser imports, so they test on CPython.

Every figure comes from the core (`ssi_coach.posts`); links to posts open LinkedIn in a new
tab without telling it where they came from (`rel="noopener noreferrer"`) and only when the
address is LinkedIn's own (anything else is shown as text).
"""

from __future__ import annotations

from collections.abc import Sequence

from ssi_coach import text
from ssi_coach.charts.data import WeeksChart
from ssi_coach.importers.analytics.types import AnalyticsReading
from ssi_coach.model import Problem
from ssi_coach.posts.merge import PostsMerge
from ssi_coach.posts.view import (
    UNKNOWN,
    Audience,
    PostsView,
    RecentWeeks,
    SinglePostRow,
    TopPostRow,
    share_text,
)
from ssi_coach.posts.weekday import WeekdayAdvice
from ssi_coach.posts.weekly import PostWeek

from .html import Child, Markup, el, join
from .views import table_figure

SHOWN_TOP_POSTS = 15  # the rest are counted; the workbook download has them all
SHOWN_SKIPPED = 50


def _number(value: int | None) -> str:
    return UNKNOWN if value is None else text.whole(value)


def _rate(value: float | None) -> str:
    return UNKNOWN if value is None else text.percent(value)


def post_link(url: str, linkable: bool, label: str = "Open on LinkedIn") -> Markup:
    """A post's address: a link that opens LinkedIn in a new tab, or plain text when it is
    not LinkedIn's."""
    if not linkable:
        return el("span", url, class_="muted")
    return el("a", label, el("span", " (opens in a new tab)", class_="visually-hidden"),
              href=url, target="_blank", rel="noopener noreferrer")


# ---- the view ---------------------------------------------------------------------------------

def posts_empty() -> Markup:
    return el("div", el("p", "No post analytics yet. Import the workbooks LinkedIn lets you "
                             "download (above) to see your impressions, engagements and "
                             "followers week by week, your top posts, the best weekday to "
                             "post, and how many decision makers see your posts."),
              class_="empty-state")


def posts_summary(view: PostsView) -> Markup:
    """What shows first: the latest export's figures, the recent change, what is missing."""
    return join([
        _headline(view),
        _recent(view.recent) if view.recent else None,
        _missing(view.missing) if view.missing else None,
    ])


def posts_details(view: PostsView, advice: WeekdayAdvice | None) -> Markup:
    """Below the charts: the weekly table, top posts, best weekday, audiences, single posts."""
    return join([
        weekly_table(view.weeks),
        _top_posts(view.top_posts),
        _weekday(advice),
        _audience(view.followers_audience, "Your followers", "your followers",
                  "followers-audience"),
        _audience(view.content_audience, "Who saw your posts", "the people who saw your posts",
                  "content-audience"),
        _single_posts(view.single_posts),
    ])


def posts_panel(view: PostsView, advice: WeekdayAdvice | None) -> Markup:
    """Everything but the charts, in the order the view shows it."""
    return join([posts_summary(view), posts_details(view, advice)])


def _headline(view: PostsView) -> Markup | None:
    head = view.headline
    if head is None:
        return None
    window = f"{text.long_date(head.window.start)} to {text.long_date(head.window.end)}"
    cards = [("Impressions", _number(head.impressions)),
             ("Members reached", _number(head.members_reached)),
             ("Followers", _number(head.followers_total))]
    age = view.export_age_days
    stale = (el("p", f"Your latest export is {text.count(age, 'day')} old: export again for "
                     "the weeks since.", class_="notice")
             if age is not None and age > 14 else None)
    return el("div",
              el("p", f"Latest export: {window}.", class_="muted"),
              el("dl", [el("div", el("dt", label), el("dd", value)) for label, value in cards],
                 class_="posts-figures"),
              stale, id="posts-headline")


def _recent(recent: RecentWeeks) -> Markup:
    def line(label: str, before: float | None, now: float | None, rate: bool = False) -> Markup:
        shown = _rate if rate else (lambda v: _number(None if v is None else int(v)))
        return el("li", f"{label}: {shown(now)} (the 4 weeks before: {shown(before)})")

    return el("div",
              el("h3", f"Last 4 complete weeks (to the week of {text.long_date(recent.last)})"),
              el("ul", line("Impressions", recent.impressions.before, recent.impressions.now),
                 line("Engagements", recent.engagements.before, recent.engagements.now),
                 line("Engagement rate", recent.rate.before, recent.rate.now, rate=True)),
              id="posts-recent")


def _missing(missing: Sequence[str]) -> Markup:
    return el("p", "Not shown yet: ", "; ".join(missing), ".", class_="muted",
              id="posts-missing")


def weekly_table(weeks: Sequence[PostWeek]) -> Markup | None:
    """Every week's figures, newest first; weeks not complete are marked."""
    if not weeks:
        return None
    head = el("tr", [el("th", h, scope="col") for h in (
        "Week of", "Impressions", "Engagements", "Engagement rate", "New followers", "")])
    rows = [el("tr", el("th", w.week.isoformat(), scope="row"),
               el("td", text.whole(w.impressions)), el("td", text.whole(w.engagements)),
               el("td", _rate(w.engagement_rate())), el("td", _number(w.new_followers)),
               el("td", _week_flag(w), class_="muted"),
               data_week=w.week.isoformat())
            for w in reversed(weeks)]
    return el("details",
              el("summary", f"Week by week ({text.count(len(weeks), 'week')})"),
              el("div", el("table", el("caption", "Your posts week by week",
                                       class_="visually-hidden"),
                           el("thead", head), el("tbody", rows), id="posts-weekly-table"),
                 class_="table-wrap", tabindex="0"),
              class_="coach-form")


def _week_flag(week: PostWeek) -> str:
    if week.partial:
        return "still coming in"
    if week.days < 7:
        return f"{week.days} of 7 days"
    return ""


def _top_posts(rows: Sequence[TopPostRow]) -> Markup | None:
    if not rows:
        return None
    head = el("tr", [el("th", h, scope="col") for h in (
        "Published", "Post", "Impressions", "Engagements", "Engagement rate")])
    body = [el("tr", el("th", text.long_date(r.published), scope="row"),
               el("td", post_link(r.url, r.linkable)),
               el("td", _number(r.impressions)), el("td", _number(r.engagements)),
               el("td", _rate(r.rate())))
            for r in rows[:SHOWN_TOP_POSTS]]
    more = len(rows) - SHOWN_TOP_POSTS
    return el("section",
              el("h3", "Top posts"),
              el("p", "From your exports' top-post lists, figures within each export's window; "
                      f"{UNKNOWN} means the post was not in that list.", class_="muted"),
              el("div", el("table", el("thead", head), el("tbody", body), id="posts-top-table"),
                 class_="table-wrap", tabindex="0"),
              el("p", f"and {text.count(more, 'more post')} in the workbook download.",
                 class_="muted") if more > 0 else None,
              id="posts-top")


def _weekday(advice: WeekdayAdvice | None) -> Markup:
    if advice is None:
        return el("section", el("h3", "Best weekday to post"),
                  el("p", "Not enough of your own posts yet to tell: it takes at least 8 posts "
                          "in your exports' top-post lists or single-post files, on at least "
                          "two weekdays with 3 posts each.", class_="muted"),
                  id="posts-weekday")
    head = el("tr", [el("th", h, scope="col") for h in ("Weekday", "Posts",
                                                         "Median impressions")])
    rows = [el("tr", el("th", g.name, scope="row"), el("td", g.posts),
               el("td", f"{g.median:,.0f}"),
               class_="best" if g == advice.best else None) for g in advice.groups]
    return el("section", el("h3", "Best weekday to post"),
              el("p", advice.words()),
              el("div", el("table", el("thead", head), el("tbody", rows),
                           id="posts-weekday-table"), class_="table-wrap", tabindex="0"),
              id="posts-weekday")


def _audience(audience: Audience | None, heading: str, who: str, id_: str) -> Markup | None:
    if audience is None:
        return None
    window = (f"{text.long_date(audience.window.start)} to "
              f"{text.long_date(audience.window.end)}")
    dm = audience.decision_makers
    return el("section",
              el("h3", heading),
              el("p", el("strong", dm.sentence(who)), class_="decision-makers") if dm else None,
              el("p", f"From the export of {window}. LinkedIn lists only the largest groups, "
                      "so the shares do not add up to 100%.", class_="muted"),
              el("div", [el("div", el("h4", category.label),
                            el("ul", [el("li", share.value, ": ", share_text(share))
                                      for share in category.shares]),
                            data_category=category.key)
                         for category in audience.categories], class_="audience-grid"),
              id=id_)


def _single_posts(rows: Sequence[SinglePostRow]) -> Markup | None:
    if not rows:
        return None
    return el("section", el("h3", "Single posts"),
              [_single_post(row) for row in rows], id="posts-single")


def _single_post(row: SinglePostRow) -> Markup:
    when = text.long_date(row.published) if row.published else "Date unknown"
    if row.published_time:
        when += f", {row.published_time}"
    figures: list[Child] = [el("div", el("dt", label), el("dd", text.whole(value)))
                            for label, value in row.metrics]
    if row.rate is not None:
        figures.append(el("div", el("dt", "Engagement rate"), el("dd", text.percent(row.rate))))
    dm = row.decision_makers
    return el("article",
              el("h4", when, f" · {row.kind}" if row.kind else None),
              el("p", post_link(row.url, row.linkable)),
              el("dl", figures, class_="posts-figures"),
              el("p", dm.sentence("the people who saw it")) if dm else None,
              class_="single-post")


def chart_slot(chart: WeeksChart | None, svg: str | None, figure_id: str) -> Markup | None:
    """A chart once drawn (with its table folded beside it), or where it will go."""
    if chart is None:
        return None
    return table_figure(chart.title, svg, chart.summary, chart.head, chart.rows, figure_id)


# ---- the import ---------------------------------------------------------------------------------

def import_report(reading: AnalyticsReading, plan: PostsMerge) -> Markup:
    """The report before saving: each file, what will be saved, rows skipped; Save/Cancel."""
    *files, saved = plan.summary_lines()
    buttons = ([el("button", "Close", type="button", data_action="posts-cancel")]
               if plan.changes_nothing else
               [el("button", "Save", type="button", class_="primary",
                   data_action="posts-confirm"),
                el("button", "Cancel", type="button", data_action="posts-cancel")])
    return el("div",
              el("h3", "What the workbooks hold", id="posts-report-heading", tabindex="-1"),
              el("ul", [el("li", line) for line in files], class_="posts-report-files"),
              _notes(reading),
              _skipped(reading),
              el("p", el("strong", saved), class_="posts-report-saved"),
              el("p", "Nothing is saved until you press Save.", class_="muted")
              if not plan.changes_nothing else None,
              el("div", join(buttons, " "), class_="actions"),
              class_="posts-report")


def _notes(reading: AnalyticsReading) -> Markup | None:
    notes = [f"{f.name}: {note}" for f in reading.files for note in f.notes]
    return el("ul", [el("li", n) for n in notes], class_="muted posts-report-notes") \
        if notes else None


def _skipped(reading: AnalyticsReading) -> Markup | None:
    problems: list[Problem] = [p for f in reading.files for p in f.skipped]
    if not problems:
        return None
    head = el("tr", [el("th", h, scope="col") for h in ("File", "Sheet", "Row", "Why")])
    rows = [el("tr", el("td", p.file), el("td", p.column), el("td", str(p.line or "")),
               el("td", p.message)) for p in problems[:SHOWN_SKIPPED]]
    more = len(problems) - SHOWN_SKIPPED
    return el("details",
              el("summary", f"{text.count(len(problems), 'row')} skipped"),
              el("div", el("table", el("thead", head), el("tbody", rows),
                           class_="posts-skipped"), class_="table-wrap", tabindex="0"),
              el("p", f"and {more:,} more.", class_="muted") if more > 0 else None,
              open=True)


def import_refused(reading: AnalyticsReading) -> Markup:
    """No workbook could be read: each file's reason; nothing changed."""
    return el("div",
              el("p", el("strong", "Nothing was imported."), " None of these files could be "
                                                           "read:"),
              el("ul", [el("li", f"{p.file}: {p.message}") for p in reading.refused]),
              el("p", "Your saved data is unchanged. Export the analytics again on LinkedIn "
                      "and choose the .xlsx file it gives you, without opening it first.",
                 class_="muted"),
              el("div", el("button", "Close", type="button", data_action="posts-close"),
                 class_="actions"),
              class_="export-refused", role="alert")


def saved_message(plan: PostsMerge) -> str:
    parts = [text.count(plan.days_added, "day") + " added",
             text.count(plan.days_changed, "day") + " revised"]
    if plan.posts_added or plan.posts_updated:
        parts.append(text.count(plan.posts_added + plan.posts_updated, "single post"))
    return f"Saved your post analytics: {', '.join(parts)}."
