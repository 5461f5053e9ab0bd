"""The condition builder: nested AND/OR groups of condition rows, MailUp's recipient filter.

Each row is "subject → operator → value": the subject is a contact field, group membership
or a behaviour; the operators offered come from ``OPS_BY_TYPE`` for the field's type, and the
value editor fits the operator. Rows and groups know their JSON path
(``$.conditions.all[1].any[0]``), so a validation error can be shown on the row it names.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from desktop.fields import FieldSpec
from desktop.rules.conditions import GROUP_OPS, OPS_BY_TYPE
from ui.resources import LANGUAGE
from ui.rules.behaviour_value import BehaviourValue
from ui.rules.value_widgets import GroupValue, ValueEditor, field_value_editor
from ui.rules.words import behaviour_words, group_op_words, joiner_words, op_words
from ui.widgets import error_label, show_field_error

MAX_LEVELS = 20  # MailUp's limit; the engine accepts 32


class ConditionRow(QFrame):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, fields: dict[str, FieldSpec], groups: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("condition_row")
        self.fields = fields
        self.groups = groups
        self.path = ""
        self.subject = QComboBox()
        self.subject.setObjectName("condition_subject")
        self.op = QComboBox()
        self.op.setObjectName("condition_op")
        for combo in (self.subject, self.op):  # long words would widen the wizard: the popup shows them
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.editor: ValueEditor = ValueEditor()
        self.remove_button = QPushButton("✕")
        self.remove_button.setObjectName("remove_condition")
        self.remove_button.setToolTip(self.tr("Remove this condition"))
        self.remove_button.setMaximumWidth(self.fontMetrics().height() * 3)  # a small ✕, not a wide bar
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.error = error_label()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.subject, 2)
        line.addWidget(self.op, 2)
        self._editor_slot = QHBoxLayout()
        line.addLayout(self._editor_slot, 4)
        line.addWidget(self.remove_button)
        # A behaviour's parameters (several editors) go on a line of their own, under its name.
        self._below_slot = QHBoxLayout()
        self._below_slot.setContentsMargins(self.fontMetrics().horizontalAdvance("M") * 2, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addLayout(self._below_slot)
        layout.addWidget(self.error)
        self._fill_subjects()
        self.subject.currentIndexChanged.connect(self._subject_changed)
        self.op.currentIndexChanged.connect(self._op_changed)
        self._subject_changed()

    # --- building -------------------------------------------------------------------------
    def _fill_subjects(self) -> None:
        language = LANGUAGE.code
        for spec in sorted(self.fields.values(), key=lambda s: s.label(language).casefold()):
            self.subject.addItem(self.tr("Field: %1").replace("%1", spec.label(language)), ("field", spec.name))
        self.subject.insertSeparator(self.subject.count())
        self.subject.addItem(self.tr("Group membership"), ("group", ""))
        self.subject.insertSeparator(self.subject.count())
        for name, words in behaviour_words().items():
            self.subject.addItem(words, ("behaviour", name))

    def kind(self) -> tuple[str, str]:
        data = self.subject.currentData()
        return (data[0], data[1]) if data else ("field", "")

    def _subject_changed(self) -> None:
        kind, name = self.kind()
        self.op.blockSignals(True)
        self.op.clear()
        if kind == "field":
            words = op_words()
            for op in OPS_BY_TYPE[self.fields[name].type]:
                self.op.addItem(words.get(op, op), op)
        elif kind == "group":
            words = group_op_words()
            for op in GROUP_OPS:
                self.op.addItem(words[op], op)
        self.op.setVisible(kind != "behaviour")
        self.op.blockSignals(False)
        self._op_changed()

    def _op_changed(self) -> None:
        kind, name = self.kind()
        op = self.op.currentData()
        if kind == "field":
            spec = self.fields[name]
            editor: ValueEditor = field_value_editor(OPS_BY_TYPE[spec.type][op], spec.type, op)
        elif kind == "group":
            editor = GroupValue(self.groups, with_days=op == "joined_ago")
        else:
            language = LANGUAGE.code
            editor = BehaviourValue(name, [(s.name, s.label(language)) for s in self.fields.values()])
        old = self.editor
        self._editor_slot.removeWidget(old)
        self._below_slot.removeWidget(old)
        old.deleteLater()
        self.editor = editor
        editor.setObjectName("condition_value")
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        (self._below_slot if kind == "behaviour" else self._editor_slot).addWidget(editor)
        editor.changed.connect(self.changed)
        self.changed.emit()

    # --- data -----------------------------------------------------------------------------
    def select(self, kind: str, name: str = "", op: str | None = None) -> None:
        """Choose the subject (and operator): what a user does with the two combos."""
        for i in range(self.subject.count()):
            data = self.subject.itemData(i)
            if data and data[0] == kind and (kind == "group" or data[1] == name):
                self.subject.setCurrentIndex(i)
                break
        if op is not None:
            index = self.op.findData(op)
            if index >= 0:
                self.op.setCurrentIndex(index)

    def leaf(self) -> dict[str, Any]:
        kind, name = self.kind()
        if kind == "field":
            return {"field": name, "op": self.op.currentData(), **self.editor.value()}
        if kind == "group":
            value = self.editor.value()
            return {"group": value.pop("group"), "op": self.op.currentData(), **value}
        return {"behaviour": name, **self.editor.value()}

    def set_leaf(self, leaf: dict[str, Any]) -> None:
        if "behaviour" in leaf:
            self.select("behaviour", leaf["behaviour"])
        elif "field" in leaf:
            self.select("field", leaf["field"], leaf.get("op"))
        else:
            self.select("group", "", leaf.get("op", "in"))
        self.editor.set_value(leaf)

    def set_path(self, path: str) -> None:
        self.path = path

    def show_error(self, message: str | None) -> None:
        show_field_error(self.error, message)


class ConditionGroup(QFrame):
    """An AND/OR group: its rows and sub-groups, each removable; the root cannot be removed."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, fields: dict[str, FieldSpec], groups: list[str], depth: int = 1,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("condition_group")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.fields, self.groups, self.depth = fields, groups, depth
        self.path = "$.conditions"
        self.children_: list[ConditionRow | ConditionGroup] = []
        self.joiner = QComboBox()
        self.joiner.setObjectName("joiner")
        for key, words in joiner_words().items():
            self.joiner.addItem(words, key)
        self.joiner.currentIndexChanged.connect(self._renumber)
        self.add_condition_button = QPushButton(self.tr("Add condition"))
        self.add_condition_button.setObjectName("add_condition")
        self.add_condition_button.clicked.connect(lambda: self.add_condition())
        # Not "group": a contact group is something else (the Groups page, "Group membership").
        self.add_group_button = QPushButton(self.tr("Add AND/OR block"))
        self.add_group_button.setToolTip(self.tr("A block of conditions joined by AND or OR, inside this one"))
        self.add_group_button.setObjectName("add_group")
        self.add_group_button.clicked.connect(lambda: self.add_group())
        self.add_group_button.setEnabled(depth < MAX_LEVELS)
        self.remove_button = QPushButton(self.tr("Remove block"))
        self.remove_button.setObjectName("remove_group")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.remove_button.setVisible(depth > 1)
        self.hint = QLabel(self.tr("No conditions: everyone in the audience matches."))
        self.hint.setObjectName("no_conditions")
        self.error = error_label()
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Contacts who match")))
        head.addWidget(self.joiner)
        head.addStretch(1)
        head.addWidget(self.remove_button)
        adders = QHBoxLayout()  # under the rows, so the head line stays narrow at any depth
        adders.addWidget(self.add_condition_button)
        adders.addWidget(self.add_group_button)
        adders.addStretch(1)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(self.fontMetrics().horizontalAdvance("M") * 2, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addLayout(self.body)
        layout.addLayout(adders)
        self._root_was_leaf = False

    def _adopt(self, child: "ConditionRow | ConditionGroup") -> None:
        self.children_.append(child)
        self.body.addWidget(child)
        child.changed.connect(self.changed)
        child.remove_requested.connect(self.remove_child)
        self._renumber()

    def add_condition(self, leaf: dict[str, Any] | None = None) -> ConditionRow:
        row = ConditionRow(self.fields, self.groups, self)
        if leaf is not None:
            row.set_leaf(leaf)
        self._adopt(row)
        return row

    def add_group(self, node: dict[str, Any] | None = None) -> "ConditionGroup":
        group = ConditionGroup(self.fields, self.groups, self.depth + 1, self)
        if node is not None:
            group.set_tree(node)
        self._adopt(group)
        return group

    def remove_child(self, child: QWidget) -> None:
        self.children_.remove(child)  # type: ignore[arg-type]
        self.body.removeWidget(child)
        child.deleteLater()
        self._renumber()

    def set_joiner(self, joiner: str) -> None:
        self.joiner.setCurrentIndex(self.joiner.findData(joiner))

    def _renumber(self) -> None:
        self.set_path(self.path)
        self.hint.setVisible(not self.children_ and self.depth == 1)
        self.changed.emit()

    def set_path(self, path: str) -> None:
        self.path = path
        joiner = self.joiner.currentData()
        for i, child in enumerate(self.children_):
            child.set_path(f"{path}.{joiner}[{i}]")

    # --- data -----------------------------------------------------------------------------
    def tree(self) -> dict[str, Any]:
        children = [c.leaf() if isinstance(c, ConditionRow) else c.tree() for c in self.children_]
        if self._root_was_leaf and len(children) == 1 and self.joiner.currentData() == "all" \
                and isinstance(self.children_[0], ConditionRow):
            return children[0]
        return {self.joiner.currentData(): children}

    def set_tree(self, node: dict[str, Any]) -> None:
        for child in list(self.children_):
            self.remove_child(child)
        joiner = "any" if "any" in node else "all"
        if joiner not in node:  # a single leaf at the top: shown as a one-row AND group
            self._root_was_leaf = True
            node = {"all": [node]}
        self.set_joiner(joiner)
        for child in node[joiner]:
            if "all" in child or "any" in child:
                self.add_group(child)
            else:
                self.add_condition(child)

    def rows(self) -> list[ConditionRow]:
        out: list[ConditionRow] = []
        for child in self.children_:
            out.extend([child] if isinstance(child, ConditionRow) else child.rows())
        return out

    def nodes(self) -> list["ConditionRow | ConditionGroup"]:
        out: list[ConditionRow | ConditionGroup] = [self]
        for child in self.children_:
            out.extend(child.nodes() if isinstance(child, ConditionGroup) else [child])
        return out

    def show_error(self, message: str | None) -> None:
        show_field_error(self.error, message)

    def place_error(self, where: str, message: str) -> QWidget:
        """Show ``message`` on the deepest row or group whose path begins ``where``."""
        best: ConditionRow | ConditionGroup = self
        for node in self.nodes():
            if where == node.path or where.startswith(node.path + ".") or where.startswith(node.path + "["):
                if len(node.path) >= len(best.path):
                    best = node
        best.show_error(message)
        return best

    def clear_errors(self) -> None:
        for node in self.nodes():
            node.show_error(None)
