"""Does a booked send still match its rule, right before it goes out?

A reminder booked at 23:30 for 08:00 (quiet hours) must not go out if the cart was bought at
07:30, the contact left the audience, a field condition stopped holding or consent changed.
The rule's own compiled conditions are run again for the contacts about to be sent to, at
the send time, over a window that starts where the booking check's window started and ends
now: what the booking check saw is still inside it, and whatever happened since (a purchase,
a newer cart update, an unsubscribe) counts.

A page of due rows is answered with one query per rule (``c.id IN (...)``), remembered for
a minute, so the check costs a few queries per dispatch rather than one per message.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Iterable

from desktop.rules.engine import eval_zone, group_ids, rule_schedule
from desktop.rules.clock import EvalClock
from desktop.rules.conditions import occurrence_driver
from desktop.rules.model import Rule
from desktop.rules.sql import compile_rule
from desktop.schedule import BusinessDefaults
from desktop.timeutil import from_db, to_db

FRESH_FOR = timedelta(minutes=1)
CHUNK = 500


class Rematch:
    def __init__(self, ws: Any, business: BusinessDefaults) -> None:
        self._ws = ws
        self._business = business
        self._page: dict[int, dict[int, str]] = {}          # rule -> {contact: earliest matched_at}
        self._known: dict[int, tuple[datetime, set[tuple[int, str]], set[int]]] = {}

    def prefetch(self, rows: Iterable[Any]) -> None:
        """The dispatcher's next page: who will be asked about (nothing is queried yet)."""
        self._page.clear()
        self._known.clear()
        for row in rows:
            mine = self._page.setdefault(row.rule_id, {})
            mine[row.contact_id] = min(mine.get(row.contact_id, row.matched_at), row.matched_at)

    def still_matches(self, rule: Rule, row: Any, now: datetime) -> bool:
        known = self._known.get(row.rule_id)
        if known is None or not known[0] <= now < known[0] + FRESH_FOR or row.contact_id not in known[2]:
            page = self._page.get(row.rule_id) or {}
            page.setdefault(row.contact_id, row.matched_at)
            known = self._known[row.rule_id] = (now, *self._evaluate(rule, row.rule_id, page, now))
        _, pairs, _ = known
        if rule.resend["policy"] == "per_occurrence" and occurrence_driver(rule.conditions) is not None:
            return (row.contact_id, row.occurrence) in pairs  # this purchase, this cart update
        return any(c == row.contact_id for c, _ in pairs)

    def _evaluate(self, rule: Rule, rule_id: int, page: dict[int, str], now: datetime
                  ) -> tuple[set[tuple[int, str]], set[int]]:
        schedule = rule_schedule(rule, self._business)
        earliest = from_db(min(page.values())) if page else now
        window_start = min(self._window_start(rule_id, earliest), now)
        clock = EvalClock(now=now, window_start=window_start, zone=eval_zone(schedule, self._business),
                          spread_days=1 if schedule.timezone.mode == "recipient" else 0)
        fields, groups = self._ws.fields.all(), group_ids(self._ws.db)
        ids = sorted(page)
        pairs: set[tuple[int, str]] = set()
        for at in range(0, len(ids), CHUNK):
            chunk = ids[at:at + CHUNK]
            compiled = compile_rule(rule, fields=fields, group_ids=groups, clock=clock, rule_id=rule_id,
                                    ignore_resend=True, contact_ids=chunk)
            pairs.update((r[0], r[1]) for r in self._ws.db.execute(compiled.sql, compiled.params))
        return pairs, set(ids)

    def _window_start(self, rule_id: int, matched_at: datetime) -> datetime:
        """Where the booking check's window began (its row in the rule's history)."""
        row = self._ws.db.execute(
            "SELECT window_start FROM rule_checks WHERE rule_id = ? AND checked_at <= ? "
            "AND window_start IS NOT NULL ORDER BY checked_at DESC LIMIT 1",
            [rule_id, to_db(matched_at)]).fetchone()
        return from_db(row[0]) if row and row[0] else matched_at - timedelta(days=1)
