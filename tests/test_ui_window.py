from __future__ import annotations

from ui.main_window import SECTIONS, MainWindow


def test_main_window_opens_offscreen_with_every_section(qtbot, workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.sidebar.count() == len(SECTIONS)
    window.sidebar.setCurrentRow(1)
    assert window.pages.currentWidget() is window.page_by_key["contacts"]
    assert "contatti" in window.statusBar().currentMessage()
