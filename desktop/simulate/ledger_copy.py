"""The simulator's ledger access: the same transitions as ``LedgerStore``, tuned for a copy
that lives in memory and that nothing else writes to.

Two things the live store must not do are safe here. The claim (``sending``, committed
before the server is contacted) exists for crash safety on a file on disk; on a private
in-memory copy it is kept in memory and folded into the outcome's single UPDATE. And the
contacts and frequency-cap slots of a whole page of due rows are read in two queries instead
of two per row; they stay right because every ledger change of the run comes through this
store (a moved row forgets its contact's slots) and contacts change only through it too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Iterable

from desktop.delivery.outbox import DueRow, LedgerStore
from desktop.rules.caps import Cap, occupied_slots, slot_rows

_ANY = "('planned', 'deferred', 'sending')"


class CopyLedgerStore(LedgerStore):
    def __init__(self, ws: Any, caps: dict[str, Cap]) -> None:
        super().__init__(ws)
        self._caps = caps
        self._claimed: dict[int, int] = {}                      # row -> attempts, claimed in memory
        self._people: dict[int, dict[str, Any]] = {}            # this page's contacts
        self._owner: dict[int, tuple[str, int]] = {}            # row -> (channel, contact)
        self._slots: dict[tuple[str, int], list[tuple[datetime, int]]] = {}  # -> [(slot, row)]
        self._since: dict[str, datetime] = {}

    def due(self, now: datetime, channels: Iterable[str], limit: int = 500,
            exclude: set[int] | None = None, after: tuple[str, int] | None = None) -> list[DueRow]:
        rows = super().due(now, channels, limit, exclude, after)
        contacts = {r.contact_id for r in rows}
        self._people = self.ws.contacts.get_many(contacts) if rows else {}
        self._owner = {r.id: (r.channel, r.contact_id) for r in rows}
        self._slots = {}
        for channel, cap in self._caps.items():
            mine = {r.contact_id for r in rows if r.channel == channel}
            if not mine:
                continue
            # Every row's re-check asks for slots after (its send time - period), and send
            # times only move forward from ``now`` in a run.
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
            return occupied_slots(self.db, cap, contact_id, since, exclude_id)
        return [slot for slot, row_id in known if slot > since and row_id != exclude_id]

    def contact(self, contact_id: int) -> dict[str, Any] | None:
        found = self._people.get(contact_id)
        return found if found is not None else super().contact(contact_id)

    def update_contact(self, contact_id: int, values: dict[str, Any], now: datetime) -> None:
        self._people.pop(contact_id, None)
        super().update_contact(contact_id, values, now)

    def claim(self, row: DueRow, now: datetime) -> bool:
        row.attempts += 1
        row.state = "sending"
        self._claimed[row.id] = row.attempts
        return True

    def _move(self, row_id: int, from_states: str, now: datetime, **values: Any) -> bool:
        attempts = self._claimed.pop(row_id, None)
        if attempts is not None:  # claimed in memory: the row is still waiting in the table
            values.setdefault("attempts", attempts)
            from_states = _ANY
        owner = self._owner.get(row_id)
        if owner is not None:
            self._slots.pop(owner, None)
        return super()._move(row_id, from_states, now, **values)

    def spread_over_days(self, channel: str, due_by: datetime, day_starts: Callable[[int], datetime],
                         per_day: int, reason: str, now: datetime) -> int:
        self._slots.clear()
        return super().spread_over_days(channel, due_by, day_starts, per_day, reason, now)
