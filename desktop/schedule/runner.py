"""The engine's one scheduler (APScheduler 3.x): a job per enabled rule, and the periodic
jobs (connectors, delivery-status polls) beside them.

A rule job's trigger asks the engine when the rule is next due (``when``), which asks the
one function every entry point uses (``desktop.schedule.rule_due``): the scheduler brings
the thread, ``coalesce`` (a backlog of runs becomes one) and ``max_instances=1`` (a slow
check is never overlapped by the next), and decides nothing about time itself. Its
listeners report missed and failed runs of every job (``on_event``), so the history can
say what the scheduler skipped.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Callable

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

from desktop.schedule.checks import next_check
from desktop.schedule.model import MIN_EVERY, BusinessDefaults, Check, Schedule
from desktop.schedule.zones import UTC

log = logging.getLogger(__name__)

# (rule id, schedule, previous fire time or None, now) -> the next time to fire, or None
When = Callable[[int, Schedule, datetime | None, datetime], datetime | None]


class DueTrigger(BaseTrigger):
    """An APScheduler trigger whose every answer comes from the engine's ``when``."""

    __slots__ = ("rule_id", "schedule", "when")

    def __init__(self, rule_id: int, schedule: Schedule, when: When) -> None:
        self.rule_id, self.schedule, self.when = rule_id, schedule, when

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        return self.when(self.rule_id, self.schedule, previous_fire_time, now)

    def __str__(self) -> str:
        return f"due[{self.schedule.check}]"


def after_fire(schedule: Schedule, due_at: datetime | None, previous_fire_time: datetime | None, *,
               business: BusinessDefaults) -> datetime | None:
    """APScheduler asks for the next time as soon as a run starts, before the check has
    been recorded: a due time not after the run that just started is that same run, so
    the answer is the slot after it."""
    if due_at is not None and previous_fire_time is not None and due_at <= previous_fire_time:
        return next_check(schedule, previous_fire_time, business=business)
    return due_at


class RuleScheduler:
    """One job per enabled rule, rebuilt from ``load_rules()`` by ``reload()``; periodic jobs
    by ``add_periodic``. ``min_every`` exists for tests that must see many checks in a
    second; schedules read from JSON can never go below five minutes whatever this says."""

    def __init__(self, load_rules: Callable[[], list[tuple[int, Schedule, bool]]],
                 on_check: Callable[[int], None], when: When, *,
                 on_event: Callable[[str, str, datetime | None], None] | None = None,
                 min_every: timedelta = MIN_EVERY) -> None:
        self._load_rules, self._on_check, self._when = load_rules, on_check, when
        self._on_event = on_event
        self._min_every = min_every
        self._jobs: dict[int, Schedule] = {}
        self._lock = threading.RLock()
        self._stopping = False
        self._scheduler = BackgroundScheduler(
            timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1})
        self._scheduler.add_listener(self._listen, EVENT_JOB_MISSED | EVENT_JOB_ERROR)

    @staticmethod
    def job_id(rule_id: int) -> str:
        return f"rule-{rule_id}"

    def start(self) -> None:
        with self._lock:
            self._stopping = False
            self._scheduler.start()
            self._sync()

    def reload(self) -> None:
        """Re-read the rules: new or edited ones get a fresh job, disabled or deleted ones lose theirs."""
        with self._lock:
            if not self._stopping:
                self._sync()

    def shutdown(self, wait: bool = True) -> None:
        """Stop, waiting for running jobs *without* holding the lock: a job that reloads
        (the engine's sweep) needs it to finish, so holding it here would hang forever."""
        with self._lock:
            self._stopping = True
            running = self._scheduler.running
        if running:
            # Paused first, and past the pass over the jobs in progress, so that pass never
            # meets the stopped state (APScheduler then looks for the job it just ran among
            # the pending ones and its thread dies on a JobLookupError).
            self._scheduler.pause()
            with getattr(self._scheduler, "_jobstores_lock", threading.RLock()):
                pass
            self._scheduler.shutdown(wait=wait)
        with self._lock:
            self._jobs.clear()

    def add_periodic(self, job_id: str, every: timedelta, run: Callable[[], None], *,
                     first: datetime | None = None) -> None:
        """A periodic job (a connector's poll): late runs are coalesced, a run missed by more
        than one period is reported through ``on_event`` and not run."""
        self._scheduler.add_job(run, trigger=IntervalTrigger(seconds=every.total_seconds(), timezone=UTC),
                                id=job_id, name=job_id, replace_existing=True, coalesce=True, max_instances=1,
                                misfire_grace_time=max(1, int(every.total_seconds())),
                                **({"next_run_time": first} if first else {}))

    def remove_periodic(self, job_id: str) -> None:
        if self._scheduler.get_job(job_id) is not None:
            self._scheduler.remove_job(job_id)

    def run_soon(self, job_id: str, run: Callable[[], None]) -> None:
        """Once, as soon as a worker is free (Run now, a start-up sweep)."""
        self._scheduler.add_job(run, id=job_id, name=job_id, replace_existing=True, misfire_grace_time=None)

    def job_ids(self) -> set[str]:
        return {job.id for job in self._scheduler.get_jobs()}

    def next_run_times(self) -> dict[int, datetime | None]:
        with self._lock:
            return {rule_id: self._scheduler.get_job(self.job_id(rule_id)).next_run_time
                    for rule_id in self._jobs}

    def _sync(self) -> None:
        wanted = {rule_id: self._bounded(schedule)
                  for rule_id, schedule, enabled in self._load_rules() if enabled}
        for rule_id in list(self._jobs):
            if rule_id not in wanted:
                self._scheduler.remove_job(self.job_id(rule_id))
                del self._jobs[rule_id]
        for rule_id, schedule in wanted.items():
            if self._jobs.get(rule_id) == schedule:
                continue
            # Our ``when`` has already decided whether a late slot still counts: APScheduler
            # must run what it hands back, however late (``misfire_grace_time=None``).
            self._scheduler.add_job(
                self._fire, trigger=DueTrigger(rule_id, schedule, self._when), args=[rule_id],
                id=self.job_id(rule_id), name=f"check rule {rule_id}", replace_existing=True,
                coalesce=True, max_instances=1, misfire_grace_time=None)
            self._jobs[rule_id] = schedule

    def _bounded(self, schedule: Schedule) -> Schedule:
        every = schedule.check.every
        if every is not None and every < self._min_every:
            log.warning("check interval %s is below the minimum %s; using the minimum", every, self._min_every)
            return replace(schedule, check=Check(every=self._min_every))
        return schedule

    def _fire(self, rule_id: int) -> None:
        try:
            self._on_check(rule_id)
        except Exception:  # one rule's failure must not stop the others' checks
            log.exception("check of rule %s failed", rule_id)

    def _listen(self, event: JobExecutionEvent) -> None:
        kind = "missed" if event.code == EVENT_JOB_MISSED else "error"
        log.warning("scheduler: job %s %s (scheduled %s)", event.job_id, kind, event.scheduled_run_time)
        if self._on_event is not None:
            self._on_event(kind, event.job_id, event.scheduled_run_time)
