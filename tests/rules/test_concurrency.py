"""Two processes evaluating the same rule on one database can never book a send twice."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from desktop.workspace import Workspace
from tests.rules.handbuilt import NOW, rule_data

ROOT = Path(__file__).resolve().parents[2]

WORKER = textwrap.dedent("""
    import sys, time
    from datetime import datetime, timedelta, timezone
    from desktop.workspace import Workspace
    from desktop.rules.engine import check_rule
    from desktop.schedule import BusinessDefaults
    ws = Workspace.open(sys.argv[1])
    rule = ws.rules.find("race")
    now = datetime(2026, 3, 2, 12, 0, tzinfo=timezone.utc)
    start_at = float(sys.argv[2])
    while time.time() < start_at:
        time.sleep(0.001)
    total = 0
    for i in range(5):
        result = check_rule(ws, rule, rule.id, now, business=BusinessDefaults(),
                            window_start=now - timedelta(hours=1))
        total += result.planned
    print(total)
""")


def test_two_processes_racing_book_each_send_once(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        now = NOW
        ws.db.execute("INSERT INTO templates(name, channel, subject, html, created_at, updated_at) "
                      "VALUES ('Hello', 'email', 's', 'h', '2026-01-01 00:00:00', '2026-01-01 00:00:00')")
        ws.groups.create("Recent clickers", now)
        ws.db.conn.executemany(
            "INSERT INTO contacts(email, registered_at, updated_at) VALUES (?, '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
            [(f"c{i}@example.it",) for i in range(3000)])
        ws.rules.save(rule_data({"all": []}, {"type": "send_email", "template": "Hello"}, name="race",
                                schedule={"quiet_hours": {"bands": [], "business_default": False}}), now)
    import time

    start_at = time.time() + 1.5
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(folder), str(start_at)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
    planned = [int(out.strip()) for out, _ in outputs]
    assert sum(planned) == 3000  # between them, each contact booked exactly once
    with Workspace.open(folder) as ws:
        rows = ws.db.execute("SELECT count(*), count(DISTINCT contact_id) FROM ledger").fetchone()
        assert rows == (3000, 3000)
