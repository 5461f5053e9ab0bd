"""Does a booked send still match its rule, right before it goes out?

A reminder booked at 23:30 for 08:00 (quiet hours) must not go out if the cart was bought at
07:30, the contact left the audience, a field condition stopped holding or consent changed.
The rule's own compiled conditions are run again for the contacts about to be sent to, at
the send time, over a window that starts where the booking check's window started and ends
now: what the booking check saw is still inside it, and whatever happened since (a purchase,
a newer cart update, an unsubscribe) counts.

The dispatcher hands over each page of due rows first (``prefetch``). A row's rule is then
asked about the page's next ``AHEAD`` contacts of that rule in one query (``c.id IN (...)``),
and the answer is trusted for a short while of the dispatcher's clock: one minute for rules
driven by an event (a cart, a purchase, a field change: a reminder for a cart bought a
minute ago is the embarrassing case, and those queries are cheap), fifteen minutes for the
others (a newsletter to a group, a win-back: the same contacts, a query that reads the whole
list). A paced batch costs a query every minute or fifteen, never one per message. A row booked
more recently than that is not asked again: its booking check is that fresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Iterable

from desktop.rules.clock import EvalClock
from desktop.rules.conditions import occurrence_driver
from desktop.rules.engine import eval_zone, group_ids, rule_schedule
from desktop.rules.model import Rule
from desktop.rules.rows import match_reader
from desktop.rules.sql import compile_rule
from desktop.schedule import BusinessDefaults
from desktop.timeutil import from_db, to_db

FRESH_FOR = timedelta(minutes=1)          # rules driven by an event
FRESH_FOR_AUDIENCE = timedelta(minutes=15)  # the others
AHEAD = 5000   # at most: a page holds 500 due rows
IDS = "temp.postino_rematch"   # the contacts being asked about, one query whatever their number


@dataclass
class _Answer:
    at: datetime
    asked: set[int]                                        # contacts this answer covers
    contacts: set[int] = field(default_factory=set)        # ... who still match
    pairs: set[tuple[int, str]] = field(default_factory=set)  # ... with which occurrence


class Rematch:
    def __init__(self, ws: Any, business: BusinessDefaults) -> None:
        self._ws = ws
        self._business = business
        self._order: dict[int, list[int]] = {}              # rule -> its page's contacts, in order
        self._position: dict[int, dict[int, int]] = {}      # rule -> contact -> index in that order
        self._matched_at: dict[int, dict[int, str]] = {}    # rule -> contact -> earliest matched_at
        self._known: dict[int, _Answer] = {}
        self._catalog: tuple[Any, dict[str, int]] | None = None   # fields and groups, read once a page

    def prefetch(self, rows: Iterable[Any]) -> None:
        """The dispatcher's next page: who will be asked about (nothing is queried yet)."""
        self._order.clear()
        self._position.clear()
        self._matched_at.clear()
        self._known.clear()
        self._catalog = None
        for row in rows:
            times = self._matched_at.setdefault(row.rule_id, {})
            if row.contact_id not in times:
                self._order.setdefault(row.rule_id, []).append(row.contact_id)
                self._position.setdefault(row.rule_id, {})[row.contact_id] = len(self._order[row.rule_id]) - 1
                times[row.contact_id] = row.matched_at
            else:
                times[row.contact_id] = min(times[row.contact_id], row.matched_at)

    def still_matches(self, rule: Rule, row: Any, now: datetime) -> bool:
        by_event = rule.resend["policy"] == "per_occurrence" and occurrence_driver(rule.conditions) is not None
        fresh = FRESH_FOR if by_event else FRESH_FOR_AUDIENCE
        if now - from_db(row.matched_at) < fresh:
            return True  # booked moments ago: the booking check is the answer
        answer = self._known.get(row.rule_id)
        if answer is None or not answer.at <= now < answer.at + fresh or row.contact_id not in answer.asked:
            answer = self._known[row.rule_id] = self._evaluate(rule, row, now)
        if by_event:
            return (row.contact_id, row.occurrence) in answer.pairs  # this purchase, this cart update
        return row.contact_id in answer.contacts

    def _ahead(self, row: Any) -> dict[int, str]:
        """This row's contact and the next ones of its rule on the page, with when they matched."""
        order = self._order.get(row.rule_id, [])
        start = self._position.get(row.rule_id, {}).get(row.contact_id)
        times = self._matched_at.get(row.rule_id, {})
        chosen = {row.contact_id: times.get(row.contact_id, row.matched_at)}
        if start is not None:
            chosen.update({c: times[c] for c in order[start:start + AHEAD]})
        return chosen

    def _evaluate(self, rule: Rule, row: Any, now: datetime) -> _Answer:
        ahead = self._ahead(row)
        schedule = rule_schedule(rule, self._business)
        window_start = min(self._window_start(row.rule_id, from_db(min(ahead.values()))), now)
        clock = EvalClock(now=now, window_start=window_start, zone=eval_zone(schedule, self._business),
                          spread_days=1 if schedule.timezone.mode == "recipient" else 0)
        if self._catalog is None:
            self._catalog = (self._ws.fields.all(), group_ids(self._ws.db))
        fields, groups = self._catalog
        answer = _Answer(now, set(ahead))
        conn = self._ws.db.conn
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {IDS.split('.')[1]} (id INTEGER PRIMARY KEY)")
        conn.execute(f"DELETE FROM {IDS}")
        conn.executemany(f"INSERT INTO {IDS}(id) VALUES (?)", ((c,) for c in ahead))
        compiled = compile_rule(rule, fields=fields, group_ids=groups, clock=clock, rule_id=row.rule_id,
                                ignore_resend=True, contacts_from=IDS)
        read = match_reader(conn, compiled)
        for found in conn.execute(compiled.sql, compiled.params):
            contact_id, occurrence = read(found)[:2]
            answer.contacts.add(contact_id)
            answer.pairs.add((contact_id, occurrence))
        return answer

    def _window_start(self, rule_id: int, matched_at: datetime) -> datetime:
        """Where the booking check's window began (its row in the rule's history)."""
        found = self._ws.db.execute(
            "SELECT window_start FROM rule_checks WHERE rule_id = ? AND checked_at <= ? "
            "AND window_start IS NOT NULL ORDER BY checked_at DESC LIMIT 1",
            [rule_id, to_db(matched_at)]).fetchone()
        return from_db(found[0]) if found and found[0] else matched_at - timedelta(days=1)
