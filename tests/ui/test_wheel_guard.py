"""The wheel scrolls the page and never flips a field the person is not typing in (found on
the rule wizard's Frequency step: the time zone became "Africa/Bissau" while scrolling)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from tests.ui.test_rules_wizard import fill_rule, open_new, prepare
from ui.rules.wizard import FREQUENCY


def turn_wheel_over(qtbot, widget: QWidget, notches: int = -1) -> None:
    """A real wheel turn from the window system (spontaneous, so Qt propagates it)."""
    window = widget.window().windowHandle()
    assert window is not None
    centre = widget.mapTo(widget.window(), widget.rect().center())
    QTest.wheelEvent(window, QPointF(centre), QPoint(0, 120 * notches))
    QApplication.processEvents()


def scroll_area_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None
    return parent


def test_wheel_over_the_time_zone_scrolls_the_page_and_keeps_the_zone(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = open_new(qtbot, runner, now)
    fill_rule(qtbot, wizard, "Wheel")
    assert wizard.currentId() == FREQUENCY
    wizard.resize(1000, 420)  # short, so the step scrolls
    qtbot.waitExposed(wizard)
    zone = wizard.frequency.zone
    area = scroll_area_of(zone)
    area.ensureWidgetVisible(zone)
    QApplication.processEvents()
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum() // 2)
    area.ensureWidgetVisible(zone)
    QApplication.processEvents()
    wizard.setFocus()
    assert not zone.hasFocus()
    before_text, before_scroll = zone.currentText(), area.verticalScrollBar().value()
    turn_wheel_over(qtbot, zone)
    assert zone.currentText() == before_text  # "Business time zone (Europe/Rome)", not a zone
    assert area.verticalScrollBar().value() != before_scroll  # the page scrolled instead
    assert not zone.hasFocus()  # the wheel does not give focus either


def test_a_focused_field_still_takes_the_wheel(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    _page, wizard = open_new(qtbot, runner, now)
    fill_rule(qtbot, wizard, "Wheel")
    qtbot.waitExposed(wizard)
    every = wizard.frequency.check_every
    every.setFocus()
    wizard.activateWindow()
    qtbot.waitUntil(every.hasFocus)
    before = every.value()
    turn_wheel_over(qtbot, every, notches=1)
    assert every.value() == before + 1


def test_installing_twice_keeps_one_guard(qapp) -> None:
    from ui.wheel_guard import WheelGuard, install

    assert install(qapp) is install(qapp)  # the fixtures and make_application may both call it
    assert len(qapp.findChildren(WheelGuard)) == 1
