"""The instants a rule check works with: now, the window since the previous check, the zone.

Relative conditions ("cart updated 3 hours ago") look at the window (start, end] between the
previous check and this one, shifted back by their delay, so an event is caught by exactly
one check however the checks are spaced — and by a catch-up check after the PC was off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.timeutil import UTC, to_db


# A missed birthday is wished at most this many days late (a PC off overnight still sends
# yesterday's wishes; a week-old "happy birthday" would embarrass the shop).
ANNIVERSARY_CATCH_UP_DAYS = 1


@dataclass(frozen=True)
class EvalClock:
    now: datetime
    window_start: datetime
    zone: str
    # Rules that follow each recipient's zone widen day-based matching by this many days on
    # each side; the engine then keeps only rows whose *local* day matches.
    spread_days: int = 0

    def __post_init__(self) -> None:
        if self.window_start > self.now:
            raise ValueError("a check window cannot start after it ends")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    @property
    def today(self) -> date:
        return self.now.astimezone(self.tz).date()

    @property
    def first_day(self) -> date:
        """The first local day the window covers beyond the previous check's day (at most today)."""
        start_day = self.window_start.astimezone(self.tz).date()
        return min(start_day + timedelta(days=1), self.today)

    def days(self) -> list[date]:
        """Local days whose date-based conditions this check is responsible for (max one year)."""
        first = max(self.first_day, self.today - timedelta(days=366))
        return [first + timedelta(days=i) for i in range((self.today - first).days + 1)]

    def anniversary_days(self) -> list[date]:
        first = max(self.first_day, self.today - timedelta(days=ANNIVERSARY_CATCH_UP_DAYS))
        first -= timedelta(days=self.spread_days)
        last = self.today + timedelta(days=self.spread_days)
        return [first + timedelta(days=i) for i in range((last - first).days + 1)]

    def day_start(self, day: date) -> str:
        """UTC text of local midnight starting ``day`` (DST-safe: midnight as the zone has it)."""
        return to_db(datetime.combine(day, time(0), tzinfo=self.tz).astimezone(UTC))


def span(amount: int, unit: str) -> timedelta:
    return timedelta(hours=amount) if unit == "hours" else timedelta(days=amount)


def ts(moment: datetime) -> str:
    return to_db(moment)
