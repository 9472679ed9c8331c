"""Storage: the whole document as one versioned JSON text under one key.

`Store` is the only way in or out. It reads through a swappable backend (`Storage`:
localStorage in the browser, `MemoryStorage` in tests), migrates old formats with named
migrations, and never destroys what it cannot read. Every save also writes the document
under a second key (the last good copy); a main document found damaged at start is replaced
by that copy, its damaged text kept aside for the member to download. With no good copy,
the unreadable document is reported, left untouched, and only moved aside at the member's
request. A save that finds another tab's changes merges with them (see concurrent.py). A save
that would take the stored data above what the browser allows is refused before anything is
written, with a message saying so (see quota.py); `usage` gives the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import CorruptDocument, DocumentError, StorageError
from ..model import Document
from .backends import MemoryStorage, Storage
from .codec import decode, encode, parse_json
from .concurrent import Conflict, merge
from .migrations import MIGRATIONS, Migration, schema_version, stored_version
from .quota import StorageUsage, after_writing, quota_of, too_large_message, usage_of

DOCUMENT_KEY = "ssi-coach"
LAST_GOOD_SUFFIX = ".last-good"  # the copy every save also writes, to recover from damage
SET_ASIDE_PREFIX = "ssi-coach.set-aside."  # unreadable documents the member moved aside
BEFORE_RESTORE_PREFIX = "ssi-coach.before-restore."  # the data a restore replaced
BEFORE_MIGRATION_PREFIX = "ssi-coach.before-v"  # a copy of the text each migration replaced
KEPT_COPY_KINDS = {
    SET_ASIDE_PREFIX: "Unreadable data you set aside",
    BEFORE_RESTORE_PREFIX: "Your data from before a restore replaced it",
}

__all__ = [
    "DOCUMENT_KEY", "Conflict", "Loaded", "MemoryStorage", "Saved", "Storage", "StorageUsage",
    "Store", "decode", "encode", "schema_version", "usage",
]


@dataclass(frozen=True)
class Loaded:
    """What loading found. With a `problem`, `document` is empty and `raw` is kept as is.

    `recovered` says the main document was damaged (why) and the last good copy was loaded
    in its place; the damaged text was kept under `damaged_key`.
    """

    document: Document
    problem: DocumentError | None = None
    raw: str | None = None
    migrated: tuple[str, ...] = ()
    recovered: DocumentError | None = None
    damaged_key: str | None = None


@dataclass(frozen=True)
class Saved:
    """What a save wrote: the document as stored (merged with another tab's changes when
    there were any) and the records both tabs changed, where this save's version won."""

    document: Document
    conflicts: tuple[Conflict, ...] = field(default=())
    merged: bool = False


