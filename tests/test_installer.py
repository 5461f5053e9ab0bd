"""Packaging without building: the resources helper, the version, --self-test from source,
discovery that fails loudly when frozen wrong, the icons, the .desktop file and install.sh."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import desktop
from desktop import resources_path
from desktop.resources_path import resource, resources_dir

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_resources_are_found_next_to_the_package_in_a_checkout() -> None:
    assert resources_dir() == ROOT / "resources"
    assert resource("icons", "postino.svg").is_file()
    from ui.resources import I18N_DIR, ICONS_DIR

    assert ICONS_DIR == resources_dir() / "icons" and I18N_DIR == resources_dir() / "i18n"


def test_resources_are_found_in_the_bundle_data_folder_when_frozen(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"
    assert resource("i18n", "postino_it.qm") == tmp_path / "resources" / "i18n" / "postino_it.qm"


def test_the_version_is_the_one_in_pyproject() -> None:
    assert desktop.__version__ == PYPROJECT_VERSION
    result = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == f"Postino {PYPROJECT_VERSION}"


def test_a_frozen_bundle_reads_the_version_from_its_copy_of_pyproject(monkeypatch, tmp_path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "postino"\nversion = "9.8.7"\n')
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert desktop._read_version() == "9.8.7"


def test_without_pyproject_the_version_comes_from_package_metadata(monkeypatch, tmp_path) -> None:
    from importlib import metadata

    monkeypatch.setattr(resources_path, "bundle_root", lambda: tmp_path)
    monkeypatch.setattr(metadata, "version", lambda name: "4.5.6" if name == "postino" else "?")
    assert desktop._read_version() == "4.5.6"


def test_self_test_from_source_passes_every_step() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "POSTINO_DATA_DIR")}
    result = subprocess.run([sys.executable, "main.py", "--self-test"], cwd=ROOT, capture_output=True,
                            text=True, timeout=180, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Postino {PYPROJECT_VERSION} self-test (source)")
    steps = [line.split(":")[0].split(None, 1)[1] for line in lines[1:-1]]
    assert steps == ["demo", "simulate", "run-once", "data files", "keyring", "window"]
    assert all(line.startswith("ok ") for line in lines[1:-1]) and lines[-1] == "self-test passed"


def test_self_test_reports_a_failing_step_and_exits_1(monkeypatch, capsys) -> None:
    from ui import self_test

    def broken(_: Path) -> str:
        raise FileNotFoundError("resources/icons/postino.svg")

    monkeypatch.setattr(self_test, "STEPS", (("data files", broken),))
    assert self_test.run() == 1
    out = capsys.readouterr().out
    assert "FAIL data files: FileNotFoundError" in out and "self-test failed: 1 step(s)" in out


def test_the_engine_cli_alone_refuses_self_test(capsys) -> None:
    from desktop.cli import main

    assert main(["--self-test"]) == 2
    assert "--self-test needs the desktop app" in capsys.readouterr().err


def test_commands_not_collected_by_a_frozen_build_fail_with_a_clear_error(monkeypatch) -> None:
    """A bundle missing desktop.cli's modules said "invalid choice: 'demo'"; now it says why."""
    import pkgutil

    from desktop.cli import build_parser

    monkeypatch.setattr(pkgutil, "iter_modules", lambda path=None, prefix="": iter(()))
    with pytest.raises(RuntimeError, match="no command modules found in desktop.cli"):
        build_parser()


def test_migrations_not_collected_by_a_frozen_build_fail_with_a_clear_error(monkeypatch) -> None:
    import pkgutil

    from desktop.store import migrations

    monkeypatch.setattr(pkgutil, "iter_modules", lambda path=None, prefix="": iter(()))
    with pytest.raises(RuntimeError, match="no migrations found"):
        migrations._discover()


