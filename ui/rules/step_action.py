"""Step 2, Action: what the rule does — send an e-mail or SMS with a template, or move
contacts between groups — and which groups a contact joins or leaves afterwards."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QStackedWidget, QWidget,
)

from desktop.rules.model import ACTIONS, SEND_ACTIONS
from ui.rules.step_base import Step
from ui.rules.words import action_type_words


def checkable_list(names: list[str], object_name: str) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName(object_name)
    for name in names:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(widget.fontMetrics().height() * 8)
    return widget


def checked_names(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def set_checked(widget: QListWidget, names: list[str]) -> None:
    wanted = {n.casefold() for n in names}
    present = {widget.item(i).text().casefold() for i in range(widget.count())}
    for name in names:
        if name.casefold() not in present:  # an unknown group stays visible for validation to name
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            widget.addItem(item)
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text().casefold() in wanted else Qt.CheckState.Unchecked)


def pick(combo: QComboBox, text: str) -> None:
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index < 0 and text:
        combo.addItem(text)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class ActionStep(Step):
    prefixes = ("$.action", "$.after_send", "$.marketing")

    def __init__(self, groups: list[str], templates: list[tuple[str, str]],
                 new_template: Callable[[str], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_action")
        self.templates = templates
        self.kind = QComboBox()
        self.kind.setObjectName("action_type")
        for key, words in action_type_words().items():
            self.kind.addItem(words, key)
        self.template = QComboBox()
        self.template.setObjectName("action_template")
        self.new_template_button = QPushButton(self.tr("New template…"))
        self.new_template_button.setObjectName("new_template")
        self.new_template_button.setVisible(new_template is not None)
        if new_template is not None:
            self.new_template_button.clicked.connect(lambda: new_template(self.channel()))
        self.group = QComboBox()
        self.group.setObjectName("action_group")
        self.source = QComboBox()
        self.source.setObjectName("action_from")
        self.target = QComboBox()
        self.target.setObjectName("action_to")
        for combo in (self.group, self.source, self.target):
            combo.addItems(groups)
            combo.currentIndexChanged.connect(self.changed)
        self.marketing = QCheckBox(self.tr("Marketing message"))
        self.marketing.setObjectName("marketing")
        self.marketing_hint = QLabel(self.tr("Goes only to contacts who agreed to marketing, and counts towards "
                                             "the sending limits. Untick for service messages (a cart, an order)."))
        self.marketing_hint.setWordWrap(True)
        self.marketing.setChecked(True)
        self.add_to = checkable_list(groups, "after_add_to")
        self.remove_from = checkable_list(groups, "after_remove_from")

        send_page = QWidget()
        send_form = QFormLayout(send_page)
        row = QHBoxLayout()
        row.addWidget(self.template, 1)
        row.addWidget(self.new_template_button)
        template_label = QLabel(self.tr("&Template:"))
        template_label.setBuddy(self.template)  # a row of a layout gets no buddy: the & showed as text
        send_form.addRow(template_label, row)
        send_form.addRow("", self.field_error("action.template", self.template))
        self.starter = ""  # a recipe's starting template, created when the rule is saved
        self.starter_note = QLabel()
        self.starter_note.setObjectName("starter_note")
        self.starter_note.setWordWrap(True)
        self.starter_note.setVisible(False)
        send_form.addRow("", self.starter_note)
        send_form.addRow("", self.marketing)
        send_form.addRow("", self.marketing_hint)
        group_page = QWidget()
        group_form = QFormLayout(group_page)
        group_form.addRow(self.tr("&Group:"), self.group)
        group_form.addRow("", self.field_error("action.group", self.group))
        move_page = QWidget()
        move_form = QFormLayout(move_page)
        move_form.addRow(self.tr("&From group:"), self.source)
        move_form.addRow("", self.field_error("action.from", self.source))
        move_form.addRow(self.tr("&To group:"), self.target)
        move_form.addRow("", self.field_error("action.to", self.target))
        self.details = QStackedWidget()
        for page in (send_page, group_page, move_page):
            self.details.addWidget(page)
        after = QGroupBox(self.tr("Afterwards"))
        after_form = QFormLayout(after)
        after_form.addRow(self.tr("Add to groups:"), self.add_to)
        after_form.addRow("", self.field_error("after_send.add_to", self.add_to))
        after_form.addRow(self.tr("Remove from groups:"), self.remove_from)
        after_form.addRow("", self.field_error("after_send.remove_from", self.remove_from))
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Action:"), self.kind)
        form.addRow("", self.field_error("action", self.kind))
        form.addRow(self.details)
        form.addRow(after)
        self.scrolled(inner)
        self.setTitle(self.tr("Action"))
        self.setSubTitle(self.tr("What happens to each contact the rule selects."))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.template.currentIndexChanged.connect(self.changed)
        self.template.currentIndexChanged.connect(lambda _i: self._show_starter())
        self.marketing.toggled.connect(self.changed)
        self.add_to.itemChanged.connect(self.changed)
        self.remove_from.itemChanged.connect(self.changed)
        self._kind_changed()

    def action_type(self) -> str:
        return str(self.kind.currentData())

    def channel(self) -> str:
        return "sms" if self.action_type() == "send_sms" else "email"

    def set_action_type(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def set_templates(self, templates: list[tuple[str, str]], select: str | None = None) -> None:
        self.templates = templates
        self._fill_templates(select)

    def set_starter(self, name: str | None) -> None:
        self.starter = name or ""
        self._show_starter()

    def _show_starter(self) -> None:
        chosen = self.starter and (self.template.currentData() or "").casefold() == self.starter.casefold()
        self.starter_note.setVisible(bool(chosen))
        if chosen:
            self.starter_note.setText(self.tr("A new template from the recipe: it is created when you save the rule; "
                                              "change its text under Templates."))

    def _fill_templates(self, select: str | None = None) -> None:
        keep = select if select is not None else self.template.currentText()
        self.template.blockSignals(True)
        self.template.clear()
        self.template.addItem(self.tr("— choose a template —"), "")
        for name, channel in self.templates:
            if channel == self.channel():
                self.template.addItem(name, name)
        index = self.template.findData(keep) if keep else 0
        self.template.setCurrentIndex(max(index, 0))
        self.template.blockSignals(False)

    def _kind_changed(self) -> None:
        kind = self.action_type()
        self.details.setCurrentIndex(0 if kind in SEND_ACTIONS else 2 if kind == "move_to_group" else 1)
        if kind in SEND_ACTIONS:
            self._fill_templates()
        self.changed.emit()

    def load(self, data: dict[str, Any]) -> None:
        action = data.get("action") or {"type": "send_email"}
        self.set_action_type(action.get("type", "send_email"))
        if "template" in action:
            if self.template.findData(action["template"]) < 0:
                self.template.addItem(action["template"], action["template"])
            self.template.setCurrentIndex(self.template.findData(action["template"]))
        for key, combo in (("group", self.group), ("from", self.source), ("to", self.target)):
            if key in action:
                pick(combo, action[key])
        self.marketing.setChecked(bool(data.get("marketing", True)))
        after = data.get("after_send") or {}
        set_checked(self.add_to, after.get("add_to", []))
        set_checked(self.remove_from, after.get("remove_from", []))

    def collect(self, data: dict[str, Any]) -> None:
        kind = self.action_type()
        action: dict[str, Any] = {"type": kind}
        for key in ACTIONS[kind]:
            if key == "template":
                action[key] = self.template.currentData() or ""
            else:
                action[key] = {"group": self.group, "from": self.source, "to": self.target}[key].currentText()
        data["action"] = action
        data["marketing"] = self.marketing.isChecked()
        data["after_send"] = {"add_to": checked_names(self.add_to), "remove_from": checked_names(self.remove_from)}
