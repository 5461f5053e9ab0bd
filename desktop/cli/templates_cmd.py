"""``templates list | import FILE [--replace] | export [FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone

from desktop import templates_file
from desktop.templates import Templates
from desktop.cli.words import say
from desktop.messages import Msg
from desktop.workspace import Workspace


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    found = Templates(ws.db).list()
    if not found:
        print(say(Msg("cli.no_templates"), ws))
        return 0
    for template in found:
        about = template.subject if template.channel == "email" else template.text
        print(f"[{template.channel:<5}] {template.name}  —  {' '.join(about.split())[:60]}")
    return 0


def _import(args: argparse.Namespace, ws: Workspace) -> int:
    summary = templates_file.import_file(ws, args.file, datetime.now(timezone.utc), replace=args.replace)
    for name in summary.created:
        print(say(Msg("cli.created", {"name": name}), ws))
    for name in summary.replaced:
        print(say(Msg("cli.replaced", {"name": name}), ws))
    return 0


def _export(args: argparse.Namespace, ws: Workspace) -> int:
    if args.file and args.file != "-":
        templates_file.export_file(ws, args.file, args.template or None)
    else:
        data = templates_file.export_data(ws, args.template or None)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("templates", help="list, import and export e-mail and SMS templates")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="every template with its channel and subject").set_defaults(handler=_list)
    imp = actions.add_parser("import", help="import templates from a JSON file (all or nothing)")
    imp.add_argument("file")
    imp.add_argument("--replace", action="store_true", help="overwrite templates with the same name")
    imp.set_defaults(handler=_import)
    exp = actions.add_parser("export", help="write templates as JSON (to FILE, or standard output)")
    exp.add_argument("file", nargs="?")
    exp.add_argument("--template", action="append", metavar="NAME", help="only this template (repeatable)")
    exp.set_defaults(handler=_export)
