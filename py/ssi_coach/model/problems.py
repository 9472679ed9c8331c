"""What went wrong with something a person typed or a file they gave, in words for them.

`FieldError` is about one field of a form; `Problem` is about one place in a file (a row, a
value, or the whole file) that a reader could not use. Both are returned, never raised: one
bad value never stops the rest from being read.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """A problem with one field, in words meant for the person who typed it."""

    field: str
    message: str


@dataclass(frozen=True)
class Problem:
    """A row, a value or a whole file a reader could not use, and why.

    It names the place, and shows the row's text only where the reader says it may (`raw`):
    a LinkedIn export's rows may hold messages, comments or posts, and a report is shown on
    screen and may be screenshotted, so those readers never fill it in.
    """

    file: str  # as the member sees it: "scores.csv" or "Export.zip › Shares.csv"
    line: int  # physical line (1-based) where the record starts; 0 for the whole file
    column: str  # the column as people read it ("Date"); "" for the whole row or file
    message: str
    raw: str = ""  # the row as it stands in the file, shortened, where it may be shown

    def __str__(self) -> str:
        """One sentence for a list of problems: 'scores.csv, line 3, Date: …'."""
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.column:
            where += f", {self.column}"
        return f"{where}: {self.message}"
