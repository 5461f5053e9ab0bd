"""``events import FILE`` and ``events export FILE``: purchases, carts, opens, clicks, unsubscribes."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone

from desktop.cli.contacts_cmd import add_mapping_options, chosen_mapping
from desktop.cli.words import language, say
from desktop.messages import Msg
from desktop.workspace import Workspace

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def _import(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.contacts.saved_mappings import load_mapping, save_mapping
    from desktop.events_import import import_events

    mapping = chosen_mapping(args, ws, "events")
    saved = bool(args.preset and load_mapping(ws, "events", args.preset) is not None)
    report = import_events(ws, args.file, now=datetime.now(timezone.utc), country=args.country,
                           skip_invalid=args.skip_invalid, dry_run=args.dry_run, mapping=mapping,
                           preset=None if saved else args.preset, date_order=args.date_order)
    print(report.format(language(ws)))
    if args.save_mapping and mapping:
        save_mapping(ws, "events", args.save_mapping, mapping)
        print(say(Msg("cli.mapping_saved", {"name": args.save_mapping}), ws))
    if not report.ok:
        print(say(Msg("cli.import_bad_rows", {"file": args.file, "count": report.invalid}), ws), file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _export(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.events_export import export_events

    count = export_events(ws, args.file)
    print(say(Msg("cli.exported", {"count": count, "kind": Msg("cli.kind_events"), "file": args.file}), ws))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("events", help="import and export contact events (purchases, carts, opens, clicks)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="import events from CSV or JSON Lines (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--country", metavar="CC", help="country of phone numbers without +prefix (default: setting business.country)")
    imp.add_argument("--skip-invalid", action="store_true", help="import the good rows even if some rows are bad")
    imp.add_argument("--dry-run", action="store_true", help="check the file and report, without writing anything")
    imp.add_argument("--date-order", choices=("dmy", "mdy"), help="how to read 01/02/2025 (default: detected, else the setting)")
    add_mapping_options(imp)
    imp.set_defaults(handler=_import)
    exp = actions.add_parser("export", help="export purchases, carts, opens, clicks, unsubscribes and bounces to CSV")
    exp.add_argument("file")
    exp.set_defaults(handler=_export)
