"""Named, ordered migrations: schema version N means the first N have been applied.

A document without `schema_version` is version 0. To change the format, append a migration;
never edit or reorder one that has shipped, since stored data in browsers depends on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import CorruptDocument, NewerSchemaVersion

Data = dict[str, Any]


@dataclass(frozen=True)
class Migration:
    name: str
    upgrade: Callable[[Data], Data]


def _create_checkins(data: Data) -> Data:
    """v1: the document holds a list of check-ins."""
    data.setdefault("checkins", [])
    return data


def _add_people(data: Data) -> Data:
    """v2: other people's shared reports the member kept, each with its own check-ins."""
    data.setdefault("people", [])
    return data


def _add_activity(data: Data) -> Data:
    """v3: weekly activity logs (missing counts stay absent), the profile checklist, and the
    member's what-if plan and goal (null until set)."""
    data.setdefault("weeks", [])
    for name in ("checklist", "plan", "goal"):
        data.setdefault(name, None)
    return data


def _add_imports(data: Data) -> Data:
    """v4: activity imported from LinkedIn exports, kept apart from typed weeks; per week,
    which source wins when both logged it (absent: typed); the last import's network
    summary and the day its export ends (null until an import)."""
    data.setdefault("imported", [])
    data.setdefault("week_sources", {})
    for name in ("network", "imported_on"):
        data.setdefault(name, None)
    return data


def _add_held_fit(data: Data) -> Data:
    """v5: the calibration fit the Coach shows, with the check-ins it was fitted on (null
    until there is one), so it is refitted only when they change, across reloads and tabs."""
    data.setdefault("held_fit", None)
    return data


def _add_peers(data: Data) -> Data:
    """v6: a check-in may hold the pillar averages of the member's industry and network peers
    (`industry_peers`, `network_peers`: objects of the four pillars), the page's weekly status
    lines (`industry_status`, `network_status`) and events (`events`: a list of keys). All are
    optional and absent means "not given", so old check-ins need no change. The version is
    what counts: an older ssi-coach refuses a v6 document as newer than itself, instead of
    loading it and dropping the new fields at its next save."""
    return data


def _add_posts(data: Data) -> Data:
    """v7: what the member's LinkedIn post analytics workbooks said (`posts`: merged days as
    columns, one snapshot per export window, single posts; see posts_codec.py). Absent or
    empty means no post analytics, so nothing older needs a change; the version makes an
    older ssi-coach refuse the document instead of dropping the posts at its next save."""
    data.setdefault("posts", {})
    return data


def _add_accounts(data: Data) -> Data:
    """v8: the member's target accounts and the people mapped in each (`accounts`: a list of
    records; see accounts_codec.py). Empty means none, so nothing older needs a change; the
    version makes an older ssi-coach refuse the document instead of dropping the accounts at
    its next save."""
    data.setdefault("accounts", [])
    return data


def _add_team(data: Data) -> Data:
    """v9: what a coach keeps about the team: per person a target (`target`), segment tags
    (`tags`) and the weekly activity their share link carried (`activity`), and the whole
    team's target (`team_target`, null until set). People stored from now on keep their
    check-ins as columns (see team_codec.py); the lists of records stored before are read as
    they are, so nothing older needs a change, and the version makes an older ssi-coach
    refuse the document instead of dropping targets, tags and activity at its next save."""
    data.setdefault("team_target", None)
    return data


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_create_checkins", _create_checkins),
    Migration("0002_add_people", _add_people),
    Migration("0003_add_activity", _add_activity),
    Migration("0004_add_imports", _add_imports),
    Migration("0005_add_held_fit", _add_held_fit),
    Migration("0006_add_peers", _add_peers),
    Migration("0007_add_posts", _add_posts),
    Migration("0008_add_accounts", _add_accounts),
    Migration("0009_add_team", _add_team),
)


def schema_version(migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    return len(migrations)


def stored_version(data: Data) -> int:
    version = data.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise CorruptDocument(f"The data format version {version!r} is not a version number.")
    return version


def migrate(data: Data, migrations: tuple[Migration, ...] = MIGRATIONS) -> tuple[Data, list[str]]:
    """Bring `data` up to the newest version; return it and the names of migrations applied."""
    version = stored_version(data)
    if version > len(migrations):
        raise NewerSchemaVersion(version, len(migrations))
    applied = []
    for index in range(version, len(migrations)):
        migration = migrations[index]
        data = migration.upgrade(dict(data))
        data["schema_version"] = index + 1
        applied.append(migration.name)
    return data, applied
