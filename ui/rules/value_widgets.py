"""Value editors for one condition: each fits what its operator needs and the field's type.

Every editor has ``value() -> dict`` (the keys it adds to the condition's JSON),
``set_value(leaf)`` and a ``changed`` signal, so the condition row treats them alike.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QTimeEdit, QVBoxLayout, QWidget,
)

from ui.rules.words import unit_words

BIG = 1_000_000_000.0


def _row(widget: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def number_spin(low: float = -BIG, high: float = BIG) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(2)
    spin.setGroupSeparatorShown(False)
    return spin


def int_spin(low: int, high: int = 100_000) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    return spin


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


class ValueEditor(QWidget):
    changed = Signal()

    def value(self) -> dict[str, Any]:
        return {}

    def set_value(self, leaf: dict[str, Any]) -> None:
        pass


class NoValue(ValueEditor):
    pass


class TextValue(ValueEditor):
    def __init__(self, hint: str = "") -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setObjectName("value_text")
        self.edit.setPlaceholderText(hint)
        self.edit.textChanged.connect(self.changed)
        _row(self).addWidget(self.edit)

    def value(self) -> dict[str, Any]:
        return {"value": self.edit.text()}

    def set_value(self, leaf: dict[str, Any]) -> None:
        self.edit.setText(str(leaf.get("value", "")))


class NumberValue(ValueEditor):
    def __init__(self) -> None:
        super().__init__()
        self.spin = number_spin()
        self.spin.setObjectName("value_number")
        self.spin.valueChanged.connect(self.changed)
        _row(self).addWidget(self.spin)

    def value(self) -> dict[str, Any]:
        return {"value": float(self.spin.value())}

    def set_value(self, leaf: dict[str, Any]) -> None:
        if isinstance(leaf.get("value"), (int, float)):
            self.spin.setValue(float(leaf["value"]))


class DateValue(ValueEditor):
    """A date, and for date-time fields an optional time of day (kept off unless asked for)."""

    def __init__(self, with_time: bool) -> None:
        super().__init__()
        layout = _row(self)
        self.date = date_edit()
        self.date.setObjectName("value_date")
        self.date.dateChanged.connect(self.changed)
        layout.addWidget(self.date)
        self.at = QCheckBox(self.tr("at"))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setEnabled(False)
        self.at.toggled.connect(self.time.setEnabled)
        self.at.toggled.connect(self.changed)
        self.time.timeChanged.connect(self.changed)
        layout.addWidget(self.at)
        layout.addWidget(self.time)
        self.at.setVisible(with_time)
        self.time.setVisible(with_time)

    def value(self) -> dict[str, Any]:
        text = self.date.date().toString("yyyy-MM-dd")
        if not self.at.isHidden() and self.at.isChecked():
            text += "T" + self.time.time().toString("HH:mm") + ":00"
        return {"value": text}

    def set_value(self, leaf: dict[str, Any]) -> None:
        text = str(leaf.get("value", ""))
        day = QDate.fromString(text[:10], "yyyy-MM-dd")
        if day.isValid():
            self.date.setDate(day)
        if len(text) > 10:
            self.at.setChecked(True)
            self.time.setTime(QTime.fromString(text[11:16], "HH:mm"))


class ListValue(ValueEditor):
    """The values of “is one of”: a list with add and remove, one value per line."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.items = QListWidget()
        self.items.setObjectName("value_list")
        self.items.setMaximumHeight(self.fontMetrics().height() * 6)
        entry = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setObjectName("value_list_entry")
        self.entry.setPlaceholderText(self.tr("Add a value and press Enter"))
        self.entry.returnPressed.connect(self.add_current)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add_current)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        for w in (self.entry, self.add_button, self.remove_button):
            entry.addWidget(w)
        layout.addLayout(entry)
        layout.addWidget(self.items)

    def add(self, text: str) -> None:
        if text.strip():
            self.items.addItem(QListWidgetItem(text.strip()))
            self.changed.emit()

    def add_current(self) -> None:
        self.add(self.entry.text())
        self.entry.clear()

    def remove_selected(self) -> None:
        for item in self.items.selectedItems():
            self.items.takeItem(self.items.row(item))
        self.changed.emit()

    def value(self) -> dict[str, Any]:
        return {"value": [self.items.item(i).text() for i in range(self.items.count())]}

    def set_value(self, leaf: dict[str, Any]) -> None:
        self.items.clear()
        for value in leaf.get("value") or []:
            self.items.addItem(str(value))


