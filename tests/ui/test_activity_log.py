"""Activity → Show log: the workspace's log, newest lines last, inside the app."""

from __future__ import annotations

import logging

from desktop.service import logfile
from ui.activity.log_view import read_tail
from ui.activity.page import ActivityPage


def test_show_log_opens_the_workspace_log(qtbot, runner, workspace) -> None:
    page = ActivityPage(runner)
    qtbot.addWidget(page)
    assert page.show_log.text() == "Show log"
    page.show_log.click()
    assert "The log is empty" in page.log_dialog.text.toPlainText()
    page.log_dialog.close()
    handler = logfile.install(workspace.data_dir)
    try:
        logging.getLogger("postino.tray").warning("smtp login refused")
        handler.flush()
    finally:
        logfile.remove(handler)
    page.show_log.click()
    assert page.log_dialog.isVisible()
    assert "WARNING postino.tray [MainThread] smtp login refused" in page.log_dialog.text.toPlainText()


def test_read_tail_starts_at_a_whole_line(tmp_path) -> None:
    path = tmp_path / "postino.log"
    path.write_text("".join(f"line {i}\n" for i in range(1000)))
    tail = read_tail(path, limit=100)
    assert tail.startswith("line ") and tail.endswith("line 999\n") and len(tail) <= 100
