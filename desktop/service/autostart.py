"""Start Postino at login: one ``set(enabled)`` per platform, each with a test-friendly root.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/postino.desktop`` (the XDG
  Autostart specification; the file follows the Desktop Entry specification).
- Windows: the ``Postino`` value of ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``,
  through a ``RunKey`` (the real one wraps ``winreg``; tests hand a dictionary stand-in).
- macOS: ``~/Library/LaunchAgents/app.postino.plist`` with ``RunAtLoad``.

The command started is the app on this workspace with ``--background`` (hidden in the tray).
Files are written atomically; removing what is not there is not an error.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path
from typing import Protocol

from desktop.fileio import write_text_atomic

APP_NAME = "Postino"
DESKTOP_FILE = "postino.desktop"
PLIST_LABEL = "app.postino"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def command(data_dir: Path, *, python: str | None = None, main: Path | None = None) -> list[str]:
    """The arguments that start the app hidden on this workspace."""
    main = main or Path(__file__).resolve().parents[2] / "main.py"
    return [python or sys.executable, str(main), "--data-dir", str(Path(data_dir).resolve()), "--background"]


class Writer(Protocol):
    def set(self, enabled: bool) -> None: ...
    def enabled(self) -> bool: ...


# -- Linux / XDG -------------------------------------------------------------------------------
_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def _exec_quote(arg: str) -> str:
    """One argument of ``Exec``: quoted when it holds a reserved character, with ``"``, `` ` ``,
    ``$`` and ``\\`` backslash-escaped inside the quotes; then the string-value escape doubles
    every backslash, and ``%`` becomes ``%%`` (a field code otherwise)."""
    arg = arg.replace("%", "%%")
    if any(ch in _RESERVED for ch in arg):
        arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
    return arg.replace("\\", "\\\\")


class XdgAutostart:
    def __init__(self, argv: list[str], *, config_home: Path | None = None) -> None:
        home = config_home or Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        self.path = Path(home) / "autostart" / DESKTOP_FILE
        self.argv = argv

    def text(self) -> str:
        return "\n".join([
            "[Desktop Entry]", "Type=Application", f"Name={APP_NAME}",
            "Comment=Automatic e-mail and SMS sends, in the background",
            "Exec=" + " ".join(_exec_quote(a) for a in self.argv),
            "Terminal=false", "X-GNOME-Autostart-enabled=true", ""])

    def set(self, enabled: bool) -> None:
        if enabled:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, self.text(), workspace_dir=None)
        else:
            self.path.unlink(missing_ok=True)

    def enabled(self) -> bool:
        return self.path.is_file()


# -- Windows -----------------------------------------------------------------------------------
class RunKey(Protocol):
    """The values of ``HKCU\\...\\Run``: what the writer needs and a test can stand in for."""

    def get(self, name: str) -> str | None: ...
    def put(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


class WinRegRunKey:  # pragma: no cover - exercised on Windows only
    def _open(self, access: int):
        import winreg

        return winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, access)

    def get(self, name: str) -> str | None:
        import winreg

        with self._open(winreg.KEY_READ) as key:
            try:
                return str(winreg.QueryValueEx(key, name)[0])
            except FileNotFoundError:
                return None

    def put(self, name: str, value: str) -> None:
        import winreg

        with self._open(winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        import winreg

        with self._open(winreg.KEY_SET_VALUE) as key:
            try:
                winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass


class WindowsAutostart:
    def __init__(self, argv: list[str], *, key: RunKey | None = None) -> None:
        self.key = key or WinRegRunKey()
        self.argv = argv

    def value(self) -> str:
        return subprocess.list2cmdline(self.argv)

    def set(self, enabled: bool) -> None:
        if enabled:
            self.key.put(APP_NAME, self.value())
        else:
            self.key.delete(APP_NAME)

    def enabled(self) -> bool:
        return self.key.get(APP_NAME) is not None


# -- macOS -------------------------------------------------------------------------------------
class LaunchAgent:
    def __init__(self, argv: list[str], *, home: Path | None = None) -> None:
        self.path = Path(home or Path.home()) / "Library" / "LaunchAgents" / f"{PLIST_LABEL}.plist"
        self.argv = argv

    def plist(self) -> bytes:
        return plistlib.dumps({"Label": PLIST_LABEL, "ProgramArguments": list(self.argv),
                               "RunAtLoad": True, "ProcessType": "Interactive"})

    def set(self, enabled: bool) -> None:
        if enabled:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, self.plist().decode("utf-8"), workspace_dir=None)
        else:
            self.path.unlink(missing_ok=True)

    def enabled(self) -> bool:
        return self.path.is_file()


def writer(data_dir: Path, *, platform: str | None = None, root: Path | None = None,
           key: RunKey | None = None) -> Writer:
    """The writer of this platform. ``root`` is the XDG config home (Linux) or the home folder
    (macOS); ``key`` the Run key (Windows) — both only for tests."""
    platform = platform or sys.platform
    argv = command(data_dir)
    if platform.startswith("win"):
        return WindowsAutostart(argv, key=key)
    if platform == "darwin":
        return LaunchAgent(argv, home=root)
    return XdgAutostart(argv, config_home=root)


def set(enabled: bool, data_dir: Path, **where: object) -> Writer:  # noqa: A001 - the issue's name
    """Switch start-at-login on or off for this workspace; returns the writer used."""
    chosen = writer(data_dir, **where)  # type: ignore[arg-type]
    chosen.set(enabled)
    return chosen
