"""Adding contacts to a group from the Groups page: search, tick, add.

The search is the contacts page's (``Search``: e-mail and phone prefixes on their indexes,
names by prefix); contacts already in the group are left out of the results. The writes are
``Groups.add`` / ``Groups.remove`` — the same calls the contact editor and rules use — run
as one transaction on the worker through ``ui.ops``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from ui.contacts.queries import Search
from ui.ops import OpContext, OpRunner, QueryOp

RESULTS_SHOWN = 200
_LABEL = ("coalesce(c.email, c.phone, '') || CASE WHEN c.first_name IS NOT NULL OR c.last_name IS NOT NULL "
          "THEN ' — ' || trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) ELSE '' END")


def contact_label_sql() -> str:
    """How a contact is shown in member lists: "e-mail (or phone) — name"."""
    return _LABEL


def find_candidates(c: OpContext, group_id: int, text: str, limit: int = RESULTS_SHOWN) -> list[tuple[int, str]]:
    """Contacts matching ``text`` that are not in the group yet, as (id, label)."""
    clause, params = Search(text, c.ws.settings.get("business.country") or "IT").clause()
    rows = c.ws.db.execute(
        f"SELECT c.id, {_LABEL} FROM contacts c WHERE {clause} AND NOT EXISTS (SELECT 1 FROM memberships m "
        "WHERE m.group_id = ? AND m.contact_id = c.id) ORDER BY c.id LIMIT ?", [*params, group_id, limit])
    return [(r[0], r[1]) for r in rows]


def add_members(c: OpContext, group_id: int, contact_ids: list[int], now: datetime) -> int:
    with c.ws.transaction():
        return c.ws.groups.add(group_id, contact_ids, now)


def remove_members(c: OpContext, group_id: int, contact_ids: list[int]) -> int:
    with c.ws.transaction():
        return c.ws.groups.remove(group_id, contact_ids)


class AddMembersDialog(QDialog):
    """Pick contacts by search; ``chosen`` is called with their ids when the user presses Add."""

    def __init__(self, runner: OpRunner, group_id: int, group_name: str, chosen: Callable[[list[int]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_members_dialog")
        self.runner, self.group_id, self.group_name, self.chosen = runner, group_id, group_name, chosen
        self._serial = 0
        self.search = QLineEdit()
        self.search.setObjectName("add_members_search")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("add_members_results")
        self.note = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.add_ticked)
        self.buttons.rejected.connect(self.reject)
        self.timer = QTimer(self, singleShot=True, interval=250)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.results.itemChanged.connect(lambda _i: self._ticked_changed())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(520, 460)
        self.retranslate_ui()
        self.run_search()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add contacts to “%1”").replace("%1", self.group_name))
        self.search.setPlaceholderText(self.tr("Search by e-mail, name or phone"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add to the group"))
        self._ticked_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def run_search(self) -> None:
        self.timer.stop()
        self._serial += 1
        serial, text, group_id = self._serial, self.search.text(), self.group_id
        (QueryOp(self.runner, lambda c: find_candidates(c, group_id, text), parent=self)
         .success(lambda rows: self._show(serial, rows)).run_in_background())

    def _show(self, serial: int, rows: list[tuple[int, str]]) -> None:
        if serial != self._serial:
            return
        ticked = set(self.ticked())
        self.results.blockSignals(True)
        self.results.clear()
        for contact_id, label in rows:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, contact_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if contact_id in ticked else Qt.CheckState.Unchecked)
            self.results.addItem(item)
        self.results.blockSignals(False)
        self._kept = ticked - {r[0] for r in rows}  # ticked before this search, still wanted
        self._ticked_changed()

    def ticked(self) -> list[int]:
        shown = [self.results.item(i) for i in range(self.results.count())]
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in shown if i.checkState() == Qt.CheckState.Checked]
        return sorted(set(ids) | getattr(self, "_kept", set()))

    def _ticked_changed(self) -> None:
        count = len(self.ticked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(count > 0)
        if self.results.count() == 0 and self.search.text().strip():
            self.note.setText(self.tr("No contact outside the group matches."))
        else:
            self.note.setText(self.tr("%n contact(s) ticked", "", count))

    def add_ticked(self) -> None:
        ids = self.ticked()
        if ids:
            self.chosen(ids)
            self.accept()
