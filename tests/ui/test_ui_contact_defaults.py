"""The contact editor's safe defaults: a new contact is "pending" until the person says they agreed,
and the birthday is typed in the language's format or picked on a calendar that opens decades ago."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.contacts.values import to_db_value
from desktop.fields import STANDARD
from ui.contacts.date_field import DateEditor, parse_typed_date
from ui.contacts.field_widgets import make_editor
from ui.contacts.page import ContactsPage
from ui.resources import LANGUAGE

BIRTHDAY = next(f for f in STANDARD if f.name == "birthday")


def test_a_new_contact_is_pending_and_the_editor_asks(qtbot, runner, workspace) -> None:
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    dialog = page.open_editor(None)
    status = dialog.editors["email_status"]
    assert status.raw() == "pending" and dialog.editors["sms_status"].raw() == "pending"
    assert "agreed to receive e-mails or SMS" in dialog.hints["consent"].text()
    dialog.editors["email"].widget.setText("nuovo@example.com")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    created = workspace.contacts.get(workspace.contacts.find("nuovo@example.com"))
    assert created["email_status"] == "pending" and created["sms_status"] == "pending"


def test_an_existing_contact_keeps_its_status_and_is_not_asked(qtbot, runner, workspace, now) -> None:
    cid = workspace.contacts.create({"email": "anna@example.com", "email_status": "subscribed"}, now)
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    dialog = page.open_editor(cid)
    assert dialog.editors["email_status"].raw() == "subscribed" and not dialog.hints


def test_the_birthday_calendar_opens_about_35_years_ago(qtbot) -> None:
    editor = DateEditor(BIRTHDAY, today=date(2026, 12, 1))
    qtbot.addWidget(editor.widget)
    editor.set_value(None)
    editor.open_picker()
    assert editor.popup.isVisible()
    assert 2026 - 40 <= editor.calendar.yearShown() <= 2026 - 30
    from PySide6.QtCore import QDate

    editor.calendar.clicked.emit(QDate(1988, 3, 14))  # what a click on the 14th sends
    assert not editor.popup.isVisible() and editor.edit.text() == "14 Mar 1988"
    assert to_db_value(BIRTHDAY, editor.raw()) == "1988-03-14"
    editor.open_picker()  # now on the date chosen
    assert (editor.calendar.yearShown(), editor.calendar.monthShown()) == (1988, 3)


def test_other_date_fields_open_on_today(qtbot) -> None:
    from desktop.fields import FieldSpec

    spec = FieldSpec("rinnovo", "date", "cf_rinnovo", "Renewal", "Rinnovo", custom=True)
    editor = DateEditor(spec, today=date(2026, 12, 1))
    qtbot.addWidget(editor.widget)
    editor.open_picker()
    assert (editor.calendar.yearShown(), editor.calendar.monthShown()) == (2026, 12)


def test_typed_dates_in_italian(qtbot) -> None:
    LANGUAGE.switch("it")
    editor = make_editor(BIRTHDAY, "Europe/Rome")
    qtbot.addWidget(editor.widget)
    editor.set_value("1985-04-12")
    assert editor.edit.text() == "12/04/1985"
    for typed in ("14/03/1988", "14-3-1988", "14.03.1988", "1988-03-14"):
        editor.edit.setText(typed)
        assert to_db_value(BIRTHDAY, editor.raw()) == "1988-03-14", typed
    editor.edit.setText("31/02/1988")
    with pytest.raises(ValueError, match="non è una data.*14/03/1988"):
        editor.raw()
    editor.edit.setText("")
    assert editor.raw() is None


def test_typed_dates_in_english(qtbot) -> None:
    editor = make_editor(BIRTHDAY, "Europe/Rome")
    qtbot.addWidget(editor.widget)
    for typed in ("14 Mar 1988", "14 March 1988", "March 14, 1988", "1988-03-14"):
        editor.edit.setText(typed)
        assert to_db_value(BIRTHDAY, editor.raw()) == "1988-03-14", typed
    with pytest.raises(ValueError, match="is not a date: type it like 14 Mar 1988"):
        parse_typed_date("14/03/88", "en")


def test_a_bad_typed_date_is_shown_under_the_field_and_nothing_is_saved(qtbot, runner, workspace) -> None:
    page = ContactsPage(runner)
    qtbot.addWidget(page)
    dialog = page.open_editor(None)
    dialog.editors["email"].widget.setText("nuovo@example.com")
    dialog.editors["birthday"].edit.setText("30 Febbraio")
    dialog.save()
    error = dialog.errors["birthday"]
    assert not error.isHidden() and "is not a date" in error.text()
    assert workspace.contacts.count() == 0


def test_switching_language_rewrites_the_typed_date(qtbot) -> None:
    editor = make_editor(BIRTHDAY, "Europe/Rome")
    qtbot.addWidget(editor.widget)
    editor.set_value("1985-04-12")
    assert editor.edit.text() == "12 Apr 1985"
    LANGUAGE.switch("it")
    editor.retranslate()
    assert editor.edit.text() == "12/04/1985"
