"""SQLite storage: opening a workspace database, migrating it, and small query helpers."""

from desktop.store.db import LATEST_VERSION, open_database, schema_version

__all__ = ["LATEST_VERSION", "open_database", "schema_version"]
