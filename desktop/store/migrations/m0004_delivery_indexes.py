"""Version 4: an index for "how many went out today on this channel" (the daily cap), which
the dispatcher asks on every run; without it each run read the whole history of sends."""

from __future__ import annotations

import sqlite3

VERSION = 4


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX ledger_channel_sent ON ledger(channel, sent_at) WHERE sent_at IS NOT NULL")
