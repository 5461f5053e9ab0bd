"""The rule list: columns, enable/disable, duplicate, delete, simulate, export/import, run now."""

from __future__ import annotations

import json
from types import SimpleNamespace
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import pytest

from desktop.errors import InputError
from desktop.service.engine import Engine
from desktop.templates import Templates
from desktop.timeutil import to_db
from desktop.workspace import Workspace
from ui.ops import OpRunner
from ui.rules.model import COLUMNS
from ui.rules.page import RulesPage

CONDITIONS = {"all": [{"field": "language", "op": "eq", "value": "it"}]}


def prepare(ws: Workspace, now: datetime) -> dict[str, int]:
    Templates(ws.db).create("Hello", "email", subject="Hi {{ first_name }}", html="<p>Hi</p>", now=now)
    clienti = ws.groups.create("Clienti", now)
    ids = {}
    for name, language in (("Anna", "it"), ("Bruno", "en"), ("Carla", "it")):
        ids[name] = ws.contacts.create({"email": f"{name.lower()}@example.it", "first_name": name,
                                        "language": language, "email_status": "subscribed"}, now)
    ws.contacts.create({"email": "ugo@example.it", "language": "it", "email_status": "unsubscribed"}, now)
    ws.groups.add(clienti, list(ids.values()), now)
    return ids


def rule(name: str, **extra) -> dict:
    return {"name": name, "tags": ["promo"], "action": {"type": "send_email", "template": "Hello"},
            "conditions": CONDITIONS, "schedule": {"check": {"every_minutes": 15}}, **extra}


def make_page(qtbot, runner, now) -> RulesPage:
    page = RulesPage(runner, clock=lambda: now)
    qtbot.addWidget(page)
    page.show()
    return page


def names(page: RulesPage) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def visible_box(page: RulesPage, name: str) -> QMessageBox:
    boxes = [b for b in page.findChildren(QMessageBox, name) if b.isVisible()]
    assert len(boxes) == 1, name
    return boxes[0]


