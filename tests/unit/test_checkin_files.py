"""A team member's file: a backup or a CSV file, told apart and read, or why it gave nothing."""

from __future__ import annotations

import pytest

from ssi_coach.exporters.csv_checkins import checkins_to_csv
from ssi_coach.importers.checkin_files import (
    BACKUP,
    CSV,
    CheckinsFile,
    kind_of_upload,
    read_checkins_file,
)
from ssi_coach.model import Document
from ssi_coach.storage.backup import backup_text

from .conftest import TODAY, checkin

THEIRS = (checkin("2026-09-01"), checkin("2026-10-01", (10, 5, 5, 5)))
BACKUP_BYTES = backup_text(Document(THEIRS)).encode("utf-8")
CSV_BYTES = checkins_to_csv(THEIRS).encode("utf-8")


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("ann.json", BACKUP_BYTES, BACKUP),
    ("ANN.JSON", b"not json at all", BACKUP),  # the name says backup: read (and refused) as one
    ("ann.csv", CSV_BYTES, CSV),
    ("ann.CSV", b"{ looks like json", CSV),  # the name says CSV
    ("ann backup.txt", BACKUP_BYTES, BACKUP),  # a backup renamed: its brace tells
    ("ann", b"\xef\xbb\xbf \n{}", BACKUP),
    ("ann.txt", CSV_BYTES, CSV),
    ("ann", b"", CSV),
])
def test_a_file_is_a_backup_by_its_name_or_its_opening_brace(name: str, data: bytes,
                                                              kind: str) -> None:
    assert kind_of_upload(name, data) == kind


@pytest.mark.parametrize(("name", "data"), [
    ("ann.json", BACKUP_BYTES), ("ann.csv", CSV_BYTES), ("ann-renamed.txt", BACKUP_BYTES),
    ("ann.txt", CSV_BYTES),
])
def test_either_kind_gives_the_same_check_ins(name: str, data: bytes) -> None:
    read = read_checkins_file(name, data, today=TODAY)
    assert read.checkins == THEIRS
    assert read.problem == ""


def test_a_broken_backup_says_why() -> None:
    read = read_checkins_file("ann.json", b'{"people": []}', today=TODAY)
    assert read == CheckinsFile(BACKUP, (), "This JSON file is not an ssi-coach backup (it has "
                                            "no check-ins).")


def test_a_csv_without_check_ins_says_why_with_its_first_problem() -> None:
    read = read_checkins_file("ann.csv", b"", today=TODAY)
    assert read == CheckinsFile(CSV, (), "This file is empty.")
    header_only = checkins_to_csv(()).encode("utf-8")
    assert read_checkins_file("ann.csv", header_only, today=TODAY) == CheckinsFile(
        CSV, (), "no check-ins in it")


def test_a_valid_backup_without_check_ins_is_no_problem_but_gives_none() -> None:
    read = read_checkins_file("empty.json", backup_text(Document()).encode(), today=TODAY)
    assert read == CheckinsFile(BACKUP, (), "")
