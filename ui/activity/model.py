"""The ledger table model: rows arrive a page at a time from the worker, newest first.

``canFetchMore``/``fetchMore`` let the view ask for the next page when the user scrolls
near the end; the model only emits ``more_wanted`` and the page runs the read.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.messages import text
from desktop.timeutil import from_db
from ui.activity.queries import PAGE, LedgerRow
from ui.resources import LANGUAGE
from ui.dates import format_datetime

Index = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {"uncertain": "#b3261e", "failed": "#b3261e", "sent": "#188038", "dropped": "#9a6700",
                 "skipped": "#9a6700"}


class LedgerModel(QAbstractTableModel):
    COLUMNS = ("time", "rule", "contact", "channel", "state", "reason", "provider_id")
    more_wanted = Signal(int)  # the smallest id shown so far

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[LedgerRow] = []
        self.has_more = False
        self.loading = False
        self.zone = ZoneInfo("Europe/Rome")
        self._headers: list[str] = list(self.COLUMNS)
        self._states: dict[str, str] = {}
        self._channels: dict[str, str] = {"email": "E-mail", "sms": "SMS", "group": "Group"}

    def set_texts(self, headers: list[str], states: dict[str, str], channels: dict[str, str]) -> None:
        self._headers, self._states, self._channels = headers, states, channels
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def reset_rows(self, rows: list[LedgerRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.has_more = len(rows) >= PAGE
        self.loading = False
        self.endResetModel()

    def append_rows(self, rows: list[LedgerRow]) -> None:
        self.loading = False
        self.has_more = len(rows) >= PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.has_more and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if self.canFetchMore(parent) and self.rows:
            self.loading = True
            self.more_wanted.emit(self.rows[-1].id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def state_text(self, state: str) -> str:
        return self._states.get(state, state)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "time":
                return format_datetime(from_db(row.updated_at).astimezone(self.zone))
            if column == "state":
                return self.state_text(row.state)
            if column == "channel":
                return self._channels.get(row.channel, row.channel)
            if column == "reason":
                return text(row.reason, LANGUAGE.code)
            return getattr(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "state" and row.state in STATE_COLOURS:
            return QColor(STATE_COLOURS[row.state])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
