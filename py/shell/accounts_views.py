"""Pure views of the Accounts view: the accounts by risk, one account's gaps, people and next
steps, the forms that tag people, and the export's search results. No browser imports, so
they test on CPython.

Names, titles, companies and notes are the member's or their connections' words: every view
is built with the element builder, so they can only ever be text. Profile links open
LinkedIn in a new tab without telling it where they came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ssi_coach import text
from ssi_coach.accounts.coverage import Coverage
from ssi_coach.accounts.search import CompanyCount
from ssi_coach.accounts.steps import Step
from ssi_coach.charts.data import GridChart
from ssi_coach.importers.linkedin.types import Contact
from ssi_coach.model import (
    ACCOUNT_STATUSES,
    CONNECTED,
    INFLUENCES,
    INVITED,
    INVITED_ME,
    PILLARS,
    ROLES,
    STANCES,
    Account,
    Choice,
    RelationshipFacts,
    Stakeholder,
    label_of,
)

from .html import Child, Markup, el, join
from .views import table_figure

_PILLAR_LABELS = {p.key: p.label for p in PILLARS}
SHOWN_RESULTS = 50
# The prefix of each form's field ids: its field "note-0" is the element "person-note-0" and
# its error line "personerr-note-0" (see browser.show_field_errors).
FIELD_PREFIX = {"account-people-form": "person", "person-add-form": "person",
                "account-form": "account"}


def _select(name: str, label: str, choices: Sequence[Choice], value: str, *,
            id_: str) -> Markup:
    return el("div",
              el("label", label, for_=id_),
              el("select", [el("option", c.label, value=c.key, selected=c.key == value)
                            for c in choices], name=name, id=id_),
              el("p", "", class_="field-error", id=f"personerr-{name}"),
              class_="field")


def profile_link(person_name: str, url: str) -> Markup:
    if not url:
        return el("span", person_name)
    return el("a", person_name, el("span", " (LinkedIn profile, opens in a new tab)",
                                   class_="visually-hidden"),
              href=url, target="_blank", rel="noopener noreferrer")


# ---- the list of accounts ---------------------------------------------------------------------

def accounts_empty(export_open: bool) -> Markup:
    hint = ("Search your connections above, or type a company below." if export_open else
            "Open your LinkedIn export above to search your connections and see which "
            "companies you know most people at, or type a company below.")
    return el("div", el("p", "No target accounts yet. ", hint), class_="empty-state",
              id="accounts-empty")


def accounts_table(ranked: Sequence[Coverage]) -> Markup:
    """Every account, the riskiest first: status, value, people, the top gap."""
    head = el("tr", [el("th", h, scope="col") for h in (
        "Account", "Status", "Value", "People", "Risk", "Biggest gap")])
    rows = [el("tr",
               el("th", el("button", account.company, type="button", class_="link",
                           data_action="account-open", data_key=account.key,
                           aria_label=f"Open {account.company}"), scope="row"),
               el("td", label_of(ACCOUNT_STATUSES, account.status)),
               el("td", _value(account.value)),
               el("td", len(account.people)),
               el("td", coverage.risk),
               el("td", coverage.gaps[0].message if coverage.gaps else "No gaps"),
               data_key=account.key)
            for coverage in ranked for account in (coverage.account,)]
    return el("div", el("table", el("caption", "Your accounts, the riskiest first"),
                        el("thead", head), el("tbody", rows), id="accounts-table"),
              class_="table-wrap", tabindex="0")


def _value(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


# ---- one account ------------------------------------------------------------------------------

def account_detail(account: Account, coverage: Coverage, steps: Sequence[Step],
                   today: dt.date, grid: Markup | None) -> Markup:
    """One account: its gaps first, then the stance × influence grid, its people with their
    next steps, and its own form (status, value, date, note), export and forget."""
    return el("section",
              el("h3", account.company, id="account-heading", tabindex="-1"),
              el("p", _summary(account), class_="muted"),
              _gaps(coverage),
              grid,
              people_form(account, steps, today) if account.people else el(
                  "p", "No one in this account yet: add people from your connections "
                       "(search above) or type someone in below.", class_="muted"),
              add_person_form(),
              account_form(account),
              el("div", el("button", "Download this account (CSV)", type="button",
                           data_action="account-csv", data_key=account.key),
                 el("button", "Forget this account", type="button",
                    data_action="account-forget", data_key=account.key, class_="danger"),
                 el("button", "Close", type="button", data_action="account-close"),
                 class_="actions"),
              el("div", id="account-forget-slot", role="alert"),
              id="account-section", data_key=account.key)


def forget_confirm(account: Account) -> Markup:
    """Forgetting cannot be undone: say what goes, offer the copy, ask once more."""
    return el("div",
              el("p", f"Forget {account.company} and the "
                      f"{text.people(len(account.people))} in it? Everything about "
                      "it is deleted from this browser and cannot be undone; download its "
                      "CSV first to keep a copy."),
              el("div", el("button", "Yes, forget it", type="button", class_="danger",
                           data_action="account-forget-yes", data_key=account.key),
                 el("button", "Keep it", type="button", data_action="account-forget-no"),
                 class_="actions"),
              class_="notice")


def _summary(account: Account) -> str:
    parts = [label_of(ACCOUNT_STATUSES, account.status),
             text.people(len(account.people))]
    if account.value is not None:
        parts.append(f"value {_value(account.value)}")
    if account.closes_on is not None:
        parts.append(f"closes {text.long_date(account.closes_on)}")
    return " · ".join(parts)


def _gaps(coverage: Coverage) -> Markup:
    if not coverage.gaps:
        return el("p", "No gaps: a decision-maker is mapped and connected, more than one "
                       "person is in touch, and someone with influence supports you.",
                  class_="notice-ok", id="account-gaps")
    return el("div", el("h4", "Gaps"),
              el("ul", [el("li", gap.message, data_gap=gap.key) for gap in coverage.gaps]),
              id="account-gaps")


def people_form(account: Account, steps: Sequence[Step], today: dt.date) -> Markup:
    """Everyone in the account, tagged in one form (role, stance, influence, note), each with
    what the export says about them and the next step: a card per person, so it reads on a
    phone as well as on a desk."""
    cards = [_person_card(n, person, step, today)
             for n, (person, step) in enumerate(zip(account.people, steps, strict=True))]
    return el("form",
              el("h4", f"People in {account.company}"),
              el("div", cards, id="account-people", class_="people-cards"),
              el("div", el("button", "Save the tags", type="submit", class_="primary"),
                 class_="actions"),
              id="account-people-form", novalidate=True)


def _person_card(n: int, person: Stakeholder, step: Step, today: dt.date) -> Markup:
    who: list[Child] = [el("strong", profile_link(person.name, person.profile_url))]
    if person.title:
        who.append(el("span", person.title, class_="muted"))
    if person.moved:
        who.append(el("span", f"Moved to {person.moved_to}", class_="badge warn"))
    return el("article",
              el("p", join(who, " · "), class_="person-name"),
              el("div",
                 _select(f"role-{n}", "Role", ROLES, person.role, id_=f"person-role-{n}"),
                 _select(f"stance-{n}", "Stance", STANCES, person.stance,
                         id_=f"person-stance-{n}"),
                 _select(f"influence-{n}", "Influence", INFLUENCES, person.influence,
                         id_=f"person-influence-{n}"),
                 el("div", el("label", "Note (the plan)", for_=f"person-note-{n}"),
                    el("textarea", person.note, name=f"note-{n}", id=f"person-note-{n}",
                       rows="2", maxlength="500"),
                    el("p", "", class_="field-error", id=f"personerr-note-{n}"),
                    class_="field field-wide"),
                 class_="person-tags"),
              el("p", facts_text(person.facts, today), class_="muted person-facts"),
              _step(step),
              el("div", el("button", "Remove", type="button", data_action="person-remove",
                           data_key=person.key, aria_label=f"Remove {person.name}"),
                 class_="actions"),
              class_="person-card", data_person=person.key)


def facts_text(facts: RelationshipFacts | None, today: dt.date) -> str:
    """What the export said about the member and this person, in one line."""
    if facts is None:
        return "Not in an export yet"
    if facts.link == CONNECTED:
        link = ("Connected" + (f" since {text.long_date(facts.connected_on)}"
                               if facts.connected_on else ""))
    elif facts.link == INVITED:
        link = "You invited them" + (f" on {text.long_date(facts.invited_on)}"
                                     if facts.invited_on else "") + " (pending)"
    elif facts.link == INVITED_ME:
        link = "They invited you" + (f" on {text.long_date(facts.invited_on)}"
                                     if facts.invited_on else "") + " (pending)"
    else:
        link = "Not connected"
    parts = [link]
    if facts.messages_sent or facts.messages_received:
        parts.append(f"{facts.messages_sent:,} sent, {facts.messages_received:,} received")
        days = facts.days_since_contact(today)
        if days is not None:
            parts.append("last contact today" if days == 0 else
                         f"last contact {text.count(days, 'day')} ago")
        if facts.started_by_member is not None:
            parts.append("you wrote first" if facts.started_by_member else "they wrote first")
        if facts.replied is False:
            parts.append("no reply yet")
    else:
        parts.append("no messages")
    parts.append(f"as of {text.long_date(facts.as_of)}")
    return " · ".join(parts)


def _step(step: Step) -> Markup:
    principles = ", ".join(p if n == 0 else p.lower() for n, p in enumerate(step.principles))
    return el("div", el("strong", step.text),
              el("span", f" {principles}; "
                         f"{_PILLAR_LABELS.get(step.pillar, step.pillar).lower()}.",
                 class_="muted"),
              class_="next-step")


def add_person_form() -> Markup:
    fields = [el("div", el("label", label, for_=f"person-{name}"),
                 el("input", type=kind, id=f"person-{name}", name=name, maxlength="200",
                    inputmode="url" if name == "profile_url" else None),
                 el("p", "", class_="field-error", id=f"personerr-{name}"),
                 class_="field")
              for name, label, kind in (("name", "Name", "text"), ("title", "Title", "text"),
                                        ("profile_url", "LinkedIn profile address (optional)",
                                         "text"))]
    role = el("div", el("label", "Role", for_="person-role"),
              el("select", [el("option", c.label, value=c.key) for c in ROLES], name="role",
                 id="person-role"),
              el("p", "", class_="field-error", id="personerr-role"), class_="field")
    return el("details",
              el("summary", "Add someone who is not in your export"),
              el("form", fields, role,
                 el("div", el("button", "Add person", type="submit"), class_="actions"),
                 id="person-add-form", novalidate=True, autocomplete="off"),
              class_="coach-form")


def account_form(account: Account) -> Markup:
    status = el("div", el("label", "Status", for_="account-status"),
                el("select", [el("option", c.label, value=c.key,
                                 selected=c.key == account.status) for c in ACCOUNT_STATUSES],
                   name="status", id="account-status"),
                el("p", "", class_="field-error", id="accounterr-status"), class_="field")

    def field(name: str, label: str, value: str, kind: str = "text") -> Markup:
        return el("div", el("label", label, for_=f"account-{name}"),
                  el("input", type=kind, id=f"account-{name}", name=name, value=value,
                     inputmode="decimal" if name == "value" else None),
                  el("p", "", class_="field-error", id=f"accounterr-{name}"),
                  class_="field")

    return el("details",
              el("summary", "Status, value and note"),
              el("form",
                 field("company", "Company", account.company),
                 status,
                 field("value", "Deal value (optional)", _plain(account.value)),
                 field("closes_on", "Close date (optional)",
                       account.closes_on.isoformat() if account.closes_on else "", "date"),
                 el("div", el("label", "Note", for_="account-note"),
                    el("textarea", account.note, name="note", id="account-note", rows="2",
                       maxlength="500"),
                    el("p", "", class_="field-error", id="accounterr-note"),
                    class_="field field-wide"),
                 el("div", el("button", "Save", type="submit", class_="primary"),
                    class_="actions"),
                 id="account-form", novalidate=True, autocomplete="off"),
              class_="coach-form")


def _plain(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else str(value)


def grid_figure(chart: GridChart, svg: str | None) -> Markup:
    """Stance × influence: the chart once drawn, and the same grid as a table at once."""
    return table_figure(chart.title, svg, chart.summary, chart.head, chart.table,
                        "account-grid", heading="h4", table_id="account-grid-table",
                        folded=False)


# ---- the export's search ----------------------------------------------------------------------

def search_help(count: int, as_of: dt.date) -> str:
    return (f"{count:,} people from your export of {text.long_date(as_of)}. Type a company, "
            "a name or a title.")


def search_results(query: str, found: Sequence[Contact], companies: Sequence[CompanyCount],
                   open_account: Account | None, accounts: Sequence[Account]) -> Markup:
    """The people matching the query (and the companies), each with the button that adds it."""
    tracked = {a.key for a in accounts}
    company_rows = [el("li", el("strong", c.company), " ",
                       el("span", f"{text.count(c.connections, 'connection')}, "
                                  f"{text.count(c.decision_makers, 'decision-maker')}",
                          class_="muted"), " ",
                       el("span", "tracked", class_="badge") if _key(c.company) in tracked
                       else el("button", "Add as account", type="button",
                               data_action="account-add-company", data_company=c.company))
                    for c in companies]
    people = [el("li",
                 el("strong", contact.name), " ",
                 el("span", ", ".join(filter(None, (contact.position, contact.company))),
                    class_="muted"), " ",
                 _add_button(n, contact, open_account),
                 data_contact=contact.profile_url)
              for n, contact in enumerate(found[:SHOWN_RESULTS])]
    if not query.strip():
        heading = "Companies where you know the most decision-makers"
        return el("div", el("h4", heading), el("ul", company_rows, id="accounts-companies"))
    more = len(found) - SHOWN_RESULTS
    return join([
        el("h4", f"Companies matching “{query.strip()}”") if company_rows else None,
        el("ul", company_rows, id="accounts-companies") if company_rows else None,
        el("h4", text.people(len(found)) + f" matching “{query.strip()}”"),
        el("ul", people, id="accounts-people-found") if people else el(
            "p", "No one in your export matches.", class_="muted"),
        el("p", f"and {more:,} more: type more to narrow it down.", class_="muted")
        if more > 0 else None,
    ])


def _key(company: str) -> str:
    return " ".join(company.split()).casefold()


def _add_button(n: int, contact: Contact, open_account: Account | None) -> Markup:
    if open_account is not None:
        label, target = f"Add to {open_account.company}", open_account.company
    elif contact.company:
        label, target = f"Add to {contact.company}", contact.company
    else:
        return el("span", "Open an account to add them to it", class_="muted")
    return el("button", label, type="button", data_action="person-add-contact",
              data_contact=str(n), data_company=target,
              aria_label=f"Add {contact.name} to {target}")
