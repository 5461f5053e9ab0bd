"""``settings list | get KEY | set KEY VALUE``: every declared setting, validated on set."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone

from desktop.cli.words import language
from desktop.settings import DECLARED
from desktop.workspace import Workspace


def _show(value: object) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    values = ws.settings.all()
    width = max(len(s.key) for s in DECLARED)
    chosen = language(ws)
    for setting in DECLARED:
        print(f"{setting.key:<{width}}  {_show(values[setting.key]):<24}  {setting.label(chosen)}")
    return 0


def _get(args: argparse.Namespace, ws: Workspace) -> int:
    print(_show(ws.settings.get(args.key)))
    return 0


def _set(args: argparse.Namespace, ws: Workspace) -> int:
    value = ws.settings.set(args.key, args.value, datetime.now(timezone.utc))
    print(f"{args.key} = {_show(value)}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("settings", help="show and change workspace settings")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="all settings with their values").set_defaults(handler=_list)
    get = actions.add_parser("get", help="one setting's value")
    get.add_argument("key")
    get.set_defaults(handler=_get)
    put = actions.add_parser("set", help="change a setting (validated)")
    put.add_argument("key")
    put.add_argument("value")
    put.set_defaults(handler=_set)
