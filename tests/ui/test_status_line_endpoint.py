"""The status line hears the public endpoint from the engine through a signal: the server
reports from its own threads, so nothing may touch the widget there (and a QTimer armed
there never fires). A real engine, a real server on a free loopback port, a real widget."""

from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

from desktop.delivery.recording import RecordingChannel
from desktop.service.engine import Engine
from desktop.workspace import Workspace
from tests.helpers.endpoint import enable, free_port
from ui.ops import OpRunner
from ui.status_line import StatusLine, engine_state


def test_the_endpoint_news_reaches_the_status_line(qtbot, tmp_path) -> None:
    folder, now, port = tmp_path / "ws", datetime.now(timezone.utc), free_port()
    with Workspace.open(folder) as ws:
        enable(ws, now, port)
    runner = OpRunner(folder)
    line = StatusLine(folder, runner)
    qtbot.addWidget(line)
    with Workspace.open(folder) as ws:  # the first read, as the window's worker makes it
        line.show_state(engine_state(SimpleNamespace(ws=ws), channels=False))
    engine = Engine(folder, channels_factory=lambda ws: {"email": RecordingChannel("email"),
                                                         "sms": RecordingChannel("sms")},
                    on_endpoint=line.listen_to_endpoint())
    engine.start()
    try:
        qtbot.waitUntil(lambda: f"public endpoint listening on http://127.0.0.1:{port}" in line.text(), timeout=10000)
    finally:
        engine.stop()
        runner.shutdown()
    qtbot.waitUntil(lambda: "public endpoint" not in line.text(), timeout=10000)
