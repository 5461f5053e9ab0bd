"""Automatic daily backups of the workspace, a backup on request, and restoring one.

Copies are made with SQLite's online backup API (a consistent snapshot even while the engine
writes, WAL content included) and saved as one self-contained file (rollback journal, not
WAL), so a backup can be copied, mailed or opened on its own. Daily copies live in
``WS/backups/daily-YYYY-MM-DD.db`` (the UTC day); the newest ``backup.keep`` are kept.

Restoring refuses a file that is not a Postino workspace, refuses while an engine runs (it
holds the engine lock for the whole restore, so none can start meanwhile), keeps a copy of
the current database first, and replaces the content in one step: through the backup API
into the live database (one write transaction: other connections see the old or the new
workspace, never a mix), or, when the current file is too damaged for SQLite to write into,
by renaming a complete copy over it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import InputError
from desktop.fileio import finish_atomic, os_reason, temp_file_for
from desktop.messages import Msg, define, text
from desktop.store.db import LATEST_VERSION, schema_version
from desktop.store.health import connect_read_only, quick_check

if TYPE_CHECKING:  # pragma: no cover
    from desktop.workspace import Workspace

BACKUP_DIR = "backups"
DAILY_PREFIX = "daily-"
_HEADER = b"SQLite format 3\x00"

define({
    "backup.not_sqlite": ("non è un database SQLite", "not an SQLite database"),
    "backup.not_found": ("file non trovato", "file not found"),
    "backup.is_folder": ("è una cartella, non un file", "is a folder, not a file"),
    # SQLite's two usual complaints, in words of each language; any other stays SQLite's own.
    "backup.sqlite_malformed": ("il contenuto del database è rovinato", "database disk image is malformed"),
    "backup.sqlite_not_db": ("non è un database", "file is not a database"),
    "backup.unreadable": ("impossibile leggere il file ({reason})", "cannot read the file ({reason})"),
    "backup.damaged": ("il file è danneggiato ({reason})", "the file is damaged ({reason})"),
    "backup.not_postino": ("non è un'area di lavoro di Postino (manca {missing})",
                           "not a Postino workspace (no {missing})"),
    "backup.schema": ("versione dello schema {version} non supportata (questa versione di Postino legge da 1 a {latest})",
                      "schema version {version} is not supported (this Postino reads 1 to {latest})"),
})


def _stamp(now: datetime) -> str:
    return now.astimezone(timezone.utc).strftime("%Y%m%d-%H%M%S")


def backups_dir(folder: Path) -> Path:
    return folder / BACKUP_DIR


def list_backups(folder: Path) -> list[Path]:
    """Every backup in the workspace's folder, newest first (by modification time)."""
    found = [p for p in backups_dir(folder).glob("*.db") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def latest_backup(folder: Path) -> Path | None:
    found = list_backups(folder)
    return found[0] if found else None


def _snapshot(source: sqlite3.Connection, target: Path) -> None:
    """A consistent, self-contained copy of ``source`` as a new database file ``target``."""
    dest = sqlite3.connect(str(target), isolation_level=None)
    os.chmod(target, 0o600)  # a backup holds every contact's data
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
    finally:
        dest.close()


def _snapshot_into(folder: Path, name: str, source: sqlite3.Connection) -> Path:
    """Snapshot to a temporary file in ``folder``, then rename: no half-written backup."""
    folder.mkdir(mode=0o700, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        _snapshot(source, tmp)
        os.replace(tmp, folder / name)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return folder / name


def ensure_daily_backup(ws: "Workspace", now: datetime) -> Path | None:
    """Today's (UTC) automatic copy, made if there is none yet; older daily copies beyond
    the ``backup.keep`` setting are deleted. Returns the new copy, or ``None`` when today's
    already exists or the workspace is read-only. The engine calls this when it starts."""
    if getattr(ws, "read_only", False):
        return None
    folder = backups_dir(ws.data_dir)
    name = f"{DAILY_PREFIX}{now.astimezone(timezone.utc).date().isoformat()}.db"
    if (folder / name).exists():
        return None
    made = _snapshot_into(folder, name, ws.db.conn)
    keep = int(ws.settings.get("backup.keep"))
    daily = sorted(folder.glob(f"{DAILY_PREFIX}*.db"), key=lambda p: p.name, reverse=True)
    for old in daily[keep:]:
        old.unlink(missing_ok=True)
    return made


def backup_now(ws: "Workspace", now: datetime, file: str | os.PathLike[str] | None = None) -> Path:
    """A copy now: into ``file`` (atomically; never over the workspace's own files) or, without
    one, into the backups folder as ``manual-<UTC time>.db`` (never deleted automatically)."""
    if file is None:
        folder, name, n = backups_dir(ws.data_dir), f"manual-{_stamp(now)}", 1
        while (folder / f"{name}.db").exists():  # two in one second: never replace the first
            n += 1
            name = f"manual-{_stamp(now)}-{n}"
        return _snapshot_into(folder, f"{name}.db", ws.db.conn)
    target, temp = temp_file_for(file, ws.data_dir)
    try:
        temp.unlink()  # SQLite makes the file itself
        _snapshot(ws.db.conn, temp)
        finish_atomic(temp, target, mode=0o600)  # a backup holds every contact's data
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _bad(file: Path, code: str, **params: object) -> InputError:
    """The coded refusal naming the file (said in the reader's language at the edge)."""
    return InputError(Msg(code, params), str(file))


def _sqlite_reason(said: str) -> "Msg | str":
    for code in ("backup.sqlite_malformed", "backup.sqlite_not_db"):
        if said.strip() == text(Msg(code), "en"):
            return Msg(code)
    return said


def check_backup(file: Path) -> sqlite3.Connection:
    """A read-only connection to ``file`` if it is a sound Postino workspace database, else
    ``InputError`` naming the file and what is wrong."""
    if file.is_dir():  # Windows says "permission denied" when a folder is opened as a file
        raise _bad(file, "backup.is_folder")
    try:
        with file.open("rb") as handle:
            header = handle.read(len(_HEADER))
    except FileNotFoundError:
        raise _bad(file, "backup.not_found") from None
    except OSError as exc:
        raise _bad(file, "backup.unreadable", reason=os_reason(exc)) from None
    if header != _HEADER:
        raise _bad(file, "backup.not_sqlite")
    try:
        conn = connect_read_only(file)
    except sqlite3.DatabaseError as exc:
        raise _bad(file, "backup.damaged", reason=_sqlite_reason(str(exc))) from None
    try:
        problem = quick_check(conn)
        if problem:
            raise _bad(file, "backup.damaged", reason=_sqlite_reason(problem))
        version = schema_version(conn)
        if not 1 <= version <= LATEST_VERSION:
            raise _bad(file, "backup.schema", version=version, latest=LATEST_VERSION)
        for table in ("meta", "contacts"):  # in every schema version
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone():
                raise _bad(file, "backup.not_postino", missing=f"table {table}")
        if not conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone():
            raise _bad(file, "backup.not_postino", missing="workspace_id")
    except BaseException:
        conn.close()
        raise
    return conn
