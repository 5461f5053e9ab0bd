"""Open a workspace database safely: WAL, foreign keys, a busy timeout, forward-only migrations.

Every process (the app, the tray service, a CLI call, a test) opens the database through
``open_database`` so they all agree on the pragmas that make concurrent access safe.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

import sqlite_utils

from desktop.errors import SchemaTooNewError
from desktop.store.health import WorkspaceDamaged, WorkspaceReadOnly, connect_read_only, quick_check
from desktop.store.migrations import MIGRATIONS

LATEST_VERSION = max(m.version for m in MIGRATIONS)


def _fold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the engine's queries use. ``fold`` compares text the way people expect
    ("FORLÌ" equals "Forlì"); SQLite's NOCASE and lower() only fold ASCII letters."""
    conn.create_function("fold", 1, _fold, deterministic=True)


def connect(path: str | Path) -> sqlite3.Connection:
    """A raw connection with the pragmas every Postino connection needs.

    ``isolation_level=None`` puts transactions under our explicit control (BEGIN IMMEDIATE
    where we write), which is what makes the ledger's uniqueness hold across processes.
    """
    conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    register_functions(conn)
    if str(path) != ":memory:":
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":  # pragma: no cover - only on filesystems without shared memory
            raise RuntimeError(f"could not switch {path} to WAL mode (got {mode})")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, path: str | Path = "") -> int:
    """Bring the schema forward to ``LATEST_VERSION``; each step is its own transaction.

    A database newer than this program is refused before anything is written.
    """
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise SchemaTooNewError(
            f"The workspace {path or 'database'} uses schema version {current}, but this "
            f"version of Postino only knows up to {LATEST_VERSION}. Update Postino to open it; "
            "the file has not been changed."
        )
    for migration in sorted(MIGRATIONS, key=lambda m: m.version):
        if migration.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if schema_version(conn) >= migration.version:
                conn.execute("ROLLBACK")
                continue
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def open_database(path: str | Path, *, read_only: bool = False, check: bool = True,
                  backups: Callable[[], Path | None] = lambda: None) -> sqlite_utils.Database:
    """Open (creating if needed), check and migrate the workspace database at ``path``.

    ``check`` runs ``PRAGMA quick_check`` first: a damaged file raises ``WorkspaceDamaged``
    (naming ``backups()``, the newest backup) before a migration or anything else writes to
    it. ``read_only`` opens without writing at all; a schema that needs migrating is then
    refused (``WorkspaceReadOnly``), since migrating would write.
    """
    file = Path(path)
    try:
        conn = connect_read_only(file) if read_only else connect(file)
        if read_only:
            conn.execute("PRAGMA busy_timeout = 30000")
            register_functions(conn)
    except sqlite3.DatabaseError as exc:  # "file is not a database", unreadable header
        raise WorkspaceDamaged(file, str(exc), backups()) from None
    try:
        problem = quick_check(conn) if check and str(path) != ":memory:" else None
        if problem:
            raise WorkspaceDamaged(file, problem, backups())
        if read_only:
            current = schema_version(conn)
            if current > LATEST_VERSION:
                migrate(conn, path)  # raises SchemaTooNewError, writes nothing
            if current < LATEST_VERSION:
                raise WorkspaceReadOnly(file.parent, "workspace.read_only_old", latest=LATEST_VERSION,
                                        current=current)
        else:
            migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkspaceDamaged(file, str(exc), backups()) from None
    except BaseException:
        conn.close()
        raise
    return sqlite_utils.Database(conn)
