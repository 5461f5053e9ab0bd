"""One engine per workspace: an OS file lock, released by the OS if the process dies.

Two running copies (the app and a forgotten ``service`` in a terminal) must never both send;
the second one learns who holds the lock and stays out.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from desktop.errors import PostinoError
from desktop.fileio import os_reason
from desktop.messages import Msg, define
from desktop.store.health import WorkspaceReadOnly

define({
    "engine.busy": (
        "Il motore di Postino gira già per questa cartella di lavoro ({holder}); una sola copia può "
        "controllare le regole e inviare. Ferma prima quella (l'app: Esci nel menu dell'icona; il servizio: "
        "Ctrl+C o SIGTERM).",
        "Postino's engine is already running for this workspace ({holder}); only one copy may check rules "
        "and send. Stop that one first (the app: Quit in its tray menu; the service: Ctrl+C or SIGTERM)."),
    "engine.holder": ("{who}, processo {pid}", "{who}, process {pid}"),
    "engine.holder_app": ("l'app Postino", "the Postino app"),
    "engine.holder_service": ("il servizio (main.py service)", "the service (main.py service)"),
    "engine.holder_other": ("un altro programma", "another program"),
    "engine.lock_symlink": ("{path} è un collegamento simbolico; Postino si rifiuta di usarlo. Cancellalo: "
                            "Postino crea da sé il file di blocco.",
                            "{path} is a symbolic link; Postino refuses to use it. Delete it; Postino creates "
                            "the lock file itself."),
    "engine.lock_unopenable": ("impossibile aprire il file di blocco del motore {path}: {reason}",
                               "cannot open the engine lock {path}: {reason}"),
})
# The folder refuses writes: the workspace is read-only for this user, said as such.
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
_HOLDER = re.compile(r"^(?P<who>.*?)\s*\(process (?P<pid>\d+)\)$")
_WHO = {"the Postino app": "engine.holder_app", "main.py service": "engine.holder_service"}


class LockUnusable(PostinoError):
    """The lock file cannot be used (a symbolic link, a folder, a system refusal)."""

    def __init__(self, msg: Msg) -> None:
        self.msg = msg
        super().__init__(str(msg))


class WorkspaceBusy(PostinoError):
    """Another copy holds the engine lock; ``msg`` says who, in words for each language."""

    def __init__(self, msg: Msg) -> None:
        self.msg = msg
        super().__init__(str(msg))


def holder_params(written: str) -> dict[str, object]:
    """What the lock file says (``the Postino app (process 4242)``, written in English for
    machines) as the parameters of ``engine.holder``: who, coded when known, and the process."""
    match = _HOLDER.match(written.strip())
    who, pid = (match["who"], match["pid"]) if match else (written.strip(), "?")
    code = _WHO.get(who)
    return {"who": Msg(code) if code else (who or Msg("engine.holder_other")), "pid": pid}


class EngineLock:
    def __init__(self, folder: Path, holder: str = "") -> None:
        """``holder`` names who takes the lock ("the Postino app", "main.py service"), so the
        copy that is refused can say who to stop."""
        self.path = folder / "engine.lock"
        self.holder = holder
        self._file = None

    def _open(self):
        """The lock file, never through a symbolic link: a link planted at ``engine.lock``
        would make us truncate and write whatever file it points to."""
        if self.path.is_symlink():  # also where O_NOFOLLOW does not exist (Windows)
            raise LockUnusable(Msg("engine.lock_symlink", {"path": str(self.path)}))
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            if exc.errno in _READ_ONLY and not self.path.is_dir():
                raise WorkspaceReadOnly(self.path.parent) from None
            raise LockUnusable(Msg("engine.lock_unopenable", {"path": str(self.path), "reason": os_reason(exc)})) \
                from None
        return os.fdopen(fd, "r+")

    def acquire(self) -> None:
        handle = self._open()
        try:
            if os.name == "nt":  # pragma: no cover - exercised on Windows only
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise WorkspaceBusy(Msg("engine.busy", {"holder": Msg("engine.holder", holder_params(holder))})) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{self.holder} (process {os.getpid()})" if self.holder else f"process {os.getpid()}")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def __enter__(self) -> "EngineLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
