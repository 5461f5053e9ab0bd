"""A private copy of the workspace for the simulator: SQLite's backup API into memory.

The copy is a consistent snapshot even while the engine writes; the real file is only read,
so a simulation can never change what the real engine will do.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import sqlite_utils

from desktop.store.db import register_functions
from desktop.workspace import Workspace


def snapshot(ws: Workspace) -> Workspace:
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    ws.db.conn.backup(memory)
    register_functions(memory)
    memory.execute("PRAGMA foreign_keys = ON")
    memory.execute("PRAGMA temp_store = MEMORY")
    # The statistics counters are not part of a simulation's answer; their triggers would
    # double the cost of every simulated booking and send.
    for (name,) in memory.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'stats%'").fetchall():
        memory.execute(f'DROP TRIGGER "{name}"')
    folder = Path(tempfile.mkdtemp(prefix="postino-simulation-"))
    return Workspace(folder, sqlite_utils.Database(memory))


def discard(copy: Workspace) -> None:
    copy.close()
    try:
        copy.data_dir.rmdir()
    except OSError:  # something wrote into it: leave it for the OS to clean
        pass
