"""The Contacts page: search, the paged table, and the actions on a selection."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QStackedWidget,
    QTableView, QVBoxLayout, QWidget,
)

from ui.contacts.editor import ContactDialog
from ui.contacts.model import ContactsModel
from ui.contacts.queries import Search, field_specs
from ui.ops import CollectionOp, OpChanges, OpContext, OpRunner, QueryOp
from ui.resources import LANGUAGE, icon
from ui.widgets import PAGE_MARGINS, EmptyState, Heading, confirm


def page_context(c: OpContext) -> dict[str, Any]:
    ws = c.ws
    return {"fields": field_specs(ws), "country": ws.settings.get("business.country"),
            "zone": ws.settings.get("business.timezone"), "language": ws.settings.get("ui.language")}


def delete_contacts(c: OpContext, ids: list[int]) -> int:
    with c.ws.transaction():
        for contact_id in ids:
            c.ws.contacts.delete(contact_id)
    return len(ids)


class ContactsPage(QWidget):
    import_requested = Signal()
    import_events_requested = Signal()  # orders, carts and other events: the same wizard

    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_contacts")
        self.runner = runner
        self.country = "IT"
        self.dialog: ContactDialog | None = None
        self.model = ContactsModel(runner, self)
        self.heading = Heading()
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(140)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_search)
        self.new_button = QPushButton(icon("add"), "")
        self.edit_button = QPushButton(icon("edit"), "")
        self.delete_button = QPushButton(icon("delete"), "")
        self.import_button = QPushButton(icon("import"), "")
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_requested)
        self.import_events_button = QPushButton(icon("import"), "")
        self.import_events_button.setObjectName("import_events")
        self.import_events_button.clicked.connect(self.import_events_requested)
        self.table = QTableView()
        self.table.setObjectName("contacts_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(150)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.import_events_button)  # up here: the bar below must fit a small window
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for button in (self.new_button, self.edit_button, self.delete_button, self.import_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.search, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.import_button)
        self.setTabOrder(self.import_button, self.table)
        self.model.total_changed.connect(lambda _n: self._update_counts())
        self.model.block_loaded.connect(lambda _n: self._update_counts())
        self.model.modelReset.connect(self._update_buttons)
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self._update_buttons()
        self.refresh()

    # --- texts ---------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Contacts"))
        self.search.setPlaceholderText(self.tr("Search by e-mail, name or phone (Ctrl+F)"))
        self.search.setToolTip(self.tr("Matches the start of the e-mail, first or last name, or phone number"))
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("Add a contact (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Edit the selected contact"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected contacts"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.import_button.setToolTip(self.tr("Import contacts from a CSV file"))
        self.import_events_button.setText(self.tr("Import orders…"))
        self.import_events_button.setToolTip(self.tr("Import orders, carts and other events from a shop's or "
                                                     "payment service's export"))
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.set_language(LANGUAGE.code)
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def language(self) -> str:
        return LANGUAGE.code

    # --- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the field list and settings, then the first block of contacts."""
        QueryOp(self.runner, page_context, parent=self).success(self._context_loaded).run_in_background()

    def _context_loaded(self, data: dict[str, Any]) -> None:
        self.country = data["country"]
        self.model.set_zone(data["zone"])
        self.model.language = self.language
        self.model.set_fields(data["fields"])
        self.model.set_search(Search(self.search.text(), self.country))

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.touches("fields", "settings"):
            self.refresh()
        elif changes.touches("contacts"):
            self.model.reload()

    def apply_search(self) -> None:
        self._debounce.stop()
        search = Search(self.search.text(), self.country)
        if search != self.model.search:
            self.model.set_search(search)

    def _update_counts(self) -> None:
        total = self.model.total
        searching = bool(self.model.search.text.strip())
        if total is None:
            self.count_label.setText(self.tr("Counting…"))
            return
        if searching:
            self.count_label.setText(self.tr("%n match(es)", "", total))
        else:
            self.count_label.setText(self.tr("%n contact(s)", "", total))
        if total == 0 and not searching:
            self.empty.set_texts(self.tr("No contacts yet — import a CSV"),
                                 self.tr("Use “Import CSV…” to bring in a spreadsheet, or “New” to add one by hand."))
        elif total == 0:
            self.empty.set_texts(self.tr("No contact matches “%1”").replace("%1", self.model.search.text.strip()),
                                 self.tr("Try the start of an e-mail address, a name or a phone number."))
        self.stack.setCurrentWidget(self.empty if total == 0 else self.table)

    def _update_buttons(self) -> None:
        selected = len(self.selected_ids())
        self.edit_button.setEnabled(selected == 1)
        self.delete_button.setEnabled(selected > 0)

    # --- actions -------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [cid for cid in (self.model.contact_id(r) for r in rows) if cid is not None]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        self.open_editor(None)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.open_editor(ids[0])

    def open_editor(self, contact_id: int | None) -> ContactDialog:
        self.dialog = ContactDialog(self.runner, contact_id, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        text = self.tr("Delete %n contact(s)? Their history and group memberships are deleted too. "
                       "This cannot be undone.", "", len(ids))
        confirm(self, self.tr("Delete contacts"), text, lambda: self._delete(ids))

    def _delete(self, ids: list[int]) -> None:
        CollectionOp(self.runner, lambda c: delete_contacts(c, ids), OpChanges(contacts=True, groups=True),
                     parent=self, initiator=self).run_in_background()
