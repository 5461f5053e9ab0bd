"""Driving the engine's one tick from tests, as ``dispatch`` and ``run-once`` do."""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any, Callable, Mapping

from desktop.delivery.limits import Limits
from desktop.messages import Msg, text
from desktop.service.tick import Tick


def tick_for(ws: Any, now: datetime, channels: Mapping[str, Any], *, limits: Limits | None = None,
             clock: Callable[[], datetime] | None = None, store: Any = None) -> Tick:
    guard = threading.RLock()
    return Tick(ws, clock=clock or (lambda: now), channels=lambda _ws: channels,
                limits=limits if limits is not None else Limits.from_settings(ws), lock=lambda: guard, store=store)


def dispatch(ws: Any, now: datetime, *, channels: Mapping[str, Any], limits: Limits | None = None,
             clock: Callable[[], datetime] | None = None, max_messages: int | None = None) -> Any:
    """What ``main.py dispatch`` does: start (recover ``sending``), then one dispatch."""
    tick = tick_for(ws, now, channels, limits=limits, clock=clock)
    recovered = tick.start(now)
    summary = tick.dispatch(now, max_messages=max_messages)
    summary.recovered_uncertain = recovered
    return summary


def words(stored: str | Msg | None) -> str:
    """A stored reason in English, for assertions on what a person reads."""
    return text(stored, "en")
