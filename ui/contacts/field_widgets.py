"""One typed input widget per contact field type, each able to say "no value".

A date field (``date_field.py``), a number spin, a check box, a status combo, a time-zone combo: what the
widget returns is handed to ``desktop.contacts.values.to_db_value``, which stays the only
place that decides whether a value is acceptable.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, QTimeZone, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QDateTimeEdit, QDoubleSpinBox, QLineEdit, QWidget,
)

from desktop.fields import STATUSES, FieldSpec
from desktop.timeutil import from_db, zone_names
from ui.contacts.model import status_text

NO_DATE = QDate(1900, 1, 1)
NO_NUMBER = -1e12


class FieldEditor:
    """Wraps the widget for one field: ``set_value`` takes the stored value, ``raw`` gives input."""

    def __init__(self, spec: FieldSpec, widget: QWidget) -> None:
        self.spec = spec
        self.widget = widget
        widget.setObjectName(f"field_{spec.name}")

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def raw(self) -> Any:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Widgets that show words of their own re-set them here."""


class TextEditor(FieldEditor):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec, QLineEdit())
        self.edit: QLineEdit = self.widget  # type: ignore[assignment]
        self.edit.setClearButtonEnabled(True)
        self.retranslate()

    def retranslate(self) -> None:
        hints = {"email": QCoreApplication.translate("fields", "name@example.com"), "phone": QCoreApplication.translate("fields", "+39 333 123 4567"), "language": QCoreApplication.translate("fields", "it, en…")}
        self.edit.setPlaceholderText(hints.get(self.spec.name, ""))

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def raw(self) -> Any:
        return self.edit.text()


class StatusEditor(FieldEditor):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec, QComboBox())
        self.combo: QComboBox = self.widget  # type: ignore[assignment]
        for code in STATUSES:
            self.combo.addItem(status_text(code), code)

    def retranslate(self) -> None:
        for i in range(self.combo.count()):
            self.combo.setItemText(i, status_text(self.combo.itemData(i)))

    def set_value(self, value: Any) -> None:
        # Consent is never invented: a contact without a status (a new one) starts "pending".
        found = self.combo.findData(value or "pending")
        self.combo.setCurrentIndex(max(found, 0))

    def raw(self) -> Any:
        return self.combo.currentData()


class ZoneEditor(FieldEditor):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec, QComboBox())
        self.combo: QComboBox = self.widget  # type: ignore[assignment]
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("")
        self.combo.addItems(zone_names())
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.combo.setCompleter(completer)

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentText(value or "")

    def raw(self) -> Any:
        return self.combo.currentText()


class DateTimeEditor(FieldEditor):
    """Shown and typed in the business time zone; handed over as an aware datetime."""

    def __init__(self, spec: FieldSpec, zone: str) -> None:
        super().__init__(spec, QDateTimeEdit())
        self.zone = ZoneInfo(zone)
        self.edit: QDateTimeEdit = self.widget  # type: ignore[assignment]
        self.edit.setCalendarPopup(True)
        self.edit.setTimeZone(QTimeZone(zone.encode()))
        self.edit.setMinimumDateTime(QDateTime(NO_DATE, QTime(0, 0), QTimeZone(zone.encode())))
        self.edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setSpecialValueText(QCoreApplication.translate("fields", "(none)"))

    def set_value(self, value: Any) -> None:
        if not value:
            self.edit.setDateTime(self.edit.minimumDateTime())
            return
        local = from_db(str(value)).astimezone(self.zone)
        self.edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day),
                                        QTime(local.hour, local.minute, local.second), self.edit.timeZone()))

    def raw(self) -> Any:
        moment = self.edit.dateTime()
        if moment == self.edit.minimumDateTime():
            return None
        d, t = moment.date(), moment.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=self.zone)


class NumberEditor(FieldEditor):
    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec, QDoubleSpinBox())
        self.spin: QDoubleSpinBox = self.widget  # type: ignore[assignment]
        self.spin.setRange(NO_NUMBER, 1e12)
        self.spin.setDecimals(2)
        self.spin.setGroupSeparatorShown(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.spin.setSpecialValueText(QCoreApplication.translate("fields", "(none)"))

    def set_value(self, value: Any) -> None:
        self.spin.setValue(NO_NUMBER if value is None else float(value))

    def raw(self) -> Any:
        return None if self.spin.value() == NO_NUMBER else self.spin.value()


class BoolEditor(FieldEditor):
    """Three states: yes, no, and not known (partially checked)."""

    def __init__(self, spec: FieldSpec) -> None:
        super().__init__(spec, QCheckBox())
        self.box: QCheckBox = self.widget  # type: ignore[assignment]
        self.box.setTristate(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setToolTip(QCoreApplication.translate("fields", "Checked: yes · empty: no · filled square: not known"))

    def set_value(self, value: Any) -> None:
        state = Qt.CheckState.PartiallyChecked if value is None else (
            Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        self.box.setCheckState(state)

    def raw(self) -> Any:
        state = self.box.checkState()
        if state == Qt.CheckState.PartiallyChecked:
            return None
        return state == Qt.CheckState.Checked


def make_editor(spec: FieldSpec, zone: str) -> FieldEditor:
    if spec.name in ("email_status", "sms_status"):
        return StatusEditor(spec)
    if spec.name == "timezone":
        return ZoneEditor(spec)
    if spec.type == "date":
        from ui.contacts.date_field import DateEditor  # it builds on FieldEditor, defined here

        return DateEditor(spec)
    if spec.type == "datetime":
        return DateTimeEditor(spec, zone)
    if spec.type == "number":
        return NumberEditor(spec)
    if spec.type == "boolean":
        return BoolEditor(spec)
    return TextEditor(spec)
