"""The small windows of the rule list: MailUp's simulate answer (with the CSV) and the
“run now” report. Both are non-blocking, window-modal message boxes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from desktop.errors import PostinoError
from desktop.fileio import write_text_atomic
from desktop.messages import Msg, text
from ui.resources import LANGUAGE
from ui.rules.queries import RunReport
from ui.words import error_text


class SimulateDialog(QMessageBox):
    def __init__(self, name: str, counts: dict[str, int], csv_text: str, parent: QWidget | None = None,
                 workspace_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simulate_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Simulate “%1”").replace("%1", name))
        self.csv_text = csv_text
        self.counts = counts
        locale = QLocale()
        self.setText(self.tr("If the rule ran now: %1 would be selected, %2 discarded as already sent, "
                             "%3 left out (no consent).")
                     .replace("%1", locale.toString(counts["selected"]))
                     .replace("%2", locale.toString(counts["discarded"]))
                     .replace("%3", locale.toString(counts["left_out"])))
        self.export_button = QPushButton(self.tr("Export the list as CSV…"))
        self.export_button.setObjectName("export_csv")
        self.addButton(self.export_button, QMessageBox.ButtonRole.ActionRole)
        self.export_button.clicked.disconnect()  # an action button would close the box
        self.export_button.clicked.connect(lambda: self.export())
        self.addButton(QMessageBox.StandardButton.Close)
        self.suggested = f"{name}.csv"
        self.workspace_dir = workspace_dir

    def export(self, path: str | None = None) -> str | None:
        """Write the list (the CSV was read on the worker; writing a small file is instant)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the list"), self.suggested,
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return None
        try:
            write_text_atomic(path, self.csv_text, workspace_dir=self.workspace_dir)  # never over the workspace
        except PostinoError as exc:
            self.refused = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export the list"), error_text(exc),
                                       QMessageBox.StandardButton.Ok, self)
            self.refused.setObjectName("export_refused")
            self.refused.open()
            return None
        return path


def run_report_text(report: RunReport) -> str:
    if not report.enabled:
        return QCoreApplication.translate(
            "RunReport", "“%1” is disabled: enable it first, or use Simulate to see who it would select.").replace(
            "%1", report.name)
    if report.paused:
        return QCoreApplication.translate(
            "RunReport", "Postino is paused: “%1” was not checked. Resume sending first.").replace("%1", report.name)
    if report.error:
        return (QCoreApplication.translate("RunReport", "The check of “%1” failed: %2")
                .replace("%1", report.name).replace("%2", words(report.error)))
    text = QCoreApplication.translate(
        "RunReport", "“%1” checked now: %2 matched, %3 booked, %4 group changes; %5 sent, %6 failed.")
    for key, value in (("%1", report.name), ("%2", str(report.matched)), ("%3", str(report.planned)),
                       ("%4", str(report.applied)), ("%5", str(report.sent)), ("%6", str(report.failed))):
        text = text.replace(key, value)
    for why in report.channels_paused.values():
        text += "\n" + words(why)
    return text


def run_waiting_text() -> str:
    return QCoreApplication.translate(
        "RunReport", "Postino's engine is not answering: is it running? (see the status bar). Nothing was sent.")


def words(stored: dict) -> str:
    """A message the engine sent back (a code and its parameters) in the UI's language."""
    data = dict(stored)
    return text(Msg(str(data.pop("code", "legacy")), data), LANGUAGE.code)


def run_report_box(parent: QWidget, report: RunReport | None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("RunReport", "Run now"),
                      run_report_text(report) if report is not None else run_waiting_text(),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("run_report")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
