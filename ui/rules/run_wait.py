"""Waiting for the engine's answer to a Run now, without blocking anything: a timer asks the
workspace every half second (through the one background-op helper) until the engine has
written its answer, or gives up after a while and says the engine is not answering."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ui.ops import OpRunner, QueryOp
from ui.rules import queries as q

RUN_NOW_TIMEOUT_MS = 120_000
POLL_MS = 500


class RunWait(QObject):
    answered = Signal(object)  # RunReport, or None when the engine never answered

    def __init__(self, runner: OpRunner, request_id: int, parent: QObject, *, timeout_ms: int) -> None:
        super().__init__(parent)
        self._runner, self._request_id = runner, request_id
        self._left = max(1, timeout_ms // POLL_MS)
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._ask)

    def start(self) -> None:
        self._timer.start()
        self._ask()

    def _ask(self) -> None:
        if self._busy:
            return
        self._left -= 1
        if self._left < 0:
            self._finish(None)
            return
        self._busy = True
        request_id = self._request_id
        (QueryOp(self._runner, lambda c: q.run_now_answer(c, request_id), parent=self.parent())
         .success(self._got).failure(lambda _exc: setattr(self, "_busy", False)).run_in_background())

    def _got(self, report: "q.RunReport | None") -> None:
        self._busy = False
        if report is not None:
            self._finish(report)

    def _finish(self, report: "q.RunReport | None") -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.answered.emit(report)
