"""The consent part of an import's report, in the person's language (engine codes made into words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.contacts.report import ImportReport
from desktop.events_presets import left_out_msg
from desktop.messages import text
from ui.contacts.model import status_text
from ui.words import say


def consent_summary(report: ImportReport, language: str = "en") -> str:
    """One line per channel and status: how many contacts got it, and why."""
    lines = []
    for (channel, status, why), count in sorted(report.consent.items()):
        what = (QCoreApplication.translate("ImportReport", "E-mail") if channel == "email"
                else QCoreApplication.translate("ImportReport", "SMS"))
        lines.append(QCoreApplication.translate("ImportReport", "%1: %2 %3 — %4").replace("%1", what).replace("%2", QLocale().toString(count))
                     .replace("%3", status_text(status).lower()).replace("%4", text(why, language)))
    return "\n".join(lines)


def whole_file_notes(report: ImportReport) -> str:
    """Decisions made for the whole file that the person should know about, one per line."""
    n = QLocale().toString
    notes = []
    for header in report.ambiguous_dates:
        notes.append(QCoreApplication.translate(
            "ImportReport", "Dates in “%1” could be day/month or month/day: read with the date order setting. "
            "Choose the order on the previous page if they look wrong.").replace("%1", header))
    if report.empty_columns:
        notes.append(QCoreApplication.translate("ImportReport", "Empty columns (no field made): %1")
                     .replace("%1", ", ".join(report.empty_columns)))
    for reason, count in sorted(report.left_out.items()):
        notes.append(QCoreApplication.translate("ImportReport", "Left out on purpose: %1 (%2)")
                     .replace("%1", n(count)).replace("%2", say(left_out_msg(reason))))
    return "".join("\n" + note for note in notes)
