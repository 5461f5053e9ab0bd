"""One savepoint, as a context manager: a write that must change two tables together (a group
and the rules naming it, a template and its rules) is its own transaction when none is open,
and nests inside the caller's when one is (``Workspace.transaction`` uses it for that case)."""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
from typing import Iterator


@contextlib.contextmanager
def savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    name = f"sp_{secrets.token_hex(6)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
        conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    conn.execute(f"RELEASE SAVEPOINT {name}")
