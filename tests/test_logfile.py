"""The workspace's rotating log: one handler per file, what the engine logs lands in it, and
the file rotates at its size limit keeping a fixed number of old files."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.service import logfile


def test_log_lands_in_the_workspace_and_rotates(tmp_path: Path) -> None:
    handler = logfile.install(tmp_path, max_bytes=2_000, backups=2)
    try:
        assert logfile.install(tmp_path) is handler  # twice: still one handler
        assert sum(h is handler for h in logging.getLogger().handlers) == 1
        logging.getLogger("desktop.service.engine").info("engine started for %s", tmp_path)
        handler.flush()
        path = logfile.log_path(tmp_path)
        assert "INFO desktop.service.engine" in path.read_text() and "engine started" in path.read_text()
        for i in range(200):
            logging.getLogger("postino.test").info("line %03d %s", i, "x" * 40)
        names = sorted(p.name for p in path.parent.iterdir())
        assert names == ["postino.log", "postino.log.1", "postino.log.2"]
        assert all(p.stat().st_size <= 2_100 for p in path.parent.iterdir())
        assert "line 199" in path.read_text()
    finally:
        logfile.remove(handler)
    assert handler not in logging.getLogger().handlers
