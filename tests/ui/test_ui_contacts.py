from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox

from ui.contacts.model import ContactsModel
from ui.contacts.page import ContactsPage
from ui.contacts.queries import BLOCK
from ui.ops import OpRunner


def _column(model: ContactsModel, name: str) -> int:
    return [f.name for f in model.fields].index(name)


def test_model_pages_in_blocks_and_reaches_far_rows(qtbot, runner, many_contacts) -> None:
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    model = page.model
    assert model.rowCount() == BLOCK
    assert model.total == many_contacts
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * BLOCK
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == many_contacts
    email = _column(model, "email")
    assert model.data(model.index(3999, email)) == "c3999@example.com"
    assert model.data(model.index(4999, _column(model, "first_name"))) == "Name4999"
    assert "5,000" in page.count_label.text() or "5000" in page.count_label.text()


def test_model_loads_on_the_real_worker_thread(qtbot, workspace, many_contacts) -> None:
    runner = OpRunner(workspace.data_dir)
    try:
        model = ContactsModel(runner)
        from ui.contacts.queries import field_specs

        model.set_fields(field_specs(workspace))
        model.reload()
        assert model.rowCount() == 0  # nothing yet: the block is being read off the UI thread
        qtbot.waitUntil(lambda: model.rowCount() == BLOCK, timeout=5000)
        qtbot.waitUntil(lambda: model.total == many_contacts, timeout=5000)
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda: model.rowCount() == 2 * BLOCK, timeout=5000)
        assert model.data(model.index(BLOCK, _column(model, "email"))) == f"c{BLOCK}@example.com"
    finally:
        runner.shutdown()


def test_search_by_email_name_and_phone_prefix(qtbot, runner, many_contacts) -> None:
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    model = page.model
    page.search.setText("c42")
    page.apply_search()
    # c42, c420-c429, c4200-c4299
    assert model.total == 1 + 10 + 100
    emails = {model.data(model.index(r, _column(model, "email"))) for r in range(model.rowCount())}
    assert all(e.startswith("c42") for e in emails) and "c4250@example.com" in emails
    page.search.setText("Surname4999")
    page.apply_search()
    assert model.total == 1
    page.search.setText("333 000 12")  # national number, typed with spaces
    page.apply_search()
    assert model.total == 100  # +393330001200 .. +393330001299
    page.search.setText("C4999@Example")  # an e-mail prefix: an index range, any case
    page.apply_search()
    assert model.total == 1
    assert model.data(model.index(0, _column(model, "email"))) == "c4999@example.com"
    page.search.setText("+39 333 000 4999")
    page.apply_search()
    assert model.total == 1
    page.search.setText("nobody-like-this")
    page.apply_search()
    assert model.total == 0 and page.stack.currentWidget() is page.empty
    assert "nobody-like-this" in page.empty.title.text()


def test_empty_workspace_says_how_to_start(qtbot, runner) -> None:
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.title.text() == "No contacts yet — import a CSV"


def test_bad_email_shows_the_error_and_saves_nothing(qtbot, runner, workspace, now) -> None:
    cid = workspace.contacts.create({"email": "anna@example.com", "first_name": "Anna"}, now)
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    dialog = page.open_editor(cid)
    email = dialog.editors["email"].widget
    assert email.text() == "anna@example.com"
    email.setText("anna-at-example")
    dialog.editors["first_name"].widget.setText("Annalisa")
    dialog.save()
    error = dialog.errors["email"]
    assert not error.isHidden() and "not a valid e-mail" in error.text()
    assert dialog.isVisible()
    assert workspace.contacts.get(cid)["first_name"] == "Anna"
    assert not workspace.events.for_contact(cid) or all(
        e["type"] != "field_changed" for e in workspace.events.for_contact(cid))


def test_good_edit_saves_records_the_change_and_sets_groups(qtbot, runner, workspace, now) -> None:
    cid = workspace.contacts.create({"email": "anna@example.com", "first_name": "Anna"}, now)
    vip = workspace.groups.create("VIP", now)
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    dialog = page.open_editor(cid)
    dialog.editors["first_name"].widget.setText("Annalisa")
    from PySide6.QtCore import Qt

    dialog.editors["birthday"].edit.setText("17 May 1990")
    item = dialog.groups_list.item(0)
    assert item.text() == "VIP"
    item.setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    contact = workspace.contacts.get(cid)
    assert contact["first_name"] == "Annalisa" and contact["birthday"] == "1990-05-17"
    changed = {e["payload"]["field"]: e["payload"] for e in workspace.events.for_contact(cid)
               if e["type"] == "field_changed"}
    assert changed["first_name"]["old"] == "Anna" and changed["first_name"]["new"] == "Annalisa"
    assert set(changed) == {"first_name", "birthday"}
    assert workspace.groups.members(vip) == [cid]
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, _column(page.model, "first_name"))) == "Annalisa"


def test_new_contact_and_duplicate_email_is_shown_on_the_field(qtbot, runner, workspace, now) -> None:
    workspace.contacts.create({"email": "taken@example.com"}, now)
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    dialog = page.open_editor(None)
    dialog.save()
    assert "needs an e-mail address or a mobile number" in dialog.errors["email"].text()
    dialog.editors["email"].widget.setText("Taken@Example.com")
    dialog.save()
    assert "already has this e-mail" in dialog.errors["email"].text()
    dialog.editors["email"].widget.setText("new@example.com")
    dialog.editors["phone"].widget.setText("333 123 4567")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    created = workspace.contacts.get(workspace.contacts.find("new@example.com"))
    assert created["phone"] == "+393331234567"
    assert page.model.rowCount() == 2


def test_delete_asks_first(qtbot, runner, workspace, now) -> None:
    keep = workspace.contacts.create({"email": "keep@example.com"}, now)
    drop = workspace.contacts.create({"email": "drop@example.com"}, now)
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(1)
    assert page.selected_ids() == [drop]
    page.delete_selected()
    box = page.findChild(QMessageBox, "confirm_box")
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert workspace.contacts.get(drop) is not None
    page.table.selectRow(1)
    page.delete_selected()
    box = [b for b in page.findChildren(QMessageBox, "confirm_box") if b.isVisible()][0]
    box.button(QMessageBox.StandardButton.Yes).click()
    assert workspace.contacts.get(drop) is None and workspace.contacts.get(keep) is not None
    assert page.model.rowCount() == 1
