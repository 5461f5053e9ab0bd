"""At the default window size (1180×760) the template list and the editor are both usable:
the editor's fields were squeezed to about 60 px (the HTML wrapped every two characters,
Name and Subject clipped) while the preview took the room."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop.templates import Templates
from ui.main_window import MainWindow


def test_list_and_editor_fit_the_default_window(qtbot, runner, workspace, now, tmp_path) -> None:
    for name in ("Auguri", "Benvenuto", "Ti manchiamo"):
        Templates(workspace.db).create(name, "email", subject=f"{name}, abbiamo una sorpresa per te",
                                       html="<p>Ciao, grazie per essere passato in negozio.</p>", now=now)
    window = MainWindow(workspace, runner)
    qtbot.addWidget(window)
    window.resize(1180, 760)
    page = window.show_section("templates")
    window.show()
    qtbot.waitExposed(window)
    assert page.select_template("Benvenuto")
    QApplication.processEvents()
    editor = page.editor
    assert editor.html.width() >= 200 and editor.name.width() >= 200 and editor.subject.width() >= 200
    assert editor.preview.width() >= 240
    assert page.table.width() >= 300
    date_column = page.table.columnViewportPosition(2) + page.table.columnWidth(2)
    assert date_column <= page.table.viewport().width()  # "Last change" is seen, not scrolled off
    assert editor.subject.cursorPosition() == 0
    window.grab().save(str(tmp_path / "templates.png"))  # to look at when it fails
    assert window.minimumSizeHint().width() <= 800  # and the window still fits a small screen
