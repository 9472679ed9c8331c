"""A newer export refreshes the people the member tracks in their accounts.

People are matched by profile URL only (names change; the URL is compared without scheme,
`www.`, query or trailing slash, case aside). For each tracked person the export knows:

- an export older than the person's facts changes nothing (`Refreshed.older`);
- otherwise their facts become the export's, their name the export's, their title the
  export's position (when it gives one);
- moved: when the export shows them at a company other than the one they were added at
  (`Stakeholder.company`, else the account's; `company_key` comparison), `moved_to` names
  it; back at that company, the flag is cleared; an export that gives no company (they are
  no longer a connection) leaves the flag as it was.

People typed in without a URL are never touched. Tracked people the export does not know
are listed in `Refreshed.not_found`, unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import unquote

from .. import text
from ..importers.linkedin.types import Contact
from ..model import Account, Stakeholder, company_key
from ..model.accounts import MAX_NAME, MAX_NOTE


@dataclass(frozen=True)
class PersonRef:
    """A tracked person named in the refresh's report."""

    account: str  # the account's company
    name: str  # as the person is now called
    moved_to: str = ""  # where they work now, for a person who moved


@dataclass(frozen=True)
class Refreshed:
    """The accounts with their people refreshed, and what changed."""

    accounts: tuple[Account, ...]
    refreshed: tuple[PersonRef, ...] = ()  # facts replaced by this export's
    moved: tuple[PersonRef, ...] = ()  # of those, the ones now at another company
    not_found: tuple[PersonRef, ...] = ()  # tracked by URL, not in this export
    older: tuple[PersonRef, ...] = ()  # known from a newer export already: left as they were

    def sentence(self) -> str:
        """What opening the export did to the people tracked, in one or two sentences."""
        if not (self.refreshed or self.not_found or self.older):
            return "Your export is open: search it to add people to your accounts."
        parts = [f"Updated what your export says about {text.people(len(self.refreshed))} "
                 "you track."]
        if self.moved:
            names = "; ".join(f"{p.name} ({p.account} → {p.moved_to})" for p in self.moved)
            parts.append(f"Moved to another company: {names}.")
        if self.not_found:
            parts.append(f"{text.people(len(self.not_found))} you track "
                         f"{'is' if len(self.not_found) == 1 else 'are'} not in this export.")
        if self.older:
            parts.append(f"{text.people(len(self.older))} already had newer facts, kept.")
        return " ".join(parts)


def refresh(accounts: tuple[Account, ...], contacts: Sequence[Contact]) -> Refreshed:
    by_url = {url_key(c.profile_url): c for c in contacts if c.profile_url}
    refreshed: list[PersonRef] = []
    moved: list[PersonRef] = []
    not_found: list[PersonRef] = []
    older: list[PersonRef] = []
    result = []
    for account in accounts:
        people = []
        for person in account.people:
            contact = by_url.get(url_key(person.profile_url)) if person.profile_url else None
            if contact is None:
                if person.profile_url:
                    not_found.append(PersonRef(account.company, person.name))
                people.append(person)
            elif person.facts is not None and contact.facts.as_of < person.facts.as_of:
                older.append(PersonRef(account.company, person.name))
                people.append(person)
            else:
                new = _refreshed(person, contact, account.company)
                refreshed.append(PersonRef(account.company, new.name, new.moved_to))
                if new.moved:
                    moved.append(refreshed[-1])
                people.append(new)
        result.append(replace(account, people=tuple(people)))
    return Refreshed(tuple(result), tuple(refreshed), tuple(moved), tuple(not_found),
                     tuple(older))


def _refreshed(person: Stakeholder, contact: Contact, account: str) -> Stakeholder:
    moved_to = person.moved_to
    if contact.company.strip():
        was = person.company or account
        moved_to = "" if company_key(contact.company) == company_key(was) else contact.company
    return replace(person, name=_name(contact) or person.name,
                   title=contact.position[:MAX_NAME] or person.title, facts=contact.facts,
                   moved_to=moved_to[:MAX_NAME])


def _name(contact: Contact) -> str:
    """The export's name for them, unless it had none (the importer then shows the slug)."""
    slug = contact.profile_url.rstrip("/").rsplit("/", 1)[-1]
    return "" if contact.name == slug else contact.name[:MAX_NAME]


def stakeholder_from(contact: Contact, role: str = "other", stance: str = "unknown",
                     influence: str = "low", note: str = "") -> Stakeholder:
    """A person of the export added to an account, with what the export says of them."""
    return Stakeholder(name=contact.name[:MAX_NAME], role=role, stance=stance,
                       influence=influence, profile_url=contact.profile_url,
                       title=contact.position[:MAX_NAME], company=contact.company[:MAX_NAME],
                       note=note[:MAX_NOTE], facts=contact.facts)


def url_key(url: str) -> str:
    """A profile URL as matched: no scheme, `www.`, query, fragment or trailing slash,
    percent-escapes decoded, case aside ("HTTPS://www.LinkedIn.com/in/Bob/" is
    "linkedin.com/in/bob")."""
    text = unquote(url.strip().split("?", 1)[0].split("#", 1)[0]).casefold()
    return text.split("://", 1)[-1].removeprefix("www.").rstrip("/")
