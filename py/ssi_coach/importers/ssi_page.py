"""Reading the SSI page (linkedin.com/sales/ssi) from what a member pasted.

The paste is text from select-all/copy, or for power users the page's HTML or its JSON
(docs/linkedin-export.md §4). JSON is read by key (`memberScore.subScores` by `pillar`, and
each group's `score.subScores` the same way). HTML is turned into text (block elements become
line breaks, each group donut is fenced off) and read like a paste, then the values behind
the page's DOM hooks (§4.4) replace what the text gave. The page's words in every language it
is read in are one table, `LOCALES` (in `ssi_locales`, one `Locale` per language; the English
phrases are quoted below). Text is cut into tokens with one regex: pillar labels, rank-card
labels, `N out of 100`-style fractions, `N%`, `Remaining points N` and bare numbers;
everything else is only a barrier between tokens. Pillar labels make tables (a new table
starts where a label repeats, or where a heading, a table head, a caption or `Remaining
points` comes between two rows). In each table every label is paired with the number next to
it: a number on the same line on one side only wins; otherwise the reading of the whole table
as value-before-label or value-after-label is chosen by how many pillars it explains and
whether they add up to its total. `ssi_peers` then decides whose each table is: the member's
pillars and total come only from the member's own block (after `Current Social Selling
Index`, up to the comparison sections or a second accessibility table), so the other donuts
are never taken for the member's; the peers' averages (§4.7) come from the tables under
"People in your industry" and "People in your network", or in page order where those
headings are unknown. Rank cards are paired the same way with `N%`, which covers `Top` before
or after the label. Labels in a language without pillar labels in the table fall back to the
first four numbers in page order, marked low-confidence. Nothing raises: every problem comes
back as words in `PasteResult`.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from json import JSONDecoder
from typing import NamedTuple

from ..model import (
    PEER_GROUPS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    PeerAverages,
    PeerGroup,
    display_total,
)
from .ssi_locales import LOCALES, Locale
from .ssi_peers import BLOCK, LOOSE, OWN, Table, assign, checked_peers

__all__ = ["LOCALES", "Locale", "PasteResult", "SsiReading", "read_ssi_page", "reading_to_form"]

SUM_TOLERANCE = 0.502  # the total is the rounded sum (0.5) of pillars rounded to 3 places
DECIMALS = 3  # LinkedIn shows pillars with up to 3 decimals


@dataclass(frozen=True)
class SsiReading:
    """What the SSI page showed. Pillars have at most 3 decimals, as on the page."""

    pillars: dict[str, float]  # all four keys: "brand", "people", "insights", "relationships"
    total: int | None  # the total as the page shows it (integer), if found
    industry_rank: int | None  # the N of "Top N%"
    network_rank: int | None
    industry_average: float | None  # "average SSI of 31"
    network_average: float | None
    industry: str  # e.g. "Software Development"; "" if not found
    low_confidence: bool  # True when the pillars were taken in page order, labels unknown
    industry_peers: PeerAverages | None = None  # each pillar's average in the industry
    network_peers: PeerAverages | None = None  # ... and in the member's network
    industry_status: str = ""  # the group's weekly line, e.g. "No change in the last week"
    network_status: str = ""
    peers_low_confidence: bool = False  # peers taken in page order: group headings unknown

    def peers(self, group: PeerGroup) -> PeerAverages | None:
        """The pillar averages of one group of peers, as read (None if not read)."""
        peers: PeerAverages | None = getattr(self, f"{group.key}_peers")
        return peers

    def status(self, group: PeerGroup) -> str:
        """One group's weekly line, as the page words it ("" if not read)."""
        return str(getattr(self, f"{group.key}_status"))


@dataclass(frozen=True)
class PasteResult:
    """A reading, or the reasons there is none (problems is non-empty iff reading is None)."""

    reading: SsiReading | None
    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()  # non-blocking remarks for the preview


def read_ssi_page(text: str) -> PasteResult:
    """Read a paste of the SSI page: copied text, the page's HTML, or its JSON.

    Pillars are rounded to 3 decimals: pasted text keeps its value exactly (12.275 stays
    12.275) and the full floats of the JSON and of HTML `<progress>` bars (13.118002)
    become what the page shows (13.118). The total is the integer the page shows; from JSON
    it is `memberScore.overall` rounded half up. Never raises.
    """
    clean = _normalise(text if isinstance(text, str) else "").translate(_NO_FENCES)
    if not clean.strip():
        return _refuse(_EMPTY)
    from_json = _read_json(clean)
    if isinstance(from_json, str):
        return _refuse(from_json)
    if from_json is not None:
        return _finish(from_json)
    if _HTML.search(clean):
        return _finish(_read_html(clean))
    return _finish(_read_text(clean))


# ---- messages --------------------------------------------------------------------------

_HOW_TO_COPY = ("On linkedin.com/sales/ssi, select all (Ctrl+A or ⌘A), copy, and paste "
                "it here.")
_EMPTY = f"Nothing was pasted. {_HOW_TO_COPY}"
_NOT_SSI = ("This doesn't look like LinkedIn's SSI page: it has none of the pillar names "
            "(such as “Establish your professional brand”) and no “out of 100” score. "
            + _HOW_TO_COPY)
