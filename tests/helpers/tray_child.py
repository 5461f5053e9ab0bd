"""The app's pieces on a real X screen with a real tray (run by test_tray_xvfb.py).

Builds the window, a real engine (recording channel, so the parent can count sends through
this process's report lines) and the ``Tray``; prints one line per step; the parent drives
the icon with xdotool. Usage: ``tray_child.py DATA_DIR [SCREENSHOT_DIR]``.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.delivery.recording import RecordingChannel  # noqa: E402
from desktop.service.engine import Engine  # noqa: E402
from desktop.service.requests import answer_of  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402
from tests.helpers.ledger import add_contacts, add_rows  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.ops import OpRunner  # noqa: E402
from ui.tray.controller import Tray  # noqa: E402


def say(*parts: object, sep: str = " ") -> None:
    print(*parts, sep=sep, flush=True)


def wait(app: QApplication, predicate, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            say("GAVE_UP", what)
            raise SystemExit(3)
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    folder = Path(sys.argv[1])
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    app = make_application()
    wait(app, QSystemTrayIcon.isSystemTrayAvailable, "a system tray")
    ws = Workspace.open(folder)
    rule_id = ws.db.execute("SELECT id FROM rules").fetchone()[0]
    recorded = RecordingChannel("email", mime=False)
    engine = Engine(folder, channels_factory=lambda _ws: {"email": recorded, "sms": RecordingChannel("sms")},
                    dispatch_every=timedelta(seconds=0.2), watch_every=timedelta(seconds=0.2))
    engine.start()
    window = MainWindow(ws, OpRunner.synchronous(ws))
    tray = Tray(window, engine, confirm_quit=lambda _n: True)
    window.show()
    wait(app, tray.icon.isVisible, "the icon shown")
    say("SHOWN", tray.state, tray.icon.toolTip().splitlines()[0])
    wait(app, tray.menu.isVisible, "the menu opened by a click on the icon")
    say("MENU_SHOWN", *[a.text() for a in tray.menu.actions() if a.text()], sep="|")
    if shots:
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)
        tray.menu.grab().save(str(shots / "tray-menu.png"))
        screen = app.primaryScreen()
        width = screen.geometry().width()
        screen.grabWindow(0, width - 360, 0, 360, 240).save(str(shots / "tray-icon-and-menu.png"))
    tray.menu.hide()
    QTimer.singleShot(0, lambda: steps(app, ws, engine, recorded, rule_id, window, tray, shots))
    code = app.exec()
    engine.stop()
    sending = ws.db.execute("SELECT count(*) FROM ledger WHERE state = 'sending'").fetchone()[0]
    say("STOPPED", code, f"sending={sending}", f"running={engine.status.running}")
    ws.close()
    return 0


def steps(app, ws, engine, recorded, rule_id, window, tray, shots) -> None:
    now = datetime.now(timezone.utc) - timedelta(seconds=30)
    tray.menu.pause_action.trigger()
    wait(app, lambda: engine.status.paused, "the engine paused")
    tray.refresh_status()
    add_rows(ws, rule_id, add_contacts(ws, now, 2), now)
    time.sleep(0.6)
    say("PAUSED", tray.state, len(recorded.messages), tray.icon.toolTip().splitlines()[0])
    tray.menu.pause_action.trigger()
    wait(app, lambda: len(recorded.messages) == 2, "sends after resume")
    tray.refresh_status()
    say("RESUMED", tray.state, len(recorded.messages))
    tray.refresh_facts()
    tray.menu.rules_menu.actions()[0].trigger()
    request = ws.db.execute("SELECT max(id) FROM engine_requests").fetchone()[0]
    wait(app, lambda: answer_of(ws, request).done, "the rule checked by the engine")
    say("CHECKED", request)
    # Closed from inside the running event loop; the rest runs only if the loop goes on.
    window.close()
    QTimer.singleShot(800, lambda: after_close(app, ws, engine, recorded, rule_id, window, tray, shots))


def after_close(app, ws, engine, recorded, rule_id, window, tray, shots) -> None:
    now = datetime.now(timezone.utc) - timedelta(seconds=30)
    wait(app, lambda: tray.notice_box is not None and tray.notice_box.isVisible(), "the first-close notice")
    if shots:
        app.processEvents()
        tray.notice_box.grab().save(str(shots / "tray-first-close.png"))
    add_rows(ws, rule_id, add_contacts(ws, now, 3, start=100), now)
    wait(app, lambda: len(recorded.messages) == 5, "sends with the window closed")
    say("CLOSED", window.isVisible(), engine.status.running, len(recorded.messages))
    tray.notice_box.close()  # a visible notice would keep any Qt app alive: close once more without it
    tray.show_window()
    window.close()
    QTimer.singleShot(800, lambda: closed_again(app, window, tray))


def closed_again(app, window, tray) -> None:
    say("CLOSED_AGAIN", window.isVisible(), tray.notice_box.isVisible())
    tray.menu.quit_action.trigger()


if __name__ == "__main__":
    sys.exit(main())
