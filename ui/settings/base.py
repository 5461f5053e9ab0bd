"""A settings page is a list of declared keys; its form is generated from ``DECLARED``.

``load(values)`` fills the widgets, ``save()`` returns the checked values (or ``None``
after showing each problem under its field). Validation is ``desktop.settings.coerce`` —
the same function the CLI's ``settings set`` uses — so the UI cannot accept a value the
engine would refuse.
"""

from __future__ import annotations

from typing import Any

import phonenumbers
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.errors import InputError
from desktop.settings import BY_KEY, Setting, coerce
from desktop.timeutil import zone_names
from ui.resources import LANGUAGE
from ui.widgets import error_label, show_field_error
from ui.words import error_text

CHOICE_WORDS = {
    "it": "Italiano", "en": "English",
    "dmy": QT_TRANSLATE_NOOP("settings", "Day/month/year (31/12/2026)"),
    "mdy": QT_TRANSLATE_NOOP("settings", "Month/day/year (12/31/2026)"),
    "ssl": QT_TRANSLATE_NOOP("settings", "SSL/TLS (port 465)"),
    "starttls": QT_TRANSLATE_NOOP("settings", "STARTTLS (port 587)"),
    "plain": QT_TRANSLATE_NOOP("settings", "None (not encrypted)"),
}
PLACEHOLDERS = {"bands": "21:00-09:00, 13:00-14:30"}
# Settings whose words need explaining to a shop owner (shown as the field's tooltip).
TOOLTIPS = {
    "sandbox": QT_TRANSLATE_NOOP(
        "settings", "Sandbox is a test mode: nothing reaches your customers. Each message is written as a file in "
        "the outbox folder of the workspace, so you can open it and check it. Turn it off to send for real."),
    "business.timezone": QT_TRANSLATE_NOOP(
        "settings", "Where your business is, written Continent/City (e.g. Europe/Rome): quiet hours and "
        "\u201cat 09:00\u201d times follow its clock, summer time included. Type a city to find it."),
    "business.quiet_hours": QT_TRANSLATE_NOOP(
        "settings", "Hours when no message is sent, as start-end bands in 24-hour time, separated by commas "
        "(e.g. 21:00-09:00). A message due then waits for the end of the band."),
}


def choice_text(code: str) -> str:
    # Language names are written in their own language, as language menus usually do.
    if code in ("it", "en"):
        return CHOICE_WORDS[code]
    return QCoreApplication.translate("settings", CHOICE_WORDS.get(code, code))


class SettingsPage(QWidget):
    KEYS: tuple[str, ...] = ()
    NAME = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"settings_{self.NAME}")
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        previous: QWidget | None = None
        for key in self.KEYS:
            setting = BY_KEY[key]
            widget = self._widget(setting)
            widget.setObjectName(f"setting_{key}")
            label = QLabel()
            label.setBuddy(widget)
            error = error_label()
            error.setObjectName(f"error_{key}")
            error.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed: never markup
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            if isinstance(widget, QCheckBox):  # a check box carries its own words
                label.hide()
                self.form.addRow(cell)
            else:
                self.form.addRow(label, cell)
            self.widgets[key], self.errors[key], self.labels[key] = widget, error, label
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget
        self.build_extra()
        self.retranslate_ui()

    # --- what subclasses may add ----------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def intro_text(self) -> str:
        return ""

    def build_extra(self) -> None:
        """Rows that are not declared settings (a password field, a button)."""

    def check_extra(self, values: dict[str, Any]) -> dict[str, str]:
        """Page-specific checks beyond the setting's type: ``{key: problem}``."""
        return {}

    # --- widgets ---------------------------------------------------------------------------
    def _widget(self, setting: Setting) -> QWidget:
        if setting.type == "bool":
            return QCheckBox()
        if setting.type == "int":
            spin = QSpinBox()
            spin.setRange(setting.minimum if setting.minimum is not None else -2**31,
                          min(setting.maximum if setting.maximum is not None else 2**31 - 1, 2**31 - 1))
            spin.setGroupSeparatorShown(True)
            return spin
        if setting.type in ("choice", "timezone", "country"):
            combo = QComboBox()
            if setting.type == "choice":
                for code in setting.choices:
                    combo.addItem(choice_text(code), code)
                return combo
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(zone_names() if setting.type == "timezone" else sorted(phonenumbers.SUPPORTED_REGIONS))
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            combo.setCompleter(completer)
            return combo
        edit = QLineEdit()
        edit.setPlaceholderText(PLACEHOLDERS.get(setting.type, ""))
        return edit

    def load(self, values: dict[str, Any]) -> None:
        for key, widget in self.widgets.items():
            value = values.get(key, BY_KEY[key].default)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
            elif isinstance(widget, QComboBox) and not widget.isEditable():
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
            show_field_error(self.errors[key], None)

    def raw(self, key: str) -> Any:
        widget = self.widgets[key]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData() if not widget.isEditable() else widget.currentText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def save(self) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for key in self.KEYS:
            try:
                values[key] = coerce(BY_KEY[key], self.raw(key))
            except InputError as exc:
                problems[key] = error_text(exc, bare=True)
        if not problems:
            problems = self.check_extra(values)
        for key in self.KEYS:
            show_field_error(self.errors[key], problems.get(key))
        return None if problems else values

    def retranslate_ui(self) -> None:
        for key, label in self.labels.items():
            text = BY_KEY[key].label(LANGUAGE.code)
            widget = self.widgets[key]
            if isinstance(widget, QCheckBox):
                widget.setText(text)
            label.setText(text)
            widget.setToolTip(BY_KEY[key].help(LANGUAGE.code))  # what turning it on implies, if anything
        for widget in self.widgets.values():
            if isinstance(widget, QComboBox) and not widget.isEditable():
                for i in range(widget.count()):
                    widget.setItemText(i, choice_text(widget.itemData(i)))
        for key, tip in TOOLTIPS.items():
            if key in self.widgets:
                self.widgets[key].setToolTip(QCoreApplication.translate("settings", tip))
        self.intro.setText(self.intro_text())
        self.intro.setVisible(bool(self.intro_text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
