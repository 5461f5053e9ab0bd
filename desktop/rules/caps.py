"""Frequency caps across all rules: at most N marketing messages per contact per period.

A send over the cap is deferred to the moment the cap allows it; if that is past its expiry
it is dropped — with a ledger row and a reason, never silently (Klaviyo's silent drops are
what we avoid).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop.timeutil import from_db, to_db

# Ledger states that occupy a slot: what went out, may have gone out, or is booked to go out.
OCCUPYING = ("planned", "sending", "sent", "uncertain", "deferred")


@dataclass(frozen=True)
class Cap:
    channel: str
    limit: int
    period: timedelta
    expiry: timedelta

    def describe(self) -> str:
        days = self.period.days
        unit = "day" if days == 1 else f"{days} days" if days != 7 else "week"
        noun = "e-mails" if self.channel == "email" else "SMS"
        return f"frequency cap: {self.limit} {noun} per {unit}"


def caps_from_settings(settings: Any) -> dict[str, Cap]:
    expiry = timedelta(days=int(settings.get("caps.expiry_days")))
    caps = {}
    weekly = int(settings.get("caps.email_per_week"))
    if weekly > 0:
        caps["email"] = Cap("email", weekly, timedelta(days=7), expiry)
    daily = int(settings.get("caps.sms_per_day"))
    if daily > 0:
        caps["sms"] = Cap("sms", daily, timedelta(days=1), expiry)
    return caps


def _slots(db: Any, cap: Cap, contact_id: int, low: datetime, high: datetime,
           exclude_id: int | None) -> list[datetime]:
    marks = ", ".join("?" for _ in OCCUPYING)
    rows = db.execute(
        f"SELECT coalesce(sent_at, due_at) AS slot FROM ledger WHERE contact_id = ? AND channel = ? "
        f"AND marketing = 1 AND state IN ({marks}) AND id IS NOT ? "
        f"AND coalesce(sent_at, due_at) > ? AND coalesce(sent_at, due_at) <= ? ORDER BY slot",
        [contact_id, cap.channel, *OCCUPYING, exclude_id, to_db(low), to_db(high)],
    ).fetchall()
    return [from_db(r[0]) for r in rows]


def next_allowed(db: Any, cap: Cap, contact_id: int, at: datetime,
                 exclude_id: int | None = None) -> datetime | None:
    """``None`` if a send at ``at`` fits the cap, else the first instant at which it would.

    The window is sliding: at most ``limit`` sends in any ``period``. Sends already booked
    after ``at`` count too, so planning never overfills a later window.
    """
    candidate = at
    for _ in range(cap.limit + 8):
        slots = _slots(db, cap, contact_id, candidate - cap.period, candidate + cap.period, exclude_id)
        before = [s for s in slots if s <= candidate]
        after = [s for s in slots if s > candidate]
        if len(before) < cap.limit and _fits_after(before, after, candidate, cap):
            return None if candidate == at else candidate
        # Move past the slot whose expiry frees room, then re-check the new position.
        blocking = before[len(before) - cap.limit] if len(before) >= cap.limit else after[0]
        candidate = max(candidate, blocking + cap.period)
    return candidate


def _fits_after(before: list[datetime], after: list[datetime], at: datetime, cap: Cap) -> bool:
    """Adding ``at`` must not push any window that ends after it over the limit."""
    timeline = sorted([*before, at, *after])
    for i, start in enumerate(timeline):
        inside = [t for t in timeline[i:] if t < start + cap.period]
        if len(inside) > cap.limit:
            return False
    return True
