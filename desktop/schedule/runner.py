"""APScheduler 3.x runs each enabled rule's checks; every time it asks us "when next?".

The trigger delegates to ``next_check``, so the live engine and the simulator share one
implementation of every rule of time. APScheduler contributes the thread, ``coalesce`` (a
backlog of runs becomes one), ``max_instances=1`` (a slow check is never overlapped by the
next) and ``misfire_grace_time`` (how late is too late: never, for catch-up-once rules; a
minute, for rules that skip missed windows).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Callable

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger

from desktop.schedule.checks import missed_checks, next_check
from desktop.schedule.model import MIN_EVERY, BusinessDefaults, Check, Schedule
from desktop.schedule.zones import UTC

log = logging.getLogger(__name__)

# A "skip" rule's check that starts later than this is dropped: its window went by unobserved.
SKIP_GRACE_SECONDS = 60


def _utc_now() -> datetime:
    return datetime.now(UTC)


class ScheduleTrigger(BaseTrigger):
    """An APScheduler trigger whose every answer comes from ``next_check``."""

    __slots__ = ("schedule", "business")

    def __init__(self, schedule: Schedule, business: BusinessDefaults) -> None:
        self.schedule = schedule
        self.business = business

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        return next_check(self.schedule, previous_fire_time or now, business=self.business)

    def __str__(self) -> str:
        return f"schedule[{self.schedule.check}]"


class RuleScheduler:
    """One APScheduler job per enabled rule, rebuilt from ``load_rules()`` by ``reload()``.

    ``min_every`` exists for tests that must see many checks in a second; schedules read from
    JSON can never go below five minutes whatever this says.
    """

    def __init__(
        self,
        load_rules: Callable[[], list[tuple[int, Schedule, bool]]],
        on_check: Callable[[int, datetime], None],
        last_check: Callable[[int], datetime | None],
        business: BusinessDefaults,
        clock: Callable[[], datetime] = _utc_now,
        *,
        min_every: timedelta = MIN_EVERY,
    ) -> None:
        self._load_rules = load_rules
        self._on_check = on_check
        self._last_check = last_check
        self._clock = clock
        self.business = business
        self._min_every = min_every
        self._jobs: dict[int, Schedule] = {}
        self._lock = threading.RLock()
        self._scheduler = BackgroundScheduler(
            timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1})

    @staticmethod
    def job_id(rule_id: int) -> str:
        return f"rule-{rule_id}"

    def start(self) -> None:
        """Start the thread, then plan every rule, catching up once where a check was missed."""
        with self._lock:
            self._scheduler.start()
            self._sync(on_start=True)

    def reload(self) -> None:
        """Re-read the rules: new or edited ones get a fresh job, disabled or deleted ones lose theirs."""
        with self._lock:
            self._sync(on_start=False)

    def shutdown(self, wait: bool = True) -> None:
        with self._lock:
            if self._scheduler.running:
                self._scheduler.shutdown(wait=wait)
            self._jobs.clear()

    def next_run_times(self) -> dict[int, datetime | None]:
        with self._lock:
            return {rule_id: self._scheduler.get_job(self.job_id(rule_id)).next_run_time
                    for rule_id in self._jobs}

    def _sync(self, on_start: bool) -> None:
        wanted = {rule_id: self._bounded(schedule)
                  for rule_id, schedule, enabled in self._load_rules() if enabled}
        for rule_id in list(self._jobs):
            if rule_id not in wanted:
                self._scheduler.remove_job(self.job_id(rule_id))
                del self._jobs[rule_id]
        for rule_id, schedule in wanted.items():
            if not on_start and self._jobs.get(rule_id) == schedule:
                continue
            catch_up = on_start and missed_checks(
                schedule, self._last_check(rule_id), self._clock(), business=self.business) == "catch_up"
            self._add(rule_id, schedule, catch_up)

    def _bounded(self, schedule: Schedule) -> Schedule:
        every = schedule.check.every
        if every is not None and every < self._min_every:
            log.warning("check interval %s is below the minimum %s; using the minimum", every, self._min_every)
            return replace(schedule, check=Check(every=self._min_every))
        return schedule

    def _add(self, rule_id: int, schedule: Schedule, catch_up: bool) -> None:
        extra = {"next_run_time": self._clock()} if catch_up else {}
        self._scheduler.add_job(
            self._fire, trigger=ScheduleTrigger(schedule, self.business), args=[rule_id],
            id=self.job_id(rule_id), name=f"check rule {rule_id}", replace_existing=True,
            coalesce=True, max_instances=1,
            misfire_grace_time=None if schedule.missed == "catch_up_once" else SKIP_GRACE_SECONDS,
            **extra)
        self._jobs[rule_id] = schedule

    def _fire(self, rule_id: int) -> None:
        try:
            self._on_check(rule_id, self._clock())
        except Exception:  # one rule's failure must not stop the others' checks
            log.exception("check of rule %s failed", rule_id)
