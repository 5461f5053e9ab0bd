"""``events import FILE``: purchases, carts, opens, clicks, unsubscribes from CSV or JSON Lines."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone

from desktop.workspace import Workspace

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _import(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.events_import import import_events

    report = import_events(ws, args.file, now=datetime.now(timezone.utc), country=args.country,
                           skip_invalid=args.skip_invalid, dry_run=args.dry_run)
    print(report.format())
    if not report.ok:
        print(f"error: {args.file}: {report.invalid} bad rows; nothing was imported", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("events", help="import contact events (purchases, carts, opens, clicks)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="import events from CSV or JSON Lines (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--country", metavar="CC", help="country of phone numbers without +prefix (default: setting business.country)")
    imp.add_argument("--skip-invalid", action="store_true", help="import the good rows even if some rows are bad")
    imp.add_argument("--dry-run", action="store_true", help="check the file and report, without writing anything")
    imp.set_defaults(handler=_import)
