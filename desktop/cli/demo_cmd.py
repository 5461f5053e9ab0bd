"""``demo``: fill an empty workspace with realistic demo contacts, groups and events."""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from desktop.workspace import Workspace


def _demo(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.demo import build_demo

    summary = build_demo(ws, datetime.now(timezone.utc), contacts=args.contacts, seed=args.seed, force=args.force)
    print(summary.format())
    print(f"Workspace: {ws.data_dir}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="fill an empty workspace with demo contacts, groups and events")
    parser.add_argument("--contacts", type=int, default=300, metavar="N", help="how many contacts (default 300)")
    parser.add_argument("--seed", type=int, default=7, metavar="S", help="random seed; the same seed gives the same demo")
    parser.add_argument("--force", action="store_true", help="add the demo even if the workspace already has contacts")
    parser.set_defaults(handler=_demo)
