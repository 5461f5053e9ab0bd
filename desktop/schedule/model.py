"""A rule's schedule: the dataclasses, their defaults, and the JSON shape people edit by hand.

Everything is optional in JSON; ``Schedule.from_dict`` fills the defaults (check hourly, every
day, no blackout, the business's quiet hours, the business zone, catch up once) and refuses
anything it does not understand with the JSON path of the culprit, because a schedule that
silently means something else is how an SMS goes out at 3 a.m.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import lru_cache
from typing import Any

from desktop.schedule.quiet import Band, hhmm, mask, parse_band, split_bands

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("daily", "weekly", "monthly", "yearly")
MIN_EVERY = timedelta(minutes=5)
MAX_EVERY = timedelta(hours=24)
# Weeks of an "every N weeks" rule are counted from this Monday unless the active period starts.
WEEK_ANCHOR = date(2024, 1, 1)


@dataclass(frozen=True)
class BusinessDefaults:
    zone: str = "Europe/Rome"
    quiet_hours: tuple[str, ...] = ("21:00-09:00",)

    def __post_init__(self) -> None:
        object.__setattr__(self, "quiet_hours", tuple(self.quiet_hours))

    def bands(self) -> tuple[Band, ...]:
        return tuple(b for b in (parse_band(text) for text in self.quiet_hours) if b is not None)


def business_defaults(settings: Any) -> BusinessDefaults:
    """From the workspace settings ``business.timezone`` and ``business.quiet_hours``."""
    return BusinessDefaults(
        zone=settings.get("business.timezone"),
        quiet_hours=tuple(split_bands(settings.get("business.quiet_hours") or "")),
    )


@dataclass(frozen=True)
class Check:
    """How often conditions are evaluated: every ``every`` (aligned to local midnight) or at ``times``."""

    every: timedelta | None = timedelta(hours=1)
    times: tuple[time, ...] = ()


@dataclass(frozen=True)
class Recurrence:
    kind: str = "daily"
    days: tuple[int, ...] = ()        # weekly: 0 = Monday
    every_weeks: int = 1
    day: int | None = None            # monthly on day N; yearly day of month
    nth: int | None = None            # monthly: 1..5, or -1 for the last
    weekday: int | None = None        # monthly with nth
    month: int | None = None          # yearly


@dataclass(frozen=True)
class Active:
    start: date | None = None
    end: date | None = None           # included


@dataclass(frozen=True)
class Blackout:
    dates: tuple[date, ...] = ()
    yearly: tuple[tuple[int, int], ...] = ()   # (month, day)
    weekdays: tuple[int, ...] = ()
    policy: str = "skip"              # or "next_allowed_day"


@dataclass(frozen=True)
class QuietHours:
    bands: tuple[Band, ...] = ()
    business_default: bool = True
    policy: str = "defer"             # or "skip"


@dataclass(frozen=True)
class Zone:
    mode: str = "rule"                # or "recipient"
    zone: str | None = None           # None: the business zone


@dataclass(frozen=True)
class Schedule:
    check: Check = field(default_factory=Check)
    recurrence: Recurrence = field(default_factory=Recurrence)
    active: Active = field(default_factory=Active)
    blackout: Blackout = field(default_factory=Blackout)
    quiet_hours: QuietHours = field(default_factory=QuietHours)
    timezone: Zone = field(default_factory=Zone)
    missed: str = "catch_up_once"     # or "skip"
    # Anniversaries on a day the rule does not run (a blackout, a day outside the recurrence):
    # False skips them, True wishes them on the first day it runs again.
    belated: bool = False

    @classmethod
    def from_dict(cls, data: Any, where: str = "schedule",
                  business: BusinessDefaults | None = None) -> "Schedule":
        from desktop.schedule.parse import parse_schedule

        return parse_schedule(data, where, business)

    def to_dict(self) -> dict[str, Any]:
        check: dict[str, Any]
        if self.check.times:
            check = {"times": [t.strftime("%H:%M") for t in self.check.times]}
        else:
            assert self.check.every is not None
            check = {"every_minutes": _minutes(self.check.every)}
        return {
            "check": check,
            "recurrence": _recurrence_dict(self.recurrence),
            "active": {"from": _iso(self.active.start), "to": _iso(self.active.end)},
            "blackout": {
                "dates": [d.isoformat() for d in self.blackout.dates],
                "yearly": [f"{m:02d}-{d:02d}" for m, d in self.blackout.yearly],
                "weekdays": [WEEKDAYS[d] for d in self.blackout.weekdays],
                "policy": self.blackout.policy,
            },
            "quiet_hours": {
                "bands": [str(b) for b in self.quiet_hours.bands],
                "business_default": self.quiet_hours.business_default,
                "policy": self.quiet_hours.policy,
            },
            "timezone": ({"mode": "recipient"} if self.timezone.mode == "recipient"
                         else {"mode": "rule", "zone": self.timezone.zone}),
            "missed": self.missed,
            "belated": self.belated,
        }

    def quiet_mask(self, business: BusinessDefaults) -> tuple[bool, ...]:
        """The rule's own bands plus, unless it opts out, the business's default bands."""
        return _quiet_mask(self.quiet_hours, business)

    def week_anchor(self) -> date:
        start = self.active.start or WEEK_ANCHOR
        return start - timedelta(days=start.weekday())


@lru_cache(maxsize=1024)
def _quiet_mask(quiet: QuietHours, business: BusinessDefaults) -> tuple[bool, ...]:
    bands = list(quiet.bands)
    if quiet.business_default:
        bands.extend(business.bands())
    return mask(bands)


def _minutes(every: timedelta) -> int | float:
    minutes = every / timedelta(minutes=1)
    return int(minutes) if minutes == int(minutes) else minutes


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _recurrence_dict(rec: Recurrence) -> dict[str, Any]:
    if rec.kind == "weekly":
        return {"kind": "weekly", "days": [WEEKDAYS[d] for d in rec.days], "every_weeks": rec.every_weeks}
    if rec.kind == "monthly" and rec.nth is not None:
        assert rec.weekday is not None
        return {"kind": "monthly", "nth": rec.nth, "weekday": WEEKDAYS[rec.weekday]}
    if rec.kind == "monthly":
        return {"kind": "monthly", "day": rec.day}
    if rec.kind == "yearly":
        return {"kind": "yearly", "month": rec.month, "day": rec.day}
    return {"kind": "daily"}


def time_label(t: time) -> str:
    return hhmm(t.hour * 60 + t.minute)


def to_time(minute: int) -> time:
    return time(minute // 60, minute % 60)

