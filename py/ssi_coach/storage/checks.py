"""The checks the stored document's decoders share: a condition that must hold, no unknown
fields in a record, an ISO date. Each failure is a CorruptDocument naming what is wrong."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import CorruptDocument


def require(condition: bool, message: str) -> None:
    if not condition:
        raise CorruptDocument(message)


def known_keys(record: dict[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(record) - known)
    require(not unknown, f"{where} has an unknown field “{unknown[0] if unknown else ''}”.")


def iso_date(text: Any, what: str) -> dt.date:
    try:
        if isinstance(text, str) and len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise CorruptDocument(f"{what} is not a date like 2026-07-22 (found {text!r}).")
