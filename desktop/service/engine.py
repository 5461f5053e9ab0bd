"""The long-running engine: one scheduler checks each rule when it is due and runs the
periodic jobs, a dispatch thread sends what is due, and requests from any window or process
("check this rule now") are carried out here and answered through the workspace.

Everything goes through one ``Tick`` (``tick.py``): the clock, the policy, the rate limits,
the pause switch, the database lock and the ledger. Only this class reads the real clock
(through ``clock``). The database lock is held for reads and state changes, never across a
server conversation or a pacing wait.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from desktop.endpoint.config import EndpointConfig
from desktop.endpoint.control import EndpointControl
from desktop.messages import Msg, define
from desktop.rules.engine import rule_schedule
from desktop.schedule import Schedule
from desktop.schedule.model import MIN_EVERY
from desktop.schedule.runner import RuleScheduler, after_fire
from desktop.service.lock import EngineLock
from desktop.service.requests import Requests
from desktop.service.tick import ChannelsFactory, Tick, TickReport, utc_now
from desktop.workspace import Workspace

log = logging.getLogger(__name__)
define({
    "job_missed": ("il lavoro {job} previsto alle {at} non è stato eseguito (PC spento o sospeso)",
                   "job {job} due at {at} did not run (the PC was off or asleep)"),
    "job_error": ("il lavoro {job} previsto alle {at} non è riuscito", "job {job} due at {at} failed"),
    "backup_failed": ("la copia di sicurezza di oggi non è riuscita: vedi il registro",
                      "today's automatic backup failed: see the log"),
    "dispatch_failed": ("l'invio si è interrotto per un errore: vedi il registro",
                        "sending stopped on an error: see the log"),
})


@dataclass
class EngineStatus:
    running: bool = False
    paused: bool = False
    sandbox_notes: list[Msg] = field(default_factory=list)
    last_check_at: datetime | None = None
    checks: int = 0
    errors: list[Msg] = field(default_factory=list)
    last_dispatch: dict[str, int] = field(default_factory=dict)
    paused_channels: dict[str, Msg] = field(default_factory=dict)
    endpoint: Msg | None = None   # the public endpoint's latest news: listening, stopped, or why not


class Engine:
    def __init__(self, data_dir: str | Path, *, clock: Callable[[], datetime] = utc_now,
                 channels_factory: ChannelsFactory | None = None,
                 dispatch_every: timedelta = timedelta(seconds=30),
                 watch_every: timedelta = timedelta(seconds=2),
                 min_every: timedelta = MIN_EVERY,
                 pacing: tuple[Callable[[], float], Callable[[float], Any]] | None = None,
                 holder: str = "", on_endpoint: Callable[[Msg], None] | None = None) -> None:
        """``pacing`` (monotonic, sleep) replaces real pacing waits (tests: a virtual clock);
        ``holder`` names this copy in the lock file, for the message another copy shows;
        ``on_endpoint`` hears the public endpoint's news, on the server's own threads (a
        window passes a Qt signal's ``emit``)."""
        self._folder = Path(data_dir)
        self._on_endpoint = on_endpoint
        self._pacing = pacing
        self._clock = clock
        self._channels_factory = channels_factory
        self._dispatch_every = dispatch_every.total_seconds()
        self._watch_every = watch_every.total_seconds()
        self._min_every = min_every
        self._db_lock = threading.RLock()
        self._wake = threading.Event()
        self._asked = threading.Event()
        self._stop = threading.Event()
        self._lock = EngineLock(self._folder, holder)
        self._threads: list[threading.Thread] = []
        self._rules_stamp: tuple | None = None
        self._pollers_stamp: tuple | None = None
        self._poller_jobs: list[str] = []
        self.ws: Workspace | None = None
        self.tick: Tick | None = None
        self.scheduler: RuleScheduler | None = None
        self.endpoint: EndpointControl | None = None
        self.status = EngineStatus()

    # -- life cycle ---------------------------------------------------------------------------
    def start(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        self._stop.clear()
        self._threads.clear()
        self._lock.acquire()
        try:
            self.ws = Workspace.open(self._folder)
            monotonic, sleep = self._pacing or (time.monotonic, self._stop.wait)
            self.tick = Tick.live(self.ws, clock=self._clock, channels=self._channels_factory,
                                  lock=self._db_lock, should_stop=self._stop.is_set, sleep=sleep,
                                  monotonic=monotonic)
            self.tick.start(self._clock())
            self._backup()
            self._builtin_connections()
            self.scheduler = RuleScheduler(self._load_rules, self._on_check, self._when,
                                           on_event=self._on_event, min_every=self._min_every)
            self._rules_stamp = self._stamp()
            self.scheduler.start()
            self._pollers_stamp = self._start_pollers()
            self.scheduler.run_soon("sweep", self.sweep)
            self.endpoint = EndpointControl(self._folder, self._clock, self._endpoint_config,
                                            on_change=self._endpoint_news)
            self.endpoint.sync()
        except BaseException:
            if self.endpoint is not None:
                self.endpoint.stop()
            if self.scheduler is not None:
                self.scheduler.shutdown(wait=False)
            if self.ws is not None:
                self.ws.close()
            self._lock.release()
            raise
        self.status.running = True
        for target in (self._dispatch_loop, self._watch_loop):
            thread = threading.Thread(target=target, name=f"postino-{target.__name__}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def _backup(self) -> None:
        """Today's automatic copy of the workspace, when the engine starts (a failed copy is
        shown, and never stops the sends)."""
        from desktop.store.backup import ensure_daily_backup

        try:
            with self._db_lock:
                ensure_daily_backup(self.ws, self._clock())
        except Exception:
            log.exception("daily backup failed")
            self.status.errors.append(Msg("backup_failed"))

    def _builtin_connections(self) -> None:
        """Twilio's delivery reports and STOP replies are polled as soon as Twilio is set up."""
        from desktop.connectors.setup import ensure_sms_replies

        try:
            with self._db_lock:
                ensure_sms_replies(self.ws, self._clock())
        except Exception:
            log.exception("could not set up the SMS replies connection")

    def stop(self) -> None:
        """Stop checking and sending. The dispatcher stops between two messages (never in the
        middle of one), and the lock is released only once nothing of ours touches the
        workspace any more, so a second engine can never overlap with this one."""
        self._stop.set()
        self._wake.set()
        self._asked.set()
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=True)
        for thread in self._threads:
            thread.join()
        if self.endpoint is not None:  # its own connection closes before the lock is released
            self.endpoint.stop()
        if self.ws is not None:
            with self._db_lock:
                self.ws.close()
        self._lock.release()
        self.status.running = False

    def _endpoint_config(self) -> EndpointConfig:
        with self._db_lock:
            return EndpointConfig.from_settings(self.ws.settings)

    def _endpoint_news(self, msg: Msg) -> None:
        self.status.endpoint = msg
        if self._on_endpoint is not None:
            self._on_endpoint(msg)

    def reload(self) -> None:
        """Rules changed: rebuild the jobs now (the watcher also notices within seconds)."""
        if self.scheduler is not None and self.tick is not None:
            with self._db_lock:
                self._rules_stamp = self._stamp()
            self.tick.rules_changed()
            self.scheduler.reload()

    def wake(self) -> None:
        """Something may be due now (a request, a resume): look without waiting."""
        self._asked.set()
        self._wake.set()

    # -- scheduler callbacks ----------------------------------------------------------------
    def _load_rules(self) -> list[tuple[int, Schedule, bool]]:
        with self._db_lock:
            business = self.tick.business
            return [(r.id, rule_schedule(r, business), r.enabled) for r in self.ws.rules.all()]

    def _when(self, rule_id: int, schedule: Schedule, previous: datetime | None, now: datetime) -> datetime | None:
        with self._db_lock:
            rule = self.ws.rules.get(rule_id)
        if rule is None or not rule.enabled:
            return None
        due = self.tick.due(rule, self._clock())  # the engine's clock, not the scheduler's own
        return after_fire(schedule, due.at, previous, business=self.tick.business)

    def _on_check(self, rule_id: int) -> None:
        with self._db_lock:
            rule = self.ws.rules.get(rule_id)
        if rule is None or not rule.enabled or self._paused():
            return  # a paused check is a missed window: caught up (or skipped) on resume
        report = TickReport()
        self.tick.check_if_due(rule, self._clock(), report)
        self._note(report)
        if report.checks:
            self._wake.set()

    def _on_event(self, kind: str, job_id: str, scheduled: datetime | None) -> None:
        self.status.errors.append(Msg("job_" + kind, {"job": job_id, "at": str(scheduled)}))

    def sweep(self) -> None:
        """Every enabled rule asked once: catch-ups run, skipped slots are written down.
        At start, and after the PC wakes up."""
        if self._paused():
            return
        report = TickReport()
        now = self._clock()
        for rule in self.tick.enabled_rules():
            self.tick.check_if_due(rule, now, report)
        self._note(report)
        self._wake.set()  # a job whose slot this sweep just took finds it not due, and moves on

    def _note(self, report: TickReport) -> None:
        if report.checks:
            self.status.last_check_at = self._clock()
            self.status.checks += len(report.checks)
        self.status.errors.extend(report.errors.values())

    def _paused(self) -> bool:
        self.status.paused = self.tick.paused()
        return self.status.paused

    # -- sending ------------------------------------------------------------------------------
    def _dispatch_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(timeout=self._dispatch_every)
            self._wake.clear()
            if self._stop.is_set():
                break
            try:
                self.dispatch_now()
            except Exception:  # keep the loop alive; the status line shows it
                log.exception("dispatch failed")
                self.status.errors.append(Msg("dispatch_failed"))

    def dispatch_now(self) -> None:
        """Send what is due. One ``Tick`` and so one ``Limits`` for the engine's whole life."""
        if self._paused():
            return
        summary = self.tick.dispatch(self._clock())
        self.status.sandbox_notes = summary.notes
        self.status.last_dispatch = summary.counts
        self.status.paused_channels = summary.paused

    # -- requests from other windows and processes ---------------------------------------------
    def _serve_requests(self) -> None:
        """"Check this rule now", from this process or another: checked through the tick
        (lock, pause, policy), and only that rule's due rows are sent early."""
        requests = Requests(self.ws, self._db_lock)
        for request in requests.take(self._clock()):
            report = self.tick.run(self._clock(), rule_ids=[request.rule_id], force=True)
            self._note(report)
            requests.answer(request, report, self._clock())

    def _stamp(self) -> tuple:
        return tuple(self.ws.db.execute(
            "SELECT count(*), max(updated_at), group_concat(enabled) FROM rules").fetchone())

    # -- connectors: periodic jobs of the same scheduler -------------------------------------
    def _connections_stamp(self) -> tuple:
        with self._db_lock:
            return tuple(self.ws.db.execute(
                "SELECT count(*), group_concat(name || ':' || kind || ':' || enabled || ':' || every_seconds || ':' "
                "|| config, '|') FROM connections").fetchone())

    def _start_pollers(self) -> tuple:
        """One periodic job per enabled connection; each poll fetches outside the database
        lock and writes each page, with its cursor, in one transaction under it."""
        from desktop.connectors.keys import ConnectionSecrets
        from desktop.connectors.run import poll_connection, pollers_for

        stamp = self._connections_stamp()
        for job_id in self._poller_jobs:
            self.scheduler.remove_periodic(job_id)
        self._poller_jobs = []
        with self._db_lock:
            found = pollers_for(self.ws, ConnectionSecrets())
        for connection, poller in found:
            def run(poller=poller, connection=connection) -> None:
                if self._paused():
                    return
                outcome = poll_connection(self.ws, poller, connection, self._clock(), db_lock=self._db_lock)
                if outcome.error is not None:
                    self.status.errors.append(outcome.error)
                elif outcome.summary.written:
                    self._wake.set()  # new purchases or replies may stop (or start) sends
            job_id = f"poll-{connection.name}"
            self.scheduler.add_periodic(job_id, poller.every, run)
            self._poller_jobs.append(job_id)
        return stamp

    def _watch_loop(self) -> None:
        """Rules edited by another process (the CLI) reschedule here, and requests are
        answered, within ``watch_every``."""
        while not self._stop.is_set():
            self._asked.wait(self._watch_every)
            self._asked.clear()
            if self._stop.is_set():
                break
            try:
                with self._db_lock:
                    stamp = self._stamp()
                if stamp != self._rules_stamp:
                    self._rules_stamp = stamp
                    self.tick.rules_changed()
                    self.scheduler.reload()
                if self._connections_stamp() != self._pollers_stamp:
                    self._pollers_stamp = self._start_pollers()
                self._serve_requests()
                self.endpoint.sync()  # endpoint settings changed: the server follows
            except Exception:  # keep watching; the status line shows it
                log.exception("engine watch failed")
