"""The same kind of file more than once in one import (issue 13, point 4): every copy is read,
and each row counts once, whether the copies are identical, overlapping parts, or one holds
rows the other lacks."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from ssi_coach.importers.linkedin import read_export
from ssi_coach.importers.linkedin.types import ExportReading, Upload
from tests import linkedin_export as generator

REACTIONS = "Date,Type,Link\n"
LINK = "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7{:018d}"


def reading(uploads: Sequence[Upload]) -> ExportReading:
    result = read_export(uploads)
    assert isinstance(result, ExportReading), result
    return result


def weeks(result: ExportReading) -> dict[object, dict[str, int]]:
    return {week.week: dict(week.counts) for week in result.weeks}


def export() -> generator.GeneratedExport:
    return generator.make_export(generator.ExportSpec(layout=generator.LOOSE))


def loose(files: dict[str, bytes]) -> list[Upload]:
    return [Upload(name, data) for name, data in files.items()]


def records(data: bytes) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    return rows[0], rows[1:]


def written(header: list[str], rows: Sequence[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def reactions(*rows: str) -> bytes:
    return (REACTIONS + "".join(row + "\n" for row in rows)).encode()


# ---- identical copies -----------------------------------------------------------------------

def test_an_identical_second_copy_counts_nothing_twice_and_the_report_says_so() -> None:
    made = export()
    single = reading(loose(made.files))
    files = dict(made.files)
    uploads = [*loose(files), Upload("Connections (1).csv", files["Connections.csv"])]
    doubled = reading(uploads)
    assert weeks(doubled) == weeks(single) == made.expected.weeks
    assert doubled.network == single.network
    assert doubled.ignored == single.ignored  # the copy is read, not set aside
    [note] = doubled.duplicates
    assert "Connections.csv" in note and "Connections (1).csv" in note
    assert "fullest copy" in note and "nothing was counted twice" in note


def test_basic_and_complete_zips_with_the_same_file_count_it_once() -> None:
    made = generator.make_export(generator.ExportSpec(split=True))
    files = dict(made.files)
    extra = Upload("Connections.csv", files["Connections.csv"])  # a loose copy as well
    result = reading([*(Upload(n, d) for n, d in made.uploads), extra])
    assert weeks(result) == made.expected.weeks
    assert len(result.duplicates) == 1


# ---- parts and overlaps ---------------------------------------------------------------------

def test_messages_in_two_overlapping_parts_are_merged_row_by_row() -> None:
    made = export()
    files = dict(made.files)
    header, rows = records(files.pop("messages.csv"))
    cut_a, cut_b = len(rows) * 2 // 5, len(rows) * 3 // 5  # both parts hold the middle fifth
    files["messages_1.csv"] = written(header, rows[:cut_b])
    files["messages_2.csv"] = written(header, rows[cut_a:])
    result = reading(loose(files))
    # Conversations cut in two by the parts are still one conversation each.
    assert weeks(result) == made.expected.weeks
    assert result.network.conversations_started == made.expected.network.conversations_started
    assert result.network.conversations_replied == made.expected.network.conversations_replied
    [note] = result.duplicates
    assert "merged" in note and "each row counted once" in note
    report = next(f for f in result.files if f.kind == "messages")
    assert report.rows_read == made.expected.rows_read["messages.csv"]


def test_the_fuller_copy_is_used_whatever_the_order() -> None:
    full = reactions(*(f"2026-06-0{day} 10:00:00,LIKE,{LINK.format(day)}" for day in range(1, 8)))
    part = reactions(*(f"2026-06-0{day} 10:00:00,LIKE,{LINK.format(day)}" for day in range(1, 4)))
    for uploads in ([Upload("Reactions.csv", full), Upload("Reactions (1).csv", part)],
                    [Upload("Reactions (1).csv", part), Upload("Reactions.csv", full)]):
        result = reading(uploads)
        assert sum(w.counts["reactions_given"] for w in result.weeks) == 7
        [note] = result.duplicates
        assert "the fullest copy, Reactions.csv, was used" in note


def test_a_files_own_repeated_rows_keep_their_number() -> None:
    same = f"2026-06-02 10:00:00,LIKE,{LINK.format(1)}"
    first = reactions(same, same, f"2026-06-03 10:00:00,LIKE,{LINK.format(2)}")
    second = reactions(same, f"2026-06-04 10:00:00,PRAISE,{LINK.format(3)}")
    result = reading([Upload("Reactions.csv", first), Upload("Reactions_2.csv", second)])
    # twice the same reaction in one file, once in the other: two; plus one from each file
    assert sum(w.counts["reactions_given"] for w in result.weeks) == 4
    [note] = result.duplicates
    assert "merged" in note and "1 from" in note


def test_one_file_in_two_encodings_counts_once() -> None:
    made = export()
    files = dict(made.files)
    original = files["Connections.csv"]
    text = original.decode("utf-8")
    files["Connections (1).csv"] = b"\xef\xbb\xbf" + text.encode("utf-8")  # saved with a BOM
    result = reading(loose(files))
    assert weeks(result) == made.expected.weeks
    assert len(result.duplicates) == 1


def test_a_file_saved_again_by_excel_says_so_in_the_report() -> None:
    text = ("First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n"
            "Zoë;Exämple;https://www.linkedin.com/in/zoe;;Démo;Directeur;09 Jul 2026\r\n")
    result = reading([Upload("Connections.csv", text.encode("cp1252"))])
    [report] = result.files
    assert report.notes == ("text encoded as Windows-1252 (saved by a spreadsheet program)",
                            "fields separated by semicolons (saved by a spreadsheet program)")
    assert sum(w.counts["connections_added"] for w in result.weeks) == 1


def test_an_original_and_a_copy_re_saved_by_excel_count_each_connection_once() -> None:
    made = export()
    files = dict(made.files)
    text = files["Connections.csv"].decode("utf-8")
    header_at = text.index("First Name")
    rows = list(csv.reader(io.StringIO(text[header_at:], newline="")))
    when = rows[0].index("Connected On")
    for row in rows[1:]:
        day = dt.datetime.strptime(row[when], "%d %b %Y").date()
        row[when] = day.strftime("%d.%m.%Y")  # German Excel
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    files["Connections (1).csv"] = out.getvalue().encode("cp1252")
    result = reading(loose(files))
    assert weeks(result) == made.expected.weeks
    [note] = result.duplicates
    assert "nothing was counted twice" in note
    [report] = [f for f in result.files if f.kind == "connections"]
    assert any("Connections (1).csv" in n and "day.month.year" in n for n in report.notes)
