"""The main window: a sidebar of sections and the page of the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QVBoxLayout,
    QWidget,
)

from desktop.workspace import Workspace

SECTIONS = (
    ("rules", "Invii automatici", "Automatic sends"),
    ("contacts", "Contatti", "Contacts"),
    ("groups", "Gruppi", "Groups"),
    ("templates", "Modelli", "Templates"),
    ("simulation", "Simulazione", "Simulation"),
    ("statistics", "Statistiche", "Statistics"),
    ("activity", "Attività", "Activity"),
    ("settings", "Impostazioni", "Settings"),
)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.language = workspace.settings.get("ui.language")
        self.setWindowTitle("Postino")
        self.resize(1100, 720)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        self.pages = QStackedWidget()
        self.page_by_key: dict[str, QWidget] = {}
        for key, it, en in SECTIONS:
            item = QListWidgetItem(it if self.language == "it" else en)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            page = self._page(key, it if self.language == "it" else en)
            self.page_by_key[key] = page
            self.pages.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(0)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)
        self.statusBar().showMessage(self._status_text())

    def _page(self, key: str, title: str) -> QWidget:
        page = QWidget()
        page.setObjectName(f"page_{key}")
        layout = QVBoxLayout(page)
        heading = QLabel(title)
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout.addWidget(heading)
        layout.addStretch(1)
        return page

    def _status_text(self) -> str:
        contacts = self.workspace.contacts.count()
        if self.language == "it":
            return f"Area di lavoro: {self.workspace.data_dir} — {contacts} contatti"
        return f"Workspace: {self.workspace.data_dir} — {contacts} contacts"
