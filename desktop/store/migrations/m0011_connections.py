"""Version 11: connections and their polls.

A connection is one configured source (a shop, a feed, a mailbox, Twilio replies). Its
``cursor`` is the connector's own bookmark, written in the same transaction as the items it
brought, so a crash never loses it nor imports half a page. ``last_error`` holds a message
code (``Msg.encode()``), never a sentence; ``next_try_at`` is when a failed connection may be
polled again (backoff, or the server's ``Retry-After``). Secrets are never stored here.
"""

from __future__ import annotations

import sqlite3

from desktop.store.migrations import run_script

VERSION = 11

SCHEMA = """
CREATE TABLE connections (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    config TEXT NOT NULL DEFAULT '{}',
    every_seconds INTEGER NOT NULL CHECK (every_seconds >= 60),
    enabled INTEGER NOT NULL DEFAULT 1,
    cursor TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    last_poll_at TEXT,
    last_ok_at TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_try_at TEXT
);
CREATE TABLE connection_polls (
    id INTEGER PRIMARY KEY,
    connection TEXT NOT NULL REFERENCES connections(name) ON DELETE CASCADE ON UPDATE CASCADE,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    ok INTEGER NOT NULL DEFAULT 1,
    pages INTEGER NOT NULL DEFAULT 0,
    fetched INTEGER NOT NULL DEFAULT 0,
    written INTEGER NOT NULL DEFAULT 0,
    counts TEXT NOT NULL DEFAULT '{}',
    warnings TEXT NOT NULL DEFAULT '[]',
    error TEXT
);
CREATE INDEX connection_polls_by_connection ON connection_polls(connection, id)
"""


def apply(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
