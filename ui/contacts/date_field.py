"""The date field of the contact editor: typed in the language's format, or picked on a calendar.

A spin-box date editor (``QDateEdit``) makes people type section by section and opens its
calendar on whatever date it holds — 1900 for "no date", so a birthday meant scrolling
through ninety years. Here the field is a line to type in (``14/03/1988`` in Italian,
``14 Mar 1988`` in English, ``1988-03-14`` in both) with a calendar button that opens on the
date typed, or, for an empty birthday, about 35 years ago. A typed value that is not a date
is refused with a message showing the format to use.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget, QFrame, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.fields import FieldSpec
from ui.contacts.field_widgets import FieldEditor
from ui.resources import LANGUAGE

BIRTHDAY_YEARS_AGO = 35
_SEPARATORS = re.compile(r"\s*[/.\-]\s*")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_YEARLESS = re.compile(r"^0000-(\d\d)-(\d\d)$")


def shown_format(code: str) -> str:
    """How a date is written in ``code`` (a Qt date format)."""
    return "dd/MM/yyyy" if code == "it" else "d MMM yyyy"


def _locale(code: str) -> QLocale:
    return QLocale(QLocale.Language.Italian if code == "it" else QLocale.Language.English)


def format_date(day: date, code: str) -> str:
    return _locale(code).toString(QDate(day.year, day.month, day.day), shown_format(code))


def parse_typed_date(text: str, code: str) -> date:
    """A typed date in ``code``'s way (or ISO); ``ValueError`` naming the expected format."""
    typed = " ".join(text.split())
    found = QDate()
    if _ISO.match(typed):
        found = QDate.fromString(typed, "yyyy-M-d")
    elif code == "it":
        parts = _SEPARATORS.split(typed)
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
            found = QDate.fromString("/".join(parts), "d/M/yyyy")
    else:
        locale = _locale(code)
        for fmt in ("d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy"):
            found = locale.toDate(typed.replace(",", ""), fmt)
            if found.isValid():
                break
    if not found.isValid():
        example = format_date(date(1988, 3, 14), code)
        raise ValueError(QCoreApplication.translate(
            "fields", "“%1” is not a date: type it like %2 or pick it on the calendar").replace(
            "%1", text.strip()).replace("%2", example))
    return date(found.year(), found.month(), found.day())


def is_birthday(spec: FieldSpec) -> bool:
    words = f"{spec.name} {spec.label('en')} {spec.label('it')}".casefold()
    return any(w in words for w in ("birth", "nascita", "compleanno"))


class DateEditor(FieldEditor):
    """A line to type the date in and a button that opens a calendar near a sensible year."""

    def __init__(self, spec: FieldSpec, today: date | None = None) -> None:
        host = QWidget()
        super().__init__(spec, host)
        self.today = today or date.today()
        self.code = LANGUAGE.code
        self.kept: str | None = None
        self.kept_text = ""
        self.edit = QLineEdit()
        self.edit.setObjectName(f"date_text_{spec.name}")
        self.edit.setClearButtonEnabled(True)
        self.button = QToolButton()
        self.button.setObjectName(f"date_pick_{spec.name}")
        self.button.setText("📅")
        self.button.clicked.connect(self.open_picker)
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        host.setFocusProxy(self.edit)
        self.popup = QFrame(host, Qt.WindowType.Popup)
        self.popup.setObjectName(f"date_popup_{spec.name}")
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self.popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        QVBoxLayout(self.popup).addWidget(self.calendar)
        self.retranslate()

    def retranslate(self) -> None:
        old_code, self.code = self.code, LANGUAGE.code
        example = format_date(date(1988, 3, 14), self.code)
        self.edit.setPlaceholderText(QCoreApplication.translate("fields", "e.g. %1").replace("%1", example))
        self.button.setToolTip(QCoreApplication.translate("fields", "Pick the date on a calendar"))
        self.calendar.setLocale(_locale(self.code))
        if old_code != self.code and self.edit.text().strip() and self.edit.text() != self.kept_text:
            try:  # re-write a valid date in the new language's way
                self.edit.setText(format_date(parse_typed_date(self.edit.text(), old_code), self.code))
            except ValueError:
                pass

    def set_value(self, value: Any) -> None:
        text = str(value) if value else ""
        yearless = _YEARLESS.match(text)
        # A birthday imported without its year ("0000-03-14") has no place in a calendar:
        # it is kept as it is unless the person types or picks a date.
        self.kept = text if yearless else None
        if yearless:
            self.kept_text = f"{yearless.group(2)}/{yearless.group(1)}" if self.code == "it" else \
                _locale(self.code).toString(QDate(2000, int(yearless.group(1)), int(yearless.group(2))), "d MMM")
            self.edit.setText(self.kept_text)
        elif text:
            self.edit.setText(format_date(date.fromisoformat(text[:10]), self.code))
        else:
            self.edit.clear()

    def raw(self) -> Any:
        text = self.edit.text().strip()
        if not text:
            return None
        if self.kept and text == self.kept_text:
            return self.kept
        return parse_typed_date(text, self.code)

    def start_page(self) -> QDate:
        """Where the calendar opens: the date typed, else near a sensible year."""
        try:
            typed = self.raw()
        except ValueError:
            typed = None
        if isinstance(typed, date):
            return QDate(typed.year, typed.month, typed.day)
        years = BIRTHDAY_YEARS_AGO if is_birthday(self.spec) else 0
        return QDate(self.today.year - years, self.today.month, 1)

    def open_picker(self) -> None:
        start = self.start_page()
        self.calendar.setSelectedDate(start)
        self.calendar.setCurrentPage(start.year(), start.month())
        self.popup.adjustSize()
        self.popup.move(self.widget.mapToGlobal(QPoint(0, self.widget.height())))
        self.popup.show()
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.edit.setText(format_date(date(day.year(), day.month(), day.day()), self.code))
        self.popup.hide()
        self.edit.setFocus()
