"""``demo``: fill an empty workspace with realistic demo contacts, groups, events, templates and rules."""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from desktop.workspace import Workspace


def _demo(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.demo import build_demo

    from desktop.demo_rules import add_demo_rules

    now = datetime.now(timezone.utc)
    summary = build_demo(ws, now, contacts=args.contacts, seed=args.seed, force=args.force)
    print(summary.format())
    rules = add_demo_rules(ws, now)
    if rules:
        print(f"Demo rules (simulate them, then enable): {', '.join(rules)}")
    print(f"Workspace: {ws.data_dir}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="fill an empty workspace with demo contacts, groups, events, templates and rules")
    parser.add_argument("--contacts", type=int, default=300, metavar="N", help="how many contacts (default 300)")
    parser.add_argument("--seed", type=int, default=7, metavar="S", help="random seed; the same seed gives the same demo")
    parser.add_argument("--force", action="store_true", help="add the demo even if the workspace already has contacts")
    parser.set_defaults(handler=_demo)
