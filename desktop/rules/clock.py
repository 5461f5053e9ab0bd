"""The instants a rule check works with: now, the window since the previous check, the zone.

Relative conditions ("cart updated 3 hours ago") look at the window (start, end] between the
previous check and this one, shifted back by their delay, so an event is caught by exactly
one check however the checks are spaced — and by a catch-up check after the PC was off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.schedule import Schedule
from desktop.schedule.calendar import is_run_day
from desktop.timeutil import UTC, to_db


# A missed birthday is wished at most this many days late (a PC off overnight still sends
# yesterday's wishes; a week-old "happy birthday" would embarrass the shop). It is a limit in
# the recipient's own calendar, on the day the wish goes out, not only on the day it matched.
ANNIVERSARY_CATCH_UP_DAYS = 1
# A belated wish covers at most this long a stretch of days without sends (under a year, so a
# month-day names one date).
BELATED_MAX_DAYS = 364
_DEFAULT = Schedule()


@dataclass(frozen=True)
class EvalClock:
    now: datetime
    window_start: datetime
    zone: str
    # Rules that follow each recipient's zone widen day-based matching by this many days on
    # each side; the engine then keeps only rows whose *local* day matches.
    spread_days: int = 0
    # The rule's schedule: which local days it runs, its missed-window policy, belated wishes.
    schedule: Schedule | None = None

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
        """Local days whose anniversaries this check may wish (see ``anniversary_plan``),
        oldest first; widened by ``spread_days`` for rules that follow each recipient's zone."""
        spread = timedelta(days=self.spread_days)
        found: set[date] = set()
        for offset in range(-self.spread_days, self.spread_days + 1):
            today = self.today + timedelta(days=offset)
            found.update(day for day, _ in anniversary_plan(self.schedule, today, self.first_day - spread))
        return sorted(found)

    def day_start(self, day: date) -> str:
        """UTC text of local midnight starting ``day`` (DST-safe: midnight as the zone has it)."""
        return to_db(datetime.combine(day, time(0), tzinfo=self.tz).astimezone(UTC))


def anniversary_plan(schedule: Schedule | None, today: date, first: date) -> list[tuple[date, date]]:
    """(anniversary, the day it is due) for what a check on local day ``today`` may wish, newest
    first, none before ``first`` (the window's first day).

    An anniversary is due on its own day if the rule runs then; on a day it does not run
    (blackout, outside the recurrence or the active period) it is skipped, or — with
    ``"belated": true`` — due on the first day the rule runs again, the same for every blocked
    day. A due day the PC missed is caught up the day after under ``catch_up_once``, never
    under ``skip``. Nothing is due on a day the rule does not run.
    """
    schedule = schedule or _DEFAULT
    one = timedelta(days=1)
    dues = [today] + ([today - one] if schedule.missed == "catch_up_once" else [])
    plan: list[tuple[date, date]] = []
    for due in dues:
        if not is_run_day(schedule, due):
            continue
        plan.append((due, due))
        day = due - one
        for _ in range(BELATED_MAX_DAYS if schedule.belated else 0):
            if is_run_day(schedule, day):
                break
            plan.append((day, due))
            day -= one
    return [(day, due) for day, due in plan if day >= first]


def wish_deadline(due: date, tz: ZoneInfo) -> datetime:
    """The end of the day after ``due`` in ``tz``: a wish may be at most one day late."""
    midnight = datetime.combine(due + timedelta(days=ANNIVERSARY_CATCH_UP_DAYS + 1), time(0), tzinfo=tz)
    return midnight.astimezone(UTC)


def every_n_days_range(clock: EvalClock, days: int) -> tuple[date, date]:
    """The earlier match days (rule zone) that certainly keep an "every N days" rule from
    sending again today: the last N calendar days, today included. For rules that follow each
    recipient's zone, only the days inside that range for every zone ``spread_days`` away;
    the engine decides the edges in each recipient's calendar (``recent_match_days``)."""
    spread = timedelta(days=clock.spread_days)
    return clock.today - timedelta(days=days - 1) + spread, clock.today - spread


def span(amount: int, unit: str) -> timedelta:
    return timedelta(hours=amount) if unit == "hours" else timedelta(days=amount)


def ts(moment: datetime) -> str:
    return to_db(moment)