@pytest.fixture(scope="module")
def icons(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    subprocess.run([sys.executable, str(ROOT / "installer" / "make_icons.py"), str(out)], check=True, timeout=120)
    return out


def test_icons_in_every_hicolor_size(icons: Path) -> None:
    from PySide6.QtGui import QImage

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(icons / "hicolor" / f"{size}x{size}" / "apps" / "postino.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (icons / "hicolor" / "scalable" / "apps" / "postino.svg").is_file()


def test_windows_icon_holds_png_entries_up_to_256(icons: Path) -> None:
    data = (icons / "postino.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 7)
    sides = []
    for i in range(count):
        w, h, _, _, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + size <= len(data)
        sides.append(w or 256)
    assert sides == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icon_is_a_well_formed_icns(icons: Path) -> None:
    data = (icons / "postino.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, at = [], 8
    while at < len(data):
        kind, length = data[at:at + 4], struct.unpack_from(">I", data, at + 4)[0]
        assert data[at + 8:at + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        at += length
    assert at == len(data) and {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(kinds)


def test_desktop_file_passes_desktop_file_validate(tmp_path) -> None:
    tool = shutil.which("desktop-file-validate")
    assert tool, "desktop-file-validate missing (Debian package desktop-file-utils, in scripts/dev.sh)"
    entry = tmp_path / "postino.desktop"
    entry.write_text((ROOT / "installer/linux/postino.desktop").read_text().replace("@EXEC@", "/opt/postino/postino"))
    result = subprocess.run([tool, str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def _archive(tmp_path: Path, icons: Path) -> Path:
    """The layout build-linux.sh packs, with a stand-in program instead of the real bundle."""
    unpacked = tmp_path / "postino-x-linux"
    (unpacked / "postino" / "_internal").mkdir(parents=True)
    program = unpacked / "postino" / "postino"
    program.write_text("#!/bin/sh\necho stand-in \"$@\"\n")
    program.chmod(0o755)
    (unpacked / "share" / "applications").mkdir(parents=True)
    shutil.copy(ROOT / "installer/linux/postino.desktop", unpacked / "share/applications/postino.desktop")
    shutil.copytree(icons / "hicolor", unpacked / "share" / "icons" / "hicolor")
    shutil.copy(ROOT / "installer/linux/install.sh", unpacked / "install.sh")
    return unpacked


def _sh(script: Path, home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    return subprocess.run(["sh", str(script), *args], env=env, input=stdin, capture_output=True, text=True, timeout=60)


def test_install_script_installs_into_home_and_uninstall_keeps_the_workspace(tmp_path, icons) -> None:
    unpacked, home = _archive(tmp_path, icons), tmp_path / "home"
    home.mkdir()
    result = _sh(unpacked / "install.sh", home)
    assert result.returncode == 0, result.stderr
    app = home / ".local/opt/postino/postino"
    entry = home / ".local/share/applications/postino.desktop"
    assert subprocess.run([str(home / ".local/bin/postino"), "--version"], capture_output=True, text=True).stdout == "stand-in --version\n"
    assert f"Exec={app}\n" in entry.read_text() and "@EXEC@" not in entry.read_text()
    assert (home / ".local/share/icons/hicolor/48x48/apps/postino.png").is_file()
    assert _sh(unpacked / "install.sh", home).returncode == 0  # an update over the old copy
    workspace = home / ".local/share/Postino"
    workspace.mkdir()
    (workspace / "postino.db").write_text("the shop's data")

    result = _sh(unpacked / "install.sh", home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not app.exists() and not entry.exists() and not (home / ".local/bin/postino").exists()
    assert not (home / ".local/share/icons/hicolor/48x48/apps/postino.png").exists()
    assert (workspace / "postino.db").read_text() == "the shop's data"
    assert str(workspace) in result.stdout


def test_uninstall_purge_deletes_the_workspace_only_after_yes(tmp_path, icons) -> None:
    unpacked, home = _archive(tmp_path, icons), tmp_path / "home"
    home.mkdir()
    workspace = home / ".local/share/Postino"
    workspace.mkdir(parents=True)
    assert _sh(unpacked / "install.sh", home).returncode == 0
    assert _sh(unpacked / "install.sh", home, "--uninstall", "--purge", stdin="no\n").returncode == 0
    assert workspace.is_dir()
    assert _sh(unpacked / "install.sh", home, "--uninstall", "--purge", stdin="yes\n").returncode == 0
    assert not workspace.exists()
