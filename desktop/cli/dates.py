"""Dates and instants given as command-line options, kept to the years the engine can compute.

``stats --until 0001-01-05`` and ``simulate --start 9999-12-30T00:00`` are valid ISO text, but
counting 30 days back from year 1 or a week forward from year 9999 overflows Python's dates.
The options take years 1900–2999 and say so (exit 2, naming the option), instead of ending in
an ``OverflowError``.
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.timeutil import parse_instant

FIRST = date(1900, 1, 1)
LAST = date(2999, 12, 31)

define({
    "cli.date_format": ("{value} non è una data come 2026-11-30", "{value} is not a date like 2026-11-30"),
    "cli.instant_format": ("{value} non è una data o data e ora ISO (es. 2026-12-01T09:00)",
                           "{value} is not an ISO date or date-time (e.g. 2026-12-01T09:00)"),
    "cli.date_range": ("{value} è fuori dall'intervallo ammesso ({first} … {last})",
                       "{value} is outside the supported range ({first} … {last})"),
})


def _fail(code: str, option: str, value: str) -> InputError:
    return InputError(Msg(code, {"value": repr(value), "first": FIRST.isoformat(), "last": LAST.isoformat()}),
                      option)


def option_date(raw: str | None, option: str) -> date | None:
    """``--since 2026-11-01``: a calendar day between ``FIRST`` and ``LAST``."""
    if raw is None:
        return None
    try:
        value = date.fromisoformat(raw.strip())
    except ValueError:
        raise _fail("cli.date_format", option, raw) from None
    if not FIRST <= value <= LAST:
        raise _fail("cli.date_range", option, raw)
    return value


def option_instant(raw: str, option: str, zone: str) -> datetime:
    """``--start 2026-12-01T09:00``: an instant (``zone`` when it has no offset), in range."""
    try:
        local = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        raise _fail("cli.instant_format", option, raw) from None
    if not FIRST <= local.date() <= LAST:
        raise _fail("cli.date_range", option, raw)
    return parse_instant(raw, zone)
