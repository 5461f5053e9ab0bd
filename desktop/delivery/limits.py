"""Per-channel pacing (messages per second / minute) and daily caps, with a warning when a
day's planned volume would pass the cap.

Pacing sleeps for real (a provider counts real seconds), through an injectable ``sleep`` and
``clock`` so the simulator can run without waiting. Days are the business's calendar days.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Callable
from zoneinfo import ZoneInfo

from desktop.messages import Msg, define
from desktop.timeutil import UTC, to_db

define({"cap_warning": (
    "{day}: partirebbero {total} {what} ma il limite giornaliero è {cap}; {wait} aspetteranno il giorno dopo",
    "{day}: {total} {what} would go out but the daily cap is {cap}; {wait} will wait for the next day")})

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

CAP_SETTINGS = {"email": "smtp.daily_cap", "sms": "sms.daily_cap"}


class RateLimiter:
    """At most ``per_second`` in any second and ``per_minute`` in any 60 s (sliding windows)."""

    def __init__(self, per_second: int | None = None, per_minute: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.windows = [(float(w), int(n), deque()) for w, n in ((1, per_second), (60, per_minute)) if n]
        self.clock, self.sleep = clock, sleep
        self.waited = 0.0

    def acquire(self, should_stop: Callable[[], bool] = lambda: False) -> bool:
        """Wait for room in every window; False (nothing taken) if ``should_stop`` says so
        while waiting — an engine stopping must not sit out a minute of pacing."""
        while True:
            if should_stop():
                return False
            now = self.clock()
            wait = 0.0
            for window, limit, stamps in self.windows:
                while stamps and stamps[0] <= now - window:
                    stamps.popleft()
                if len(stamps) >= limit:
                    wait = max(wait, stamps[0] + window - now)
            if wait <= 0:
                break
            self.waited += wait
            self.sleep(wait)
        stamp = self.clock()
        for _, _, stamps in self.windows:
            stamps.append(stamp)
        return True

    def limits(self) -> tuple[tuple[float, int], ...]:
        return tuple((w, n) for w, n, _ in self.windows)


@dataclass
class Limits:
    """One per engine, kept across batches and ticks: a rate limiter that forgot its recent
    sends at every batch of 100 let 100 e-mails into a minute capped at 60."""

    rates: dict[str, RateLimiter] = field(default_factory=dict)
    daily_caps: dict[str, int] = field(default_factory=dict)
    zone: str = "UTC"

    @classmethod
    def from_settings(cls, ws: "Workspace", *, clock: Callable[[], float] = time.monotonic,
                      sleep: Callable[[float], None] = time.sleep) -> "Limits":
        get = ws.settings.get
        return cls(
            rates={"email": RateLimiter(None, get("smtp.per_minute"), clock, sleep),
                   "sms": RateLimiter(get("sms.per_second"), get("sms.per_minute"), clock, sleep)},
            daily_caps={ch: int(get(key)) for ch, key in CAP_SETTINGS.items()},
            zone=get("business.timezone"))

    @classmethod
    def unlimited(cls) -> "Limits":
        return cls()

    def follow(self, fresh: "Limits") -> None:
        """Adopt changed settings; a limiter whose numbers did not change keeps its history."""
        for channel, limiter in fresh.rates.items():
            mine = self.rates.get(channel)
            if mine is None or mine.limits() != limiter.limits():
                if mine is not None:
                    limiter.clock, limiter.sleep = mine.clock, mine.sleep
                self.rates[channel] = limiter
        self.daily_caps, self.zone = fresh.daily_caps, fresh.zone

    def pace(self, channel: str, should_stop: Callable[[], bool] = lambda: False) -> bool:
        limiter = self.rates.get(channel)
        return limiter.acquire(should_stop) if limiter is not None else True

    def day_bounds(self, now: datetime) -> tuple[datetime, datetime]:
        """The business day containing ``now``, as UTC instants [start, end)."""
        zone = ZoneInfo(self.zone)
        local = now.astimezone(zone)
        start = datetime(local.year, local.month, local.day, tzinfo=zone)
        end_local = start + timedelta(days=1)
        end = datetime(end_local.year, end_local.month, end_local.day, tzinfo=zone)
        return start.astimezone(UTC), end.astimezone(UTC)

    def day_start_after(self, first: datetime, days: int) -> datetime:
        """The start of the business day ``days`` after the one starting at ``first`` (DST-safe)."""
        zone = ZoneInfo(self.zone)
        local = (first.astimezone(zone) + timedelta(hours=12)).date() + timedelta(days=days)
        return datetime(local.year, local.month, local.day, tzinfo=zone).astimezone(UTC)


def sent_between(ws: "Workspace", channel: str, start: datetime, end: datetime) -> int:
    """Messages that count against the cap: sent, plus those possibly sent."""
    low, high = to_db(start), to_db(end)
    # Two indexed counts: rows with a send time (ledger_sent_day, which covers the count), and
    # the few rows still in flight or uncertain without one (ledger_due on state).
    stamped = ws.db.execute(
        "SELECT count(*) FROM ledger WHERE channel = ? AND sent_at >= ? AND sent_at < ? "
        "AND sent_at IS NOT NULL AND +state IN ('sent', 'uncertain', 'sending')",  # "+": the day's range, not every sent row
        [channel, low, high]).fetchone()[0]
    unstamped = ws.db.execute(
        "SELECT count(*) FROM ledger WHERE state IN ('uncertain', 'sending') AND channel = ? "
        "AND sent_at IS NULL AND updated_at >= ? AND updated_at < ?", [channel, low, high]).fetchone()[0]
    return stamped + unstamped


@dataclass(frozen=True)
class CapWarning:
    channel: str
    day: str            # business-local date, YYYY-MM-DD
    planned: int
    already_sent: int
    cap: int

    @property
    def message(self) -> Msg:
        return Msg("cap_warning", {"day": self.day, "total": self.already_sent + self.planned,
                                   "what": Msg("emails") if self.channel == "email" else Msg("sms_messages"),
                                   "cap": self.cap, "wait": self.already_sent + self.planned - self.cap})


def cap_warnings(ws: "Workspace", now: datetime, days: int = 1) -> list[CapWarning]:
    """Days (from today) whose sent + planned volume passes a channel's daily cap."""
    limits = Limits.from_settings(ws)
    out: list[CapWarning] = []
    day_start, _ = limits.day_bounds(now)
    for offset in range(days):
        start, end = limits.day_bounds(day_start + timedelta(days=offset, hours=12))
        for channel, cap in limits.daily_caps.items():
            planned = ws.db.execute(
                "SELECT count(*) FROM ledger WHERE channel = ? AND state IN ('planned', 'deferred') "
                "AND due_at < ? AND (due_at >= ? OR ? = 0)",
                [channel, to_db(end), to_db(start), offset]).fetchone()[0]
            done = sent_between(ws, channel, start, end)
            if planned + done > cap:
                local_day = start.astimezone(ZoneInfo(limits.zone)).date().isoformat()
                out.append(CapWarning(channel, local_day, planned, done, cap))
    return out
