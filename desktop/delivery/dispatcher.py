"""Send what is due: re-check, render, claim, send, record — one row at a time.

Order for each row: expired? → contact still consents and has an address? → the policy
hook (the rule still on and still matching, quiet hours, days, frequency caps) → the
channel's daily cap → render (a template that fails is ``skipped`` with the reason) →
claim (``sending``, committed) → the channel → the outcome recorded. Only the
claim-to-record span can be interrupted by a crash, and it covers one message per channel
connection; the next engine start turns it into ``uncertain``.

Only the engine's tick (``desktop/service/tick.py``) calls ``dispatch_due``, with the
engine's own clock, policy, limits, store and database lock: nothing here has a default
for them. The database lock is held for reads and state changes only, never across a
server conversation or a pacing wait, so rule checks never queue behind a slow server.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from desktop.delivery import policy as pol
from desktop.delivery.channel import (BACKOFF, FAILED, RETRY, SENT, UNCERTAIN, Channel,
                                      ChannelUnavailable, OutgoingMessage)
from desktop.delivery.compose import Composer
from desktop.delivery.limits import Limits
from desktop.delivery.outbox import DueRow, LedgerStore
from desktop.ledger import TransitionError
from desktop.messages import Msg, define
from desktop.templating import TemplateProblem
from desktop.timeutil import from_db

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

log = logging.getLogger("postino.dispatch")
BACKOFF_BASE = timedelta(minutes=2)
BACKOFF_MAX = timedelta(hours=6)
Lock = Callable[[], AbstractContextManager[Any]]
define({"channel_note": ("{channel}: {note}", "{channel}: {note}")})


@dataclass
class DispatchSummary:
    counts: dict[str, int] = field(default_factory=dict)     # outcome -> rows
    paused: dict[str, Msg] = field(default_factory=dict)     # channel -> why it stopped
    notes: list[Msg] = field(default_factory=list)

    def add(self, state: str) -> None:
        self.counts[state] = self.counts.get(state, 0) + 1

    def merge(self, other: "DispatchSummary") -> None:
        for state, count in other.counts.items():
            self.counts[state] = self.counts.get(state, 0) + count
        for channel, why in other.paused.items():
            self.paused.setdefault(channel, why)
        self.notes.extend(n for n in other.notes if n not in self.notes)

    @property
    def sent(self) -> int:
        return self.counts.get("sent", 0)

    @property
    def handled(self) -> int:
        return sum(self.counts.values())


def backoff_delay(attempts: int, retry_after: float | None = None) -> timedelta:
    delay = min(BACKOFF_BASE * (2 ** max(0, attempts - 1)), BACKOFF_MAX)
    if retry_after:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay


def as_msg(reason: Msg | str | None) -> Msg:
    """A channel's reason: already coded, or a server's own words kept as they are."""
    if isinstance(reason, Msg):
        return reason
    return Msg("channel_error", {"detail": reason or ""})


def _consent(row: DueRow, contact: dict[str, Any]) -> Msg | None:
    if row.channel == "email":
        if not contact.get("email"):
            return Msg("no_email")
        if contact.get("email_status") != "subscribed":
            return Msg("email_status", {"status": contact.get("email_status") or ""})
    else:
        if not contact.get("phone"):
            return Msg("no_phone")
        if contact.get("sms_status") != "subscribed":
            return Msg("sms_status", {"status": contact.get("sms_status") or ""})
    return None


class _Run:
    def __init__(self, ws: "Workspace", now: datetime, channels: Mapping[str, Channel],
                 policy: pol.Policy, limits: Limits, clock: Callable[[], datetime],
                 store: LedgerStore, lock: Lock, should_stop: Callable[[], bool]) -> None:
        self.ws, self.now, self.channels, self.policy = ws, now, channels, policy
        self.limits, self.clock, self.store, self.lock = limits, clock, store, lock
        self.should_stop = should_stop
        self.summary = DispatchSummary()
        self.composer = Composer(ws)
        self.max_attempts = int(ws.settings.get("delivery.max_attempts"))
        self.opened: set[str] = set()
        self.day_start: dict[str, datetime] = {}
        self.day_end: dict[str, datetime] = {}
        self.day_count: dict[str, int] = {}

    def cap_reached(self, channel: str, now: datetime) -> datetime | None:
        """The start of the next business day if today's cap is used up, else ``None``."""
        cap = self.limits.daily_caps.get(channel)
        if not cap:
            return None
        end = self.day_end.get(channel)
        if end is None or not self.day_start[channel] <= now < end:  # a new business day
            start, end = self.limits.day_bounds(now)
            self.day_start[channel], self.day_end[channel] = start, end
            self.day_count[channel] = self.store.sent_between(channel, start, end)
        return end if self.day_count[channel] >= cap else None

    def pause(self, channel: str, why: Msg) -> None:
        self.summary.paused.setdefault(channel, why)
        log.warning("%s paused for this run: %s", channel, why)

    def retry_or_fail(self, row: DueRow, reason: Msg, now: datetime, retry_after: float | None,
                      segments: int | None) -> None:
        if row.attempts >= self.max_attempts:
            self.store.failed(row, Msg("gave_up", {"attempts": row.attempts, "reason": reason}), now, segments)
            self.summary.add("failed")
            return
        self.store.deferred(row, now + backoff_delay(row.attempts, retry_after), reason, now)
        self.summary.add("deferred")

    def prepare(self, row: DueRow, now: datetime) -> tuple[dict[str, Any], OutgoingMessage, pol.Decision] | None:
        """Everything decided before the server is contacted (under the database lock);
        None when the row was held back, skipped or dropped here."""
        store = self.store
        next_day = self.cap_reached(row.channel, now)
        if next_day is not None:  # the day's cap is used up: everything due waits, in one write
            cap = self.limits.daily_caps[row.channel]
            moved = store.spread_over_days(row.channel, self.now, lambda k: self.limits.day_start_after(next_day, k),
                                           cap, Msg("daily_cap", {"cap": cap}), now)
            for _ in range(moved):  # rows already fetched in this batch find nothing left to move
                self.summary.add("deferred")
            return None
        if row.expires_at and from_db(row.expires_at) <= now:
            store.dropped(row, Msg("expired"), now)
            return self.summary.add("dropped")
        contact = store.contact(row.contact_id)
        if contact is None:
            store.skipped(row, Msg("contact_gone"), now)
            return self.summary.add("skipped")
        why = _consent(row, contact)
        if why:
            store.skipped(row, why, now)
            return self.summary.add("skipped")
        decision = self.policy.recheck(row, contact, now)
        if self.held_back(row, decision, now):
            return None
        template = store.template_for(row.rule_id)
        if isinstance(template, Msg):
            store.skipped(row, template, now)
            return self.summary.add("skipped")
        deadline = decision.deadline or (from_db(row.expires_at) if row.expires_at else None)
        channel = self.channels[row.channel]
        try:
            message = self.composer.compose(row, contact, template, now, deadline,
                                            mime=getattr(channel, "wants_mime", True))
        except TemplateProblem as exc:
            store.skipped(row, getattr(exc, "msg", None) or Msg("template_error", {"detail": str(exc)}), now)
            return self.summary.add("skipped")
        return contact, message, decision

    def one(self, row: DueRow) -> None:
        channel = self.channels[row.channel]
        with self.lock():
            now = self.clock()
            prepared = self.prepare(row, now)
        if prepared is None:
            return
        contact, message, _ = prepared
        if row.channel not in self.opened:
            channel.open()          # ChannelUnavailable propagates to the caller's loop
            self.opened.add(row.channel)
        if getattr(channel, "paced", channel.kind in ("smtp", "twilio")):
            if not self.limits.pace(row.channel, self.should_stop):
                return              # stopping while waiting for the provider's pace: still due
            paced_now = self.clock()
            if paced_now != now:
                # Waiting for the provider's pace moved the clock: ask again, so a message
                # whose turn comes at 21:00 waits for the morning instead of going out.
                with self.lock():
                    later = self.policy.recheck(row, contact, paced_now)
                    if self.held_back(row, later, paced_now):
                        return
                if later.deadline is not None and message.channel == "sms":
                    message.deadline = later.deadline
            now = paced_now
            message.now = now
        with self.lock():
            if not self.store.claim(row, now):
                return              # another process took it
        self.send_claimed(row, channel, message, now)

    def held_back(self, row: DueRow, decision: pol.Decision, now: datetime) -> bool:
        """Record a policy's defer / skip / drop; False when the row may go."""
        store = self.store
        reason = decision.reason or Msg("sched_not_allowed")
        if decision.action == pol.DEFER and decision.until is not None:
            store.deferred(row, decision.until, reason, now)
            self.summary.add("deferred")
            return True
        if decision.action in (pol.SKIP, pol.DROP):
            (store.skipped if decision.action == pol.SKIP else store.dropped)(row, reason, now)
            self.summary.add("skipped" if decision.action == pol.SKIP else "dropped")
            return True
        return False

    def send_claimed(self, row: DueRow, channel: Channel, message: OutgoingMessage, now: datetime) -> None:
        """The server conversation, outside the lock; then the outcome, under it."""
        try:
            result = channel.send(message)
        except ChannelUnavailable as exc:   # raised before anything reached the server
            why = as_msg(getattr(exc, "msg", None) or str(exc))
            with self.lock():
                self.store.deferred(row, now + backoff_delay(row.attempts), why, now)
            self.summary.add("deferred")
            self.pause(row.channel, why)
            return
        except Exception as exc:            # unknown: it may have gone out
            why = Msg("unexpected_send_error", {"error": type(exc).__name__})
            with self.lock():
                self.store.uncertain(row, why, now)
            self.summary.add("uncertain")
            self.pause(row.channel, why)
            return
        with self.lock():
            self.record(row, result, self.clock())

    def record(self, row: DueRow, result: Any, done: datetime) -> None:
        store = self.store
        reason = as_msg(getattr(result, "msg", None) or result.reason) if result.outcome != SENT else None
        if result.outcome == SENT:
            store.sent(row, result.provider_id, result.segments, done)
            self.day_count[row.channel] = self.day_count.get(row.channel, 0) + 1
            self.policy.after_sent(row, done)  # the rule's "after sending" group changes
        elif result.outcome == FAILED:
            store.failed(row, reason, done, result.segments)
        elif result.outcome == UNCERTAIN:
            store.uncertain(row, reason, done)
        elif result.outcome in (RETRY, BACKOFF):
            self.retry_or_fail(row, reason, done, result.retry_after, result.segments)
            if result.outcome == BACKOFF:
                self.pause(row.channel, reason)
            return
        if result.contact_update:
            store.update_contact(row.contact_id, result.contact_update, done)
        self.summary.add(result.outcome)


