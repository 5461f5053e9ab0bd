"""The date-range picker: presets (last 7/30/90 days, this month) or a custom from–to.

Dates are local days in the business time zone; "today" comes from ``today()`` (the page
passes the business zone's date), so a test can pin the calendar.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from ui.dates import date_edit_format

PRESETS = ("7", "30", "90", "month", "custom")


def preset_range(preset: str, today: date) -> tuple[date, date] | None:
    if preset == "month":
        return today.replace(day=1), today
    if preset.isdigit():
        return today - timedelta(days=int(preset) - 1), today
    return None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateRangePicker(QWidget):
    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.preset = QComboBox()
        self.preset.setObjectName("stats_preset")
        for key in PRESETS:
            self.preset.addItem("", key)
        self.since = QDateEdit()
        self.since.setObjectName("stats_since")
        self.until = QDateEdit()
        self.until.setObjectName("stats_until")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._edited)
        self.dash = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset)
        layout.addWidget(self.since)
        layout.addWidget(self.dash)
        layout.addWidget(self.until)
        self._quiet = False
        self.preset.currentIndexChanged.connect(lambda _i: self.apply_preset())
        self.preset.setCurrentIndex(PRESETS.index("30"))
        self.apply_preset(notify=False)

    def retranslate(self, texts: dict[str, str]) -> None:
        for index, key in enumerate(PRESETS):
            self.preset.setItemText(index, texts[key])
        for edit in (self.since, self.until):
            edit.setDisplayFormat(date_edit_format())

    def choose(self, preset: str) -> None:
        self.preset.setCurrentIndex(PRESETS.index(preset))

    def set_custom(self, since: date, until: date) -> None:
        """Pick a custom range in one step (one ``changed``)."""
        self._quiet = True
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self.since.setDate(_qdate(since))
        self.until.setDate(_qdate(until))
        self._quiet = False
        self.changed.emit()

    def apply_preset(self, notify: bool = True) -> None:
        """Set the dates from the preset (again, e.g. after midnight or a zone change)."""
        key = self.preset.currentData()
        custom = key == "custom"
        self.since.setEnabled(custom)
        self.until.setEnabled(custom)
        span = preset_range(key, self.today())
        if span is not None:
            self._quiet = True
            self.since.setDate(_qdate(span[0]))
            self.until.setDate(_qdate(span[1]))
            self._quiet = False
        if notify:
            self.changed.emit()

    def _edited(self, _value: QDate) -> None:
        if not self._quiet:
            self.changed.emit()

    def range(self) -> tuple[date, date]:
        return _pydate(self.since.date()), _pydate(self.until.date())
