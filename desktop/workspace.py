"""One workspace = one data folder = one SQLite file; this object owns a manager per area."""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path
from typing import Iterator

import sqlite_utils

from desktop.contacts.manager import Contacts
from desktop.events import Events
from desktop.fields import FieldCatalog
from desktop.groups import Groups
from desktop.paths import DB_NAME, resolve_data_dir
from desktop.settings import Settings
from desktop.store import open_database


class Workspace:
    def __init__(self, data_dir: Path, db: sqlite_utils.Database) -> None:
        self.data_dir = data_dir
        self.db = db
        self.settings = Settings(db)
        self.fields = FieldCatalog(db)
        self.events = Events(db)
        self.contacts = Contacts(db, self.fields, self.events)
        self.groups = Groups(db)

    @classmethod
    def open(cls, data_dir: str | Path | None = None) -> "Workspace":
        folder = resolve_data_dir(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        workspace = cls(folder, open_database(folder / DB_NAME))
        workspace._ensure_meta()
        return workspace

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
            name = f"sp_{secrets.token_hex(6)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
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
