"""The Accounts view: target accounts and the people in each deal, mapped from the member's
own export while it is open in the page (here, or imported under Activity).

The export's people stay in memory only; what is saved is the accounts and the people the
member adds, with the facts the export gave about them. Opening a newer export refreshes
those facts by profile URL and flags people who moved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from pyscript import when  # type: ignore[import-not-found]

from ssi_coach.accounts.coverage import by_risk, coverage
from ssi_coach.accounts.forms import (
    Read,
    read_account_form,
    read_company,
    read_people_form,
    read_person_form,
)
from ssi_coach.accounts.refresh import refresh, stakeholder_from
from ssi_coach.accounts.search import PeopleIndex, build_index, companies, search
from ssi_coach.accounts.steps import next_step
from ssi_coach.charts.data import stance_grid
from ssi_coach.exporters.csv_account import account_csv, account_csv_filename
from ssi_coach.importers.linkedin.types import Contact, ExportReading
from ssi_coach.model import Account, Document

from . import accounts_views, browser
from .browser import element
from .context import StorageContext
from .guard import guarded


class AccountsTools:
    def __init__(self, context: StorageContext) -> None:
        self.context = context
        self.index: PeopleIndex | None = None  # the open export's people, in memory only
        self.as_of: dt.date | None = None
        self.found: tuple[Contact, ...] = ()  # the search results on screen
        self.open_key: str | None = None  # the account shown in detail

    def bind(self) -> None:
        when("submit", "#account-add-form")(self.on_add_account)
        when("input", "#accounts-search")(self.on_search)
        when("click", "#accounts")(self.on_click)
        when("submit", "#account-detail")(self.on_detail_submit)

    # ---- the export ------------------------------------------------------------------------

    def open_export(self, reading: ExportReading) -> None:
        """An export was read (here or under Activity): search it, refresh tracked people."""
        self.index = build_index(reading.people)
        self.as_of = reading.last_day
        element("accounts-export-state").textContent = (
            f"(open: {len(reading.people):,} people, export of "
            f"{reading.last_day.isoformat() if reading.last_day else 'unknown date'})")
        element("accounts-search-area").hidden = False
        element("accounts-search-help").textContent = accounts_views.search_help(
            len(reading.people), reading.last_day or browser.local_today())
        refreshed = refresh(self.context.document.accounts, reading.people)
        if refreshed.accounts != self.context.document.accounts:
            updated = replace(self.context.document, accounts=refreshed.accounts)
            if self.context.save(updated):
                self.context.render()
        self.context.say(refreshed.sentence())
        self.render()
        self._show_results("")

    # ---- searching ---------------------------------------------------------------------------

    @guarded
    def on_search(self, event: Any) -> None:
        self._show_results(str(event.target.value))

    def _show_results(self, query: str) -> None:
        if self.index is None:
            return
        self.found = search(self.index, query) if query.strip() else ()
        element("accounts-results").innerHTML = accounts_views.search_results(
            query, self.found, companies(self.index, query), self._open(),
            self.context.document.accounts)

    # ---- accounts ----------------------------------------------------------------------------

    def _open(self) -> Account | None:
        if self.open_key is None:
            return None
        return next((a for a in self.context.document.accounts if a.key == self.open_key),
                    None)

    @guarded
    def on_add_account(self, event: Any) -> None:
        event.preventDefault()
        fields = browser.form_entries("account-add-form")
        company, errors = read_company(fields, self.context.document.accounts)
        if errors:
            self.context.say(errors[0].message, error=True)
            element("account-company").focus()
            return
        self._add_account(company)
        element("account-company").value = ""

    def _add_account(self, company: str) -> Account | None:
        account = Account(company, added_on=browser.local_today())
        before, self.open_key = self.open_key, account.key  # shown once saved
        if not self._save(self.context.document.with_account(account)):
            self.open_key = before
            return None
        self.context.say(f"Added {company}. Add its people from your connections or by name.")
        return account

    def _save(self, document: Document) -> bool:
        if not self.context.save(document):
            return False
        self.context.render()
        return True

    @guarded
    def on_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        handler = {
            "account-open": lambda d: self._open_account(str(d.key)),
            "account-close": lambda d: self._open_account(None),
            "account-add-company": lambda d: self._add_account(str(d.company)),
            "person-add-contact": lambda d: self._add_contact(self.found[int(str(d.contact))],
                                                              str(d.company)),
            "person-remove": lambda d: self._remove_person(str(d.key)),
            "account-csv": lambda d: self._download(str(d.key)),
            "account-forget": lambda d: self._ask_forget(str(d.key)),
            "account-forget-yes": lambda d: self._forget(str(d.key)),
            "account-forget-no": lambda d: setattr(element("account-forget-slot"),
                                                   "innerHTML", ""),
        }.get(str(button.dataset.action))
        if handler is not None:
            handler(button.dataset)

    def _open_account(self, key: str | None) -> None:
        self.open_key = key
        self.render()
        heading = browser.found(element("account-heading")) if key is not None else None
        if heading is not None:
            heading.focus()

    def _add_contact(self, contact: Contact, company: str) -> None:
        document = self.context.document
        account = document.account(company)
        if account is None:
            account = Account(company, added_on=browser.local_today())
            document = document.with_account(account)
        person = stakeholder_from(contact)
        if any(p.key == person.key for p in account.people):
            self.context.say(f"{contact.name} is already in {account.company}.")
            return
        updated = account.with_person(person)
        self.open_key = updated.key
        if self._save(document.with_account(updated, replacing=account.key)):
            self.context.say(f"Added {contact.name} to {account.company}: tag their role "
                             "and stance below.")

    def _remove_person(self, key: str) -> None:
        account = self._open()
        if account is None:
            return
        person = next((p for p in account.people if p.key == key), None)
        if person is not None and self._save(self.context.document.with_account(
                account.without_person(key), replacing=account.key)):
            self.context.say(f"Removed {person.name} from {account.company}.")

    def _download(self, key: str) -> None:
        account = next((a for a in self.context.document.accounts if a.key == key), None)
        if account is not None:
            today = browser.local_today()
            browser.download(account_csv_filename(account, today), account_csv(account, today),
                             "text/csv")

    def _ask_forget(self, key: str) -> None:
        account = next((a for a in self.context.document.accounts if a.key == key), None)
        if account is not None:
            slot = element("account-forget-slot")
            slot.innerHTML = accounts_views.forget_confirm(account)
            button = browser.query(slot, "button")
            if button is not None:
                button.focus()

    def _forget(self, key: str) -> None:
        account = next((a for a in self.context.document.accounts if a.key == key), None)
        if account is None:
            return
        self.open_key = None
        if not self._save(self.context.document.without_account(key)):
            return
        left = self.context.store.forget_in_copies(key)
        if left:
            self.context.say(f"Forgot {account.company}. A damaged copy kept in this browser "
                             f"({', '.join(left)}) may still mention it: delete it under "
                             "Data.", error=True)
        else:
            self.context.say(f"Forgot {account.company}: nothing about it is kept any more.")

    # ---- the open account's forms ------------------------------------------------------------

    @guarded
    def on_detail_submit(self, event: Any) -> None:
        event.preventDefault()
        account = self._open()
        if account is None:
            return
        form_id = str(event.target.id)
        fields = browser.form_entries(form_id)
        if form_id == "account-people-form":
            read, message = read_people_form(fields, account), "Saved the tags."
        elif form_id == "person-add-form":
            read, message = read_person_form(fields, account), "Added the person."
        elif form_id == "account-form":
            read = read_account_form(fields, account, self.context.document.accounts)
            message = "Saved the account."
        else:
            return
        self._apply(account, read, message, form_id)

    def _apply(self, account: Account, read: Read, message: str, form_id: str) -> None:
        if read.errors:
            prefix = accounts_views.FIELD_PREFIX[form_id]
            browser.show_field_errors(form_id, [(prefix, e) for e in read.errors])
            self.context.say(read.errors[0].message, error=True)
            return
        value = read.value
        if isinstance(value, Account):
            updated = value
        elif isinstance(value, tuple):
            updated = replace(account, people=value)
        else:
            assert value is not None
            updated = account.with_person(value)
        self.open_key = updated.key
        if self._save(self.context.document.with_account(updated, replacing=account.key)):
            self.context.say(message)

    # ---- drawing -----------------------------------------------------------------------------

    def render(self) -> None:
        document, today = self.context.document, browser.local_today()
        body = element("accounts-body")
        if not document.accounts:
            body.innerHTML = accounts_views.accounts_empty(self.index is not None)
        else:
            body.innerHTML = accounts_views.accounts_table(by_risk(document.accounts, today))
        account = self._open()
        detail = element("account-detail")
        if account is None:
            self.open_key = None
            detail.innerHTML = ""
            return
        found = coverage(account, today)
        steps = [next_step(person, today) for person in account.people]
        grid = stance_grid(account)
        draw = self.context.draw
        svg = None if draw is None or grid is None else draw.stance_grid_svg(grid)
        detail.innerHTML = accounts_views.account_detail(
            account, found, steps, today,
            None if grid is None else accounts_views.grid_figure(grid, svg))
