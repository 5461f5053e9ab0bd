"""Run the engine forward on a snapshot: the same ``Tick`` as the live service (the same
"is it due", check, policy, limits and dispatcher), with a virtual clock that jumps from one
interesting moment (a rule check, a due send, a what-if event) to the next, a recording
channel, and the simulator's own ledger store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Iterable

from desktop.delivery.limits import Limits
from desktop.delivery.recording import RecordingChannel
from desktop.errors import InputError
from desktop.ledger import State
from desktop.messages import Msg, define
from desktop.rules.caps import caps_from_settings
from desktop.rules.engine import rule_schedule
from desktop.schedule import business_defaults, next_check
from desktop.service.tick import Tick, no_lock
from desktop.simulate.collections_pause import fewer_collections
from desktop.simulate.explain import Explainer
from desktop.simulate.ledger_copy import CopyLedgerStore
from desktop.simulate.result import CheckMark, NotSent, PlannedSend, SimulationResult
from desktop.simulate.snapshot import discard, snapshot
from desktop.timeutil import from_db, to_db

TINY = timedelta(microseconds=1)
_STATE_WORDS = {"skipped": "saltato", "dropped": "scartato", "failed": "non riuscito",
                "uncertain": "incerto", "planned": "previsto", "deferred": "rimandato"}
define({
    "after_horizon": ("previsto alle {due} UTC, dopo il periodo simulato", "due {due} UTC, after the simulated period"),
    "after_horizon_why": ("previsto alle {due} UTC, dopo il periodo simulato ({reason})",
                          "due {due} UTC, after the simulated period ({reason})"),
    "simulate.no_rule": ("non c'è nessuna regola chiamata {name!r}", "there is no rule called {name!r}"),
    **{f"state_{s.value}": (_STATE_WORDS.get(s.value, s.value), s.value) for s in State},
})


@dataclass(frozen=True)
class WhatIf:
    """A hypothetical event: "what if this contact bought / left a cart at this time?"."""

    at: datetime
    type: str
    contact_id: int
    ref: str | None = None
    amount: float | None = None
    payload: dict[str, Any] = field(default_factory=dict)


def simulate(ws: Any, *, start: datetime, horizon: timedelta = timedelta(days=7),
             rule_names: Iterable[str] | None = None, what_if: Iterable[WhatIf] = (),
             progress: Callable[[float], None] | None = None,
             cancel: Callable[[], bool] | None = None) -> SimulationResult:
    """Who would get what, when, from ``start`` for ``horizon`` — never touching ``ws``."""
    copy = snapshot(ws)
    try:
        with fewer_collections():
            return _Run(copy, start, start + horizon, rule_names, list(what_if), progress, cancel).run()
    finally:
        discard(copy)


class _Run:
    def __init__(self, sim: Any, start: datetime, end: datetime, names: Iterable[str] | None,
                 what_if: list[WhatIf], progress: Callable[[float], None] | None,
                 cancel: Callable[[], bool] | None) -> None:
        self.sim, self.start, self.end = sim, start, end
        self.progress, self.cancel = progress, cancel
        self.business = business_defaults(sim.settings)
        self.rules = self._choose(names)
        self.schedules = {r.id: rule_schedule(r, self.business) for r in self.rules}
        self.by_id = {r.id: r for r in self.rules}
        self.caps = caps_from_settings(sim.settings)
        self.names = {r.id: r.name for r in sim.rules.all()}
        self.what_if = sorted(what_if, key=lambda w: w.at)
        self.channels = {"email": RecordingChannel("email", mime=False, paced=True),
                         "sms": RecordingChannel("sms", paced=True)}
        self.store = CopyLedgerStore(sim, self.caps)
        # The provider's pace (e.g. 60 e-mails a minute) on a virtual clock: the dispatcher
        # "sleeps" by moving it forward and stamps each send with it, exactly as it would
        # live; one ``Limits`` for the whole simulation, as one engine keeps one.
        self.virtual = start
        limits = Limits.from_settings(sim, clock=lambda: (self.virtual - start).total_seconds(), sleep=self._sleep)
        self.tick = Tick(sim, clock=lambda: self.virtual, channels=lambda _ws: self.channels, limits=limits,
                         lock=no_lock, store=self.store, caps=self.caps, explain=True,
                         should_stop=cancel or (lambda: False))
        self.tick.start(start)
        self.policy = self.tick.policy
        self.explainer = Explainer(sim, self.business)
        self.result = SimulationResult(start, end, [r.name for r in self.rules])
        self.booked: dict[tuple[int, int, str], tuple[str, str | None]] = {}  # -> (zone, reason)
        self.reasons: dict[int, str] = {}   # ledger row -> its stored reason, before it was sent
        self.seen = {"email": 0, "sms": 0}

    def _choose(self, names: Iterable[str] | None) -> list:
        rules = self.sim.rules.all()
        if not names:
            return [r for r in rules if r.enabled]
        wanted = {n.casefold(): n for n in names}
        chosen = [r for r in rules if r.name.casefold() in wanted]
        missing = set(wanted) - {r.name.casefold() for r in chosen}
        if missing:
            raise InputError(Msg("simulate.no_rule", {"name": wanted[sorted(missing)[0]]}))
        for rule in chosen:  # simulating a rule that is still off: show what it *would* do
            if not rule.enabled:
                self.sim.rules.set_enabled(rule.id, True, self.start)
                rule.enabled = True
        return chosen

    def run(self) -> SimulationResult:
        next_at = {r.id: self._first_check(r) for r in self.rules}
        self._dispatch(self.start)  # sends already overdue when the simulation starts
        now = self.start
        while True:
            if self.cancel and self.cancel():
                self.result.cancelled = True
                break
            candidates = [t for t in next_at.values() if t is not None]
            if self.what_if:
                candidates.append(self.what_if[0].at)
            due = self._next_due(now)
            if due is not None:
                candidates.append(due)
            if not candidates or min(candidates) > self.end:
                break
            now = max(min(candidates), now)
            while self.what_if and self.what_if[0].at <= now:
                self._apply(self.what_if.pop(0))
            for rule in self.rules:
                if next_at[rule.id] is not None and next_at[rule.id] <= now:
                    self._check(rule, now)
                    next_at[rule.id] = self._next(rule, now)
            self._dispatch(now)
            if self.progress:
                self.progress(min(1.0, (now - self.start) / (self.end - self.start)))
        self._finish()
        return self.result

    def _sleep(self, seconds: float) -> None:
        self.virtual += timedelta(seconds=seconds)

    def _first_check(self, rule: Any) -> datetime | None:
        """As the live engine starting now, through the same ``due`` (missed-window policy)."""
        due = self.tick.due(rule, self.start)
        return None if due.at is None else max(due.at, self.start)

    def _next(self, rule: Any, now: datetime) -> datetime | None:
        due = self.tick.due(rule, now).at
        if due is not None and due <= now:  # the check failed (it does not count): next slot
            due = next_check(self.schedules[rule.id], now, business=self.business)
        return due

    def _next_due(self, after: datetime) -> datetime | None:
        row = self.sim.db.execute(
            "SELECT min(due_at) FROM ledger WHERE state IN ('planned', 'deferred') "
            "AND channel IN ('email', 'sms') AND due_at > ?", [to_db(after)]).fetchone()
        return from_db(row[0]) if row and row[0] else None

    def _apply(self, event: WhatIf) -> None:
        self.sim.events.record(event.type, event.at, event.contact_id, ref=event.ref,
                               amount=event.amount, payload=event.payload)

    def _check(self, rule: Any, now: datetime) -> None:
        outcome = self.tick.check(rule, now)
        if isinstance(outcome, Msg):
            self.result.not_sent.append(NotSent(now, rule.name, 0, "", "", "error", outcome))
            return
        booked = outcome.planned + outcome.applied + outcome.deferred_by_cap
        self.result.checks.append(CheckMark(now, rule.name, outcome.matched, booked))
        for booking in outcome.bookings:
            self.booked[(rule.id, booking.contact_id, booking.occurrence)] = (booking.zone, booking.reason)
            if booking.state == "applied":
                self.result.group_changes.append(self._entry(rule, booking.contact_id, booking.occurrence,
                                                             "group", now, now, "", ""))
        for contact_id, reason in outcome.skipped_contacts:
            self.result.not_sent.append(self.explainer.not_sent(now, rule.name, contact_id, "schedule", reason))
        if outcome.unconsented:
            self.result.not_sent.extend(self.explainer.unconsented(rule, now, outcome.unconsented))

    def _dispatch(self, now: datetime) -> None:
        due = self.sim.db.execute(
            "SELECT 1 FROM ledger WHERE state IN ('planned', 'deferred') AND channel IN ('email', 'sms') "
            "AND due_at <= ? LIMIT 1", [to_db(now)]).fetchone()
        if due is None:
            return  # the live dispatcher would find nothing either
        for ledger_id, reason in self.sim.db.execute(
                "SELECT id, reason FROM ledger WHERE state IN ('planned', 'deferred') AND due_at <= ? "
                "AND reason IS NOT NULL", [to_db(now)]):
            self.reasons[ledger_id] = reason
        # One transaction around the whole run: each state change is still its own savepoint
        # (the dispatcher's crash safety is about a file on disk; this copy is in memory).
        self.virtual = max(self.virtual, now)
        with self.sim.transaction():
            self.tick.dispatch(now)  # a 30,000-message batch stops at once on cancel too
            self.store.flush()
        for name, channel in self.channels.items():
            for message in channel.messages[self.seen[name]:]:
                self._record(message, now)
            self.seen[name] = len(channel.messages)

    def _record(self, message: Any, now: datetime) -> None:
        row, contact = self.store.sent_rows.pop(message.ledger_id)
        if contact is not None:
            self.explainer.know(contact)
        rule_id, contact_id, occurrence, matched = row.rule_id, row.contact_id, row.occurrence, row.matched_at
        if rule_id not in self.schedules:
            return  # a send of a rule outside this simulation: it used a cap slot, not shown
        rule = self.by_id[rule_id]
        zone, reason = self.booked.get((rule_id, contact_id, occurrence), (None, None))
        if not zone:
            contact = self.sim.contacts.get(contact_id) or {}
            zone = self.policy.zone_for(self.schedules[rule_id], contact)
        stored = self.reasons.get(message.ledger_id)
        reason = Msg.decode(stored) if stored else reason
        at = message.now or now
        entry = self._entry(rule, contact_id, occurrence, message.channel, at, from_db(matched),
                            message.subject, message.text, zone, reason)
        entry.to = message.to or entry.to
        self.result.sends.append(entry)

    def _entry(self, rule: Any, contact_id: int, occurrence: str, channel: str, at: datetime,
               matched: datetime, subject: str, text: str, zone: str = "", reason: str | None = None) -> PlannedSend:
        to, name = self.explainer.who(contact_id)
        return PlannedSend(at, zone, rule.name, contact_id, to, name, channel, occurrence, subject,
                           text, matched, reason)

    def _finish(self) -> None:
        ids = list(self.schedules)
        if not ids:
            return
        marks = ", ".join("?" for _ in ids)
        for rule_id, contact_id, state, due, reason, updated in self.sim.db.execute(
                f"SELECT rule_id, contact_id, state, due_at, reason, updated_at FROM ledger WHERE rule_id IN ({marks}) "
                f"AND state IN ('skipped', 'dropped', 'failed', 'planned', 'deferred', 'uncertain') "
                f"AND updated_at >= ?", [*ids, to_db(self.start)]):
            stored = Msg.decode(reason)
            if state in ("planned", "deferred"):
                kind, why = "after_horizon", (Msg("after_horizon_why", {"due": due, "reason": stored}) if stored
                                              else Msg("after_horizon", {"due": due}))
            else:
                capped = stored is not None and stored.code.startswith("frequency_cap")
                kind, why = ("cap_dropped" if capped else state), stored or Msg(f"state_{state}")
            self.result.not_sent.append(self.explainer.not_sent(from_db(updated), self.names[rule_id],
                                                                contact_id, kind, why))
        self.result.not_sent.sort(key=lambda n: (n.at, n.rule, n.contact_id))
