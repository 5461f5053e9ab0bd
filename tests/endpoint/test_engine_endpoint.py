"""The engine runs the endpoint: started with it, moved when its settings change, stopped with it."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

from desktop.delivery.recording import RecordingChannel
from desktop.endpoint import health
from desktop.service.engine import Engine
from desktop.workspace import Workspace
from tests.helpers.endpoint import enable, free_port


def _wait(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _engine(folder: Path) -> Engine:
    return Engine(folder, channels_factory=lambda ws: {"email": RecordingChannel("email"),
                                                        "sms": RecordingChannel("sms")})


def test_the_server_starts_moves_and_stops_with_the_engine(tmp_path: Path) -> None:
    folder, now = tmp_path / "ws", datetime.now(timezone.utc)
    first, second = free_port(), free_port()
    with Workspace.open(folder) as ws:
        enable(ws, now, first)
        workspace_id = ws.meta("workspace_id")
    engine = _engine(folder)
    engine.start()
    try:
        assert health.probe(f"http://127.0.0.1:{first}", workspace_id)
        assert engine.status.endpoint is not None and engine.status.endpoint.code == "endpoint.started"
        with Workspace.open(folder) as ws:  # another process (the CLI) changes the port
            ws.settings.set("endpoint.port", second, now)
        assert _wait(lambda: health.probe(f"http://127.0.0.1:{second}", workspace_id))
        assert not health.probe(f"http://127.0.0.1:{first}", workspace_id)
        with Workspace.open(folder) as ws:
            ws.settings.set("endpoint.enabled", False, now)
        assert _wait(lambda: not health.probe(f"http://127.0.0.1:{second}", workspace_id))
        with Workspace.open(folder) as ws:
            ws.settings.set("endpoint.enabled", True, now)
        assert _wait(lambda: health.probe(f"http://127.0.0.1:{second}", workspace_id))
    finally:
        engine.stop()
    assert not health.probe(f"http://127.0.0.1:{second}", workspace_id)
    engine = _engine(folder)  # a new engine (the service restarted): the endpoint comes back
    engine.start()
    try:
        assert health.probe(f"http://127.0.0.1:{second}", workspace_id)
    finally:
        engine.stop()
    assert not health.probe(f"http://127.0.0.1:{second}", workspace_id)


def test_a_taken_port_is_reported_and_the_engine_still_runs(tmp_path: Path) -> None:
    import socket

    folder, now = tmp_path / "ws", datetime.now(timezone.utc)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with Workspace.open(folder) as ws:
            enable(ws, now, taken.getsockname()[1])
        engine = _engine(folder)
        engine.start()
        try:
            assert engine.status.running
            assert engine.status.endpoint is not None and engine.status.endpoint.code == "endpoint.cannot_listen"
        finally:
            engine.stop()


def test_an_engine_with_the_endpoint_off_serves_nothing(tmp_path: Path) -> None:
    folder, now = tmp_path / "ws", datetime.now(timezone.utc)
    port = free_port()
    with Workspace.open(folder) as ws:
        enable(ws, now, port)
        ws.settings.set("endpoint.enabled", False, now)
        workspace_id = ws.meta("workspace_id")
    engine = _engine(folder)
    engine.start()
    try:
        assert engine.endpoint is not None and engine.endpoint.server is None
        assert not health.probe(f"http://127.0.0.1:{port}", workspace_id)
    finally:
        engine.stop()
