"""The per-rule table: one row per rule with its counters for the range, sortable by value.

``SORT_ROLE`` holds the raw number (a rate with no denominator sorts below 0 %), so sorting
by a column never compares the formatted "1.234,50 €" texts.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop.stats import RuleRow, Stats
from desktop.stats.sql import NO_RULE
from ui.statistics.formatting import fmt_count, fmt_money, fmt_percent

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

# column key -> how to read it from a row's Stats
COLUMNS: tuple[tuple[str, Callable[[Stats], Any]], ...] = (
    ("sent", lambda s: s.sent),
    ("delivered", lambda s: s.delivered),
    ("opened_unique", lambda s: s.opened_unique),
    ("opened", lambda s: s.opened),
    ("machine_opened", lambda s: s.machine_opened),
    ("clicked_unique", lambda s: s.clicked_unique),
    ("clicked", lambda s: s.clicked),
    ("machine_clicked", lambda s: s.machine_clicked),
    ("ctor", lambda s: s.click_to_open_rate),
    ("bounced", lambda s: s.bounced),
    ("unsubscribed", lambda s: s.unsubscribed),
    ("deferred_cap", lambda s: s.deferred_cap),
    ("dropped_cap", lambda s: s.dropped_cap),
    ("uncertain", lambda s: s.uncertain),
    ("revenue", lambda s: s.revenue),
)
DELETED_PREFIX = "(deleted rule #"
KEYS: tuple[str, ...] = ("rule", *(key for key, _ in COLUMNS))


class RuleStatsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RuleRow] = []
        self.group_rules: frozenset[int] = frozenset()
        self._group_note = "Contacts whose groups this rule changed; it sends nothing"
        self._group_count = "contacts: %1"
        self._headers: dict[str, str] = {key: key for key in KEYS}
        self._tooltips: dict[str, str] = {}
        self._no_rule, self._deleted = "(no rule)", "(deleted rule #%1)"

    def set_texts(self, headers: dict[str, str], tooltips: dict[str, str], no_rule: str, deleted: str) -> None:
        """Column titles, and the names of rows that are not a rule (``deleted`` has ``%1`` for the id)."""
        self._headers, self._tooltips = headers, tooltips
        self._no_rule, self._deleted = no_rule, deleted
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(KEYS) - 1)
        self.refresh_texts()

    def refresh_texts(self) -> None:
        """The language changed: numbers are written again with the new separators."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(KEYS) - 1))

    def set_rows(self, rows: list[RuleRow], group_rules: frozenset[int] = frozenset()) -> None:
        """``group_rules`` change groups instead of sending: their row counts the contacts they
        changed under "Sent" (said in its tooltip) and shows a dash where a send would count."""
        self.beginResetModel()
        self.rows, self.group_rules = rows, group_rules
        self.endResetModel()

    def set_group_texts(self, note: str, count: str) -> None:
        """The tooltip of a group rule's row, and its count's words (``%1`` for the number)."""
        self._group_note, self._group_count = note, count

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[KEYS[section]]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips.get(KEYS[section])
        return None

    def raw(self, row: int, key: str) -> Any:
        item = self.rows[row]
        if key == "rule":
            if item.rule_id == NO_RULE:
                return self._no_rule
            if item.name.startswith(DELETED_PREFIX):  # the engine's name for a rule deleted since
                return self._deleted.replace("%1", str(item.rule_id))
            return item.name
        if item.rule_id in self.group_rules:
            # A group change is booked and applied at once: what was booked and not skipped
            # or failed is what it changed.
            s = item.stats
            return max(s.planned - s.skipped - s.failed, 0) if key == "sent" else None
        return dict(COLUMNS)[key](item.stats)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = KEYS[index.column()]
        value = self.raw(index.row(), key)
        grouped = self.rows[index.row()].rule_id in self.group_rules
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "rule":
                return value
            locale = QLocale()
            if grouped:  # not sends: the contacts it changed, said in words
                return "–" if value is None else self._group_count.replace("%1", fmt_count(value, locale))
            if key == "ctor":
                return fmt_percent(value, locale)
            if key == "revenue":
                return fmt_money(value, locale)
            return fmt_count(value, locale)
        if role == SORT_ROLE:
            if key == "rule":  # the rules by name, then deleted rules, then "(no rule)"
                item = self.rows[index.row()]
                rank = 2 if item.rule_id == NO_RULE else int(item.name.startswith(DELETED_PREFIX))
                return f"{rank}{value.casefold()}"
            return -1.0 if value is None else float(value)
        if role == Qt.ItemDataRole.ToolTipRole and grouped:
            return self._group_note
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "rule":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[index.row()].rule_id
        return None


def sorting_proxy(model: RuleStatsModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(model.parent())
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy
