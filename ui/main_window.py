"""The main window: a sidebar of sections, the page of the chosen one, and a status line.

Pages are plain widgets that may offer ``focus_search()``, ``new_item()``,
and ``save_current()``; the window routes shortcuts to them, and each
page listens to ``runner.changed`` itself, so a page added later (the rule list, the
simulation timeline) only has to be handed to ``set_page``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout,
    QWidget,
)

from desktop.workspace import Workspace
from ui.activity.page import ActivityPage
from ui.connections.page import ConnectionsPage
from ui.contacts.page import ContactsPage
from ui.groups_page import GroupsPage
from ui.ops import CollectionOp, OpChanges, OpRunner, QueryOp
from ui.resources import LANGUAGE, icon
from ui.rules.page import RulesPage
from ui.settings.view import SettingsView
from ui.simulation.page import SimulationPage
from ui.statistics.page import StatisticsPage
from ui.status_line import StatusLine, engine_state
from ui.templates.page import TemplatesPage
from ui.widgets import PAGE_MARGINS, Heading

SECTIONS: tuple[tuple[str, str], ...] = (
    ("rules", "rules"), ("contacts", "contacts"), ("groups", "groups"), ("templates", "templates"),
    ("simulation", "simulation"), ("statistics", "statistics"), ("activity", "activity"),
    ("connections", "import"), ("settings", "settings"),
)


class SectionPage(QWidget):
    """A section whose page is not built yet: its heading only, until ``set_page`` replaces it."""

    def __init__(self, key: str, title: Callable[[], str]) -> None:
        super().__init__()
        self.setObjectName(f"page_{key}")
        self._title = title
        self.heading = Heading(title())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addWidget(self.heading)
        layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.heading.setText(self._title())
        super().changeEvent(event)


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, runner: OpRunner | None = None,
                 state_file: str | None = None) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.workspace = workspace
        self.runner = runner or OpRunner(workspace.data_dir, parent=self)
        self.state: dict[str, Any] = {}
        # Set by whoever runs the engine in this process: "look at your requests now".
        self.wake_engine: Callable[[], None] = lambda: None
        self._state_file = state_file or str(workspace.data_dir / "window.ini")
        self.setWindowIcon(icon("postino"))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.sidebar.setSpacing(2)
        self.pages = QStackedWidget()
        self.page_by_key: dict[str, QWidget] = {}
        for key, icon_name in SECTIONS:
            item = QListWidgetItem(icon(icon_name), "")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            page = self._build_page(key)
            self.page_by_key[key] = page
            self.pages.addWidget(page)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.set_page("rules", RulesPage(self.runner))
        self.sidebar.setCurrentRow(0)  # the app is about its automatic sends: open on them
        self.set_page("templates", TemplatesPage(self.runner))
        self.set_page("simulation", SimulationPage(self.runner))
        self.set_page("statistics", StatisticsPage(self.runner))
        self.set_page("activity", ActivityPage(self.runner))
        self.set_page("connections", ConnectionsPage(self.runner))
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(body)
        self.status_label = StatusLine(workspace.data_dir, self.runner)
        # Paused or running is one setting; every read of it (another window, the CLI, the
        # tray) updates this window's button too, so two windows never disagree.
        self.status_label.state_read.connect(self._follow_state)
        self.statusBar().addWidget(self.status_label, 1)
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("pause_engine")
        self.pause_button.setCheckable(True)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.statusBar().addPermanentWidget(self.pause_button)
        self._shortcuts()
        self.runner.changed.connect(self._on_changes)
        self.retranslate_ui()
        self._restore_geometry()
        self.refresh_state()

    # --- pages -----------------------------------------------------------------------------
    def _build_page(self, key: str) -> QWidget:
        if key == "contacts":
            page: QWidget = ContactsPage(self.runner)
            page.import_requested.connect(self.open_import)  # type: ignore[attr-defined]
            page.import_events_requested.connect(lambda: self.open_import("events"))  # type: ignore[attr-defined]
            return page
        if key == "groups":
            return GroupsPage(self.runner)
        if key == "settings":
            return SettingsView(self.runner)
        return SectionPage(key, lambda: self.section_title(key))

    def set_page(self, key: str, page: QWidget) -> None:
        """Put a real page in a section (for the pages built elsewhere)."""
        old = self.page_by_key[key]
        index = self.pages.indexOf(old)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(old)
        old.deleteLater()
        self.page_by_key[key] = page
        if self.sidebar.currentRow() == index:
            self.pages.setCurrentIndex(index)

    def current_page(self) -> QWidget:
        return self.pages.currentWidget()

    def show_section(self, key: str) -> QWidget:
        self.sidebar.setCurrentRow([k for k, _ in SECTIONS].index(key))
        return self.page_by_key[key]

    def section_title(self, key: str) -> str:
        titles = {
            "rules": self.tr("Automatic sends"), "contacts": self.tr("Contacts"), "groups": self.tr("Groups"),
            "templates": self.tr("Templates"), "simulation": self.tr("Simulation"),
            "statistics": self.tr("Statistics"), "activity": self.tr("Activity"), "settings": self.tr("Settings"),
            "connections": self.tr("Connections"),
        }
        return titles[key]

    def open_import(self, kind: str = "contacts") -> None:
        from ui.contacts.import_wizard import ImportWizard

        self.import_wizard = ImportWizard(self.runner, self, kind=kind)
        self.import_wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.import_wizard.open()

    # --- shortcuts -------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        for sequence, method in ((QKeySequence.StandardKey.Find, "focus_search"),
                                 (QKeySequence.StandardKey.New, "new_item"),
                                 (QKeySequence.StandardKey.Save, "save_current")):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda m=method: self._route(m))

    def _route(self, method: str) -> None:
        target = getattr(self.current_page(), method, None)
        if callable(target):
            target()

    # --- state and language ----------------------------------------------------------------
    def refresh_state(self) -> None:
        QueryOp(self.runner, engine_state, parent=self).success(self._show_state).run_in_background()

    def toggle_pause(self) -> None:
        """One click stops every check and send (a setting the engine reads before each)."""
        paused = self.pause_button.isChecked()
        now = datetime.now(timezone.utc)
        (CollectionOp(self.runner, lambda c: c.ws.settings.set("engine.paused", paused, now),
                      OpChanges(settings=True), parent=self)
         .success(lambda _value: (self.wake_engine(), self.refresh_state())).run_in_background())

    def _show_pause(self) -> None:
        paused = bool(getattr(self, "state", {}).get("paused"))
        self.pause_button.setChecked(paused)
        self.pause_button.setText(self.tr("Resume sending") if paused else self.tr("Pause sending"))
        self.pause_button.setToolTip(self.tr("Stops every rule check and every send until you resume"))

    def _follow_state(self, state: dict[str, Any]) -> None:
        if bool(state.get("paused")) != bool(self.state.get("paused")):
            self.state = {**self.state, "paused": state.get("paused")}
            self._show_pause()

    def _show_state(self, state: dict[str, Any]) -> None:
        self.state = state
        self._show_pause()
        if state["language"] != LANGUAGE.code:
            self.apply_language(state["language"])
        self.status_label.show_state(state)

    def apply_language(self, code: str) -> None:
        """Switch translations now; every widget re-sets its texts on ``LanguageChange``."""
        LANGUAGE.switch(code)

    def _on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        # Pages listen to ``runner.changed`` themselves; the window only refreshes its status line.
        if changes.touches("contacts", "settings", "outbox", "rules"):
            self.refresh_state()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Postino"))
        for row, (key, _icon) in enumerate(SECTIONS):
            self.sidebar.item(row).setText(self.section_title(key))
        self._show_pause()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- geometry --------------------------------------------------------------------------
    def _window_settings(self) -> QSettings:
        return QSettings(self._state_file, QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        saved = self._window_settings().value("geometry")
        if isinstance(saved, QByteArray) and not saved.isEmpty() and self.restoreGeometry(saved):
            return
        self.resize(1180, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = self._window_settings()
        settings.setValue("geometry", self.saveGeometry())
        settings.sync()
        super().closeEvent(event)
