"""The simulation's table: every send, group change and not-sent contact, with reasons.

Rows are built on the worker and handed to the model in one reset, so a run with
thousands of rows costs the UI thread one layout, not one signal per send.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
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
        return self.value(index.row(), index.column(), role)

    def value(self, row_number: int, column_number: int, role: int) -> Any:
        row = self.rows[row_number]
        column = self.COLUMNS[column_number]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, column)
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.sent and column == "outcome":
            return QColor("#b3261e")
        return None

    def sort_key(self, row: SimRow, column: str) -> Any:
        return row.at.timestamp() if column == "when" else self._display(row, column).casefold()

    def _display(self, row: SimRow, column: str) -> str:
        if column == "when":
            return row.local.strftime("%Y-%m-%d %H:%M")
        if column == "recipient":
            return f"{row.name} <{row.to}>" if row.name and row.to else (row.to or row.name)
        if column == "outcome":
            return self.outcome_text(row.outcome)
        return str(getattr(row, {"message": "what"}.get(column, column)))


class SimulationFilter(QAbstractTableModel):
    """What the table shows of the model's rows: search text, one rule, sends or not-sent,
    the rows of a clicked marker, and the sort order.

    A month of a big list is 250,000 rows. A Qt proxy asks Python about every row, one call
    at a time, on the UI thread — seconds per keystroke and per result. Here the selection
    and the order are worked out over the whole list at once (a list comprehension; the
    search text of each row is built once per result), and the view only asks for the rows
    it paints.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = SimulationTableModel(self)
        self.text = ""
        self.rule = ""
        self.show = "all"                     # all | sent | not_sent
        self.only_rows: frozenset[int] | None = None
        self.view: list[int] = []             # the source rows shown, in order
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._haystacks: list[str] | None = None

    def setSourceModel(self, model: SimulationTableModel) -> None:
        self.source = model
        model.modelReset.connect(self._rows_changed)
        model.dataChanged.connect(self._texts_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._rows_changed()

    def sourceModel(self) -> SimulationTableModel:
        return self.source

    def set_filter(self, *, text: str | None = None, rule: str | None = None, show: str | None = None,
                   only_rows: frozenset[int] | None | bool = False) -> None:
        if text is not None:
            self.text = text.casefold().strip()
        if rule is not None:
            self.rule = rule
        if show is not None:
            self.show = show
        if only_rows is not False:
            self.only_rows = only_rows  # type: ignore[assignment]
        self._select()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._select()

    def _rows_changed(self) -> None:
        self._haystacks = None
        self._select()

    def _texts_changed(self, *_args: Any) -> None:
        self._haystacks = None  # outcome words are searched and sorted too, and follow the language
        if self.text or self.sort_column != 0:
            self._select()
        elif self.view:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.view) - 1, self.columnCount() - 1))

    def _select(self) -> None:
        rows = self.source.rows
        chosen: Any = sorted(self.only_rows) if self.only_rows is not None else range(len(rows))
        if self.rule:
            chosen = [i for i in chosen if rows[i].rule == self.rule]
        if self.show != "all":
            want = self.show == "sent"
            chosen = [i for i in chosen if rows[i].sent == want]
        if self.text:
            haystacks = self._search_texts()
            chosen = [i for i in chosen if self.text in haystacks[i]]
        chosen = list(chosen)
        column = self.source.COLUMNS[self.sort_column] if 0 <= self.sort_column < len(self.source.COLUMNS) else "when"
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if column != "when":  # rows arrive in time order; any other column is sorted here (stable)
            chosen.sort(key=lambda i: self.source.sort_key(rows[i], column), reverse=descending)
        elif descending:
            chosen.reverse()
        self.beginResetModel()
        self.view = chosen
        self.endResetModel()

    def _search_texts(self) -> list[str]:
        if self._haystacks is None:
            model = self.source
            self._haystacks = [" ".join((r.to, r.name, r.rule, r.what, r.reason, model.outcome_text(r.outcome))).casefold()
                               for r in model.rows]
        return self._haystacks

    def source_row(self, row: int) -> int:
        return self.view[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.source.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.source.headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.view):
            return None
        return self.source.value(self.view[index.row()], index.column(), role)
