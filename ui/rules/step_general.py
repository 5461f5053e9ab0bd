"""Step 1, General: name, description, tags and whether the rule is enabled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from ui.rules.step_base import Step


def split_tags(text: str) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class GeneralStep(Step):
    prefixes = ("$.name", "$.description", "$.tags", "$.enabled", "$.format", "$.id", "$")

    def __init__(self, known_tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_general")
        self.name = QLineEdit()
        self.name.setObjectName("rule_name")
        self.name.setMaxLength(120)
        self.description = QPlainTextEdit()
        self.description.setObjectName("rule_description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().height() * 5)
        self.tags = QLineEdit()
        self.tags.setObjectName("rule_tags")
        completer = QCompleter(known_tags, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.enabled = QCheckBox()
        self.enabled.setObjectName("rule_enabled")
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form = form
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.field_error("name", self.name))
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Tags:"), self.tags)
        form.addRow("", self.field_error("tags", self.tags))
        form.addRow("", self.enabled)
        self.scrolled(inner)
        self.retranslate_ui()
        for signal in (self.name.textChanged, self.description.textChanged, self.tags.textChanged,
                       self.enabled.toggled):
            signal.connect(self.changed)
        self.name.textChanged.connect(self.completeChanged)
        self.registerField("name*", self.name)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("General"))
        self.setSubTitle(self.tr("Name the automatic send so you recognise it in the list."))
        self.tags.setPlaceholderText(self.tr("Words separated by commas, e.g. cart, reminders"))
        self.enabled.setText(self.tr("&Enabled: check the conditions on the schedule and send"))
        self.enabled.setToolTip(self.tr("Advice: set up, simulate, then enable."))

    def load(self, data: dict[str, Any]) -> None:
        self.name.setText(data.get("name", ""))
        self.description.setPlainText(data.get("description", ""))
        self.tags.setText(", ".join(data.get("tags", [])))
        self.enabled.setChecked(bool(data.get("enabled", False)))

    def collect(self, data: dict[str, Any]) -> None:
        data["name"] = self.name.text().strip()
        data["description"] = self.description.toPlainText()
        data["tags"] = split_tags(self.tags.text())
        data["enabled"] = self.enabled.isChecked()
