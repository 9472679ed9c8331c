"""Backups: everything the app stores, as one JSON file a person can keep and restore.

A backup is the stored document itself, pretty-printed and labelled, so any backup is also
a valid document: restoring runs the same migrations and checks as loading, which means an
older backup is upgraded and one from a newer version is refused with a clear message.
Restoring a backup in place of the data brings back everything in it, post analytics and
target accounts too; merging one into the data adds its post analytics as well
(`with_backup_posts`) and the accounts it holds that the data does not (`with_backup_accounts`:
for a company both hold, the account here is kept as it is, and the merge says which).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from json import dumps

from ..errors import CorruptDocument
from ..model import Account, Document, PostAnalytics
from .codec import data_to_document, document_to_data, parse_json
from .concurrent import merge_posts
from .migrations import migrate

BACKUP_LABEL = "ssi-coach backup"
MAX_BACKUP_BYTES = 5_000_000  # far above years of check-ins; stops a wrong file early


def backup_text(document: Document) -> str:
    data = {"backup_of": BACKUP_LABEL, **document_to_data(document)}
    return dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_backup(data: bytes | str) -> Document:
    """The document in a backup file; raises a DocumentError subclass saying what is wrong."""
    if len(data) > MAX_BACKUP_BYTES:
        raise CorruptDocument("This file is too large to be an ssi-coach backup.")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CorruptDocument("This file is not text, so it is not an ssi-coach backup.") \
                from None
    parsed = parse_json(data)
    if "checkins" not in parsed and "schema_version" not in parsed:
        raise CorruptDocument("This JSON file is not an ssi-coach backup (it has no check-ins).")
    parsed.pop("backup_of", None)
    migrated, _ = migrate(parsed)
    return data_to_document(migrated)


def with_backup_posts(current: Document, backup: Document) -> Document:
    """`current` also holding the backup's post analytics, merged as two tabs' imports are
    (see concurrent.merge_posts): each day from the newer export, every export's snapshot and
    every single post kept, `current`'s where both hold the same one. A merge never drops
    post analytics either side holds; with none in the backup, `current` is returned."""
    merged = merge_posts(PostAnalytics(), current.posts, backup.posts)
    return current if merged == current.posts else current.with_posts(merged)


@dataclass(frozen=True)
class AccountsMerged:
    """What merging a backup's accounts did: the document, the companies added from the
    backup, and those both held where the backup's account differs from the one here,
    which was kept as it is (the backup's version was not used)."""

    document: Document
    added: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


def with_backup_accounts(current: Document, backup: Document) -> AccountsMerged:
    """`current` also holding the backup's accounts for companies it does not have, after
    its own, in the backup's order. For a company both hold, `current`'s account stays as it
    is, people and all: a merge never changes an account the member has here."""
    added: list[Account] = []
    kept: list[str] = []
    for account in backup.accounts:
        here = current.account(account.company)
        if here is None:
            added.append(account)
        elif here != account:
            kept.append(here.company)
    if not added:
        return AccountsMerged(current, kept=tuple(kept))
    document = replace(current, accounts=(*current.accounts, *added))
    return AccountsMerged(document, tuple(a.company for a in added), tuple(kept))
