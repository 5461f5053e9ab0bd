"""Start the desktop app: one QApplication, the chosen language, the main window on a workspace."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.store.health import WorkspaceDamaged
from desktop.workspace import Workspace
from ui.main_window import MainWindow
from ui.ops import NetworkRunner, OpRunner
from ui.resources import LANGUAGE, icon
from ui.update_notice import UpdateNotice


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Postino")
    app.setApplicationDisplayName("Postino")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Postino")
    app.setWindowIcon(icon("postino"))
    return app  # type: ignore[return-value]


def run_app(data_dir: str | Path | None = None) -> int:
    app = make_application()
    try:
        workspace = Workspace.open(data_dir)
    except WorkspaceDamaged as exc:  # said before anything is sent, with what to do
        from desktop.cli.words import language
        from desktop.messages import text

        QMessageBox.critical(None, "Postino", text(exc.msg, language()))
        return 1
    # One read before the first paint, so the window opens in the user's language.
    LANGUAGE.switch(workspace.settings.get("ui.language"))
    runner = OpRunner(workspace.data_dir)
    window = MainWindow(workspace, runner)
    app.aboutToQuit.connect(runner.shutdown)
    engine = start_engine(workspace.data_dir, window)
    window.show()
    network = NetworkRunner()
    app.aboutToQuit.connect(network.shutdown)
    updates = UpdateNotice(window, network, workspace.settings.get("updates.check_url"))
    updates.schedule()
    try:
        return app.exec()
    finally:
        if engine is not None:
            engine.stop()  # waits for a message in flight, never cuts one in half
        workspace.close()


def start_engine(data_dir: Path, window: MainWindow):
    """The background engine runs while the window is open (the tray keeps it running later).
    If another copy already runs it for this workspace, this one only shows that."""
    from desktop.service.engine import Engine
    from desktop.service.lock import WorkspaceBusy

    engine = Engine(data_dir)
    try:
        engine.start()
    except WorkspaceBusy:
        window.status_label.set_engine("elsewhere")
        return None
    window.status_label.set_engine("running")
    window.wake_engine = engine.wake  # Run now answers at once instead of within seconds
    return engine
