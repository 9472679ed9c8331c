"""Seniority of a connection, from the job title in `Connections.csv` (`Position`).

The SSI's "people" pillar rewards connecting with decision makers, and the export gives
only a free-text title, so a title is sorted into one class by the first rule below that
matches (case-insensitive, on word boundaries). The order is the precedence: a
"Founder & CEO" is C-suite, a "VP, Head of Sales" is a VP.
"""

from __future__ import annotations

import re

C_SUITE, VP, OWNER, DIRECTOR, HEAD, OTHER, UNKNOWN = (
    "c_suite", "vp", "owner", "director", "head", "other", "unknown")
CLASSES = (C_SUITE, VP, OWNER, DIRECTOR, HEAD, OTHER, UNKNOWN)
DECISION_MAKERS = frozenset({C_SUITE, VP, OWNER, DIRECTOR, HEAD})

# What may stand between a title's parts: "Partner, Example LLP", "Partner | Coach",
# "Partner - Example", "Partner @ Example", "Founder & Partner".
_SEP = r"(?:[,;|/@()&+–—]|\s-\s)"

# (class, pattern, why). Checked in this order; the first match wins.
RULES: tuple[tuple[str, str, str], ...] = (
    (C_SUITE, r"\bchief\b",
     "Chief Executive/Revenue/... Officer"),
    (C_SUITE, r"\b(?:ceo|cfo|coo|cto|cio|cmo|cro|cpo|ciso|cdo)\b",
     "the C-suite abbreviations, also inside Co-CEO or CEO/Founder"),
    (C_SUITE, r"(?<!\bvice )(?<!\bvice-)\bpresident\b",
     "President, but not Vice President"),
    (VP, r"\b(?:vp|svp|evp|avp)\b",
     "VP and its senior, executive and assistant forms"),
    (VP, r"\bvice[- ]?president\b",
     "spelled out, with or without a hyphen"),
    (OWNER, r"\b(?:co-?)?founder\b",
     "Founder, Co-founder, Cofounder, Founder & ..."),
    (OWNER, r"\b(?:owner|proprietor)\b",
     "Owner, Business Owner, Co-Owner, Proprietor"),
    (OWNER, rf"(?:^|{_SEP}\s*|\b(?:managing|senior|founding|general|equity)\s+)partner"
            rf"(?=\s*$|\s*{_SEP}|\s+(?:at|of|in|and)\b)",
     "Partner as a rank (alone, Managing/Senior/Founding/General Partner), not the "
     "partner in Partner Manager, Channel Partner or Partner Success Lead"),
    (DIRECTOR, r"\bdirectors?\b",
     "Director, Managing Director, Director of ..., Board of Directors"),
    (HEAD, r"\bhead\s+of\b",
     "Head of Sales, Global Head of ..."),
    (HEAD, rf"(?:^|{_SEP}\s*)head(?=\s*$|\s*,)",
     "the title Head, or Head, Marketing"),
)
_COMPILED = tuple((cls, re.compile(pattern, re.IGNORECASE)) for cls, pattern, _ in RULES)


def classify(title: str) -> str:
    """The seniority class of a job title: one of CLASSES ("unknown" when empty)."""
    text = title.strip(" \t\r\n,;")
    if not text:
        return UNKNOWN
    for cls, pattern in _COMPILED:
        if pattern.search(text):
            return cls
    return OTHER


def is_decision_maker(cls: str) -> bool:
    """C-suite, VP, owner, director or head."""
    return cls in DECISION_MAKERS
