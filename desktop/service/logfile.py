"""The workspace's own log file: what the background engine did while nobody watched.

A shop's PC runs Postino for weeks in the tray; when a send goes missing the user (or whoever
helps them) opens the Activity view's "Show log". The file rotates so it never grows without
bound, and it lives in the workspace so it travels with the data it describes.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "postino.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def install(data_dir: Path, *, level: int = logging.INFO,
            max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> logging.Handler:
    """Attach one rotating handler for this workspace to the root logger (once per file:
    calling it again returns the handler already attached). Returns it, so a test or a
    caller that switches workspace can ``remove`` it."""
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and \
                Path(handler.baseFilename) == path.resolve():
            return handler
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return handler


def remove(handler: logging.Handler) -> None:
    logging.getLogger().removeHandler(handler)
    handler.close()
