"""The rules toolbar does not move under the pointer: the Enable/Disable button keeps one
width (its widest text in the current language), so Simulate stays where it was."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.test_rules_page import make_page, prepare, rule
from ui.resources import LANGUAGE


def left_edges(page) -> dict[str, int]:
    QApplication.processEvents()
    return {key: page.toolbar.widgetForAction(page.actions_[key]).geometry().x()
            for key in ("delete", "simulate", "run", "export")}


def check_still(page) -> None:
    page.table.clearSelection()
    still = left_edges(page)
    for name, word in (("On", page.tr("Disable")), ("Off", page.tr("Enable"))):
        assert page.select_rule(name)
        assert page.actions_["toggle"].text() == word
        assert left_edges(page) == still, name
    button = page.toolbar.widgetForAction(page.actions_["toggle"])
    assert button.width() >= button.sizeHint().width()  # the text is not clipped either


def test_selecting_rules_moves_no_toolbar_button(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.rules.save(rule("On", enabled=True), now)
    workspace.rules.save(rule("Off"), now)
    page = make_page(qtbot, runner, now)
    page.resize(1180, 700)
    check_still(page)
    LANGUAGE.switch("it")  # the widest word is Italian now, measured again
    QApplication.processEvents()
    page.table.clearSelection()
    assert page.actions_["toggle"].text() == "Attiva/disattiva"
    check_still(page)
