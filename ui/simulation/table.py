"""The simulation's table: every send, group change and not-sent contact, with reasons.

Rows are built on the worker and handed to the model at once. A month of a big list is
250,000 rows: a Qt proxy would ask Python about every row, one call at a time, on the UI
thread — seconds per result and per keystroke. So the model itself picks and orders the rows
it shows over the whole list at once (the search text of each row is built once per result),
and the view only asks for the rows it paints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.messages import Msg, text
from desktop.simulate import SimulationResult
from ui.resources import LANGUAGE
from ui.dates import format_datetime

Index = QModelIndex | QPersistentModelIndex


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
    reason: Msg | None   # translated when shown (``SimulationTableModel.reason_text``)

    @property
    def sent(self) -> bool:
        return self.outcome in ("send", "group")


def rows_from(result: SimulationResult, axis_zone: str) -> list[SimRow]:
    """Sends and group changes (in their own zone), then what was not sent (in the axis zone)."""
    rows = [SimRow(s.at, s.local, s.zone, s.rule, s.contact_id, s.to, s.name, s.channel,
                   " ".join((s.subject or s.text).split())[:200], "group" if s.channel == "group" else "send",
                   s.reason)
            for s in result.sends + result.group_changes]
    tz = ZoneInfo(axis_zone)
    rows += [SimRow(n.at, n.at.astimezone(tz), axis_zone, n.rule, n.contact_id, n.to, n.name, "", "",
                    n.kind, n.reason) for n in result.not_sent]
    rows.sort(key=lambda r: (r.at, r.rule, r.contact_id))
    return rows


class SimulationTableModel(QAbstractTableModel):
    """All of a run's ``rows``; shows ``view`` (indices into them) as filtered by search text,
    one rule, sends or not-sent and a clicked marker's rows, in the chosen order."""

    COLUMNS = ("when", "zone", "rule", "recipient", "channel", "message", "outcome", "reason")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SimRow] = []
        self.view: list[int] = []
        self.text = ""
        self.rule = ""
        self.show = "all"                     # all | sent | not_sent
        self.only_rows: frozenset[int] | None = None
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._headers: list[str] = list(self.COLUMNS)
        self._outcomes: dict[str, str] = {}
        self._channels: dict[str, str] = {}
        self._haystacks: list[str] | None = None
        self._reasons: dict[int, str] = {}   # id(row) -> reason text in the current language

    def set_texts(self, headers: list[str], outcomes: dict[str, str], channels: dict[str, str] | None = None) -> None:
        self._headers, self._outcomes = headers, outcomes
        self._channels = channels or {}
        self._haystacks = None  # outcome words are searched and sorted too, and follow the language
        self._reasons: dict[int, str] = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.text or self.sort_column != 0:
            self._select()
        elif self.view:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.view) - 1, len(self.COLUMNS) - 1))

    def set_rows(self, rows: list[SimRow]) -> None:
        self.rows = rows
        self.only_rows = None  # a marker's rows belong to the previous run
        self._haystacks = None
        self._reasons = {}
        self._select()

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

    def _select(self) -> None:
        rows = self.rows
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
        column = self.COLUMNS[self.sort_column] if 0 <= self.sort_column < len(self.COLUMNS) else "when"
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        if column != "when":  # rows arrive in time order; any other column is sorted here (stable)
            chosen.sort(key=lambda i: self._display(rows[i], column).casefold(), reverse=descending)
        elif descending:
            chosen.reverse()
        self.beginResetModel()
        self.view = chosen
        self.endResetModel()

    def _search_texts(self) -> list[str]:
        if self._haystacks is None:
            self._haystacks = [" ".join((r.to, r.name, r.rule, r.what, self.reason_text(r),
                                         self.outcome_text(r.outcome))).casefold() for r in self.rows]
        return self._haystacks

    def reason_text(self, row: SimRow) -> str:
        """The reason in the UI's language, worked out once per row and language."""
        if row.reason is None:
            return ""
        key = id(row)
        found = self._reasons.get(key)
        if found is None:
            found = self._reasons[key] = text(row.reason, LANGUAGE.code)
        return found

    def outcome_text(self, outcome: str) -> str:
        return self._outcomes.get(outcome, outcome.replace("_", " "))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.view)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.view):
            return None
        row = self.rows[self.view[index.row()]]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.sent and column == "outcome":
            return QColor("#b3261e")
        return None

    def _display(self, row: SimRow, column: str) -> str:
        if column == "when":
            return format_datetime(row.local)
        if column == "recipient":
            return f"{row.name} <{row.to}>" if row.name and row.to else (row.to or row.name)
        if column == "outcome":
            return self.outcome_text(row.outcome)
        if column == "reason":
            return self.reason_text(row)
        if column == "channel":
            return self._channels.get(row.channel, row.channel)
        return str(getattr(row, {"message": "what"}.get(column, column)))
