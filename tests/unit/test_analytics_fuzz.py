"""Mutated analytics workbooks never crash the reader: flipped bytes, a cut-off file, rows
dropped, cells altered and sheet names shuffled each give an AnalyticsReading holding the
file either as read (with rows skipped) or refused, and what is read still fits the
document's records. 100 examples in all, so it runs in `make test`."""

from __future__ import annotations

import io
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_coach.importers.analytics import Upload, read_all
from ssi_coach.importers.analytics.types import AggregateFile, AnalyticsReading
from ssi_coach.model import PostAnalytics
from tests.analytics_workbooks import (
    NEW,
    OLD,
    AggregateSpec,
    SinglePostSpec,
    make_aggregate,
    make_single_post,
)

BASES = (
    make_aggregate(AggregateSpec(seed=51, days=20)),
    make_aggregate(AggregateSpec(seed=52, days=20, era=NEW, language="pt", six_sheets=True)),
    make_aggregate(AggregateSpec(seed=53, days=12, resaved=True)),
    make_single_post(SinglePostSpec(seed=54)),
    make_single_post(SinglePostSpec(seed=55, era=OLD)),
)
ODD_VALUES = ("", "-", "abc", "1e309", "nan", "99999999999999999999", "-5", "13/13/2025",
              "2/30/2025", "0", "12.5", "<b>", "1,2,3")


def rewrite(data: bytes, path: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == path:
                body = change(body.decode()).encode()
            dst.writestr(info, body)
    return out.getvalue()


def sheet_parts(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sorted(n for n in zf.namelist() if n.startswith("xl/worksheets/sheet"))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(BASES)).data
    kind = draw(st.sampled_from(("flip", "truncate", "rows", "cells", "names")))
    if kind == "flip":
        body = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            body[draw(st.integers(0, len(body) - 1))] ^= draw(st.integers(1, 255))
        return bytes(body)
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data) - 1))]
    if kind == "names":
        names = draw(st.permutations(["DISCOVERY", "engagement", "Top Posts", "FOLLOWERS",
                                      "Demographics", "Post analytics", "Seguidores", "x"]))
        counter = iter(names)
        return rewrite(data, "xl/workbook.xml", lambda text: re.sub(
            r'name="[^"]+"', lambda m: f'name="{next(counter)}"', text))
    part = draw(st.sampled_from(sheet_parts(data)))
    if kind == "rows":
        drops = draw(st.sets(st.integers(0, 60), max_size=6))
        return rewrite(data, part, lambda text: _drop_rows(text, drops))
    picks = draw(st.dictionaries(st.integers(0, 200), st.sampled_from(ODD_VALUES), max_size=8))
    return rewrite(data, part, lambda text: _alter_values(text, picks))


def _drop_rows(text: str, drops: set[int]) -> str:
    rows = iter(range(10**6))
    return re.sub(r"<row [^>]*?(?:/>|>.*?</row>)",
                  lambda m: "" if next(rows) in drops else m.group(0), text)


def _alter_values(text: str, picks: dict[int, str]) -> str:
    values = iter(range(10**6))

    def swap(match: re.Match[str]) -> str:
        index = next(values)
        if index not in picks:
            return match.group(0)
        cell = match.group(1).replace(' t="s"', ' t="str"').replace(' t="n"', "")
        return f"<c{cell}><v>{picks[index]}</v>"

    return re.sub(r"<c([^>]*)><v>[^<]*</v>", swap, text)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_a_mutated_workbook_is_read_or_refused_never_raises(data: bytes) -> None:
    reading = read_all([Upload("Content_2025-10-22_2025-11-10_Ada Example.xlsx", data)])
    assert isinstance(reading, AnalyticsReading)
    assert len(reading.files) + len(reading.refused) == 1
    for problem in reading.refused:
        assert problem.line == 0 and problem.message
    for found in reading.files:
        assert all(p.line >= 1 and p.column for p in found.skipped)
        if isinstance(found, AggregateFile):
            stamp = found.snapshot.stamp
            assert all(stamp.start <= d.day <= stamp.end for d in found.days)
            PostAnalytics(days=found.days, snapshots=(found.snapshot,))
