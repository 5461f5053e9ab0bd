"""Dates and times for people, one way per language: ``31/12/2026`` and ``31/12/2026 18:05``
in Italian, ``2026-12-31`` and ``2026-12-31 18:05`` in English (ISO-like: unambiguous for
every English reader), 24-hour times in both. Every page, table and tooltip formats through
these functions, and every date entry uses ``DATE_EDIT_FORMAT()``, so one screen never
shows two ways of writing the same day. Month names come from Qt's locale for the language.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale

from ui.resources import LANGUAGE

_DATE = {"it": "%d/%m/%Y", "en": "%Y-%m-%d"}
_QT_DATE = {"it": "dd/MM/yyyy", "en": "yyyy-MM-dd"}


def _language() -> str:
    return LANGUAGE.code if LANGUAGE.code in _DATE else "en"


def format_date(day: date | datetime) -> str:
    return day.strftime(_DATE[_language()])


def format_datetime(moment: datetime, *, seconds: bool = False) -> str:
    """Already in the zone it should be shown in (the caller converts)."""
    return moment.strftime(_DATE[_language()] + (" %H:%M:%S" if seconds else " %H:%M"))


def date_edit_format() -> str:
    """The display format of a ``QDateEdit`` (typed the way the tables show dates)."""
    return _QT_DATE[_language()]


def datetime_edit_format() -> str:
    return _QT_DATE[_language()] + " HH:mm"


def locale() -> QLocale:
    """The locale of the UI's language (month and day names)."""
    return QLocale(QLocale.Language.Italian if _language() == "it" else QLocale.Language.English)


def month_name(month: int) -> str:
    """``gennaio`` / ``January``: the month's name in the UI's language."""
    return locale().standaloneMonthName(month, QLocale.FormatType.LongFormat)


def day_month(day: date) -> str:
    """``1 gennaio`` / ``1 January`` (a yearly date such as a birthday)."""
    return locale().toString(QDate(2000, day.month, day.day), "d MMMM")
