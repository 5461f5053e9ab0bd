"""The collector's thresholds are raised only while simulations run, and restored after the
last one ends — also when one fails, and when two overlap (the window runs them on workers)."""

from __future__ import annotations

import gc
import threading
from datetime import datetime, timedelta, timezone

import pytest

from desktop.simulate import simulate
from desktop.simulate.collections_pause import SIMULATION_THRESHOLDS, fewer_collections

START = datetime(2026, 3, 10, 8, 0, tzinfo=timezone.utc)


def test_simulate_raises_thresholds_while_it_runs_and_restores_them(workspace) -> None:
    before = gc.get_threshold()
    assert before != SIMULATION_THRESHOLDS
    seen: list[tuple[int, int, int]] = []
    workspace.groups.create("G", START)
    workspace.rules.save({"name": "Daily", "enabled": True, "action": {"type": "add_to_group", "group": "G"},
                          "schedule": {"check": {"times": ["10:00"]}}}, START)
    simulate(workspace, start=START, horizon=timedelta(days=2), progress=lambda _f: seen.append(gc.get_threshold()))
    assert seen and set(seen) == {SIMULATION_THRESHOLDS}
    assert gc.get_threshold() == before


def test_restored_after_a_failure() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections():
            raise RuntimeError("boom")
    assert gc.get_threshold() == before


def test_overlapping_simulations_restore_only_when_the_last_ends() -> None:
    before = gc.get_threshold()
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    assert inside.wait(5)
    with fewer_collections():
        assert gc.get_threshold() == SIMULATION_THRESHOLDS
    assert gc.get_threshold() == SIMULATION_THRESHOLDS  # the other one still runs
    release.set()
    worker.join(5)
    assert gc.get_threshold() == before
