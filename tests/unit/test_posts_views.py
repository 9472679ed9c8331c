"""The Posts view and its import report as a member reads them: figures, links that open
LinkedIn safely (and only LinkedIn), weeks still coming in, the report's buttons, refusals."""

from __future__ import annotations

import datetime as dt

from shell import posts_views, sheet_views
from ssi_coach.activity.week_merge import weeks_merge
from ssi_coach.importers.analytics import read_all
from ssi_coach.importers.analytics.types import AnalyticsReading, too_large, with_refused
from ssi_coach.importers.csv_weeks import read_weeks_csv
from ssi_coach.importers.linkedin.types import Upload
from ssi_coach.model import (
    Document,
    ExportStamp,
    PostAnalytics,
    PostDay,
    Problem,
    TopPost,
    WeekLog,
    WindowSnapshot,
)
from ssi_coach.posts.merge import plan_merge
from ssi_coach.posts.view import posts_view
from ssi_coach.posts.weekday import best_weekday
from tests.analytics_workbooks import AggregateSpec, make_aggregate
from tests.unit.parsed_html import parse

D = dt.date.fromisoformat
TODAY = D("2026-06-20")
STAMP = ExportStamp(D("2026-06-01"), D("2026-06-10"), dt.datetime(2026, 6, 10, 4, tzinfo=dt.UTC))


def _posts(*tops: TopPost) -> PostAnalytics:
    days = tuple(PostDay(D("2026-06-01") + dt.timedelta(days=i), 100 + i, 5 - i, 1, STAMP)
                 for i in range(10))
    return PostAnalytics(days=days, snapshots=(WindowSnapshot(
        STAMP, impressions=1045, members_reached=700, followers_total=1234, top_posts=tops),))


def _panel(posts: PostAnalytics) -> str:
    return posts_views.posts_panel(posts_view(posts, TODAY), best_weekday(posts))


def test_a_top_post_opens_linkedin_in_a_new_tab_without_telling_it_where_from() -> None:
    url = "https://www.linkedin.com/feed/update/urn:li:activity:7260000000000000000"
    page = parse(_panel(_posts(TopPost(url, D("2026-06-02"), 900, 40))))
    link = page.one("table", id="posts-top-table").one("a")
    assert link.attrs["href"] == url
    assert link.attrs["target"] == "_blank" and link.attrs["rel"] == "noopener noreferrer"
    row = page.one("table", id="posts-top-table").one("tbody").one("tr")
    assert [td.words for td in row.all("td")][1:] == ["900", "40", "4.4%"]


def test_an_address_that_is_not_linkedins_is_text_and_an_unknown_figure_is_a_dash() -> None:
    evil = "javascript:alert(1)"
    page = parse(_panel(_posts(TopPost(evil, D("2026-06-02"), None, 12))))
    table = page.one("table", id="posts-top-table")
    assert table.all("a") == []
    assert evil in table.text
    assert [td.words for td in table.one("tbody").one("tr").all("td")][1:] == ["—", "12", "—"]


def test_the_weekly_table_marks_the_week_still_coming_in_and_shows_net_engagements() -> None:
    page = parse(_panel(_posts()))
    rows = page.one("table", id="posts-weekly-table").one("tbody").all("tr")
    assert [r.attrs["data-week"] for r in rows] == ["2026-06-08", "2026-06-01"]
    latest = [td.words for td in rows[0].all("td")]
    # 8-10 June: impressions 107+108+109, engagements -2-3-4, the export day partial.
    assert latest[:2] == ["324", "−9"] and latest[-1] == "still coming in"
    assert "Followers" in page.one(id="posts-headline").text
    assert "1,234" in page.one(id="posts-headline").text


def test_the_empty_view_says_where_the_workbooks_come_from() -> None:
    assert posts_view(PostAnalytics(), TODAY).is_empty
    assert "No post analytics yet" in parse(posts_views.posts_empty()).text


def test_the_report_offers_save_only_when_something_changes() -> None:
    generated = make_aggregate(AggregateSpec(seed=2, days=30))
    reading = read_all([Upload(generated.name, generated.data)])
    first = plan_merge(PostAnalytics(), reading)
    report = parse(posts_views.import_report(reading, first))
    assert report.all("button", data_action="posts-confirm")
    assert "Will be saved: 30 days added" in report.one(class_="posts-report-saved").text
    again = plan_merge(first.result, reading)
    report = parse(posts_views.import_report(reading, again))
    assert report.all("button", data_action="posts-confirm") == []
    assert report.one(class_="posts-report-saved").words == (
        "Nothing to save: everything these files hold is already saved.")


def test_refused_files_are_each_named_with_the_reason_and_nothing_is_offered() -> None:
    reading = with_refused(read_all([Upload("notes.xlsx", b"hello")]),
                           (too_large("huge.xlsx", 50 * 1024 * 1024),))
    page = parse(posts_views.import_refused(reading))
    items = [li.words for li in page.all("li")]
    assert items[0].startswith("huge.xlsx: is 50.0 MB")
    assert items[1].startswith("notes.xlsx:")
    assert page.all("button", data_action="posts-confirm") == []


def test_skipped_rows_name_file_sheet_and_row_never_a_cell() -> None:
    generated = make_aggregate(AggregateSpec(seed=3, days=20))
    reading = read_all([Upload(generated.name, generated.data)])
    file = reading.files[0]
    problem = Problem(file.name, 7, "ENGAGEMENT", "impressions not a number")
    reading = AnalyticsReading((type(file)(**{**file.__dict__, "skipped": (problem,)}),))
    page = parse(posts_views.import_report(reading, plan_merge(PostAnalytics(), reading)))
    row = page.one("table", class_="posts-skipped").one("tbody").one("tr")
    assert [td.words for td in row.all("td")] == [file.name, "ENGAGEMENT", "7",
                                                 "impressions not a number"]


def test_the_weekly_log_preview_shows_each_changed_count_and_offers_a_choice() -> None:
    document = Document(weeks=(WeekLog(D("2026-11-09"), {"posts": 1}),))
    read = read_weeks_csv("week,posts\r\n2026-11-09,4\r\n2026-11-16,3\r\n", file_name="log.csv",
                          today=D("2026-11-22"))
    page = parse(sheet_views.weeks_preview("log.csv", read, weeks_merge(document, read)))
    assert "1 new week to add" in page.text
    assert "1 → 4" in page.one("table", class_="weeks-changes").text
    assert page.all("input", name="weeks-conflicts", value="replace")
    assert page.all("button", data_action="weeks-confirm")