_BROKEN_JSON = ("This looks like LinkedIn's SSI data (JSON), but it could not be read: it is "
                "cut off or not valid JSON. Copy the whole response again.")
_OTHER_LANGUAGE = ("Read from a page in another language: check the pillars (the four "
                   "numbers were taken in page order).")


def _refuse(problem: str) -> PasteResult:
    return PasteResult(None, (problem,))


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")


def _quoted_list(labels: list[str]) -> str:
    quoted = [f"“{label}”" for label in labels]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


# ---- normalising -------------------------------------------------------------------------

# Zero-width characters and soft hyphens are dropped rather than spaced, so text split by
# them reads like the glued text docs/linkedin-export.md §4.2 already asks to accept.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[^\S\n]+")
# Pasted HTML's group donuts (§4.4) reach the text reader fenced by these two characters
# (from Unicode's private use area), which are taken out of anything pasted.
_DONUT_START, _DONUT_END = "\ue000", "\ue001"
_NO_FENCES = dict.fromkeys(map(ord, _DONUT_START + _DONUT_END))


def _normalise(text: str) -> str:
    """One '\\n' per line break (CRLF, CR, U+2028...); runs of other spaces (NBSP, tabs) -> ' ';
    accents composed (NFC), so "é" typed as "e" + accent still matches the page's words."""
    lines = unicodedata.normalize("NFC", text.translate(_INVISIBLE)).splitlines()
    return "\n".join(_SPACES.sub(" ", line) for line in lines)


_NO_MATCH = r"(?!)"
_MARKS = "".join(sorted({locale.decimal_mark for locale in LOCALES}))
_NUM = rf"[0-9]+(?:[{re.escape(_MARKS)}][0-9]+)?"  # ASCII only: float() takes other digits
_INDUSTRY_NAME = r"[^\n]{1,120}?"  # lazy: a name may hold commas, up to the sentence's rest
_SLOT = re.compile(r"\s*\{(n|industry)\}\s*")


def _words(phrase: str, gap: str = r"\s+") -> str:
    """A phrase as a pattern: its words, escaped, with `gap` between them."""
    return gap.join(re.escape(word) for word in phrase.split())


def _sentence(template: str, alternative: int) -> str:
    """A sentence with slots: `{n}` a number (spaces around it optional), `{industry}` a name.

    Slot groups are named `n_<alternative>`, `industry_<alternative>` so that several
    sentences fit in one pattern; `_slot` reads whichever matched.
    """
    parts = _SLOT.split(template)  # literal text and slot names, alternating
    pattern = _words(parts[0])
    for name, literal in zip(parts[1::2], parts[2::2], strict=True):
        slot = rf"(?P<{name}_{alternative}>{_NUM if name == 'n' else _INDUSTRY_NAME})"
        gap = r"\s*" if name == "n" else r"\s+"
        pattern = gap.join(piece for piece in (pattern, slot, _words(literal)) if piece)
    return pattern


def _any(patterns: list[str]) -> str:
    return "|".join(patterns) or _NO_MATCH


def _every(field_name: str) -> re.Pattern[str]:
    """One pattern for a field of `Locale` over every locale that fills it: its phrases (or
    sentences) as alternatives, in table order."""
    phrases: list[str] = []
    for locale in LOCALES:
        value = getattr(locale, field_name)
        phrases += [value] if isinstance(value, str) else value
    templates = [phrase for phrase in phrases if phrase]
    return re.compile(_any([_sentence(t, i) for i, t in enumerate(templates)]), re.IGNORECASE)


def _labels(pillar: int) -> str:
    """One pillar's label in every locale that knows its labels."""
    return _any([_words(locale.pillars[pillar]) for locale in LOCALES if locale.pillars])


def _slot(found: re.Match[str], name: str) -> str | None:
    """What slot `name` holds in the alternative that matched (group `name` or `name_<i>`)."""
    return next((value for group, value in found.groupdict().items()
                 if value is not None and (group == name or group.rsplit("_", 1)[0] == name)),
                None)


# ---- tokens ------------------------------------------------------------------------------

_OF = "(?:" + "|".join(_words(locale.out_of, r"\s*") for locale in LOCALES) + ")"


def _token_pattern() -> re.Pattern[str]:
    pillars = [f"(?P<p_{p.key}>{_labels(i)})" for i, p in enumerate(PILLARS)]
    ranks = [f"(?P<r_{key}>{_every(key).pattern})" for key in ("industry_rank", "network_rank")]
    # The denominator is exactly 100 or 25 so that a caption glued to the next number
    # ("20 out of 10012.275") still splits in the right place.
    return re.compile("|".join([
        *pillars, *ranks,
        rf"(?P<remaining>{_every('remaining').pattern})[\s:|]*(?P<left>{_NUM})?",
        rf"(?P<frac>{_NUM})\s*{_OF}\s*(?P<den>100|25)",
        rf"(?P<percent>{_NUM})\s*%",
        rf"(?P<num>{_NUM})",
    ]), re.IGNORECASE)


_TOKEN = _token_pattern()


class _Tok(NamedTuple):
    kind: str  # label, rank_label, value, total, percent, remaining; or in pairing: other
    key: str  # pillar or rank key for labels
    value: float
    start: int
    end: int


