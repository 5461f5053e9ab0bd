"""The one way the UI touches the database: operations run on a single worker thread.

Like Anki's ``CollectionOp``/``QueryOp``: the worker thread owns its own ``Workspace``
connection (so the UI thread never waits on SQLite), one job runs at a time (so one thread
writes), and results come back to the UI thread by a queued signal. A change announces
what it touched once, through ``OpRunner.changed``, and each view decides whether to
refresh. ``OpRunner.synchronous(ws)`` runs jobs inline, for deterministic unit tests.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.errors import InputError
from desktop.workspace import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class OpChanges:
    """The areas an operation changed; views refresh only when theirs is named."""

    contacts: bool = False
    groups: bool = False
    fields: bool = False
    templates: bool = False
    rules: bool = False
    settings: bool = False
    outbox: bool = False

    def touches(self, *areas: str) -> bool:
        return any(getattr(self, a) for a in areas)

    def __or__(self, other: "OpChanges") -> "OpChanges":
        return OpChanges(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})


class OpCancelled(Exception):
    """Raised inside a job by ``OpContext.check()`` once the user pressed Cancel."""


class OpContext:
    """What a job receives on the worker thread: its workspace, progress and cancellation."""

    def __init__(self, ws: Workspace, job: "Job") -> None:
        self.ws = ws
        self._job = job
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_requested.is_set()

    def check(self) -> None:
        if self.cancelled:
            raise OpCancelled()

    def progress(self, done: int, total: int = 0, label: str = "") -> None:
        """Report progress; throttled to ~20 updates a second so the UI queue never floods."""
        moment = time.monotonic()
        final = total > 0 and done >= total
        if not final and moment - self._last_report < 0.05:
            return
        self._last_report = moment
        if self._job.runner.is_synchronous:
            self._job.op._update_progress(done, total, label)
        else:
            self._job.runner._progressed.emit(self._job, done, total, label)


class Job:
    """One submitted operation; ``cancel()`` asks a long job to stop at its next check."""

    def __init__(self, runner: "OpRunner", op: "_Op[Any]") -> None:
        self.runner = runner
        self.op = op
        self.cancel_requested = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    def cancel(self) -> None:
        self.cancel_requested.set()


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """The default failure handler: a non-blocking message box in the user's words."""
    if isinstance(error, OpCancelled):
        return
    if isinstance(error, InputError) or getattr(error, "msg", None) is not None:
        from ui.words import error_text  # the coded reason in the window's language

        text = error_text(error)
    else:
        log.error("operation failed", exc_info=error)
        text = QCoreApplication.translate("ops", "Something went wrong: %1").replace("%1", f"{type(error).__name__}: {error}")
    box = QMessageBox(QMessageBox.Icon.Warning, "Postino", text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("op_error_box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class OpRunner(QObject):
    """Owns the worker thread and its workspace; every op goes through ``submit``."""

    changed = Signal(object, object)  # (OpChanges, initiator or None)
    failed = Signal(object)  # every error that reached a handler, for logs and tests
    _finished = Signal(object)
    _progressed = Signal(object, int, int, str)

    def __init__(self, data_dir: str | Path, *, workspace: Workspace | None = None,
                 synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.is_synchronous = synchronous
        self.error_handler: Callable[[QWidget | None, BaseException], None] = show_error
        self._inline_ws = workspace
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pending = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def synchronous(cls, workspace: Workspace) -> "OpRunner":
        """Jobs run inline on the caller's thread with ``workspace`` (tests, like FakeThreadPool)."""
        return cls(workspace.data_dir, workspace=workspace, synchronous=True)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(self, op: "_Op[Any]") -> Job:
        job = Job(self, op)
        self._pending += 1
        if op._progress_label is not None:
            op._open_progress(job)
        if self.is_synchronous:
            ws = self._inline_ws or self._own_workspace()
            self._execute(job, ws)
            self._deliver(job)
            return job
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="postino-db", daemon=True)
            self._thread.start()
        self._queue.put(job)
        return job

    def _own_workspace(self) -> Workspace:
        self._inline_ws = Workspace.open(self.data_dir)
        return self._inline_ws

    def _work(self) -> None:
        ws: Workspace | None = None
        try:
            while True:
                job = self._queue.get()
                if job is None:
                    return
                if ws is None:
                    try:
                        ws = Workspace.open(self.data_dir)
                    except BaseException as exc:  # noqa: BLE001 - reported to the UI like any failure
                        job.error, job.done = exc, True
                        self._finished.emit(job)
                        continue
                self._execute(job, ws)
                self._finished.emit(job)
        finally:
            if ws is not None:
                ws.close()

    @staticmethod
    def _execute(job: Job, ws: Workspace) -> None:
        # Another process (the service, the CLI) may have added fields since the last job.
        ws.fields.invalidate()
        context = OpContext(ws, job)
        try:
            context.check()
            job.result = job.op.fn(context)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI thread
            job.error = exc
        job.done = True

    @Slot(object)
    def _deliver(self, job: Job) -> None:
        self._pending -= 1
        op = job.op
        op._close_progress()
        if op.parent is not None and not shiboken6.isValid(op.parent):
            # The widget that asked was closed meanwhile: announce a change, call nobody back.
            if job.error is None and op.changes is not None and op.changes != OpChanges():
                self.changed.emit(op.changes, None)
            return
        if job.error is None:
            if op.changes is not None and op.changes != OpChanges():
                self.changed.emit(op.changes, op.initiator)
            if op._on_success is not None:
                op._on_success(job.result)
            return
        if isinstance(job.error, OpCancelled):
            if op._on_cancel is not None:
                op._on_cancel()
            return
        self.failed.emit(job.error)
        if op._on_failure is not None:
            op._on_failure(job.error)
        else:
            self.error_handler(op.parent, job.error)

    @Slot(object, int, int, str)
    def _on_progress(self, job: Job, done: int, total: int, label: str) -> None:
        job.op._update_progress(done, total, label)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop the worker after the job in hand; its workspace connection is closed."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None
        # Deliver what the worker already posted, so no queued Python object outlives the app.
        QCoreApplication.sendPostedEvents(self)


class _Op(Generic[T]):
    """Chain ``.success(...).failure(...).with_progress(...)`` then ``.run_in_background()``."""

    changes: OpChanges | None = None

    def __init__(self, runner: OpRunner, fn: Callable[[OpContext], T], *,
                 parent: QWidget | None = None, initiator: object | None = None) -> None:
        self.runner = runner
        self.fn = fn
        self.parent = parent
        self.initiator = initiator
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_cancel: Callable[[], None] | None = None
        self._progress_label: str | None = None
        self._progress_to: Callable[[int, int, str], None] | None = None
        self._dialog: QProgressDialog | None = None

    def success(self, callback: Callable[[T], None]) -> "_Op[T]":
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "_Op[T]":
        self._on_failure = callback
        return self

    def cancelled(self, callback: Callable[[], None]) -> "_Op[T]":
        self._on_cancel = callback
        return self

    def with_progress(self, label: str) -> "_Op[T]":
        """Show a progress dialog with a Cancel button if the job lasts more than a moment."""
        self._progress_label = label
        return self

    def progress_to(self, callback: Callable[[int, int, str], None]) -> "_Op[T]":
        """Send progress ``(done, total, label)`` to the caller's own widget instead of a dialog."""
        self._progress_to = callback
        return self

    def run_in_background(self) -> Job:
        return self.runner.submit(self)

    def _open_progress(self, job: Job) -> None:
        dialog = QProgressDialog(self._progress_label or "", QCoreApplication.translate("ops", "Cancel"), 0, 0, self.parent)
        dialog.setObjectName("op_progress")
        dialog.setWindowTitle("Postino")
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.canceled.connect(job.cancel)
        self._dialog = dialog

    def _update_progress(self, done: int, total: int, label: str) -> None:
        if self._progress_to is not None:
            self._progress_to(done, total, label)
        if self._dialog is None:
            return
        if total > 0:
            self._dialog.setMaximum(total)
            self._dialog.setValue(min(done, total))
        if label:
            self._dialog.setLabelText(label)

    def _close_progress(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect()
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None


class QueryOp(_Op[T]):
    """Reads: no change notice."""


class CollectionOp(_Op[T]):
    """Writes: on success, ``changes`` is announced once through ``OpRunner.changed``."""

    def __init__(self, runner: OpRunner, fn: Callable[[OpContext], T], changes: OpChanges, *,
                 parent: QWidget | None = None, initiator: object | None = None) -> None:
        super().__init__(runner, fn, parent=parent, initiator=initiator)
        self.changes = changes


class NetworkRunner(QObject):
    """Network work (the update check; later, server tests) on its own small pool.

    Anki's second executor: a slow or hanging server never holds up the database worker,
    and the job gets no workspace, so it cannot touch SQLite. ``callback(result, error)``
    runs on the UI thread; ``synchronous=True`` runs jobs inline, for tests.
    """

    _done = Signal(object, object, object)  # (callback, result, error)

    def __init__(self, workers: int = 2, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from concurrent.futures import ThreadPoolExecutor

        self.is_synchronous = synchronous
        self._pool = None if synchronous else ThreadPoolExecutor(max_workers=workers, thread_name_prefix="postino-net")
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[], T], callback: Callable[[T | None, BaseException | None], None]) -> None:
        def job() -> None:
            try:
                result, error = fn(), None
            except BaseException as exc:  # noqa: BLE001 - handed to the callback on the UI thread
                result, error = None, exc
            if self.is_synchronous:
                callback(result, error)
            elif shiboken6.isValid(self):
                self._done.emit(callback, result, error)

        if self._pool is None:
            job()
        else:
            self._pool.submit(job)

    @Slot(object, object, object)
    def _deliver(self, callback: Callable[[Any, BaseException | None], None], result: Any,
                 error: BaseException | None) -> None:
        callback(result, error)

    def shutdown(self) -> None:
        """Stop taking jobs; one in flight finishes on its own (its timeout bounds it)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
