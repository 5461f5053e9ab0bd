"""The one place a check-and-dispatch is assembled.

The service, ``run-once``, ``dispatch``, the app's Run now, the tray and the simulator all
go through a ``Tick``: the same clock, the same policy (quiet hours, days, caps, consent and
the rule's own conditions, asked again right before each send), the same rate limits (one
``Limits`` per engine, kept across batches and ticks), the same pause switch, the same lock
and the same ledger store. ``Tick.live`` builds one for a real workspace; the simulator
builds one on its copy with a virtual clock, a recording channel and its own store.

Whether a rule is due is ``desktop.schedule.rule_due``, asked through ``Tick.due`` only.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from desktop.delivery.channel import Channel
from desktop.delivery.dispatcher import DispatchSummary, Lock, dispatch_due
from desktop.delivery.limits import Limits
from desktop.delivery.outbox import LedgerStore
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.rules.caps import Cap, caps_from_settings
from desktop.rules.due import due_of, record_missed
from desktop.rules.engine import CheckResult, check_rule, rule_schedule
from desktop.rules.model import Rule
from desktop.rules.send_policy import RulePolicy
from desktop.schedule import BusinessDefaults, Due, business_defaults
from desktop.timeutil import to_db

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

log = logging.getLogger("postino.tick")
ChannelsFactory = Callable[["Workspace"], Mapping[str, Channel]]
define({"check_failed": ("controllo non riuscito: {error}", "the check failed: {error}")})


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class TickReport:
    paused: bool = False
    checks: list[tuple[Rule, CheckResult]] = field(default_factory=list)
    errors: dict[str, Msg] = field(default_factory=dict)           # rule name -> why its check failed
    missed: list[tuple[str, datetime]] = field(default_factory=list)  # (rule name, slot skipped)
    dispatch: DispatchSummary = field(default_factory=DispatchSummary)


class Tick:
    def __init__(self, ws: "Workspace", *, clock: Callable[[], datetime], channels: ChannelsFactory,
                 limits: Limits, lock: Lock, store: LedgerStore | None = None,
                 caps: dict[str, Cap] | None = None, explain: bool = False,
                 should_stop: Callable[[], bool] = lambda: False,
                 refresh_limits: Callable[["Workspace"], Limits] | None = None,
                 page_size: int = 500) -> None:
        """``page_size``: due rows read at once (each page's send-time re-check is one query
        per rule on it)."""
        self.ws, self.clock, self.lock = ws, clock, lock
        self._channels, self.limits, self._refresh_limits = channels, limits, refresh_limits
        self.store = store or LedgerStore(ws)
        self.caps = caps if caps is not None else caps_from_settings(ws.settings)
        self.explain, self.should_stop, self.page_size = explain, should_stop, page_size
        self.business: BusinessDefaults = business_defaults(ws.settings)
        self.policy = self._policy()

    @classmethod
    def live(cls, ws: "Workspace", *, clock: Callable[[], datetime] = utc_now,
             channels: ChannelsFactory | None = None, lock: threading.RLock | None = None,
             should_stop: Callable[[], bool] = lambda: False,
             sleep: Callable[[float], Any] = time.sleep,
             monotonic: Callable[[], float] = time.monotonic) -> "Tick":
        """The tick of a real workspace: real channels, the live ledger, real pacing."""
        from desktop.delivery.setup import channels_from_settings

        guard = lock or threading.RLock()
        return cls(ws, clock=clock, channels=channels or channels_from_settings,
                   limits=Limits.from_settings(ws, clock=monotonic, sleep=sleep), lock=lambda: guard,
                   should_stop=should_stop,
                   refresh_limits=lambda w: Limits.from_settings(w, clock=monotonic, sleep=sleep))

    def _policy(self) -> RulePolicy:
        return RulePolicy(self.ws, self.business, self.caps, slots=getattr(self.store, "cap_slots", None))

    # -- what the engine asks ---------------------------------------------------------------
    def start(self, now: datetime) -> int:
        """Once, by whoever holds the workspace's engine lock: rows a crash left ``sending``
        become ``uncertain`` (never resent blindly). Never during another engine's run."""
        with self.lock():
            return self.store.recover_sending(now)

    def rules_changed(self) -> None:
        """Rules or settings were edited: forget what the policy remembered about them."""
        with self.lock():
            self.business = business_defaults(self.ws.settings)
            self.caps = caps_from_settings(self.ws.settings)
            self.policy = self._policy()

    def paused(self) -> bool:
        """The user's pause switch: one setting, so every window and process sees the same."""
        with self.lock():
            return bool(self.ws.settings.get("engine.paused"))

    def _stopping(self) -> Callable[[], bool]:
        """Asked between two messages: stop, or pause, heard within a second (the setting is
        read at most once a second of real time, not once per message of a 30,000 batch)."""
        last = [float("-inf"), False]

        def ask() -> bool:
            if self.should_stop():
                return True
            moment = time.monotonic()
            if moment - last[0] >= 1.0:
                last[0], last[1] = moment, self.paused()
            return bool(last[1])
        return ask

    def due(self, rule: Rule, now: datetime) -> Due:
        with self.lock():
            return due_of(self.ws.db, rule.id, rule_schedule(rule, self.business), now, self.business)

    def enabled_rules(self, rule_ids: Iterable[int] | None = None) -> list[Rule]:
        with self.lock():
            rules = self.ws.rules.all(enabled_only=True)
        wanted = set(rule_ids) if rule_ids is not None else None
        return [r for r in rules if wanted is None or r.id in wanted]

    # -- doing it -----------------------------------------------------------------------------
    def check(self, rule: Rule, now: datetime) -> CheckResult | Msg:
        """Check one rule now (the caller decided it is due, or the user asked)."""
        with self.lock():
            try:
                return check_rule(self.ws, rule, rule.id, now, business=self.business, caps=self.caps,
                                  explain=self.explain)
            except Exception as exc:
                log.exception("check of rule %r failed", rule.name)
                # A refusal the engine words itself (a group gone, a field removed) is said in
                # the user's language; anything else names the exception for the log reader.
                coded = exc.msg if isinstance(exc, InputError) else None
                why = Msg("check_failed", {"error": coded or f"{type(exc).__name__}: {exc}"})
                self.ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, error) VALUES (?, ?, ?)",
                                   [rule.id, to_db(now), why.encode()])
                return why

    def check_if_due(self, rule: Rule, now: datetime, report: TickReport) -> None:
        due = self.due(rule, now)
        if due.missed is not None:
            with self.lock():
                if record_missed(self.ws.db, rule.id, due.missed, now):
                    report.missed.append((rule.name, due.missed))
        if due.now(now):
            self._checked(rule, self.check(rule, now), report)

    def _checked(self, rule: Rule, outcome: CheckResult | Msg, report: TickReport) -> None:
        if isinstance(outcome, Msg):
            report.errors[rule.name] = outcome
        else:
            report.checks.append((rule, outcome))

    def dispatch(self, now: datetime, *, rule_ids: Iterable[int] | None = None,
                 max_messages: int | None = None) -> DispatchSummary:
        if self.paused():
            return DispatchSummary()
        with self.lock():
            if self._refresh_limits is not None:
                self.limits.follow(self._refresh_limits(self.ws))
            channels = self._channels(self.ws)
        return dispatch_due(self.ws, now, channels=channels, policy=self.policy, limits=self.limits,
                            clock=self.clock, store=self.store, lock=self.lock,
                            should_stop=self._stopping(),
                            rule_ids=rule_ids, max_messages=max_messages, batch_size=self.page_size)

    def run(self, now: datetime, *, rule_ids: Iterable[int] | None = None, force: bool = False,
            dispatch: bool = True) -> TickReport:
        """Check the rules that are due (``force``: the ones named, due or not), then send what
        is due — only the named rules' rows when rules are named (Run now)."""
        report = TickReport()
        if self.paused():
            report.paused = True
            return report
        for rule in self.enabled_rules(rule_ids):
            if force:
                self._checked(rule, self.check(rule, now), report)
            else:
                self.check_if_due(rule, now, report)
        if dispatch:
            report.dispatch = self.dispatch(self.clock(), rule_ids=rule_ids if force else None)
        return report


_UNLOCKED: contextlib.nullcontext[None] = contextlib.nullcontext()


def no_lock() -> contextlib.nullcontext[None]:
    """The simulator's lock: its copy has one reader and writer, itself. (One stateless
    context shared by every call: the dispatcher asks for it three times a message.)"""
    return _UNLOCKED