class PairValue(ValueEditor):
    def __init__(self) -> None:
        super().__init__()
        layout = _row(self)
        self.low, self.high = number_spin(), number_spin()
        self.low.setObjectName("value_low")
        self.high.setObjectName("value_high")
        layout.addWidget(self.low)
        layout.addWidget(QLabel(self.tr("and")))
        layout.addWidget(self.high)
        self.low.valueChanged.connect(self.changed)
        self.high.valueChanged.connect(self.changed)

    def value(self) -> dict[str, Any]:
        return {"value": [float(self.low.value()), float(self.high.value())]}

    def set_value(self, leaf: dict[str, Any]) -> None:
        pair = leaf.get("value") or [0, 0]
        self.low.setValue(float(pair[0]))
        self.high.setValue(float(pair[1]))


class UnitCombo(QComboBox):
    def __init__(self, units: tuple[str, ...] = ("hours", "days")) -> None:
        super().__init__()
        words = unit_words()
        for unit in units:
            self.addItem(words[unit], unit)

    def unit(self) -> str:
        return str(self.currentData())

    def set_unit(self, unit: str) -> None:
        index = self.findData(unit)
        if index >= 0:
            self.setCurrentIndex(index)


class AmountValue(ValueEditor):
    """“in the last N hours/days”: an amount and its unit."""

    def __init__(self, minimum: int, units: tuple[str, ...]) -> None:
        super().__init__()
        layout = _row(self)
        self.amount = int_spin(minimum)
        self.amount.setObjectName("value_amount")
        self.amount.setValue(max(minimum, 1))
        self.unit = UnitCombo(units)
        self.unit.setObjectName("value_unit")
        if "days" in units:
            self.unit.set_unit("days")
        layout.addWidget(self.amount)
        layout.addWidget(self.unit)
        self.amount.valueChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self.changed)

    def value(self) -> dict[str, Any]:
        return {"amount": self.amount.value(), "unit": self.unit.unit()}

    def set_value(self, leaf: dict[str, Any]) -> None:
        if isinstance(leaf.get("amount"), int):
            self.amount.setValue(leaf["amount"])
        self.unit.set_unit(leaf.get("unit", "days"))


class GroupValue(ValueEditor):
    """A group picker, plus the number of days for “joined … days ago”."""

    def __init__(self, groups: list[str], with_days: bool) -> None:
        super().__init__()
        layout = _row(self)
        self.group = QComboBox()
        self.group.setObjectName("value_group")
        self.group.addItems(groups)
        layout.addWidget(self.group)
        self.days = int_spin(0)
        self.days.setObjectName("value_days")
        self.days.setSuffix(self.tr(" days"))
        self.days.setVisible(with_days)
        layout.addWidget(self.days)
        self.group.currentIndexChanged.connect(self.changed)
        self.days.valueChanged.connect(self.changed)

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {"group": self.group.currentText()}
        if not self.days.isHidden():
            out["days"] = self.days.value()
        return out

    def set_value(self, leaf: dict[str, Any]) -> None:
        name = leaf.get("group", "")
        index = self.group.findText(name)
        if index < 0 and name:
            self.group.addItem(name)  # an unknown group stays visible, so validation can name it
            index = self.group.count() - 1
        self.group.setCurrentIndex(max(index, 0))
        if isinstance(leaf.get("days"), int):
            self.days.setValue(leaf["days"])


def field_value_editor(kind: str | None, field_type: str, op: str) -> ValueEditor:
    """The editor for a field condition's value, given what the operator needs."""
    if kind is None:
        return NoValue()
    if kind == "list":
        return ListValue()
    if kind == "pair":
        return PairValue()
    if kind == "amount":
        units = ("days",) if field_type == "date" or op == "in_next" else ("hours", "days")
        return AmountValue(0 if op == "exactly_ago" else 1, units)
    if field_type == "number":
        return NumberValue()
    if field_type in ("date", "datetime"):
        return DateValue(with_time=field_type == "datetime")
    hint = QCoreApplication.translate("RuleWords", "% any text, _ one character") if op == "like" else ""
    return TextValue(hint)
