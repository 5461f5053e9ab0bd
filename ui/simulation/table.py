"""The simulation's table: every send, group change and not-sent contact, with reasons.

Rows are built on the worker and handed to the model in one reset, so a run with
thousands of rows costs the UI thread one layout, not one signal per send.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop.simulate import SimulationResult

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SimRow:
    at: datetime
    local: datetime
    zone: str
    rule: str
    contact_id: int
    to: str
    name: str
    channel: str
    what: str
    outcome: str      # "send", "group", or a not-sent kind (already_sent, no_consent, ...)
    reason: str

    @property
    def sent(self) -> bool:
        return self.outcome in ("send", "group")


def rows_from(result: SimulationResult, axis_zone: str) -> list[SimRow]:
    """Sends and group changes (in their own zone), then what was not sent (in the axis zone)."""
    rows = [SimRow(s.at, s.local, s.zone, s.rule, s.contact_id, s.to, s.name, s.channel,
                   " ".join((s.subject or s.text).split())[:200], "group" if s.channel == "group" else "send",
                   s.reason or "")
            for s in result.sends + result.group_changes]
    tz = ZoneInfo(axis_zone)
    rows += [SimRow(n.at, n.at.astimezone(tz), axis_zone, n.rule, n.contact_id, n.to, n.name, "", "",
                    n.kind, n.reason) for n in result.not_sent]
    rows.sort(key=lambda r: (r.at, r.rule, r.contact_id))
    return rows


class SimulationTableModel(QAbstractTableModel):
    COLUMNS = ("when", "zone", "rule", "recipient", "channel", "message", "outcome", "reason")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SimRow] = []
        self._headers: list[str] = list(self.COLUMNS)
        self._outcomes: dict[str, str] = {}

    def set_texts(self, headers: list[str], outcomes: dict[str, str]) -> None:
        self._headers, self._outcomes = headers, outcomes
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def set_rows(self, rows: list[SimRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def outcome_text(self, outcome: str) -> str:
        return self._outcomes.get(outcome, outcome.replace("_", " "))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, column)
        if role == SORT_ROLE:
            return row.at.timestamp() if column == "when" else self._display(row, column).casefold()
        if role == Qt.ItemDataRole.ForegroundRole and not row.sent and column == "outcome":
            return QColor("#b3261e")
        return None

    def _display(self, row: SimRow, column: str) -> str:
        if column == "when":
            return row.local.strftime("%Y-%m-%d %H:%M")
        if column == "recipient":
            return f"{row.name} <{row.to}>" if row.name and row.to else (row.to or row.name)
        if column == "outcome":
            return self.outcome_text(row.outcome)
        return str(getattr(row, {"message": "what"}.get(column, column)))


class SimulationFilter(QSortFilterProxyModel):
    """Search text, one rule, sends or not-sent, and the rows of a clicked marker."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.rule = ""
        self.show = "all"                     # all | sent | not_sent
        self.only_rows: frozenset[int] | None = None

    def set_filter(self, *, text: str | None = None, rule: str | None = None, show: str | None = None,
                   only_rows: frozenset[int] | None | bool = False) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = text.casefold().strip()
        if rule is not None:
            self.rule = rule
        if show is not None:
            self.show = show
        if only_rows is not False:
            self.only_rows = only_rows  # type: ignore[assignment]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model: SimulationTableModel = self.sourceModel()  # type: ignore[assignment]
        row = model.rows[source_row]
        if self.only_rows is not None and source_row not in self.only_rows:
            return False
        if self.rule and row.rule != self.rule:
            return False
        if self.show == "sent" and not row.sent or self.show == "not_sent" and row.sent:
            return False
        if self.text:
            haystack = " ".join((row.to, row.name, row.rule, row.what, row.reason, model.outcome_text(row.outcome)))
            return self.text in haystack.casefold()
        return True
