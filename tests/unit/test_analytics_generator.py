"""The synthetic analytics workbook generator (tests/analytics_workbooks.py), on its own: the
files are packaged like LinkedIn's (Apache POI) and say what `expected` says, as openpyxl
reads them back. Nothing here uses the app's reader."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile

import openpyxl
import pytest

from tests.analytics_workbooks import (
    NEW,
    OLD,
    AggregateSpec,
    ExpectedAggregate,
    ExpectedSinglePost,
    SinglePostSpec,
    make_aggregate,
    make_single_post,
    overlapping_pair,
)

POI_PARTS = {"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
             "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
             "xl/styles.xml", "xl/worksheets/_rels/sheet3.xml.rels"}


def book(data: bytes) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # POI writes no default cell style
        return openpyxl.load_workbook(io.BytesIO(data))


def values(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def aggregate(spec: AggregateSpec) -> tuple[bytes, ExpectedAggregate]:
    made = make_aggregate(spec)
    assert isinstance(made.expected, ExpectedAggregate)
    return made.data, made.expected


def test_an_old_export_is_packaged_as_apache_poi_writes_it() -> None:
    made = make_aggregate(AggregateSpec(days=60))
    assert made.name == "Content_2025-09-12_2025-11-10_Ada Example.xlsx"
    with zipfile.ZipFile(io.BytesIO(made.data)) as zf:
        names = set(zf.namelist())
        assert POI_PARTS | {f"xl/worksheets/sheet{n}.xml" for n in range(1, 6)} == names
        sheets = [zf.read(f"xl/worksheets/sheet{n}.xml").decode() for n in range(1, 6)]
        assert b"<Application>Apache POI</Application>" in zf.read("docProps/app.xml")
        assert b">2025-11-10T04:09:50Z<" in zf.read("docProps/core.xml")
        assert b"hyperlink" in zf.read("xl/worksheets/_rels/sheet3.xml.rels")
    for xml in sheets:
        assert '<dimension ref="A1"/>' in xml  # the wrong size, on every sheet
        assert "inlineStr" not in xml
    assert '<row r="2"/>' in sheets[2] and '<row r="2"/>' in sheets[3]  # blank rows
    assert re.search(r'<c r="B2" s="\d+" t="n"><v>\d+\.0</v>', sheets[1])  # 1253.0


def test_discovery_states_the_sum_of_the_days_and_the_window() -> None:
    data, expected = aggregate(AggregateSpec(seed=4))
    wb = book(data)
    discovery = values(wb["DISCOVERY"])
    engagement = values(wb["ENGAGEMENT"])[1:]
    assert discovery[0][1] == "11/11/2024 - 11/10/2025"
    assert discovery[1][1] == sum(row[1] for row in engagement) == expected.impressions_total
    assert len(engagement) == 365 == len(expected.days)
    assert engagement[0][0] == "11/11/2024" and engagement[-1][0] == "11/10/2025"
    assert any(row[2] < 0 for row in engagement)  # a day with withdrawn engagements
    assert any(row[1] == 0 for row in engagement)
    assert [d.engagements for d in expected.days] == [row[2] for row in engagement]


def test_the_last_day_is_partial_and_followers_match_by_date() -> None:
    data, expected = aggregate(AggregateSpec(seed=2))
    wb = book(data)
    followers = values(wb["FOLLOWERS"])
    assert followers[0] == ("Total followers on 11/10/2025:", float(expected.followers_total))
    assert followers[2] == ("Date", "New followers")
    assert [row[1] for row in followers[3:]] == [d.new_followers for d in expected.days]
    days = expected.days
    settled = sorted(d.impressions for d in days[:-1])
    assert days[-1].impressions <= settled[len(settled) // 2] * 2  # cut at the export moment


def test_top_posts_tables_differ_and_include_a_post_from_before_the_window() -> None:
    data, expected = aggregate(AggregateSpec(seed=3))
    rows = values(book(data)["TOP POSTS"])
    assert rows[0][0].startswith("Maximum of 50 posts")
    assert rows[2][:3] == ("Post URL", "Post publish date", "Engagements")
    by_eng = [r[:3] for r in rows[3:] if r[0]]
    by_imp = [r[4:7] for r in rows[3:] if r[4]]
    assert len(by_imp) == 50 and len(by_eng) <= 50
    assert [r[2] for r in by_imp] == sorted((r[2] for r in by_imp), reverse=True)
    assert {r[0] for r in by_eng} != {r[0] for r in by_imp}
    assert any(p.published < expected.start for p in expected.top_posts)
    for url, published, _ in by_imp:  # the activity id encodes the publish moment
        ms = int(url.rsplit(":", 1)[1]) >> 22
        moment = dt.datetime.fromtimestamp(ms / 1000, dt.UTC)
        assert f"{moment.month}/{moment.day}/{moment.year}" == published


def test_a_2026_portuguese_export_has_six_sheets_text_cells_and_day_first_dates() -> None:
    made = make_aggregate(AggregateSpec(era=NEW, language="pt", six_sheets=True, days=40))
    assert made.name == "AggregateAnalytics_Ada Example_2025-10-02_2025-11-10.xlsx"
    wb = book(made.data)
    assert wb.sheetnames == ["Descoberta", "Engajamento", "Publicações mais em alta",
                             "Seguidores", "Dados demográficos do público",
                             "Dados demográficos do conteúdo"]
    discovery = values(wb["Descoberta"])
    assert discovery[0][1] == "02/10/2025 - 10/11/2025"
    assert discovery[1][1] == str(made.expected.impressions_total)  # type: ignore[union-attr]
    assert values(wb["Engajamento"])[1][0] == "02/10/2025"
    audience = values(wb["Dados demográficos do público"])[1:]
    assert {row[0] for row in audience} == {"Cargo", "Localidade", "Setor",
                                            "Nível de experiência", "Tamanho da empresa",
                                            "Empresa"}
    assert all(isinstance(row[2], str) and row[2].endswith("%") for row in audience)
    assert any(row[2] == "menos de 1%" for row in audience)


def test_old_demographics_are_float32_fractions_or_below_one_text() -> None:
    data, expected = aggregate(AggregateSpec(seed=5))
    rows = values(book(data)["DEMOGRAPHICS"])
    assert rows[0] == ("Top Demographics", "Value", "Percentage")
    assert rows[1][0] == "Job titles" and len(rows) == 31
    for row, share in zip(rows[1:], expected.audience, strict=True):
        if share.percent is None:
            assert row[2] == "< 1%"
        else:
            assert isinstance(row[2], float) and row[2] * 100 == pytest.approx(share.percent)


def test_a_member_who_barely_posts_has_one_post_and_no_engagements_table() -> None:
    data, expected = aggregate(AggregateSpec(barely_posts=True, days=30, era=NEW))
    rows = values(book(data)["TOP POSTS"])
    assert len(expected.top_posts) == 1 and expected.top_posts[0].engagements is None
    assert [r[0] for r in rows[3:]] == [None] and rows[3][4] == expected.top_posts[0].url


def test_the_resaved_variant_is_written_by_another_program_with_date_cells() -> None:
    made = make_aggregate(AggregateSpec(resaved=True, days=20))
    with zipfile.ZipFile(io.BytesIO(made.data)) as zf:
        assert b"Apache POI" not in zf.read("docProps/app.xml")
        assert '<dimension ref="A1"/>' not in zf.read("xl/worksheets/sheet2.xml").decode()
    rows = values(book(made.data)["ENGAGEMENT"])
    assert rows[1][0] == dt.datetime(2025, 10, 22)


def test_single_post_workbooks_of_both_eras() -> None:
    new = make_single_post(SinglePostSpec(with_kind=True))
    assert isinstance(new.expected, ExpectedSinglePost)
    assert new.name.startswith("SinglePostAnalytics_Ada Example_")
    rows = values(book(new.data)["Post analytics"])
    assert rows[0] == ("Post URL", new.expected.url, None)
    assert ("Post Date", "7/22/2026", None) in rows
    assert ("Impressions", str(new.expected.metrics["impressions"]), None) in rows
    assert ("Category", "Value", "%") in rows
    assert new.expected.kind in {"video", "image", "document", "text"}
    old = make_single_post(SinglePostSpec(era=OLD, old_labels=True))
    assert old.name.startswith("PostAnalytics_Ada Example_")
    wb = book(old.data)
    assert wb.sheetnames == ["PERFORMANCE", "TOP DEMOGRAPHICS"]
    labels = [row[0] for row in values(wb["PERFORMANCE"])]
    assert "Profile viewers from post" in labels and "Members reached" not in labels


def test_an_overlapping_pair_revises_shared_days_both_ways() -> None:
    older, newer = overlapping_pair(7, gap_days=8)
    old_exp, new_exp = older.expected, newer.expected
    assert isinstance(old_exp, ExpectedAggregate) and isinstance(new_exp, ExpectedAggregate)
    assert new_exp.end - old_exp.end == dt.timedelta(days=8)
    old_days = {d.day: d for d in old_exp.days}
    shared = [d for d in new_exp.days if d.day in old_days and d.day != old_exp.end]
    up = [d for d in shared if d.impressions > old_days[d.day].impressions]
    down = [d for d in shared if d.impressions < old_days[d.day].impressions]
    assert up and down
    partial = old_days[old_exp.end]
    completed = next(d for d in new_exp.days if d.day == old_exp.end)
    assert partial.impressions <= completed.impressions
