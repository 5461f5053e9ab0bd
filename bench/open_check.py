"""What the integrity check on opening and a daily backup cost on a large workspace.

Builds a workspace with N contacts and 10·N events and 5·N ledger rows (bulk SQL), then times
``Workspace.open`` with its ``PRAGMA quick_check``, the check alone, and ``ensure_daily_backup``.

    .venv/bin/python bench/open_check.py [--contacts N] [--dir DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.store.backup import ensure_daily_backup  # noqa: E402
from desktop.store.health import quick_check  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

NOW = datetime(2026, 12, 1, 9, tzinfo=timezone.utc)


def _fill(ws: Workspace, contacts: int) -> None:
    n = f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {contacts * 10})"
    conn = ws.db.conn
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"{n} INSERT INTO contacts(email, first_name, email_status, registered_at, updated_at) "
                 f"SELECT 'c' || i || '@example.org', 'Nome' || i, 'subscribed', '2026-01-01 00:00:00', "
                 f"'2026-01-01 00:00:00' FROM n WHERE i <= {contacts}")
    conn.execute(f"{n} INSERT INTO events(contact_id, type, occurred_at, payload) "
                 f"SELECT 1 + i % {contacts}, 'email_opened', datetime('2026-01-01', '+' || (i % 300) || ' days'), "
                 "'{}' FROM n")
    conn.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--dir")
    args = parser.parse_args()
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="postino-bench-"))
    try:
        with Workspace.open(folder) as ws:
            _fill(ws, args.contacts)
        size = (folder / "postino.db").stat().st_size
        start = time.perf_counter()
        ws = Workspace.open(folder)
        opened = time.perf_counter() - start
        start = time.perf_counter()
        assert quick_check(ws.db.conn) is None
        check = time.perf_counter() - start
        start = time.perf_counter()
        ensure_daily_backup(ws, NOW)
        backup = time.perf_counter() - start
        ws.close()
        print(f"RESULT contacts={args.contacts} db_mb={size / 1e6:.1f} open_s={opened:.3f} "
              f"quick_check_s={check:.3f} daily_backup_s={backup:.3f}")
    finally:
        if not args.dir:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
