"""How much of the browser's storage the app uses, and whether a save would still fit.

Browsers give a site about 5 MB of localStorage (Chrome, Edge, Firefox and Safari all hold
about 5 million characters of keys and values) and refuse a write beyond it. Store.save
already changes nothing when the browser refuses; this says so before trying, in words the
member can act on, and gives the figures for the Data section. A backend that knows its own
limit (MemoryStorage in tests: `quota`) is measured against it; any other against the
estimate. Sizes are characters of keys and values, as the browsers count them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .backends import Storage

QUOTA_ESTIMATE = 5 * 1024 * 1024  # characters: Chrome's and Firefox's limit; Safari's is 5 MB
MEGA = 1_000_000


@dataclass(frozen=True)
class StorageUsage:
    """Characters stored under every key, the limit they count against, and the share of it
    used (0.0 to 1.0 or a little over when the limit is an underestimate)."""

    used_chars: int
    quota_estimate: int
    share: float


def quota_of(backend: Storage) -> int:
    quota = getattr(backend, "quota", None)
    return quota if isinstance(quota, int) and quota > 0 else QUOTA_ESTIMATE


def used_chars(backend: Storage, *, except_key: str | None = None) -> int:
    """The characters of every key and value stored, but `except_key`'s."""
    total = 0
    for key in backend.keys():  # noqa: SIM118 - a Storage, not a dict
        value = backend.get(key) if key != except_key else None
        if value is not None:
            total += len(key) + len(value)
    return total


def usage_of(backend: Storage) -> StorageUsage:
    used, quota = used_chars(backend), quota_of(backend)
    return StorageUsage(used, quota, used / quota)


def after_writing(backend: Storage, key: str, text: str) -> int:
    """What everything stored would take with `text` written under `key`."""
    return used_chars(backend, except_key=key) + len(key) + len(text)


def too_large_message(total: int, quota: int) -> str:
    return (f"This would take the stored data to {total / MEGA:.1f} MB, above what this "
            f"browser allows (about {quota / MEGA:.0f} MB); nothing was saved — remove people "
            "or download a backup first.")
