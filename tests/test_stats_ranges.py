"""Local days in the business zone: midnight crossings, +05:45 offsets, 23- and 25-hour days."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop import stats
from tests.helpers.stats import add_contact, add_ledger, add_rule, utc


def _sends(ws, zone: str, instants: list[str]) -> int:
    ws.settings.set("business.timezone", zone, utc("2026-01-01 00:00:00"))
    rule = add_rule(ws, "R")
    contact = add_contact(ws, 1)
    for n, at in enumerate(instants):
        add_ledger(ws, rule, contact, f"o{n}", "sent", utc(at))
    return rule


def _sent_per_day(ws, since: date, until: date, rule=None) -> list[int]:
    return [d.stats.sent for d in stats.daily_series(ws, since, until, rule)]


def test_rome_midnight_in_november(workspace):
    # Rome is UTC+1 in November: 22:30 UTC is 23:30 on the 29th, 23:30 UTC is 00:30 on the 30th.
    rule = _sends(workspace, "Europe/Rome", ["2026-11-29 22:30:00", "2026-11-29 23:30:00", "2026-11-30 22:59:59",
                                             "2026-11-30 23:00:00"])
    assert _sent_per_day(workspace, date(2026, 11, 29), date(2026, 12, 1), rule) == [1, 2, 1]
    assert stats.rule_stats(workspace, date(2026, 11, 30), date(2026, 11, 30), rule).sent == 2
    assert stats.rule_stats(workspace, date(2026, 11, 30), date(2026, 11, 30)).sent == 2
    assert stats.rule_stats(workspace, date(2026, 11, 29), date(2026, 12, 1)).sent == 4


def test_kathmandu_quarter_hour_offset(workspace):
    # Kathmandu is UTC+05:45: 30 November starts at 18:15 UTC on the 29th.
    rule = _sends(workspace, "Asia/Kathmandu", ["2026-11-29 18:14:59", "2026-11-29 18:15:00", "2026-11-30 18:14:59",
                                                "2026-11-30 18:15:00"])
    assert _sent_per_day(workspace, date(2026, 11, 29), date(2026, 12, 1), rule) == [1, 2, 1]
    assert stats.rule_stats(workspace, date(2026, 11, 30), date(2026, 11, 30), rule).sent == 2
    table = stats.per_rule_table(workspace, date(2026, 11, 30), date(2026, 11, 30))
    assert [(r.name, r.stats.sent) for r in table] == [("R", 2)]


@pytest.mark.parametrize("day, first, last, hours", [
    (date(2026, 3, 29), "2026-03-28 23:00:00", "2026-03-29 21:59:59", 23),   # spring forward
    (date(2026, 10, 25), "2026-10-24 22:00:00", "2026-10-25 22:59:59", 25),  # fall back
])
def test_dst_days_are_23_and_25_hours(workspace, day, first, last, hours):
    before = (utc(first) - timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M:%S")
    after = (utc(last) + timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M:%S")
    assert (utc(after) - utc(first)) == timedelta(hours=hours)
    rule = _sends(workspace, "Europe/Rome", [before, first, last, after])
    assert _sent_per_day(workspace, day - timedelta(days=1), day + timedelta(days=1), rule) == [1, 2, 1]
    assert stats.rule_stats(workspace, day, day).sent == 2


@pytest.mark.parametrize("zone", ["Europe/Rome", "Asia/Kathmandu", "America/St_Johns", "UTC"])
def test_totals_match_each_instant_s_local_date(workspace, zone):
    """Random instants over ~3 months: every range sums what zoneinfo says falls in it."""
    rng = random.Random(zone)
    start = utc("2026-02-20 00:00:00")
    instants = [start + timedelta(seconds=rng.randrange(0, 90 * 86400)) for _ in range(400)]
    # Many around local midnights, where bucketing mistakes show.
    tz = ZoneInfo(zone)
    for n in range(60):
        midnight = (start + timedelta(days=n)).astimezone(tz).replace(hour=0, minute=0, second=0)
        instants.append(midnight + timedelta(seconds=rng.choice([-1, 0, 1, 899, 900])))
    rule = _sends(workspace, zone, [i.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%d %H:%M:%S") for i in instants])
    per_day = Counter(i.astimezone(tz).date() for i in instants)
    since, until = date(2026, 2, 20), date(2026, 5, 20)
    assert _sent_per_day(workspace, since, until) == [per_day[since + timedelta(days=k)]
                                                    for k in range((until - since).days + 1)]
    for _ in range(25):
        a = since + timedelta(days=rng.randrange(0, 89))
        b = a + timedelta(days=rng.randrange(0, 40))
        expected = sum(n for d, n in per_day.items() if a <= d <= b)
        assert stats.rule_stats(workspace, a, b, rule).sent == expected
        assert stats.rule_stats(workspace, a, b).sent == expected
        assert sum(r.stats.sent for r in stats.per_rule_table(workspace, a, b)) == expected


def test_bad_ranges_are_refused(workspace):
    from desktop.errors import InputError

    with pytest.raises(InputError, match="after it ends"):
        stats.rule_stats(workspace, date(2026, 3, 2), date(2026, 3, 1))
