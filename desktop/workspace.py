"""One workspace = one data folder = one SQLite file; this object owns a manager per area."""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path
from typing import Iterator

import sqlite_utils

from desktop.contacts.manager import Contacts
from desktop.errors import InputError
from desktop.events import Events
from desktop.fields import FieldCatalog
from desktop.groups import Groups
from desktop.messages import Msg, define
from desktop.paths import DB_NAME, resolve_data_dir
from desktop.settings import Settings
from desktop.store import open_database
from desktop.store.backup import latest_backup
from desktop.store.savepoint import savepoint
from desktop.store.health import WorkspaceReadOnly, is_writable

define({
    "workspace.not_folder": ("non è una cartella: --data-dir indica la cartella dell'area di lavoro",
                             "is not a folder: --data-dir names the workspace's folder"),
    "workspace.cannot_create": ("impossibile creare la cartella dell'area di lavoro ({reason})",
                                "cannot create the workspace's folder ({reason})"),
})


def _make_folder(folder: Path) -> None:
    """The workspace's folder, made if missing; a file in its place or a folder that cannot be
    made is the user's input, said as such (not ``FileExistsError``)."""
    if folder.exists() and not folder.is_dir():
        raise InputError(Msg("workspace.not_folder"), str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Msg("workspace.cannot_create", {"reason": exc.strerror or str(exc)}), str(folder)) from None


class Workspace:
    def __init__(self, data_dir: Path, db: sqlite_utils.Database, read_only: bool = False) -> None:
        self.data_dir = data_dir
        self.db = db
        self.read_only = read_only
        self.settings = Settings(db)
        self.fields = FieldCatalog(db)
        self.events = Events(db)
        self.contacts = Contacts(db, self.fields, self.events)
        self.groups = Groups(db)

    @classmethod
    def open(cls, data_dir: str | Path | None = None, *, read_only: bool | None = None,
             check: bool = True) -> "Workspace":
        """Open the workspace in ``data_dir``, checked (``PRAGMA quick_check``) before anything
        reads rules or sends: a damaged database raises ``WorkspaceDamaged`` (with the newest
        backup to restore). ``read_only`` None means: read-only when the folder or the database
        file cannot be written (a backup disk); then only reading works, and a write raises
        ``WorkspaceReadOnly`` from ``check_writable`` or SQLite's own refusal. ``check=False``
        skips the integrity check (it reads the whole file: seconds on a big workspace) for
        commands that only read or edit; whatever sends always checks."""
        folder = resolve_data_dir(data_dir)
        db_file = folder / DB_NAME
        if read_only is None:
            read_only = folder.is_dir() and db_file.exists() and not is_writable(folder, db_file)
        if not read_only:
            _make_folder(folder)
        db = open_database(db_file, read_only=read_only, check=check, backups=lambda: latest_backup(folder))
        workspace = cls(folder, db, read_only=read_only)
        if not read_only:
            workspace._ensure_meta()
        return workspace

    def check_writable(self) -> None:
        """``WorkspaceReadOnly`` if this workspace was opened read-only."""
        if self.read_only:
            raise WorkspaceReadOnly(self.data_dir)

    @property
    def rules(self):  # -> desktop.rules.store.Rules; imported late: rules depend on schedule
        from desktop.rules.store import Rules

        return Rules(self)

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"

    def _ensure_meta(self) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO meta(key, value) VALUES ('workspace_id', ?)", [secrets.token_hex(8)])

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction taken up front (``BEGIN IMMEDIATE``), or a savepoint if nested.

        Taking the write lock at the start means two processes cannot both read "not yet
        planned" and then both write; the second waits and then sees the first's rows.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with savepoint(conn):
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
