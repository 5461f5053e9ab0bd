"""The app as a real process (offscreen Qt, so no tray: the minimise path): one copy per
workspace, a stale socket after kill -9 recovered, the app and ``main.py service`` refusing
each other by name, and SIGTERM — to the app and to the service — while a message is in
flight on a loopback SMTP server leaves no row ``sending``."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from desktop.service.logfile import log_path
from desktop.workspace import Workspace
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from tests.helpers.smtp_server import Handler, SmtpServer

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.timeout(120)


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_RUNTIME_DIR": str(tmp_path / "run"),
            "POSTINO_LANGUAGE": "en"}


def _launch(folder: Path, tmp_path: Path, *extra: str) -> subprocess.Popen:
    (tmp_path / "run").mkdir(mode=0o700, exist_ok=True)
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), *extra],
                            env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(predicate, what: str, proc: subprocess.Popen | None = None, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"process ended ({proc.returncode}) waiting for {what}: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def _log(folder: Path) -> str:
    path = log_path(folder)
    return path.read_text() if path.exists() else ""


def _started(folder: Path, times: int = 1):
    return lambda: _log(folder).count("app started") >= times


def _stop(proc: subprocess.Popen) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()  # never leave a copy behind a failed test
        proc.wait()
        raise


def _workspace(folder: Path) -> None:
    now = datetime.now(timezone.utc) - timedelta(minutes=1)
    with Workspace.open(folder) as ws:
        ws.settings.set("ui.language", "en", now)


def test_second_launch_raises_the_first_and_exits(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _workspace(folder)
    first = _launch(folder, tmp_path, "--background")
    try:
        _wait_for(_started(folder), "the first app", first)
        second = _launch(folder, tmp_path)
        assert second.wait(timeout=30) == 0, second.stderr.read()
        _wait_for(lambda: "raised by a second launch" in _log(folder), "the first window raised", first)
        assert first.poll() is None and _log(folder).count("app started") == 1
    finally:
        assert _stop(first) == 0
    assert "engine stopped and workspace released" in _log(folder)


def test_after_kill_9_the_next_launch_starts_and_serves(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _workspace(folder)
    first = _launch(folder, tmp_path, "--background")
    _wait_for(_started(folder), "the first app", first)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    again = _launch(folder, tmp_path, "--background")
    try:
        _wait_for(_started(folder, 2), "the app after kill -9", again)
        assert f"(process {again.pid})" in (folder / "engine.lock").read_text()
        third = _launch(folder, tmp_path)  # the recovered server answers
        assert third.wait(timeout=30) == 0, third.stderr.read()
        assert again.poll() is None
    finally:
        assert _stop(again) == 0


def test_app_and_service_refuse_each_other_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _workspace(folder)
    app = _launch(folder, tmp_path, "--background")
    try:
        _wait_for(_started(folder), "the app", app)
        service = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), "service"],
                                 env=_env(tmp_path), capture_output=True, text=True, timeout=60)
        assert service.returncode == 1
        assert "already running for this workspace (the Postino app, process" in service.stderr
        assert "Quit in its tray menu" in service.stderr
    finally:
        assert _stop(app) == 0
    service = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder), "service"],
                               env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: "main.py service" in (folder / "engine.lock").read_text(), "the service", service)
        refused = _launch(folder, tmp_path, "--background")
        assert refused.wait(timeout=60) == 1
        err = refused.stderr.read()
        assert "already running for this workspace (the service (main.py service), process" in err and "Ctrl+C" in err
    finally:
        assert _stop(service) == 0


class SlowHandler(Handler):
    """Answers each message after a pause, so a SIGTERM lands while one is in flight."""

    def __init__(self, pause: float) -> None:
        super().__init__()
        self.pause = pause
        self.in_flight = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.in_flight.set()
        await asyncio.sleep(self.pause)
        return await super().handle_DATA(server, session, envelope)


def _sending_workspace(folder: Path, port: int, rows: int) -> None:
    now = datetime.now(timezone.utc) - timedelta(minutes=1)
    with Workspace.open(folder) as ws:
        for key, value in {"smtp.host": "127.0.0.1", "smtp.port": port, "smtp.security": "plain",
                           "smtp.sender_email": "shop@example.com", "smtp.per_minute": 100000,
                           "smtp.daily_cap": 100000, "ui.language": "en"}.items():
            ws.settings.set(key, value, now)
        add_template(ws, now)
        rule = add_rule(ws, now, "Cart")
        stored = ws.rules.get(rule)
        ws.rules.save({**stored.to_dict(), "schedule": {"quiet_hours": {"bands": [], "business_default": False}}},
                      now, rule)
        add_rows(ws, rule, add_contacts(ws, now, rows), now)


@pytest.mark.parametrize("how", ["app", "service"])
def test_sigterm_with_a_send_in_flight_leaves_nothing_sending(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "ws"
    handler = SlowHandler(pause=1.5)
    with SmtpServer(handler) as server:
        _sending_workspace(folder, server.port, rows=5)
        extra = ("--background",) if how == "app" else ("service",)
        proc = _launch(folder, tmp_path, *extra)
        try:
            _wait_for(handler.in_flight.is_set, "a message in flight", proc)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=60) == 0, proc.stderr.read()
        finally:
            if proc.poll() is None:  # never leave a sender behind a failed test
                proc.kill()
                proc.wait()
        received = len(server.received)
    with Workspace.open(folder) as ws:
        states = dict(ws.db.execute("SELECT state, count(*) FROM ledger GROUP BY state").fetchall())
    assert "sending" not in states and "uncertain" not in states
    assert states.get("sent", 0) == received >= 1      # the message in flight finished and was recorded
    assert states.get("planned", 0) == 5 - received    # the rest wait for the next start
