"""Tell the user, once per start, that a newer Postino exists (``updates.check_url``; off by default).

The check runs on the network executor a few seconds after the window is shown, so it
never delays the first paint; a newer version opens a non-modal note with the download
link, anything else (no URL, same version, no network) shows nothing. No self-update.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.messages import Msg, text
from desktop.update_check import Fetch, check, fetch
from ui.ops import NetworkRunner
from ui.resources import LANGUAGE

log = logging.getLogger(__name__)
DELAY_MS = 5_000


class UpdateNotice:
    """Owns one check; ``box`` is the note shown (None until a newer version is found)."""

    def __init__(self, parent: QWidget, network: NetworkRunner, url: str, *,
                 current: str = __version__, get: Fetch = fetch) -> None:
        self.parent = parent
        self.network = network
        self.url = url
        self.current = current
        self.get = get
        self.box: QMessageBox | None = None
        self.done = False

    def schedule(self, delay_ms: int = DELAY_MS) -> None:
        if self.url:
            QTimer.singleShot(delay_ms, self.start)

    def start(self) -> None:
        if not self.url:
            return
        url, current, get = self.url, self.current, self.get
        self.network.run(lambda: check(url, current, get), self._finished)

    def _finished(self, notice: Msg | None, error: BaseException | None) -> None:
        self.done = True
        if error is not None:
            log.info("update check of %s failed: %s", self.url, error)
            return
        if notice is None:
            return
        box = QMessageBox(QMessageBox.Icon.Information, "Postino", "", QMessageBox.StandardButton.Ok, self.parent)
        box.setObjectName("update_notice")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text(notice, LANGUAGE.code))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        link = notice.params.get("url")
        if link:
            button = box.addButton(text(Msg("update.open_download"), LANGUAGE.code), QMessageBox.ButtonRole.ActionRole)
            button.setObjectName("update_open_download")
            button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(link)))
        box.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable behind it
        box.show()
        self.box = box