def _number(text: str) -> float:
    for mark in _MARKS:
        text = text.replace(mark, ".")
    return float(text)


def _token(match: re.Match[str]) -> _Tok:
    # lastgroup names the alternative that matched (its last group), without a groupdict
    # per token: pastes of a whole page's HTML can hold a great many numbers.
    name = match.lastgroup or "num"
    span = (match.start(), match.end())
    if name.startswith("p_"):
        return _Tok("label", name[2:], math.nan, *span)
    if name.startswith("r_"):
        return _Tok("rank_label", name[2:], math.nan, *span)
    if name in ("remaining", "left"):
        return _Tok("remaining", "", _number(match["left"] or "nan"), *span)
    if name == "den":
        # "<x> out of 25" is a pillar's own text; "<N> out of 100" is a donut's caption.
        kind = "total" if match["den"] == "100" else "value"
        return _Tok(kind, "", _number(match["frac"]), *span)
    if name == "percent":
        return _Tok("percent", "", _number(match["percent"]), *span)
    return _Tok("value", "", _number(match["num"]), *span)


def _tokenise(text: str) -> list[_Tok]:
    return [_token(match) for match in _TOKEN.finditer(text)]


def _relabel(tokens: list[_Tok], label_kind: str, value_kind: str) -> list[_Tok]:
    """Tokens for one pairing: its labels, its values, and everything else as a barrier."""
    kinds = {label_kind: "label", value_kind: "value"}
    return [t._replace(kind=kinds.get(t.kind, "other")) for t in tokens]


# ---- pairing labels with values ----------------------------------------------------------

_LETTER = re.compile(r"[^\W\d_]")
_TOP = _every("top")
_NOTHING = re.compile(_NO_MATCH)


class _Side(NamedTuple):
    token: int  # the value token's position, so one number is never given to two labels
    value: float
    same_line: bool


def _side(text: str, tokens: list[_Tok], i: int, j: int, filler: re.Pattern[str]) -> _Side | None:
    """The value token j next to label i, if nothing but separators stands between them."""
    if not 0 <= j < len(tokens) or tokens[j].kind != "value":
        return None
    first, second = sorted((tokens[i], tokens[j]), key=lambda t: t.start)
    gap = text[first.end:second.start]
    if _LETTER.search(filler.sub("", gap)):
        return None
    return _Side(j, tokens[j].value, "\n" not in gap)


def _choose(before: _Side | None, after: _Side | None, after_first: bool) -> _Side | None:
    # A number on the label's own line, on one side only, is the label's whatever the
    # layout; otherwise the layout chosen for the whole block decides.
    same_line = [s for s in (before, after) if s is not None and s.same_line]
    if len(same_line) == 1:
        return same_line[0]
    return after if after_first else before


def _pair(text: str, tokens: list[_Tok], *, prefer_after: bool, total: float | None = None,
          filler: re.Pattern[str] = _NOTHING) -> dict[str, float]:
    """Each label's value, reading the block as value-before-label or value-after-label.

    The reading that pairs more labels wins, then the one whose sum matches the total,
    then the preferred layout. Each label's first occurrence that pairs is used.
    """
    sides = [(t.key, _side(text, tokens, i, i - 1, filler), _side(text, tokens, i, i + 1, filler))
             for i, t in enumerate(tokens) if t.kind == "label"]
    readings = []
    for after_first in (False, True):
        reading: dict[str, float] = {}
        used: set[int] = set()
        for key, before, after in sides:
            side = _choose(before, after, after_first)
            if key not in reading and side is not None and side.token not in used:
                reading[key] = side.value
                used.add(side.token)
        score = (len(reading), _adds_up(reading, total), after_first == prefer_after)
        readings.append((score, reading))
    return max(readings, key=lambda r: r[0])[1]


def _adds_up(pillars: dict[str, float], total: float | None) -> bool:
    if total is None or len(pillars) != len(PILLARS) or not 0 <= total <= TOTAL_MAX:
        return False
    return abs(round(sum(pillars.values()), DECIMALS) - display_total(total)) <= SUM_TOLERANCE


def _in_page_order(values: list[float], total: float | None) -> dict[str, float]:
    """Labels unknown: the first four numbers in range that add up to the total, in order."""
    windows = [values[i:i + len(PILLARS)] for i in range(max(len(values) - 3, 1))]
    in_range = [w for w in windows if all(0 <= v <= PILLAR_MAX for v in w)]
    fitting = [w for w in in_range if _adds_up(_by_key(w), total)]
    return _by_key((fitting or in_range or windows)[0])


def _by_key(values: list[float]) -> dict[str, float]:
    return {p.key: v for p, v in zip(PILLARS, values, strict=False)}


# ---- the page's parts -------------------------------------------------------------------

_CURRENT = _every("own_score")
_SECTION_HEADINGS = {group.key: _every(f"{group.key}_section") for group in PEER_GROUPS}
_COMPARISON_PHRASES = _every("comparisons")
_FENCE = re.compile(f"[{_DONUT_START}{_DONUT_END}]")
_COMPARISON = re.compile(_any([*(h.pattern for h in _SECTION_HEADINGS.values()),
                               _COMPARISON_PHRASES.pattern, re.escape(_DONUT_START)]),
                         re.IGNORECASE)
