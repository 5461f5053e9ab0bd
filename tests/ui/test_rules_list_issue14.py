"""Issue 14, the rule list and the timeline: Run now asks first (naming the rule and how many
messages would go now), the Active switch is in view at the default window size, and the
timeline's lanes tell long similar rule names apart."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.demo_rules import RULES
from tests.ui.test_rules_page import make_page, prepare, rule
from ui.rules.model import COLUMNS
from ui.simulation.lanes import Lane, TimelineData
from ui.simulation.timeline import AXIS_H, LANE_H, TimelineWidget


def requests(workspace) -> int:
    return workspace.db.execute("SELECT count(*) FROM engine_requests").fetchone()[0]


def test_run_now_names_the_rule_and_the_count_and_only_yes_asks_the_engine(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)  # Anna and Carla speak Italian and are subscribed; Ugo unsubscribed
    workspace.rules.save(rule("Promo italiano", enabled=True), now)
    page = make_page(qtbot, runner, now)
    page.select_rule("Promo italiano")
    page.actions_["run"].trigger()
    box = page.dialog
    assert isinstance(box, QMessageBox) and box.objectName() == "run_confirm" and box.isVisible()
    assert "Run “Promo italiano” now?" in box.text()
    assert "2 messages would go out now" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert requests(workspace) == 0  # nothing asked of the engine
    page.actions_["run"].trigger()
    page.dialog.button(QMessageBox.StandardButton.Yes).click()
    assert requests(workspace) == 1
    page._waiting._timer.stop()  # no engine runs in this test: stop waiting for its answer


def test_run_now_of_a_disabled_rule_says_so_without_asking(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.rules.save(rule("Off"), now)
    page = make_page(qtbot, runner, now)
    page.select_rule("Off")
    page.run_selected()
    assert page.dialog.objectName() == "run_report" and "disabled" in page.dialog.text()


def test_run_now_for_a_group_rule_counts_group_changes(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.groups.ensure("Italiani", now)
    workspace.rules.save(rule("Raggruppa", enabled=True, action={"type": "add_to_group", "group": "Italiani"}), now)
    page = make_page(qtbot, runner, now)
    page.select_rule("Raggruppa")
    page.run_selected()
    assert "Run “Raggruppa” now?" in page.dialog.text() and "contacts would change group now" in page.dialog.text()
    page.dialog.button(QMessageBox.StandardButton.Cancel).click()


def test_the_enabled_switch_is_in_view_at_the_default_window_size(qtbot, runner, workspace, now) -> None:
    from desktop.demo_rules import add_demo_rules
    from ui.main_window import MainWindow

    for name in ("Newsletter", "Hanno cliccato"):
        workspace.groups.ensure(name, now)
    add_demo_rules(workspace, now)
    long_name = "Promemoria carrello abbandonato per i clienti VIP della newsletter di primavera"
    prepare(workspace, now)
    workspace.rules.save(rule(long_name), now)
    window = MainWindow(workspace, runner, state_file=str(workspace.data_dir / "test-window.ini"))
    qtbot.addWidget(window)
    window.show()
    page = window.show_section("rules")
    qtbot.waitUntil(lambda: len(page.model.rows) == len(RULES) + 1, timeout=5000)
    table = page.table
    column = COLUMNS.index("enabled")
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(column) + header.sectionSize(column) <= table.viewport().width()
    assert table.horizontalScrollBar().value() == 0
    row = next(i for i in range(page.proxy.rowCount()) if page.proxy.index(i, 0).data() == long_name)
    assert page.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(long_name)


def lanes(names: list[str], now: datetime) -> TimelineData:
    data = TimelineData(now, now + timedelta(days=2), "Europe/Rome")
    data.lanes = [Lane(name, "Europe/Rome", False) for name in names]
    return data


def test_timeline_lanes_tell_long_similar_names_apart(qtbot, now) -> None:
    names = ["Carrello abbandonato promemoria clienti fedeli newsletter 3 ore",
             "Carrello abbandonato promemoria clienti fedeli newsletter 24 ore"]
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 200)
    widget.set_data(lanes(names, now))
    first, second = widget.lane_label(0), widget.lane_label(1)
    assert first != second and "…" in first and "…" in second
    assert first.endswith("3 ore") and second.endswith("24 ore") and first.startswith("Carrello")
    under = widget.lane_at(QPoint(20, int(AXIS_H + LANE_H * 1.5)))
    assert under == 1 and names[1] in widget.lane_tooltip(under)
    assert widget.lane_at(QPoint(600, int(AXIS_H + LANE_H * 0.5))) is None  # the plot, not the names
    widget.grab()  # paints with the elided labels
    short = TimelineWidget()
    qtbot.addWidget(short)
    short.set_data(lanes(["Benvenuto"], now))
    assert short.lane_label(0) == "Benvenuto"