def dispatch_due(ws: "Workspace", now: datetime, *, channels: Mapping[str, Channel],
                 policy: pol.Policy, limits: Limits, clock: Callable[[], datetime],
                 store: LedgerStore, lock: Lock, should_stop: Callable[[], bool],
                 rule_ids: Iterable[int] | None = None, batch_size: int = 500,
                 max_messages: int | None = None) -> DispatchSummary:
    """Send every e-mail/SMS row due at ``now`` through ``channels`` ({'email': ..., 'sms': ...}).

    ``clock`` stamps each state change (the tick's: real time live, virtual time in the
    simulator), so ``sent_at`` is exact in a long paced batch; ``rule_ids`` sends only
    those rules' rows (Run now); ``should_stop`` is asked between two messages.
    """
    run = _Run(ws, now, channels, policy, limits, clock, store, lock, should_stop)
    for name, channel in channels.items():
        note = getattr(channel, "msg", None) or getattr(channel, "note", None)  # why sandboxed or paused
        if note:
            run.summary.notes.append(note if isinstance(note, Msg) else Msg("channel_note", {"channel": name, "note": note}))
    seen: set[int] = set()
    handled = 0
    key: tuple[str, int] | None = None
    wanted = list(rule_ids) if rule_ids is not None else None
    try:
        while max_messages is None or handled < max_messages:
            active = [c for c in channels if c not in run.summary.paused]
            with lock():
                rows = store.due(now, active, batch_size, after=key, rule_ids=wanted)
            if not rows:
                break
            policy.prefetch(rows)
            key = (rows[-1].due_at, rows[-1].id)
            for row in rows:
                if should_stop():
                    return run.summary  # between messages: nothing is half-sent (finally closes)
                if row.channel in run.summary.paused or row.id in seen:
                    continue
                seen.add(row.id)
                try:
                    run.one(row)
                except ChannelUnavailable as exc:
                    run.pause(row.channel, as_msg(getattr(exc, "msg", None) or str(exc)))
                except TransitionError:  # someone else moved this row meanwhile: loud, not fatal
                    log.exception("ledger row %s moved under the dispatcher", row.id)
                handled += 1
                if max_messages is not None and handled >= max_messages:
                    break
    finally:
        for name in run.opened:
            try:
                channels[name].close()
            except Exception:   # closing must never hide what happened
                log.exception("closing the %s channel failed", name)
    return run.summary
