"""The workspace database: pragmas, forward migrations, refusal of a newer schema."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.errors import SchemaTooNewError
from desktop.store import LATEST_VERSION, open_database
from desktop.store.db import connect
from desktop.store.migrations import MIGRATIONS
from desktop.workspace import Workspace


def test_new_database_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert {"contacts", "groups", "memberships", "events", "settings", "custom_fields"} <= set(db.table_names())


def test_old_schema_is_migrated_forward_keeping_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = connect(path)
    conn.execute("BEGIN")
    MIGRATIONS[0].apply(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO contacts(email, registered_at, updated_at) VALUES ('old@example.it', '2020-01-01 00:00:00', '2020-01-01 00:00:00')")
    conn.execute("COMMIT")
    conn.close()
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.execute("SELECT email FROM contacts").fetchall() == [("old@example.it",)]
    assert "ledger" in db.table_names()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(SchemaTooNewError, match=f"schema version {LATEST_VERSION + 5}"):
        open_database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.store import db as dbmod
    from desktop.store.migrations import Migration

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(dbmod, "MIGRATIONS", [*MIGRATIONS, Migration(LATEST_VERSION + 1, "broken", broken)])
    monkeypatch.setattr(dbmod, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(RuntimeError, match="disk on fire"):
        open_database(tmp_path / "w.db")
    conn = sqlite3.connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None


def test_workspace_transaction_rolls_back_on_error(workspace: Workspace, now) -> None:
    with pytest.raises(ValueError):
        with workspace.transaction():
            workspace.contacts.create({"email": "a@example.it"}, now)
            raise ValueError("stop")
    assert workspace.contacts.count() == 0


def test_latest_activity_is_kept_by_triggers_and_matches_a_backfill(workspace, now) -> None:
    from datetime import timedelta

    from desktop.store.migrations.m0005_contact_activity import backfill

    cid = workspace.contacts.create({"email": "a@example.it"}, now)
    other = workspace.contacts.create({"email": "b@example.it"}, now)
    record = workspace.events.record
    record("email_opened", now - timedelta(days=2), cid)
    record("email_opened", now - timedelta(days=9), cid)       # older, imported late: ignored
    record("email_clicked", now - timedelta(days=1), cid)
    record("purchase", now - timedelta(days=5), other, ref="o1", amount=3)
    record("email_sent", now, other)                            # not activity
    columns = "last_opened_at, last_clicked_at, last_purchase_at, last_activity_at"
    kept = workspace.db.execute(f"SELECT {columns} FROM contacts ORDER BY id").fetchall()
    assert kept == [("2026-02-28 09:30:00", "2026-03-01 09:30:00", "", "2026-03-01 09:30:00"),
                    ("", "", "2026-02-25 09:30:00", "2026-02-25 09:30:00")]
    workspace.db.execute("UPDATE contacts SET last_opened_at = 'x', last_clicked_at = 'x', "
                         "last_purchase_at = 'x', last_activity_at = 'x'")
    with workspace.transaction():
        backfill(workspace.db.conn)
    assert workspace.db.execute(f"SELECT {columns} FROM contacts ORDER BY id").fetchall() == kept
