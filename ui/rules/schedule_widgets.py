"""Small editors the frequency step is built from: weekday boxes, lists of times, dates and
month-days, and quiet-hour bands (two time edits per row)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QListWidget, QPushButton, QSpinBox, QTimeEdit, QVBoxLayout, QWidget,
)

from desktop.schedule.model import WEEKDAYS
from ui.rules.value_widgets import date_edit
from ui.rules.words import weekday_words
from ui.dates import month_name


def time_edit(text: str = "09:00") -> QTimeEdit:
    edit = QTimeEdit(QTime.fromString(text, "HH:mm"))
    edit.setDisplayFormat("HH:mm")
    return edit


class WeekdayBoxes(QWidget):
    changed = Signal()

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        for code, word in zip(WEEKDAYS, weekday_words()):
            box = QCheckBox(word)
            box.setObjectName(f"{object_name}_{code}")
            box.toggled.connect(self.changed)
            self.boxes.append(box)
            layout.addWidget(box)
        layout.addStretch(1)

    def days(self) -> list[str]:
        return [code for code, box in zip(WEEKDAYS, self.boxes) if box.isChecked()]

    def set_days(self, days: list[str]) -> None:
        for code, box in zip(WEEKDAYS, self.boxes):
            box.setChecked(code in days)


class _ListEditor(QWidget):
    """An entry widget, Add and Remove buttons, and the list of what was added (sorted, unique)."""

    changed = Signal()

    def __init__(self, entry: QWidget, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.entry = entry
        self.items = QListWidget()
        self.items.setObjectName(f"{object_name}_list")
        self.items.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName(f"{object_name}_add")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{object_name}_remove")
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(entry)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.items)

    def current_text(self) -> str:
        raise NotImplementedError

    def values(self) -> list[str]:
        return [self.items.item(i).text() for i in range(self.items.count())]

    def set_values(self, values: list[str]) -> None:
        self.items.clear()
        self.items.addItems(sorted(dict.fromkeys(values)))
        self.changed.emit()

    def add_current(self) -> None:
        self.set_values(self.values() + [self.current_text()])

    def remove_selected(self) -> None:
        chosen = {item.text() for item in self.items.selectedItems()}
        self.set_values([v for v in self.values() if v not in chosen])


class TimeList(_ListEditor):
    def __init__(self, object_name: str) -> None:
        super().__init__(time_edit(), object_name)

    def current_text(self) -> str:
        return self.entry.time().toString("HH:mm")  # type: ignore[attr-defined]


class DateList(_ListEditor):
    def __init__(self, object_name: str) -> None:
        super().__init__(date_edit(), object_name)

    def current_text(self) -> str:
        return self.entry.date().toString("yyyy-MM-dd")  # type: ignore[attr-defined]


class MonthDayList(_ListEditor):
    """Yearly dates (“every 25 December”) as MM-DD: a month and a day."""

    def __init__(self, object_name: str) -> None:
        picker = QWidget()
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        self.month = QComboBox()
        for m in range(1, 13):
            self.month.addItem(month_name(m), m)
        self.day = QSpinBox()
        self.day.setRange(1, 31)
        row.addWidget(self.day)
        row.addWidget(self.month)
        self.month.currentIndexChanged.connect(self._clamp)
        super().__init__(picker, object_name)

    def _clamp(self) -> None:
        self.day.setMaximum(QDate(2024, int(self.month.currentData()), 1).daysInMonth())

    def current_text(self) -> str:
        return f"{int(self.month.currentData()):02d}-{self.day.value():02d}"


class BandRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, band: str = "21:00-09:00") -> None:
        super().__init__()
        self.setObjectName("quiet_band")
        start, _, end = band.partition("-")
        self.start, self.end = time_edit(start), time_edit(end)
        self.start.setObjectName("band_start")
        self.end.setObjectName("band_end")
        self.remove_button = QPushButton("✕")
        self.remove_button.setToolTip(self.tr("Remove this band"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.start)
        layout.addWidget(self.end)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.start.timeChanged.connect(self.changed)
        self.end.timeChanged.connect(self.changed)

    def text(self) -> str:
        return f"{self.start.time().toString('HH:mm')}-{self.end.time().toString('HH:mm')}"


class BandList(QWidget):
    """Quiet-hour bands: rows of “from – to”, a band may cross midnight (21:00–09:00)."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("quiet_bands")
        self.rows: list[BandRow] = []
        self.add_button = QPushButton(self.tr("Add quiet hours"))
        self.add_button.setObjectName("add_band")
        self.add_button.clicked.connect(lambda: self.add_band())
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.body)
        layout.addWidget(self.add_button)

    def add_band(self, band: str = "21:00-09:00") -> BandRow:
        row = BandRow(band)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_band)
        self.rows.append(row)
        self.body.addWidget(row)
        self.changed.emit()
        return row

    def remove_band(self, row: BandRow) -> None:
        self.rows.remove(row)
        self.body.removeWidget(row)
        row.deleteLater()
        self.changed.emit()

    def bands(self) -> list[str]:
        return [row.text() for row in self.rows]

    def set_bands(self, bands: list[str]) -> None:
        for row in list(self.rows):
            self.remove_band(row)
        for band in bands:
            self.add_band(band)
