"""The Groups page: groups with their member counts, create/rename/delete, and members."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QListWidget, QListWidgetItem, QMessageBox,
    QPushButton,
    QSplitter, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop.rules.group_refs import rules_using
from ui.groups_members import AddMembersDialog, add_members, contact_label_sql, remove_members
from ui.ops import CollectionOp, OpChanges, OpContext, OpRunner, QueryOp
from ui.resources import icon
from ui.widgets import PAGE_MARGINS, EmptyState, Heading, confirm

MEMBERS_SHOWN = 1000


def group_members(c: OpContext, group_id: int) -> tuple[list[tuple[int, str]], int]:
    """The first members (id, as the user recognises them), and how many there are in all."""
    rows = c.ws.db.execute(
        f"SELECT c.id, {contact_label_sql()} "
        "FROM memberships m JOIN contacts c ON c.id = m.contact_id WHERE m.group_id = ? "
        "ORDER BY c.id LIMIT ?", [group_id, MEMBERS_SHOWN]).fetchall()
    total = c.ws.db.execute("SELECT count(*) FROM memberships WHERE group_id = ?", [group_id]).fetchone()[0]
    return [(r[0], r[1]) for r in rows], total


class GroupsPage(QWidget):
    def __init__(self, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_groups")
        self.runner = runner
        self.groups: list[dict[str, Any]] = []
        self.input_dialog: QInputDialog | None = None
        self.heading = Heading()
        self.new_button = QPushButton(icon("add"), "")
        self.rename_button = QPushButton(icon("edit"), "")
        self.delete_button = QPushButton(icon("delete"), "")
        self.new_button.clicked.connect(self.new_item)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("groups_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.rename_selected())
        right = self._members_panel()
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([420, 380])
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty)
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        for button in (self.new_button, self.rename_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        runner.changed.connect(self.on_changes)
        self.retranslate_ui()
        self.refresh()

    def _members_panel(self) -> QWidget:
        """The selected group's members, with the buttons that add and remove them."""
        self.members_title = QLabel()
        self.members = QListWidget()
        self.members.setObjectName("members_list")
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members.itemSelectionChanged.connect(self._member_buttons)
        self.add_members_button = QPushButton(icon("add"), "")
        self.add_members_button.setObjectName("group_add_members")
        self.add_members_button.clicked.connect(self.open_add_members)
        self.remove_members_button = QPushButton(icon("delete"), "")
        self.remove_members_button.setObjectName("group_remove_members")
        self.remove_members_button.clicked.connect(self.remove_selected_members)
        self.add_dialog: AddMembersDialog | None = None
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.members_title)
        layout.addWidget(self.members, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_members_button)
        buttons.addWidget(self.remove_members_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return panel

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Groups"))
        self.new_button.setText(self.tr("New group"))
        self.new_button.setToolTip(self.tr("Create a group (Ctrl+N)"))
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the group; its contacts are kept"))
        self.table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Members")])
        self.add_members_button.setText(self.tr("Add contacts…"))
        self.add_members_button.setToolTip(self.tr("Find contacts by e-mail, name or phone and add them to this group"))
        self.remove_members_button.setText(self.tr("Remove from group"))
        self.remove_members_button.setToolTip(self.tr("Take the selected members out of this group; the contacts "
                                                      "are kept"))
        self.empty.set_texts(self.tr("No groups yet"),
                             self.tr("Groups collect contacts for rules: create one with “New group”."))
        self._members_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        QueryOp(self.runner, lambda c: c.ws.groups.list(), parent=self).success(self._show).run_in_background()

    def on_changes(self, changes: OpChanges, initiator: object | None) -> None:
        if changes.touches("groups", "contacts"):
            self.refresh()

    def _show(self, groups: list[dict[str, Any]]) -> None:
        keep = self.selected_id()
        self.groups = groups
        self.table.setRowCount(len(groups))
        for row, group in enumerate(groups):
            name = QTableWidgetItem(group["name"])
            name.setData(Qt.ItemDataRole.UserRole, group["id"])
            name.setToolTip(group["description"] or group["name"])
            count = QTableWidgetItem(QLocale().toString(group['members']))
            count.setData(Qt.ItemDataRole.UserRole, group["id"])
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, count)
            if group["id"] == keep:
                self.table.selectRow(row)
        self.stack.setCurrentIndex(0 if groups else 1)
        self._selection_changed()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def selected_name(self) -> str:
        items = self.table.selectedItems()
        return self.table.item(items[0].row(), 0).text() if items else ""

    def select_group(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        group_id = self.selected_id()
        self.rename_button.setEnabled(group_id is not None)
        self.delete_button.setEnabled(group_id is not None)
        self.members.clear()
        self._member_total: int | None = None
        self._members_title()
        self._member_buttons()
        if group_id is not None:
            (QueryOp(self.runner, lambda c: group_members(c, group_id), parent=self)
             .success(lambda result: self._show_members(group_id, *result)).run_in_background())

    def _show_members(self, group_id: int, members: list[tuple[int, str]], total: int) -> None:
        if group_id != self.selected_id():
            return
        self.members.clear()
        for contact_id, label in members:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, contact_id)
            self.members.addItem(item)
        self._member_total = total
        self._members_title()
        self._member_buttons()

    def _member_buttons(self) -> None:
        self.add_members_button.setEnabled(self.selected_id() is not None)
        self.remove_members_button.setEnabled(bool(self.members.selectedItems()))

    def selected_member_ids(self) -> list[int]:
        return sorted(i.data(Qt.ItemDataRole.UserRole) for i in self.members.selectedItems())

    # --- members -------------------------------------------------------------------------
    def open_add_members(self) -> AddMembersDialog | None:
        group_id = self.selected_id()
        if group_id is None:
            return None
        dialog = AddMembersDialog(self.runner, group_id, self.selected_name(),
                                  lambda ids: self.add_to_group(group_id, ids), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.add_dialog = dialog
        return dialog

    def add_to_group(self, group_id: int, contact_ids: list[int]) -> None:
        now = datetime.now(timezone.utc)
        (CollectionOp(self.runner, lambda c: add_members(c, group_id, contact_ids, now), OpChanges(groups=True),
                      parent=self).success(lambda _n: self._selection_changed()).run_in_background())

    def remove_selected_members(self) -> QMessageBox | None:
        group_id, ids = self.selected_id(), self.selected_member_ids()
        if group_id is None or not ids:
            return None
        text = self.tr("Remove %n contact(s) from “%1”? The contacts are kept.", "", len(ids)).replace(
            "%1", self.selected_name())
        return confirm(self, self.tr("Remove from group"), text, lambda: self.remove_from_group(group_id, ids))

    def remove_from_group(self, group_id: int, contact_ids: list[int]) -> None:
        (CollectionOp(self.runner, lambda c: remove_members(c, group_id, contact_ids), OpChanges(groups=True),
                      parent=self).success(lambda _n: self._selection_changed()).run_in_background())

    def _members_title(self) -> None:
        total = getattr(self, "_member_total", None)
        if self.selected_id() is None or total is None:
            self.members_title.setText(self.tr("Select a group to see its members"))
        elif total > MEMBERS_SHOWN:
            self.members_title.setText(self.tr("Members (first %1 of %2)").replace("%1", QLocale().toString(MEMBERS_SHOWN))
                                       .replace("%2", QLocale().toString(total)))
        else:
            self.members_title.setText(self.tr("%n member(s)", "", total))

    # --- actions -------------------------------------------------------------------------
    def _ask_name(self, title: str, initial: str, then: Callable[[str], None]) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setObjectName("group_name_dialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(self.tr("Group name:"))
        dialog.setTextValue(initial)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda text: text.strip() and then(text.strip()))
        dialog.open()
        self.input_dialog = dialog
        return dialog

    def new_item(self) -> None:
        self._ask_name(self.tr("New group"), "", self.create_group)

    def create_group(self, name: str) -> None:
        now = datetime.now(timezone.utc)
        (CollectionOp(self.runner, lambda c: c.ws.groups.create(name, now), OpChanges(groups=True),
                      parent=self, initiator=self)
         .success(lambda _id: self._after_write(name)).run_in_background())

    def rename_selected(self) -> None:
        group_id = self.selected_id()
        if group_id is not None:
            self._ask_name(self.tr("Rename group"), self.selected_name(),
                           lambda name: self.rename_group(group_id, name))

    def rename_group(self, group_id: int, name: str) -> None:
        (CollectionOp(self.runner, lambda c: c.ws.groups.rename(group_id, name, datetime.now(timezone.utc)), OpChanges(groups=True),
                      parent=self, initiator=self)
         .success(lambda _r: self._after_write(name)).run_in_background())

    def delete_selected(self) -> None:
        group_id = self.selected_id()
        if group_id is None:
            return
        name = self.selected_name()
        QueryOp(self.runner, lambda c: rules_using(c.ws.db, name), parent=self).success(
            lambda users: self._confirm_delete(group_id, name, users)).run_in_background()

    def _confirm_delete(self, group_id: int, name: str, users: list[str]) -> QMessageBox:
        """A group that rules name cannot go: they would fail at every check."""
        if users:
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Delete group"),
                              self.tr("“%1” cannot be deleted: the rules %2 use it. Choose another group in "
                                      "those rules first.").replace("%1", name)
                              .replace("%2", ", ".join(f"“{n}”" for n in users)),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("group_in_use_box")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return box
        text = self.tr("Delete the group “%1”? Its contacts are kept.").replace("%1", name)
        return confirm(self, self.tr("Delete group"), text, lambda: self.delete_group(group_id))

    def delete_group(self, group_id: int) -> None:
        CollectionOp(self.runner, lambda c: c.ws.groups.delete(group_id), OpChanges(groups=True),
                     parent=self, initiator=self).run_in_background()

    def _after_write(self, name: str) -> None:
        self._select_after_refresh = name
        QueryOp(self.runner, lambda c: c.ws.groups.list(), parent=self).success(
            lambda groups: (self._show(groups), self.select_group(name))).run_in_background()

    def focus_search(self) -> None:
        self.table.setFocus()
