"""One post's workbook (`SinglePostAnalytics_…`: one sheet `Post analytics`; older
`PostAnalytics_…`: PERFORMANCE and TOP DEMOGRAPHICS) read by its labels: key/value rows
matched by label wherever they stand, then the viewers' demographics after the
`Category | Value | %` row (or on the TOP DEMOGRAPHICS sheet).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ...model import POST_METRIC_KEYS, POST_METRICS, Problem, SinglePost
from .aggregate import Skips, demographics, resaved_notes
from .book import Book, Cells, Sheet, refusal
from .cells import date_of, date_parts, day_first_evidence, integer, text_of
from .locales import SINGLE, SINGLE_DEMOGRAPHICS, SINGLE_LABELS, folded
from .sheets import Found
from .types import SinglePostFile

_METRIC_LABELS = dict(POST_METRICS)
_TABLE_HEADERS = ("category", "categoria")


def read_single(book: Book, found: Found) -> SinglePostFile | Problem:
    sheet = found.roles[SINGLE]
    skips = Skips(book.name)
    fields, metrics, languages, table_row = _key_values(sheet, skips)
    url = text_of(fields.get("url"))
    if not url.lower().startswith("http"):
        return refusal(book.name, f"{book.name} is LinkedIn's workbook of one post but names "
                                  "no post (its Post URL row is missing or empty).")
    language = "pt" if languages["pt"] > languages["en"] else found.language
    day_first, published = _published(fields.get("date"), language)
    if table_row:
        viewers = demographics(sheet, skips, first_row=table_row + 1)
    else:
        viewers = demographics(found.roles.get(SINGLE_DEMOGRAPHICS), skips)
    notes = resaved_notes(book)
    if day_first and date_parts(fields.get("date")):
        notes.insert(0, "dates read as day/month/year")
    post = SinglePost(url=url, published=published, published_time=text_of(fields.get("time")),
                      metrics=metrics, viewers=viewers, created=book.created,
                      kind=text_of(fields.get("kind")).lower())
    return SinglePostFile(name=book.name, language=language, post=post,
                          skipped=tuple(skips.problems), notes=tuple(notes))


def _key_values(sheet: Sheet, skips: Skips
                ) -> tuple[dict[str, object], dict[str, int], Counter[str], int]:
    """Labelled rows up to the demographics table: the post's fields, its metrics, the
    labels' languages and the table's header row (0 when there is none)."""
    fields: dict[str, object] = {}
    metrics: dict[str, int] = {}
    languages: Counter[str] = Counter()
    for number, row in enumerate(sheet.rows, 1):
        label = folded(row[0]) if row else ""
        if label in _TABLE_HEADERS:
            return fields, metrics, languages, number
        field, language = SINGLE_LABELS.get(label, ("", ""))
        if not field:
            continue
        languages[language] += 1
        if field in POST_METRIC_KEYS:
            _metric(sheet, number, row, field, metrics, skips)
        else:
            fields.setdefault(field, row[1] if len(row) > 1 else None)
    return fields, metrics, languages, 0


def _metric(sheet: Sheet, number: int, row: Cells, key: str, metrics: dict[str, int],
            skips: Skips) -> None:
    value = row[1] if len(row) > 1 else None
    if value is None or text_of(value) == "" or key in metrics:
        return  # not in this workbook (older exports lack some), or a repeated label
    count = integer(value)
    if count is None or count < 0:
        skips.add(sheet, number, f"{_METRIC_LABELS[key]}: not a number")
    else:
        metrics[key] = count


def _published(value: object, language: str) -> tuple[bool, dt.date | None]:
    """The publish date and whether it was read day first (a field over 12 decides, else the
    language)."""
    evidence = day_first_evidence([value])
    day_first = evidence if evidence is not None else language == "pt"
    return day_first, date_of(value, day_first)
