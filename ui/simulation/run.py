"""The worker side of the Simulation page: run the engine's simulator and shape its result.

Everything the page will show (table rows, lanes, quiet bands, markers' rows) is built
here, on the worker, so the UI thread receives finished data in one delivery.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.fileio import write_text_atomic
from desktop.simulate import SimulationResult, simulate
from desktop.schedule import business_defaults
from ui.ops import OpCancelled, OpContext
from ui.resources import LANGUAGE
from ui.simulation.lanes import TimelineData, build_timeline
from ui.simulation.table import SimRow, rows_from

MAX_DAYS = 90
PROGRESS_STEPS = 1000

define({
    "sim.no_rules": ("scegli almeno una regola da simulare", "choose at least one rule to simulate"),
    "sim.bad_days": ("il periodo simulato va da 1 a {max} giorni, non {days}",
                     "the simulated period must be 1 to {max} days, not {days}"),
})


@dataclass
class SimRun:
    result: SimulationResult
    rows: list[SimRow]
    timeline: TimelineData
    seconds: float


def rule_choices(c: OpContext) -> list[tuple[str, bool]]:
    """(name, enabled) of every rule, for the page's checklist."""
    return [(rule.name, rule.enabled) for rule in c.ws.rules.all()]


def business_zone(c: OpContext) -> str:
    """The zone the page's start time is typed and read in (the shop's, not the PC's)."""
    return c.ws.settings.get("business.timezone")


def run_simulation(c: OpContext, start: datetime, days: int, names: list[str]) -> SimRun:
    if not names:
        raise InputError(Msg("sim.no_rules"), "rules")
    if not 1 <= days <= MAX_DAYS:
        raise InputError(Msg("sim.bad_days", {"max": MAX_DAYS, "days": days}), "days")
    began = time.perf_counter()
    # A full garbage collection pauses every thread, the UI's too; the objects alive before the
    # run (the app, its widgets, caches) need no scanning during it, so they are set aside.
    gc.freeze()
    try:
        result = simulate(c.ws, start=start, horizon=timedelta(days=days), rule_names=names,
                          progress=lambda fraction: c.progress(int(fraction * PROGRESS_STEPS), PROGRESS_STEPS),
                          cancel=lambda: c.cancelled)
    finally:
        gc.unfreeze()
    if result.cancelled:
        raise OpCancelled()
    zone = business_defaults(c.ws.settings).zone
    rows = rows_from(result, zone)
    timeline = build_timeline(c.ws, result, [(r.rule, r.at, i) for i, r in enumerate(rows) if r.sent])
    return SimRun(result, rows, timeline, time.perf_counter() - began)


def write_csv(c: OpContext, result: SimulationResult, path: str) -> int:
    """Write the documented CSV (``SimulationResult.to_csv``) atomically, never over one of the
    workspace's own files; returns the bytes written."""
    text = result.to_csv(LANGUAGE.code)
    write_text_atomic(path, text, workspace_dir=c.ws.data_dir)
    return len(text.encode("utf-8"))