_TABLE_HEAD = _every("table_head")
_TABLE_ENDS = re.compile(_any([_CURRENT.pattern, *(h.pattern for h in _SECTION_HEADINGS.values()),
                               _COMPARISON_PHRASES.pattern, _TABLE_HEAD.pattern,
                               _FENCE.pattern]), re.IGNORECASE)
_CAPTION = re.compile(rf"(?P<n>{_NUM})\s*{_OF}\s*100", re.IGNORECASE)
_YOU_RANK = _every("you_rank")
_INDUSTRY_AVERAGE = _every("industry_average")
_NETWORK_AVERAGE = _every("network_average")
_STATUS = _every("status")
_WEEK = _every("week")
_MAX_STATUS = 80  # a weekly line is short; a longer line holding "week" is something else
_EVIDENCE = re.compile(_any([_every("title").pattern,
                             rf"\b(?:{_every('abbreviation').pattern})\b",
                             rf"[0-9]\s*{_OF}\s*(?:100|25)"]), re.IGNORECASE)


class _Layout(NamedTuple):
    """Where the parts of the page are in a text (character offsets)."""

    own_heading: bool  # `Current Social Selling Index` is there
    own: tuple[int, int]  # the member's own block
    sections: dict[str, tuple[int, int]]  # group key -> from its heading to the next heading
    donuts: tuple[tuple[int, int], ...]  # pasted HTML's group donuts, in page order
    breaks: tuple[int, ...]  # sorted: what ends a table (a heading, a table head, a caption...)


def _layout(text: str, tokens: list[_Tok]) -> _Layout:
    current = _CURRENT.search(text)
    headings = {key: pattern.search(text) for key, pattern in _SECTION_HEADINGS.items()}
    starts = sorted(m.start() for m in (current, *headings.values()) if m is not None)
    sections = {}
    for key, heading in headings.items():
        if heading is not None:
            following = [at for at in starts if at > heading.start()]
            sections[key] = (heading.start(), following[0] if following else len(text))
    breaks = [m.start() for m in _TABLE_ENDS.finditer(text)]
    breaks += [t.start for t in tokens if t.kind in ("remaining", "total")]
    return _Layout(current is not None, _own_block(text, tokens, current), sections,
                   _donuts(text), tuple(sorted(breaks)))


def _own_block(text: str, tokens: list[_Tok],
               current: re.Match[str] | None) -> tuple[int, int]:
    """Where the member's own score is: the first block after `Current Social Selling Index`.

    It ends at the comparison sections (or a group donut of pasted HTML), or at an
    accessibility table that starts after the first pillar label (the industry's and
    network's tables repeat the pillar rows). Without the heading it starts at the top.
    """
    start = current.end() if current else 0
    comparison = _COMPARISON.search(text, start)
    end = comparison.start() if comparison else len(text)
    first_label = next((t for t in tokens if t.kind == "label" and start <= t.start < end), None)
    if first_label is not None:
        table = _TABLE_HEAD.search(text, first_label.end, end)
        end = table.start() if table else end
    return start, end


def _donuts(text: str) -> tuple[tuple[int, int], ...]:
    donuts = []
    for fence in re.finditer(re.escape(_DONUT_START), text):
        close = text.find(_DONUT_END, fence.end())
        donuts.append((fence.start(), close if close >= 0 else len(text)))
    return tuple(donuts)


def _section(text: str, layout: _Layout, key: str) -> str:
    """One comparison section: from its heading to the next heading, or the end."""
    start, end = layout.sections.get(key, (0, 0))
    return text[start:end]


def _first_number(pattern: re.Pattern[str], text: str) -> float | None:
    found = pattern.search(text)
    number = _slot(found, "n") if found else None
    return None if number is None else _number(number)


# ---- tables of pillar rows ---------------------------------------------------------------

def _tables(text: str, tokens: list[_Tok], layout: _Layout, own_total: float | None,
            ) -> list[Table]:
    """Every table of pillar rows with a number, in page order, and where each stands.

    A table is a run of pillar labels; a new one starts where a label repeats, or where a
    heading, a table head, a caption or `Remaining points` stands between two labels. Each is
    paired on its own, with the numbers between it and its neighbours (`_pair`).
    """
    runs: list[list[int]] = []
    for i, token in enumerate(tokens):
        if token.kind != "label":
            continue
        run = runs[-1] if runs else []
        if (not run or token.key in {tokens[j].key for j in run}
                or _breaks_between(layout.breaks, tokens[run[-1]].end, token.start)):
            runs.append([i])
        else:
            run.append(i)
    tables: list[Table] = []
    own_seen = False
    for n, run in enumerate(runs):
        low = runs[n - 1][-1] + 1 if n else 0
        high = runs[n + 1][0] if n + 1 < len(runs) else len(tokens)
        place, donut = _place(tokens[run[0]].start, layout)
        part = tokens[low:high]
        if place == OWN:  # within the own block, whose total is the member's
            start, end = layout.own
            part = [t for t in part if start <= t.start and t.end <= end]
        total = _table_total(part, tokens[run[0]].start)
        first_own, own_seen = place == OWN and not own_seen, own_seen or place == OWN
        # The reconstruction of §4.2 puts the value first, so that layout wins a tie.
        values = _pair(text, _relabel(part, "label", "value"), prefer_after=False,
                       total=own_total if first_own else total)
        if values:
            tables.append(Table(values, place, donut, total))
    return tables


