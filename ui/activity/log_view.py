"""The workspace's log, read inside the app (Activity → Show log): the newest part of the
rotating file, so whoever helps the shop sees what the background engine did without
hunting for a folder. The log never holds secrets (the engine does not log them)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.messages import define
from desktop.service.logfile import log_path
from ui.tray.words import say

TAIL_BYTES = 256_000
define({
    "log.title": ("Registro di Postino", "Postino's log"),
    "log.empty": ("Il registro è vuoto: {path}", "The log is empty: {path}"),
    "log.open_folder": ("Apri la cartella", "Open folder"),
})


def read_tail(path: Path, limit: int = TAIL_BYTES) -> str:
    """The last ``limit`` bytes, starting at a whole line."""
    if not path.is_file():
        return ""
    with open(path, "rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - limit))
        data = handle.read()
    if size > limit and b"\n" in data:
        data = data.split(b"\n", 1)[1]
    return data.decode("utf-8", errors="replace")


class LogDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log_dialog")
        self.setWindowTitle(say("log.title"))
        self.path = log_path(data_dir)
        self.text = QPlainTextEdit()
        self.text.setObjectName("log_text")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        folder = buttons.addButton(say("log.open_folder"), QDialogButtonBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent))))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.reload()

    def reload(self) -> None:
        content = read_tail(self.path)
        self.text.setPlainText(content or say("log.empty", path=str(self.path)))
        self.text.moveCursor(QTextCursor.MoveOperation.End)
