"""The exceptions ssi_coach raises, one tree so callers can catch as broadly as they need.

    SsiCoachError               base of every exception raised on purpose
    ├── StorageError            the browser would not store data (full, disabled, private mode)
    ├── DocumentError           a stored, restored or shared document cannot be used as it is
    │   ├── CorruptDocument     not JSON, or not shaped like an ssi-coach document
    │   ├── NewerSchemaVersion  written by a newer ssi-coach than this one (.found, .supported)
    │   ├── InvalidRecord       a record inside breaks a rule (names record and field)
    │   └── ShareLinkError      a share link that cannot be opened (cut off, changed, too new)
    └── InvalidText             a parser's complaint about one field's text; the forms and
                                readers catch it and return it as a FieldError or Problem

Every message is a plain sentence for the member, shown as it is.

Bad input that a person typed or a file they gave is never raised out of the core: it is
returned as a record, so one bad value never stops the rest. Those records are not
exceptions:

    FieldError      one field of a form, or of a team change (ssi_coach.model)
    Problem         one row, value or whole file a reader could not use (ssi_coach.model)
    ImportRefused   uploads that are not a LinkedIn export at all
                    (ssi_coach.importers.linkedin)

A ValueError or TypeError from the core is a bug: a record built by code with values no form
or reader would let through (a check-in dated twice, a week not named by its Monday, a
negative planned rate, an unknown sort key).
"""

from __future__ import annotations


class SsiCoachError(Exception):
    """Base of every error ssi_coach raises on purpose."""


class StorageError(SsiCoachError):
    """The storage backend refused to read or write."""


class DocumentError(SsiCoachError):
    """A document cannot be used as it is; the message says why in plain words."""


class CorruptDocument(DocumentError):
    """The data is not JSON, or not shaped like an ssi-coach document."""


class NewerSchemaVersion(DocumentError):
    """The data was written by a newer ssi-coach, in a format this one cannot read."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This data was saved by a newer version of ssi-coach (data format {found}; this "
            f"version reads up to {supported}). Reload the page to get the newest version."
        )
        self.found = found
        self.supported = supported


class InvalidRecord(DocumentError):
    """A record inside the data breaks a rule; the message names the record and field."""


class ShareLinkError(DocumentError):
    """A share link that cannot be opened; the message says why in plain words."""


class InvalidText(SsiCoachError):
    """A parser's complaint about the text it was given, in words for the person."""
