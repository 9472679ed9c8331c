"""Profile URLs in one spelling, so a person is matched across files and exports (and with a
URL the member typed) by their URL alone. Standard library only: the Accounts view's forms
use it without loading pandas."""

from __future__ import annotations

import re
from urllib.parse import unquote


def normalize_profile_url(text: str) -> str:
    """A profile URL in one spelling for matching: https://, lower-case host, no query,
    fragment or trailing slash, percent-escapes decoded. "" stays ""."""
    text = text.strip()
    if not text:
        return ""
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    scheme_less = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", text)
    host, _, path = scheme_less.partition("/")
    path = unquote(path).rstrip("/")
    return f"https://{host.lower()}/{path}" if path else f"https://{host.lower()}"
