"""Writing a file the user named, so that a failure never leaves it half-written.

Everything goes to a temporary file in the same folder, is flushed to disk, and is then
renamed over the target: the rename is atomic on every platform we support, so either the
old file or the complete new one is there. A target that is one of the workspace's own
files (the database, its journal files, the engine lock, the outbox) is refused before
anything is opened: exporting onto ``postino.db`` would destroy every contact.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, TextIO

from desktop.errors import InputError
from desktop.messages import Msg, define, text

# What Postino keeps in a workspace folder; a file the user names may not be any of these.
OWNED_NAMES = ("postino.db", "postino.db-wal", "postino.db-shm", "postino.db-journal", "engine.lock")
OWNED_FOLDERS = ("outbox",)

define({
    "fileio.workspace_file": ("è un file dell'area di lavoro di Postino ({name}): scegli un altro nome "
                              "o un'altra cartella",
                              "is one of Postino's own workspace files ({name}): choose another name or folder"),
    "fileio.is_folder": ("è una cartella, non un file", "is a folder, not a file"),
    "fileio.cannot_write": ("impossibile scrivere il file ({reason}); il file precedente è rimasto com'era",
                            "cannot write the file ({reason}); the previous file was left as it was"),
})


def _refuse(msg: Msg, target: Path) -> InputError:
    return InputError(text(msg, "en"), str(target))


def check_target(path: str | os.PathLike[str], workspace_dir: str | os.PathLike[str] | None) -> Path:
    """The resolved target, or ``InputError`` if it is a folder or a workspace file."""
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise _refuse(Msg("fileio.is_folder"), target)
    if workspace_dir is not None:
        home = Path(workspace_dir).expanduser().resolve()
        if target.parent == home and target.name.lower() in OWNED_NAMES:
            raise _refuse(Msg("fileio.workspace_file", {"name": target.name}), target)
        for folder in OWNED_FOLDERS:
            if target.is_relative_to(home / folder):
                raise _refuse(Msg("fileio.workspace_file", {"name": folder}), target)
    return target


def write_atomic(path: str | os.PathLike[str], write_fn: Callable[[TextIO], None], *,
                 workspace_dir: str | os.PathLike[str] | None, encoding: str = "utf-8",
                 newline: str = "") -> Path:
    """Call ``write_fn(handle)`` on a temporary file next to ``path``, then rename it over ``path``.

    On any failure (a full disk, a permission, an exception in ``write_fn``) the temporary
    file is removed and the old ``path`` is untouched; ``OSError`` becomes ``InputError``
    naming the file. Returns the resolved target.
    """
    target = check_target(path, workspace_dir)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _refuse(Msg("fileio.cannot_write", {"reason": exc.strerror or str(exc)}), target) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            write_fn(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(temp, target)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _refuse(Msg("fileio.cannot_write", {"reason": exc.strerror or str(exc)}), target) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _copy_mode(temp: Path, target: Path) -> None:
    """The old file's permissions, or the usual ones for a new file (mkstemp makes it 0600)."""
    try:
        if target.exists():
            mode = target.stat().st_mode & 0o777
        else:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(temp, mode)
    except OSError:
        pass
