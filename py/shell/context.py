"""What a view's tools need from the app, so they never import it: the document, saving it,
a status message, drawing the page again, switching views, and (for the Check-ins and Data
views) storage itself. The App satisfies these protocols; a test can pass anything that does.
"""

from __future__ import annotations

from typing import Any, Protocol

from ssi_coach.model import Document
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

    def go(self, key: str) -> None:
        """Switch to the view `key` (a key of ssi_coach.routes.VIEWS) and give it its address."""
        ...


class StorageContext(Context, Protocol):
    """Check-ins keep the form's draft in storage; Data restores backups straight into it
    and lists the copies kept there."""

    store: Store
