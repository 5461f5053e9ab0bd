"""Groups and membership; group actions of rules go through here too."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

import sqlite_utils

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.names import name_problem
from desktop.rules.group_refs import rename_in_rules, rules_using
from desktop.store.savepoint import savepoint
from desktop.timeutil import to_db

define({
    "group.needs_name": ("un gruppo ha bisogno di un nome", "a group needs a name"),
    "group.name_taken": ("esiste già un gruppo chiamato {name!r}", "a group called {name!r} already exists"),
    "group.no_such": ("non c'è nessun gruppo chiamato {name!r}", "there is no group called {name!r}"),
    "group.no_id": ("non c'è nessun gruppo con id {id} (forse è stato eliminato)", "there is no group with id {id}"),
    "group.in_use": ("il gruppo {name!r} è usato dalle regole {rules}: cambia prima quelle regole",
                     "the group {name!r} is used by the rules {rules}; change those rules first"),
})


class Groups:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def create(self, name: str, now: datetime, description: str = "") -> int:
        clean = name.strip()
        if not clean:
            raise InputError(Msg("group.needs_name"))
        if name_problem(clean):
            raise InputError(name_problem(clean))
        if self.find(clean) is not None:
            raise InputError(Msg("group.name_taken", {"name": clean}))
        return self._db.execute(
            "INSERT INTO groups(name, description, created_at) VALUES (?, ?, ?)",
            [clean, description, to_db(now)],
        ).lastrowid

    def find(self, name: str) -> int | None:
        row = self._db.execute("SELECT id FROM groups WHERE name = ?", [name.strip()]).fetchone()
        return row[0] if row else None

    def ensure(self, name: str, now: datetime) -> int:
        found = self.find(name)
        return found if found is not None else self.create(name, now)

    def require(self, name: str, where: str | None = None) -> int:
        found = self.find(name)
        if found is None:
            raise InputError(Msg("group.no_such", {"name": name}), where)
        return found

    def name_of(self, group_id: int) -> str | None:
        row = self._db.execute("SELECT name FROM groups WHERE id = ?", [group_id]).fetchone()
        return row[0] if row else None

    def list(self) -> list[dict]:
        rows = self._db.execute(
            "SELECT g.id, g.name, g.description, g.created_at, "
            "(SELECT count(*) FROM memberships m WHERE m.group_id = g.id) "
            "FROM groups g ORDER BY g.name"
        )
        return [dict(zip(("id", "name", "description", "created_at", "members"), r)) for r in rows]

    def rename(self, group_id: int, name: str, now: datetime) -> None:
        """Rename, and carry every rule that names the group along (same transaction)."""
        clean = name.strip()
        if not clean:
            raise InputError(Msg("group.needs_name"))
        if name_problem(clean):
            raise InputError(name_problem(clean))
        other = self.find(clean)
        if other is not None and other != group_id:
            raise InputError(Msg("group.name_taken", {"name": clean}))
        row = self._db.execute("SELECT name FROM groups WHERE id = ?", [group_id]).fetchone()
        if row is None:
            raise InputError(Msg("group.no_id", {"id": group_id}))
        conn = self._db.conn
        with savepoint(conn):
            conn.execute("UPDATE groups SET name = ? WHERE id = ?", [clean, group_id])
            rename_in_rules(conn, row[0], clean, now)

    def delete(self, group_id: int) -> None:
        """Refused while a rule names the group: the rule would fail at every check."""
        row = self._db.execute("SELECT name FROM groups WHERE id = ?", [group_id]).fetchone()
        if row is None:
            return
        users = rules_using(self._db, row[0])
        if users:
            raise InputError(Msg("group.in_use", {"name": row[0], "rules": ", ".join(users)}))
        self._db.execute("DELETE FROM groups WHERE id = ?", [group_id])

    def add(self, group_id: int, contact_ids: Iterable[int], now: datetime) -> int:
        """Add contacts; those already in the group keep their original joining time."""
        stamp = to_db(now)
        cursor = self._db.conn.executemany(
            "INSERT OR IGNORE INTO memberships(group_id, contact_id, joined_at) VALUES (?, ?, ?)",
            ((group_id, cid, stamp) for cid in contact_ids),
        )
        return cursor.rowcount

    def remove(self, group_id: int, contact_ids: Iterable[int]) -> int:
        cursor = self._db.conn.executemany(
            "DELETE FROM memberships WHERE group_id = ? AND contact_id = ?",
            ((group_id, cid) for cid in contact_ids),
        )
        return cursor.rowcount

    def members(self, group_id: int) -> list[int]:
        return [r[0] for r in self._db.execute(
            "SELECT contact_id FROM memberships WHERE group_id = ? ORDER BY contact_id", [group_id])]

    def of_contact(self, contact_id: int) -> list[str]:
        return [r[0] for r in self._db.execute(
            "SELECT g.name FROM memberships m JOIN groups g ON g.id = m.group_id "
            "WHERE m.contact_id = ? ORDER BY g.name", [contact_id])]
