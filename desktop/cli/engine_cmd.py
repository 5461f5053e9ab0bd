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
from desktop.messages import Msg, catalog, define
from desktop.delivery import cap_warnings
from desktop.delivery.dispatcher import DispatchSummary
from desktop.service.tick import Tick, TickReport
from desktop.workspace import Workspace


define({
    "cli.note": ("nota: {text}", "note: {text}"),
    "cli.uncertain": ("incerti: messaggi interrotti da un arresto anomalo: {count}; non verranno rinviati, "
                      "controllali nella vista Attività",
                      "uncertain: {count} message(s) were interrupted by a crash and will not be resent; check "
                      "them in the Activity view"),
    "cli.dispatched": ("invii: {counts}", "dispatched: {counts}"),
    # What a dispatch did, per outcome (English: the ledger state, as the line always said).
    **{f"cli.outcome_{state}": (italian, state) for state, italian in {
        "sent": "inviati", "failed": "non riusciti", "deferred": "rinviati", "dropped": "scartati",
        "skipped": "saltati", "uncertain": "incerti", "retry": "da riprovare", "backoff": "rallentati"}.items()},
    "cli.nothing_due": ("niente da inviare", "nothing due"),
    "cli.paused_channel": ("in pausa {channel}: {why}", "paused {channel}: {why}"),
    "cli.checked": ("controllata {rule!r}: corrispondono {matched}, prenotati {planned}, cambi di gruppo {applied}, "
                    "rinviati per limite {deferred}, scartati per limite {dropped}, non consentiti ora {skipped}",
                    "checked {rule!r}: matched {matched}, booked {planned}, group changes {applied}, deferred by cap "
                    "{deferred}, dropped by cap {dropped}, not allowed now {skipped}"),
    "cli.missed": ("saltata {rule!r}: il controllo delle {slot} UTC è passato mentre Postino non era attivo e questa "
                   "regola salta i controlli persi",
                   "missed {rule!r}: the check of {slot} UTC went by while Postino was not running and this rule "
                   "skips missed checks"),
    "cli.rule_error": ("errore nella regola {rule!r}: {why}", "error in rule {rule!r}: {why}"),
    "cli.paused": ("Postino è in pausa: niente controllato, niente inviato (settings set engine.paused false "
                   "riprende).",
                   "Postino is paused: nothing checked, nothing sent (settings set engine.paused false resumes)."),
    "cli.warning": ("attenzione: {text}", "warning: {text}"),
    "cli.service_running": ("Motore di Postino attivo per {folder}; Ctrl+C lo ferma.",
                            "Postino engine running for {folder}; Ctrl+C stops it."),
    "cli.service_stopped": ("Motore di Postino fermato.", "Postino engine stopped."),
})


def _outcome(state: str, ws: Workspace) -> str:
    code = f"cli.outcome_{state}"
    return say(Msg(code), ws) if code in catalog() else state


def _print_dispatch(summary: DispatchSummary, recovered: int, ws: Workspace) -> None:
    for note in summary.notes:
        print(say(Msg("cli.note", {"text": note}), ws))
    if recovered:
        print(say(Msg("cli.uncertain", {"count": recovered}), ws))
    counts = ", ".join(f"{_outcome(k, ws)} {v}" for k, v in sorted(summary.counts.items())) \
        or say(Msg("cli.nothing_due"), ws)
    print(say(Msg("cli.dispatched", {"counts": counts}), ws))
    for channel, why in summary.paused.items():
        print(say(Msg("cli.paused_channel", {"channel": channel, "why": why}), ws))


def _print_checks(report: TickReport, ws: Workspace) -> None:
    for rule, check in report.checks:
        skipped = sum(check.skipped.values())
        print(say(Msg("cli.checked", {"rule": rule.name, "matched": check.matched, "planned": check.planned,
                                      "applied": check.applied, "deferred": check.deferred_by_cap,
                                      "dropped": check.dropped_by_cap, "skipped": skipped}), ws))
    for name, slot in report.missed:
        print(say(Msg("cli.missed", {"rule": name, "slot": f"{slot:%Y-%m-%d %H:%M}"}), ws))
    for name, error in report.errors.items():
        print(say(Msg("cli.rule_error", {"rule": name, "why": error}), ws))


def _paused(ws: Workspace) -> bool:
    if ws.settings.get("engine.paused"):
        print(say(Msg("cli.paused"), ws))
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
        print(say(Msg("cli.warning", {"text": warning.message}), ws))
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
    print(say(Msg("cli.service_running", {"folder": str(folder)})), flush=True)
    try:
        while not stop.wait(1.0):
            pass
    finally:
        engine.stop()
    print(say(Msg("cli.service_stopped")))
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
