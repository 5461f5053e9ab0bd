"""Start at login: the XDG file (checked by desktop-file-validate), the Windows Run value
through a stand-in key, the macOS LaunchAgent plist — written, read back, removed.

Formats: XDG Autostart spec (specifications.freedesktop.org/autostart-spec/latest/), Desktop
Entry spec "The Exec key" (quoting and %% rules), Apple's launchd.plist(5) (Label,
ProgramArguments, RunAtLoad), Microsoft's "Run and RunOnce Registry Keys" page.
"""

from __future__ import annotations

import plistlib
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.service import autostart


class DictKey:
    """HKCU\\...\\Run as a dictionary: the outside world we cannot reach on Linux."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def put(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def _unescape_exec(value: str) -> list[str]:
    """Undo the Desktop Entry escapes as the spec orders them: the string rule first
    (\\\\ -> \\), then the Exec quoting (inside "...", a backslash escapes " ` $ \\), then %%."""
    value = value.replace("\\\\", "\\")
    args, current, quoted, i = [], "", False, 0
    while i < len(value):
        ch = value[i]
        if quoted and ch == "\\" and value[i + 1] in '"`$\\':
            current, i = current + value[i + 1], i + 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            args.append(current)
            current = ""
        else:
            current += ch
        i += 1
    return [a.replace("%%", "%") for a in args + [current]]


def test_linux_file_is_valid_starts_hidden_and_is_removed(tmp_path: Path) -> None:
    data = tmp_path / "My shop's $data 100%"
    writer = autostart.set(True, data, platform="linux", root=tmp_path / "config")
    path = tmp_path / "config" / "autostart" / "postino.desktop"
    assert writer.enabled() and path.is_file()
    text = path.read_text()
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    argv = _unescape_exec(exec_line[len("Exec="):])
    assert argv[-3:] == ["--data-dir", str(data.resolve()), "--background"]
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("desktop-file-validate is not installed (scripts/dev.sh installs desktop-file-utils)")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    autostart.set(False, data, platform="linux", root=tmp_path / "config")
    assert not path.exists() and not writer.enabled()
    autostart.set(False, data, platform="linux", root=tmp_path / "config")  # twice is fine


def test_windows_run_value_written_and_removed(tmp_path: Path) -> None:
    key = DictKey()
    data = tmp_path / "Negozio di Anna"
    writer = autostart.set(True, data, platform="win32", key=key)
    assert writer.enabled()
    value = key.values["Postino"]
    assert value.endswith(f'--data-dir "{data.resolve()}" --background')
    autostart.set(False, data, platform="win32", key=key)
    assert key.values == {} and not writer.enabled()


def test_macos_launch_agent_written_and_removed(tmp_path: Path) -> None:
    data = tmp_path / "ws"
    writer = autostart.set(True, data, platform="darwin", root=tmp_path)
    path = tmp_path / "Library" / "LaunchAgents" / "app.postino.plist"
    plist = plistlib.loads(path.read_bytes())
    assert plist["Label"] == "app.postino" and plist["RunAtLoad"] is True
    assert plist["ProgramArguments"][-3:] == ["--data-dir", str(data.resolve()), "--background"]
    assert writer.enabled()
    autostart.set(False, data, platform="darwin", root=tmp_path)
    assert not path.exists()
