"""A virtual clock that pacing moves forward: the engine's real assembly, without real waits."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest


class VirtualClock:
    """``now()`` for the engine, ``monotonic()`` and ``sleep()`` for its rate limiter: waiting
    for the provider's pace moves this clock, exactly as real time would move."""

    def __init__(self, start: datetime) -> None:
        self.at = start
        self._start = start

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return (self.at - self._start).total_seconds()

    def sleep(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture
def virtual():
    return VirtualClock
