"""Where a workspace lives: ``--data-dir``, else ``POSTINO_DATA_DIR``, else the platform's folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DB_NAME = "postino.db"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("Postino", appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("POSTINO_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return default_data_dir()