class Store:
    """Loads and saves the document through a Storage backend."""

    def __init__(self, backend: Storage, key: str = DOCUMENT_KEY,
                 migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
        self.backend = backend
        self.key = key
        self.migrations = migrations
        self.blocked_by: DocumentError | None = None
        self.base: str | None = None  # the stored text as this store last read or wrote it
        self.last_good_stale = False  # the last save could not refresh the last good copy

    @property
    def last_good_key(self) -> str:
        return self.key + LAST_GOOD_SUFFIX

    def load(self) -> Loaded:
        raw = self.backend.get(self.key)
        self.blocked_by = None
        self.base = raw
        if raw is None:
            return Loaded(Document())
        try:
            document, applied = self._decode(raw)
        except DocumentError as problem:
            return self._recover(raw, problem)
        if applied:
            self._keep_pre_migration_copy(raw)
        return Loaded(document, raw=raw, migrated=tuple(applied))

    def _decode(self, raw: str) -> tuple[Document, list[str]]:
        """decode(), with a migration's unexpected crash reported like any unreadable data:
        the member sees the problem and the stored text stays as it was."""
        try:
            return decode(raw, self.migrations)
        except DocumentError:
            raise
        except Exception as crash:  # a bug in a migration must not lose data
            raise CorruptDocument(f"Updating the data to the current format failed "
                                  f"({type(crash).__name__}: {crash}).") from crash

    def _recover(self, raw: str, problem: DocumentError) -> Loaded:
        """The main document is unreadable: load the last good copy, keeping the damage."""
        good = self.backend.get(self.last_good_key)
        try:
            if good is None:
                raise DocumentError("no last good copy")
            document, applied = self._decode(good)
            damaged_key = self.keep_copy(SET_ASIDE_PREFIX)
            self.backend.set(self.key, good)
        except (DocumentError, StorageError):
            # Saving now would overwrite the only copy of the member's data.
            self.blocked_by = problem
            return Loaded(Document(), problem=problem, raw=raw)
        self.base = good
        return Loaded(document, raw=good, migrated=tuple(applied), recovered=problem,
                      damaged_key=damaged_key)

    def save(self, document: Document, *, merge: bool = True) -> Saved:
        """Write the document, or raise StorageError/DocumentError and change nothing.

        If another tab saved since this store last read, `document` is merged with what it
        saved (unless `merge` is False: a restore replaces everything on purpose).
        """
        if self.blocked_by is not None:
            raise DocumentError("The stored data could not be read; set it aside before saving.")
        saved = Saved(document)
        current = self.backend.get(self.key)
        if merge and current != self.base:
            saved = self._merge_with(current, document)
        text = encode(saved.document)
        self._require_room(text)
        self.backend.set(self.key, text)
        self.base = text
        try:
            self.backend.set(self.last_good_key, text)
            self.last_good_stale = False
        except StorageError:
            self.last_good_stale = True  # the older copy stays: still a good document
        return saved

    def would_fit(self, document: Document) -> bool:
        """Whether saving `document` now would stay within what the browser allows."""
        return self._room_for(encode(document)) is None

    def too_large(self, document: Document) -> str | None:
        """The message a save of `document` would be refused with; None when it fits."""
        return self._room_for(encode(document))

    def _room_for(self, text: str) -> str | None:
        total, quota = after_writing(self.backend, self.key, text), quota_of(self.backend)
        return too_large_message(total, quota) if total > quota else None

    def _require_room(self, text: str) -> None:
        message = self._room_for(text)
        if message is not None:  # the page adds its own full stop after a StorageError
            raise StorageError(message.removesuffix("."))

    def _merge_with(self, current: str | None, document: Document) -> Saved:
        try:
            theirs = decode(current, self.migrations)[0] if current else Document()
            base = decode(self.base, self.migrations)[0] if self.base else Document()
        except DocumentError as problem:
            raise DocumentError("Another tab saved data this tab cannot read "
                                f"({problem}); reload the page.") from None
        merged, conflicts = merge(base, document, theirs)
        return Saved(merged, tuple(conflicts), merged=True)

    def set_aside(self) -> str | None:
        """Move an unreadable document to a key of its own; return that key."""
        aside = self.keep_copy(SET_ASIDE_PREFIX)
        if aside is not None:
            self.backend.remove(self.key)
        self.blocked_by = None
        self.base = None
        return aside

    def replace_keeping_copy(self, document: Document) -> str | None:
        """Save `document` in place of the current one, keeping the current text first."""
        if self.blocked_by is not None:  # no copy either: nothing is being replaced
            raise DocumentError("The stored data could not be read; set it aside before "
                                "restoring a backup over it.")
        kept = self.keep_copy(BEFORE_RESTORE_PREFIX)
        try:
            self.save(document, merge=False)
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

    def forget_in_copies(self, account_key: str) -> list[str]:
        """Delete an account from every copy kept aside too (a restore's previous data, the
        last good copy), so forgetting it leaves nothing behind. Copies that cannot be read
        cannot be cleaned: their keys are returned when they may still hold it."""
        left = []
        keys = [k for k, _ in self.kept_copies()] + [self.last_good_key]
        for key in keys:
            raw = self.backend.get(key)
            if raw is None:
                continue
            try:
                document, _ = decode(raw)
            except DocumentError:
                if account_key in raw.casefold():
                    left.append(key)
                continue
            if any(a.key == account_key for a in document.accounts):
                self.backend.set(key, encode(document.without_account(account_key)))
        return left

    def _keep_pre_migration_copy(self, raw: str) -> None:
        try:
            version = stored_version(parse_json(raw))
            copy_key = f"{BEFORE_MIGRATION_PREFIX}{version}"
            if self.backend.get(copy_key) is None:
                self.backend.set(copy_key, raw)
        except (DocumentError, StorageError):
            pass  # the copy is a courtesy; the migrated document is still only in memory


def usage(store: Store) -> StorageUsage:
    """How much of the browser's storage the app's keys (and any other) take now."""
    return usage_of(store.backend)
