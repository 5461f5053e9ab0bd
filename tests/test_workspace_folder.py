"""``--data-dir`` naming a file, or a folder that cannot be made, is bad input (exit 2, the
place named, in the user's language), not ``FileExistsError`` with exit 1."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import InputError
from desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


def test_a_file_where_the_folder_should_be_is_refused(tmp_path) -> None:
    not_a_folder = tmp_path / "clienti.csv"
    not_a_folder.write_text("email\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        Workspace.open(not_a_folder)
    assert raised.value.msg.code == "workspace.not_folder" and raised.value.where == str(not_a_folder)
    assert not_a_folder.read_text(encoding="utf-8") == "email\n"
    done = subprocess.run([sys.executable, "main.py", "--language", "it", "--data-dir", str(not_a_folder),
                           "rules", "list"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == (f"errore: {not_a_folder}: non è una cartella: --data-dir indica la cartella "
                                   "dell'area di lavoro")


def test_a_folder_that_cannot_be_made_is_said_so(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        Workspace.open(blocker / "ws")
    assert raised.value.msg.code == "workspace.cannot_create"
