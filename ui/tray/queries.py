"""What the tray shows, read on the op runner's worker: the pause switch and the sandbox from
the settings (the one place every view reads them), the next send booked in the ledger, the
uncertain rows, the enabled rules for "check one rule now", and what Quit would hold back."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from desktop.ledger import WAITING
from desktop.timeutil import from_db, to_db
from ui.ops import OpContext

QUIT_WINDOW_MINUTES = 15


def tray_facts(c: OpContext) -> dict[str, Any]:
    ws = c.ws
    db = ws.db
    marks = ",".join("?" for _ in WAITING)
    next_due = db.execute(f"SELECT min(due_at) FROM ledger WHERE state IN ({marks}) AND channel != 'group'",
                          [str(s) for s in WAITING]).fetchone()[0]
    return {
        "paused": bool(ws.settings.get("engine.paused")),
        "sandbox": bool(ws.settings.get("sandbox")),
        "zone": ws.settings.get("business.timezone"),
        "start_at_login": bool(ws.settings.get("service.start_at_login")),
        "daily_summary": bool(ws.settings.get("service.daily_summary")),
        "uncertain": db.execute("SELECT count(*) FROM ledger WHERE state = 'uncertain'").fetchone()[0],
        "next_due": from_db(next_due) if next_due else None,
        "rules": db.execute("SELECT id, name FROM rules WHERE enabled ORDER BY name").fetchall(),
    }


def due_soon(c: OpContext, now: datetime, minutes: int = QUIT_WINDOW_MINUTES) -> int:
    """Messages booked to go out in the next ``minutes`` (or overdue): what Quit holds back."""
    marks = ",".join("?" for _ in WAITING)
    return c.ws.db.execute(
        f"SELECT count(*) FROM ledger WHERE state IN ({marks}) AND channel != 'group' AND due_at <= ?",
        [*(str(s) for s in WAITING), to_db(now + timedelta(minutes=minutes))]).fetchone()[0]
