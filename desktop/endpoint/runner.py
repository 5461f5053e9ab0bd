"""The endpoint server's life: its own asyncio loop on its own thread, its own database thread.

``EndpointServer.start`` returns once the socket listens and ``/health`` answered (or raises
``EndpointError`` with a coded reason: the port is taken, the address is not this
computer's); ``stop`` closes the listening socket, lets requests in flight finish, then
closes the database connection. The engine starts one when ``endpoint.enabled`` and
``endpoint.public_url`` are set, and replaces it when those settings change.

``on_change`` (optional) is called from the server's threads with a coded status message;
a Qt window that wants it must pass it on through a signal (a ``QTimer`` armed from a
non-Qt thread never fires).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Callable

from aiohttp import web

from desktop import tokens
from desktop.endpoint import health
from desktop.endpoint.app import Context, build_app
from desktop.endpoint.config import EndpointConfig
from desktop.endpoint.secret_cache import CachedSecrets
from desktop.endpoint.worker import DbWorker
from desktop.messages import Msg, define

log = logging.getLogger("postino.endpoint")
define({
    "endpoint.started": ("servizio pubblico in ascolto su {url}", "public endpoint listening on {url}"),
    "endpoint.stopped": ("servizio pubblico fermo", "public endpoint stopped"),
    "endpoint.cannot_listen": ("il servizio pubblico non può ascoltare su {host}:{port}: {error}",
                               "the public endpoint cannot listen on {host}:{port}: {error}"),
    "endpoint.no_health": ("il servizio pubblico non risponde al proprio controllo su {url}",
                           "the public endpoint does not answer its own check at {url}"),
})
START_TIMEOUT = 15.0


class EndpointError(RuntimeError):
    def __init__(self, msg: Msg) -> None:
        super().__init__(str(msg))
        self.msg = msg


class EndpointServer:
    def __init__(self, data_dir: str | Path, config: EndpointConfig, *, clock: Callable[[], datetime],
                 on_change: Callable[[Msg], None] | None = None) -> None:
        self.folder = Path(data_dir)
        self.config = config
        self._clock = clock
        self._on_change = on_change
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._worker: DbWorker | None = None
        self.workspace_id = ""

    @property
    def running(self) -> bool:
        return self._runner is not None

    def start(self) -> None:
        worker = DbWorker(self.folder)
        worker.start()
        self._worker = worker
        try:
            key, self.workspace_id, language = worker.submit(
                lambda w: (tokens.workspace_key(w), w.meta("workspace_id") or "",
                           str(w.settings.get("ui.language") or "it"))).result()
            ctx = Context(worker, key, self.workspace_id, self.config.opens, language, self._clock, CachedSecrets())
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="postino-endpoint", daemon=True)
            self._thread.start()
            self._runner = asyncio.run_coroutine_threadsafe(self._listen(ctx), self._loop).result(START_TIMEOUT)
        except BaseException:
            self._shutdown()
            raise
        if not health.probe(self.config.local_url, self.workspace_id, timeout=5.0):
            self.stop()
            raise EndpointError(Msg("endpoint.no_health", {"url": self.config.local_url}))
        health.note(self.config.local_url, self.workspace_id, True)
        self._tell(Msg("endpoint.started", {"url": self.config.local_url}))

    async def _listen(self, ctx: Context) -> web.AppRunner:
        runner = web.AppRunner(build_app(ctx), access_log=None, handle_signals=False, shutdown_timeout=5.0)
        await runner.setup()
        site = web.TCPSite(runner, self.config.host, self.config.port, reuse_address=True)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise EndpointError(Msg("endpoint.cannot_listen", {
                "host": self.config.host, "port": self.config.port, "error": exc.strerror or str(exc)})) from None
        return runner

    def stop(self) -> None:
        """Stop listening, finish requests in flight, close the connection. Safe to call twice."""
        if self.workspace_id:
            health.note(self.config.local_url, self.workspace_id, False)
        was_running = self._runner is not None
        self._shutdown()
        if was_running:
            self._tell(Msg("endpoint.stopped"))

    def _shutdown(self) -> None:
        if self._runner is not None and self._loop is not None:
            try:
                asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(START_TIMEOUT)
            except Exception:  # noqa: BLE001 - stopping must go on
                log.exception("endpoint cleanup failed")
        self._runner = None
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:
                self._thread.join(START_TIMEOUT)
            self._loop.close()
            self._loop, self._thread = None, None
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def _tell(self, msg: Msg) -> None:
        log.info("%s", msg)
        if self._on_change is not None:
            try:
                self._on_change(msg)
            except Exception:  # noqa: BLE001 - a listener's failure is not the server's
                log.exception("endpoint listener failed")
