"""Automatic daily backups, ``backup [FILE]`` and ``restore FILE``."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.errors import InputError
from desktop.service.lock import EngineLock
from desktop.store.backup import backup_now, ensure_daily_backup, list_backups
from desktop.store.restore import RestoreBusy, restore
from desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


def _contacts(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
    finally:
        conn.close()


def _add(ws: Workspace, now, n: int) -> None:
    for i in range(n):
        ws.contacts.create({"email": f"p{ws.contacts.count()}x{i}@example.com"}, now)


def test_one_backup_a_day_and_only_the_newest_kept(workspace, now) -> None:
    workspace.settings.set("backup.keep", 3, now)
    _add(workspace, now, 2)
    first = ensure_daily_backup(workspace, now)
    assert first is not None and first.name == f"daily-{now.date().isoformat()}.db"
    assert ensure_daily_backup(workspace, now + timedelta(hours=5)) is None  # same day: no second copy
    for day in range(1, 6):
        _add(workspace, now, 1)
        assert ensure_daily_backup(workspace, now + timedelta(days=day)) is not None
    daily = sorted(p.name for p in (workspace.data_dir / "backups").glob("daily-*.db"))
    assert daily == [f"daily-{(now + timedelta(days=d)).date().isoformat()}.db" for d in (3, 4, 5)]
    newest = workspace.data_dir / "backups" / daily[-1]
    assert _contacts(newest) == 7
    assert (newest.stat().st_mode & 0o777) == 0o600
    assert not Path(f"{newest}-wal").exists()  # a self-contained file
    conn = sqlite3.connect(newest)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_read_only_workspace_makes_no_backup(tmp_path, now) -> None:
    Workspace.open(tmp_path / "ws").close()
    with Workspace.open(tmp_path / "ws", read_only=True) as ws:
        assert ensure_daily_backup(ws, now) is None
    assert not (tmp_path / "ws" / "backups").exists()


def test_backup_to_a_file_is_atomic_and_refuses_the_workspace(workspace, now, tmp_path) -> None:
    _add(workspace, now, 3)
    target = backup_now(workspace, now, tmp_path / "copy.db")
    assert _contacts(target) == 3
    for own in ("postino.db", "postino.db-shm", "engine.lock"):
        with pytest.raises(InputError):
            backup_now(workspace, now, workspace.data_dir / own)
    assert workspace.contacts.count() == 3


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_restore_round_trip_keeps_the_current_copy(tmp_path, now) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        _add(ws, now, 2)
        saved = backup_now(ws, now, tmp_path / "two.db")
        _add(ws, now, 3)
    reader = Workspace.open(folder)  # another connection, open during the restore
    try:
        assert reader.contacts.count() == 5
        result = _cli(folder, "restore", str(saved))
        assert result.returncode == 0, result.stderr
        assert reader.contacts.count() == 2  # sees the restored workspace, not a stale WAL
        assert reader.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        reader.close()
    previous = [p for p in list_backups(folder) if p.name.startswith("before-restore-")]
    assert len(previous) == 1 and _contacts(previous[0]) == 5


@pytest.mark.parametrize("content, words", [
    (b"", "not an SQLite database"),
    (b'{"format": "postino.rules"}', "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "damaged"),
])
def test_restore_refuses_what_is_not_a_workspace(workspace, now, tmp_path, content, words) -> None:
    _add(workspace, now, 1)
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    with pytest.raises(InputError) as info:
        restore(workspace.data_dir, bad, now)
    assert words in str(info.value) and info.value.where == str(bad)
    assert workspace.contacts.count() == 1
    assert list_backups(workspace.data_dir) == []


def test_restore_refuses_an_sqlite_file_of_another_program(workspace, now, tmp_path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes(x)")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with pytest.raises(InputError) as info:
        restore(workspace.data_dir, other, now)
    assert "not a Postino workspace" in str(info.value)
    newer = tmp_path / "newer.db"
    backup_now(workspace, now, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(InputError) as info:
        restore(workspace.data_dir, newer, now)
    assert "schema version 999" in str(info.value)


def test_restore_refuses_while_the_engine_runs(workspace, now, tmp_path) -> None:
    _add(workspace, now, 1)
    saved = backup_now(workspace, now, tmp_path / "one.db")
    _add(workspace, now, 1)
    held, release = threading.Event(), threading.Event()

    def engine() -> None:  # the lock is per open file: hold it from another thread's handle
        with EngineLock(workspace.data_dir):
            held.set()
            release.wait(30)

    thread = threading.Thread(target=engine)
    thread.start()
    held.wait(30)
    try:
        with pytest.raises(RestoreBusy):
            restore(workspace.data_dir, saved, now)
    finally:
        release.set()
        thread.join()
    assert workspace.contacts.count() == 2
    restore(workspace.data_dir, saved, now)
    assert workspace.contacts.count() == 1


def test_restore_repairs_a_workspace_sqlite_cannot_write(tmp_path, now) -> None:
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        _add(ws, now, 4)
        saved = ensure_daily_backup(ws, now)
    (folder / "postino.db").write_bytes(b"garbage" * 1000)
    result = restore(folder, saved, now)
    assert result.previous_copy is not None and result.previous_copy.read_bytes() == b"garbage" * 1000
    with Workspace.open(folder) as ws:
        assert ws.contacts.count() == 4


def test_cli_backup_writes_into_the_backups_folder(tmp_path) -> None:
    folder = tmp_path / "ws"
    result = _cli(folder, "backup")
    assert result.returncode == 0, result.stderr
    made = sorted(p.name.split("-")[0] for p in list_backups(folder))
    assert made == ["daily", "manual"]
    assert _cli(folder, "backup").returncode == 0  # the daily copy is not made twice
    assert sorted(p.name.split("-")[0] for p in list_backups(folder)) == ["daily", "manual", "manual"]
    assert _cli(folder, "backup", str(folder / "postino.db")).returncode == 2


def test_a_backup_file_is_private(workspace, now, tmp_path) -> None:
    target = backup_now(workspace, now, tmp_path / "private.db")
    assert target.stat().st_mode & 0o777 == 0o600
