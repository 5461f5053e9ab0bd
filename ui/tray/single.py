"""One Postino app per workspace and user: a ``QLocalServer`` keyed on both.

A second launch connects, hands over its arguments, waits for the first copy's "ok" and
exits; the first raises its window (unless the second was a ``--background`` start at login).
After a crash (kill -9) the socket file stays behind and nobody answers on it: connecting
fails, so the new copy removes the stale server and listens itself. Two copies that race
past this are still kept apart by the engine lock.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

HAND_OVER_MS = 1500


def server_name(data_dir: Path) -> str:
    """Short (socket paths are limited) and the same for every spelling of the folder."""
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container): the home folder names the user
        user = str(Path.home())
    digest = hashlib.sha256(f"{user}\0{Path(data_dir).resolve()}".encode()).hexdigest()[:20]
    return f"postino-{digest}"


def hand_over(data_dir: Path, args: list[str], timeout_ms: int = HAND_OVER_MS) -> bool:
    """True when a running copy took ``args`` (this launch should exit now)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(json.dumps(args).encode() + b"\n")
    socket.flush()
    answered = False
    while socket.waitForReadyRead(timeout_ms):
        if bytes(socket.readAll().data()).startswith(b"ok"):
            answered = True
            break
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later launches; ``arrived`` carries each one's arguments."""

    arrived = Signal(list)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Listen; a socket file nobody answers on (a crashed copy's) is removed first. One
        that still accepts connections belongs to a live but busy copy: left alone (the
        engine lock then keeps this launch from sending)."""
        if self.server.listen(self.name):
            return True
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(300)
        probe.abort()
        if alive:
            return False
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data[:65536]
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            args = json.loads(line)
        except ValueError:
            args = None
        if isinstance(args, list) and all(isinstance(a, str) for a in args):
            socket.write(b"ok\n")
            socket.flush()
            self.arrived.emit(args)
        else:
            socket.disconnectFromServer()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()
