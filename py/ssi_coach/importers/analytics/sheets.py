"""Which sheet is which: by name first (any case, English or Portuguese, `locales.py`), then
by shape for sheets whose name is not known (a re-saved or renamed sheet, a language not in
the table), and from the roles found, which kind of workbook this is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .book import Book, Sheet
from .cells import date_parts
from .locales import (
    AGGREGATE_ROLES,
    AUDIENCE,
    CONTENT,
    DATE_HEADERS,
    DEMOGRAPHICS_HEADERS,
    DISCOVERY,
    ENGAGEMENT,
    FOLLOWERS,
    OVERALL,
    SHEET_NAMES,
    SINGLE,
    SINGLE_DEMOGRAPHICS,
    SINGLE_LABELS,
    TOP_POSTS,
    TOTAL_FOLLOWERS,
    folded,
)
from .types import AGGREGATE, SINGLE_POST

_BY_NAME = {name: (role, language) for role, names in SHEET_NAMES.items()
            for name, language in names}


@dataclass(frozen=True)
class Found:
    kind: str  # AGGREGATE, SINGLE_POST or "" (not LinkedIn's analytics)
    roles: dict[str, Sheet]
    language: str  # "en" or "pt"


def find_sheets(book: Book) -> Found:
    roles: dict[str, Sheet] = {}
    languages: Counter[str] = Counter()
    unnamed = []
    for sheet in book.sheets:
        role, language = _BY_NAME.get(folded(sheet.name), ("", ""))
        if role == AUDIENCE and AUDIENCE in roles:
            role = CONTENT
        if role and role not in roles:
            roles[role] = sheet
            languages[language] += 1
        else:
            unnamed.append(sheet)
    for sheet in unnamed:
        role, language = _shape(sheet, roles)
        if role:
            roles[role] = sheet
            languages[language] += 1 if language else 0
    if any(role in roles for role in AGGREGATE_ROLES):
        kind = AGGREGATE
    elif SINGLE in roles:
        kind = SINGLE_POST
    else:
        kind = ""
    language = "pt" if languages["pt"] > languages["en"] else "en"
    return Found(kind, roles, language)


def _shape(sheet: Sheet, roles: dict[str, Sheet]) -> tuple[str, str]:
    """The role a sheet's first rows give it, and their language ("" when unsure)."""
    a1, b1 = folded(sheet.cell(1, 0)), sheet.cell(1, 1)
    candidates = (
        (DISCOVERY, a1 in OVERALL or _is_window(b1), OVERALL.get(a1, "")),
        (ENGAGEMENT, a1 in DATE_HEADERS and sheet.cell(1, 2) is not None,
         DATE_HEADERS.get(a1, "")),
        (TOP_POSTS, _has_post_links(sheet), ""),
        (FOLLOWERS, a1.startswith(TOTAL_FOLLOWERS), "pt" if a1.startswith("total de") else ""),
        (AUDIENCE, a1 in DEMOGRAPHICS_HEADERS, ""),
        (CONTENT, a1 in DEMOGRAPHICS_HEADERS, ""),
        (SINGLE, _has_post_labels(sheet), ""),
        (SINGLE_DEMOGRAPHICS, a1 in DEMOGRAPHICS_HEADERS, ""),
    )
    for role, matches, language in candidates:
        if matches and role not in roles:
            return role, language
    return "", ""


def _is_window(value: object) -> bool:
    parts = str(value).split(" - ") if isinstance(value, str) else []
    return len(parts) == 2 and all(date_parts(p) for p in parts)


def _has_post_links(sheet: Sheet) -> bool:
    for row in range(1, min(len(sheet.rows), 6) + 1):
        for column in (0, 4):
            value = sheet.cell(row, column)
            if isinstance(value, str) and "linkedin.com/feed/update/" in value:
                return True
    return False


def _has_post_labels(sheet: Sheet) -> bool:
    fields = {SINGLE_LABELS.get(folded(row[0]), ("", ""))[0] for row in sheet.rows[:40] if row}
    return {"url", "date"} <= fields
