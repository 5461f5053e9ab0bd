"""``dispatch``: send the e-mails and SMS that are due now, then exit (no rule checks).

``run-once`` checks rules *and* dispatches; this command only empties the due part of the
outbox, which is also what the crash test kills and restarts.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from desktop.delivery import cap_warnings, dispatch_due
from desktop.delivery.setup import channels_from_settings
from desktop.workspace import Workspace


def _dispatch(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.rules.send_policy import RulePolicy
    from desktop.schedule import business_defaults
    from desktop.service.lock import EngineLock

    if ws.settings.get("engine.paused"):
        print("Postino is paused: nothing sent (settings set engine.paused false resumes).")
        return 0
    now = datetime.now(timezone.utc)
    channels = channels_from_settings(ws)
    # The same last-moment re-check (quiet hours, days, caps, rule still on) and the same
    # one-engine-per-workspace lock as the service: a manual dispatch is not a back door.
    with EngineLock(ws.data_dir):
        summary = dispatch_due(ws, now, channels=channels, clock=lambda: datetime.now(timezone.utc),
                               max_messages=args.limit, policy=RulePolicy(ws, business_defaults(ws.settings)))
    for note in summary.notes:
        print(f"note: {note}")
    if summary.recovered_uncertain:
        print(f"uncertain: {summary.recovered_uncertain} message(s) were interrupted by a crash and will not be resent")
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.counts.items())) or "nothing due"
    print(f"dispatched: {counts}")
    for channel, why in summary.paused.items():
        print(f"paused {channel}: {why}")
    for warning in cap_warnings(ws, now):
        print(f"warning: {warning.message}")
    return 1 if summary.paused else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("dispatch", help="send the e-mails and SMS that are due now")
    parser.add_argument("--limit", type=int, default=None, help="at most this many messages")
    parser.set_defaults(handler=_dispatch)
