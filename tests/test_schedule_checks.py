"""When checks happen: recurrence kinds, blackouts, DST, and what happens after the PC was off."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from desktop.schedule import (
    BusinessDefaults, Schedule, check_window, checks_between, missed_checks, next_check, previous_check)

UTC = timezone.utc
ROME = ZoneInfo("Europe/Rome")
BUSINESS = BusinessDefaults("Europe/Rome", ["21:00-09:00"])


def rome(*args: int) -> datetime:
    return datetime(*args, tzinfo=ROME).astimezone(UTC)


def local_checks(spec: dict, start: datetime, end: datetime, zone: ZoneInfo = ROME) -> list[datetime]:
    schedule = Schedule.from_dict(spec, business=BUSINESS)
    return [c.astimezone(zone).replace(tzinfo=None) for c in checks_between(schedule, start, end, business=BUSINESS)]


def test_daily_at_fixed_times() -> None:
    found = local_checks({"check": {"times": ["09:00", "15:00"]}}, rome(2026, 5, 1), rome(2026, 5, 3))
    assert found == [datetime(2026, 5, 1, 9), datetime(2026, 5, 1, 15), datetime(2026, 5, 2, 9),
                     datetime(2026, 5, 2, 15)]


def test_weekly_on_some_days() -> None:
    spec = {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["mon", "thu"]}}
    found = local_checks(spec, rome(2026, 5, 1), rome(2026, 5, 15))
    assert [d.date() for d in found] == [date(2026, 5, 4), date(2026, 5, 7), date(2026, 5, 11), date(2026, 5, 14)]
    assert {d.weekday() for d in found} == {0, 3}


def test_every_two_weeks_counts_from_the_active_period() -> None:
    spec = {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["mon"], "every_weeks": 2},
            "active": {"from": "2026-05-13"}}
    found = local_checks(spec, rome(2026, 5, 1), rome(2026, 6, 20))
    assert [d.date() for d in found] == [date(2026, 5, 25), date(2026, 6, 8)]


def test_monthly_on_day_n_uses_the_last_day_of_shorter_months() -> None:
    spec = {"check": {"times": ["08:00"]}, "recurrence": {"kind": "monthly", "day": 31}}
    found = local_checks(spec, rome(2026, 1, 1), rome(2026, 5, 1))
    assert [d.date() for d in found] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]


def test_monthly_on_the_first_monday_and_the_last_sunday() -> None:
    first = local_checks({"check": {"times": ["09:00"]}, "recurrence": {"kind": "monthly", "nth": 1, "weekday": "mon"}},
                         rome(2026, 1, 1), rome(2026, 4, 1))
    assert [d.date() for d in first] == [date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2)]
    last = local_checks({"check": {"times": ["09:00"]}, "recurrence": {"kind": "monthly", "nth": -1, "weekday": "sun"}},
                        rome(2026, 1, 1), rome(2026, 4, 1))
    assert [d.date() for d in last] == [date(2026, 1, 25), date(2026, 2, 22), date(2026, 3, 29)]


def test_yearly() -> None:
    spec = {"check": {"times": ["10:00"]}, "recurrence": {"kind": "yearly", "month": 12, "day": 1}}
    found = local_checks(spec, rome(2026, 1, 1), rome(2029, 1, 1))
    assert found == [datetime(2026, 12, 1, 10), datetime(2027, 12, 1, 10), datetime(2028, 12, 1, 10)]


def test_active_period_bounds_the_checks_and_ends_them() -> None:
    spec = {"check": {"times": ["09:00"]}, "active": {"from": "2026-05-10", "to": "2026-05-12"}}
    schedule = Schedule.from_dict(spec)
    found = local_checks(spec, rome(2026, 5, 1), rome(2026, 6, 1))
    assert [d.date() for d in found] == [date(2026, 5, 10), date(2026, 5, 11), date(2026, 5, 12)]
    assert next_check(schedule, rome(2026, 5, 12, 9), business=BUSINESS) is None


def test_blackout_skip_drops_the_run() -> None:
    spec = {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["fri"]},
            "blackout": {"dates": ["2026-12-25"], "policy": "skip"}}
    found = local_checks(spec, rome(2026, 12, 15), rome(2027, 1, 5))
    assert [d.date() for d in found] == [date(2026, 12, 18), date(2027, 1, 1)]


def test_blackout_next_allowed_day_moves_the_run_past_every_blocked_day() -> None:
    # Friday 25 December is blocked, so are the weekend (weekly) and the 28th (one-off): Tuesday 29th.
    spec = {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["fri"]},
            "blackout": {"dates": ["2026-12-28"], "yearly": ["12-25"], "weekdays": ["sat", "sun"],
                         "policy": "next_allowed_day"}}
    found = local_checks(spec, rome(2026, 12, 15), rome(2027, 1, 5))
    assert [d.date() for d in found] == [date(2026, 12, 18), date(2026, 12, 29), date(2027, 1, 1)]


def test_blocked_runs_moved_onto_a_run_day_merge() -> None:
    spec = {"check": {"times": ["09:00"]}, "blackout": {"dates": ["2026-12-25"], "policy": "next_allowed_day"}}
    found = local_checks(spec, rome(2026, 12, 24), rome(2026, 12, 27))
    assert [d.date() for d in found] == [date(2026, 12, 24), date(2026, 12, 26)]


def test_fixed_times_keep_local_time_across_dst_and_never_double() -> None:
    spec = {"check": {"times": ["02:30", "09:00"]}}
    spring = local_checks(spec, rome(2026, 3, 28), rome(2026, 3, 30, 12))
    # 02:30 does not exist on 29 March: once, when the gap ends (03:00 CEST).
    assert spring == [datetime(2026, 3, 28, 2, 30), datetime(2026, 3, 28, 9), datetime(2026, 3, 29, 3), datetime(2026, 3, 29, 9),
                      datetime(2026, 3, 30, 2, 30), datetime(2026, 3, 30, 9)]
    schedule = Schedule.from_dict(spec)
    autumn = list(checks_between(schedule, rome(2026, 10, 24, 12), rome(2026, 10, 25, 12), business=BUSINESS))
    # 02:30 happens twice on 25 October; the check happens once, the first time (00:30 UTC).
    assert autumn == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 8, 0, tzinfo=UTC)]


def test_every_n_minutes_is_elapsed_time_from_local_midnight() -> None:
    schedule = Schedule.from_dict({"check": {"every_minutes": 60}})
    autumn = list(checks_between(schedule, rome(2026, 10, 25) - timedelta(seconds=1), rome(2026, 10, 26) - timedelta(seconds=1),
                                 business=BUSINESS))
    assert len(autumn) == 25 and len(set(autumn)) == 25
    assert all(b - a == timedelta(hours=1) for a, b in zip(autumn, autumn[1:]))
    spring = list(checks_between(schedule, rome(2026, 3, 29) - timedelta(seconds=1), rome(2026, 3, 30) - timedelta(seconds=1),
                                 business=BUSINESS))
    assert len(spring) == 23
    ninety = Schedule.from_dict({"check": {"every_minutes": 90}})
    day = list(checks_between(ninety, rome(2026, 5, 1) - timedelta(seconds=1), rome(2026, 5, 2) - timedelta(seconds=1),
                              business=BUSINESS))
    assert [c.astimezone(ROME).strftime("%H:%M") for c in day[:3]] == ["00:00", "01:30", "03:00"]
    assert day[-1].astimezone(ROME).strftime("%H:%M") == "22:30" and len(day) == 16


def test_recipient_mode_checks_in_the_business_zone_rule_mode_in_its_own() -> None:
    recipient = Schedule.from_dict({"check": {"times": ["09:00"]}, "timezone": {"mode": "recipient"}})
    tokyo = Schedule.from_dict({"check": {"times": ["09:00"]}, "timezone": {"zone": "Asia/Tokyo"}})
    after = rome(2026, 5, 1, 12)
    assert next_check(recipient, after, business=BUSINESS) == rome(2026, 5, 2, 9)
    assert next_check(tokyo, after, business=BUSINESS) == datetime(2026, 5, 2, 0, 0, tzinfo=UTC)


def test_previous_check_mirrors_next_check() -> None:
    schedule = Schedule.from_dict({"check": {"every_minutes": 45}, "recurrence": {"kind": "weekly", "days": ["mon"]}})
    checks = list(checks_between(schedule, rome(2026, 3, 1), rome(2026, 4, 1), business=BUSINESS))
    for earlier, later in zip(checks, checks[1:]):
        assert previous_check(schedule, later, business=BUSINESS) == earlier


# --- the PC was off for two days -----------------------------------------------------------------

HOURLY = {"check": {"every_minutes": 60}}
LAST = rome(2026, 5, 4, 10)          # the last check before the PC went off
BACK = rome(2026, 5, 6, 10, 20)      # two days and twenty minutes later


def test_catch_up_once_after_two_days_off() -> None:
    schedule = Schedule.from_dict({**HOURLY, "missed": "catch_up_once"})
    assert missed_checks(schedule, LAST, BACK, business=BUSINESS) == "catch_up"
    # One check now, covering the whole time off; then back on the normal grid.
    assert check_window(schedule, LAST, BACK, business=BUSINESS) == (LAST, BACK)
    assert next_check(schedule, BACK, business=BUSINESS) == rome(2026, 5, 6, 11)
    assert check_window(schedule, BACK, rome(2026, 5, 6, 11), business=BUSINESS) == (BACK, rome(2026, 5, 6, 11))


def test_skip_after_two_days_off_waits_for_the_next_window() -> None:
    schedule = Schedule.from_dict({**HOURLY, "missed": "skip"})
    assert missed_checks(schedule, LAST, BACK, business=BUSINESS) == "skip"
    nxt = next_check(schedule, BACK, business=BUSINESS)
    assert nxt == rome(2026, 5, 6, 11)
    # The missed windows are dropped: the next check looks back one normal window only.
    assert check_window(schedule, LAST, nxt, business=BUSINESS) == (rome(2026, 5, 6, 10), nxt)


def test_nothing_missed_when_the_next_check_is_still_ahead() -> None:
    for missed in ("catch_up_once", "skip"):
        schedule = Schedule.from_dict({**HOURLY, "missed": missed})
        assert missed_checks(schedule, LAST, LAST + timedelta(minutes=59), business=BUSINESS) == "none"
        assert missed_checks(schedule, None, BACK, business=BUSINESS) == "none"


def test_a_weekly_rule_off_over_its_day_catches_up_once() -> None:
    schedule = Schedule.from_dict({"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["tue"]}})
    last = rome(2026, 5, 5, 9)
    assert missed_checks(schedule, last, rome(2026, 5, 12, 8), business=BUSINESS) == "none"
    assert missed_checks(schedule, last, rome(2026, 5, 13, 8), business=BUSINESS) == "catch_up"


def test_windows_on_time_are_contiguous_and_the_first_has_a_normal_length() -> None:
    schedule = Schedule.from_dict(HOURLY)
    checks = list(checks_between(schedule, rome(2026, 5, 1), rome(2026, 5, 2), business=BUSINESS))
    previous = None
    for check in checks:
        start, end = check_window(schedule, previous, check, business=BUSINESS)
        assert end == check
        assert start == (previous if previous else check - timedelta(hours=1))
        previous = check
