"""A real system tray: Xvfb plus Debian's ``trayer`` (a freedesktop system-tray host), the
app's tray in a child process on that screen (``helpers/tray_child.py``).

The icon must be embedded in trayer's panel (read from the X window tree, not from Qt), a
right click on it (xdotool) opens the menu, the menu's actions pause, resume and check on
the running engine, closing the window keeps it sending, Quit stops it with nothing left
``sending``. Skipped only when Xvfb, trayer, xdotool or xwininfo is missing (scripts/dev.sh
installs them, so CI runs it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.workspace import Workspace
from tests.helpers.ledger import add_rule, add_template

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("Xvfb", "trayer", "xdotool", "xwininfo")
pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def tray_display(tmp_path: Path):
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)} (bash scripts/dev.sh setup installs them as root)")
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    display = ":" + xvfb.stdout.readline().strip()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "POSTINO_LANGUAGE": "en",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PYTHONPATH": str(ROOT)}
    env.pop("WAYLAND_DISPLAY", None)
    trayer = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                               "--height", "32", "--SetDockType", "true"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _until(lambda: '"panel"' in _tree(env), "trayer's panel")
        yield env
    finally:
        for proc in (trayer, xvfb):
            proc.terminate()
            proc.wait(timeout=10)


def _tree(env: dict[str, str]) -> str:
    return subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout


def _until(predicate, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def embedded_icon(tree: str) -> tuple[int, int, int, int] | None:
    """Absolute (x, y, width, height) of a Postino window inside trayer's panel, if any."""
    lines = tree.splitlines()
    start = next((i for i, line in enumerate(lines) if '"panel"' in line), None)
    if start is None:
        return None
    depth = len(lines[start]) - len(lines[start].lstrip())
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= depth:
            break  # left the panel's subtree
        found = re.search(r'"Postino".*?(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)', line)
        if found:
            w, h, x, y = map(int, found.groups())
            return x, y, w, h
    return None


def _workspace(folder: Path) -> None:
    now = datetime.now(timezone.utc) - timedelta(minutes=1)
    with Workspace.open(folder) as ws:
        ws.settings.set("ui.language", "en", now)
        add_template(ws, now)
        rule = add_rule(ws, now, "Cart")
        stored = ws.rules.get(rule)
        ws.rules.save({**stored.to_dict(), "schedule": {"quiet_hours": {"bands": [], "business_default": False}}},
                      now, rule)


def _line(child: subprocess.Popen, tag: str) -> list[str]:
    while True:
        line = child.stdout.readline()
        if not line:
            raise AssertionError(f"child ended before {tag}: {child.stderr.read()}")
        if line.startswith("GAVE_UP"):
            raise AssertionError(line + child.stderr.read())
        if line.startswith(tag):
            return line.rstrip("\n").split("|" if "|" in line else " ")


def test_real_tray_icon_menu_pause_resume_check_close_and_quit(tray_display, tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _workspace(folder)
    args = [sys.executable, str(ROOT / "tests" / "helpers" / "tray_child.py"), str(folder)]
    if os.environ.get("POSTINO_SCREENSHOTS"):
        args.append(os.environ["POSTINO_SCREENSHOTS"])
    child = subprocess.Popen(args, env=tray_display, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        shown = _line(child, "SHOWN")
        assert shown[1] == "running"
        _until(lambda: embedded_icon(_tree(tray_display)) is not None, "the icon embedded in trayer")
        x, y, w, h = embedded_icon(_tree(tray_display))
        assert w > 0 and h > 0
        subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "3"],
                       env=tray_display, check=True)
        menu = _line(child, "MENU_SHOWN")
        assert menu[1:4] == ["Open Postino", "Pause all sends", "Check now what is due"]
        assert menu[-1] == "Quit (stops sending)" and any(t.startswith("Next send") or t.startswith("No send")
                                                          for t in menu)
        paused = _line(child, "PAUSED")
        assert paused[1:3] == ["paused", "0"]                 # paused: nothing went out
        assert _line(child, "RESUMED")[1:3] == ["running", "2"]
        assert _line(child, "CHECKED")
        assert _line(child, "CLOSED")[1:4] == ["False", "True", "5"]  # hidden, running, still sending
        assert _line(child, "CLOSED_AGAIN")[1:3] == ["False", "False"]  # the event loop went on, no notice
        assert _line(child, "STOPPED")[1:4] == ["0", "sending=0", "running=False"]
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
