"""The errors ssi_coach raises, one hierarchy so callers can catch as broadly as they need.

    SsiCoachError
    ├── StorageError            the browser would not store data (full, disabled, private mode)
    └── DocumentError           a stored or restored document cannot be used as it is
        ├── CorruptDocument     not JSON, or not shaped like an ssi-coach document
        ├── NewerSchemaVersion  written by a newer ssi-coach than this one
        └── InvalidRecord       a record inside breaks a rule (names record and field)

Bad input that a person typed is never raised: forms return FieldErrors instead.
"""

from __future__ import annotations


class SsiCoachError(Exception):
    """Base of every error ssi_coach raises on purpose."""


class StorageError(SsiCoachError):
    """The storage backend refused to read or write."""


class DocumentError(SsiCoachError):
    """A document cannot be used as it is; the message says why in plain words."""


class CorruptDocument(DocumentError):
    pass


class NewerSchemaVersion(DocumentError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This data was saved by a newer version of ssi-coach (data format {found}; this "
            f"version reads up to {supported}). Reload the page to get the newest version."
        )
        self.found = found
        self.supported = supported


class InvalidRecord(DocumentError):
    pass
