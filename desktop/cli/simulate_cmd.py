"""``simulate [--rule NAME] [--start ISO] [--days N] [--format table|csv|json] [--now]``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta, timezone

from desktop.cli.dates import option_instant
from desktop.cli.words import language, say
from desktop.errors import InputError
from desktop.messages import Msg, define, text
from desktop.workspace import Workspace

define({
    "cli.days_range": ("dev'essere tra 1 e 366", "must be between 1 and 366"),
    "cli.simulate_now": ("{rule}: se partisse ora, selezionati {selected}, scartati {discarded} (già inviati), "
                         "esclusi {left_out} (senza consenso o recapito)",
                         "{rule}: {selected} would be selected now, {discarded} discarded (already sent), "
                         "{left_out} left out (no consent or address)"),
})


def _simulate(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.simulate import simulate, simulate_now

    zone = ws.settings.get("business.timezone")
    start = option_instant(args.start, "--start", zone) if args.start else datetime.now(timezone.utc)
    if not 0 < args.days <= 366:
        raise InputError(Msg("cli.days_range"), "--days")
    if args.now:
        return _now(args, ws, start, simulate_now)
    result = simulate(ws, start=start, horizon=timedelta(days=args.days), rule_names=args.rule or None)
    if args.format == "json":
        sys.stdout.write(result.dumps(language(ws)) + "\n")
    elif args.format == "csv":
        sys.stdout.write(result.to_csv(language(ws)))
    else:
        print(result.to_table(language(ws)))
    return 0


def _now(args: argparse.Namespace, ws: Workspace, now: datetime, simulate_now) -> int:
    rules = [ws.rules.require(name) for name in args.rule] if args.rule else ws.rules.all()
    report = []
    for rule in rules:
        result = simulate_now(ws, rule, now)
        report.append({"rule": rule.name, **result.counts, "selected_ids": result.selected,
                       "discarded_ids": result.discarded,
                       "left_out_contacts": [{"contact_id": c, "reason": text(r, language(ws)), "reason_code": r.code}
                                             for c, r in result.left_out]})
    if args.format == "json":
        print(json.dumps({"format": "postino.simulation.now", "version": 1,
                          "at": now.isoformat(), "rules": report}, ensure_ascii=False, indent=2))
        return 0
    for item in report:
        print(say(Msg("cli.simulate_now", {k: item[k] for k in ("rule", "selected", "discarded", "left_out")}), ws))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("simulate", help="who would get what, when — nothing is sent")
    parser.add_argument("--rule", action="append", metavar="NAME", help="only this rule (repeatable); default: enabled rules")
    parser.add_argument("--start", metavar="ISO", help="start of the simulation (default: now); without an offset, business time")
    parser.add_argument("--days", type=int, default=7, metavar="N", help="how many days to simulate (default 7)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--now", action="store_true",
                        help="MailUp-style: how many would be selected if the rules ran now, and how many are discarded")
    parser.set_defaults(handler=_simulate)
