"""Writing a file the user named: never one of the workspace's own files, never half a file.

``rules export WS/postino.db`` once replaced the database with JSON. Every writer of a
user-named file goes through ``write_atomic`` (or, for a binary copy, ``check_target`` and
its own temporary file): it refuses a target that *is* — by path, through a symbolic link, or
as a hard link to the same inode — the database, its journal files, the engine lock, or
anything under the outbox or the automatic backups folder; then it writes a temporary file
in the target's own folder, flushes it to disk and renames it over the target, so a crash or
a full disk leaves the old file (or none), never a truncated one.

Same interface as the imports branch's module of this name (the merge keeps one): this one
adds the link checks and the backups folder.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable, TextIO

from desktop.errors import InputError
from desktop.messages import Msg, define

# What Postino keeps in a workspace folder; a file the user names may not be any of these.
OWNED_NAMES = ("postino.db", "postino.db-wal", "postino.db-shm", "postino.db-journal", "engine.lock")
OWNED_FOLDERS = ("outbox", "backups")

define({
    "fileio.workspace_file": ("è un file dell'area di lavoro di Postino ({name}): scegli un altro nome "
                              "o un'altra cartella",
                              "is one of Postino's own workspace files ({name}): choose another name or folder"),
    "fileio.is_folder": ("è una cartella, non un file", "is a folder, not a file"),
    "fileio.cannot_write": ("impossibile scrivere il file ({reason}); il file precedente è rimasto com'era",
                            "cannot write the file ({reason}); the previous file was left as it was"),
    # What the system said, in words of each language (English: the POSIX strerror, as before).
    "os.no_such": ("file o cartella inesistente", "No such file or directory"),
    "os.denied": ("permesso negato", "Permission denied"),
    "os.read_only": ("file system di sola lettura", "Read-only file system"),
    "os.is_folder": ("è una cartella", "Is a directory"),
    "os.not_folder": ("una parte del percorso non è una cartella", "Not a directory"),
    "os.disk_full": ("spazio esaurito sul disco", "No space left on device"),
    "os.too_big": ("file troppo grande", "File too large"),
    "os.name_too_long": ("nome del file troppo lungo", "File name too long"),
    "os.other": ("{text}", "{text}"),
})
_OS_CODES = {errno.ENOENT: "os.no_such", errno.EACCES: "os.denied", errno.EPERM: "os.denied",
             errno.EROFS: "os.read_only", errno.EISDIR: "os.is_folder", errno.ENOTDIR: "os.not_folder",
             errno.ENOSPC: "os.disk_full", errno.EFBIG: "os.too_big", errno.ENAMETOOLONG: "os.name_too_long"}


def os_reason(exc: OSError) -> Msg:
    """Why the system refused, coded for the usual causes (a folder gone, no permission, a
    read-only or full disk); anything else keeps the system's own words."""
    code = _OS_CODES.get(exc.errno or 0)
    return Msg(code) if code else Msg("os.other", {"text": exc.strerror or str(exc)})


def _refuse(msg: Msg, target: Path) -> InputError:
    """The coded refusal naming the file: the CLI and the UI say it in the reader's language."""
    return InputError(msg, str(target))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def workspace_owns(path: str | os.PathLike[str], workspace_dir: str | os.PathLike[str]) -> str | None:
    """The name of the workspace's own file or folder ``path`` is (or would write), else None."""
    home = Path(workspace_dir).expanduser().resolve()
    target = Path(path).expanduser().resolve()  # follows links, also one whose target is missing
    if target == home:
        return home.name
    if target.parent == home and target.name.lower() in OWNED_NAMES:
        return target.name
    for folder in OWNED_FOLDERS:
        if target.is_relative_to(home / folder):
            return folder
    for name in OWNED_NAMES:  # a hard link elsewhere to the database or the lock
        if _same_file(target, home / name):
            return name
    return None


def check_target(path: str | os.PathLike[str], workspace_dir: str | os.PathLike[str] | None) -> Path:
    """The resolved target, or ``InputError`` if it is a folder or a workspace file."""
    target = Path(path).expanduser().resolve()
    if workspace_dir is not None:
        owned = workspace_owns(target, workspace_dir)
        if owned:
            raise _refuse(Msg("fileio.workspace_file", {"name": owned}), Path(path))
    if target.is_dir():
        raise _refuse(Msg("fileio.is_folder"), target)
    return target


def write_atomic(path: str | os.PathLike[str], write_fn: Callable[[TextIO], object], *,
                 workspace_dir: str | os.PathLike[str] | None, encoding: str = "utf-8",
                 newline: str = "") -> Path:
    """Call ``write_fn(handle)`` on a temporary text file next to ``path``, then rename it over
    ``path``. On any failure the temporary file is removed and the old ``path`` is untouched;
    ``OSError`` becomes ``InputError`` naming the file. Returns the resolved target."""
    target = check_target(path, workspace_dir)
    temp = _temp_next_to(target)
    try:
        with open(temp, "w", encoding=encoding, newline=newline) as handle:
            write_fn(handle)
            handle.flush()
            os.fsync(handle.fileno())
        finish_atomic(temp, target)
    except OSError as exc:  # a full disk, a folder gone: the old file stays, the error names it
        temp.unlink(missing_ok=True)
        raise _refuse(Msg("fileio.cannot_write", {"reason": os_reason(exc)}), target) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def _temp_next_to(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _refuse(Msg("fileio.cannot_write", {"reason": os_reason(exc)}), target) from None
    os.close(fd)
    return Path(name)


def finish_atomic(temp: Path, target: Path, mode: int | None = None) -> None:
    """Give ``temp`` ``mode`` (default: the target's permissions, or the usual ones for a new
    file) and rename it over ``target``."""
    try:
        if mode is None:
            _copy_mode(temp, target)
        else:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _refuse(Msg("fileio.cannot_write", {"reason": os_reason(exc)}), target) from None


def temp_file_for(path: str | os.PathLike[str], workspace_dir: str | os.PathLike[str] | None) -> tuple[Path, Path]:
    """(checked target, empty temporary file next to it) for writers that cannot use a text
    handle (an SQLite copy); finish with ``finish_atomic(temp, target)``."""
    target = check_target(path, workspace_dir)
    return target, _temp_next_to(target)


_UMASK = os.umask(0o022)  # read once at import and put back at once: umask is per process
os.umask(_UMASK)


def _copy_mode(temp: Path, target: Path) -> None:
    """The old file's permissions, or the usual ones for a new file (mkstemp makes it 0600)."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    os.chmod(temp, mode)


def write_text_atomic(path: str | os.PathLike[str], content: str, *,
                      workspace_dir: str | os.PathLike[str] | None, encoding: str = "utf-8") -> Path:
    return write_atomic(path, lambda handle: handle.write(content), workspace_dir=workspace_dir,
                        encoding=encoding)
