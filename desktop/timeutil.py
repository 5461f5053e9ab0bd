"""How instants and dates are written to and read from the database.

Instants are stored in UTC as ``YYYY-MM-DD HH:MM:SS`` (SQLite's own ``datetime()`` format,
so SQL date functions and plain string comparison both work); dates as ``YYYY-MM-DD``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

UTC = timezone.utc


def to_db(moment: datetime) -> str:
    """An aware datetime as the database's UTC text; naive datetimes are refused (ambiguous)."""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: engine instants must carry a time zone")
    # isoformat is C code; strftime is several times slower and this runs for every row.
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "seconds")


def from_db(text: str) -> datetime:
    # fromisoformat is C code and reads "YYYY-MM-DD HH:MM:SS" directly (strptime is ~10x slower,
    # and this runs for every ledger row the dispatcher and the simulator touch).
    return datetime.fromisoformat(text[:19]).replace(tzinfo=UTC)


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
