"""How instants and dates are written to and read from the database.

Instants are stored in UTC as ``YYYY-MM-DD HH:MM:SS`` (SQLite's own ``datetime()`` format,
so SQL date functions and plain string comparison both work); dates as ``YYYY-MM-DD``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

UTC = timezone.utc


_TEXT: dict[datetime, str] = {}


def to_db(moment: datetime) -> str:
    """An aware datetime as the database's UTC text; naive datetimes are refused (ambiguous).

    The same few instants (a check's ``now``, a batch's send times) are written for thousands
    of rows, so UTC ones are remembered: a dict lookup instead of formatting each time."""
    if moment.tzinfo is UTC:
        text = _TEXT.get(moment)
        if text is None:
            if len(_TEXT) >= 65536:
                _TEXT.clear()
            text = _TEXT[moment] = moment.isoformat(" ", "seconds")[:19]
        return text
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: engine instants must carry a time zone")
    return to_db(moment.astimezone(UTC))


def from_db(text: str) -> datetime:
    # fromisoformat is C code and reads "YYYY-MM-DD HH:MM:SS+00:00" directly into an aware
    # UTC instant (strptime is ~10x slower; this runs for every ledger row the dispatcher and
    # the simulator touch).
    if len(text) >= 19:
        return datetime.fromisoformat(text[:19] + "+00:00")
    return datetime.fromisoformat(text).replace(tzinfo=UTC)  # a bare date or minutes only


def date_to_db(day: date) -> str:
    return day.isoformat()


def parse_instant(text: str, default_zone: str = "UTC") -> datetime:
    """An ISO 8601 instant from the command line or a file; without an offset, ``default_zone``."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(default_zone))
    return value.astimezone(UTC)


def valid_zone(name: str | None) -> bool:
    if not name or name != name.strip() or name.startswith(("/", ".")):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_names() -> list[str]:
    return sorted(available_timezones())
