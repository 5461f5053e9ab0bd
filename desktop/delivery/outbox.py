"""The ledger's delivery states, and the only code that moves a row between them.

Every transition is one conditional UPDATE (``WHERE state IN (...)``) committed before the
next step, so a crash leaves each row in a state that says what is known: ``sending`` means
"we may have handed it to the server" and becomes ``uncertain`` on the next start, never
resent. The dispatcher talks to this class, not to SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, TYPE_CHECKING, Any, Iterable

from desktop.delivery.limits import sent_between
from desktop.events import event_values
from desktop.ledger import WAITING, State, TransitionError, allowed_from, sql_states
from desktop.messages import Msg
from desktop.templates import Template, Templates
from desktop.timeutil import to_db

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

_WAITING = sql_states(WAITING)
_COLUMNS = ("id", "rule_id", "contact_id", "occurrence", "channel", "state", "due_at",
            "expires_at", "attempts", "payload", "matched_at")


@dataclass
class DueRow:
    id: int
    rule_id: int
    contact_id: int
    occurrence: str
    channel: str
    state: str
    due_at: str
    expires_at: str | None
    attempts: int
    payload: dict[str, Any] = field(default_factory=dict)
    matched_at: str = ""


def sent_event(row: DueRow, provider_id: str, now: datetime) -> tuple:
    """The ``email_sent`` / ``sms_sent`` event a send leaves ("sent in the last N days" reads it)."""
    return event_values("email_sent" if row.channel == "email" else "sms_sent", now, row.contact_id,
                        ref=f"ledger:{row.id}", rule_id=row.rule_id, uid=f"sent:{row.id}",
                        payload={"ledger_id": row.id, "provider_id": provider_id, "occurrence": row.occurrence})


class LedgerStore:
    def __init__(self, ws: "Workspace") -> None:
        self.ws = ws
        self.db = ws.db
        self.templates = Templates(ws.db)
        self._rule_templates: dict[int, str | None] = {}
        self._template_cache: dict[str, Template | None] = {}

    # -- reading ----------------------------------------------------------------------------
    def due(self, now: datetime, channels: Iterable[str], limit: int = 500,
            exclude: set[int] | None = None, after: tuple[str, int] | None = None,
            rule_ids: Iterable[int] | None = None) -> list[DueRow]:
        """Waiting rows due by ``now`` in (due_at, id) order, strictly after the key ``after``
        (keyset paging: a long run never re-reads the rows it has already handled);
        ``rule_ids`` keeps only those rules' rows (Run now sends only its own rule early)."""
        chans = [c for c in channels if c in ("email", "sms")]
        if not chans:
            return []
        marks = ", ".join("?" for _ in chans)
        since, params = "", []
        if after is not None:
            since, params = "AND (due_at > ? OR (due_at = ? AND id > ?)) ", [after[0], after[0], after[1]]
        if rule_ids is not None:
            ids = [int(r) for r in rule_ids]
            since += f"AND rule_id IN ({', '.join('?' for _ in ids) or 'NULL'}) "
            params += ids
        rows = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM ledger WHERE state IN {_WAITING} AND due_at <= ? "
            f"AND channel IN ({marks}) {since}ORDER BY due_at, id LIMIT ?",
            [to_db(now), *chans, *params, limit]).fetchall()
        out = []
        for row in rows:
            if exclude and row[0] in exclude:
                continue
            text = row[9]
            out.append(DueRow(*row[:9], json.loads(text) if text and text != "{}" else {}, row[10]))
        return out[:limit]

    def sent_between(self, channel: str, start: datetime, end: datetime) -> int:
        """Messages of ``channel`` that count against the daily cap in [start, end)."""
        return sent_between(self.ws, channel, start, end)

    def contact(self, contact_id: int) -> dict[str, Any] | None:
        return self.ws.contacts.get(contact_id)

    def template_for(self, rule_id: int) -> Template | Msg:
        """The rule's template, or the reason there is none (kept as the skip reason)."""
        if rule_id not in self._rule_templates:
            row = self.db.execute("SELECT definition FROM rules WHERE id = ?", [rule_id]).fetchone()
            name = None
            if row:
                try:
                    name = (json.loads(row[0]).get("action") or {}).get("template")
                except (ValueError, AttributeError):
                    name = None
            self._rule_templates[rule_id] = name
        name = self._rule_templates[rule_id]
        if not name:
            return Msg("no_template", {"rule": rule_id})
        if name not in self._template_cache:
            self._template_cache[name] = self.templates.get(name)
        found = self._template_cache[name]
        return found if found is not None else Msg("template_missing", {"name": name})

    # -- transitions ------------------------------------------------------------------------
    def _move(self, row_id: int, target: State, now: datetime, **values: Any) -> bool:
        """One conditional UPDATE from the states ``desktop.ledger`` allows into ``target``.
        A row that is no longer waiting where the caller thought (another process took it)
        answers False; a move the table forbids is refused by ``allowed_from``."""
        values["state"] = target.value
        values["updated_at"] = to_db(now)
        if isinstance(values.get("reason"), Msg):
            values["reason"] = values["reason"].encode()
        assignments = ", ".join(f"{k} = ?" for k in values)
        cursor = self.db.execute(
            f"UPDATE ledger SET {assignments} WHERE id = ? AND state IN {sql_states(allowed_from(target))}",
            [*values.values(), row_id])
        return cursor.rowcount == 1

    def _must_move(self, row: DueRow, target: State, now: datetime, **values: Any) -> None:
        """A move of a row this run holds: if it was not where the table allows, that is a bug."""
        if not self._move(row.id, target, now, **values):
            found = self.db.execute("SELECT state FROM ledger WHERE id = ?", [row.id]).fetchone()
            raise TransitionError(f"ledger row {row.id} in {found[0] if found else 'no state'!r} "
                                  f"cannot move to {target.value!r}")
        row.state = target.value

    def spread_over_days(self, channel: str, due_by: datetime, day_starts: Callable[[int], datetime],
                         per_day: int, reason: Msg, now: datetime) -> int:
        """The daily cap is used up: queue every row of ``channel`` due by ``due_by`` over the
        following days, ``per_day`` a day in their order (``day_starts(k)`` is the k-th next
        day). One pass instead of re-checking thousands of rows every day they wait — and the
        simulation shows how many days a big send really takes."""
        ids = [r[0] for r in self.db.execute(
            f"SELECT id FROM ledger WHERE state IN {_WAITING} AND channel = ? AND due_at <= ? "
            f"ORDER BY due_at, id", [channel, to_db(due_by)])]
        stamp, text = to_db(now), reason.encode()
        self.db.conn.executemany(
            f"UPDATE ledger SET state = 'deferred', due_at = ?, reason = ?, updated_at = ? "
            f"WHERE id = ? AND state IN {_WAITING}",
            ((to_db(day_starts(i // per_day)), text, stamp, row_id) for i, row_id in enumerate(ids)))
        return len(ids)

    def recover_sending(self, now: datetime) -> int:
        """Rows a crashed run left in ``sending``: we cannot know if they went out. Only the
        engine that holds the workspace's lock calls this, once, when it starts."""
        return self.db.execute(
            "UPDATE ledger SET state = 'uncertain', updated_at = ?, reason = ? "
            "WHERE state = 'sending' AND channel IN ('email', 'sms')",
            [to_db(now), Msg("interrupted").encode()]).rowcount

    def claim(self, row: DueRow, now: datetime) -> bool:
        """``sending`` + one more attempt, committed before the server is contacted."""
        ok = self._move(row.id, State.SENDING, now, attempts=row.attempts + 1)
        if ok:
            row.attempts += 1
            row.state = State.SENDING.value
        return ok

    def sent(self, row: DueRow, provider_id: str, segments: int | None, now: datetime) -> None:
        with self.ws.transaction():
            self._must_move(row, State.SENT, now, sent_at=to_db(now), provider_id=provider_id,
                            segments=segments, reason=None)
            self.ws.events.record_many([sent_event(row, provider_id, now)])

    def failed(self, row: DueRow, reason: Msg, now: datetime, segments: int | None = None) -> None:
        self._must_move(row, State.FAILED, now, reason=reason, segments=segments)

    def uncertain(self, row: DueRow, reason: Msg, now: datetime) -> None:
        self._must_move(row, State.UNCERTAIN, now, reason=reason)

    def deferred(self, row: DueRow, until: datetime, reason: Msg, now: datetime) -> None:
        self._must_move(row, State.DEFERRED, now, due_at=to_db(until), reason=reason)

    def skipped(self, row: DueRow, reason: Msg, now: datetime) -> None:
        self._must_move(row, State.SKIPPED, now, reason=reason)

    def dropped(self, row: DueRow, reason: Msg, now: datetime) -> None:
        self._must_move(row, State.DROPPED, now, reason=reason)

    # -- the user's moves (the Activity view) ------------------------------------------------
    def settle(self, row_id: int, target: State, now: datetime) -> bool:
        """The user settles a row: an ``uncertain`` one was ``sent`` (it arrived: counted like
        a send, with its provider id if the server gave one) or ``failed``; ``skipped``
        cancels it; ``planned`` sends a failed or uncertain one again, now. False if the row
        was settled meanwhile (another window); a move the table forbids raises."""
        found = self.db.execute(f"SELECT {', '.join(_COLUMNS)}, provider_id, sent_at FROM ledger WHERE id = ?",
                                [row_id]).fetchone()
        if found is None:
            return False
        row = DueRow(*found[:9], {}, found[10])
        if State(row.state) not in allowed_from(target):
            if row.state == target.value:
                return False  # already where the user wants it
            raise TransitionError(f"a {row.state} message cannot be marked {target.value}")
        with self.ws.transaction():
            if target == State.SENT:
                self._must_move(row, target, now, sent_at=found[12] or to_db(now), reason=Msg("user_marked"))
                self.ws.events.record_many([sent_event(row, found[11] or "", now)])
            elif target == State.PLANNED:
                self._must_move(row, target, now, due_at=to_db(now), reason=Msg("user_retry"))
            else:
                self._must_move(row, target, now,
                                reason=Msg("user_cancelled" if target == State.SKIPPED else "user_marked"))
        return True

    def update_contact(self, contact_id: int, values: dict[str, Any], now: datetime) -> None:
        """Through the contacts manager, so a ``field_changed`` event records why."""
        self.ws.contacts.update(contact_id, values, now)
