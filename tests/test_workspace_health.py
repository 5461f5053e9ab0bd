"""Opening a workspace: a damaged database is reported before anything runs, a read-only one
still lists, exports and simulates, and the engine lock never follows a symbolic link."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.demo import build_demo
from desktop.demo_rules import add_demo_rules
from desktop.errors import PostinoError
from desktop.service.lock import EngineLock
from desktop.store.backup import ensure_daily_backup
from desktop.store.health import WorkspaceDamaged
from desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


def _demo(folder: Path, now) -> Path:
    with Workspace.open(folder) as ws:
        build_demo(ws, now, contacts=40)
        add_demo_rules(ws, now)
    return folder


def _corrupt_table(db: Path, table: str) -> None:
    """Overwrite the first page of ``table``'s b-tree with bytes no page can hold."""
    conn = sqlite3.connect(db)
    root, size = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0], \
        conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\xa5" * size)


def _cli(folder: Path, *args: str, read_only_user: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "main.py", "--data-dir", str(folder), *args]
    if read_only_user and os.geteuid() == 0:
        # root ignores file permissions; without these two capabilities it obeys them like anyone.
        command = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", *command]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)


def test_a_damaged_database_is_reported_with_its_path_and_the_backup(tmp_path, now) -> None:
    folder = _demo(tmp_path / "ws", now)
    with Workspace.open(folder) as ws:
        backup = ensure_daily_backup(ws, now)
    _corrupt_table(folder / "postino.db", "contacts")
    with pytest.raises(WorkspaceDamaged) as info:
        Workspace.open(folder)
    assert info.value.path == folder / "postino.db" and info.value.backup == backup
    assert info.value.msg.code == "workspace.damaged"

    result = _cli(folder, "run-once")
    assert result.returncode == 1
    assert str(folder / "postino.db") in result.stderr and f"postino restore {backup}" in result.stderr
    assert "Nothing was sent" in result.stderr and "Error:" not in result.stderr

    restored = _cli(folder, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    with Workspace.open(folder) as ws:
        assert ws.contacts.count() == 40


def test_a_file_that_is_not_a_database_is_damaged_not_a_traceback(tmp_path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "postino.db").write_text('{"format": "postino.rules"}', encoding="utf-8")
    result = _cli(folder, "rules", "list")
    assert result.returncode == 1 and "is damaged" in result.stderr
    assert "There is no automatic backup" in result.stderr
    assert (folder / "postino.db").read_text(encoding="utf-8") == '{"format": "postino.rules"}'


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None, reason="needs setpriv as root")
def test_a_read_only_workspace_lists_exports_and_simulates(tmp_path, now) -> None:
    folder = _demo(tmp_path / "ws", now)
    out = tmp_path / "out"
    out.mkdir()
    db = folder / "postino.db"
    before = _digest(db)
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    try:
        for args in (["rules", "list"], ["rules", "export", str(out / "rules.json")],
                     ["contacts", "export", str(out / "contacts.csv")], ["settings", "list"],
                     ["simulate", "--days", "2", "--format", "json"], ["stats", "--format", "json"]):
            result = _cli(folder, *args, read_only_user=True)
            assert result.returncode == 0, (args, result.stderr)
        assert (out / "rules.json").stat().st_size > 0 and (out / "contacts.csv").stat().st_size > 0
        refused = _cli(folder, "settings", "set", "business.name", "Negozio", read_only_user=True)
        assert refused.returncode == 1 and "read-only" in refused.stderr, refused.stderr
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert _digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["postino.db"]


def test_read_only_opening_writes_nothing(tmp_path, now) -> None:
    folder = _demo(tmp_path / "ws", now)
    before = _digest(folder / "postino.db")
    with Workspace.open(folder, read_only=True) as ws:
        assert ws.read_only and len(ws.rules.all()) > 0
        with pytest.raises(sqlite3.OperationalError):
            ws.settings.set("business.name", "x", now)
    assert _digest(folder / "postino.db") == before


def test_the_engine_lock_never_follows_a_symbolic_link(tmp_path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "ws"
    folder.mkdir()
    os.symlink(victim, folder / "engine.lock")
    with pytest.raises(PostinoError) as info:
        EngineLock(folder).acquire()
    assert "symbolic link" in str(info.value)
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_the_lock_still_works_on_a_plain_file(tmp_path) -> None:
    with EngineLock(tmp_path):
        assert (tmp_path / "engine.lock").read_text().startswith("process ")
