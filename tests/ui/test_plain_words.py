"""Plain words for shop owners: the settings that use a technical word explain it in a
tooltip (sandbox, the time zone, quiet hours), and the statistics' CTOR column says what it
is. Nothing on the settings pages says "IANA"."""

from __future__ import annotations

from ui.resources import LANGUAGE
from ui.settings.view import SettingsView
from ui.statistics.page import StatisticsPage
from ui.statistics.table_model import KEYS


def test_settings_explain_their_technical_words(qtbot, runner) -> None:
    LANGUAGE.switch("it")
    view = SettingsView(runner)
    qtbot.addWidget(view)
    general = view.page("general")
    assert "modalità di prova" in general.widgets["sandbox"].toolTip()
    assert "Continente/Città" in general.widgets["business.timezone"].toolTip()
    assert "24 ore" in general.widgets["business.quiet_hours"].toolTip()
    texts = [w.toolTip() for w in general.widgets.values()] + [label.text() for label in general.labels.values()]
    assert not any("IANA" in t for t in texts)


def test_the_ctor_header_is_explained(qtbot, runner) -> None:
    from PySide6.QtCore import Qt

    LANGUAGE.switch("it")
    page = StatisticsPage(runner)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.headerData(0, Qt.Orientation.Horizontal) == "Regola", timeout=3000)
    column = KEYS.index("ctor")
    tip = page.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "tasso di clic sulle aperture" in tip and "aperture uniche" in tip
