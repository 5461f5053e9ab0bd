"""Adding and removing members on the Groups page: search, tick, add; select, remove (asked first)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ui.groups_page import GroupsPage
from ui.ops import OpRunner


def _members(page: GroupsPage) -> list[str]:
    return [page.members.item(i).text() for i in range(page.members.count())]


def _results(dialog) -> dict[str, object]:
    return {dialog.results.item(i).text(): dialog.results.item(i) for i in range(dialog.results.count())}


def test_add_members_by_search_and_remove_selected(qtbot, runner, workspace, now) -> None:
    vip = workspace.groups.create("VIP", now)
    anna = workspace.contacts.create({"email": "anna@example.it", "first_name": "Anna", "last_name": "Verdi"}, now)
    bruno = workspace.contacts.create({"email": "bruno@example.it", "first_name": "Bruno"}, now)
    carla = workspace.contacts.create({"phone": "+393331234567", "first_name": "Carla"}, now)
    workspace.groups.add(vip, [anna], now)
    page = GroupsPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert not page.add_members_button.isEnabled()  # no group selected yet
    page.select_group("VIP")
    assert _members(page) == ["anna@example.it — Anna Verdi"]
    assert not page.remove_members_button.isEnabled()

    dialog = page.open_add_members()
    assert "VIP" in dialog.windowTitle()
    assert set(_results(dialog)) == {"bruno@example.it — Bruno", "+393331234567 — Carla"}  # Anna is in already
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.search.setText("bru")
    dialog.run_search()  # what the typing pause triggers
    assert list(_results(dialog)) == ["bruno@example.it — Bruno"]
    _results(dialog)["bruno@example.it — Bruno"].setCheckState(Qt.CheckState.Checked)
    dialog.search.setText("333 123")  # a national phone number, as typed
    dialog.run_search()
    _results(dialog)["+393331234567 — Carla"].setCheckState(Qt.CheckState.Checked)
    assert dialog.ticked() == [bruno, carla]  # ticks survive a new search
    assert ok.isEnabled() and "2" in dialog.note.text()
    ok.click()
    assert workspace.groups.members(vip) == [anna, bruno, carla]
    assert len(_members(page)) == 3 and page.table.item(0, 1).text() == "3"

    for i in range(page.members.count()):
        page.members.item(i).setSelected(page.members.item(i).text() != "anna@example.it — Anna Verdi")
    assert page.selected_member_ids() == [bruno, carla] and page.remove_members_button.isEnabled()
    box = page.remove_selected_members()
    assert "2 contacts" in box.text() and "VIP" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert workspace.groups.members(vip) == [anna, bruno, carla]
    page.remove_selected_members().button(QMessageBox.StandardButton.Yes).click()
    assert workspace.groups.members(vip) == [anna]
    assert _members(page) == ["anna@example.it — Anna Verdi"]
    assert all(workspace.contacts.get(c) is not None for c in (bruno, carla))  # only the membership went


def test_adding_runs_on_the_real_worker_thread(qtbot, workspace, now) -> None:
    vip = workspace.groups.create("VIP", now)
    dora = workspace.contacts.create({"email": "dora@example.it"}, now)
    runner = OpRunner(workspace.data_dir)
    try:
        page = GroupsPage(runner)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
        page.select_group("VIP")
        page.add_to_group(vip, [dora])
        qtbot.waitUntil(lambda: page.members.count() == 1, timeout=5000)
        assert page.members.item(0).data(Qt.ItemDataRole.UserRole) == dora
    finally:
        runner.shutdown()
