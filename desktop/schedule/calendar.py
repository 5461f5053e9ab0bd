"""Which local dates a rule runs on: recurrence, active period and blackouts.

One answer, ``is_run_day``, serves both the checks (in the rule's zone) and the sends (in
the recipient's zone), so "a disallowed day" means the same thing to the scheduler, the
dispatcher and the simulator.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta
from functools import lru_cache

from desktop.schedule.model import Schedule

# How far back a blocked run may be carried forward by the "next_allowed_day" policy.
MAX_SHIFT_DAYS = 400


def _clamped(year: int, month: int, day: int) -> date:
    """Day N of a month, or its last day when the month is shorter (31 → 30 April, 29 Feb → 28)."""
    return date(year, month, min(day, _cal.monthrange(year, month)[1]))


def matches_recurrence(schedule: Schedule, day: date) -> bool:
    rec = schedule.recurrence
    if rec.kind == "weekly":
        weeks = (day - schedule.week_anchor()).days // 7
        return day.weekday() in rec.days and weeks % rec.every_weeks == 0
    if rec.kind == "monthly" and rec.nth is not None:
        if day.weekday() != rec.weekday:
            return False
        if rec.nth == -1:
            return (day + timedelta(days=7)).month != day.month
        return (day.day - 1) // 7 + 1 == rec.nth
    if rec.kind == "monthly":
        assert rec.day is not None
        return day == _clamped(day.year, day.month, rec.day)
    if rec.kind == "yearly":
        assert rec.month is not None and rec.day is not None
        return day == _clamped(day.year, rec.month, rec.day)
    return True


def blacked_out(schedule: Schedule, day: date) -> bool:
    blackout = schedule.blackout
    return (day.weekday() in blackout.weekdays or day in blackout.dates
            or (day.month, day.day) in blackout.yearly)


def before_start(schedule: Schedule, day: date) -> bool:
    return schedule.active.start is not None and day < schedule.active.start


def after_end(schedule: Schedule, day: date) -> bool:
    return schedule.active.end is not None and day > schedule.active.end


def in_active(schedule: Schedule, day: date) -> bool:
    return not before_start(schedule, day) and not after_end(schedule, day)


@lru_cache(maxsize=1 << 16)
def is_run_day(schedule: Schedule, day: date) -> bool:
    """True if the rule runs (checks, sends) on this local date.

    With the "next_allowed_day" policy a recurrence day that is blacked out hands its run to
    the first following day that is not blacked out (and several blocked runs merge into one).
    """
    if not in_active(schedule, day) or blacked_out(schedule, day):
        return False
    if matches_recurrence(schedule, day):
        return True
    if schedule.blackout.policy != "next_allowed_day":
        return False
    for back in range(1, MAX_SHIFT_DAYS):
        earlier = day - timedelta(days=back)
        if not blacked_out(schedule, earlier) or before_start(schedule, earlier):
            return False
        if matches_recurrence(schedule, earlier):
            return True
    return False
