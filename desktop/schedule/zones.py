"""Time zones: which zone a recipient is in, and wall-clock times turned into instants.

Turning "09:00 on 29 March in Europe/Rome" into an instant is where DST bites: a wall time
can be missing (spring-forward gap) or happen twice (fall-back fold). We answer both the
same way everywhere: a missing time means the first instant after the gap, a repeated time
means its first occurrence. That single choice is what keeps checks from doubling or vanishing.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import phonenumbers
from phonenumbers import timezone as phone_zones

from desktop.timeutil import valid_zone

UTC = timezone.utc


def resolve_zone(contact_zone: str | None, phone_e164: str | None, business_zone: str) -> str:
    """The contact's own zone if valid, else the zone of their phone number, else the business's.

    A phone prefix can map to several zones (the US, Australia, Brazil...); we take the first
    valid one in the library's order so the answer never changes between runs.
    """
    if contact_zone and valid_zone(contact_zone):
        return contact_zone
    if phone_e164:
        try:
            number = phonenumbers.parse(phone_e164, None)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None:
            for name in phone_zones.time_zones_for_number(number):
                if name != phone_zones.UNKNOWN_TIMEZONE and valid_zone(name):
                    return name
    return business_zone


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_date(at: datetime, tz: ZoneInfo) -> date:
    return at.astimezone(tz).date()


def local_minute(at: datetime, tz: ZoneInfo) -> tuple[date, int]:
    wall = at.astimezone(tz)
    return wall.date(), wall.hour * 60 + wall.minute


def _wall(day: date, minute: int) -> datetime:
    return datetime.combine(day, time()) + timedelta(minutes=minute)


def wall_instants(day: date, minute: int, tz: ZoneInfo) -> list[datetime]:
    """Every instant (UTC) whose wall clock reads ``day`` + ``minute``; a gap gives the instant the gap ends.

    ``minute`` may be 1440 (the next midnight).
    """
    wall = _wall(day, minute)
    found = []
    for fold in (0, 1):
        instant = wall.replace(tzinfo=tz, fold=fold).astimezone(UTC)
        if instant.astimezone(tz).replace(tzinfo=None) == wall:
            found.append(instant)
    if found:
        return sorted(set(found))
    # In a gap both readings are off; the transition lies between them.
    a = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    b = wall.replace(tzinfo=tz, fold=1).astimezone(UTC)
    return [transition_between(min(a, b), max(a, b), tz)]


def first_instant(day: date, minute: int, tz: ZoneInfo) -> datetime:
    """The first instant at which the wall clock reads ``day`` + ``minute`` (or has just jumped past it)."""
    return wall_instants(day, minute, tz)[0]


@lru_cache(maxsize=65536)
def day_start(day: date, tz: ZoneInfo) -> datetime:
    return first_instant(day, 0, tz)


def transition_between(low: datetime, high: datetime, tz: ZoneInfo) -> datetime:
    """The instant in (low, high] where the UTC offset becomes the one in force at ``high``."""
    target = high.astimezone(tz).utcoffset()
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle <= low:
            middle = low + timedelta(seconds=1)
        if middle.astimezone(tz).utcoffset() == target:
            high = middle
        else:
            low = middle
    return high


def transitions_on(day: date, tz: ZoneInfo) -> list[datetime]:
    """Offset changes during a local day (at most one is found; no zone changes twice a day)."""
    start, end = day_start(day, tz), day_start(day + timedelta(days=1), tz)
    last = end - timedelta(seconds=1)
    if start.astimezone(tz).utcoffset() == last.astimezone(tz).utcoffset():
        return []
    return [transition_between(start, last, tz)]
