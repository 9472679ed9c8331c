"""The check-in someone is still typing, kept so a reload or a closed tab loses nothing.

It keeps the form's text fields (FORM_FIELDS) and its event checkboxes (EVENT_FIELDS, "on"
when ticked). Decoding is forgiving on purpose: a damaged draft is simply no draft.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from json import dumps, loads

from ..checkins.validation import EVENT_FIELDS, FORM_FIELDS

DRAFT_KEY = "ssi-coach.draft"
_KEPT = frozenset((*FORM_FIELDS, *EVENT_FIELDS))


@dataclass(frozen=True)
class Draft:
    fields: dict[str, str]
    replacing: dt.date | None = None  # the check-in being edited, if any

    def has_content(self) -> bool:
        """True when anything beyond the pre-filled date was typed."""
        return any(value.strip() for name, value in self.fields.items() if name != "date")


def encode_draft(draft: Draft) -> str:
    return dumps({
        "fields": {k: v for k, v in draft.fields.items() if k in _KEPT},
        "replacing": draft.replacing.isoformat() if draft.replacing else None,
    }, ensure_ascii=False)


def decode_draft(text: str | None) -> Draft | None:
    if not text:
        return None
    try:
        data = loads(text)
        fields = {k: v for k, v in data["fields"].items()
                  if k in _KEPT and isinstance(v, str)}
        replacing = dt.date.fromisoformat(data["replacing"]) if data.get("replacing") else None
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return Draft(fields, replacing)
