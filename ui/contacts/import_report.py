"""The consent part of an import's report, in the person's language (engine codes made into words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.contacts.report import ImportReport
from desktop.events_presets import left_out_msg
from desktop.messages import Msg, text
from ui.words import say


def consent_summary(report: ImportReport, language: str = "en") -> str:
    """One line per channel and status: "E-mail — subscribed: 2 (from the column …)".

    The count comes after the status word ("iscritti: 2"), so Italian needs no singular and
    plural; the reason is said in the window's words (the engine's names the CLI's flags)."""
    lines = []
    for (channel, status, why), count in sorted(report.consent.items()):
        what = (QCoreApplication.translate("ImportReport", "E-mail") if channel == "email"
                else QCoreApplication.translate("ImportReport", "SMS"))
        lines.append(QCoreApplication.translate("ImportReport", "%1 — %2: %3 (%4)").replace("%1", what)
                     .replace("%2", text(Msg(f"report.status_{status}"), language))
                     .replace("%3", QLocale().toString(count)).replace("%4", window_why(why, language)))
    return "\n".join(lines)


def window_why(why: "str | Msg | dict[str, object] | None", language: str = "en") -> str:
    """Why a contact got its status, naming the wizard's own choices instead of ``--consent``
    and ``--status`` (the engine's words are written for the command line)."""
    msg = Msg(str(why["code"]), {k: v for k, v in why.items() if k != "code"}) if isinstance(why, dict) \
        else Msg.decode(why) if isinstance(why, str) else why
    if msg is None:
        return ""
    if msg.code == "consent.source.policy":
        return QCoreApplication.translate("ImportReport", "as chosen for “New contacts the file says nothing about”")
    if msg.code == "consent.option":
        return QCoreApplication.translate("ImportReport", "as chosen for “The whole file has one status?”")
    if msg.code == "consent.source.file":
        nested = msg.params.get("why")
        return QCoreApplication.translate("ImportReport", "from the whole file's status: %1").replace(
            "%1", window_why(nested, language) if isinstance(nested, (dict, str, Msg)) and nested else "")
    return text(msg, language)


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
