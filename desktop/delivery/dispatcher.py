"""Send what is due: re-check, render, claim, send, record — one row at a time.

Order for each row: expired? → contact still consents and has an address? → the policy
hook (quiet hours, days, frequency caps) → the channel's daily cap → render (a template
that fails is ``skipped`` with the reason) → claim (``sending``, committed) → the channel →
the outcome recorded. Only the claim-to-record span can be interrupted by a crash, and it
covers one message per channel connection; the next start turns it into ``uncertain``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Mapping

from desktop.delivery import policy as pol
from desktop.delivery.channel import (BACKOFF, FAILED, RETRY, SENT, UNCERTAIN, Channel,
                                      ChannelUnavailable, OutgoingMessage)
from desktop.delivery.compose import Composer
from desktop.delivery.limits import Limits
from desktop.delivery.outbox import DueRow, LedgerStore
from desktop.templating import TemplateProblem
from desktop.timeutil import from_db

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

log = logging.getLogger("postino.dispatch")
BACKOFF_BASE = timedelta(minutes=2)
BACKOFF_MAX = timedelta(hours=6)


@dataclass
class DispatchSummary:
    recovered_uncertain: int = 0
    counts: dict[str, int] = field(default_factory=dict)     # outcome -> rows
    paused: dict[str, str] = field(default_factory=dict)     # channel -> why it stopped
    notes: list[str] = field(default_factory=list)

    def add(self, state: str) -> None:
        self.counts[state] = self.counts.get(state, 0) + 1

    @property
    def sent(self) -> int:
        return self.counts.get("sent", 0)


def backoff_delay(attempts: int, retry_after: float | None = None) -> timedelta:
    delay = min(BACKOFF_BASE * (2 ** max(0, attempts - 1)), BACKOFF_MAX)
    if retry_after:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay


def _consent(row: DueRow, contact: dict[str, Any]) -> str | None:
    if row.channel == "email":
        if not contact.get("email"):
            return "the contact has no e-mail address"
        if contact.get("email_status") != "subscribed":
            return f"e-mail status is {contact.get('email_status')!r}"
    else:
        if not contact.get("phone"):
            return "the contact has no mobile number"
        if contact.get("sms_status") != "subscribed":
            return f"SMS status is {contact.get('sms_status')!r}"
    return None


class _Run:
    def __init__(self, ws: "Workspace", now: datetime, channels: Mapping[str, Channel],
                 policy: pol.Policy | None, limits: Limits, clock: Callable[[], datetime],
                 store: LedgerStore) -> None:
        self.ws, self.now, self.channels, self.policy = ws, now, channels, policy
        self.limits, self.clock, self.store = limits, clock, store
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

    def pause(self, channel: str, why: str) -> None:
        self.summary.paused.setdefault(channel, why)
        log.warning("%s paused for this run: %s", channel, why)

    def retry_or_fail(self, row: DueRow, reason: str, now: datetime, retry_after: float | None,
                      segments: int | None) -> None:
        if row.attempts >= self.max_attempts:
            self.store.failed(row, f"gave up after {row.attempts} attempts: {reason}", now, segments)
            self.summary.add("failed")
            return
        self.store.deferred(row, now + backoff_delay(row.attempts, retry_after), reason, now)
        self.summary.add("deferred")

    def one(self, row: DueRow) -> None:
        now = self.clock()
        store, channel = self.store, self.channels[row.channel]
        next_day = self.cap_reached(row.channel, now)
        if next_day is not None:  # the day's cap is used up: everything due waits, in one write
            cap = self.limits.daily_caps[row.channel]
            moved = store.spread_over_days(row.channel, self.now, lambda k: self.limits.day_start_after(next_day, k),
                                           cap, f"daily cap of {cap} reached", now)
            for _ in range(moved):  # rows already fetched in this batch find nothing left to move
                self.summary.add("deferred")
            return None
        if row.expires_at and from_db(row.expires_at) <= now:
            store.dropped(row, "expired before it could be sent", now)
            return self.summary.add("dropped")
        contact = store.contact(row.contact_id)
        if contact is None:
            store.skipped(row, "the contact no longer exists", now)
            return self.summary.add("skipped")
        why = _consent(row, contact)
        if why:
            store.skipped(row, why, now)
            return self.summary.add("skipped")
        decision = self.policy.recheck(row, contact, now) if self.policy else pol.send()
        if self.held_back(row, decision, now):
            return None
        template = store.template_for(row.rule_id)
        if isinstance(template, str):
            store.skipped(row, template, now)
            return self.summary.add("skipped")
        deadline = decision.deadline or (from_db(row.expires_at) if row.expires_at else None)
        try:
            message = self.composer.compose(row, contact, template, now, deadline,
                                            mime=getattr(channel, "wants_mime", True))
        except TemplateProblem as exc:
            store.skipped(row, str(exc), now)
            return self.summary.add("skipped")
        if row.channel not in self.opened:
            channel.open()          # ChannelUnavailable propagates to the caller's loop
            self.opened.add(row.channel)
        if getattr(channel, "paced", channel.kind in ("smtp", "twilio")):
            self.limits.pace(row.channel)
            paced_now = self.clock()
            if paced_now != now and self.policy:
                # Waiting for the provider's pace moved the clock: ask again, so a message
                # whose turn comes at 21:00 waits for the morning instead of going out.
                later = self.policy.recheck(row, contact, paced_now)
                if self.held_back(row, later, paced_now):
                    return None
                if later.deadline is not None and message.channel == "sms":
                    message.deadline = later.deadline
            now = paced_now
            message.now = now
        if not store.claim(row, now):
            return                  # another process took it
        self.send_claimed(row, channel, message, now)

    def held_back(self, row: DueRow, decision: pol.Decision, now: datetime) -> bool:
        """Record a policy's defer / skip / drop; False when the row may go."""
        store = self.store
        if decision.action == pol.DEFER and decision.until is not None:
            store.deferred(row, decision.until, decision.reason, now)
            self.summary.add("deferred")
            return True
        if decision.action in (pol.SKIP, pol.DROP):
            (store.skipped if decision.action == pol.SKIP else store.dropped)(row, decision.reason, now)
            self.summary.add("skipped" if decision.action == pol.SKIP else "dropped")
            return True
        return False

    def send_claimed(self, row: DueRow, channel: Channel, message: OutgoingMessage, now: datetime) -> None:
        store = self.store
        try:
            result = channel.send(message)
        except ChannelUnavailable as exc:   # raised before anything reached the server
            store.deferred(row, now + backoff_delay(row.attempts), str(exc), now)
            self.summary.add("deferred")
            self.pause(row.channel, str(exc))
            return
        except Exception as exc:            # unknown: it may have gone out
            store.uncertain(row, f"unexpected error while sending: {type(exc).__name__}", now)
            self.summary.add("uncertain")
            self.pause(row.channel, f"unexpected error: {type(exc).__name__}")
            return
        done = self.clock()
        if result.outcome == SENT:
            store.sent(row, result.provider_id, result.segments, done)
            self.day_count[row.channel] = self.day_count.get(row.channel, 0) + 1
            after_sent = getattr(self.policy, "after_sent", None)
            if after_sent is not None:  # the rule's "after sending" group changes
                after_sent(row, done)
        elif result.outcome == FAILED:
            store.failed(row, result.reason, done, result.segments)
        elif result.outcome == UNCERTAIN:
            store.uncertain(row, result.reason, done)
        elif result.outcome in (RETRY, BACKOFF):
            self.retry_or_fail(row, result.reason, done, result.retry_after, result.segments)
            if result.outcome == BACKOFF:
                self.pause(row.channel, result.reason)
            return
        if result.contact_update:
            store.update_contact(row.contact_id, result.contact_update, done)
        self.summary.add(result.outcome)


