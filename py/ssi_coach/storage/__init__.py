"""Storage: the whole document as one versioned JSON text under one key.

`Store` is the only way in or out. It reads through a swappable backend (`Storage`:
localStorage in the browser, `MemoryStorage` in tests), migrates old formats with named
migrations, and never destroys what it cannot read: an unreadable document is reported,
left untouched, and only ever moved aside at the member's request.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import DocumentError, StorageError
from ..model import Document
from .backends import MemoryStorage, Storage
from .codec import decode, encode, parse_json
from .migrations import MIGRATIONS, Migration, schema_version, stored_version

DOCUMENT_KEY = "ssi-coach"
SET_ASIDE_PREFIX = "ssi-coach.set-aside."  # unreadable documents the member moved aside
BEFORE_RESTORE_PREFIX = "ssi-coach.before-restore."  # the data a restore replaced
BEFORE_MIGRATION_PREFIX = "ssi-coach.before-v"  # a copy of the text each migration replaced
KEPT_COPY_KINDS = {
    SET_ASIDE_PREFIX: "Unreadable data you set aside",
    BEFORE_RESTORE_PREFIX: "Your data from before a restore replaced it",
}

__all__ = [
    "DOCUMENT_KEY", "Loaded", "MemoryStorage", "Storage", "Store", "decode", "encode",
    "schema_version",
]


@dataclass(frozen=True)
class Loaded:
    """What loading found. With a `problem`, `document` is empty and `raw` is kept as is."""

    document: Document
    problem: DocumentError | None = None
    raw: str | None = None
    migrated: tuple[str, ...] = ()


class Store:
    """Loads and saves the document through a Storage backend."""

    def __init__(self, backend: Storage, key: str = DOCUMENT_KEY,
                 migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
        self.backend = backend
        self.key = key
        self.migrations = migrations
        self.blocked_by: DocumentError | None = None

    def load(self) -> Loaded:
        raw = self.backend.get(self.key)
        if raw is None:
            self.blocked_by = None
            return Loaded(Document())
        try:
            document, applied = decode(raw, self.migrations)
        except DocumentError as problem:
            # Saving now would overwrite the only copy of the member's data.
            self.blocked_by = problem
            return Loaded(Document(), problem=problem, raw=raw)
        self.blocked_by = None
        if applied:
            self._keep_pre_migration_copy(raw)
        return Loaded(document, raw=raw, migrated=tuple(applied))

    def save(self, document: Document) -> None:
        """Write the document, or raise StorageError/DocumentError and change nothing."""
        if self.blocked_by is not None:
            raise DocumentError("The stored data could not be read; set it aside before saving.")
        self.backend.set(self.key, encode(document))

    def set_aside(self) -> str | None:
        """Move an unreadable document to a key of its own; return that key."""
        aside = self.keep_copy(SET_ASIDE_PREFIX)
        if aside is not None:
            self.backend.remove(self.key)
        self.blocked_by = None
        return aside

    def replace_keeping_copy(self, document: Document) -> str | None:
        """Save `document` in place of the current one, keeping the current text first."""
        if self.blocked_by is not None:  # no copy either: nothing is being replaced
            raise DocumentError("The stored data could not be read; set it aside before "
                                "restoring a backup over it.")
        kept = self.keep_copy(BEFORE_RESTORE_PREFIX)
        try:
            self.save(document)
        except StorageError:
            if kept is not None:
                self.backend.remove(kept)  # the restore did not happen: no copy to explain
            raise
        return kept

    def keep_copy(self, prefix: str) -> str | None:
        """Copy the stored text, untouched, to the next free `prefix<N>` key."""
        raw = self.backend.get(self.key)
        if raw is None:
            return None
        number = 1
        while self.backend.get(f"{prefix}{number}") is not None:
            number += 1
        self.backend.set(f"{prefix}{number}", raw)  # raises StorageError, changing nothing
        return f"{prefix}{number}"

    def kept_copies(self) -> list[tuple[str, str]]:
        """(key, what it is) for every copy kept aside, oldest first within each kind."""
        found = []
        for prefix, description in KEPT_COPY_KINDS.items():
            keys = [k for k in self.backend.keys()  # noqa: SIM118 - a Storage, not a dict
                    if k.startswith(prefix) and k[len(prefix):].isdigit()]
            found += [(k, description) for k in sorted(keys, key=lambda k: int(k[len(prefix):]))]
        return found

    def _keep_pre_migration_copy(self, raw: str) -> None:
        try:
            version = stored_version(parse_json(raw))
            copy_key = f"{BEFORE_MIGRATION_PREFIX}{version}"
            if self.backend.get(copy_key) is None:
                self.backend.set(copy_key, raw)
        except (DocumentError, StorageError):
            pass  # the copy is a courtesy; the migrated document is still only in memory
