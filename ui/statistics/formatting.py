"""Numbers as the UI language writes them: ``1.234`` / ``12,5 %`` / ``1.234,50 €`` in Italian,
``1,234`` / ``12.5%`` / ``€1,234.50`` in English.

Qt's own ``QLocale.toCurrencyString`` follows CLDR's minimum grouping for Italian and writes
``1234,50 €``; shop owners expect the thousands dot, so digits are grouped here and only the
separators and the layout come from ``QLocale``.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

NBSP = "\u00a0"  # keeps "12,5 %" and "1.234,50 €" on one line in a narrow tile
CURRENCY = "€"


def _italian(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Italian


def _number(value: float, decimals: int, locale: QLocale) -> str:
    text = f"{value:,.{decimals}f}"
    group, point = locale.groupSeparator(), locale.decimalPoint()
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


def fmt_count(value: int, locale: QLocale | None = None) -> str:
    return _number(value, 0, locale or QLocale())


def fmt_percent(ratio: float | None, locale: QLocale | None = None, decimals: int = 1) -> str:
    """A fraction (0.125) as a percentage; "–" when the denominator was zero."""
    if ratio is None:
        return "–"
    locale = locale or QLocale()
    number = _number(ratio * 100, decimals, locale)
    return f"{number}{NBSP}%" if _italian(locale) else f"{number}%"


def fmt_money(amount: float, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    sign = "-" if amount < 0 else ""
    number = _number(abs(amount), 2, locale)
    return f"{sign}{number}{NBSP}{CURRENCY}" if _italian(locale) else f"{sign}{CURRENCY}{number}"
