"""Search the export's people as the member types: by name, company or title, and the
companies where they know the most people.

Every word of the query must start a word of the person's name, company or title ("acme d"
finds Dan at Acme, and the Directors of Acme Digital), accents and case aside ("jose" finds
"José"). Best first: people whose company the query names (more of its words, first), then
decision-makers, then the people contacted most recently, then by name.

Built once per opened export (`build_index`), so that a keystroke costs set operations only:
every distinct word is folded once, kept sorted with the people it occurs in, and the people
are kept in their ranked order so that a person's number is their rank. A query word finds
its range of words by bisection and unites their people; the words of a query intersect.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..importers.linkedin.seniority import DECISION_MAKERS
from ..importers.linkedin.types import Contact
from ..model import CONNECTED, company_key

RECENT_DAYS = 90  # "written with recently": a message either way this many days before as_of
_WORD = re.compile(r"\w+")
_LAST = "\U0010ffff"  # sorts after every word: the end of a prefix's range


@dataclass(frozen=True)
class CompanyCount:
    """A company in the export and the people the member knows there."""

    company: str  # as most of its connections spell it
    connections: int
    decision_makers: int  # of those connections
    written_recently: int  # people there with a message either way in the last RECENT_DAYS


@dataclass(frozen=True, eq=False)
class _Words:
    """Every distinct word, sorted, with the numbers of the items it occurs in."""

    words: tuple[str, ...]
    items: tuple[AbstractSet[int], ...]  # never changed once built

    @classmethod
    def of(cls, items: Iterable[Iterable[str]]) -> _Words:
        """From each item's folded words."""
        found: dict[str, set[int]] = {}
        for number, words in enumerate(items):
            for word in words:
                found.setdefault(word, set()).add(number)
        words = tuple(sorted(found))
        return cls(words, tuple(found[word] for word in words))

    def starting(self, prefix: str) -> set[int]:
        """The items with a word that starts with `prefix`."""
        low = bisect_left(self.words, prefix)
        high = bisect_left(self.words, prefix + _LAST, low)
        return set().union(*self.items[low:high])


class _Folded(dict[str, tuple[str, ...]]):
    """The folded words of each distinct text, worked out once (companies and titles repeat)."""

    def __missing__(self, text: str) -> tuple[str, ...]:
        found = self[text] = tuple(_WORD.findall(fold(text)))
        return found


@dataclass(frozen=True, eq=False)
class PeopleIndex:
    """The export's people ready to search: build once with `build_index`."""

    people: tuple[Contact, ...]  # best first when the query says nothing of them
    words: _Words  # name, company and title words -> people
    company_words: _Words  # company words -> people
    companies: tuple[CompanyCount, ...]  # ranked
    company_names: _Words  # company words -> companies


def fold(text: str) -> str:
    """Lower case without accents or compatibility forms: "José" -> "jose", "ＡＣＭＥ" ->
    "acme"."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text.casefold()


def is_decision_maker(contact: Contact) -> bool:
    return contact.seniority in DECISION_MAKERS


def build_index(contacts: Sequence[Contact]) -> PeopleIndex:
    words = _Folded()
    people = tuple(sorted(contacts, key=lambda person: _standing(person, words)))
    companies = _company_counts(people)
    return PeopleIndex(
        people=people,
        words=_Words.of(words[p.name] + words[p.company] + words[p.position] for p in people),
        company_words=_Words.of(words[p.company] for p in people),
        companies=companies,
        company_names=_Words.of(words[c.company] for c in companies))


def _standing(contact: Contact, words: _Folded) -> tuple[bool, int, tuple[str, ...], str]:
    """Decision-makers first, then the latest contact, then by name."""
    last = contact.facts.last_contact
    return (not is_decision_maker(contact), -last.toordinal() if last else 0,
            words[contact.name], contact.profile_url)


def search(index: PeopleIndex, query: str, limit: int = 50) -> tuple[Contact, ...]:
    """The people matching every word of `query`, best first; with no word, the first
    `limit` people in their standing."""
    terms = query_words(query)
    if not terms:
        return index.people[:limit]
    found = _every(index.words, terms)
    if not found:
        return ()
    named = Counter[int]()
    for term in terms:
        named.update(found & index.company_words.starting(term))
    ranked: list[int] = []
    for hits in range(len(terms), 0, -1):
        tier = [number for number, count in named.items() if count == hits]
        ranked += heapq.nsmallest(limit - len(ranked), tier)
    if len(ranked) < limit:
        ranked += heapq.nsmallest(limit - len(ranked), found.difference(named))
    return tuple(index.people[number] for number in ranked[:limit])


def companies(index: PeopleIndex, query: str = "", limit: int = 50) -> tuple[CompanyCount, ...]:
    """Companies whose name has a word starting with every word of `query`, ranked by
    decision-makers, then connections."""
    terms = query_words(query)
    if not terms:
        return index.companies[:limit]
    found = _every(index.company_names, terms)
    return tuple(index.companies[number] for number in heapq.nsmallest(limit, found))


def query_words(query: str) -> list[str]:
    """The words of a query as they are matched: folded, in their order, once each."""
    return list(dict.fromkeys(_WORD.findall(fold(query))))


def _every(words: _Words, terms: Sequence[str]) -> set[int]:
    """The items matching every term."""
    matches = sorted((words.starting(term) for term in terms), key=len)
    return matches[0].intersection(*matches[1:])


def _company_counts(people: Sequence[Contact]) -> tuple[CompanyCount, ...]:
    """Connections per company (spellings of one `company_key` together), ranked."""
    by_spelling: dict[str, list[int]] = {}  # company as written -> the three counts
    for person in people:
        if person.company and person.facts.link == CONNECTED:
            tally = by_spelling.setdefault(person.company, [0, 0, 0])
            tally[0] += 1
            tally[1] += is_decision_maker(person)
            tally[2] += _written_recently(person)
    counts: dict[str, list[int]] = {}
    spellings: dict[str, Counter[str]] = {}
    for company, tally in by_spelling.items():
        key = company_key(company)
        if not key:
            continue
        spellings.setdefault(key, Counter())[" ".join(company.split())] += tally[0]
        total = counts.setdefault(key, [0, 0, 0])
        for place in range(3):
            total[place] += tally[place]
    found = [CompanyCount(spellings[key].most_common(1)[0][0], *tally)
             for key, tally in counts.items()]
    return tuple(sorted(found, key=lambda c: (-c.decision_makers, -c.connections,
                                              fold(c.company))))


def _written_recently(person: Contact) -> bool:
    last = person.facts.last_contact
    return last is not None and last >= person.facts.as_of - dt.timedelta(days=RECENT_DAYS)
