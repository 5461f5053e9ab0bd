"""A table model over the ``contacts`` table that pages in blocks, off the UI thread.

``canFetchMore``/``fetchMore`` ask the worker for the next keyset block; rows are appended
when the block arrives, so scrolling a million contacts only ever costs one block at a
time and the UI thread never waits on SQLite. A search or a reset bumps a generation
number, and blocks of an older generation are dropped when they arrive.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal,
)

from desktop.fields import FieldSpec
from desktop.timeutil import from_db, valid_zone
from ui.contacts.queries import BLOCK, Search, count_matching, fetch_block
from ui.ops import OpRunner, QueryOp
from ui.resources import LANGUAGE
from ui.dates import format_date, format_datetime

Index = QModelIndex | QPersistentModelIndex
STATUS_WORDS = {
    "subscribed": QT_TRANSLATE_NOOP("status", "Subscribed"), "pending": QT_TRANSLATE_NOOP("status", "Pending"),
    "unsubscribed": QT_TRANSLATE_NOOP("status", "Unsubscribed"), "bounced": QT_TRANSLATE_NOOP("status", "Bounced"),
}


def status_text(code: str | None) -> str:
    return QCoreApplication.translate("status", STATUS_WORDS[code]) if code in STATUS_WORDS else (code or "")


class ContactsModel(QAbstractTableModel):
    """Columns are the catalogue's fields (standard first, then custom), set by ``set_fields``."""

    loading_changed = Signal(bool)
    total_changed = Signal(int)
    block_loaded = Signal(int)  # rows now held

    def __init__(self, runner: OpRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.language = LANGUAGE.code
        self.zone = ZoneInfo("Europe/Rome")
        self.fields: list[FieldSpec] = []
        self.search = Search()
        self.total: int | None = None
        self._rows: list[tuple[Any, ...]] = []
        self._exhausted = True
        self._loading = False
        self._generation = 0

    # --- configuration -------------------------------------------------------------------
    def set_fields(self, specs: list[FieldSpec]) -> None:
        self.beginResetModel()
        self.fields = list(specs)
        self._clear()
        self.endResetModel()

    def set_zone(self, zone: str) -> None:
        if valid_zone(zone):
            self.zone = ZoneInfo(zone)

    def set_language(self, language: str) -> None:
        self.language = language
        if self.fields:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.fields) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.fields) - 1))

    def set_search(self, search: Search) -> None:
        self.search = search
        self.reload()

    def reload(self) -> None:
        """Start again from the first block (after a search or a change)."""
        self.beginResetModel()
        self._clear()
        self.endResetModel()
        if self.fields:
            self._exhausted = False
            self.fetchMore(QModelIndex())  # first, so the rows never wait behind the count
            self._count()

    def _clear(self) -> None:
        self._generation += 1
        self._rows = []
        self._exhausted = True
        self._set_loading(False)
        self.total = None

    # --- paging ----------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._exhausted or self._loading:
            return
        generation = self._generation
        after = self._rows[-1][0] if self._rows else 0
        columns = [f.column for f in self.fields]
        search = self.search
        self._set_loading(True)
        (QueryOp(self.runner, lambda c: fetch_block(c.ws, columns, search, after, BLOCK))
         .success(lambda rows: self._append(generation, rows))
         .failure(lambda exc: self._failed(generation, exc))
         .run_in_background())

    def _append(self, generation: int, rows: list[tuple[Any, ...]]) -> None:
        if generation != self._generation:
            return
        self._set_loading(False)
        if len(rows) < BLOCK:
            self._exhausted = True
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.block_loaded.emit(len(self._rows))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._set_loading(False)
            self._exhausted = True
            self.runner.error_handler(None, exc)

    def _count(self) -> None:
        generation, search = self._generation, self.search

        def done(total: int) -> None:
            if generation == self._generation:
                self.total = total
                self.total_changed.emit(total)

        QueryOp(self.runner, lambda c: count_matching(c.ws, search)).success(done).run_in_background()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    @property
    def loading(self) -> bool:
        return self._loading

    # --- the model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def contact_id(self, row: int) -> int | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, contact_id: int) -> int | None:
        for row, values in enumerate(self._rows):
            if values[0] == contact_id:
                return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.fields):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.fields[section].label(self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            spec = self.fields[section]
            # The key is what a template writes ({{ phone }}): said as such, not as a bare word.
            return QCoreApplication.translate("ContactsModel", "%1 — in templates: {{ %2 }}") \
                .replace("%1", spec.label(self.language)).replace("%2", spec.name)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        value = self._rows[index.row()][index.column() + 1]
        spec = self.fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(spec, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[index.row()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.type == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def display(self, spec: FieldSpec, value: Any) -> str:
        """A stored value as the user reads it: local time, local number format, words."""
        if value is None or value == "":
            return ""
        locale = QLocale()
        if spec.name in ("email_status", "sms_status"):
            return status_text(value)
        if spec.type == "datetime":
            try:
                moment = from_db(str(value)).astimezone(self.zone)
            except ValueError:
                return str(value)
            return format_datetime(moment)
        if spec.type == "date":
            try:
                day = datetime.strptime(str(value), "%Y-%m-%d")
            except ValueError:
                return str(value)
            return format_date(day)
        if spec.type == "number" and isinstance(value, (int, float)):
            return locale.toString(float(value), "f", 2).rstrip("0").rstrip(locale.decimalPoint()) \
                if float(value) != int(value) else locale.toString(int(value))
        if spec.type == "boolean":
            return QCoreApplication.translate("values", "Yes") if value else QCoreApplication.translate("values", "No")
        return str(value)
