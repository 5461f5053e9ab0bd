"""Keeps the endpoint server in step with its settings, for the engine that owns it.

The engine calls ``sync`` when it starts and from its watcher (every couple of seconds):
the settings are read, and the server is started, stopped or replaced when
``endpoint.enabled``, ``endpoint.host``, ``endpoint.port``, ``endpoint.public_url`` or
``tracking.opens`` changed. A server that could not start (the port is taken) is tried
again after ``RETRY`` seconds, not on every watch. aiohttp is imported only once a server
is wanted: an engine with the endpoint off never loads it.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from desktop.endpoint.config import EndpointConfig
from desktop.messages import Msg

if TYPE_CHECKING:  # pragma: no cover
    from desktop.endpoint.runner import EndpointServer

log = logging.getLogger("postino.endpoint")
RETRY = 60.0


class EndpointControl:
    def __init__(self, folder: Path, clock: Callable[[], datetime], read_config: Callable[[], EndpointConfig],
                 on_change: Callable[[Msg], None] | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._folder, self._clock, self._read = folder, clock, read_config
        self._on_change, self._monotonic = on_change, monotonic
        self.server: "EndpointServer | None" = None
        self.config: EndpointConfig | None = None   # what the server (or the last attempt) used
        self._failed_at: float | None = None
        self.last: Msg | None = None                # the latest status: started, stopped, or why not

    def sync(self) -> None:
        config = self._read()
        if config == self.config and (self.server is not None or not config.serves or not self._retry_due()):
            return
        self._stop_server()
        self.config = config
        if not config.serves:
            return
        from desktop.endpoint.runner import EndpointError, EndpointServer

        server = EndpointServer(self._folder, config, clock=self._clock, on_change=self._tell)
        try:
            server.start()
        except EndpointError as exc:
            self._failed_at = self._monotonic()
            self._tell(exc.msg)
            return
        except Exception as exc:  # noqa: BLE001 - the engine goes on sending without it
            log.exception("the endpoint did not start")
            self._failed_at = self._monotonic()
            self._tell(Msg("endpoint.cannot_listen", {"host": config.host, "port": config.port,
                                                      "error": type(exc).__name__}))
            return
        self._failed_at = None
        self.server = server

    def _retry_due(self) -> bool:
        return self._failed_at is not None and self._monotonic() - self._failed_at >= RETRY

    def stop(self) -> None:
        self._stop_server()
        self.config = None

    def _stop_server(self) -> None:
        if self.server is not None:
            server, self.server = self.server, None
            server.stop()

    def _tell(self, msg: Msg) -> None:
        self.last = msg
        if self._on_change is not None:
            self._on_change(msg)
