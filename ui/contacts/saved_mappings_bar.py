"""Reuse a mapping saved earlier, or save the one on screen under a name for next time.

The mappings live in the workspace (``desktop.contacts.saved_mappings``), the same ones the
command line's ``--save-mapping`` / ``--preset NAME`` use.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

Mapping = dict[str, str | None]


class SavedMappingsBar(QWidget):
    def __init__(self, apply: Callable[[Mapping], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.apply = apply
        self.saved: dict[str, Mapping] = {}
        self.use = QComboBox()
        self.use.setObjectName("saved_mapping")
        self.use.activated.connect(self._chosen)
        self.save_as = QLineEdit()
        self.save_as.setObjectName("save_mapping_as")
        self.save_as.setClearButtonEnabled(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.use_label, self.save_label = self.tr("Use saved columns:"), self.tr("Save these columns as:")
        form.addRow(self.use_label, self.use)
        form.addRow(self.save_label, self.save_as)
        self.retranslate()

    def retranslate(self) -> None:
        layout = self.layout()
        assert isinstance(layout, QFormLayout)
        for row, text in ((0, self.tr("Use saved columns:")), (1, self.tr("Save these columns as:"))):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if label is not None and label.widget() is not None:
                label.widget().setText(text)  # type: ignore[attr-defined]
        self.save_as.setPlaceholderText(self.tr("a name, to reuse next time (optional)"))
        self.set_saved(self.saved)

    def set_saved(self, saved: dict[str, Mapping]) -> None:
        self.saved = saved
        self.use.clear()
        self.use.addItem(self.tr("—"), "")
        for name in sorted(saved):
            self.use.addItem(name, name)
        self.setVisible(True)

    def _chosen(self, _index: int) -> None:
        name = self.use.currentData()
        if name:
            self.apply(self.saved[name])

    def name(self) -> str | None:
        return self.save_as.text().strip() or None