def dispatch_due(ws: "Workspace", now: datetime, *, channels: Mapping[str, Channel],
                 policy: pol.Policy | None = None, limits: Limits | None = None,
                 clock: Callable[[], datetime] | None = None, batch_size: int = 500,
                 max_messages: int | None = None, store: LedgerStore | None = None,
                 should_stop: Callable[[], bool] | None = None) -> DispatchSummary:
    """Send every e-mail/SMS row due at ``now`` through ``channels`` ({'email': ..., 'sms': ...}).

    ``clock`` stamps each state change (default: ``now`` throughout; the service passes the
    real clock so ``sent_at`` is exact in a long batch).
    """
    store = store or LedgerStore(ws)
    run = _Run(ws, now, channels, policy, limits or Limits.from_settings(ws),
               clock or (lambda: now), store)
    run.summary.recovered_uncertain = store.recover_sending(now)
    for name, channel in channels.items():
        note = getattr(channel, "note", "")
        if note:
            run.summary.notes.append(f"{name}: {note}")
    seen: set[int] = set()
    handled = 0
    key: tuple[str, int] | None = None
    try:
        while max_messages is None or handled < max_messages:
            active = [c for c in channels if c not in run.summary.paused]
            rows = store.due(now, active, batch_size, after=key)
            if not rows:
                break
            key = (rows[-1].due_at, rows[-1].id)
            for row in rows:
                if should_stop is not None and should_stop():
                    return run.summary  # between messages: nothing is half-sent (finally closes)
                if row.channel in run.summary.paused or row.id in seen:
                    continue
                seen.add(row.id)
                try:
                    run.one(row)
                except ChannelUnavailable as exc:
                    run.pause(row.channel, str(exc))
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
