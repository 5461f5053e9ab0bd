"""The mouse wheel scrolls the page; it changes a value only in the field the person is typing in.

Qt lets a combo box, spin box or date edit take a wheel turn whenever the pointer passes over
it, so scrolling the rule wizard's Frequency page flipped the time zone to "Africa/Bissau"
without anyone noticing. One application-wide event filter fixes every such field at once:
those fields take focus only by click or Tab (``Qt.StrongFocus``, never by wheel), and a wheel
turn over one that has no keyboard focus is left unaccepted, so Qt hands it to the parents and
the scroll area around it scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit / QDateTimeEdit are spin boxes


def _field_of(obj: QObject) -> QWidget | None:
    """The combo or spin box ``obj`` is, or is part of (an editable combo's line edit)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None:
        if isinstance(widget, GUARDED):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


def _has_keyboard_focus(field: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is field or field.isAncestorOf(focused))


class WheelGuard(QObject):
    """Installed once on the QApplication (``install``); see the module docstring."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, GUARDED):
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        field = _field_of(obj)
        if field is None or _has_keyboard_focus(field):
            return False
        if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        event.ignore()  # not ours: QApplication passes it on to the parents (the scroll area)
        return True


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once; a second call returns the guard already there."""
    guard = app.findChild(WheelGuard, "wheel_guard")
    if isinstance(guard, WheelGuard):
        return guard
    guard = WheelGuard(app)
    guard.setObjectName("wheel_guard")
    app.installEventFilter(guard)
    return guard
