"""A real endpoint server on a free loopback port, for tests that need it answering."""

from __future__ import annotations

import contextlib
import socket
from datetime import datetime
from typing import Callable, Iterator

from desktop.endpoint import health
from desktop.endpoint.config import EndpointConfig
from desktop.endpoint.runner import EndpointServer

PUBLIC = "https://negozio-di-esempio.example.com/postino"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def enable(ws, now: datetime, port: int, public: str = PUBLIC, opens: bool = False) -> EndpointConfig:
    for key, value in {"endpoint.enabled": True, "endpoint.host": "127.0.0.1", "endpoint.port": port,
                       "endpoint.public_url": public, "tracking.opens": opens}.items():
        ws.settings.set(key, value, now)
    return EndpointConfig.from_settings(ws.settings)


@contextlib.contextmanager
def running(ws, now: datetime, *, clock: Callable[[], datetime] | None = None, opens: bool = False,
            public: str = PUBLIC) -> Iterator[EndpointServer]:
    """The workspace's endpoint enabled and serving on a free port until the block ends."""
    health.forget()
    config = enable(ws, now, free_port(), public, opens)
    server = EndpointServer(ws.data_dir, config, clock=clock or (lambda: now))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        health.forget()
