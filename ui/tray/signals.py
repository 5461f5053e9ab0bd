"""SIGTERM and SIGINT end the app like Quit: the event loop returns, the engine finishes the
message in flight and releases the workspace, nothing is left ``sending``.

Python runs signal handlers only between bytecodes, and Qt's event loop is C++ waiting in
``poll``; instead of a timer waking Python every few hundred milliseconds (idle cost, all
day), the signal's byte lands on a socket Qt is watching (``signal.set_wakeup_fd``).
"""

from __future__ import annotations

import signal
import socket
from typing import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class QuitOnSignal(QObject):
    def __init__(self, quit: Callable[[], None], signals: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {sig: signal.signal(sig, self._note) for sig in signals}
        self.received: list[int] = []
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _note(self, signum: int, _frame: object) -> None:
        self.received.append(signum)  # the Python-level handler; the byte wakes Qt

    def _drain(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except BlockingIOError:
            pass
        if self.received:
            self._quit()

    def restore(self) -> None:
        """Give the signals back (tests build several apps in one process)."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
