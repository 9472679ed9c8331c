"""What a view's tools need from the app, so they never import it: the document, saving it,
a status message, drawing the page again, and (for the Data tools) storage and the check-in
form a paste fills in. The App satisfies these protocols; a test can pass anything that does.
"""

from __future__ import annotations

from typing import Any, Protocol

from ssi_coach.model import Document, FieldError
from ssi_coach.storage import Store


class Context(Protocol):
    """The app as every view's tools see it."""

    document: Document  # the member's data as last loaded or saved
    draw: Any  # the chart module (ssi_coach.charts.draw) once Matplotlib is in; else None

    def save(self, document: Document) -> bool:
        """Store `document` and make it current; False (and a message shown) on failure."""
        ...

    def say(self, html: str, *, error: bool = False) -> None:
        """Show a status message: markup built with shell.html, or plain text."""
        ...

    def render(self) -> None:
        """Draw every view again from the current document."""
        ...


class CheckinForm(Protocol):
    """The check-in form, which a paste from LinkedIn fills in."""

    def form_values(self) -> dict[str, str]: ...

    def fill_form(self, values: dict[str, str]) -> None: ...

    def show_errors(self, errors: list[FieldError] | tuple[FieldError, ...]) -> None: ...

    def keep_draft(self) -> None: ...


class DataContext(Context, CheckinForm, Protocol):
    """The Data tools also restore backups straight into storage."""

    store: Store
