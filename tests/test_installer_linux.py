"""Build the real Linux bundle with installer/build-linux.sh and use it as a user would.

Slow (about 3 minutes on 2 cores): one build per session, then the bundle's own self-test
headless, a real window under Xvfb, the CLI commands and migrations found inside the frozen
build, the archive installed into a throwaway home, and the AppDir. Size and build time are
printed (``RESULT ...``) for the CI log; sizes are checked against the targets, times are not.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
BUNDLE = ROOT / "dist" / "postino"
EXE = BUNDLE / "postino"


def _headless_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "POSTINO_DATA_DIR", "PYTHONPATH")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def build() -> dict[str, str]:
    # Its own process group, so a build that overruns is stopped whole (xz and PyInstaller too).
    process = subprocess.Popen(["bash", "installer/build-linux.sh"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True,
                               env={**os.environ, "PYTHON": sys.executable})
    try:
        stdout, stderr = process.communicate(timeout=1500)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    line = [ln for ln in result.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    print(f"\n{line}", file=sys.__stdout__, flush=True)
    return dict(pair.split("=", 1) for pair in line.split()[1:])


def test_build_reports_size_and_time_within_the_targets(build) -> None:
    assert set(build) >= {"build_s", "unpacked_mb", "tar_xz_mb", "glibc_floor"}
    assert int(build["unpacked_mb"]) < 250 and int(build["tar_xz_mb"]) < 110
    assert re.fullmatch(r"2\.\d+", build["glibc_floor"])
    assert build["version"] == VERSION


def test_bundle_self_test_passes_headless(build) -> None:
    result = subprocess.run([str(EXE), "--self-test"], capture_output=True, text=True, timeout=300, env=_headless_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Postino {VERSION} self-test (frozen)" in result.stdout
    from desktop.store.migrations import MIGRATIONS

    # The frozen build found every migration, not just some of them.
    assert f"({len(MIGRATIONS)} migrations)" in result.stdout


def test_bundle_lists_every_command_the_source_has(build) -> None:
    from desktop.cli import build_parser

    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    result = subprocess.run([str(EXE), "--help"], capture_output=True, text=True, timeout=120, env=_headless_env())
    assert result.returncode == 0
    assert [c for c in commands if c not in result.stdout] == []
    version = subprocess.run([str(EXE), "--version"], capture_output=True, text=True, timeout=120, env=_headless_env())
    assert version.stdout.strip() == f"Postino {VERSION}"


def test_bundle_demo_runs_from_the_frozen_cli(build, tmp_path) -> None:
    """A plain PyInstaller build failed here with "invalid choice: 'demo'"."""
    result = subprocess.run([str(EXE), "--data-dir", str(tmp_path / "ws"), "demo", "--contacts", "20"],
                            capture_output=True, text=True, timeout=300, env=_headless_env())
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ws" / "postino.db").is_file()


def test_bundle_carries_what_it_needs_and_leaves_out_what_it_must_not(build) -> None:
    files = [p.relative_to(BUNDLE).as_posix() for p in BUNDLE.rglob("*")]
    for wanted in ("_internal/resources/icons/postino.svg", "_internal/resources/i18n/postino_it.qm",
                   "_internal/pyproject.toml", "_internal/certifi/cacert.pem",
                   "_internal/tzdata/zoneinfo/Europe/Rome", "_internal/PySide6/Qt/translations/qtbase_it.qm"):
        assert wanted in files
    unwanted = re.compile(r"libgtk|libgdk-3|libqgtk3|Qt6Qml|Qt6Quick|Qt6Pdf|VirtualKeyboard|keyrings/alt|_pytest")
    assert [f for f in files if unwanted.search(f)] == []


def test_a_real_window_opens_under_xvfb(build) -> None:
    xvfb = shutil.which("xvfb-run")
    assert xvfb and shutil.which("xwininfo"), "needs xvfb and x11-utils (scripts/dev.sh DEBS)"
    result = subprocess.run([xvfb, "-a", sys.executable, str(ROOT / "bench/installer_startup.py"), "--runs", "1"],
                            capture_output=True, text=True, timeout=300, env=_headless_env())
    assert result.returncode == 0, result.stdout + result.stderr
    print("\n" + result.stdout.strip(), file=sys.__stdout__, flush=True)
    assert re.search(r"RESULT workspace=empty first_window_s=[\d.]+", result.stdout)
    assert re.search(r"RESULT workspace=demo first_window_s=[\d.]+", result.stdout)


def test_the_archive_installs_for_one_user_and_runs(build, tmp_path) -> None:
    archive = ROOT / "dist" / f"postino-{VERSION}-linux-{os.uname().machine}.tar.xz"
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="tar")
    unpacked = next(tmp_path.glob("postino-*-linux-*"))
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (unpacked / f"share/icons/hicolor/{size}x{size}/apps/postino.png").is_file()
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    assert subprocess.run(["sh", str(unpacked / "install.sh")], env=env, capture_output=True, timeout=300).returncode == 0
    entry = home / ".local/share/applications/postino.desktop"
    assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True).stdout == ""
    installed = home / ".local/bin/postino"
    run = subprocess.run([str(installed), "demo", "--contacts", "10"], capture_output=True, text=True, timeout=300,
                         env=_headless_env(HOME=str(home)))
    assert run.returncode == 0, run.stderr
    workspace = home / ".local/share/Postino"
    assert (workspace / "postino.db").is_file()  # the default data folder, from platformdirs
    assert subprocess.run(["sh", str(unpacked / "install.sh"), "--uninstall"], env=env,
                          capture_output=True, timeout=120).returncode == 0
    assert not installed.exists() and not entry.exists() and (workspace / "postino.db").is_file()


def test_the_appdir_is_ready_for_appimagetool(build) -> None:
    appdir = ROOT / "dist" / "Postino.AppDir"
    assert os.access(appdir / "AppRun", os.X_OK)
    assert (appdir / "postino.png").is_file() and (appdir / ".DirIcon").resolve() == (appdir / "postino.png").resolve()
    entry = appdir / "postino.desktop"
    assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True).stdout == ""
    assert "Icon=postino\n" in entry.read_text() and "Exec=postino\n" in entry.read_text()
    assert "TryExec" not in entry.read_text()
    result = subprocess.run([str(appdir / "AppRun"), "--version"], capture_output=True, text=True, timeout=120,
                            env=_headless_env())
    assert result.stdout.strip() == f"Postino {VERSION}"
