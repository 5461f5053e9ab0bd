"""``run-once`` (check due rules, dispatch what is due, exit), ``dispatch`` (send what is
due, no checks) and ``service`` (until stopped) — all through the engine's one ``Tick``."""

from __future__ import annotations

import argparse
import signal
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from desktop.cli.words import say
from desktop.delivery import cap_warnings
from desktop.delivery.dispatcher import DispatchSummary
from desktop.service.tick import Tick, TickReport
from desktop.workspace import Workspace


def _print_dispatch(summary: DispatchSummary, recovered: int, ws: Workspace) -> None:
    for note in summary.notes:
        print(f"note: {say(note, ws)}")
    if recovered:
        print(f"uncertain: {recovered} message(s) were interrupted by a crash "
              "and will not be resent; check them in the Activity view")
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.counts.items())) or "nothing due"
    print(f"dispatched: {counts}")
    for channel, why in summary.paused.items():
        print(f"paused {channel}: {say(why, ws)}")


def _print_checks(report: TickReport, ws: Workspace) -> None:
    for rule, check in report.checks:
        skipped = sum(check.skipped.values())
        print(f"checked {rule.name!r}: matched {check.matched}, booked {check.planned}, "
              f"group changes {check.applied}, deferred by cap {check.deferred_by_cap}, "
              f"dropped by cap {check.dropped_by_cap}, not allowed now {skipped}")
    for name, slot in report.missed:
        print(f"missed {name!r}: the check of {slot:%Y-%m-%d %H:%M} UTC went by while Postino was not running "
              "and this rule skips missed checks")
    for name, error in report.errors.items():
        print(f"error in rule {name!r}: {say(error, ws)}")


def _paused(ws: Workspace) -> bool:
    if ws.settings.get("engine.paused"):
        print("Postino is paused: nothing checked, nothing sent (settings set engine.paused false resumes).")
        return True
    return False


@contextmanager
def _engine(ws: Workspace) -> Iterator[tuple[Tick, datetime, int]]:
    """The engine for one command: the workspace's lock (no other engine runs meanwhile),
    the live tick, and what a crash left ``sending`` made ``uncertain``."""
    from desktop.service.lock import EngineLock

    with EngineLock(ws.data_dir):
        tick = Tick.live(ws)
        now = tick.clock()
        yield tick, now, tick.start(now)


def _run_once(args: argparse.Namespace, ws: Workspace) -> int:
    if _paused(ws):
        return 0
    with _engine(ws) as (tick, now, recovered):
        rule_ids = None
        if args.rule:
            rule_ids = [ws.rules.require(name).id for name in args.rule]
        report = tick.run(now, rule_ids=rule_ids, force=args.all)
    _print_checks(report, ws)
    _print_dispatch(report.dispatch, recovered, ws)
    return 1 if report.errors or report.dispatch.paused else 0


def _dispatch(args: argparse.Namespace, ws: Workspace) -> int:
    if _paused(ws):
        return 0
    # The same last-moment re-check (quiet hours, days, caps, the rule still on and still
    # matching) and the same one-engine-per-workspace lock as the service.
    with _engine(ws) as (tick, now, recovered):
        summary = tick.dispatch(now, max_messages=args.limit)
    _print_dispatch(summary, recovered, ws)
    for warning in cap_warnings(ws, datetime.now(timezone.utc)):
        print(f"warning: {say(warning.message, ws)}")
    return 1 if summary.paused else 0


def _service(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.service.engine import Engine

    from desktop.service import logfile

    folder = ws.data_dir
    ws.close()  # the engine opens its own connection
    logfile.install(folder)
    engine = Engine(folder, holder="main.py service")
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
    once.add_argument("--rule", action="append", metavar="NAME",
                      help="only this rule (repeatable); with --all, checked now and only its sends go early")
    once.set_defaults(handler=_run_once)
    dispatch = subparsers.add_parser("dispatch", help="send the e-mails and SMS that are due now")
    dispatch.add_argument("--limit", type=int, default=None, help="at most this many messages")
    dispatch.set_defaults(handler=_dispatch)
    service = subparsers.add_parser("service", help="run the engine without a window until stopped")
    service.set_defaults(handler=_service)
