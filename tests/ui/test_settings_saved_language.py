"""After switching the language in Settings, the footer's "Settings saved." is said again in
the new language (it used to stay in the old one)."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_saved_note_follows_the_language_just_saved(qtbot, runner, workspace, now) -> None:
    workspace.settings.set("ui.language", "en", now)
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.show()
    settings = window.show_section("settings")
    language = settings.page("general").widgets["ui.language"]
    language.setCurrentIndex(language.findData("it"))
    assert settings.save()
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() == "Contatti", timeout=3000)
    qtbot.waitUntil(lambda: settings.status.text() == "Impostazioni salvate.", timeout=3000)
    language.setCurrentIndex(language.findData("en"))
    assert settings.save()
    qtbot.waitUntil(lambda: settings.status.text() == "Settings saved.", timeout=3000)


def test_the_note_is_said_again_when_the_language_changes_later(qtbot, runner, workspace) -> None:
    """With the app's threaded runner the note can be written before the switch arrives."""
    from ui.resources import LANGUAGE
    from ui.settings.view import SettingsView

    view = SettingsView(runner)
    qtbot.addWidget(view)
    assert view.save()
    assert view.status.text() == "Settings saved."
    LANGUAGE.switch("it")
    qtbot.waitUntil(lambda: view.heading.text() == "Impostazioni", timeout=3000)
    assert view.status.text() == "Impostazioni salvate."
