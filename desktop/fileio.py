"""Writing a file the user named: never one of the workspace's own files, never half a file.

``rules export WS/postino.db`` once replaced the database with JSON. Every writer of a
user-named file goes through ``write_atomic``: it refuses a target that *is* (by path, through
a symbolic link, or as a hard link to the same inode) the database, its journal files, the
engine lock or anything under the automatic backups folder, then writes a temporary file in
the target's own folder and renames it over the target, so a crash or a full disk leaves the
old file (or none), never a truncated one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from desktop.errors import InputError
from desktop.messages import Msg, define, text
from desktop.paths import DB_NAME

define({
    "file.workspace_own": (
        "è un file dell'area di lavoro di Postino: scegli un altro nome o un'altra cartella",
        "this is one of the Postino workspace's own files: choose another name or folder"),
    "file.is_folder": ("è una cartella, non un file", "this is a folder, not a file"),
    "file.no_folder": ("la cartella non esiste", "the folder does not exist"),
    "file.cannot_write": ("impossibile scrivere il file: {reason}", "cannot write the file: {reason}"),
})

OWN_SUFFIXES = ("", "-wal", "-shm", "-journal")
OWN_FILES = tuple(DB_NAME + s for s in OWN_SUFFIXES) + ("engine.lock",)
OWN_FOLDERS = ("backups",)
_UMASK = os.umask(0o022)  # read once at import (setting it back at once): umask is per process
os.umask(_UMASK)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def workspace_owns(path: Path, workspace_dir: Path) -> bool:
    """True when ``path`` is (or would be) one of the workspace's own files."""
    folder = workspace_dir.resolve()
    target = path.resolve()  # follows symbolic links, also of a link that does not exist yet
    if target == folder:
        return True
    if target.parent == folder and target.name in OWN_FILES:
        return True
    if any(target.is_relative_to(folder / sub) for sub in OWN_FOLDERS):
        return True
    return any(_same_file(target, folder / name) for name in OWN_FILES)  # hard links


def _refuse(code: str, **params: str) -> InputError:
    msg = Msg(code, params)
    return InputError(text(msg, "en"), params.get("path") or params.get("folder"))


def check_target(path: str | os.PathLike[str], *, workspace_dir: str | os.PathLike[str]) -> Path:
    """The target as a ``Path``, or ``InputError`` if writing it would damage the workspace."""
    target = Path(path).expanduser()
    if workspace_owns(target, Path(workspace_dir)):
        raise _refuse("file.workspace_own", path=str(target))
    if target.is_dir():
        raise _refuse("file.is_folder", path=str(target))
    if not target.resolve().parent.is_dir():
        raise _refuse("file.no_folder", folder=str(target.parent))
    return target


def write_atomic(path: str | os.PathLike[str], write_fn: Callable[[BinaryIO], object], *,
                 workspace_dir: str | os.PathLike[str]) -> Path:
    """Call ``write_fn(handle)`` on a temporary file next to ``path``, then rename it over
    ``path``. ``handle`` is a binary file; wrap it in ``io.TextIOWrapper`` for text. The
    workspace's own files are refused (``InputError``) before anything is written."""
    target = check_target(path, workspace_dir=workspace_dir)
    final = target.resolve()  # writing through a link replaces the file it points to
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write_fn(handle)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(final, tmp)
        os.replace(tmp, final)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _refuse("file.cannot_write", path=str(target), reason=exc.strerror or str(exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _copy_mode(existing: Path, tmp: Path) -> None:
    """Keep an overwritten file's permissions; a new file gets the usual ones (umask)."""
    try:
        mode = existing.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    os.chmod(tmp, mode)


def write_text_atomic(path: str | os.PathLike[str], content: str, *,
                      workspace_dir: str | os.PathLike[str], encoding: str = "utf-8") -> Path:
    data = content.encode(encoding)
    return write_atomic(path, lambda handle: handle.write(data), workspace_dir=workspace_dir)
