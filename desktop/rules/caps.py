"""Frequency caps across all rules: at most N marketing messages per contact per period.

A send over the cap is deferred to the moment the cap allows it; if that is past its expiry
it is dropped — with a ledger row and a reason, never silently (Klaviyo's silent drops are
what we avoid).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Iterable

from desktop.ledger import OCCUPYING as _OCCUPYING
from desktop.messages import Msg, define
from desktop.timeutil import from_db, to_db

# Ledger states that occupy a slot (as plain strings: they are SQL parameters).
OCCUPYING = tuple(s.value for s in _OCCUPYING)
define({
    "per_day": ("giorno", "day"), "per_week": ("settimana", "week"),
    "per_days": ("{days} giorni", "{days} days"),
    "emails": ("e-mail", "e-mails"), "sms_messages": ("SMS", "SMS"),
})


@dataclass(frozen=True)
class Cap:
    channel: str
    limit: int
    period: timedelta
    expiry: timedelta

    def describe(self, dropped: bool = False, until: datetime | None = None) -> Msg:
        """The reason a send waits (or, ``dropped``, is dropped: no room before ``until``)."""
        days = self.period.days
        unit = Msg("per_day") if days == 1 else Msg("per_week") if days == 7 else Msg("per_days", {"days": days})
        noun = Msg("emails") if self.channel == "email" else Msg("sms_messages")
        params = {"limit": self.limit, "what": noun, "period": unit}
        if dropped and until is not None:
            return Msg("frequency_cap_no_room", {**params, "until": to_db(until)})
        return Msg("frequency_cap_dropped" if dropped else "frequency_cap", params)


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


_MARKS = ", ".join("?" for _ in OCCUPYING)
_SLOT = "coalesce(sent_at, due_at)"


def occupied_slots(db: Any, cap: Cap, contact_id: int, since: datetime,
                   exclude_id: int | None = None) -> list[datetime]:
    """One contact's occupied slots after ``since`` (sorted), leaving out row ``exclude_id``."""
    rows = db.execute(
        f"SELECT {_SLOT} AS slot FROM ledger WHERE contact_id = ? AND channel = ? "
        f"AND marketing = 1 AND state IN ({_MARKS}) AND id IS NOT ? AND {_SLOT} > ? ORDER BY slot",
        [contact_id, cap.channel, *OCCUPYING, exclude_id, to_db(since)],
    ).fetchall()
    return [from_db(r[0]) for r in rows]


def slot_rows(db: Any, cap: Cap, contact_ids: Iterable[int], since: datetime) -> list[tuple[int, datetime, int]]:
    """(contact, slot, ledger id) for every occupied slot after ``since`` of many contacts, in
    one query, sorted by contact and slot."""
    return [(contact_id, from_db(slot), row_id) for contact_id, slot, row_id in db.execute(
        f"SELECT l.contact_id, {_SLOT} AS slot, l.id FROM json_each(?) AS j JOIN ledger AS l "
        f"ON l.contact_id = j.value AND l.channel = ? AND l.marketing = 1 AND l.state IN ({_MARKS}) "
        f"AND {_SLOT} > ? ORDER BY l.contact_id, slot",
        [json.dumps(sorted(set(contact_ids))), cap.channel, *OCCUPYING, to_db(since)])]


def slots_by_contact(db: Any, cap: Cap, contact_ids: Iterable[int], since: datetime) -> dict[int, list[datetime]]:
    """Every occupied slot after ``since`` for many contacts in one query (a check that books
    40,000 sends asks once, not 40,000 times); contacts with none are absent."""
    out: dict[int, list[datetime]] = {}
    for contact_id, slot, _ in slot_rows(db, cap, contact_ids, since):
        out.setdefault(contact_id, []).append(slot)
    return out


def first_fit(slots: list[datetime], cap: Cap, at: datetime) -> datetime | None:
    """``None`` if a send at ``at`` fits among ``slots`` (sorted, every occupied slot after
    ``at - period``), else the first instant at which it would.

    The window is sliding: at most ``limit`` sends in any ``period``. Sends already booked
    after ``at`` count too, so planning never overfills a later window.
    """
    candidate = at
    for _ in range(cap.limit + 8):
        low, high = candidate - cap.period, candidate + cap.period
        before = [s for s in slots if low < s <= candidate]
        after = [s for s in slots if candidate < s <= high]
        if len(before) < cap.limit and _fits_after(before, after, candidate, cap):
            return None if candidate == at else candidate
        # Move past the slot whose expiry frees room, then re-check the new position.
        blocking = before[len(before) - cap.limit] if len(before) >= cap.limit else after[0]
        candidate = max(candidate, blocking + cap.period)
    return candidate


def _fits_after(before: list[datetime], after: list[datetime], at: datetime, cap: Cap) -> bool:
    """Adding ``at`` must not push any window that ends after it over the limit."""
    if len(before) + len(after) < cap.limit:
        return True  # fewer than the limit in the whole span: nothing can overflow
    timeline = sorted([*before, at, *after])
    for i, start in enumerate(timeline):
        inside = [t for t in timeline[i:] if t < start + cap.period]
        if len(inside) > cap.limit:
            return False
    return True
