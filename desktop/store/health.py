"""Is the workspace database sound, and may we write it? Checked each time it is opened.

A damaged database (a disk error, a copy taken mid-write, a sync tool's conflict file) must be
reported *before* the engine reads rules from it and sends anything, with its path and what
to do: restore the latest automatic backup. ``PRAGMA quick_check`` is SQLite's own check of
every page and record (it skips only the index-to-table cross check of ``integrity_check``).

A workspace on a read-only folder or file (a backup disk, another user's folder) is opened
read-only: listing, exporting and simulating work; anything that writes says why it cannot.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop.errors import PostinoError
from desktop.messages import Msg, define, text

define({
    "workspace.damaged": (
        "Il database dell'area di lavoro {path} è danneggiato ({reason}). Non è stato inviato nulla. "
        "Ripristina la copia automatica più recente: postino restore {backup}",
        "The workspace database {path} is damaged ({reason}). Nothing was sent. "
        "Restore the latest automatic backup: postino restore {backup}"),
    "workspace.damaged_no_backup": (
        "Il database dell'area di lavoro {path} è danneggiato ({reason}). Non è stato inviato nulla. "
        "Non esiste una copia automatica: ripristina una tua copia con postino restore FILE",
        "The workspace database {path} is damaged ({reason}). Nothing was sent. "
        "There is no automatic backup: restore a copy of your own with postino restore FILE"),
    "workspace.read_only": (
        "L'area di lavoro {path} è di sola lettura: si può consultare, esportare e simulare, non modificare",
        "The workspace {path} is read-only: it can be listed, exported and simulated, not changed"),
    "workspace.read_only_old": (
        "L'area di lavoro {path} è di sola lettura e va aggiornata alla versione {latest} dello schema "
        "(ora {current}): aprila una volta da una cartella scrivibile",
        "The workspace {path} is read-only and needs its schema upgraded to version {latest} "
        "(it is {current}): open it once from a writable folder"),
})


class WorkspaceDamaged(PostinoError):
    """The database failed its check. ``msg`` is the message for a dialog; ``path`` the file;
    ``backup`` the newest automatic backup to offer for restore (or ``None``)."""

    def __init__(self, path: Path, reason: str, backup: Path | None) -> None:
        self.path, self.reason, self.backup = path, reason, backup
        code = "workspace.damaged" if backup else "workspace.damaged_no_backup"
        self.msg = Msg(code, {"path": str(path), "reason": reason, "backup": str(backup or "")})
        super().__init__(text(self.msg, "en"))


class WorkspaceReadOnly(PostinoError):
    """A write was attempted on a workspace opened read-only."""

    def __init__(self, path: Path, code: str = "workspace.read_only", **params: object) -> None:
        self.path = path
        self.msg = Msg(code, {"path": str(path), **params})
        super().__init__(text(self.msg, "en"))


def is_writable(folder: Path, db_file: Path) -> bool:
    """SQLite in WAL mode writes ``-wal``/``-shm`` files next to the database: both the folder
    and the file must be writable (a missing folder or file will be created, so it is)."""
    if folder.exists() and not os.access(folder, os.W_OK):
        return False
    return not db_file.exists() or os.access(db_file, os.W_OK)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. A WAL database in a folder we cannot write has no ``-shm`` file
    to share, so SQLite refuses ``mode=ro`` alone; nobody can be writing it then (the folder is
    closed to writes), and ``immutable=1`` reads it as the file it is."""
    uri = Path(path).resolve().as_uri()
    for suffix in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(uri + suffix, uri=True, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
    raise sqlite3.OperationalError(f"unable to open {path} read-only")


def quick_check(conn: sqlite3.Connection) -> str | None:
    """``None`` if SQLite finds the database sound, else its first complaint."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(str(r) for r in rows)[:300]
