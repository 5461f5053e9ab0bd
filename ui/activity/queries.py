"""The reads and the one write behind the Activity page, run on the worker by ``ui.ops``.

Ledger rows are paged newest first by ``id`` keyset (``id < last``), so page 100 costs what
page 1 costs. Marking an ``uncertain`` row mirrors what the dispatcher would have written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop.errors import InputError
from desktop.schedule import business_defaults
from desktop.timeutil import to_db
from ui.ops import OpContext

STATES = ("planned", "deferred", "sending", "sent", "failed", "skipped", "dropped", "uncertain", "applied")
PAGE = 200


@dataclass(frozen=True)
class ActivityFilter:
    states: tuple[str, ...] = ()        # empty: every state
    rule_id: int | None = None
    since: date | None = None           # local dates in the business zone, both included
    until: date | None = None

    def clause(self, zone: str) -> tuple[str, list[Any]]:
        parts, params = ["1"], []
        if self.states:
            unknown = set(self.states) - set(STATES)
            if unknown:
                raise InputError(f"unknown ledger state {sorted(unknown)[0]!r}", "state")
            parts.append(f"l.state IN ({', '.join('?' for _ in self.states)})")
            params += list(self.states)
        if self.rule_id is not None:
            parts.append("l.rule_id = ?")
            params.append(self.rule_id)
        tz = ZoneInfo(zone)
        if self.since is not None:
            parts.append("l.updated_at >= ?")
            params.append(to_db(datetime.combine(self.since, time(0), tzinfo=tz)))
        if self.until is not None:
            parts.append("l.updated_at < ?")
            params.append(to_db(datetime.combine(self.until + timedelta(days=1), time(0), tzinfo=tz)))
        return " AND ".join(parts), params


@dataclass(frozen=True)
class LedgerRow:
    id: int
    updated_at: str
    rule: str
    contact: str
    channel: str
    state: str
    reason: str
    provider_id: str
    due_at: str


def activity_context(c: OpContext) -> dict[str, Any]:
    """Rules for the filter, the business zone, uncertain rows and the last check errors."""
    db = c.ws.db
    return {
        "rules": [(r[0], r[1]) for r in db.execute("SELECT id, name FROM rules ORDER BY name COLLATE NOCASE")],
        "zone": business_defaults(c.ws.settings).zone,
        "uncertain": db.execute("SELECT count(*) FROM ledger WHERE state = 'uncertain'").fetchone()[0],
        "errors": rule_errors(c),
    }


def rule_errors(c: OpContext, limit: int = 20) -> list[tuple[str, str, str]]:
    """(checked_at, rule, error) of the latest failed rule checks."""
    return [(r[0], r[1], r[2]) for r in c.ws.db.execute(
        "SELECT k.checked_at, r.name, k.error FROM rule_checks k JOIN rules r ON r.id = k.rule_id "
        "WHERE k.error IS NOT NULL ORDER BY k.checked_at DESC, k.id DESC LIMIT ?", [limit])]


def ledger_page(c: OpContext, flt: ActivityFilter, zone: str, before_id: int | None = None,
                limit: int = PAGE) -> list[LedgerRow]:
    where, params = flt.clause(zone)
    if before_id is not None:
        where += " AND l.id < ?"
        params.append(before_id)
    rows = c.ws.db.execute(
        "SELECT l.id, l.updated_at, coalesce(r.name, ''), "
        "coalesce(NULLIF(trim(coalesce(k.first_name, '') || ' ' || coalesce(k.last_name, '')), '') || ' <' || "
        "CASE l.channel WHEN 'sms' THEN coalesce(k.phone, '') ELSE coalesce(k.email, k.phone, '') END || '>', "
        "CASE l.channel WHEN 'sms' THEN k.phone ELSE coalesce(k.email, k.phone) END, ''), "
        "l.channel, l.state, coalesce(l.reason, ''), coalesce(l.provider_id, ''), l.due_at "
        "FROM ledger l LEFT JOIN rules r ON r.id = l.rule_id LEFT JOIN contacts k ON k.id = l.contact_id "
        f"WHERE {where} ORDER BY l.id DESC LIMIT ?", [*params, limit]).fetchall()
    return [LedgerRow(*row) for row in rows]


def mark_uncertain(c: OpContext, ids: list[int], state: str, now: datetime) -> int:
    """Settle rows as the user found them, through the ledger (``LedgerStore.settle``):
    ``sent`` (counted like a send), ``failed``, ``skipped`` (cancel) or ``planned`` (send again)."""
    from desktop.delivery.outbox import LedgerStore
    from desktop.ledger import State, TransitionError

    try:
        target = State(state)
    except ValueError:
        raise InputError(f"a message can be marked sent, failed, skipped or planned, not {state!r}", "state") from None
    store, changed = LedgerStore(c.ws), 0
    for ledger_id in ids:
        try:
            changed += store.settle(ledger_id, target, now)
        except TransitionError as exc:
            raise InputError(str(exc), "state") from None
    return changed
