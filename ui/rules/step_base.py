"""What every wizard step shares: loading its part of the rule, collecting it back, and
showing a validation error on the widget its JSON path names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from ui.widgets import error_label, show_field_error


class Step(QWizardPage):
    changed = Signal()
    prefixes: tuple[str, ...] = ()  # the JSON paths this step owns, e.g. "$.name"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.error_widgets: dict[str, QWidget] = {}
        self.page_error = error_label()
        self.page_error.setObjectName("page_error")

    def scrolled(self, inner: QWidget) -> None:
        """Put the step's content in a scroll area (tall steps at 200 % scaling still fit)."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page_error)
        layout.addWidget(area)

    def field_error(self, key: str, widget: QWidget) -> QLabel:
        label = error_label()
        label.setObjectName(f"error_{key}")
        self.errors[key] = label
        self.error_widgets[key] = widget
        return label

    def owns(self, where: str) -> bool:
        return any(where == p or where.startswith(p + ".") or where.startswith(p + "[") for p in self.prefixes)

    def error_key(self, where: str) -> str | None:
        """The key of ``self.errors`` for a JSON path: the longest registered prefix."""
        best = None
        for key in self.errors:
            path = "$." + key
            if where == path or where.startswith(path + ".") or where.startswith(path + "["):
                if best is None or len(key) > len(best):
                    best = key
        return best

    def place_error(self, where: str, message: str) -> QWidget:
        key = self.error_key(where)
        if key is None:
            show_field_error(self.page_error, message)
            return self.page_error
        show_field_error(self.errors[key], message)
        return self.error_widgets[key]

    def clear_errors(self) -> None:
        show_field_error(self.page_error, None)
        for label in self.errors.values():
            show_field_error(label, None)

    def cleanupPage(self) -> None:
        """Going Back keeps what the step holds (QWizard's default resets its registered fields,
        which emptied the name on the way back to the Start step)."""

    def load(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def collect(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
