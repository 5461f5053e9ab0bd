"""``demo``: fill an empty workspace with realistic demo contacts, groups, events, templates and rules."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta, timezone

from desktop.cli.words import language, say
from desktop.messages import Msg, define
from desktop.workspace import Workspace

define({
    "demo.negative_history": ("i giorni di storico non possono essere negativi", "the history cannot be negative"),
    "demo.rules": ("Regole dimostrative (simulale, poi attivale): {names}",
                   "Demo rules (simulate them, then enable): {names}"),
    "demo.workspace": ("Area di lavoro: {folder}", "Workspace: {folder}"),
})


def _demo(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.demo import build_demo
    from desktop.demo_history import play_history
    from desktop.demo_rules import add_demo_rules
    from desktop.errors import InputError

    if args.history_days < 0:
        raise InputError(Msg("demo.negative_history"), "--history-days")
    now = datetime.now(timezone.utc)
    # Engine history only on a workspace that was empty: never next to someone's real sends.
    history = args.history_days if ws.contacts.count() == 0 else 0
    start = now - timedelta(days=history)  # the shop as it was, then its weeks with Postino
    summary = build_demo(ws, start, contacts=args.contacts, seed=args.seed, force=args.force)
    lang = language(ws)
    print(summary.format(lang))
    rules = add_demo_rules(ws, start)
    if history:
        print(play_history(ws, start, now, seed=args.seed).format(lang))
    if rules:
        print(say(Msg("demo.rules", {"names": ", ".join(rules)}), ws))
    print(say(Msg("demo.workspace", {"folder": str(ws.data_dir)}), ws))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="fill an empty workspace with demo contacts, groups, events, templates and rules")
    parser.add_argument("--contacts", type=int, default=300, metavar="N", help="how many contacts (default 300)")
    parser.add_argument("--seed", type=int, default=7, metavar="S", help="random seed; the same seed gives the same demo")
    parser.add_argument("--history-days", type=int, default=21, metavar="N",
                        help="run the demo rules over the last N days, so Statistics and Activity have history "
                             "(default 21; 0 for none; none with --force on a used workspace)")
    parser.add_argument("--force", action="store_true", help="add the demo even if the workspace already has contacts")
    parser.set_defaults(handler=_demo)
