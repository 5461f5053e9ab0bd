"""Stopping the scheduler while one of its jobs reloads the rules (the engine's sweep does,
and the tray's Check now or a wake from sleep runs a sweep right before a Quit): the old
``shutdown`` held the scheduler's lock while waiting for that job, which waited for the
lock — Quit and SIGTERM hung forever."""

from __future__ import annotations

import threading
import time

from desktop.schedule.runner import RuleScheduler


def test_shutdown_while_a_job_reloads_does_not_deadlock() -> None:
    started, reloaded = threading.Event(), threading.Event()
    scheduler = RuleScheduler(lambda: [], lambda _rule_id: None, lambda *_args: None)
    scheduler.start()

    def sweep() -> None:
        started.set()
        time.sleep(0.3)          # shutdown begins meanwhile
        scheduler.reload()
        reloaded.set()

    scheduler.run_soon("sweep", sweep)
    assert started.wait(10)
    stopper = threading.Thread(target=scheduler.shutdown, kwargs={"wait": True}, daemon=True)
    stopper.start()
    stopper.join(15)             # a bound for a hang, not a speed check
    assert not stopper.is_alive(), "shutdown hung waiting for a job that waits for shutdown's lock"
    assert reloaded.is_set()
    scheduler.reload()           # after shutdown: nothing to do, no error
    assert scheduler.next_run_times() == {}
