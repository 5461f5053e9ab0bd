"""``restore FILE``: put a backup back as the workspace database, safely.

Refused: a file that is not a sound Postino workspace (``check_backup``), the workspace's own
database, and any restore while an engine runs — the engine lock is held for the whole
restore, so none can start meanwhile. The current database is copied to the backups folder
first (``before-restore-<UTC time>.db``). The content is replaced in one step: through
SQLite's backup API into the live database (one write transaction, so another connection
sees the old or the new workspace, never a mix, and no stale ``-wal`` file can pair with the
new content), or — when the current file is too damaged for SQLite to write into — by
renaming a complete copy over it after removing its journal files.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.errors import InputError, PostinoError
from desktop.fileio import workspace_owns
from desktop.messages import Msg, define
from desktop.paths import DB_NAME
from desktop.store.backup import _snapshot, _stamp, backups_dir, check_backup
from desktop.store.db import connect, migrate
from desktop.store.health import quick_check

define({
    "restore.busy": ("il motore di Postino è in funzione per questa area di lavoro ({holder}): "
                     "fermalo prima di ripristinare",
                     "Postino's engine is running for this workspace ({holder}): stop it before restoring"),
    "restore.own_file": ("è un file dell'area di lavoro stessa: scegli una copia di backup",
                         "it is one of the workspace's own files: choose a backup copy"),
    "restore.failed": ("ripristino non riuscito, l'area di lavoro non è cambiata: {reason}",
                       "the restore failed and the workspace was not changed: {reason}"),
})


class RestoreBusy(PostinoError):
    """An engine holds the workspace; ``msg`` says who, in words for each language."""

    def __init__(self, msg: Msg) -> None:
        self.msg = msg
        super().__init__(str(msg))


class RestoreFailed(PostinoError):
    """SQLite could not write the backup in; the workspace is as it was."""

    def __init__(self, msg: Msg) -> None:
        self.msg = msg
        super().__init__(str(msg))


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_copy: Path | None  # the database as it was, in the backups folder
    workspace_id: str


def _keep_current(db: Path, folder: Path, now: datetime) -> Path | None:
    """Copy the current database (even a damaged one, byte for byte) before replacing it."""
    if not db.exists():
        return None
    target = backups_dir(folder) / f"before-restore-{_stamp(now)}.db"
    target.parent.mkdir(mode=0o700, exist_ok=True)
    try:
        conn = connect(db)
        try:
            if quick_check(conn) is None:
                _snapshot(conn, target)
                return target
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass
    for suffix in ("", "-wal"):  # damaged: keep the raw files as they are
        if Path(f"{db}{suffix}").exists():
            shutil.copy2(f"{db}{suffix}", f"{target}{suffix}")
    return target


def _replace_content(source: sqlite3.Connection, db: Path) -> None:
    try:
        live = connect(db)
        healthy = quick_check(live) is None
    except sqlite3.DatabaseError:
        live, healthy = None, False
    if healthy and live is not None:
        try:
            source.backup(live)  # one write transaction on the live database
            migrate(live, db)
        finally:
            live.close()
        return
    if live is not None:
        live.close()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{DB_NAME}.", suffix=".restore", dir=db.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _snapshot(source, tmp)
        for suffix in ("-wal", "-shm", "-journal"):  # they belong to the damaged file
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, db)
    finally:
        tmp.unlink(missing_ok=True)
    conn = connect(db)
    try:
        migrate(conn, db)
    finally:
        conn.close()


def restore(folder: Path, file: str | os.PathLike[str], now: datetime) -> RestoreResult:
    """Replace the workspace database in ``folder`` by the backup ``file``."""
    from desktop.service.lock import EngineLock, WorkspaceBusy

    source_file = Path(file).expanduser()
    db = folder / DB_NAME
    in_backups = source_file.resolve().is_relative_to(backups_dir(folder).resolve())
    if workspace_owns(source_file, folder) is not None and not in_backups:
        raise InputError(Msg("restore.own_file"), str(source_file))
    source = check_backup(source_file)
    try:
        lock = EngineLock(folder)
        try:
            lock.acquire()
        except WorkspaceBusy as exc:
            holder = exc.msg.params.get("holder", "") if exc.msg is not None else ""
            raise RestoreBusy(Msg("restore.busy", {"holder": holder})) from None
        try:
            previous = _keep_current(db, folder, now)
            try:
                _replace_content(source, db)
            except sqlite3.Error as exc:
                raise RestoreFailed(Msg("restore.failed", {"reason": str(exc)})) from None
        finally:
            lock.release()
        workspace_id = source.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()[0]
    finally:
        source.close()
    return RestoreResult(source_file, previous, workspace_id)
