"""``contacts import FILE`` and ``contacts export FILE``.

The report goes to stdout (it is the result); a refusal goes to stderr with exit 2, so a
script can tell "imported" from "nothing imported because of bad rows".
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path

from desktop.cli.words import language, say
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.workspace import Workspace

EXIT_OK, EXIT_BAD_INPUT = 0, 2

define({"cli.rows_so_far": ("righe: {count}...", "{count} rows..."),
        "cli.map_no_column": ("il file non ha una colonna {column!r} (ha: {headers})",
                              "the file has no column {column!r} (it has: {headers})")})


def _progress(done: int) -> None:
    if sys.stderr.isatty():
        print("\r" + say(Msg("cli.rows_so_far", {"count": done})), end="", file=sys.stderr, flush=True)


def chosen_mapping(args: argparse.Namespace, ws: Workspace, kind: str) -> dict[str, str | None] | None:
    """``--preset NAME`` of a saved mapping, then ``--map`` on top of it."""
    from desktop.contacts.saved_mappings import load_mapping, parse_map_option

    mapping: dict[str, str | None] | None = None
    if args.preset:
        mapping = load_mapping(ws, kind, args.preset)
    if args.map:
        mapping = {**(mapping or {}), **parse_map_option(args.map)}
    return mapping


def _map_columns_exist(file: str, option: str) -> None:
    """A ``--map`` column the file does not have is a typo; ignored, the column it meant would
    be read by its header's guess instead."""
    from desktop.contacts.reader import CsvSource
    from desktop.contacts.saved_mappings import parse_map_option

    with CsvSource(Path(file)) as source:
        headers = source.headers
    for column in parse_map_option(option):
        if column not in headers:
            raise InputError(Msg("cli.map_no_column", {"column": column, "headers": ", ".join(headers)}), "--map")


def _import(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.contacts.csv_import import import_contacts
    from desktop.contacts.saved_mappings import load_mapping, save_mapping

    mapping = chosen_mapping(args, ws, "contacts")
    if args.map:
        _map_columns_exist(args.file, args.map)
    saved = bool(args.preset and load_mapping(ws, "contacts", args.preset) is not None)
    report = import_contacts(
        ws, args.file, now=datetime.now(timezone.utc), country=args.country, group=args.group,
        skip_invalid=args.skip_invalid, dry_run=args.dry_run, date_order=args.date_order,
        mapping=mapping, consent=args.consent, status=args.status,
        preset=None if saved else args.preset, progress=_progress)
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    print(report.format(language(ws)))
    if args.save_mapping and mapping:
        save_mapping(ws, "contacts", args.save_mapping, mapping)
        print(say(Msg("cli.mapping_saved", {"name": args.save_mapping}), ws))
    if report.consent_undecided:
        print(say(Msg("cli.import_no_consent", {"file": args.file, "count": report.consent_undecided}), ws),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if not report.ok:
        print(say(Msg("cli.import_bad_rows", {"file": args.file, "count": report.invalid}), ws), file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _export(args: argparse.Namespace, ws: Workspace) -> int:
    from desktop.contacts.csv_export import export_contacts

    delimiter = {"semicolon": ";", "comma": ",", "tab": "\t"}[args.delimiter]
    count = export_contacts(ws, args.file, delimiter=delimiter, date_format=args.date_format)
    print(say(Msg("cli.exported", {"count": count, "kind": Msg("cli.kind_contacts"), "file": args.file}), ws))
    return EXIT_OK


def add_mapping_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--map", metavar='"COLUMN=field,..."',
                        help="where columns go, e.g. \"Cell=phone,Note=ignore\" (on top of the preset)")
    parser.add_argument("--preset", metavar="NAME",
                        help="a built-in preset (e.g. shopify-customers, mailchimp; 'none' for none) or a "
                             "saved mapping; default: detected from the header")
    parser.add_argument("--save-mapping", metavar="NAME", help="save the --map/--preset mapping under NAME")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("contacts", help="import and export contacts")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help="import contacts from a CSV file (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--group", metavar="NAME", help="add every imported contact to this group (created if missing)")
    imp.add_argument("--country", metavar="CC", help="country of phone numbers without +prefix (default: setting business.country)")
    imp.add_argument("--skip-invalid", action="store_true", help="import the good rows even if some rows are bad")
    imp.add_argument("--dry-run", action="store_true", help="check the file and report, without writing anything")
    imp.add_argument("--date-order", choices=("dmy", "mdy"), help="how to read 01/02/2025 (default: detected per column, else setting import.date_order)")
    imp.add_argument("--consent", choices=("subscribed", "unsubscribed", "pending", "from-file"),
                     help="status of new contacts the file says nothing about; from-file: such rows are bad rows. "
                          "Without it, such contacts stop the import")
    imp.add_argument("--status", choices=("subscribed", "unsubscribed", "pending", "bounced", "none"),
                     help="the status the whole file carries (default: detected, e.g. Mailchimp's unsubscribed_*.csv)")
    add_mapping_options(imp)
    imp.set_defaults(handler=_import)
    exp = actions.add_parser("export", help="export every contact, custom field and group to a CSV file")
    exp.add_argument("file")
    exp.add_argument("--delimiter", choices=("semicolon", "comma", "tab"), default="semicolon")
    exp.add_argument("--date-format", choices=("iso", "dmy"), default="iso")
    exp.set_defaults(handler=_export)
