"""The real APScheduler, with intervals of a tenth of a second: edits, disabling, catch-up on
start — its triggers asking the same ``rule_due`` the engine asks."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import Callable
from zoneinfo import ZoneInfo

from desktop.schedule import BusinessDefaults, Schedule, next_check, rule_due
from desktop.schedule.model import Check
from desktop.schedule.runner import RuleScheduler, after_fire

UTC = timezone.utc
BUSINESS = BusinessDefaults("Europe/Rome", ["21:00-09:00"])
HOURLY = Schedule.from_dict({"check": {"every_minutes": 60}})
FAST = replace(HOURLY, check=Check(every=timedelta(milliseconds=100)))


class Recorder:
    """Stands where the engine stands: records each check as the rule's last check, and
    answers the trigger with ``rule_due`` from those, as ``Engine._when`` does."""

    def __init__(self, last: dict[int, datetime | None] | None = None) -> None:
        self.calls: dict[int, list[datetime]] = {}
        self.last: dict[int, datetime | None] = dict(last or {})
        self.saved = datetime.now(UTC)
        self._lock = threading.Lock()

    def __call__(self, rule_id: int) -> None:
        now = datetime.now(UTC)
        with self._lock:
            self.calls.setdefault(rule_id, []).append(now)
            self.last[rule_id] = now

    def when(self, rule_id: int, schedule: Schedule, previous: datetime | None, now: datetime) -> datetime | None:
        with self._lock:
            last = self.last.get(rule_id)
        due = rule_due(schedule, last, self.saved - timedelta(hours=1), now, business=BUSINESS)
        return after_fire(schedule, due.at, previous, business=BUSINESS)

    def count(self, rule_id: int) -> int:
        with self._lock:
            return len(self.calls.get(rule_id, []))


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_edits_reschedule_jobs_and_disabled_rules_stop_being_checked() -> None:
    rules: dict[int, tuple[Schedule, bool]] = {1: (FAST, True), 2: (FAST, True), 3: (HOURLY, True), 4: (FAST, False)}
    recorder = Recorder({3: datetime.now(UTC)})  # rule 3 was just checked: its next slot is up to an hour away
    runner = RuleScheduler(lambda: [(i, s, on) for i, (s, on) in rules.items()], recorder, recorder.when,
                           min_every=timedelta(milliseconds=50))
    runner.start()
    try:
        assert wait_for(lambda: recorder.count(1) >= 3 and recorder.count(2) >= 3)
        assert recorder.count(3) == 0 and recorder.count(4) == 0
        assert set(runner.next_run_times()) == {1, 2, 3}

        rules[1] = (HOURLY, True)        # edited: slower
        rules[2] = (FAST, False)         # disabled
        rules[3] = (FAST, True)          # edited: faster
        runner.reload()
        assert wait_for(lambda: recorder.count(3) >= 3)
        time.sleep(0.2)                  # a check already running when reload came may finish
        settled = recorder.count(1), recorder.count(2)
        time.sleep(0.6)
        assert (recorder.count(1), recorder.count(2)) == settled
        assert recorder.count(3) >= 6 and recorder.count(4) == 0
        plan = runner.next_run_times()
        assert set(plan) == {1, 3}
        now = datetime.now(UTC)
        assert plan[1] is not None and timedelta(0) < plan[1] - now <= timedelta(hours=1)
        assert plan[1] == next_check(HOURLY, plan[1] - timedelta(hours=1), business=BUSINESS)

        del rules[3]                     # deleted
        runner.reload()
        time.sleep(0.2)
        gone = recorder.count(3)
        time.sleep(0.4)
        assert recorder.count(3) == gone and set(runner.next_run_times()) == {1}
    finally:
        runner.shutdown()


def clear_of_five_minute_slot(margin: float = 3.0) -> None:
    """Waits out the last seconds before a five-minute slot: a run started at hh:m4:59.8 sees
    its next slot come, rightly, within the half second the test watches."""
    left = 300 - time.time() % 300
    if left < margin:
        time.sleep(left + 0.1)


def test_json_limits_hold_unless_the_constructor_lowers_them() -> None:
    clear_of_five_minute_slot()
    recorder = Recorder()
    runner = RuleScheduler(lambda: [(1, FAST, True)], recorder, recorder.when)
    runner.start()
    try:
        # A never-checked rule takes its slot of the last few minutes at once, then the next
        # one five minutes on: never a 100 ms interval from JSON.
        assert wait_for(lambda: recorder.count(1) == 1)
        time.sleep(0.5)
        planned = runner.next_run_times()[1]
        assert recorder.count(1) == 1
        assert planned is not None and planned - datetime.now(UTC) > timedelta(seconds=1)
        assert planned.astimezone(UTC).minute % 5 == 0 and planned.second == 0
    finally:
        runner.shutdown()


def test_on_start_a_missed_check_is_caught_up_once_or_skipped() -> None:
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    # A daily check six hours ago: long past the grace a late "skip" check still gets.
    earlier = (datetime.now(ZoneInfo("Europe/Rome")) - timedelta(hours=6)).strftime("%H:%M")
    daily = Schedule.from_dict({"check": {"times": [earlier]}})
    catch_up = replace(daily, missed="catch_up_once")
    skip = replace(daily, missed="skip")
    recorder = Recorder({1: two_days_ago, 2: two_days_ago, 3: None})
    runner = RuleScheduler(lambda: [(1, catch_up, True), (2, skip, True), (3, catch_up, True)], recorder,
                           recorder.when)
    runner.start()
    try:
        assert wait_for(lambda: recorder.count(1) == 1)
        time.sleep(0.5)
        # Once, not 48 times; the skipping rule and the never-checked rule wait for their next window.
        assert (recorder.count(1), recorder.count(2), recorder.count(3)) == (1, 0, 0)
        assert all(t > datetime.now(UTC) for t in runner.next_run_times().values())
    finally:
        runner.shutdown()


def test_a_failing_check_does_not_stop_the_next_ones() -> None:
    recorder = Recorder()

    def flaky(rule_id: int) -> None:
        recorder(rule_id)
        raise RuntimeError("database is locked")

    runner = RuleScheduler(lambda: [(1, FAST, True)], flaky, recorder.when, min_every=timedelta(milliseconds=50))
    runner.start()
    try:
        assert wait_for(lambda: recorder.count(1) >= 3)
    finally:
        runner.shutdown()
