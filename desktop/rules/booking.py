"""Writing a check's sends into the ledger: when each goes out, what the frequency cap does to
it, and the rows themselves.

A check that matches 40,000 contacts writes its rows with one ``executemany``. The rule's
query already leaves out what the ledger holds, so every row is expected to be new; if one
is not (a birthday whose year the recipient's own calendar moved, a row another process
wrote first), the batch is undone and the check is booked again row by row, which counts
exactly what was already there.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.events import PAYLOAD_JSON
from desktop.messages import Msg, define
from desktop.rules.caps import Cap, first_fit, slots_by_contact
from desktop.rules.model import Rule
from desktop.schedule import BusinessDefaults, Schedule, send_time
from desktop.timeutil import to_db

define({"anniversary_too_late": (
    "troppo tardi per una ricorrenza: il primo orario consentito è dopo il {until} UTC",
    "too late for an anniversary: the first allowed time is after {until} UTC")})

INSERT_LEDGER = (
    "INSERT OR IGNORE INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
    "expires_at, reason, marketing, payload, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


@dataclass
class Booking:
    """One ledger row this check wrote (what the simulator shows as a planned send)."""

    contact_id: int
    occurrence: str
    state: str
    due_at: datetime
    zone: str
    reason: Msg | None = None


@dataclass
class Tally:
    """What booking a check's sends wrote (a check's result extends it)."""

    planned: int = 0
    deferred_by_cap: int = 0
    dropped_by_cap: int = 0
    already: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason (Msg) -> count, nothing booked
    skipped_contacts: list[tuple[int, Msg]] = field(default_factory=list)  # (contact, reason)
    bookings: list[Booking] = field(default_factory=list)

    def add(self, booking: Booking) -> None:
        if booking.state == "planned":
            self.planned += 1
        elif booking.state == "deferred":
            self.deferred_by_cap += 1
        else:
            self.dropped_by_cap += 1
        self.bookings.append(booking)

    def take(self, other: "Tally") -> None:
        """Adopt ``other``'s booking counts (the attempt that stood)."""
        for name in Tally.__dataclass_fields__:
            setattr(self, name, getattr(other, name))


class _Taken(Exception):
    """A batched row met one already in the ledger."""


def ledger_values(rule: Rule, rule_id: int, contact_id: int, occurrence: str, state: str, now: datetime,
                  due: datetime, payload: dict, reason: Msg | None = None,
                  expires: datetime | None = None) -> tuple:
    return (rule_id, contact_id, occurrence, rule.channel, state, to_db(now), to_db(due),
            to_db(expires) if expires else None, reason.encode() if reason else None, int(rule.marketing),
            PAYLOAD_JSON.encode(payload) if payload else "{}", to_db(now))


def event_payload(db: Any, event_id: int | None) -> dict[str, Any]:
    """The triggering event (a cart, a purchase) as the template sees it: ``event.*``."""
    if event_id is None:
        return {}
    row = db.execute("SELECT type, ref, amount, occurred_at, payload FROM events WHERE id = ?",
                     [event_id]).fetchone()
    if row is None:
        return {}
    event = json.loads(row[4] or "{}")
    event.update({"type": row[0], "ref": row[1], "amount": row[2], "occurred_at": row[3]})
    return {"event": event}


def book_sends(ws: Any, rule: Rule, rule_id: int, schedule: Schedule, business: BusinessDefaults,
               cap: Cap | None, matched: list[tuple[int, str, int | None, str]], now: datetime,
               deadlines: dict[tuple[int, str], datetime] | None = None) -> Tally:
    """Book ``matched`` (contact, occurrence, event, zone) rows; returns what was written.

    ``deadlines`` (contact, occurrence) -> the instant a send is too late (an anniversary
    wished at most a day late): one that cannot go out before it is skipped, and the rest
    carry it as their expiry, so the dispatcher drops one that is held back past it."""
    deadlines = deadlines or {}
    try:
        with ws.transaction():  # a savepoint: a batch that meets an existing row is undone
            return _book(ws, rule, rule_id, schedule, business, cap, matched, now, deadlines, batched=True)
    except _Taken:
        return _book(ws, rule, rule_id, schedule, business, cap, matched, now, deadlines, batched=False)


def _book(ws: Any, rule: Rule, rule_id: int, schedule: Schedule, business: BusinessDefaults,
          cap: Cap | None, matched: list[tuple[int, str, int | None, str]], now: datetime,
          deadlines: dict[tuple[int, str], datetime], batched: bool) -> Tally:
    tally = Tally()
    # The cap's occupied slots for everyone matched, read once inside the check's transaction
    # (which holds the write lock) and kept up to date as this check books.
    slots = slots_by_contact(ws.db, cap, (m[0] for m in matched), now - cap.period) if cap and matched else {}
    decisions: dict[str, Any] = {}  # zone -> send_time decision: the same for everyone in a zone
    pending: list[tuple] = []
    for contact_id, occurrence, event_id, zone in matched:
        decision = decisions.get(zone)
        if decision is None:
            decision = decisions[zone] = send_time(schedule, zone, now, business=business)
        if decision.at is None:
            reason = decision.reason or Msg("sched_not_allowed")
            tally.skipped[reason] += 1
            tally.skipped_contacts.append((contact_id, reason))
            continue
        due, state, reason = decision.at, "planned", decision.reason
        expires = deadlines.get((contact_id, occurrence))
        if expires is not None and due >= expires:
            late = Msg("anniversary_too_late", {"until": to_db(expires)})
            tally.skipped[late] += 1
            tally.skipped_contacts.append((contact_id, late))
            continue
        if cap is not None:
            expires = min(expires, now + cap.expiry) if expires else now + cap.expiry
            later = first_fit(slots.get(contact_id, []), cap, due)
            if later is not None:
                retimed = send_time(schedule, zone, later, business=business).at
                if retimed is None or retimed > expires:
                    state, reason = "dropped", cap.describe(dropped=True, until=expires)
                else:
                    state, due, reason = "deferred", retimed, cap.describe()
        values = ledger_values(rule, rule_id, contact_id, occurrence, state, now, due,
                               event_payload(ws.db, event_id), reason, expires)
        if batched:
            pending.append(values)
        elif ws.db.conn.execute(INSERT_LEDGER, values).rowcount != 1:
            tally.already += 1
            continue
        if cap is not None and state != "dropped":
            bisect.insort(slots.setdefault(contact_id, []), due)
        tally.add(Booking(contact_id, occurrence, state, due, zone, reason))
    if pending and ws.db.conn.executemany(INSERT_LEDGER, pending).rowcount != len(pending):
        raise _Taken()
    return tally
