"""The long-running engine: stopping never leaves a message half-recorded, and a manual
``dispatch`` obeys the same re-checks and lock as the service."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.delivery.recording import RecordingChannel
from desktop.service.engine import Engine
from desktop.service.lock import EngineLock, WorkspaceBusy
from desktop.workspace import Workspace
from tests.helpers.engine import words
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template

ROOT = Path(__file__).resolve().parent.parent


class SlowChannel(RecordingChannel):
    """A provider that takes a while per message, like SMTP paced at 60 a minute."""

    def send(self, message):
        time.sleep(0.3)
        return super().send(message)


def _workspace(folder: Path, rows: int, **rule) -> None:
    now = datetime.now(timezone.utc) - timedelta(minutes=1)
    with Workspace.open(folder) as ws:
        add_template(ws, now, "Cart")
        rule_id = add_rule(ws, now, "Cart")
        ws.rules.set_enabled(rule_id, True, now)
        if rule:
            stored = ws.rules.get(rule_id)
            ws.rules.save({**stored.to_dict(), **rule}, now, rule_id)
        add_rows(ws, rule_id, add_contacts(ws, now, rows), now)


def test_stop_waits_for_the_message_in_flight_and_only_then_frees_the_workspace(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _workspace(folder, 40, schedule={"quiet_hours": {"bands": [], "business_default": False}})
    slow = SlowChannel("email", mime=False)
    engine = Engine(folder, channels_factory=lambda ws: {"email": slow, "sms": RecordingChannel("sms")},
                    dispatch_every=timedelta(seconds=0.1))
    engine.start()
    time.sleep(1.5)
    started = time.monotonic()
    engine.stop()
    assert time.monotonic() - started < 5
    assert not any(t.is_alive() for t in engine._threads)
    with EngineLock(folder):  # free now, and nobody else is sending
        pass
    with Workspace.open(folder) as ws:
        states = dict(ws.db.execute("SELECT state, count(*) FROM ledger GROUP BY state").fetchall())
    assert set(states) <= {"sent", "planned"}
    assert states["sent"] == len(slow.messages) > 0


def test_second_engine_is_refused_while_one_runs(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _workspace(folder, 1)
    engine = Engine(folder, channels_factory=lambda ws: {"email": RecordingChannel("email"),
                                                         "sms": RecordingChannel("sms")})
    engine.start()
    try:
        with pytest.raises(WorkspaceBusy, match="already running"):
            Engine(folder).start()
    finally:
        engine.stop()


def test_manual_dispatch_respects_quiet_hours(tmp_path: Path) -> None:
    rome = datetime.now(ZoneInfo("Europe/Rome"))
    band = f"{(rome - timedelta(hours=1)):%H}:00-{(rome + timedelta(hours=2)):%H}:00"
    folder = tmp_path / "ws"
    _workspace(folder, 2, schedule={"quiet_hours": {"bands": [band], "business_default": False}})
    result = subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), "dispatch"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    with Workspace.open(folder) as ws:
        rows = ws.db.execute("SELECT state, reason FROM ledger").fetchall()
    assert [state for state, _ in rows] == ["deferred", "deferred"]
    assert all(words(reason).startswith("quiet hours") for _, reason in rows)
    assert not any((folder / "outbox").glob("*.eml")) if (folder / "outbox").exists() else True


def test_pause_stops_checks_and_sends_until_resumed(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _workspace(folder, 3, schedule={"quiet_hours": {"bands": [], "business_default": False}})
    with Workspace.open(folder) as ws:
        ws.settings.set("engine.paused", "true", datetime.now(timezone.utc))
    recorded = RecordingChannel("email", mime=False)
    engine = Engine(folder, channels_factory=lambda ws: {"email": recorded, "sms": RecordingChannel("sms")},
                    dispatch_every=timedelta(seconds=0.1))
    engine.start()
    try:
        time.sleep(0.8)
        assert recorded.messages == [] and engine.status.paused
        result = subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), "settings", "set",
                                 "engine.paused", "false"], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        deadline = time.monotonic() + 10
        while len(recorded.messages) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(recorded.messages) == 3 and not engine.status.paused
    finally:
        engine.stop()
