"""Asking the running engine to do something, from any window or process: a row in the
workspace's ``engine_requests`` table, taken by the one engine that holds the workspace's
lock and answered in the same row.

This is how Run now works everywhere (the app's rule list, the tray, a second window on the
same workspace): it never dispatches by itself, so it can never bypass the lock or the
pause, nor turn the engine's message in flight into ``uncertain``.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.timeutil import to_db

if TYPE_CHECKING:  # pragma: no cover
    from desktop.service.tick import TickReport
    from desktop.workspace import Workspace


@dataclass(frozen=True)
class Request:
    id: int
    kind: str
    rule_id: int


@dataclass
class RunAnswer:
    """What a Run now did, as the engine wrote it back."""

    done: bool
    paused: bool = False
    matched: int = 0
    planned: int = 0
    applied: int = 0
    sent: int = 0
    failed: int = 0
    error: dict[str, Any] | None = None           # a Msg as a dict
    channels_paused: dict[str, dict[str, Any]] | None = None


def ask_check_now(ws: "Workspace", rule_id: int, now: datetime) -> int:
    """Queue "check this rule now"; returns the request's id to wait for."""
    return ws.db.execute("INSERT INTO engine_requests(kind, rule_id, requested_at) VALUES ('check_rule', ?, ?)",
                         [rule_id, to_db(now)]).lastrowid


def answer_of(ws: "Workspace", request_id: int) -> RunAnswer:
    row = ws.db.execute("SELECT done_at, result FROM engine_requests WHERE id = ?", [request_id]).fetchone()
    if row is None or row[0] is None:
        return RunAnswer(done=False)
    return RunAnswer(done=True, **json.loads(row[1] or "{}"))


class Requests:
    def __init__(self, ws: "Workspace", lock: threading.RLock) -> None:
        self._ws, self._lock = ws, lock

    def take(self, now: datetime) -> list[Request]:
        with self._lock:
            rows = self._ws.db.execute(
                "SELECT id, kind, rule_id FROM engine_requests WHERE done_at IS NULL AND taken_at IS NULL "
                "ORDER BY id").fetchall()
            for row in rows:
                self._ws.db.execute("UPDATE engine_requests SET taken_at = ? WHERE id = ?", [to_db(now), row[0]])
        return [Request(*row) for row in rows]

    def answer(self, request: Request, report: "TickReport", now: datetime) -> None:
        result: dict[str, Any] = {"paused": report.paused, "sent": report.dispatch.sent,
                                  "failed": report.dispatch.counts.get("failed", 0)}
        for rule, check in report.checks:
            if rule.id == request.rule_id:
                result.update(matched=check.matched, planned=check.planned, applied=check.applied)
        error = next(iter(report.errors.values()), None)
        if error is not None:
            result["error"] = error.as_dict()
        if report.dispatch.paused:
            result["channels_paused"] = {k: v.as_dict() for k, v in report.dispatch.paused.items()}
        with self._lock:
            self._ws.db.execute("UPDATE engine_requests SET done_at = ?, result = ? WHERE id = ?",
                                [to_db(now), json.dumps(result), request.id])
