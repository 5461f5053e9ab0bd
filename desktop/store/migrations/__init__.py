"""Forward-only schema migrations, one module per version (``m0001_*.py``, ``m0002_*.py`` ...).

Each module defines ``VERSION`` and ``apply(conn)``; ``apply`` runs inside a transaction
that the caller opens and commits together with ``PRAGMA user_version``. Modules are found
by name so that separate areas of the engine can add their own step without editing a
shared list; versions must run 1..N with no gaps (a new step takes the next number).
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def _discover() -> list[Migration]:
    found: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("m"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(Migration(int(module.VERSION), info.name, module.apply))
    if not found:  # a frozen build that did not collect this package's modules
        raise RuntimeError(f"no migrations found in {__name__}; a frozen build must collect its submodules")
    versions = [m.version for m in found]
    # 1..N without gaps: a workspace at version N never runs a step numbered below N, so a
    # gap filled later would silently be skipped on existing workspaces.
    if sorted(versions) != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migration versions must be 1..N without gaps or repeats, got {sorted(versions)}")
    return sorted(found, key=lambda m: m.version)


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement script without ``executescript``'s implicit COMMIT."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: list[Migration] = _discover()
