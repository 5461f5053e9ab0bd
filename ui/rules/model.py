"""The rule list's table model and its sort/filter proxy (search text and a tag)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal,
)
from PySide6.QtGui import QColor

from ui.dates import format_datetime
from ui.resources import icon
from ui.rules.queries import RuleRow, when_text

# "enabled" next to the name: the switch a user looks for must not be scrolled out of sight.
COLUMNS = ("name", "enabled", "tags", "action", "trigger", "frequency", "next_check", "last_check",
           "sent_7d", "errors")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_ACTION_ICONS = {"send_email": "templates", "send_sms": "templates", "add_to_group": "groups",
                 "move_to_group": "groups", "remove_from_group": "groups"}
Index = QModelIndex | QPersistentModelIndex


class RulesModel(QAbstractTableModel):
    toggle_requested = Signal(int, bool)  # rule id, enable?

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[RuleRow] = []
        self.zone = "UTC"

    def set_rows(self, rows: list[RuleRow], zone: str) -> None:
        self.beginResetModel()
        self.rows, self.zone = rows, zone
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {"name": self.tr("Name"), "tags": self.tr("Tags"), "action": self.tr("Action"),
                "trigger": self.tr("Trigger"), "frequency": self.tr("Checked"), "next_check": self.tr("Next check"),
                "last_check": self.tr("Last check"), "enabled": self.tr("Enabled"),
                "sent_7d": self.tr("Sent (7 days)"), "errors": self.tr("Errors")}[COLUMNS[section]]

    def frequency(self, schedule: dict[str, Any]) -> str:
        check = schedule.get("check") or {}
        if check.get("times"):
            return self.tr("at %1").replace("%1", ", ".join(check["times"]))
        minutes = int(check.get("every_minutes") or 60)
        if minutes % 60 == 0:
            return self.tr("every %n hour(s)", "", minutes // 60)
        return self.tr("every %n minute(s)", "", minutes)

    def when(self, value: datetime | None) -> str:
        parts = when_text(value, self.zone)
        if parts is None:
            return ""
        y, m, d, hh, mm = parts
        return format_datetime(datetime(y, m, d, hh, mm))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "name": row.name, "tags": ", ".join(row.tags), "action": row.action, "trigger": row.trigger,
                "frequency": self.frequency(row.schedule), "next_check": self.when(row.next_check),
                "last_check": self.when(row.last_check) or self.tr("never"),
                "enabled": self.tr("On") if row.enabled else self.tr("Off"),
                "sent_7d": QLocale().toString(row.sent_7d), "errors": row.error or "",
            }[column]
        if role == SORT_ROLE:
            return {"next_check": row.next_check.timestamp() if row.next_check else float("inf"),
                    "last_check": row.last_check.timestamp() if row.last_check else 0.0,
                    "sent_7d": row.sent_7d, "enabled": int(row.enabled),
                    "name": row.name.casefold()}.get(column, str(self.data(index)).casefold())
        if role == Qt.ItemDataRole.CheckStateRole and column == "enabled":
            return Qt.CheckState.Checked if row.enabled else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column == "action":
            return icon(_ACTION_ICONS.get(row.action_type, "rules"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "name":
                return f"{row.name}\n{row.description}" if row.description else row.name
            if column in ("action", "trigger", "tags"):  # the column may be narrower than its text
                return self.data(index)
            if column == "errors" and row.error:
                return row.error
        if role == Qt.ItemDataRole.ForegroundRole and column == "errors" and row.error:
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "sent_7d":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] == "enabled":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ticking the switch asks the page to enable or disable (the page writes via an op)."""
        if role != Qt.ItemDataRole.CheckStateRole or COLUMNS[index.column()] != "enabled":
            return False
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.toggle_requested.emit(self.rows[index.row()].id, wanted)
        return False  # the row changes when the database says so (refresh on runner.changed)


class RulesFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.tag = ""
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tag(self, tag: str) -> None:
        self.beginFilterChange()
        self.tag = tag.casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RulesModel)
        row = model.rows[source_row]
        if self.tag and self.tag not in {t.casefold() for t in row.tags}:
            return False
        if not self.text:
            return True
        haystack = " ".join([row.name, row.description, row.action, row.trigger, *row.tags]).casefold()
        return all(word in haystack for word in self.text.split())