def _breaks_between(breaks: tuple[int, ...], start: int, end: int) -> bool:
    at = bisect.bisect_left(breaks, start)
    return at < len(breaks) and breaks[at] < end


def _place(position: int, layout: _Layout) -> tuple[str, int]:
    """Where a table starting at `position` stands: OWN, a group's key, BLOCK or LOOSE."""
    start, end = layout.own
    if start <= position < end:
        return OWN, -1
    for key, (section_start, section_end) in layout.sections.items():
        if section_start <= position < section_end:
            return key, -1
    for i, (donut_start, donut_end) in enumerate(layout.donuts):
        if donut_start <= position < donut_end:
            return BLOCK, i
    return LOOSE, -1


def _table_total(part: list[_Tok], first_label: int) -> float | None:
    """A table's total: 100 minus its `Remaining points`, else the caption nearest before it,
    else the first one after it."""
    left = next((t.value for t in part if t.kind == "remaining" and t.start > first_label
                 and math.isfinite(t.value)), None)
    if left is not None:
        return TOTAL_MAX - left
    before = [t.value for t in part if t.kind == "total" and t.start < first_label]
    return before[-1] if before else next((t.value for t in part if t.kind == "total"), None)


# ---- what each source gives -------------------------------------------------------------

@dataclass
class _Draft:
    """Everything found so far, unchecked; `_finish` judges it."""

    pillars: dict[str, float] = field(default_factory=dict)
    total: float | None = None
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_average: float | None = None
    network_average: float | None = None
    industry: str = ""
    low_confidence: bool = False
    looks_like_ssi: bool = False
    peers: dict[str, dict[str, float]] = field(default_factory=dict)  # group key -> values
    peer_totals: dict[str, float] = field(default_factory=dict)  # the totals beside them
    peers_by_order: frozenset[str] = frozenset()
    statuses: dict[str, str] = field(default_factory=dict)  # group key -> its weekly line


def _read_text(text: str) -> _Draft:
    tokens = _tokenise(text)
    layout = _layout(text, tokens)
    start, end = layout.own
    block = [t for t in tokens if start <= t.start and t.end <= end]
    draft = _Draft(total=_own_total(block), looks_like_ssi=_looks_like_ssi(text, tokens))
    labelled = any(t.kind == "label" for t in block)
    roles = assign(_tables(text, tokens, layout, draft.total),
                   own_by_order=not labelled and not layout.own_heading)
    if labelled or roles.own:
        draft.pillars = roles.own
        if not labelled:  # the member's table was taken by order: its own total goes with it
            draft.total = roles.own_total if roles.own_total is not None else draft.total
    else:
        _read_unlabelled(block, draft, has_caption=any(t.kind == "total" for t in tokens))
    draft.peers, draft.peer_totals, draft.peers_by_order = roles.peers, roles.totals, roles.by_order
    _read_comparisons(text, tokens, layout, draft)
    _read_statuses(text, layout, draft)
    return draft


def _own_total(block: list[_Tok]) -> float | None:
    caption = next((t.value for t in block if t.kind == "total"), None)
    if caption is not None:
        return caption
    # The accessibility table has no total, only what is left of 100.
    left = next((t.value for t in block if t.kind == "remaining" and math.isfinite(t.value)),
                None)
    return None if left is None else TOTAL_MAX - left


def _looks_like_ssi(text: str, tokens: list[_Tok]) -> bool:
    labelled = any(t.kind in ("label", "rank_label", "remaining") for t in tokens)
    return labelled or _EVIDENCE.search(text) is not None


def _read_unlabelled(block: list[_Tok], draft: _Draft, *, has_caption: bool) -> None:
    """Unknown labels: only a page with a score caption (`von 100`...) is worth guessing at."""
    values = [t.value for t in block if t.kind == "value"]
    first_caption = next((i for i, t in enumerate(block) if t.kind == "total"), None)
    if first_caption is not None:
        values = [t.value for t in block[first_caption:] if t.kind == "value"] or values
    if has_caption and values:
        draft.pillars = _in_page_order(values, draft.total)
        draft.low_confidence = True


def _read_comparisons(text: str, tokens: list[_Tok], layout: _Layout, draft: _Draft) -> None:
    ranks = _pair(text, _relabel(tokens, "rank_label", "percent"), prefer_after=True,
                  filler=_TOP)
    industry = _section(text, layout, "industry")
    network = _section(text, layout, "network")
    # Without rank cards, each comparison section still says "You rank in the top N%".
    draft.industry_rank = ranks.get("industry_rank", _first_number(_YOU_RANK, industry))
    draft.network_rank = ranks.get("network_rank", _first_number(_YOU_RANK, network))
    sentence = _INDUSTRY_AVERAGE.search(text)
    if sentence is not None:
        draft.industry_average = _number(_slot(sentence, "n") or "nan")
        draft.industry = " ".join((_slot(sentence, "industry") or "").split())
    else:  # the section's donut caption is the same average
        draft.industry_average = _first_number(_CAPTION, industry)
    network_average = _first_number(_NETWORK_AVERAGE, text)
    draft.network_average = (network_average if network_average is not None
                             else _first_number(_CAPTION, network))


def _read_statuses(text: str, layout: _Layout, draft: _Draft) -> None:
    """Each group's weekly line, from its section; without the groups' headings, the page's
    weekly lines in page order (industry first: the member's own score has none, §4.7)."""
    if layout.sections:
        for key in layout.sections:
            lines = _weekly_lines(_section(text, layout, key), 1)
            draft.statuses[key] = lines[0] if lines else ""
        return
    lines = _weekly_lines(text, len(PEER_GROUPS))
    draft.statuses = {group.key: line for group, line in zip(PEER_GROUPS, lines, strict=False)}


def _weekly_lines(text: str, wanted: int) -> list[str]:
    """The first weekly lines in a text: a known one word for word, or a short line holding
    the word "week"."""
    found: list[str] = []
    for near in _WEEK.finditer(text):
        start, end = text.rfind("\n", 0, near.start()) + 1, text.find("\n", near.end())
        line = text[start:end if end >= 0 else len(text)]
        known = _STATUS.search(line)
        if known is not None:
            found.append(" ".join(known[0].split()))
        elif len(line.strip()) <= _MAX_STATUS:
            found.append(line.strip())
        if len(found) == wanted:
            break
    return found


# ---- JSON --------------------------------------------------------------------------------

_API_KEYS = {p.api_key: p.key for p in PILLARS}
_MAX_JSON_STARTS = 50  # where a JSON object may start after leading junk
_MAX_JSON_DEPTH = 5


def _read_json(text: str) -> _Draft | str | None:
    """The draft the page's JSON gives; a problem if it is cut off; None if it is not JSON."""
    if '"memberScore"' not in text:
        return None
    data = _find_member_json(text)
    if data is None:
        return _BROKEN_JSON
    member = data["memberScore"]
    draft = _Draft(total=_finite(member.get("overall")), looks_like_ssi=True,
                   pillars=_json_pillars(member.get("subScores")))
    for group in _dicts(data.get("groupScore")):
        _read_group(group, draft)
    return draft


def _json_pillars(sub_scores: object) -> dict[str, float]:
    """`subScores` by each item's `pillar`, never by order: the order is not guaranteed."""
    pillars: dict[str, float] = {}
    for item in _dicts(sub_scores):
        pillar, score = item.get("pillar"), _finite(item.get("score"))
        if isinstance(pillar, str) and pillar in _API_KEYS and score is not None:
            pillars.setdefault(_API_KEYS[pillar], score)
    return pillars


_GROUP_TYPES = {"INDUSTRY": "industry", "NETWORK": "network"}  # TEAM (Sales Navigator) left out


def _read_group(group: dict[str, object], draft: _Draft) -> None:
    group_type = group.get("groupType")
    key = _GROUP_TYPES.get(group_type) if isinstance(group_type, str) else None
    if key is None:
        return
    score = group.get("score")
    average = _finite(score.get("overall")) if isinstance(score, dict) else None
    setattr(draft, f"{key}_rank", _finite(group.get("rank")))
    setattr(draft, f"{key}_average", average)
    if key == "industry":
        name = group.get("industry")  # reported by one extension only
        draft.industry = " ".join(name.split()) if isinstance(name, str) else ""
    peers = _json_pillars(score.get("subScores")) if isinstance(score, dict) else {}
    if peers:
        draft.peers[key] = peers


def _find_member_json(text: str) -> dict[str, dict[str, object]] | None:
    decoder = JSONDecoder()
    for brace in itertools.islice(re.finditer(r"\{", text), _MAX_JSON_STARTS):
        try:
            value, _ = decoder.raw_decode(text, brace.start())
        except (ValueError, RecursionError):  # cut off, junk, or nested absurdly deep
            continue
        found = _with_member_score(value, 0)
        if found is not None:
            return found
    return None


def _with_member_score(value: object, depth: int) -> dict[str, dict[str, object]] | None:
    """The object holding a `memberScore` object, looked for a few levels down."""
    if depth > _MAX_JSON_DEPTH:
        return None
    if isinstance(value, dict) and isinstance(value.get("memberScore"), dict):
        return value
    if isinstance(value, dict):
        children = list(value.values())
    elif isinstance(value, list):
        children = value
    else:
        return None
    for child in children:
        found = _with_member_score(child, depth + 1)
        if found is not None:
            return found
    return None


def _dicts(value: object) -> Iterator[dict[str, object]]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, dict))


