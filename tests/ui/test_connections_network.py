"""Test and Poll now talk to the server on the network worker: a shop's server that accepts
the connection and then says nothing must not hold the database worker (every page of the
app waits on it) while the request runs towards its timeout. Real worker threads, a real
socket that never answers, a real workspace."""

from __future__ import annotations

import socket
import threading
from datetime import datetime, timezone

import pytest

from desktop.connectors.setup import add_connection
from desktop.connectors.store import Connections
from ui.connections import ops
from ui.connections.page import ConnectionsPage
from ui.ops import OpRunner, QueryOp


class SilentServer:
    """Accepts connections and reads nothing, answers nothing, until ``close``."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.clients: list[socket.socket] = []
        self.accepted = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            self.clients.append(client)
            self.accepted.set()

    def close(self) -> None:
        for client in self.clients:
            client.close()
        self.sock.close()


@pytest.fixture
def threaded(workspace):
    runner = OpRunner(workspace.data_dir)
    yield runner
    runner.shutdown()


@pytest.mark.parametrize("action", ["poll_selected", "test_selected"])
def test_a_silent_server_does_not_hold_the_database_worker(qtbot, threaded, workspace, action):
    server = SilentServer()
    add_connection(workspace, "rss", {"name": "Blog", "url": f"http://127.0.0.1:{server.port}/feed.xml"}, {},
                   ops.SECRET_STORE, datetime.now(timezone.utc))
    page = ConnectionsPage(threaded)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    page.select("Blog")
    getattr(page, action)()
    qtbot.waitUntil(server.accepted.is_set, timeout=10000)   # the request is out; the server says nothing
    answered: list[int] = []
    QueryOp(threaded, lambda c: len(Connections(c.ws.db).statuses()), parent=page).success(answered.append) \
        .run_in_background()
    qtbot.waitUntil(lambda: answered == [1], timeout=5000)   # the database worker is free meanwhile
    assert "…" in page.message.text()                         # still testing / checking
    server.close()                                            # the fetch now fails at once
    qtbot.waitUntil(lambda: "…" not in page.message.text(), timeout=10000)
    assert "Blog" in page.message.text()
    if action == "poll_selected":
        qtbot.waitUntil(lambda: Connections(workspace.db).require("Blog") is not None
                        and Connections(workspace.db).failures("Blog") == 1, timeout=5000)
