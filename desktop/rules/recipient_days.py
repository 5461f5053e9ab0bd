"""Calendar questions a rule's SQL cannot settle for rules that follow each recipient's zone.

The query is written in one zone (the rule's, or the business's for per-recipient rules) and
leaves a margin of ``spread_days`` either side; the engine settles each matched row in the
recipient's own calendar with these helpers: which anniversary it is and how late it may
still be wished, and whether an "every N days" rule already sent within the last N of the
recipient's days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desktop.rules.model import Rule
from desktop.rules.clock import EvalClock, anniversary_plan, every_n_days_range, wish_deadline
from desktop.rules.sql_leaves import md_list
from desktop.schedule import Schedule
from desktop.timeutil import to_db

ONE_DAY = timedelta(days=1)


class RecipientCalendar:
    """A check's answers in each recipient's own calendar (zone by zone, remembered): which
    anniversary a row is and until when it may be wished; whether an "every N days" rule sent
    within the recipient's last N days. Rules in one zone ask it for that zone."""

    def __init__(self, db: Any, rule: Rule, rule_id: int, schedule: Schedule, clock: EvalClock) -> None:
        self._db, self._rule, self._rule_id, self._schedule, self._clock = db, rule, rule_id, schedule, clock
        self._days: dict[str, list[tuple[date, set[str], datetime]]] = {}
        self._today: dict[str, date] = {}
        self._recent: dict[int, set[date]] | None = None

    def anniversary(self, value: str | None, zone: str) -> tuple[date, datetime] | None:
        """(the anniversary day, the instant its wish is too late), or None if it is not due now."""
        days = self._days.get(zone)
        if days is None:
            days = self._days[zone] = anniversary_days(self._schedule, self._clock.now,
                                                       self._clock.window_start, zone)
        key = value[5:10] if value else None
        return next(((day, deadline) for day, keys, deadline in days if key in keys), None)

    def day_occurrence(self, contact_id: int, zone: str) -> str | None:
        """``day:`` + the recipient's today, or None if sent within their last N days."""
        today = self._today.get(zone)
        if today is None:
            today = self._today[zone] = self._clock.now.astimezone(ZoneInfo(zone)).date()
        if self._recent is None:
            self._recent = recent_match_days(self._db, self._rule_id, self._clock, self._rule.resend["days"])
        if sent_within(self._recent.get(contact_id, set()), today, self._rule.resend["days"]):
            return None
        return f"day:{today.isoformat()}"


def anniversary_days(schedule: Schedule | None, now: datetime, window_start: datetime,
                     zone: str) -> list[tuple[date, set[str], datetime]]:
    """(anniversary day, its month-day keys, the instant the wish is too late) a recipient in
    ``zone`` may be wished for now, newest first, none before the window's first local day."""
    tz = ZoneInfo(zone)
    today, first = now.astimezone(tz).date(), window_start.astimezone(tz).date()
    return [(day, set(md_list([day])), wish_deadline(due, tz))
            for day, due in anniversary_plan(schedule, today, first)]


def recent_match_days(db: Any, rule_id: int, clock: EvalClock, days: int) -> dict[int, set[date]]:
    """Contact -> the days (``day:`` occurrences) this "every N days" rule matched them on that
    the SQL left undecided: the edges of the last N days that depend on the recipient's zone.
    Read through the (rule, time) index over a few days, once per check."""
    spread = timedelta(days=clock.spread_days)
    sure_first, sure_last = every_n_days_range(clock, days)
    low, high = clock.today - timedelta(days=days - 1) - spread, clock.today + spread
    open_days = [low + ONE_DAY * i for i in range((high - low).days + 1)]
    open_days = [d for d in open_days if not sure_first <= d <= sure_last]
    found: dict[int, set[date]] = {}
    for run in _runs(open_days):
        keys = [f"day:{d.isoformat()}" for d in run]
        # A row of day D matched while D was the local day somewhere within the spread.
        since = clock.day_start(run[0] - spread)
        until = min(clock.day_start(run[-1] + ONE_DAY + spread), to_db(clock.now))
        marks = ", ".join("?" for _ in keys)
        for contact_id, occurrence in db.execute(
                f"SELECT contact_id, occurrence FROM ledger WHERE rule_id = ? AND matched_at >= ? "
                f"AND matched_at <= ? AND occurrence IN ({marks})", [rule_id, since, until, *keys]):
            found.setdefault(contact_id, set()).add(date.fromisoformat(occurrence[4:]))
    return found


def sent_within(matched_days: set[date], today: date, days: int) -> bool:
    """Was one of ``matched_days`` among the last ``days`` calendar days up to ``today``?"""
    first = today - timedelta(days=days - 1)
    return any(first <= day <= today for day in matched_days)


def _runs(days: list[date]) -> list[list[date]]:
    runs: list[list[date]] = []
    for day in days:
        if runs and runs[-1][-1] + ONE_DAY == day:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs
