"""Start the desktop app: one process per workspace with the window, the engine and the tray.

``run_app`` hands over to a copy already running on the workspace (it raises its window and
this launch exits), else claims the workspace, opens the window (hidden with ``background``:
a start at login), starts the engine and the tray, and runs until Quit, logout or SIGTERM;
then the engine stops cleanly: the message in flight finishes, nothing is left ``sending``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.paths import resolve_data_dir
from desktop.store.health import WorkspaceDamaged
from desktop.workspace import Workspace
from ui.fonts import install_emoji_fallback
from ui.main_window import MainWindow
from ui.ops import NetworkRunner, OpRunner
from ui.resources import LANGUAGE, icon
from ui.update_notice import UpdateNotice
from ui.wheel_guard import install as install_wheel_guard

log = logging.getLogger("postino.app")
APP_HOLDER = "the Postino app"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Postino")
    app.setApplicationDisplayName("Postino")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Postino")
    app.setWindowIcon(icon("postino"))
    app.setQuitOnLastWindowClosed(False)  # the window closes, the engine keeps sending
    install_emoji_fallback(app)  # emoji in subjects drawn, not boxes
    install_wheel_guard(app)  # the wheel scrolls pages, it does not flip unfocused fields
    return app  # type: ignore[return-value]


def run_app(data_dir: str | Path | None = None, *, background: bool = False) -> int:
    from desktop.service import logfile
    from ui.tray.single import InstanceServer, hand_over

    app = make_application()
    folder = resolve_data_dir(data_dir)
    if hand_over(folder, ["--background"] if background else []):
        return 0  # the running copy raised its window
    instance = InstanceServer(folder)
    instance.listen()
    folder.mkdir(parents=True, exist_ok=True)
    logfile.install(folder)
    try:
        workspace = Workspace.open(folder)
    except WorkspaceDamaged as exc:  # said before anything is sent, with what to do
        from desktop.cli.words import language
        from desktop.messages import text

        instance.close()
        QMessageBox.critical(None, "Postino", text(exc.msg, language()))
        return 1
    try:
        return _run(app, workspace, instance, background)
    finally:
        instance.close()
        workspace.close()


def _run(app: QApplication, workspace: Workspace, instance, background: bool) -> int:
    from ui.tray.controller import Tray
    from ui.tray.signals import QuitOnSignal

    # One read before the first paint, so the window opens in the user's language.
    LANGUAGE.switch(workspace.settings.get("ui.language"))
    runner = OpRunner(workspace.data_dir)
    window = MainWindow(workspace, runner)
    app.aboutToQuit.connect(runner.shutdown)
    engine = start_engine(workspace.data_dir, window)
    if engine is None:
        return _refuse_busy(workspace.data_dir, background)
    tray = Tray(window, engine, autostart=_autostart(workspace.data_dir))
    instance.arrived.connect(tray.handle_launch)
    quit_on_signal = QuitOnSignal(tray.quit_now)
    app.commitDataRequest.connect(lambda _manager: log.info("session ends: stopping"))
    if not background:
        window.show()
    elif not tray.tray_usable():
        window.showMinimized()  # no tray to live in: in the taskbar, never invisible
    log.info("app started on %s (background=%s)", workspace.data_dir, background)
    network = NetworkRunner()
    app.aboutToQuit.connect(network.shutdown)
    updates = UpdateNotice(window, network, workspace.settings.get("updates.check_url"))
    updates.schedule()
    try:
        return app.exec()
    finally:
        quit_on_signal.restore()
        engine.stop()  # waits for a message in flight, never cuts one in half
        log.info("app stopped; engine stopped and workspace released")


def _autostart(data_dir: Path):
    from desktop.service import autostart

    return autostart.writer(data_dir)


def _refuse_busy(data_dir: Path, background: bool) -> int:
    """``main.py service`` (or another tool) holds the workspace: say who, and exit."""
    from desktop.messages import Msg
    from desktop.service.lock import EngineLock, holder_params
    from ui.tray.words import say

    try:
        written = EngineLock(data_dir).path.read_text().strip()
    except OSError:
        written = ""
    message = say("tray.busy", holder=Msg("engine.holder", holder_params(written)))
    print(f"error: {message}", file=sys.stderr)
    log.warning("refused: the engine already runs for %s (%s)", data_dir, written or "?")
    if not background:
        QMessageBox.warning(None, say("tray.busy_title"), message)
    return 1


def start_engine(data_dir: Path, window: MainWindow):
    """The background engine of this process, named in the lock as the app. If another copy
    already runs it for this workspace, this one only shows that."""
    from desktop.service.engine import Engine
    from desktop.service.lock import WorkspaceBusy

    engine = Engine(data_dir, holder=APP_HOLDER, on_endpoint=window.status_label.listen_to_endpoint())
    try:
        engine.start()
    except WorkspaceBusy:
        window.status_label.set_engine("elsewhere")
        return None
    window.status_label.set_engine("running")
    window.wake_engine = engine.wake  # Run now answers at once instead of within seconds
    return engine
