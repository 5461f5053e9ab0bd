from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ui.groups_page import GroupsPage


def _names(page: GroupsPage) -> list[str]:
    return [page.table.item(r, 0).text() for r in range(page.table.rowCount())]


def test_create_rename_delete_and_members(qtbot, runner, workspace, now) -> None:
    page = GroupsPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert page.stack.currentWidget() is page.empty
    page.new_item()
    dialog = page.input_dialog
    dialog.setTextValue("  Newsletter ")
    dialog.accept()
    assert _names(page) == ["Newsletter"]
    assert page.stack.currentIndex() == 0
    group_id = workspace.groups.find("Newsletter")
    contacts = [workspace.contacts.create({"email": f"m{i}@example.com", "first_name": f"M{i}"}, now)
                for i in range(3)]
    workspace.groups.add(group_id, contacts[:2], now)
    page.refresh()
    page.select_group("Newsletter")
    assert page.table.item(0, 1).text() == "2"
    assert [page.members.item(i).text() for i in range(page.members.count())] == [
        "m0@example.com — M0", "m1@example.com — M1"]
    assert page.members_title.text() == "2 members"

    page.rename_selected()
    page.input_dialog.setTextValue("Clienti")
    page.input_dialog.accept()
    assert _names(page) == ["Clienti"] and workspace.groups.name_of(group_id) == "Clienti"

    workspace.groups.create("VIP", now)
    page.refresh()
    page.select_group("VIP")
    page.rename_selected()
    page.input_dialog.setTextValue("clienti")  # names are unique, case-insensitively
    page.input_dialog.accept()
    box = page.findChild(QMessageBox, "op_error_box")
    assert box is not None and "already exists" in box.text()
    assert sorted(_names(page)) == ["Clienti", "VIP"]

    page.select_group("Clienti")
    page.delete_selected()
    confirm = [b for b in page.findChildren(QMessageBox, "confirm_box") if b.isVisible()][0]
    assert "Clienti" in confirm.text()
    confirm.button(QMessageBox.StandardButton.Yes).click()
    assert _names(page) == ["VIP"] and workspace.groups.find("Clienti") is None
    assert all(workspace.contacts.get(c) is not None for c in contacts)  # contacts are kept


def test_a_group_rules_use_cannot_be_deleted_and_renaming_it_carries_them(qtbot, runner, workspace, now) -> None:
    from desktop.templates import Templates

    Templates(workspace.db).create("T", "email", subject="s", html="<p>x</p>", now=now)
    workspace.groups.create("VIP", now)
    workspace.rules.save({"name": "Promo VIP", "action": {"type": "send_email", "template": "T"},
                          "conditions": {"all": [{"group": "VIP", "op": "in"}]}, "resend": {"policy": "once"}}, now)
    page = GroupsPage(runner)
    qtbot.addWidget(page)
    page.show()
    page.select_group("VIP")
    page.delete_selected()
    box = page.findChild(QMessageBox, "group_in_use_box")
    assert box is not None and "“Promo VIP”" in box.text()
    box.accept()
    assert not [b for b in page.findChildren(QMessageBox, "confirm_box") if b.isVisible()]
    page.rename_selected()
    page.input_dialog.setTextValue("Clienti VIP")
    page.input_dialog.accept()
    assert _names(page) == ["Clienti VIP"]
    assert workspace.rules.find("Promo VIP").to_dict()["conditions"] == {"all": [{"group": "Clienti VIP", "op": "in"}]}
