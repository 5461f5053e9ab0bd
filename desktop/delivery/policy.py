"""The send-time re-check hook: the dispatcher asks it about each row right before sending.

The schedule module plugs quiet hours, days and frequency caps in here; delivery itself
only checks consent and the daily caps. ``recheck`` answers send / defer / skip / drop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

SEND, DEFER, SKIP, DROP = "send", "defer", "skip", "drop"


@dataclass(frozen=True)
class Decision:
    action: str
    reason: str = ""
    until: datetime | None = None       # for DEFER: the new due time
    deadline: datetime | None = None    # for SEND: an SMS must not arrive after this


def send(deadline: datetime | None = None) -> Decision:
    return Decision(SEND, deadline=deadline)


def defer(until: datetime, reason: str) -> Decision:
    return Decision(DEFER, reason=reason, until=until)


def skip(reason: str) -> Decision:
    return Decision(SKIP, reason=reason)


def drop(reason: str) -> Decision:
    return Decision(DROP, reason=reason)


class Policy(Protocol):
    """``recheck`` is required; a policy may also define ``after_sent(row, now)``, called once
    a row is recorded as sent (the rules use it for their "after sending" group changes)."""

    def recheck(self, row: Any, contact: dict[str, Any], now: datetime) -> Decision: ...
