"""The ``connections`` table: what is configured, its cursor, and how its polls went.

Only the runner (``run.py``) writes cursors and poll results; the CLI and the Connections
page add, pause and remove connections here. Every name and frequency is validated on the
way in, so a job the scheduler builds from a row never meets an impossible value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from desktop.connectors.base import MAX_EVERY, MIN_EVERY, Connection, PollSummary, default_every, kinds
from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.timeutil import from_db, to_db

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,59}$")
HISTORY_KEEP = 1000
_COLUMNS = ("name, kind, config, every_seconds, enabled, cursor, created_at, last_poll_at, last_ok_at, "
            "last_error, failures, next_try_at")

define({
    "connection.bad_every": ("un collegamento si controlla a intervalli tra 5 minuti e 24 ore, non ogni {every}",
                             "a connection is polled every 5 minutes to 24 hours, not every {every}"),
    "connection.bad_name": ("il nome di un collegamento ha da 1 a 60 caratteri tra lettere, cifre, spazi, '.', '_' e '-'",
                            "a connection name is 1-60 letters, digits, spaces, '.', '_' or '-'"),
    "connection.unknown_kind": ("tipo di collegamento sconosciuto {kind!r}; usa uno tra {kinds}",
                                "unknown connection kind {kind!r}; use one of {kinds}"),
    "connection.name_taken": ("esiste già un collegamento chiamato {name!r}", "there is already a connection named {name!r}"),
    "connection.not_found": ("non c'è nessun collegamento chiamato {name!r}", "there is no connection named {name!r}"),
})


@dataclass
class ConnectionStatus:
    """A connection with how it is doing, for ``connections list`` and the Connections page."""

    connection: Connection
    created_at: datetime
    last_poll_at: datetime | None = None
    last_ok_at: datetime | None = None
    last_error: Msg | None = None
    failures: int = 0
    next_try_at: datetime | None = None
    last_counts: dict[str, int] = field(default_factory=dict)   # what the last good poll brought
    last_warnings: list[Msg] = field(default_factory=list)


def _when(text: str | None) -> datetime | None:
    return from_db(text) if text else None


def validate_every(every: timedelta) -> timedelta:
    if not MIN_EVERY <= every <= MAX_EVERY:
        raise InputError(Msg("connection.bad_every", {"every": f"{every.total_seconds() / 60:g} min"}), "every")
    return every


class Connections:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # -- configuration ---------------------------------------------------------------------
    def add(self, connection: Connection, now: datetime) -> Connection:
        """Store a new connection; the name must be free and the kind known."""
        if not _NAME.match(connection.name or ""):
            raise InputError(Msg("connection.bad_name"), "name")
        if connection.kind not in kinds():
            raise InputError(Msg("connection.unknown_kind", {"kind": connection.kind,
                                                             "kinds": ", ".join(sorted(kinds()))}), "kind")
        validate_every(connection.every)
        if self.get(connection.name) is not None:
            raise InputError(Msg("connection.name_taken", {"name": connection.name}), "name")
        self._db.execute(
            "INSERT INTO connections(name, kind, config, every_seconds, enabled, cursor, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [connection.name, connection.kind, json.dumps(connection.config, sort_keys=True),
             int(connection.every.total_seconds()), int(connection.enabled),
             json.dumps(connection.cursor), to_db(now)])
        return connection

    @staticmethod
    def new(name: str, kind: str, config: dict[str, Any], every: timedelta | None = None) -> Connection:
        return Connection(name=name, kind=kind, config=config, every=every or default_every(kind))

    def get(self, name: str) -> Connection | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM connections WHERE name = ?", [name]).fetchone()
        return None if row is None else self._connection(row)

    def require(self, name: str) -> Connection:
        found = self.get(name)
        if found is None:
            raise InputError(Msg("connection.not_found", {"name": name}), "name")
        return found

    @staticmethod
    def _connection(row: tuple) -> Connection:
        return Connection(name=row[0], kind=row[1], config=json.loads(row[2]),
                          every=timedelta(seconds=row[3]), enabled=bool(row[4]), cursor=json.loads(row[5]))

    def all(self) -> list[Connection]:
        return [self._connection(r) for r in self._db.execute(f"SELECT {_COLUMNS} FROM connections ORDER BY name")]

    def enabled(self) -> list[Connection]:
        return [c for c in self.all() if c.enabled]

    def set_enabled(self, name: str, enabled: bool) -> None:
        self.require(name)
        self._db.execute("UPDATE connections SET enabled = ? WHERE name = ?", [int(enabled), name])

    def set_every(self, name: str, every: timedelta) -> None:
        self.require(name)
        self._db.execute("UPDATE connections SET every_seconds = ? WHERE name = ?",
                         [int(validate_every(every).total_seconds()), name])

    def remove(self, name: str) -> None:
        self.require(name)
        self._db.execute("DELETE FROM connections WHERE name = ?", [name])

    # -- cursor and polls (the runner's) ------------------------------------------------------
    def cursor(self, name: str) -> dict[str, Any]:
        row = self._db.execute("SELECT cursor FROM connections WHERE name = ?", [name]).fetchone()
        return json.loads(row[0]) if row else {}

    def start_poll(self, name: str, now: datetime) -> int:
        """A new history row; the oldest beyond ``HISTORY_KEEP`` go (a 5-minute poll makes
        300 a day)."""
        cur = self._db.execute("INSERT INTO connection_polls(connection, started_at) VALUES (?, ?)",
                               [name, to_db(now)])
        self._db.execute(
            "DELETE FROM connection_polls WHERE connection = ? AND id <= (SELECT id FROM connection_polls "
            "WHERE connection = ? ORDER BY id DESC LIMIT 1 OFFSET ?)", [name, name, HISTORY_KEEP])
        return int(cur.lastrowid)

    def page_done(self, name: str, poll_id: int, summary: PollSummary, cursor: dict[str, Any],
                  now: datetime, pages: int) -> None:
        """One page's bookkeeping, in the caller's transaction with that page's items."""
        self._db.execute(
            "UPDATE connections SET cursor = ?, last_poll_at = ?, last_ok_at = ?, last_error = NULL, "
            "failures = 0, next_try_at = NULL WHERE name = ?",
            [json.dumps(cursor, sort_keys=True), to_db(now), to_db(now), name])
        self._db.execute(
            "UPDATE connection_polls SET finished_at = ?, ok = 1, pages = ?, fetched = ?, written = ?, "
            "counts = ?, warnings = ? WHERE id = ?",
            [to_db(now), pages, summary.fetched, summary.written, json.dumps(summary.counts, sort_keys=True),
             json.dumps([json.loads(w.encode()) for w in summary.warnings]), poll_id])

    def poll_failed(self, name: str, poll_id: int, error: Msg, now: datetime, next_try: datetime) -> int:
        """Record a failure (the cursor stays as the last good page left it); returns the count."""
        self._db.execute(
            "UPDATE connections SET last_poll_at = ?, last_error = ?, failures = failures + 1, "
            "next_try_at = ? WHERE name = ?", [to_db(now), error.encode(), to_db(next_try), name])
        self._db.execute("UPDATE connection_polls SET finished_at = ?, ok = 0, error = ? WHERE id = ?",
                         [to_db(now), error.encode(), poll_id])
        row = self._db.execute("SELECT failures FROM connections WHERE name = ?", [name]).fetchone()
        return int(row[0]) if row else 0

    def failures(self, name: str) -> int:
        row = self._db.execute("SELECT failures FROM connections WHERE name = ?", [name]).fetchone()
        return int(row[0]) if row else 0

    def next_try_at(self, name: str) -> datetime | None:
        row = self._db.execute("SELECT next_try_at FROM connections WHERE name = ?", [name]).fetchone()
        return _when(row[0]) if row else None

    # -- reading for people ------------------------------------------------------------------
    def statuses(self) -> list[ConnectionStatus]:
        found = []
        for row in self._db.execute(f"SELECT {_COLUMNS} FROM connections ORDER BY name").fetchall():
            status = ConnectionStatus(
                connection=self._connection(row), created_at=from_db(row[6]), last_poll_at=_when(row[7]),
                last_ok_at=_when(row[8]), last_error=Msg.decode(row[9]), failures=row[10],
                next_try_at=_when(row[11]))
            last = self._db.execute(
                "SELECT counts, warnings FROM connection_polls WHERE connection = ? AND ok = 1 "
                "ORDER BY id DESC LIMIT 1", [row[0]]).fetchone()
            if last:
                status.last_counts = json.loads(last[0])
                status.last_warnings = [Msg(w.pop("code"), w) for w in json.loads(last[1])]
            found.append(status)
        return found

    def status(self, name: str) -> ConnectionStatus:
        self.require(name)
        return next(s for s in self.statuses() if s.connection.name == name)

    def history(self, name: str, limit: int = 20) -> list[dict[str, Any]]:
        keys = ("started_at", "finished_at", "ok", "pages", "fetched", "written", "counts", "warnings", "error")
        rows = self._db.execute(
            f"SELECT {', '.join(keys)} FROM connection_polls WHERE connection = ? ORDER BY id DESC LIMIT ?",
            [name, limit])
        out = []
        for row in rows:
            item = dict(zip(keys, row))
            item["counts"], item["warnings"] = json.loads(item["counts"]), json.loads(item["warnings"])
            item["error"] = Msg.decode(item["error"])
            out.append(item)
        return out
