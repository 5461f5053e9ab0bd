"""Shared fixtures: a fresh workspace per test, a fixed clock, offscreen Qt."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.workspace import Workspace  # noqa: E402

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def encrypted(tmp_path: Path):
    """A real encrypted file keyring (keyrings.alt, tests only) in a temporary folder, set as
    the process's keyring for the test."""
    import keyring
    from keyrings.alt.file import EncryptedKeyring

    backend = EncryptedKeyring()
    backend.file_path = str(tmp_path / "keyring" / "crypted_pass.cfg")
    backend.keyring_key = "master-passphrase-for-tests"
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def workspace(tmp_path: Path):
    ws = Workspace.open(tmp_path / "ws")
    yield ws
    ws.close()
