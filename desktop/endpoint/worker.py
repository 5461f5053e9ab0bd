"""The endpoint's own database connection, owned by one thread that commits in groups.

The asyncio loop never touches SQLite: a write can wait for the engine's transaction (the
busy timeout), and a loop that waits stops answering everyone. Handlers hand a function
``fn(ws)`` to ``submit`` and await the future. The thread takes every job queued so far and
runs them in one ``BEGIN IMMEDIATE`` transaction, each in its own savepoint: a job that
raises is rolled back alone, and nothing is answered before the commit — so a click that
was answered is stored, and under load one commit serves hundreds of requests. The answers
of one batch go back to the event loop in one ``call_soon_threadsafe`` (one wake-up of the
loop per batch, not per request: measured, that was a third of the cost of a request).
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar

from desktop.workspace import Workspace

log = logging.getLogger("postino.endpoint")
T = TypeVar("T")
BATCH = 256


@dataclass
class _Job(Generic[T]):
    fn: Callable[[Workspace], T]
    future: "Future[T] | asyncio.Future[T]" = field(default_factory=Future)
    loop: asyncio.AbstractEventLoop | None = None   # set when ``future`` is the loop's own


def _deliver(answers: list[tuple["asyncio.Future[Any]", Any, BaseException | None]]) -> None:
    """On the event loop: hand a batch's answers to the requests still waiting for them."""
    for future, value, error in answers:
        if future.done():  # the client went away and the handler was cancelled
            continue
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)


class DbWorker:
    def __init__(self, data_dir: Path) -> None:
        self._folder = Path(data_dir)
        self._jobs: "queue.SimpleQueue[_Job[Any] | None]" = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._opened: "Future[Workspace]" = Future()

    def start(self) -> Workspace:
        """Open the connection on the worker's thread; returns once it is open (or raises)."""
        self._thread = threading.Thread(target=self._run, name="postino-endpoint-db", daemon=True)
        self._thread.start()
        return self._opened.result()

    def submit(self, fn: Callable[[Workspace], T]) -> "Future[T]":
        """From any thread: a ``concurrent.futures.Future`` of ``fn(ws)``."""
        job: _Job[T] = _Job(fn)
        self._jobs.put(job)
        return job.future  # type: ignore[return-value]

    def run(self, fn: Callable[[Workspace], T]) -> "asyncio.Future[T]":
        """From the event loop: an awaitable of ``fn(ws)``, answered with its whole batch."""
        loop = asyncio.get_running_loop()
        job: _Job[T] = _Job(fn, loop.create_future(), loop)
        self._jobs.put(job)
        return job.future  # type: ignore[return-value]

    def stop(self) -> None:
        """Finish what is queued, close the connection, end the thread."""
        if self._thread is None:
            return
        self._jobs.put(None)
        self._thread.join()
        self._thread = None

    def _run(self) -> None:
        try:
            # The engine checked the file when it started; this is a second connection to it.
            ws = Workspace.open(self._folder, check=False)
        except BaseException as exc:  # noqa: BLE001 - reported to start()
            self._opened.set_exception(exc)
            return
        self._opened.set_result(ws)
        try:
            while True:
                batch = [self._jobs.get()]
                while batch[-1] is not None and len(batch) < BATCH:
                    try:
                        batch.append(self._jobs.get_nowait())
                    except queue.Empty:
                        break
                jobs = [j for j in batch if j is not None]
                if jobs:
                    self._run_batch(ws, jobs)
                if batch[-1] is None:
                    break
        finally:
            ws.close()

    @staticmethod
    def _run_batch(ws: Workspace, jobs: list[_Job[Any]]) -> None:
        results: list[tuple[_Job[Any], Any, BaseException | None]] = []
        try:
            with ws.transaction():
                for job in jobs:
                    try:
                        with ws.transaction():  # a savepoint: this job alone is undone
                            results.append((job, job.fn(ws), None))
                    except Exception as exc:  # noqa: BLE001 - handed to the job's caller
                        results.append((job, None, exc))
        except Exception as exc:  # noqa: BLE001 - the commit itself failed: nothing was stored
            log.exception("endpoint write failed")
            results = [(job, None, exc) for job in jobs]
        by_loop: dict[asyncio.AbstractEventLoop, list[tuple[Any, Any, BaseException | None]]] = {}
        for job, value, error in results:
            if job.loop is not None:
                by_loop.setdefault(job.loop, []).append((job.future, value, error))
            elif error is not None:
                job.future.set_exception(error)
            else:
                job.future.set_result(value)
        for loop, answers in by_loop.items():
            try:
                loop.call_soon_threadsafe(_deliver, answers)
            except RuntimeError:  # the loop closed meanwhile: nobody is waiting any more
                pass
