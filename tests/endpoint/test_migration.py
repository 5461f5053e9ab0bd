"""m0014: machine opens allowed by the events CHECK, their counter, and the old setting moved."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.store.db import migrate
from desktop.store.migrations import MIGRATIONS
from desktop.workspace import Workspace


def test_an_older_workspace_gains_machine_opens_and_keeps_its_public_url(tmp_path, now) -> None:
    with Workspace.open(tmp_path / "ws") as ws:
        path = ws.db_path
    conn = sqlite3.connect(path, isolation_level=None)
    # As a version-13 workspace stored it: the old key, and no endpoint.public_url yet.
    conn.execute("INSERT INTO settings(key, value, updated_at) VALUES ('tracking.base_url', ?, '2026-01-01 00:00:00')",
                 [json.dumps("https://negozio.example.it/postino/")])
    conn.execute("PRAGMA user_version = 13")
    assert migrate(conn, path) == MIGRATIONS[-1].version
    conn.close()
    with Workspace.open(tmp_path / "ws") as ws:
        assert ws.settings.get("endpoint.public_url") == "https://negozio.example.it/postino"
        assert ws.db.execute("SELECT count(*) FROM settings WHERE key = 'tracking.base_url'").fetchone()[0] == 0
        contact = ws.contacts.create({"email": "a@example.org"}, now)
        ws.events.record("email_machine_opened", now, contact, payload={"machine": True, "reason": "head"})
        assert ws.db.execute("SELECT sum(machine_opened), sum(opened) FROM stats_d").fetchone() == (1, 0)
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with pytest.raises(sqlite3.IntegrityError):  # the CHECK still refuses unknown types
            ws.db.execute("INSERT INTO events(contact_id, type, occurred_at) VALUES (?, 'nonsense', '2026-01-01')",
                          [contact])


def test_an_http_base_url_is_dropped_not_moved(tmp_path) -> None:
    with Workspace.open(tmp_path / "ws") as ws:
        path = ws.db_path
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO settings(key, value, updated_at) VALUES ('tracking.base_url', ?, '2026-01-01')",
                 [json.dumps("http://127.0.0.1:8765")])
    conn.execute("PRAGMA user_version = 13")
    migrate(conn, path)
    assert conn.execute("SELECT key FROM settings WHERE key LIKE '%url%'").fetchall() == []
    conn.close()


def _as_before(conn: sqlite3.Connection, version: int, types: tuple[str, ...], columns: tuple[str, ...]) -> None:
    """Make a fresh workspace's file look as an older version stored it: event types out of
    the CHECK, counter columns gone (the triggers naming them go first, as they came later)."""
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats%'"
                                ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    for table in ("stats_q", "stats_d"):
        for column in columns:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    for kind in types:
        sql = sql.replace(f", '{kind}'", "")
    schema = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'events'", [sql])
    conn.execute(f"PRAGMA schema_version = {schema + 1}")
    conn.execute("PRAGMA writable_schema = OFF")
    conn.execute(f"PRAGMA user_version = {version}")


def test_a_version_13_and_a_version_15_workspace_gain_machine_clicks(tmp_path, now) -> None:
    for version, types, columns in ((13, ("email_machine_opened", "email_machine_clicked"),
                                     ("machine_opened", "machine_clicked")),
                                    (15, ("email_machine_clicked",), ("machine_clicked",))):
        folder = tmp_path / f"v{version}"
        with Workspace.open(folder) as ws:
            path = ws.db_path
            contact = ws.contacts.create({"email": "a@example.org"}, now)
            ws.events.record("email_opened", now, contact)
        conn = sqlite3.connect(path, isolation_level=None)
        _as_before(conn, version, types, columns)
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO events(contact_id, type, occurred_at) VALUES (?, 'email_machine_clicked', "
                         "'2026-01-01')", [contact])
        assert migrate(conn, path) == MIGRATIONS[-1].version
        conn.close()
        with Workspace.open(folder) as ws:
            ws.events.record("email_machine_clicked", now, contact, payload={"machine": True, "reason": "tool"})
            assert ws.db.execute("SELECT sum(machine_clicked), sum(clicked) FROM stats_d").fetchone() == (1, 0)
            assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
