"""A walk through every screen of the app in Italian on the demo workspace, failing on any
English word of the engine's own messages found in a visible text, tooltip, cell or header
(and the same walk in English, failing on Italian words).

The walk: every section of the main window; the rule wizard through each step (a demo rule
and a new one); the contact editor with values it refuses; the import wizard on a file with
a bad row; every settings page, with values it refuses; a simulation of the demo rules. The
suspect words come from ``desktop.messages.catalog()`` (``tests/ui/language_walk.py``), minus
the workspace's own data (names, cities, template texts are the shop's words, not the app's).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget, QWizard

from desktop.demo import build_demo
from desktop.demo_rules import add_demo_rules
from desktop.workspace import Workspace
from tests.ui.language_walk import all_words, leaks, suspect_words, visible_texts
from ui.contacts.editor import ContactDialog
from ui.contacts.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.resources import LANGUAGE
from ui.rules.wizard import SUMMARY

TYPED = "non-valida abc Roma 21-9 negozio-senza-chiocciola"  # what the walk types into the forms
BAD_CSV = (
    "Nome;Cognome;E-mail;Cellulare;Compleanno;Iscritto\n"
    "Anna;Verdi;anna.verdi@example.it;347 123 4567;31/02/1990;sì\n"
    "Bruno;Neri;bruno-at-example;;12/05/1988;forse\n"
)


def _data_words(ws: Workspace) -> set[str]:
    """Words of the shop's own data: contacts, groups, templates, rules, custom fields."""
    words: set[str] = set()
    for table in ("contacts", "groups", "templates", "rules", "custom_fields", "events"):
        try:
            rows = ws.db.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - fixed names
        except Exception:  # noqa: BLE001 - a table some schema version does not have
            continue
        for row in rows:
            for value in row:
                if isinstance(value, str):
                    words |= all_words(value)
    return words


@pytest.fixture
def demo(workspace: Workspace, now: datetime) -> Workspace:
    build_demo(workspace, now, contacts=60)
    add_demo_rules(workspace, now)
    return workspace


class Walk:
    """Collects what a person sees, screen by screen."""

    def __init__(self, qtbot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window
        self.seen: list[tuple[str, str]] = []

    def look(self, widget: QWidget, label: str) -> None:
        QApplication.processEvents()
        self.seen += [(f"{label} {where}", text) for where, text in visible_texts(widget)]

    def sections(self) -> None:
        for key in self.window.page_by_key:
            self.window.show_section(key)
            self.look(self.window, f"[{key}]")

    def template_editor(self) -> None:
        templates = self.window.show_section("templates")
        templates.table.selectRow(0)
        self.look(self.window, "[template]")
        editor = getattr(templates, "editor", None)
        subject = getattr(editor, "subject", None)
        if isinstance(subject, QLineEdit):  # a broken placeholder: the editor and preview say why
            subject.setText("{{ first_name ")
            QApplication.processEvents()
            self.look(self.window, "[template broken]")

    def rule_wizard(self) -> None:
        rules = self.window.show_section("rules")
        rules.table.selectRow(0)
        for opener in (rules.edit_selected, rules.new_item):
            rules.wizard = None
            opener()
            wizard = rules.wizard
            assert wizard is not None
            wizard.show()
            for _ in range(SUMMARY + 1):
                self.look(wizard, f"[wizard {wizard.currentId()}]")
                if wizard.currentId() == SUMMARY:
                    break
                wizard.next()
            wizard.reject()

    def contact_editor(self) -> None:
        contacts = self.window.show_section("contacts")
        contacts.new_item()
        dialog = contacts.dialog
        assert isinstance(dialog, ContactDialog)
        self.qtbot.waitUntil(lambda: dialog.loaded, timeout=3000)
        self.look(dialog, "[contact]")
        for name, raw in (("email", "non-valida"), ("phone", "abc"), ("timezone", "Roma")):
            widget = dialog.editors[name].widget if name in dialog.editors else None
            line = widget if isinstance(widget, QLineEdit) else (widget.findChild(QLineEdit) if widget else None)
            if line is not None:
                line.setText(raw)
        dialog.save()
        self.look(dialog, "[contact refused]")
        dialog.reject()

    def import_wizard(self, folder: Path) -> None:
        path = folder / "clienti.csv"
        path.write_text(BAD_CSV, encoding="utf-8")
        wizard = ImportWizard(self.window.runner, self.window)
        self.qtbot.addWidget(wizard)
        wizard.show()
        self.look(wizard, "[import file]")
        wizard.file_page.path.setText(str(path))
        wizard.next()
        self.look(wizard, "[import mapping]")
        consent = wizard.mapping_page.choices.consent
        consent.setCurrentIndex(consent.findData("pending"))
        self.look(wizard, "[import mapping, consent]")
        if wizard.button(QWizard.WizardButton.NextButton).isEnabled():
            wizard.next()
            self.look(wizard, "[import run]")
        wizard.reject()

    def settings(self) -> None:
        view = self.window.show_section("settings")
        general = view.page("general")
        general.widgets["business.timezone"].setCurrentText("Roma")
        general.widgets["business.quiet_hours"].setText("21-9")
        view.page("smtp").widgets["smtp.sender_email"].setText("negozio-senza-chiocciola")
        assert view.save() is False
        for row in range(view.page_list.count()):
            view.page_list.setCurrentRow(row)
            self.look(self.window, f"[settings {row}]")
        view.refresh()  # the stored values back on screen

    def simulation(self, start: datetime) -> None:
        page = self.window.show_section("simulation")
        page.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
        for row in range(page.rules.count()):  # every demo rule (they come disabled)
            page.rules.item(row).setCheckState(Qt.CheckState.Checked)
        page.run()
        self.qtbot.waitUntil(lambda: page.run_data is not None, timeout=60000)
        reasons = {page.model.index(r, 7).data() for r in range(page.model.rowCount())} - {""}
        assert len(reasons) >= 3, reasons  # quiet hours, no address, no consent: the words under test
        self.look(self.window, "[simulation]")


def _walk(qtbot, runner, ws: Workspace, now: datetime, language: str, folder: Path) -> list[str]:
    ws.settings.set("ui.language", language, now)
    LANGUAGE.switch(language)
    window = MainWindow(ws, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    walk = Walk(qtbot, window)
    walk.sections()
    walk.template_editor()
    walk.rule_wizard()
    walk.contact_editor()
    walk.import_wizard(folder)
    walk.settings()
    walk.simulation(now - timedelta(days=3))
    walk.look(window.status_label, "[status]")
    return leaks(walk.seen, suspect_words(language), _data_words(ws) | all_words(BAD_CSV + TYPED))


def test_every_screen_in_italian_has_no_english_word_of_the_engine(qtbot, runner, demo, now, tmp_path) -> None:
    found = _walk(qtbot, runner, demo, now, "it", tmp_path)
    assert found == [], "English in the Italian UI:\n" + "\n".join(found)


def test_every_screen_in_english_has_no_italian_word_of_the_engine(qtbot, runner, demo, now, tmp_path) -> None:
    found = _walk(qtbot, runner, demo, now, "en", tmp_path)
    assert found == [], "Italian in the English UI:\n" + "\n".join(found)


def test_the_suspect_lists_are_built_from_the_catalogue() -> None:
    english, italian = suspect_words("it"), suspect_words("en")
    assert {"quiet", "unsubscribed", "cannot", "connect"} <= english
    assert {"disiscritto", "silenzio"} <= italian
    assert "sms" not in english and "postino" not in italian
