"""kill -9 the sending process at 20 random moments in a 2,000-message batch.

The SMTP server runs in this process and counts what it received; the sender is
``main.py dispatch`` in a subprocess, restarted after each kill. Nothing may arrive twice,
every row must end sent / failed / skipped / uncertain, with at most one uncertain per kill.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from desktop.workspace import Workspace
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from tests.helpers.smtp_server import SmtpServer

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = 2000
KILLS = 20


def _ledger_ids(server) -> list[int]:
    out = []
    for received in list(server.received):
        for line in received.data.split(b"\r\n"):
            if line.lower().startswith(b"x-postino-ledger:"):
                out.append(int(line.split(b":", 1)[1]))
                break
    return out


def test_kill9_during_a_batch_never_duplicates(tmp_path, now):
    data_dir = tmp_path / "ws"
    rng = random.Random(int(os.environ.get("POSTINO_CRASH_SEED", "20260302")))
    with SmtpServer() as server:
        _run(server, data_dir, now, rng)


def _run(server, data_dir, now, rng) -> None:
    with Workspace.open(data_dir) as ws:
        for key, value in {"smtp.host": "127.0.0.1", "smtp.port": server.port, "smtp.security": "plain",
                           "smtp.sender_email": "shop@example.com", "smtp.per_minute": 100000,
                           "smtp.daily_cap": 100000,
                           # the subprocess dispatches at the real time: the business's quiet hours
                           # (21:00-09:00 Rome) would defer everything in a CI run at night
                           "business.quiet_hours": ""}.items():
            ws.settings.set(key, value, now)
        add_template(ws, now)
        rule = add_rule(ws, now, "Cart")
        contacts = add_contacts(ws, now, MESSAGES)
        # Due in the past relative to the real clock the subprocess reads.
        add_rows(ws, rule, contacts, now - timedelta(days=1))
        ws.db.execute("UPDATE ledger SET due_at = '2000-01-01 00:00:00'")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "dispatch"]
    started = time.monotonic()
    kills = 0
    while kills < KILLS:
        before = len(server.received)
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while len(server.received) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.12))
        if proc.poll() is not None:
            err = proc.stderr.read().decode()
            assert proc.returncode == 0, err
            break   # finished before we could kill it: the batch is done
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stderr.close()
        kills += 1
    final = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    elapsed = time.monotonic() - started

    ids = _ledger_ids(server)
    repeated = {k: v for k, v in Counter(ids).items() if v > 1}
    assert not repeated, f"received twice: {repeated}"
    with Workspace.open(data_dir) as ws:
        rows = dict(ws.db.execute("SELECT id, state FROM ledger").fetchall())
    states = Counter(rows.values())
    assert set(states) <= {"sent", "failed", "skipped", "uncertain"}, states
    assert states["uncertain"] <= kills, (states, kills)
    sent = {i for i, s in rows.items() if s == "sent"}
    assert sent <= set(ids), "a row says sent but the server never got it"
    assert set(ids) <= {i for i, s in rows.items() if s in ("sent", "uncertain")}
    assert len(ids) >= MESSAGES - kills
    assert kills >= 10, f"only {kills} kills happened before the batch finished"
    print(f"crash test: {kills} kills, {len(ids)} received, states {dict(states)}, {elapsed:.1f}s")
