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
BEFORE_MIGRATION_PREFIX = "ssi-coach.before-v"  # a copy of the text each migration replaced

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
        raw = self.backend.get(self.key)
        if raw is None:
            self.blocked_by = None
            return None
        number = 1
        while self.backend.get(f"{SET_ASIDE_PREFIX}{number}") is not None:
            number += 1
        aside = f"{SET_ASIDE_PREFIX}{number}"
        self.backend.set(aside, raw)  # raises StorageError before anything is removed
        self.backend.remove(self.key)
        self.blocked_by = None
        return aside

    def set_aside_keys(self) -> list[str]:
        """Keys of documents moved aside earlier, oldest first."""
        keys = [k for k in self.backend.keys()  # noqa: SIM118 - a Storage, not a dict
                if k.startswith(SET_ASIDE_PREFIX) and k[len(SET_ASIDE_PREFIX):].isdigit()]
        return sorted(keys, key=lambda k: int(k[len(SET_ASIDE_PREFIX):]))

    def _keep_pre_migration_copy(self, raw: str) -> None:
        try:
            version = stored_version(parse_json(raw))
            copy_key = f"{BEFORE_MIGRATION_PREFIX}{version}"
            if self.backend.get(copy_key) is None:
                self.backend.set(copy_key, raw)
        except (DocumentError, StorageError):
            pass  # the copy is a courtesy; the migrated document is still only in memory
