"""Property tests over a simulated year and two dozen zones: the promises users rely on.

The oracle below reads the JSON spec directly and checks local wall-clock facts with
``zoneinfo``; it shares no code with ``desktop.schedule`` beyond parsing the spec.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from desktop.schedule import BusinessDefaults, Schedule, checks_between, next_check, previous_check, send_time

UTC = timezone.utc
ZONES = [
    "Europe/Rome", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham",
    "America/Santiago", "Australia/Sydney", "America/Sao_Paulo", "Asia/Kathmandu", "Europe/London",
    "America/Los_Angeles", "Pacific/Auckland", "Asia/Tokyo", "America/St_Johns", "Asia/Tehran",
    "Africa/Casablanca", "Europe/Dublin", "America/Havana", "Asia/Beirut", "Pacific/Kiritimati",
    "America/Asuncion", "Australia/Adelaide", "Antarctica/Troll", "Pacific/Apia",
]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
YEAR_START = datetime(2026, 1, 1, tzinfo=UTC)
YEAR_END = datetime(2027, 1, 1, tzinfo=UTC)
BUSINESS = BusinessDefaults("Europe/Rome", ["21:00-09:00"])
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies ------------------------------------------------------------------------------

_hhmm = st.integers(0, 1439).map(lambda m: f"{m // 60:02d}:{m % 60:02d}")
_recurrence = st.one_of(
    st.just({"kind": "daily"}),
    st.builds(lambda d, n: {"kind": "weekly", "days": d, "every_weeks": n},
              st.lists(st.sampled_from(DAYS), min_size=1, max_size=4, unique=True), st.integers(1, 3)),
    st.builds(lambda d: {"kind": "monthly", "day": d}, st.integers(1, 28)),
    st.builds(lambda n, w: {"kind": "monthly", "nth": n, "weekday": w}, st.sampled_from([1, 2, 4, -1]),
              st.sampled_from(DAYS)),
)
_blackout = st.fixed_dictionaries({
    "dates": st.lists(st.dates(date(2026, 1, 1), date(2026, 12, 31)).map(date.isoformat), unique=True, max_size=8),
    "yearly": st.lists(st.sampled_from(["01-01", "04-25", "08-15", "12-25", "12-26"]), unique=True, max_size=3),
    "weekdays": st.lists(st.sampled_from(DAYS), unique=True, max_size=2),
    "policy": st.sampled_from(["skip", "next_allowed_day"]),
})
# Bands of 30 minutes to 12 hours, any start (crossing midnight is common), or in the small hours.
_band = st.one_of(st.tuples(st.integers(0, 1439), st.integers(30, 720)),
                  st.tuples(st.integers(0, 240), st.integers(30, 150))).map(  # around DST changes
    lambda se: f"{se[0] // 60:02d}:{se[0] % 60:02d}-{(se[0] + se[1]) % 1440 // 60:02d}:{(se[0] + se[1]) % 60:02d}")
_quiet = st.fixed_dictionaries({"bands": st.lists(_band, max_size=2, unique=True),
                                "business_default": st.booleans(),
                                "policy": st.sampled_from(["defer", "skip"])})
_active = st.one_of(st.just({}), st.builds(
    lambda a, n: {"from": a.isoformat(), "to": (a + timedelta(days=n)).isoformat()},
    st.dates(date(2025, 12, 1), date(2026, 10, 1)), st.integers(30, 400)))


def _valid(spec: dict) -> bool:
    try:
        Schedule.from_dict(spec, business=BUSINESS)
    except Exception:
        return False
    return True


def _send_spec(zone_mode: st.SearchStrategy) -> st.SearchStrategy:
    return st.fixed_dictionaries({
        "check": st.builds(lambda t: {"times": t}, st.lists(_hhmm, min_size=1, max_size=3, unique=True)),
        "recurrence": _recurrence, "blackout": _blackout, "quiet_hours": _quiet, "active": _active,
        "timezone": zone_mode,
    }).filter(_valid)


# --- the oracle: the spec read literally --------------------------------------------------------

def _iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _blocked(spec: dict, day: date) -> bool:
    bl = spec.get("blackout", {})
    return (DAYS[day.weekday()] in bl.get("weekdays", []) or day.isoformat() in bl.get("dates", [])
            or day.strftime("%m-%d") in bl.get("yearly", []))


def _recurs(spec: dict, day: date) -> bool:
    rec = spec.get("recurrence", {"kind": "daily"})
    if rec["kind"] == "weekly":
        anchor = _iso(spec.get("active", {}).get("from")) or date(2024, 1, 1)
        monday = anchor - timedelta(days=anchor.weekday())
        return DAYS[day.weekday()] in rec["days"] and ((day - monday).days // 7) % rec.get("every_weeks", 1) == 0
    if rec["kind"] == "monthly" and "day" in rec:
        return day.day == rec["day"]
    if rec["kind"] == "monthly":
        if DAYS[day.weekday()] != rec["weekday"]:
            return False
        return (day + timedelta(days=7)).month != day.month if rec["nth"] == -1 else (day.day + 6) // 7 == rec["nth"]
    return True


def _in_period(spec: dict, day: date) -> bool:
    start, end = _iso(spec.get("active", {}).get("from")), _iso(spec.get("active", {}).get("to"))
    return (start is None or day >= start) and (end is None or day <= end)


def oracle_run_day(spec: dict, day: date) -> bool:
    if not _in_period(spec, day) or _blocked(spec, day):
        return False
    if _recurs(spec, day):
        return True
    if spec.get("blackout", {}).get("policy") == "next_allowed_day":
        earlier = day - timedelta(days=1)
        while _blocked(spec, earlier) and _in_period(spec, earlier):
            if _recurs(spec, earlier):
                return True
            earlier -= timedelta(days=1)
    return False


def _quiet_minute(spec: dict, minute: int) -> bool:
    quiet = spec.get("quiet_hours", {})
    bands = list(quiet.get("bands", [])) + (list(BUSINESS.quiet_hours) if quiet.get("business_default", True) else [])
    for band in bands:
        start, end = (int(t[:2]) * 60 + int(t[3:]) for t in band.split("-"))
        if (start <= minute < end) if start < end else (minute >= start or minute < end):
            return True
    return False


def oracle_allows(spec: dict, zone: str, at: datetime) -> bool:
    local = at.astimezone(ZoneInfo(zone))
    return oracle_run_day(spec, local.date()) and not _quiet_minute(spec, local.hour * 60 + local.minute)


def _effective_zone(spec: dict, recipient: str) -> str:
    tz = spec.get("timezone", {})
    return recipient if tz.get("mode") == "recipient" else (tz.get("zone") or BUSINESS.zone)


def assert_sound_decision(spec: dict, schedule: Schedule, recipient: str, matched: datetime) -> None:
    zone = _effective_zone(spec, recipient)
    decision = send_time(schedule, recipient, matched, business=BUSINESS)
    if decision.at is None:
        assert decision.reason and not oracle_allows(spec, zone, matched)
        return
    assert decision.at >= matched
    assert oracle_allows(spec, zone, decision.at), (decision, decision.at.astimezone(ZoneInfo(zone)))
    if not decision.deferred:
        assert decision.at == matched and oracle_allows(spec, zone, matched)
        return
    assert decision.reason and not oracle_allows(spec, zone, matched)
    assert decision.at.second == 0 and decision.at.microsecond == 0
    # The first allowed minute: the minute before is not allowed, nor is any minute sampled in between.
    assert not oracle_allows(spec, zone, decision.at - timedelta(minutes=1))
    span = decision.at - matched
    for k in range(1, 41):
        assert not oracle_allows(spec, zone, matched + span * k / 41)


# --- sends -------------------------------------------------------------------------------------

@pytest.mark.parametrize("zone", ZONES)
@given(spec=_send_spec(st.just({"mode": "recipient"})), offsets=st.lists(st.integers(0, 365 * 24 * 60), min_size=20, max_size=20))
@settings(PROPERTY, max_examples=8)
def test_sends_at_random_instants_of_the_year(zone: str, spec: dict, offsets: list[int]) -> None:
    schedule = Schedule.from_dict(spec, business=BUSINESS)
    for offset in offsets:
        assert_sound_decision(spec, schedule, zone, YEAR_START + timedelta(minutes=offset, seconds=offset % 59))


@pytest.mark.parametrize("zone", ZONES[:12])
@given(spec=_send_spec(st.sampled_from([{"mode": "recipient"}, {"mode": "rule", "zone": "America/Santiago"},
                                        {"mode": "rule"}])),
       delay=st.integers(0, 600))
@settings(PROPERTY, max_examples=3)
def test_a_simulated_year_of_planned_sends(zone: str, spec: dict, delay: int) -> None:
    """Every check of a year matches someone in ``zone``; every planned send obeys the rules there."""
    schedule = Schedule.from_dict(spec, business=BUSINESS)
    for check in checks_between(schedule, YEAR_START, YEAR_END, business=BUSINESS):
        assert_sound_decision(spec, schedule, zone, check + timedelta(seconds=delay))


# --- checks ------------------------------------------------------------------------------------

_check = st.one_of(
    st.builds(lambda t: {"times": t}, st.lists(_hhmm, min_size=1, max_size=4, unique=True)),
    # Times in the small hours, where DST transitions happen.
    st.builds(lambda t: {"times": t}, st.lists(st.integers(0, 240).map(lambda m: f"{m // 60:02d}:{m % 60:02d}"),
                                               min_size=1, max_size=4, unique=True)),
    st.builds(lambda n: {"every_minutes": n}, st.sampled_from([45, 60, 90, 100, 180, 420, 1440])),
)
_check_spec = st.fixed_dictionaries({"check": _check, "recurrence": _recurrence, "blackout": _blackout,
                                     "active": _active}).filter(_valid)


def _wall(at: datetime, zone: ZoneInfo) -> datetime:
    return at.astimezone(zone).replace(tzinfo=None)


def _exists(day: date, minute: int, zone: ZoneInfo) -> list[datetime]:
    wall = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minute)
    return sorted({i for i in (wall.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1))
                   if _wall(i, zone) == wall})


@pytest.mark.parametrize("zone_name", ZONES)
@given(spec=_check_spec)
@settings(PROPERTY, max_examples=4)
def test_no_check_doubled_or_lost_over_a_year(zone_name: str, spec: dict) -> None:
    spec = {**spec, "timezone": {"mode": "rule", "zone": zone_name}}
    zone = ZoneInfo(zone_name)
    schedule = Schedule.from_dict(spec, business=BUSINESS)
    checks = list(checks_between(schedule, YEAR_START - timedelta(days=1), YEAR_END + timedelta(days=1),
                                 business=BUSINESS))
    assert all(a < b for a, b in zip(checks, checks[1:])), "checks must strictly increase"
    by_day: dict[date, list[datetime]] = {}
    for check in checks:
        by_day.setdefault(check.astimezone(zone).date(), []).append(check)
    first_day, last_day = YEAR_START.astimezone(zone).date() + timedelta(days=1), YEAR_END.astimezone(zone).date() - timedelta(days=1)
    day = first_day
    while day <= last_day:
        found = by_day.get(day, [])
        if not oracle_run_day(spec, day):
            assert found == [], f"checks on {day}, not a run day"
        elif "times" in spec["check"]:
            _assert_fixed_times(spec["check"]["times"], day, found, zone)
        else:
            _assert_interval(spec["check"]["every_minutes"], day, found, zone)
        day += timedelta(days=1)
    for earlier, later in list(zip(checks, checks[1:]))[::97]:
        assert previous_check(schedule, later, business=BUSINESS) == earlier
        assert next_check(schedule, earlier, business=BUSINESS) == later


def _assert_fixed_times(times: list[str], day: date, found: list[datetime], zone: ZoneInfo) -> None:
    expected: set[datetime] = set()
    for text in times:
        minute = int(text[:2]) * 60 + int(text[3:])
        instants = _exists(day, minute, zone)
        if instants:
            expected.add(instants[0])          # a repeated time: once, the first time
        else:                                  # a missing time: once, at the end of the gap
            gap_end = [f for f in found if f.astimezone(zone).utcoffset() != (f - timedelta(seconds=1)).astimezone(zone).utcoffset()]
            assert len(gap_end) == 1, f"{text} on {day} fell in a gap but no check marks its end"
            before, after = _wall(gap_end[0] - timedelta(seconds=1), zone), _wall(gap_end[0], zone)
            assert before.time() < datetime.strptime(text, "%H:%M").time() <= after.time() or before.date() < day
            expected.add(gap_end[0])
    assert sorted(expected) == found, f"{day}: expected {sorted(expected)}, got {found}"


def _assert_interval(every: int, day: date, found: list[datetime], zone: ZoneInfo) -> None:
    assert found, f"no check on run day {day}"
    first = found[0]
    assert (first - timedelta(seconds=1)).astimezone(zone).date() < day, "first check is not at the day's start"
    assert all(b - a == timedelta(minutes=every) for a, b in zip(found, found[1:]))
    next_midnight = _exists(day + timedelta(days=1), 0, zone) or [found[-1] + timedelta(minutes=every)]
    length = next_midnight[0] - first
    assert len(found) == math.ceil(length / timedelta(minutes=every))
