"""The Check-ins view: the check-in form (add, edit, a draft kept while typing), the paste
from LinkedIn's SSI page that fills it in, and the history with edit, delete and undo."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from pyscript import when  # type: ignore[import-not-found]

from ssi_coach import text
from ssi_coach.checkins.validation import (
    EVENT_FIELDS,
    EVENTS_FIELD,
    FORM_FIELDS,
    PEER_FIELDS,
    checkin_to_form,
    preview_total,
    read_checkin_form,
)
from ssi_coach.errors import StorageError
from ssi_coach.model import CheckIn, FieldError, display_total
from ssi_coach.storage.draft import DRAFT_KEY, Draft, decode_draft, encode_draft

from . import browser, views
from .browser import element
from .context import StorageContext
from .guard import guarded
from .html import el, join


class CheckinTools:
    def __init__(self, context: StorageContext) -> None:
        self.context = context
        self.editing: dt.date | None = None
        self.deleted: CheckIn | None = None  # for undo

    def bind(self) -> None:
        when("submit", "#checkin-form")(self.on_submit)
        when("input", "#checkin-form")(self.on_input)
        when("click", "#cancel-edit")(self.on_cancel_edit)
        for container in ("#history-body", "#status"):
            when("click", container)(self.on_click)
        for selector, handler in (
            ("#paste-open", self.on_paste_toggle), ("#paste-close", self.on_paste_toggle),
            ("#paste-read", self.on_paste_read),
        ):
            when("click", selector)(handler)
        when("input", "#paste-text")(self.on_paste_input)

    def render_history(self, *, readonly: bool) -> None:
        checkins = self.context.document.checkins
        element("history-body").innerHTML = views.history(checkins, readonly=readonly)
        element("history").hidden = not checkins

    # ---- the form ------------------------------------------------------------------

    def form_values(self) -> dict[str, str]:
        values = {name: str(element(f"f-{name}").value) for name in FORM_FIELDS}
        values.update({name: "on" if element(f"f-{name}").checked else ""
                       for name in EVENT_FIELDS})
        return values

    def fill_form(self, values: dict[str, str]) -> None:
        for name in FORM_FIELDS:
            element(f"f-{name}").value = values.get(name, "")
        for name in EVENT_FIELDS:
            element(f"f-{name}").checked = values.get(name, "") == "on"
        self.update_total()

    def reset_form(self) -> None:
        self.editing = None
        today = browser.local_today().isoformat()
        element("f-date").max = today
        self.fill_form({"date": today})
        self.show_errors([])
        element("form-heading").textContent = "Add a check-in"
        element("save-button").textContent = "Save check-in"
        element("cancel-edit").hidden = True

    def start_editing(self, checkin: CheckIn) -> None:
        self.editing = checkin.on
        self.fill_form(checkin_to_form(checkin))
        self.show_errors([])
        element("form-heading").textContent = f"Edit the check-in of {text.long_date(checkin.on)}"
        element("save-button").textContent = "Save changes"
        element("cancel-edit").hidden = False
        element("entry").scrollIntoView()
        element("f-date").focus()
        self.keep_draft()

    def update_total(self) -> None:
        preview = preview_total(self.form_values())
        if preview.pillars_read == 0:
            shown = "–"
        elif preview.pillars_read < 4:
            shown = f"{text.score(preview.total)} so far ({preview.pillars_read} of 4 pillars)"
        else:
            shown = (f"{text.score(preview.total)} (LinkedIn shows "
                     f"{display_total(preview.total)})")
        element("total-preview").value = shown
        values = self.form_values()
        filled = sum(1 for name in PEER_FIELDS if values[name].strip())
        element("peers-filled").textContent = (
            f"({filled} of {len(PEER_FIELDS)} averages filled)" if filled else
            "(optional: your industry's and network's averages per pillar, as on your SSI "
            "page)")

    def show_errors(self, errors: list[FieldError] | tuple[FieldError, ...]) -> None:
        by_field = {e.field: e.message for e in errors}
        for name in FORM_FIELDS:
            message = by_field.get(name, "")
            element(f"err-{name}").textContent = message
            field = element(f"f-{name}")
            if message:
                field.setAttribute("aria-invalid", "true")
            else:
                field.removeAttribute("aria-invalid")
        element("err-events").textContent = by_field.get(EVENTS_FIELD, "")
        summary = element("form-summary")
        summary.hidden = not errors
        if any(e.field in PEER_FIELDS or e.field.endswith("_status") for e in errors):
            element("peers-fields").open = True  # an error inside stays in sight
        if errors:
            count = len(errors)
            summary.textContent = (f"Please fix {count} field{'s' if count > 1 else ''} "
                                   "below. Nothing has been saved yet.")
            first = errors[0].field
            element(f"f-{EVENT_FIELDS[0] if first == EVENTS_FIELD else first}").focus()

    def keep_draft(self) -> None:
        draft = Draft(self.form_values(), self.editing)
        try:
            if draft.has_content():
                self.context.store.backend.set(DRAFT_KEY, encode_draft(draft))
            else:
                self.context.store.backend.remove(DRAFT_KEY)
        except StorageError:
            pass  # the draft is a convenience; the form itself still holds the text

    def drop_draft(self) -> None:
        with contextlib.suppress(StorageError):
            self.context.store.backend.remove(DRAFT_KEY)

    def restore_draft(self) -> None:
        try:
            draft = decode_draft(self.context.store.backend.get(DRAFT_KEY))
        except StorageError:
            return
        if draft is None or not draft.has_content():
            return
        if draft.replacing is not None and self.context.document.find(draft.replacing) is not None:
            self.editing = draft.replacing
            element("form-heading").textContent = (
                f"Edit the check-in of {text.long_date(draft.replacing)}")
            element("save-button").textContent = "Save changes"
            element("cancel-edit").hidden = False
        self.fill_form(draft.fields)
        self.context.say("Restored the check-in you were typing before the page closed. It is "
                         "not saved yet.")

    @guarded
    def on_input(self, event: Any) -> None:
        self.update_total()
        name = str(event.target.name or "")
        if name in FORM_FIELDS and element(f"err-{name}").textContent:
            element(f"err-{name}").textContent = ""  # the person is fixing it
            element(f"f-{name}").removeAttribute("aria-invalid")
        self.keep_draft()

    @guarded
    def on_submit(self, event: Any) -> None:
        event.preventDefault()
        if self.context.store.blocked_by is not None:
            self.show_errors([])
            self.context.say("Your saved data could not be read. Download it or set it aside "
                             "(see above) before adding check-ins, so nothing is overwritten.",
                             error=True)
            return
        result = read_checkin_form(self.form_values(), today=browser.local_today(),
                                   document=self.context.document, replacing=self.editing)
        self.show_errors(result.errors)
        if result.checkin is None:
            return
        was_editing = self.editing
        updated = self.context.document.put(result.checkin, replacing=was_editing)
        if not self.context.save(updated):
            return
        self.drop_draft()
        self.reset_form()
        self.context.render()
        verb = "Updated" if was_editing else "Saved"
        self.context.say(f"{verb} the check-in of {text.long_date(result.checkin.on)}: SSI "
                         f"{display_total(result.checkin.total)}.")

    @guarded
    def on_cancel_edit(self, event: Any) -> None:
        self.drop_draft()
        self.reset_form()
        self.context.say("Editing cancelled; the check-in is unchanged.")

    # ---- buttons in the history and in the status message --------------------------

    @guarded
    def on_click(self, event: Any) -> None:
        button = browser.closest(event, "button[data-action]")
        if button is None:
            return
        action = str(button.dataset.action)
        if action in ("edit", "delete"):
            on = dt.date.fromisoformat(str(button.dataset.date))
            checkin = self.context.document.find(on)
            if checkin is not None:
                (self.start_editing if action == "edit" else self.delete)(checkin)
        elif action == "undo":
            self.undo_delete()

    def delete(self, checkin: CheckIn) -> None:
        if not self.context.save(self.context.document.without(checkin.on)):
            return
        if self.editing == checkin.on:
            self.drop_draft()
            self.reset_form()
        self.deleted = checkin
        self.context.render()
        self.context.say(join([f"Deleted the check-in of {text.long_date(checkin.on)}. ",
                               el("button", "Undo", type="button", class_="link",
                                  data_action="undo")]))

    def undo_delete(self) -> None:
        checkin = self.deleted
        if checkin is None:
            return
        if self.context.document.find(checkin.on) is not None:
            self.context.say("Cannot undo: there is a new check-in on "
                             f"{text.long_date(checkin.on)}.", error=True)
            return
        if self.context.save(self.context.document.put(checkin)):
            self.deleted = None
            self.context.render()
            self.context.say(f"Restored the check-in of {text.long_date(checkin.on)}.")

    # ---- paste from LinkedIn ----------------------------------------------------------

    @guarded
    def on_paste_toggle(self, event: Any) -> None:
        browser.toggle_panel("paste-panel", "paste-open", focus="paste-text")

    @guarded
    def on_paste_input(self, event: Any) -> None:
        if str(event.inputType or "") == "insertFromPaste":
            self.read_paste()  # a real paste is read at once; typed text waits for the button

    @guarded
    def on_paste_read(self, event: Any) -> None:
        self.read_paste()

    def read_paste(self) -> None:
        # Imported on the first paste, not at start-up: the reader compiles its patterns for
        # every language when it loads, and the numbers should paint before that.
        from ssi_coach.importers.ssi_page import read_ssi_page, reading_to_form

        result = read_ssi_page(str(element("paste-text").value))
        shown = element("paste-result")
        if result.reading is None:
            shown.innerHTML = views.paste_problems(result.problems)
            return
        typed = self.form_values()
        self.fill_form({**typed, **reading_to_form(result.reading),
                        "date": typed["date"], "note": typed["note"]})
        self.show_errors([])
        self.keep_draft()
        shown.innerHTML = views.paste_preview(result.reading, result.notes)
        element("f-brand").focus()
