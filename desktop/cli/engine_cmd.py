"""``run-once`` (check due rules, dispatch what is due, exit) and ``service`` (until stopped)."""

from __future__ import annotations

import argparse
import signal
import threading
from datetime import datetime, timezone

from desktop.workspace import Workspace


def _print_report(report) -> None:
    for name, check in report.checks:
        skipped = sum(check.skipped.values())
        print(f"checked {name!r}: matched {check.matched}, booked {check.planned}, "
              f"group changes {check.applied}, deferred by cap {check.deferred_by_cap}, "
              f"dropped by cap {check.dropped_by_cap}, not allowed now {skipped}")
    for name, error in report.errors.items():
        print(f"error in rule {name!r}: {error}")
    if report.dispatch is not None:
        for note in report.dispatch.notes:
            print(f"note: {note}")
        if report.dispatch.recovered_uncertain:
            print(f"uncertain: {report.dispatch.recovered_uncertain} message(s) were interrupted by a crash "
                  "and will not be resent; check them in the Activity view")
        counts = ", ".join(f"{k} {v}" for k, v in sorted(report.dispatch.counts.items())) or "nothing due"
        print(f"dispatched: {counts}")


def _run_once(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.delivery.setup import channels_from_settings
    from desktop.service.cycle import run_cycle
    from desktop.service.lock import EngineLock

    if ws.settings.get("engine.paused"):
        print("Postino is paused: nothing checked, nothing sent (settings set engine.paused false resumes).")
        return 0
    with EngineLock(ws.data_dir):
        report = run_cycle(ws, datetime.now(timezone.utc), channels_from_settings(ws),
                           only_due=not args.all, rule_names=args.rule)
    _print_report(report)
    return 1 if report.errors else 0


def _service(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.service.engine import Engine

    folder = ws.data_dir
    ws.close()  # the engine opens its own connection
    engine = Engine(folder)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    engine.start()
    print(f"Postino engine running for {folder}; Ctrl+C stops it.", flush=True)
    try:
        while not stop.wait(1.0):
            pass
    finally:
        engine.stop()
    print("Postino engine stopped.")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    once = subparsers.add_parser("run-once", help="check the rules that are due, send what is due, exit")
    once.add_argument("--all", action="store_true", help="check every enabled rule now, due or not")
    once.add_argument("--rule", action="append", metavar="NAME", help="only this rule (repeatable)")
    once.set_defaults(handler=_run_once)
    service = subparsers.add_parser("service", help="run the engine without a window until stopped")
    service.set_defaults(handler=_service)
