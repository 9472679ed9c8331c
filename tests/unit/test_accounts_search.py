"""Searching the export's people: every word of the query starts a word of the name, company
or title (accents and case aside); people at the company named come first, then
decision-makers, then the most recently contacted; companies ranked by decision-makers."""

from __future__ import annotations

import datetime as dt

from ssi_coach.accounts.search import CompanyCount, build_index, companies, search
from ssi_coach.importers.linkedin.types import Contact
from ssi_coach.model import CONNECTED, INVITED, RelationshipFacts

AS_OF = dt.date(2026, 11, 20)


def person(name: str, company: str = "", position: str = "", seniority: str = "other",
           last_contact: dt.date | None = None, link: str = CONNECTED) -> Contact:
    slug = name.lower().replace(" ", "-")
    facts = RelationshipFacts(as_of=AS_OF, link=link, last_contact=last_contact,
                              messages_sent=1 if last_contact else 0, company=company,
                              position=position)
    return Contact(name, f"https://www.linkedin.com/in/{slug}", company, position, seniority,
                   facts)


JOSE = person("José García", "Acme Digital", "Head of Sales", "head")
JOSE_S = person("Jose Smith", "Globex", "Account Executive")
ANNA = person("Anna Müller", "Acme Corp", "CFO", "c_suite")
DAN = person("Dan Sample", "ACME  Corp", "Engineer", last_contact=AS_OF - dt.timedelta(days=3))
ERIN = person("Erin Demo", "Acme Corp", "Designer", last_contact=AS_OF - dt.timedelta(days=200))
BOB = person("Bob Acmeson", "Globex", "VP Sales", "vp")
PIA = person("Pia Pending", link=INVITED)
EVERYONE = (JOSE, JOSE_S, ANNA, DAN, ERIN, BOB, PIA)
INDEX = build_index(EVERYONE)


def names(query: str, limit: int = 50) -> list[str]:
    return [c.name for c in search(INDEX, query, limit)]


def test_every_word_starts_a_word_of_the_name_company_or_title() -> None:
    assert set(names("jose")) == {"José García", "Jose Smith"}  # accents aside
    assert names("GARC") == ["José García"]  # case aside
    assert names("muller") == ["Anna Müller"]
    assert names("sales head") == ["José García"]  # any order, title words
    assert set(names("globex j")) == {"Jose Smith"}
    assert names("cme") == []  # inside a word is not a match
    assert names("acme zed") == []  # every word must match


def test_the_company_named_comes_first_then_decision_makers_then_recent_contact() -> None:
    # at Acme: the decision-makers (by name), then Dan (3 days ago), then Erin (200 days ago);
    # Bob only by his name, after everyone at Acme although he is a VP
    assert names("acme") == ["Anna Müller", "José García", "Dan Sample", "Erin Demo",
                             "Bob Acmeson"]


def test_more_of_the_query_in_the_company_ranks_higher() -> None:
    # "acme d": José's company holds both words; Dan's holds one (his name the other)
    assert names("acme d") == ["José García", "Dan Sample", "Erin Demo"]


def test_a_limit_and_an_empty_query() -> None:
    assert len(names("acme", limit=2)) == 2
    assert names("acme", limit=2) == names("acme")[:2]
    assert names("  ") == [c.name for c in INDEX.people]  # everyone, best first
    assert names("")[:3] == ["Anna Müller", "Bob Acmeson", "José García"]  # decision-makers


def test_companies_group_spellings_and_rank_by_decision_makers() -> None:
    ranked = companies(INDEX)
    assert ranked == (  # one decision-maker each: then the most connections first
        CompanyCount("Acme Corp", connections=3, decision_makers=1, written_recently=1),
        CompanyCount("Globex", 2, 1, 0),
        CompanyCount("Acme Digital", 1, 1, 0),
    )  # Pia's pending invitation counts nowhere; Erin's last message is 200 days old


def test_companies_match_the_query_like_people() -> None:
    assert [c.company for c in companies(INDEX, "acme")] == ["Acme Corp", "Acme Digital"]
    assert [c.company for c in companies(INDEX, "ACME dig")] == ["Acme Digital"]
    assert companies(INDEX, "globex sales") == ()  # titles are not a company's words
    assert len(companies(INDEX, limit=1)) == 1