def test_columns_search_tags_and_sort(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.rules.save(rule("Zeta", tags=["news"], enabled=True), now)
    beta = workspace.rules.save(rule("Beta"), now)
    workspace.db.execute("INSERT INTO rule_checks(rule_id, checked_at, error) VALUES (?, ?, ?)",
                         [beta.id, to_db(now), "OperationalError: disk I/O error"])
    page = make_page(qtbot, runner, now)
    assert page.stack.currentWidget() is page.table
    assert names(page) == ["Beta", "Zeta"]
    zeta = page.proxy.index(1, 0).row()
    cells = dict(zip(COLUMNS, (page.proxy.index(zeta, c).data() for c in range(page.proxy.columnCount()))))
    assert [cells[k] for k in ("name", "tags", "action", "trigger", "frequency")] == [
        "Zeta", "news", "Send e-mail “Hello”", "Language", "every 15 minutes"]
    # Enabled and saved on one of its slots (09:30 UTC = 10:30 in Rome): the engine checks it
    # at once, and the column says the engine's own answer.
    assert cells["next_check"] != "" and cells["enabled"] == "On"
    assert "10:30" in cells["next_check"]
    assert page.proxy.index(0, 9).data() == "OperationalError: disk I/O error"
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["Zeta", "Beta"]
    qtbot.keyClicks(page.search, "bet")
    assert names(page) == ["Beta"]
    page.search.clear()
    page.tag_filter.setCurrentIndex(page.tag_filter.findData("news"))
    assert names(page) == ["Zeta"]
    page.focus_search()
    assert page.focusWidget() is page.search


def test_enable_disable_duplicate_delete(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    saved = workspace.rules.save(rule("Promo"), now)
    page = make_page(qtbot, runner, now)
    switch = page.proxy.index(0, COLUMNS.index("enabled"))
    assert page.proxy.setData(switch, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole) is False
    assert workspace.rules.get(saved.id).enabled
    assert page.proxy.index(0, COLUMNS.index("enabled")).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    page.select_rule("Promo")
    page.actions_["toggle"].trigger()
    assert not workspace.rules.get(saved.id).enabled

    page.select_rule("Promo")
    page.actions_["duplicate"].trigger()
    page.select_rule("Promo")
    page.duplicate_selected()
    assert sorted(names(page)) == ["Promo", "Promo (copy 2)", "Promo (copy)"]
    copy = workspace.rules.find("Promo (copy)")
    assert copy is not None and not copy.enabled and copy.conditions == saved.conditions

    page.select_rule("Promo (copy)")
    page.actions_["delete"].trigger()
    box = visible_box(page, "confirm_box")
    assert "Promo (copy)" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert workspace.rules.find("Promo (copy)") is not None
    page.select_rule("Promo (copy)")
    page.delete_selected()
    visible_box(page, "confirm_box").button(QMessageBox.StandardButton.Yes).click()
    assert workspace.rules.find("Promo (copy)") is None
    assert sorted(names(page)) == ["Promo", "Promo (copy 2)"]


def test_enabling_a_conflicting_rule_asks_first(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.rules.save(rule("First", enabled=True), now)
    second = workspace.rules.save(rule("Second"), now)
    page = make_page(qtbot, runner, now)
    page.select_rule("Second")
    page.toggle_selected()
    box = visible_box(page, "confirm_box")
    assert "First" in box.text() and "same condition" in box.text()
    assert not workspace.rules.get(second.id).enabled
    box.button(QMessageBox.StandardButton.Yes).click()
    assert workspace.rules.get(second.id).enabled


def test_simulate_shows_mailup_counts_and_exports_csv(qtbot, runner, workspace, now, tmp_path) -> None:
    ids = prepare(workspace, now)
    saved = workspace.rules.save(rule("Promo"), now)
    workspace.db.execute(
        "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, sent_at, updated_at) "
        "VALUES (?, ?, 'once', 'email', 'sent', ?, ?, ?, ?)", [saved.id, ids["Anna"], *[to_db(now)] * 4])
    page = make_page(qtbot, runner, now)
    page.select_rule("Promo")
    page.actions_["simulate"].trigger()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text() == ("If the rule ran now: 1 would be selected, 1 discarded as already sent, "
                             "1 left out (no consent).")
    out = dialog.export(str(tmp_path / "promo.csv"))
    lines = (tmp_path / "promo.csv").read_text(encoding="utf-8").splitlines()
    assert out and lines[0].startswith("contact_id,email")
    assert [line.split(",")[5] for line in lines[1:]] == ["selected", "already_sent", "left_out"]
    assert lines[1].split(",")[1] == "carla@example.it"
    assert dialog.isVisible()  # exporting does not close the answer


def test_export_then_import_json(qtbot, runner, workspace, now, tmp_path) -> None:
    prepare(workspace, now)
    workspace.rules.save(rule("One"), now)
    workspace.rules.save(rule("Two", enabled=True), now)
    page = make_page(qtbot, runner, now)
    target = tmp_path / "rules.json"
    page.export_rules(str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [r["name"] for r in data["rules"]] == ["One", "Two"]
    assert "2 rules saved" in visible_box(page, "export_done").text()
    for r in workspace.rules.all():
        workspace.rules.delete(r.id)
    page.refresh()
    assert page.stack.currentWidget() is page.empty

    bad = json.loads(target.read_text(encoding="utf-8"))
    bad["rules"][1]["conditions"]["all"][0]["op"] = "sounds_like"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(bad), encoding="utf-8")
    errors: list[BaseException] = []
    runner.failed.connect(errors.append)
    page.import_rules(str(broken), replace=False)
    assert workspace.rules.all() == []  # all or nothing: the good first rule is not written either
    message = visible_box(page, "op_error_box").text()
    assert "$.rules[1].conditions.all[0].op" in message and "broken.json" in message
    assert errors

    page.import_rules(str(target), replace=False)
    assert names(page) == ["One", "Two"]
    assert "2 rules added" in visible_box(page, "import_done").text()
    assert workspace.rules.find("Two").enabled
    page.import_rules(str(target), replace=False)  # the names exist now
    assert "already exists" in [b for b in page.findChildren(QMessageBox, "op_error_box") if b.isVisible()][-1].text()
    page.import_rules(str(target), replace=True)
    assert "2 replaced" in [b for b in page.findChildren(QMessageBox, "import_done") if b.isVisible()][-1].text()


def test_run_now_writes_to_the_sandbox_outbox(qtbot, runner, workspace, now) -> None:
    prepare(workspace, now)
    workspace.settings.set("sandbox", True, now)
    workspace.rules.save(rule("Off"), now)
    workspace.rules.save(rule("Promo", enabled=True), now)
    page = make_page(qtbot, runner, now)
    page.select_rule("Off")
    page.run_selected()
    assert "disabled" in page.dialog.text()
    # The running engine does the work: the page only asks it, and shows its answer. Saved
    # "now" with a nightly check, the rule is not due by itself while the test runs.
    promo = workspace.rules.find("Promo")
    # No quiet hours: the engine sends at the real time, which in a CI run may be 21:00-09:00 Rome.
    night_free = {"check": {"times": ["03:00"]}, "quiet_hours": {"bands": [], "business_default": False}}
    workspace.rules.save({**promo.to_dict(), "schedule": night_free}, datetime.now(timezone.utc),
                         promo.id)
    engine = Engine(workspace.data_dir, watch_every=timedelta(seconds=0.2))
    engine.start()
    try:
        page.select_rule("Promo")
        page.actions_["run"].trigger()
        assert page.dialog.objectName() == "run_confirm"  # names the rule and the count, then asks
        page.dialog.button(QMessageBox.StandardButton.Yes).click()
        qtbot.waitUntil(lambda: page.dialog is not None and "matched" in page.dialog.text(), timeout=15000)
    finally:
        engine.stop()
    report = page.dialog.text()
    assert "2 matched, 2 booked" in report and "2 sent" in report
    files = sorted(p.name for p in workspace.outbox_dir.rglob("*") if p.is_file())
    assert len(files) == 2, files
    assert workspace.db.execute("SELECT count(*) FROM ledger WHERE state = 'sent'").fetchone()[0] == 2
    promo = [r for r in page.model.rows if r.name == "Promo"][0]
    assert promo.sent_7d == 2 and promo.last_check is not None and promo.last_check > now  # the engine's clock


def test_threaded_runner_lists_rules_and_counts_live(qtbot, workspace, now) -> None:
    """The real worker thread: the page and the wizard never touch SQLite on the UI thread."""
    prepare(workspace, now)
    workspace.rules.save(rule("Promo"), now)
    runner = OpRunner(workspace.data_dir)
    try:
        page = RulesPage(runner, clock=lambda: now)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: names(page) == ["Promo"], timeout=5000)
        page.select_rule("Promo")
        page.edit_selected()
        qtbot.waitUntil(lambda: page.wizard is not None, timeout=5000)
        live = page.wizard.recipients.live
        qtbot.waitUntil(lambda: live.result is not None and not live.pending, timeout=5000)
        assert (live.result.matched, live.result.left_out) == (2, 1)
        page.wizard.recipients.conditions.rows()[0].editor.edit.setText("en")
        qtbot.waitUntil(lambda: live.result.matched == 1 and not live.pending, timeout=5000)
        page.wizard.reject()
        page.select_rule("Promo")
        page.toggle_selected()
        qtbot.waitUntil(lambda: page.model.rows and page.model.rows[0].enabled, timeout=5000)
    finally:
        runner.shutdown()


def test_simulate_in_the_main_window_opens_the_simulation_page(qtbot, runner, workspace, now) -> None:
    from ui.main_window import MainWindow

    prepare(workspace, now)
    workspace.rules.save(rule("Promo"), now)
    window = MainWindow(workspace, runner, state_file=str(workspace.data_dir / "test-window.ini"))
    qtbot.addWidget(window)
    page = window.show_section("rules")
    assert isinstance(page, RulesPage) and window.current_page() is page
    page.select_rule("Promo")
    page.simulate_selected()
    simulation = window.page_by_key["simulation"]
    assert window.current_page() is simulation
    assert page.dialog is None  # the timeline answers, not the small dialog


def test_the_simulation_list_is_never_written_over_the_workspace(qtbot, runner, workspace, now) -> None:
    """Both of the app's CSV writers went straight to the named file: choosing postino.db in
    the save dialog replaced the whole workspace with a CSV."""
    from desktop.simulate import simulate
    from ui.simulation.run import write_csv

    prepare(workspace, now)
    workspace.rules.save(rule("Promo", enabled=True), now)
    page = make_page(qtbot, runner, now)
    page.select_rule("Promo")
    page.actions_["simulate"].trigger()
    before = workspace.db_path.read_bytes()[:100]
    assert page.dialog.export(str(workspace.db_path)) is None
    assert page.dialog.refused.isVisible() and "postino.db" in page.dialog.refused.text()
    result = simulate(workspace, start=now, horizon=timedelta(days=1))
    with pytest.raises(InputError):
        write_csv(SimpleNamespace(ws=workspace), result, str(workspace.db_path))  # what the worker passes: c.ws
    assert workspace.db_path.read_bytes()[:100] == before and workspace.rules.find("Promo") is not None
