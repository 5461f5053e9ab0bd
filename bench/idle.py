"""What the app costs while it waits: 20 enabled rules, nothing due, the window closed.

Starts ``main.py --background`` (the start-at-login path: window hidden, engine and tray
running) on a fresh workspace with 20 enabled rules checked every hour and a few thousand
contacts, lets the start-up sweep finish, then measures the process's CPU time and resident
memory over a quiet interval. Also times a second launch handing over to the first (it must
exit within 2 s). Target: under 1 % of one core and under 200 MB.

    .venv/bin/python bench/idle.py [--seconds 60] [--contacts 2000]

Without a display it runs Qt offscreen (no tray: the same engine and timers).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.service.logfile import log_path  # noqa: E402
from desktop.templates import Templates  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

RULES = 20


def build(folder: Path, contacts: int) -> None:
    now = datetime.now(timezone.utc) - timedelta(minutes=5)
    with Workspace.open(folder) as ws:
        Templates(ws.db).create("Carrello", "email", now=now, subject="Il tuo carrello",
                                html="<p>Ciao {{ first_name }}</p>")
        stamp = now.strftime("%Y-%m-%d %H:%M:%S")
        with ws.transaction():
            ws.db.conn.executemany(
                "INSERT INTO contacts(email, first_name, registered_at, updated_at) VALUES (?, ?, ?, ?)",
                ((f"c{i}@example.org", f"Nome{i}", stamp, stamp) for i in range(contacts)))
        for i in range(RULES):
            rule = ws.rules.save({
                "name": f"Carrello {i}", "action": {"type": "send_email", "template": "Carrello"},
                "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 3 + i, "unit": "hours"}]},
                "schedule": {"check": {"every_minutes": 60}}}, now)
            ws.rules.set_enabled(rule.id, True, now)


def launch(folder: Path, env: dict[str, str], *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), *extra],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--contacts", type=int, default=2000)
    parser.add_argument("--warmup", type=float, default=15.0)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        build(folder, args.contacts)
        started = time.monotonic()
        app = launch(folder, env, "--background")
        try:
            while "app started" not in (log_path(folder).read_text() if log_path(folder).exists() else ""):
                if app.poll() is not None:
                    raise SystemExit(f"the app ended: {app.stderr.read()}")
                time.sleep(0.05)
            startup = time.monotonic() - started
            time.sleep(args.warmup)  # the start-up sweep checks every rule once
            proc = psutil.Process(app.pid)
            cpu0, wall0 = proc.cpu_times(), time.monotonic()
            time.sleep(args.seconds)
            cpu1, wall1 = proc.cpu_times(), time.monotonic()
            rss = proc.memory_info().rss / 2**20
            used = (cpu1.user + cpu1.system) - (cpu0.user + cpu0.system)
            percent = 100.0 * used / (wall1 - wall0)
            begun = time.monotonic()
            second = launch(folder, env)
            second.wait(timeout=30)
            handover = time.monotonic() - begun
        finally:
            app.terminate()
            app.wait(timeout=60)
    print(f"RESULT cpu_percent={percent:.2f} rss_mb={rss:.1f} handover_s={handover:.2f} "
          f"startup_s={startup:.2f} rules={RULES} contacts={args.contacts} seconds={args.seconds:.0f} "
          f"second_exit={second.returncode}")
    return 0 if percent < 1.0 and rss < 200 and handover < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
