"""When a rule's conditions are checked, and which window of time each check covers.

Checks follow the wall clock of the rule's zone (the business zone when sends follow each
recipient's zone). Fixed times keep their local time across DST (a missing time fires once
when the gap ends, a repeated time fires once, the first time). ``every`` checks restart at
each local midnight and step by elapsed time, so a 25-hour day has 25 hourly checks, never
two at the same instant.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Iterator, Literal
from zoneinfo import ZoneInfo

from desktop.schedule.calendar import after_end, before_start, is_run_day
from desktop.schedule.model import BusinessDefaults, Schedule
from desktop.schedule.zones import UTC, day_start, first_instant, local_date, zone

# Far enough for a yearly rule whose run is pushed past a blocked stretch.
HORIZON_DAYS = 800
ONE_DAY = timedelta(days=1)
TINY = timedelta(microseconds=1)


def check_zone(schedule: Schedule, business: BusinessDefaults) -> ZoneInfo:
    if schedule.timezone.mode == "rule" and schedule.timezone.zone:
        return zone(schedule.timezone.zone)
    return zone(business.zone)


def _fixed_checks(schedule: Schedule, day: date, tz: ZoneInfo) -> list[datetime]:
    return sorted({first_instant(day, t.hour * 60 + t.minute, tz) for t in schedule.check.times})


def _next_on(schedule: Schedule, day: date, tz: ZoneInfo, after: datetime) -> datetime | None:
    if schedule.check.times:
        return next((c for c in _fixed_checks(schedule, day, tz) if c > after), None)
    every = schedule.check.every
    assert every is not None
    start, end = day_start(day, tz), day_start(day + ONE_DAY, tz)
    if after < start:
        return start
    candidate = start + ((after - start) // every + 1) * every
    return candidate if candidate < end else None


def _last_on(schedule: Schedule, day: date, tz: ZoneInfo, before: datetime) -> datetime | None:
    if schedule.check.times:
        return next((c for c in reversed(_fixed_checks(schedule, day, tz)) if c < before), None)
    every = schedule.check.every
    assert every is not None
    start, end = day_start(day, tz), day_start(day + ONE_DAY, tz)
    limit = min(before, end)
    if limit <= start:
        return None
    return start + ((limit - start - TINY) // every) * every


def next_check(schedule: Schedule, after: datetime, *, business: BusinessDefaults) -> datetime | None:
    """The first check strictly after ``after``; None once the active period is over."""
    tz = check_zone(schedule, business)
    after = after.astimezone(UTC)
    # The day before too: where a fold crosses midnight, a wall date can come round again.
    day = local_date(after, tz) - ONE_DAY
    if schedule.active.start and day < schedule.active.start:
        day = schedule.active.start
    for _ in range(HORIZON_DAYS):
        if after_end(schedule, day):
            return None
        if is_run_day(schedule, day):
            found = _next_on(schedule, day, tz, after)
            if found is not None:
                return found
        day += ONE_DAY
    return None


def previous_check(schedule: Schedule, before: datetime, *, business: BusinessDefaults) -> datetime | None:
    """The last check strictly before ``before``, or None if there was none (within the horizon)."""
    tz = check_zone(schedule, business)
    before = before.astimezone(UTC)
    day = local_date(before, tz) + ONE_DAY
    if schedule.active.end and day > schedule.active.end:
        day = schedule.active.end
    for _ in range(HORIZON_DAYS):
        if before_start(schedule, day):
            return None
        if is_run_day(schedule, day):
            found = _last_on(schedule, day, tz, before)
            if found is not None:
                return found
        day -= ONE_DAY
    return None


def checks_between(schedule: Schedule, start: datetime, end: datetime, *,
                   business: BusinessDefaults) -> Iterator[datetime]:
    """Every check in (start, end]: what the simulator walks through."""
    moment = start
    while True:
        found = next_check(schedule, moment, business=business)
        if found is None or found > end:
            return
        yield found
        moment = found


def check_window(schedule: Schedule, previous_check_at: datetime | None, now: datetime, *,
                 business: BusinessDefaults) -> tuple[datetime | None, datetime]:
    """The (start, end] window that relative conditions of the check at ``now`` look at.

    Catch-up-once: from the last real check, however long ago, so downtime is covered once.
    Skip: from the scheduled check before the slot ``now`` belongs to, so windows that passed
    while the PC was off are dropped. With no previous check, the window is the one a normal
    check at this slot would have had (None if there is no earlier slot at all).
    """
    now = now.astimezone(UTC)
    own = previous_check(schedule, now + TINY, business=business)
    slot_before = previous_check(schedule, own, business=business) if own else None
    if previous_check_at is None:
        return slot_before, now
    previous_check_at = previous_check_at.astimezone(UTC)
    if schedule.missed == "skip" and slot_before is not None and slot_before > previous_check_at:
        return slot_before, now
    return previous_check_at, now


def missed_checks(schedule: Schedule, last_check: datetime | None, now: datetime, *,
                  business: BusinessDefaults) -> Literal["catch_up", "none", "skip"]:
    """What to do on start-up: was a check due while we were away, and does the rule want it?"""
    if last_check is None:
        return "none"
    due = next_check(schedule, last_check, business=business)
    if due is None or due > now:
        return "none"
    return "catch_up" if schedule.missed == "catch_up_once" else "skip"
