"""The consent part of an import's report, in the person's language (engine codes made into words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.contacts.report import ImportReport
from desktop.messages import text


def consent_summary(report: ImportReport, language: str = "en") -> str:
    """One line per channel and status: how many contacts got it, and why."""
    lines = []
    for (channel, status, why), count in sorted(report.consent.items()):
        what = (QCoreApplication.translate("ImportReport", "E-mail") if channel == "email"
                else QCoreApplication.translate("ImportReport", "SMS"))
        lines.append(QCoreApplication.translate("ImportReport", "%1: %2 %3 — %4").replace("%1", what).replace("%2", QLocale().toString(count))
                     .replace("%3", status).replace("%4", text(why, language)))
    return "\n".join(lines)
