"""write_atomic: the old file survives any failure, workspace files are refused, the error names the file."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from desktop.errors import InputError
from desktop.fileio import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_atomic(target, lambda h: h.write("one"), workspace_dir=None)
    write_atomic(target, lambda h: h.write("two"), workspace_dir=None)
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary left behind


def test_failure_keeps_the_old_file_and_names_it(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old contents")

    def full_disk(handle) -> None:
        handle.write("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(InputError) as info:
        write_atomic(target, full_disk, workspace_dir=None)
    assert str(target) in str(info.value) and "No space left" in str(info.value)
    assert target.read_text() == "old contents"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_bug_in_the_writer_also_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(ZeroDivisionError):
        write_atomic(target, lambda h: 1 / 0, workspace_dir=None)
    assert target.read_text() == "old" and len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("name", ["postino.db", "postino.db-wal", "postino.db-shm", "engine.lock",
                                  "outbox/x.eml", "POSTINO.DB"])
def test_workspace_files_are_refused(tmp_path: Path, name: str) -> None:
    ws = tmp_path / "ws"
    (ws / "outbox").mkdir(parents=True)
    (ws / "postino.db").write_bytes(b"precious")
    with pytest.raises(InputError, match="workspace"):
        write_atomic(ws / name, lambda h: h.write("x"), workspace_dir=ws)
    assert (ws / "postino.db").read_bytes() == b"precious"


def test_through_a_relative_or_dotted_path_too(tmp_path: Path, monkeypatch) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError):
        write_atomic(Path("ws/../ws/postino.db"), lambda h: h.write("x"), workspace_dir=ws)


def test_other_files_in_the_workspace_folder_are_allowed(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    write_atomic(ws / "contacts.csv", lambda h: h.write("x"), workspace_dir=ws)
    assert (ws / "contacts.csv").read_text() == "x"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        write_atomic(tmp_path, lambda h: h.write("x"), workspace_dir=None)


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    write_atomic(target, lambda h: h.write("x"), workspace_dir=None)
    assert target.stat().st_mode & 0o044  # readable by others, as any new file, not mkstemp's 0600
