"""Finding the LinkedIn CSVs among what the member chose: one or two export zips, loose CSV
files, or a mix (docs/linkedin-export.md §1 rules 1-2, §2.1-2.2).

Everything happens in memory on the uploaded bytes; nothing touches a file system. Files are
recognised by their base name only, so the zip's name, an optional top-level folder and any
sub-folder do not matter. An upload that cannot be used at all (too large, damaged, encrypted,
not a zip or CSV, nothing from LinkedIn in it) refuses the whole import with a message that
names the file and says what to do: importing half of what the member meant to import would
be more confusing than asking again.

Decisions where the format leaves a choice:
- When the same kind of file comes more than once (Basic and Complete zips, a zip and a
  loose copy, one file in two encodings or two parts), every copy is handed on, the
  preferred first: from a zip whose name contains "Complete", otherwise the later upload.
  `copies.py` merges them so that no row counts twice.
- Only the members that will be read count towards MAX_UNPACKED_BYTES.
- A file's kind is decided by its extension alone (.zip or .csv): a spreadsheet saved as
  .xlsx is also a zip inside, and "not a .zip or .csv" is the more helpful answer for it.
- A copy number a browser or file manager adds (`Shares (1).csv`) is ignored like the
  member id (`Shares_1234567.csv`).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from ...model import Problem
from .types import (
    MAX_UNPACKED_BYTES,
    MAX_UPLOAD_BYTES,
    ImportRefused,
    SourceFile,
    Upload,
)

IN_ZIP = " › "  # between a zip's name and a member's path, in names the member sees

_HOW_TO_EXPORT = ("Choose the .zip file LinkedIn sent you (Settings › Data privacy › Get a copy "
                  "of your data), or CSV files from inside it.")
_DOWNLOAD_AGAIN = "Download the export again from LinkedIn and choose the new file."

# What reading a damaged zip can raise: zipfile reports most damage as BadZipFile, but a
# cut-off or garbled file can also surface as zlib, EOF, OS or value errors, an unknown
# compression method as NotImplementedError, and an encrypted member as RuntimeError.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError)


def _name_pattern(*words: str) -> re.Pattern[str]:
    """The base name of a CSV made of `words`, each pair joined by a space, `_` or nothing
    (`Rich Media` = `Rich_Media` = `RichMedia`), with an optional member id (`_1234567`, but
    not `_v2`) or copy number (` (1)`) before `.csv`."""
    joined = "[ _]?".join(words)
    return re.compile(rf"^{joined}(?:_\d+)?(?: ?\(\d+\))?\.csv$", re.IGNORECASE)


# Kinds in the order the files are handed on; the first pattern that matches wins.
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("connections", _name_pattern("connections")),
    ("messages", _name_pattern("messages")),  # not guide_messages.csv, LearningCoachMessages.csv
    ("invitations", _name_pattern("invitations")),
    ("shares", _name_pattern("shares")),
    ("comments", _name_pattern("comments")),
    ("reactions", _name_pattern("reactions")),
    ("votes", _name_pattern("votes")),
    ("instant_reposts", _name_pattern("instant", "reposts")),
    ("search_queries", _name_pattern("search", "queries")),
    ("recommendations_received", _name_pattern("recommendations", "received")),
    ("recommendations_given", _name_pattern("recommendations", "given")),
    ("endorsements_received", _name_pattern("endorsements?", "received", "info")),
    ("endorsements_given", _name_pattern("endorsements?", "given", "info")),
    ("profile", _name_pattern("profile")),  # not Profile Summary.csv
    ("positions", _name_pattern("positions")),
    ("education", _name_pattern("education")),
    ("certifications", _name_pattern("certifications")),
    ("courses", _name_pattern("courses")),
    ("volunteering", _name_pattern("volunteering")),
    ("skills", _name_pattern("skills")),
    ("languages", _name_pattern("languages")),
    ("rich_media", _name_pattern("rich", "media")),
)

_KIND_ORDER = {kind: index for index, (kind, _) in enumerate(KINDS)}


@dataclass(frozen=True)
class Collected:
    """The recognised CSVs of an import in the order of KINDS; where a kind came more than
    once, every copy, the preferred one first."""

    files: tuple[SourceFile, ...]
    ignored: tuple[str, ...]  # names seen and not read, as the member sees them
    problems: tuple[Problem, ...]  # members that could not be unpacked


def kind_of(path: str) -> str | None:
    """The kind of the file at `path` (any folders ignored), or None when it is not one the
    importer reads."""
    base = re.split(r"[/\\]", path)[-1]
    return next((kind for kind, pattern in KINDS if pattern.match(base)), None)


def collect(uploads: Sequence[Upload], *, max_upload_bytes: int = MAX_UPLOAD_BYTES,
            max_unpacked_bytes: int = MAX_UNPACKED_BYTES) -> Collected | ImportRefused:
    """The LinkedIn CSVs in `uploads`, or why the uploads cannot be imported at all."""
    if not uploads:
        return ImportRefused(f"No file was chosen. {_HOW_TO_EXPORT}")
    for upload in uploads:
        refusal = _check_upload(upload, max_upload_bytes)
        if refusal is not None:
            return refusal
    found = _Found(unpack_budget=max_unpacked_bytes)
    for upload in uploads:
        refusal = found.add_zip(upload) if _is_zip(upload.name) else found.add_csv(upload)
        if refusal is not None:
            return refusal
    if not found.candidates:
        return _nothing_found(uploads, found.problems)
    return Collected(_order(found.candidates), tuple(found.ignored), tuple(found.problems))


# ---- one upload -----------------------------------------------------------------------------

def _is_zip(name: str) -> bool:
    return name.lower().endswith(".zip")


def _is_csv(name: str) -> bool:
    return name.lower().endswith(".csv")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _check_upload(upload: Upload, max_upload_bytes: int) -> ImportRefused | None:
    """Refuse what is not worth opening: the wrong type of file, or far too large a file."""
    if not (_is_zip(upload.name) or _is_csv(upload.name)):
        return ImportRefused(
            f"{upload.name} is neither a .zip nor a .csv file, so it cannot be a LinkedIn data "
            f"export. {_HOW_TO_EXPORT} If you opened a CSV in a spreadsheet, choose the "
            "original .csv file instead.")
    if len(upload.data) > max_upload_bytes:
        return ImportRefused(
            f"{upload.name} is {_megabytes(len(upload.data))}; LinkedIn exports are far "
            f"smaller (at most a few dozen MB), so this is not one. {_HOW_TO_EXPORT}")
    return None


@dataclass(frozen=True)
class _Candidate:
    """A recognised file and what decides between two copies of its kind."""

    file: SourceFile
    from_complete: bool  # from a zip named Complete_…: preferred over any other copy
    order: int  # among copies from equally preferred places, the later one wins


class _Found:
    """What the uploads hold so far, filled upload by upload."""

    def __init__(self, unpack_budget: int) -> None:
        self.candidates: list[_Candidate] = []
        self.ignored: list[str] = []
        self.problems: list[Problem] = []
        self.unpack_budget = unpack_budget  # bytes still allowed to come out of zips

    def _keep(self, file: SourceFile, from_complete: bool) -> None:
        self.candidates.append(_Candidate(file, from_complete, len(self.candidates)))

    def add_csv(self, upload: Upload) -> ImportRefused | None:
        kind = kind_of(upload.name)
        if kind is None:
            self.ignored.append(upload.name)
        else:
            self._keep(SourceFile(kind, upload.name, upload.data), from_complete=False)
        return None

    def add_zip(self, upload: Upload) -> ImportRefused | None:
        try:
            archive = zipfile.ZipFile(io.BytesIO(upload.data))
        except _ZIP_ERRORS:
            return ImportRefused(
                f"{upload.name} is damaged or is not a real zip file (the download may have "
                f"been cut short). {_DOWNLOAD_AGAIN}")
        with archive:
            return self._add_members(upload.name, archive)

    def _add_members(self, zip_name: str, archive: zipfile.ZipFile) -> ImportRefused | None:
        members = [info for info in archive.infolist() if not _is_noise(info)]
        if any(info.flag_bits & 0x1 for info in members):  # bit 0: the member is encrypted
            return ImportRefused(
                f"{zip_name} is password-protected, and LinkedIn exports are not: this zip "
                f"was made or changed by another program. {_DOWNLOAD_AGAIN}")
        wanted = [info for info in members if kind_of(info.filename) is not None]
        declared = sum(info.file_size for info in wanted)
        if declared > self.unpack_budget:
            return ImportRefused(
                f"{zip_name} would unpack to {_megabytes(declared)}, far more than any "
                f"LinkedIn export, so it is damaged or is not one. {_DOWNLOAD_AGAIN}")
        from_complete = "complete" in zip_name.lower()
        for info in members:
            shown = f"{zip_name}{IN_ZIP}{info.filename}"
            kind = kind_of(info.filename)
            if kind is None:
                self.ignored.append(shown)
                continue
            data = _read_member(archive, info)
            if data is None:
                self.problems.append(Problem(
                    shown, 0, "", f"could not be unpacked: the zip is damaged. {_DOWNLOAD_AGAIN}"))
                continue
            self.unpack_budget -= len(data)
            self._keep(SourceFile(kind, shown, data), from_complete)
        return None


def _is_noise(info: zipfile.ZipInfo) -> bool:
    """Folders, macOS resource forks (`__MACOSX/`, `._Shares.csv`) and hidden files
    (`.DS_Store`): not the member's data, and not worth listing as ignored."""
    if info.is_dir():
        return True
    parts = re.split(r"[/\\]", info.filename)
    return any(part == "__MACOSX" or part.startswith(".") for part in parts if part)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """The member's bytes, or None when they cannot be read intact. Never more than its
    declared size plus one byte is read, so a header that lies about the size cannot make
    memory run out (zipfile checks the CRC, which a lying header fails too)."""
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except _ZIP_ERRORS:
        return None
    return data if len(data) == info.file_size else None


# ---- all uploads ----------------------------------------------------------------------------

def _order(candidates: Sequence[_Candidate]) -> tuple[SourceFile, ...]:
    """Every recognised file in the order of KINDS; of the copies of one kind, the one from
    a "Complete" zip first, then the later upload."""
    chosen = sorted(candidates, key=lambda candidate: (
        _KIND_ORDER[candidate.file.kind], not candidate.from_complete, -candidate.order))
    return tuple(candidate.file for candidate in chosen)


def _nothing_found(uploads: Sequence[Upload], problems: Sequence[Problem]) -> ImportRefused:
    names = ", ".join(upload.name for upload in uploads)
    if problems:
        return ImportRefused(
            f"{names}: none of the LinkedIn files could be unpacked, the zip is damaged. "
            f"{_DOWNLOAD_AGAIN}")
    subject = f"{names} has" if len(uploads) == 1 else f"The chosen files ({names}) hold"
    return ImportRefused(
        f"{subject} no files from a LinkedIn data export (such as Connections.csv or "
        f"Shares.csv). {_HOW_TO_EXPORT}")
