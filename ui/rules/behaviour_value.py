"""The parameters of a behaviour condition (“clicked a link in the last N days”, “abandoned a
cart N hours ago”): one editor per parameter, built from the engine's ``BEHAVIOURS`` table, so
a behaviour added there gets its editor without UI changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox, QWidget

from desktop.rules.conditions import BEHAVIOURS, CMPS
from ui.rules.value_widgets import UnitCombo, ValueEditor, _row, date_edit, int_spin, number_spin
from ui.rules.words import channel_words, cmp_words, param_words


class BehaviourValue(ValueEditor):
    """One editor per parameter of a behaviour, built from ``BEHAVIOURS``; optional ones can be
    left out (an unticked box, an empty text, “any channel”)."""

    def __init__(self, behaviour: str, fields: list[tuple[str, str]]) -> None:
        super().__init__()
        self.behaviour = behaviour
        self.editors: dict[str, tuple[str, bool, QWidget, QCheckBox | None]] = {}
        self.loaded: dict[str, Any] = {}
        layout = _row(self)
        words = param_words()
        for raw, kind in BEHAVIOURS[behaviour].items():
            key, optional = raw.rstrip("?"), raw.endswith("?")
            editor = self._editor(kind, fields)
            editor.setObjectName(f"param_{key}")
            switch: QCheckBox | None = None
            if kind == "bool":
                assert isinstance(editor, QCheckBox)
                editor.setText(words.get(key, key))
            elif optional and kind not in ("str", "any", "channel"):
                switch = QCheckBox(words.get(key, key))
                switch.setObjectName(f"use_{key}")
                switch.toggled.connect(editor.setEnabled)
                switch.toggled.connect(self.changed)
                editor.setEnabled(False)
                layout.addWidget(switch)
            elif kind not in ("unit",):
                layout.addWidget(QLabel(words.get(key, key)))
            layout.addWidget(editor)
            self.editors[key] = (kind, optional, editor, switch)
        layout.addStretch(1)

    def _editor(self, kind: str, fields: list[tuple[str, str]]) -> QWidget:
        if kind in ("n", "n0"):
            spin = int_spin(1 if kind == "n" else 0)
            spin.setValue(1)
            spin.valueChanged.connect(self.changed)
            return spin
        if kind == "num":
            spin = number_spin()
            spin.valueChanged.connect(self.changed)
            return spin
        if kind == "unit":
            combo: QComboBox = UnitCombo()
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if kind == "bool":
            box = QCheckBox()
            box.toggled.connect(self.changed)
            return box
        if kind == "date":
            edit = date_edit()
            edit.dateChanged.connect(self.changed)
            return edit
        if kind in ("channel", "cmp", "field"):
            combo = QComboBox()
            if kind == "channel":
                for code, word in channel_words().items():
                    combo.addItem(word, code)
            elif kind == "cmp":
                words = cmp_words()
                for code in CMPS:
                    combo.addItem(words[code], code)
            else:
                for name, label in fields:
                    combo.addItem(label, name)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        line = QLineEdit()
        line.textChanged.connect(self.changed)
        return line

    def value(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, (kind, optional, editor, switch) in self.editors.items():
            if switch is not None and not switch.isChecked():
                continue
            if isinstance(editor, QSpinBox):
                out[key] = editor.value()
            elif isinstance(editor, QDoubleSpinBox):
                out[key] = float(editor.value())
            elif isinstance(editor, UnitCombo):
                out[key] = editor.unit()
            elif isinstance(editor, QCheckBox):
                if editor.isChecked() or key in self.loaded or not optional:
                    out[key] = editor.isChecked()
            elif isinstance(editor, QDateEdit):
                out[key] = editor.date().toString("yyyy-MM-dd")
            elif isinstance(editor, QComboBox):
                if editor.currentData():
                    out[key] = editor.currentData()
            else:
                assert isinstance(editor, QLineEdit)
                text = editor.text()
                if kind == "any" and key in self.loaded and str(self.loaded[key]) == text:
                    out[key] = self.loaded[key]  # keep a number a number when left unchanged
                elif text.strip() or not optional:
                    out[key] = text
        return out

    def set_value(self, leaf: dict[str, Any]) -> None:
        self.loaded = {k: v for k, v in leaf.items() if k != "behaviour"}
        for key, (kind, _optional, editor, switch) in self.editors.items():
            if key not in leaf:
                continue
            value = leaf[key]
            if switch is not None:
                switch.setChecked(True)
            if isinstance(editor, QSpinBox) and isinstance(value, int):
                editor.setValue(value)
            elif isinstance(editor, QDoubleSpinBox) and isinstance(value, (int, float)):
                editor.setValue(float(value))
            elif isinstance(editor, UnitCombo):
                editor.set_unit(str(value))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QDateEdit):
                editor.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
            elif isinstance(editor, QComboBox):
                index = editor.findData(value)
                if index >= 0:
                    editor.setCurrentIndex(index)
            elif isinstance(editor, QLineEdit):
                editor.setText("" if value is None else str(value))
