"""The network summary a LinkedIn export import stores: counts only, never names or text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NetworkSummary:
    """The insights the import makes possible, as counts (rates are computed when shown)."""

    # connections added per calendar month ("2026-07") by seniority class (see seniority.py)
    connections_by_month: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    undated_connections: int = 0  # connections whose date could not be read
    invitations_sent: int = 0  # outgoing invitations in the export (recent ones only)
    invitations_accepted: int = 0  # ... whose invitee is now a connection
    conversations_started: int = 0  # conversations whose first message is the member's
    conversations_replied: int = 0  # ... in which someone else wrote after that
    # activity the member did, by weekday (Monday first): posts, comments, reactions,
    # votes, reposts, messages sent and invitations sent
    by_weekday: tuple[int, int, int, int, int, int, int] = (0, 0, 0, 0, 0, 0, 0)
