from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import bulk_contacts
from ui.contacts.editor import ContactDialog
from ui.main_window import SECTIONS, MainWindow


def test_every_section_opens_and_the_status_line_shows_the_engine_state(qtbot, runner, workspace, now) -> None:
    bulk_contacts(workspace, 3, now)
    workspace.settings.set("sandbox", True, now)
    workspace.settings.set("ui.language", "en", now)
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.sidebar.count() == len(SECTIONS)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == ["Automatic sends", "Contacts", "Groups", "Templates", "Simulation", "Statistics",
                      "Activity", "Connections", "Settings"]
    for row, (key, _icon) in enumerate(SECTIONS):
        window.sidebar.setCurrentRow(row)
        assert window.pages.currentWidget() is window.page_by_key[key]
        assert window.pages.currentWidget().isVisible()
    status = window.status_label.text()
    assert str(workspace.data_dir) in status and "sandbox on" in status and "3 contacts" in status


def test_shortcuts_go_to_the_current_page(qtbot, runner, workspace) -> None:
    workspace.settings.set("ui.language", "en", __import__("datetime").datetime.now(__import__("datetime").timezone.utc))
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    contacts = window.show_section("contacts")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is contacts.search
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(contacts.dialog, ContactDialog) and contacts.dialog.isVisible()
    contacts.dialog.reject()
    settings = window.show_section("settings")
    settings.page("general").widgets["business.name"].setText("Bottega Rossi")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert workspace.settings.get("business.name") == "Bottega Rossi"


def test_window_geometry_is_remembered(qtbot, runner, workspace) -> None:
    first = MainWindow(workspace, runner)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(20, 30, 770, 480))  # the offscreen screen is 800 x 600
    assert (first.width(), first.height()) == (770, 480)
    first.close()
    second = MainWindow(workspace, runner)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (770, 480)
    assert (workspace.data_dir / "window.ini").is_file()


def test_language_switches_at_run_time(qtbot, runner, workspace, now) -> None:
    workspace.settings.set("ui.language", "en", now)
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.show()
    contacts = window.page_by_key["contacts"]
    assert window.sidebar.item(1).text() == "Contacts" and contacts.heading.text() == "Contacts"
    settings = window.show_section("settings")
    language = settings.page("general").widgets["ui.language"]
    language.setCurrentIndex(language.findData("it"))
    assert settings.save()
    assert workspace.settings.get("ui.language") == "it"
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == "Contatti", timeout=3000)  # LanguageChange is posted
    assert contacts.heading.text() == "Contatti"
    assert contacts.empty.title.text() == "Ancora nessun contatto — importa un CSV"
    assert settings.save_button.text() == "Salva"
    assert settings.page("general").labels["business.timezone"].text() == "Fuso orario dell'attività"
    assert contacts.model.headerData(2, Qt.Orientation.Horizontal) == "Nome"
    assert "Area di lavoro" in window.status_label.text()
    language.setCurrentIndex(language.findData("en"))
    assert settings.save()
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == "Contacts", timeout=3000)
    assert settings.save_button.text() == "Save"
    assert contacts.model.headerData(2, Qt.Orientation.Horizontal) == "First name"


def test_two_windows_on_one_workspace_agree_about_pause(qtbot, workspace, tmp_path) -> None:
    """Paused is one setting; a window that did not press the button follows at its next read
    (before, its button kept saying "Pause sending" while the other window had paused)."""
    from ui.ops import OpRunner

    first = MainWindow(workspace, OpRunner.synchronous(workspace), state_file=str(tmp_path / "a.ini"))
    second = MainWindow(workspace, OpRunner.synchronous(workspace), state_file=str(tmp_path / "b.ini"))
    for window in (first, second):
        qtbot.addWidget(window)
        window.refresh_state()
    assert not first.pause_button.isChecked() and not second.pause_button.isChecked()
    first.pause_button.click()
    assert first.pause_button.isChecked() and workspace.settings.get("engine.paused")
    second.status_label.refresh_counts()           # its own timer, a few seconds later
    assert second.pause_button.isChecked() and second.pause_button.text() == first.pause_button.text()


def test_orders_are_imported_from_the_contacts_page(qtbot, runner, workspace) -> None:
    """The events wizard (shop orders, payments) existed but no window opened it."""
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.show_section("contacts")
    page = window.page_by_key["contacts"]
    page.import_events_button.click()
    assert window.import_wizard.kind == "events" and window.import_wizard.isVisible()
    window.import_wizard.reject()
