"""The Templates page: create, edit, syntax errors at their field, preview, delete rules."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.templates import Templates
from ui.templates.editor import TemplateDialog
from ui.templates.page import TemplatesPage


def _names(page: TemplatesPage) -> list[str]:
    return sorted(page.table.item(r, 0).text() for r in range(page.table.rowCount()))


def test_create_edit_with_a_syntax_error_shown_at_its_field(runner, workspace, now, qtbot) -> None:
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert _names(page) == []
    page.new_template("email")
    editor = page.editor
    editor.name.setText("Benvenuto")
    editor.subject.setText("Ciao {{ first_name or 'cliente' }}")
    editor.html.setPlainText("<p>Ciao {{ first_name </p>")  # unclosed tag
    editor.save()
    assert editor.errors["html"].isVisibleTo(page) and "line 1" in editor.errors["html"].text()
    assert not editor.errors["subject"].isVisibleTo(page) and not editor.errors["name"].isVisibleTo(page)
    assert Templates(workspace.db).get("Benvenuto") is None  # nothing half-written

    editor.html.setPlainText("<p>Ciao {{ first_name or 'cliente' }}</p>")
    editor.subject.setText("Ciao {% if %}")
    editor.save()
    assert editor.errors["subject"].isVisibleTo(page) and not editor.errors["html"].isVisibleTo(page)
    editor.subject.setText("Ciao {{ first_name or 'cliente' }}")
    editor.save()
    saved = Templates(workspace.db).get("Benvenuto")
    assert saved is not None and saved.html == "<p>Ciao {{ first_name or 'cliente' }}</p>"
    assert _names(page) == ["Benvenuto"] and page.selected_id() == saved.id

    editor.subject.setText("Bentornato {{ first_name }}")
    page.save_current()
    assert Templates(workspace.db).get(saved.id).subject == "Bentornato {{ first_name }}"
    assert page.table.item(0, 1).text() == "Bentornato «First name» — Ciao «First name»"

    page.new_template("email")  # a second template with the same name: error at the name
    editor.name.setText("benvenuto")
    editor.subject.setText("x")
    editor.html.setPlainText("<p>x</p>")
    editor.save()
    assert editor.errors["name"].isVisibleTo(page) and "already exists" in editor.errors["name"].text()


def test_preview_for_a_chosen_contact_and_the_field_picker(runner, workspace, now, qtbot) -> None:
    anna = workspace.contacts.create({"email": "anna@example.it", "first_name": "Anna"}, now)
    workspace.contacts.create({"email": "bob@example.com"}, now)
    workspace.events.record("purchase", now, anna, ref="o-1", amount=42.5, payload={"title": "Borsa rossa"})
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    page.show()
    page.new_template("email")
    editor, preview = page.editor, page.editor.preview
    editor.name.setText("Grazie")
    editor.subject.setText("Grazie {{ first_name or 'cliente' }}")
    editor.html.setPlainText("<h1>Ciao <b>")
    editor.html.moveCursor(editor.html.textCursor().MoveOperation.End)
    editor.html.setFocus()
    editor._target = editor.html
    editor.insert_field("first_name")
    editor.html.insertPlainText("amica")
    editor.html.moveCursor(editor.html.textCursor().MoveOperation.End)
    editor.html.insertPlainText("</b></h1><p>Hai speso {{ event.amount }} € per {{ event.title }}.</p>")
    assert '{{ first_name or "amica" }}' in editor.html.toPlainText()
    assert "first_name" in editor.field_actions() and "event.title" in editor.field_actions()

    preview.contact_search.setText("bob")
    preview.search_contacts()
    assert preview.contact_box.count() == 1
    preview.refresh()
    assert not preview.result.ok and "amount" in preview.result.problem  # Bob has no purchase
    assert preview.problem.isVisibleTo(page)
    preview.contact_search.setText("anna")
    preview.search_contacts()
    assert preview.choose_contact(anna)
    preview.refresh()
    result = preview.result
    assert result.ok and result.subject == "Grazie Anna"
    assert "Anna" in preview.browser.toPlainText() and "42.5" in preview.browser.toPlainText()
    assert "Borsa rossa" in preview.text_view.toPlainText()  # the text part derived from the HTML
    assert preview.subject_label.text() == "Grazie Anna"
    editor.html.setPlainText("{% if %}")
    preview.refresh()
    assert editor.errors["html"].isVisibleTo(page)  # a live syntax error, before saving


def test_delete_confirms_and_refuses_a_template_a_rule_uses(runner, workspace, now, qtbot) -> None:
    templates = Templates(workspace.db)
    templates.create("Usato", "email", subject="s", html="<p>x</p>", now=now)
    templates.create("Libero", "sms", text="Ciao", now=now)
    workspace.rules.save({"name": "Regola uno", "action": {"type": "send_email", "template": "Usato"},
                          "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    page.show()
    assert page.select_template("Usato")
    box = page.delete_selected()
    assert box.objectName() == "template_in_use_box" and "Regola uno" in box.text()
    box.accept()
    assert templates.get("Usato") is not None
    page.select_template("Libero")
    box = page.delete_selected()
    assert "Libero" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert templates.get("Libero") is None and _names(page) == ["Usato"]
    page.select_template("Usato")
    page.duplicate_selected()
    assert _names(page) == ["Usato", "Usato (2)"] and templates.get("Usato (2)").html == "<p>x</p>"


def test_the_dialog_other_pages_use_creates_a_template(runner, workspace, qtbot) -> None:
    created: list[str] = []
    dialog = TemplateDialog.create(None, runner, "sms")
    qtbot.addWidget(dialog)
    dialog.created.connect(created.append)
    assert dialog.editor.channel == "sms" and not dialog.editor.html.isVisibleTo(dialog)
    dialog.editor.name.setText("Promemoria")
    dialog.editor.text.setPlainText("Ciao {{ first_name }}, ti aspettiamo!")
    dialog.buttons.accepted.emit()
    assert created == ["Promemoria"] and Templates(workspace.db).get("Promemoria").channel == "sms"


def test_switching_away_from_unsaved_edits_asks_first(runner, workspace, now, qtbot) -> None:
    templates = Templates(workspace.db)
    first = templates.create("Uno", "email", subject="Uno", html="<p>1</p>", now=now)
    second = templates.create("Due", "email", subject="Due", html="<p>2</p>", now=now)
    page = TemplatesPage(runner)
    qtbot.addWidget(page)
    page.show()
    page.select_template(first)
    page.editor.subject.setText("Uno, modificato")
    page.select_template(second)  # the edits are not dropped: the page asks
    box = page.unsaved_box
    assert box.isVisible() and page.editor.template_id == first
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert page.selected_id() == first and page.editor.subject.text() == "Uno, modificato"
    page.select_template(second)
    page.unsaved_box.button(QMessageBox.StandardButton.Save).click()
    assert templates.get(first).subject == "Uno, modificato"
    assert page.editor.template_id == second and page.selected_id() == second
    page.editor.subject.setText("Due, da buttare")
    page.select_template(first)
    page.unsaved_box.button(QMessageBox.StandardButton.Discard).click()
    assert page.editor.template_id == first and templates.get(second).subject == "Due"


def test_the_preview_names_the_event_kind_in_words(runner, qtbot) -> None:
    """The Italian note said "…dall'ultimo evento rss_item di questo contatto"."""
    from ui.resources import LANGUAGE
    from ui.templates.preview import PreviewPane
    from ui.templates.queries import PreviewResult

    LANGUAGE.switch("it")
    pane = PreviewPane(runner)
    qtbot.addWidget(pane)
    pane.result = PreviewResult(ok=True, subject="s", text="t", event_type="rss_item")
    pane._show_result()
    assert pane.event_note.text() == ("I campi dell'evento (event.…) vengono dall'ultimo evento di questo contatto: "
                                      "nuovo articolo del blog.")
