"""The simulator's ledger access: the same transitions as ``LedgerStore``, for a copy that
lives in memory and that nothing else writes to.

Three things the live store must not do are safe here, because every write of a simulated
dispatch run comes through this one object:

- the claim (``sending``, committed before the server is contacted) exists for crash safety
  on a file on disk; here it is kept in memory and folded into the outcome;
- the outcomes are queued and written with one ``executemany`` per kind, before anything
  reads the ledger again (the next page, the daily-cap count, a cap lookup off the page);
- the contacts and frequency-cap slots of a page of due rows are read in two queries, and
  the slots are kept up to date in memory as the run moves those rows.
"""

from __future__ import annotations

import bisect
from datetime import datetime
from typing import Any, Callable, Iterable

from desktop.delivery.outbox import DueRow, LedgerStore, sent_event
from desktop.ledger import OCCUPYING, WAITING, State, TransitionError, check_move, sql_states
from desktop.messages import Msg
from desktop.rules.caps import Cap, occupied_slots, slot_rows
from desktop.timeutil import from_db, to_db

_ANY = sql_states((*WAITING, State.SENDING))


class CopyLedgerStore(LedgerStore):
    def __init__(self, ws: Any, caps: dict[str, Cap]) -> None:
        super().__init__(ws)
        self._caps = caps
        self._claimed: dict[int, int] = {}                      # row -> attempts, claimed in memory
        self._states: dict[int, str] = {}                       # row -> its state, as this run moved it
        self._people: dict[int, dict[str, Any]] = {}            # this page's contacts
        self._owner: dict[int, tuple[str, int]] = {}            # row -> (channel, contact)
        self._slots: dict[tuple[str, int], list[tuple[datetime, int]]] = {}  # -> sorted [(slot, row)]
        self._since: dict[str, datetime] = {}
        self._moves: dict[tuple[str, ...], list[tuple]] = {}     # columns -> [(*values, id)]
        self._events: list[tuple] = []
        self._day_counts: dict[tuple[str, datetime, datetime], int] = {}
        self.sent_rows: dict[int, tuple[DueRow, dict[str, Any] | None]] = {}  # reported: row, contact

    # -- writing, queued ------------------------------------------------------------------
    def flush(self) -> None:
        """Write every queued outcome; a row that was not waiting any more is a bug here."""
        for columns, rows in self._moves.items():
            assignments = ", ".join(f"{c} = ?" for c in columns)
            changed = self.db.conn.executemany(
                f"UPDATE ledger SET {assignments} WHERE id = ? AND state IN {_ANY}", rows).rowcount
            if changed != len(rows):
                raise RuntimeError(f"simulation ledger: {len(rows) - changed} queued moves found their row gone")
        self._moves.clear()
        if self._events:
            self.ws.events.record_many(self._events)
            self._events.clear()

    def _move(self, row_id: int, target: State, now: datetime, **values: Any) -> bool:
        """The live store's guard, kept in memory: the row's state as this run knows it must
        be one ``desktop.ledger`` allows into ``target``, or the move fails loudly."""
        current = self._states.get(row_id)
        if current is None:
            raise TransitionError(f"simulation ledger: row {row_id} is not on the page being dispatched")
        check_move(current, target)
        self._states[row_id] = target.value
        attempts = self._claimed.pop(row_id, None)
        if attempts is not None:
            values.setdefault("attempts", attempts)
        values["state"] = target.value
        values["updated_at"] = to_db(now)
        if isinstance(values.get("reason"), Msg):
            values["reason"] = values["reason"].encode()
        if target in (State.UNCERTAIN, State.SENDING):
            self._day_counts.clear()  # these count against the daily cap too: ask again
        self._moves.setdefault(tuple(values), []).append((*values.values(), row_id))
        self._follow(row_id, values)
        return True

    def sent(self, row: DueRow, provider_id: str, segments: int | None, now: datetime) -> None:
        self._move(row.id, State.SENT, now, sent_at=to_db(now), provider_id=provider_id,
                   segments=segments, reason=None)
        row.state = State.SENT.value
        self._events.append(sent_event(row, provider_id, now))
        for key in self._day_counts:
            if key[0] == row.channel and key[1] <= now < key[2]:
                self._day_counts[key] += 1
        self.sent_rows[row.id] = (row, self._people.get(row.contact_id))

    def claim(self, row: DueRow, now: datetime) -> bool:
        check_move(self._states.get(row.id, row.state), State.SENDING)
        row.attempts += 1
        row.state = State.SENDING.value
        self._states[row.id] = row.state
        self._claimed[row.id] = row.attempts
        return True

    def update_contact(self, contact_id: int, values: dict[str, Any], now: datetime) -> None:
        self.flush()
        self._people.pop(contact_id, None)
        super().update_contact(contact_id, values, now)

    # -- reading: flush first ---------------------------------------------------------------
    def due(self, now: datetime, channels: Iterable[str], limit: int = 500,
            exclude: set[int] | None = None, after: tuple[str, int] | None = None,
            rule_ids: Iterable[int] | None = None) -> list[DueRow]:
        self.flush()
        rows = super().due(now, channels, limit, exclude, after, rule_ids)
        self._states = {r.id: r.state for r in rows}
        self._people = self.ws.contacts.get_many({r.contact_id for r in rows}) if rows else {}
        self._owner = {r.id: (r.channel, r.contact_id) for r in rows}
        self._slots = {}
        for channel, cap in self._caps.items():
            mine = {r.contact_id for r in rows if r.channel == channel}
            if not mine:
                continue
            # Each row's re-check asks for the slots after (its send time - period), and send
            # times only move forward from ``now`` during a run.
            self._since[channel] = now - cap.period
            for contact_id in mine:
                self._slots[(channel, contact_id)] = []
            for contact_id, slot, row_id in slot_rows(self.db, cap, mine, self._since[channel]):
                self._slots[(channel, contact_id)].append((slot, row_id))
        return rows

    def cap_slots(self, cap: Cap, contact_id: int, since: datetime, exclude_id: int | None) -> list[datetime]:
        """``RulePolicy``'s slot reader: from the page when it is known, else the ledger."""
        known = self._slots.get((cap.channel, contact_id))
        if known is None or since < self._since[cap.channel]:
            self.flush()
            return occupied_slots(self.db, cap, contact_id, since, exclude_id)
        return [slot for slot, row_id in known if slot > since and row_id != exclude_id]

    def contact(self, contact_id: int) -> dict[str, Any] | None:
        found = self._people.get(contact_id)
        return found if found is not None else super().contact(contact_id)

    def sent_between(self, channel: str, start: datetime, end: datetime) -> int:
        """Counted once per day and channel, then kept by counting the sends made here (the
        dispatcher asks at every run, and a busy day holds tens of thousands of sends)."""
        key = (channel, start, end)
        if key not in self._day_counts:
            self.flush()
            self._day_counts[key] = super().sent_between(channel, start, end)
        return self._day_counts[key]

    def spread_over_days(self, channel: str, due_by: datetime, day_starts: Callable[[int], datetime],
                         per_day: int, reason: Msg, now: datetime) -> int:
        self.flush()
        self._slots.clear()
        return super().spread_over_days(channel, due_by, day_starts, per_day, reason, now)

    def recover_sending(self, now: datetime) -> int:
        self.flush()
        return super().recover_sending(now)

    # -- the page's cap slots follow the rows it moves -------------------------------------
    def _follow(self, row_id: int, values: dict[str, Any]) -> None:
        owner = self._owner.get(row_id)
        slots = self._slots.get(owner) if owner else None
        if slots is None:
            return
        at = next((i for i, (_, rid) in enumerate(slots) if rid == row_id), None)
        if at is None:
            # Not on the page's list: not marketing (never counts), or a slot older than the
            # page's window; forget the contact so a lookup asks the (flushed) ledger.
            self._slots.pop(owner, None)
            return
        old, _ = slots.pop(at)
        if values.get("state") in OCCUPYING:
            text = values.get("sent_at") or values.get("due_at")
            bisect.insort(slots, (from_db(text) if text else old, row_id))
