"""``backup [FILE]`` (a copy now) and ``restore FILE`` (put a backup back)."""

from __future__ import annotations

import argparse
from datetime import datetime, timezone
from pathlib import Path

from desktop.cli.words import say
from desktop.messages import Msg, define
from desktop.store.backup import backup_now, ensure_daily_backup, list_backups
from desktop.store.restore import restore
from desktop.workspace import Workspace

define({
    "cli.daily_backup": ("copia giornaliera scritta: {path}", "daily backup written: {path}"),
    "cli.backup": ("copia scritta: {path}", "backup written: {path}"),
    "cli.restored": ("ripristinata {path} (area di lavoro {workspace})", "restored {path} (workspace {workspace})"),
    "cli.previous_kept": ("il database com'era è conservato in {path}", "the database as it was is kept in {path}"),
})


def _backup(args: argparse.Namespace, ws: Workspace) -> int:
    now = datetime.now(timezone.utc)
    daily = ensure_daily_backup(ws, now)  # today's automatic copy too, if the engine has not made it
    if daily is not None:
        print(say(Msg("cli.daily_backup", {"path": str(daily)}), ws))
    made = backup_now(ws, now, args.file)
    print(say(Msg("cli.backup", {"path": str(made)}), ws))
    return 0


def _list(args: argparse.Namespace, ws: Workspace) -> int:
    for path in list_backups(ws.data_dir):
        print(path)
    return 0


def _restore(args: argparse.Namespace, folder: Path) -> int:
    result = restore(folder, args.file, datetime.now(timezone.utc))
    print(say(Msg("cli.restored", {"path": str(result.restored_from), "workspace": result.workspace_id})))
    if result.previous_copy:
        print(say(Msg("cli.previous_kept", {"path": str(result.previous_copy)})))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="copy the workspace now (to FILE, or into its backups folder)")
    parser.add_argument("file", nargs="?", help="where to write the copy (default: WS/backups/manual-<time>.db)")
    parser.add_argument("--list", action="store_true", help="list the backups in the backups folder instead")
    parser.set_defaults(handler=lambda args, ws: (_list if args.list else _backup)(args, ws))
    parser = subparsers.add_parser("restore", help="replace the workspace by a backup (the current one is kept)")
    parser.add_argument("file", help="a backup: WS/backups/daily-….db, or a copy made with backup FILE")
    parser.set_defaults(handler=_restore, folder_only=True)
