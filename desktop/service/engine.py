"""The long-running engine: APScheduler checks each rule on its schedule, a dispatch thread
sends what is due, and rule edits (from the app or the CLI) reschedule the jobs.

Only this class reads the real clock (through ``clock``); everything it calls takes ``now``.
All database work happens under one lock on one connection, so the scheduler's worker
threads and the dispatch thread never use SQLite at the same time.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from desktop.delivery.dispatcher import dispatch_due
from desktop.delivery.setup import channels_from_settings
from desktop.rules.engine import last_check
from desktop.rules.send_policy import RulePolicy
from desktop.schedule import Schedule, business_defaults
from desktop.schedule.model import MIN_EVERY
from desktop.schedule.runner import RuleScheduler
from desktop.service.cycle import check_one
from desktop.service.lock import EngineLock
from desktop.workspace import Workspace

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class EngineStatus:
    running: bool = False
    paused: bool = False
    sandbox_notes: list[str] = field(default_factory=list)
    last_check_at: datetime | None = None
    checks: int = 0
    errors: list[str] = field(default_factory=list)
    last_dispatch: dict[str, int] = field(default_factory=dict)


class Engine:
    def __init__(self, data_dir: str | Path, *, clock: Callable[[], datetime] = utc_now,
                 channels_factory: Callable[[Workspace], dict[str, Any]] = channels_from_settings,
                 dispatch_every: timedelta = timedelta(seconds=30),
                 watch_every: timedelta = timedelta(seconds=10),
                 min_every: timedelta = MIN_EVERY) -> None:
        self._folder = Path(data_dir)
        self._clock = clock
        self._channels_factory = channels_factory
        self._dispatch_every = dispatch_every.total_seconds()
        self._watch_every = watch_every.total_seconds()
        self._min_every = min_every
        self._db_lock = threading.RLock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = EngineLock(self._folder)
        self._threads: list[threading.Thread] = []
        self._rules_stamp: tuple | None = None
        self.ws: Workspace | None = None
        self.scheduler: RuleScheduler | None = None
        self.status = EngineStatus()

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        self._stop.clear()
        self._threads.clear()
        self._lock.acquire()
        try:
            self.ws = Workspace.open(self._folder)
            business = business_defaults(self.ws.settings)
            self.scheduler = RuleScheduler(self._load_rules, self._on_check, self._last_check, business,
                                           clock=self._clock, min_every=self._min_every)
            self._rules_stamp = self._stamp()
            self.scheduler.start()
        except BaseException:
            self._lock.release()
            raise
        self.status.running = True
        for target in (self._dispatch_loop, self._watch_loop):
            thread = threading.Thread(target=target, name=f"postino-{target.__name__}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        """Stop checking and sending. The dispatcher stops between two messages (never in the
        middle of one), and the lock is released only once nothing of ours touches the
        workspace any more, so a second engine can never overlap with this one."""
        self._stop.set()
        self._wake.set()
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=True)
        for thread in self._threads:
            thread.join()
        if self.ws is not None:
            with self._db_lock:
                self.ws.close()
        self._lock.release()
        self.status.running = False

    def reload(self) -> None:
        """Rules changed: rebuild the jobs now (the watcher also notices within seconds)."""
        if self.scheduler is not None:
            with self._db_lock:
                self._rules_stamp = self._stamp()
            self.scheduler.reload()

    # -- callbacks ----------------------------------------------------------------------------
    def _load_rules(self) -> list[tuple[int, Schedule, bool]]:
        with self._db_lock:
            business = business_defaults(self.ws.settings)
            return [(r.id, Schedule.from_dict(r.schedule, business=business), r.enabled)
                    for r in self.ws.rules.all()]

    def _last_check(self, rule_id: int) -> datetime | None:
        with self._db_lock:
            return last_check(self.ws.db, rule_id)

    def _paused(self) -> bool:
        """The user's pause switch (a setting, so the app, the CLI and a service all see it)."""
        paused = bool(self.ws.settings.get("engine.paused"))
        self.status.paused = paused
        return paused

    def _on_check(self, rule_id: int, fire_time: datetime) -> None:
        with self._db_lock:
            if self._paused():
                return  # a paused check is a missed window: caught up (or skipped) on resume
            rule = self.ws.rules.get(rule_id)
            if rule is None or not rule.enabled:
                return
            outcome = check_one(self.ws, rule, self._clock(), business_defaults(self.ws.settings))
            self.status.last_check_at = self._clock()
            self.status.checks += 1
            if isinstance(outcome, str):
                self.status.errors.append(f"{rule.name}: {outcome}")
        self._wake.set()

    def _dispatch_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(timeout=self._dispatch_every)
            self._wake.clear()
            if self._stop.is_set():
                break
            try:
                self.dispatch_now()
            except Exception as exc:  # keep the loop alive; the status line shows it
                log.exception("dispatch failed")
                self.status.errors.append(f"dispatch: {type(exc).__name__}: {exc}")

    def dispatch_now(self, batch: int = 100) -> None:
        """Send what is due, one batch per hold of the database lock: the dispatcher paces
        itself to the provider's rate (it sleeps), and rule checks must not wait behind a
        whole day's volume. Each batch reuses one connection (the dispatcher opens and closes it)."""
        with self._db_lock:
            if self._paused():
                return
            channels = self._channels_factory(self.ws)
        totals: dict[str, int] = {}
        while not self._stop.is_set():
            with self._db_lock:
                ws = self.ws
                summary = dispatch_due(ws, self._clock(), channels=channels, max_messages=batch,
                                       policy=RulePolicy(ws, business_defaults(ws.settings)),
                                       clock=self._clock,
                                       should_stop=lambda: self._stop.is_set() or self._paused())
            self.status.sandbox_notes = summary.notes
            for state, count in summary.counts.items():
                totals[state] = totals.get(state, 0) + count
            if sum(summary.counts.values()) < batch or summary.paused:
                break
        self.status.last_dispatch = totals

    def _stamp(self) -> tuple:
        return tuple(self.ws.db.execute(
            "SELECT count(*), max(updated_at), group_concat(enabled) FROM rules").fetchone())

    def _watch_loop(self) -> None:
        """Rules edited by another process (the CLI) reschedule here within ``watch_every``."""
        while not self._stop.wait(self._watch_every):
            with self._db_lock:
                stamp = self._stamp()
            if stamp != self._rules_stamp:
                self._rules_stamp = stamp
                self.scheduler.reload()
