"""Where the document's text lives: a tiny key-value interface and an in-memory version.

The browser shell provides the localStorage version; tests and tools use MemoryStorage.
"""

from __future__ import annotations

from typing import Protocol


class Storage(Protocol):
    """Key-value text storage, as localStorage offers it."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None:
        """Store `value`, or raise StorageError and leave the old value as it was."""

    def remove(self, key: str) -> None: ...

    def keys(self) -> list[str]: ...


class MemoryStorage:
    """Storage in a dict, with an optional size limit to play a full browser."""

    def __init__(self, items: dict[str, str] | None = None, quota: int | None = None) -> None:
        self.items = dict(items or {})
        self.quota = quota

    def get(self, key: str) -> str | None:
        return self.items.get(key)

    def set(self, key: str, value: str) -> None:
        from ..errors import StorageError

        used = sum(len(k) + len(v) for k, v in self.items.items() if k != key)
        if self.quota is not None and used + len(key) + len(value) > self.quota:
            raise StorageError("storage is full")
        self.items[key] = value

    def remove(self, key: str) -> None:
        self.items.pop(key, None)

    def keys(self) -> list[str]:
        return list(self.items)
