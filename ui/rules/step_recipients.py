"""Step 3, Recipients: the groups included and excluded, the condition builder, and the live
count of who matches now."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop.fields import FieldSpec
from ui.ops import OpRunner
from ui.rules.condition_builder import ConditionGroup
from ui.rules.live_count import LiveCountLabel
from ui.rules.step_action import checkable_list, checked_names, set_checked
from ui.rules.step_base import Step


class RecipientsStep(Step):
    prefixes = ("$.audience", "$.conditions")

    def __init__(self, runner: OpRunner, clock: Callable[[], datetime], fields: dict[str, FieldSpec],
                 groups: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_recipients")
        self.include = checkable_list(groups, "audience_include")
        self.exclude = checkable_list(groups, "audience_exclude")
        self.conditions = ConditionGroup(fields, groups)
        self.live = LiveCountLabel(runner, clock, self)
        audience = QGroupBox(self.tr("Groups"))
        lists = QHBoxLayout(audience)
        for title, widget, key in ((self.tr("Only contacts in (none ticked: everyone):"), self.include, "include"),
                                   (self.tr("Except contacts in:"), self.exclude, "exclude")):
            box = QFormLayout()
            box.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            box.addRow(title, widget)
            box.addRow(self.field_error(f"audience.{key}", widget))
            lists.addLayout(box)
        conditions = QGroupBox(self.tr("Conditions"))
        inner_conditions = QVBoxLayout(conditions)
        inner_conditions.addWidget(self.conditions)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(audience)
        layout.addWidget(conditions)
        layout.addStretch(1)
        self.scrolled(inner)
        self.layout().addWidget(self.live)
        self.setTitle(self.tr("Recipients"))
        self.setSubTitle(self.tr("Who the rule is for: groups, then conditions on fields and behaviour."))
        self.include.itemChanged.connect(self.changed)
        self.exclude.itemChanged.connect(self.changed)
        self.conditions.changed.connect(self.changed)

    def load(self, data: dict[str, Any]) -> None:
        audience = data.get("audience") or {}
        set_checked(self.include, audience.get("include", []))
        set_checked(self.exclude, audience.get("exclude", []))
        self.conditions.set_tree(data.get("conditions") or {"all": []})

    def collect(self, data: dict[str, Any]) -> None:
        data["audience"] = {"include": checked_names(self.include), "exclude": checked_names(self.exclude)}
        data["conditions"] = self.conditions.tree()

    def place_error(self, where: str, message: str) -> QWidget:
        if where.startswith("$.conditions"):
            return self.conditions.place_error(where, message)
        return super().place_error(where, message)

    def clear_errors(self) -> None:
        super().clear_errors()
        self.conditions.clear_errors()
