"""The send-time re-check hook: the dispatcher asks it about each row right before sending.

The schedule module plugs quiet hours, days and frequency caps in here; delivery itself
only checks consent and the daily caps. ``recheck`` answers send / defer / skip / drop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from desktop.messages import Msg

SEND, DEFER, SKIP, DROP = "send", "defer", "skip", "drop"
# The policy hook is always there: the tick builds it; there is no "no policy" dispatch.


@dataclass(frozen=True)
class Decision:
    action: str
    reason: Msg | None = None
    until: datetime | None = None       # for DEFER: the new due time
    deadline: datetime | None = None    # for SEND: an SMS must not arrive after this


def send(deadline: datetime | None = None) -> Decision:
    return Decision(SEND, deadline=deadline)


def defer(until: datetime, reason: Msg) -> Decision:
    return Decision(DEFER, reason=reason, until=until)


def skip(reason: Msg) -> Decision:
    return Decision(SKIP, reason=reason)


def drop(reason: Msg) -> Decision:
    return Decision(DROP, reason=reason)


class Policy(Protocol):
    """``recheck`` answers for each row right before it goes out; ``after_sent`` is called
    once a row is recorded as sent (the rules' "after sending" group changes)."""

    def recheck(self, row: Any, contact: dict[str, Any], now: datetime) -> Decision: ...

    def after_sent(self, row: Any, now: datetime) -> None: ...

    def prefetch(self, rows: list[Any]) -> None: ...