def _finite(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer too big for a float
        return None
    return number if math.isfinite(number) else None


# ---- HTML --------------------------------------------------------------------------------

_HTML = re.compile(r"<(?:!doctype|html|body|main|section|article|div|span|p|dl|dt|dd|ul|ol|li"
                   r"|table|tr|td|th|h[1-6]|progress)\b[^<>]{0,2000}>", re.IGNORECASE)
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "section", "table", "tbody", "thead", "tr", "ul",
})
_CELLS = frozenset({"td", "th"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr"})
_HIDDEN = frozenset({"script", "style", "template", "noscript"})
_PROGRESS_IDS = {"establish-brand": "brand", "find-people": "people",
                 "engage-with-insights": "insights", "build-relationships": "relationships"}
_RANK_NAMES = {key: _every(key) for key in ("industry_rank", "network_rank")}
_A_NUMBER = re.compile(f"(?P<n>{_NUM})")
_WHOLE_NUMBER = re.compile(rf"^\s*(?P<n>{_NUM})\s*$")
_GROUP_DONUT = "group-ssi-score__donut-chart"  # the industry's and network's donuts
_HOOK_CLASSES = ("user-ssi-score__donut-chart-caption", "ssi-score__value", _GROUP_DONUT,
                 "ssi-rank__category-name", "ssi-rank__category-score", "t-40")


class _PageHtml(HTMLParser):
    """The page as text, plus the values behind the DOM hooks of §4.4."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pillars: dict[str, float] = {}
        self.total: list[str] = []
        self.ranks: dict[str, list[str]] = {}
        self._stack: list[tuple[str, frozenset[str]]] = []
        # What the open elements are and carry, kept as counts so each text node is O(1).
        self._open_tags: Counter[str] = Counter()
        self._open_classes: Counter[str] = Counter()
        self._card_name: list[str] = []
        self._card = ""
        self._cards = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = frozenset((attributes.get("class") or "").split())
        self.parts.append("\n" if tag in _BLOCKS else "\t" if tag in _CELLS else "")
        if tag == "progress":
            self._progress(attributes.get("id") or "", attributes.get("value") or "")
        if tag == "dt" and "ssi-rank__category-name" in classes:
            self._card_name = []
        if tag == "dd" and "ssi-rank__category-score" in classes:
            self._card = self._card_key()
        if _GROUP_DONUT in classes and tag not in _VOID and not self._open_classes[_GROUP_DONUT]:
            self.parts.append(f"\n{_DONUT_START}\n")  # a group's donut: never the member's
        if tag not in _VOID:
            self._stack.append((tag, classes))
            self._open_tags[tag] += 1
            self._open_classes.update(classes)

    def handle_endtag(self, tag: str) -> None:
        in_donut = self._open_classes[_GROUP_DONUT] > 0
        if self._open_tags[tag] > 0:  # else a stray end tag: nothing to close
            while self._stack:
                open_tag, classes = self._stack.pop()
                self._open_tags[open_tag] -= 1
                self._open_classes.subtract(classes)
                if open_tag == tag:
                    break
        self.parts.append("\n" if tag in _BLOCKS else "")
        if in_donut and self._open_classes[_GROUP_DONUT] <= 0:
            self.parts.append(f"\n{_DONUT_END}\n")

    def handle_data(self, data: str) -> None:
        if any(self._open_tags[tag] > 0 for tag in _HIDDEN):
            return
        self.parts.append(" ".join(data.split()) if data.strip() else " ")
        classes = {name for name in _HOOK_CLASSES if self._open_classes[name] > 0}
        if ({"user-ssi-score__donut-chart-caption", "ssi-score__value"} <= classes
                and _GROUP_DONUT not in classes):
            self.total.append(data)
        if "ssi-rank__category-name" in classes:
            self._card_name.append(data)
        if {"ssi-rank__category-score", "t-40"} <= classes:
            self.ranks.setdefault(self._card, []).append(data)

    def _progress(self, element_id: str, value: str) -> None:
        key = _PROGRESS_IDS.get(element_id.strip().removesuffix("__sub-score-bar"))
        if key is not None and element_id.strip().endswith("__sub-score-bar"):
            number = _first_number(_WHOLE_NUMBER, value)
            if number is not None:
                self.pillars.setdefault(key, number)

    def _card_key(self) -> str:
        # The card's <dt> names it; without a name, cards come industry first, then network.
        name = " ".join(self._card_name)
        self._cards += 1
        for key in ("network_rank", "industry_rank"):
            if _RANK_NAMES[key].search(name):
                return key
        return "industry_rank" if self._cards == 1 else "network_rank"


def _read_html(markup: str) -> _Draft:
    page = _PageHtml()
    try:
        page.feed(markup)
        page.close()
    except AssertionError:  # html.parser asserts on unknown "<![x[" sections; keep what it read
        pass
    draft = _read_text(_normalise("".join(page.parts)))
    if page.pillars:
        if draft.low_confidence:  # the hooks name each pillar; the guess in page order goes
            draft.pillars, draft.low_confidence = {}, False
        draft.pillars.update(page.pillars)
    total = _first_number(_A_NUMBER, " ".join(page.total))
    draft.total = draft.total if total is None else total
    for key, texts in page.ranks.items():
        rank = _first_number(_A_NUMBER, " ".join(texts))
        if rank is not None:
            setattr(draft, key, rank)
    draft.looks_like_ssi = draft.looks_like_ssi or bool(page.pillars or page.total)
    return draft


# ---- checking ----------------------------------------------------------------------------

def _finish(draft: _Draft) -> PasteResult:
    problem = _pillar_problem(draft)
    if problem:
        return _refuse(problem)
    pillars = {p.key: round(draft.pillars[p.key], DECIMALS) for p in PILLARS}
    total, problem = _checked_total(draft.total, pillars)
    if problem:
        return _refuse(problem)
    notes: list[str] = [_OTHER_LANGUAGE] if draft.low_confidence else []
    ranks = [_checked_rank(value, label, notes) for value, label in (
        (draft.industry_rank, "Industry SSI rank"), (draft.network_rank, "Network SSI rank"))]
    averages = [_checked_average(value, label, notes) for value, label in (
        (draft.industry_average, "Industry average SSI"),
        (draft.network_average, "Network average SSI"))]
    shown = dict(zip(("industry", "network"), averages, strict=True))
    group_totals = {key: draft.peer_totals.get(key) if shown[key] is None else shown[key]
                    for key in shown}
    peers, peer_notes = checked_peers(draft.peers, group_totals, draft.peers_by_order)
    statuses = {key: draft.statuses.get(key, "")[:_MAX_STATUS] for key in peers}
    reading = SsiReading(
        pillars, total, ranks[0], ranks[1], averages[0], averages[1], draft.industry,
        draft.low_confidence, peers["industry"], peers["network"], statuses["industry"],
        statuses["network"],
        peers_low_confidence=any(peers[key] is not None for key in draft.peers_by_order))
    return PasteResult(reading, (), tuple(notes + peer_notes + _missing_notes(reading)))


def _pillar_problem(draft: _Draft) -> str:
    if not draft.pillars and not draft.looks_like_ssi:
        return _NOT_SSI
    missing = [p.label for p in PILLARS if p.key not in draft.pillars]
    if len(missing) == len(PILLARS):
        return (f"This paste has none of the four pillar scores ({_quoted_list(missing)}). "
                + _HOW_TO_COPY)
    if missing:
        noun = "score" if len(missing) == 1 else "scores"
        return (f"The paste has no {noun} for {_quoted_list(missing)}. Copy the whole page "
                "again, or type the scores in by hand.")
    for pillar in PILLARS:
        value = draft.pillars[pillar.key]
        if not 0 <= value <= PILLAR_MAX:
            return (f"“{pillar.label}” reads as {_fmt(value)}, but a pillar score is between 0 "
                    f"and {PILLAR_MAX}. Check the paste, or type the scores in by hand.")
    return ""


def _checked_total(total: float | None, pillars: dict[str, float]) -> tuple[int | None, str]:
    if total is None:
        return None, ""
    if not 0 <= total <= TOTAL_MAX:
        return None, (f"The total reads as {_fmt(total)}, but an SSI is between 0 and "
                      f"{TOTAL_MAX}. Check the paste, or type the scores in by hand.")
    shown = display_total(total)
    added = round(sum(pillars.values()), DECIMALS)
    if abs(added - shown) > SUM_TOLERANCE:
        return None, (f"The four pillars add up to {_fmt(added)}, but the page shows a total "
                      f"of {shown}. Some number was read from the wrong place: check the "
                      "paste, or type the scores in by hand.")
    return shown, ""


def _checked_rank(value: float | None, label: str, notes: list[str]) -> int | None:
    if value is None:
        return None
    if value.is_integer() and 1 <= value <= 100:
        return int(value)
    notes.append(f"{label} left out: it reads as {_fmt(value)}, but a rank is “Top N%” with N "
                 "a whole number from 1 to 100.")
    return None


def _checked_average(value: float | None, label: str, notes: list[str]) -> float | None:
    if value is None:
        return None
    if 0 <= value <= TOTAL_MAX:
        return round(value, DECIMALS)
    notes.append(f"{label} left out: it reads as {_fmt(value)}, but an SSI is between 0 and "
                 f"{TOTAL_MAX}.")
    return None


def _missing_notes(reading: SsiReading) -> list[str]:
    notes = []
    if reading.total is None:
        notes.append("Total not found: it will be the sum of the pillars.")
    notes += _both_or_one("Ranks not found.", "Industry SSI rank not found.",
                          "Network SSI rank not found.",
                          reading.industry_rank, reading.network_rank)
    notes += _both_or_one("Average SSIs not found.", "Industry average SSI not found.",
                          "Network average SSI not found.",
                          reading.industry_average, reading.network_average)
    if not reading.industry:
        notes.append("Industry name not found.")
    return notes


def _both_or_one(both: str, first: str, second: str,
                 first_value: object, second_value: object) -> list[str]:
    if first_value is None and second_value is None:
        return [both]
    return [text for text, value in ((first, first_value), (second, second_value))
            if value is None]


def reading_to_form(reading: SsiReading) -> dict[str, str]:
    """The check-in form's fields filled from a reading (date, note and events are left to
    the member), so what was pasted goes through the same checks as what is typed. Each
    group's pillar averages fill `group.field_name(pillar)` ("" when not read), its weekly
    line `<group>_status`."""
    values = {key: _fmt(score) for key, score in reading.pillars.items()}
    for name in ("industry_rank", "network_rank", "industry_average", "network_average"):
        value = getattr(reading, name)
        values[name] = "" if value is None else _fmt(float(value))
    values["industry"] = reading.industry
    for group in PEER_GROUPS:
        peers = reading.peers(group)
        for pillar in PILLARS:
            values[group.field_name(pillar)] = "" if peers is None else _fmt(
                peers.score_of(pillar))
        values[f"{group.key}_status"] = reading.status(group)
    return values
