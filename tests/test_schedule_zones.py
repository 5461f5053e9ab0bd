"""Which zone a recipient is in, and wall-clock times across DST gaps and folds."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from desktop.schedule import resolve_zone
from desktop.schedule.zones import day_start, first_instant, transitions_on, wall_instants

UTC = timezone.utc
ROME = ZoneInfo("Europe/Rome")


@pytest.mark.parametrize("contact_zone, phone, expected", [
    ("Asia/Tokyo", "+393331234567", "Asia/Tokyo"),            # the contact's own zone wins
    ("Mars/Olympus", "+393331234567", "Europe/Rome"),         # invalid zone: the phone's country
    ("", "+447911123456", "Europe/Guernsey"),                  # several zones: the library's first
    (None, "+61412345678", "Australia/Adelaide"),              # (a mobile number has no area)
    (None, "+12125550123", "America/New_York"),               # a US number's area code narrows it
    (None, "+14155550123", "America/Los_Angeles"),
    ("  Europe/Rome", "+5511912345678", "America/Sao_Paulo"),  # untrimmed name is not valid
    (None, None, "Pacific/Auckland"),                          # nothing known: the business zone
    (None, "not a number", "Pacific/Auckland"),
    (None, "+999123", "Pacific/Auckland"),                     # unknown country code
])
def test_zone_fallback_chain(contact_zone: str | None, phone: str | None, expected: str) -> None:
    assert resolve_zone(contact_zone, phone, "Pacific/Auckland") == expected


def test_several_zones_are_resolved_the_same_way_every_time() -> None:
    answers = {resolve_zone(None, "+61412345678", "Europe/Rome") for _ in range(5)}
    assert len(answers) == 1


def test_a_missing_wall_time_is_the_end_of_the_gap() -> None:
    # Rome, 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    assert wall_instants(date(2026, 3, 29), 150, ROME) == [datetime(2026, 3, 29, 1, 0, tzinfo=UTC)]
    assert transitions_on(date(2026, 3, 29), ROME) == [datetime(2026, 3, 29, 1, 0, tzinfo=UTC)]
    assert transitions_on(date(2026, 3, 30), ROME) == []


def test_a_repeated_wall_time_has_two_instants_and_the_first_is_used() -> None:
    # Rome, 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00 UTC.
    both = wall_instants(date(2026, 10, 25), 150, ROME)
    assert both == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)]
    assert first_instant(date(2026, 10, 25), 150, ROME) == both[0]


def test_a_day_that_starts_at_one_in_the_morning() -> None:
    # Santiago skips midnight: on 6 September 2026 clocks go from 24:00 to 01:00.
    santiago = ZoneInfo("America/Santiago")
    start = day_start(date(2026, 9, 6), santiago)
    assert start.astimezone(santiago).replace(tzinfo=None) == datetime(2026, 9, 6, 1, 0)
    assert start == datetime(2026, 9, 6, 4, 0, tzinfo=UTC)
    assert (start - timedelta(seconds=1)).astimezone(santiago).date() == date(2026, 9, 5)


def test_lord_howe_half_hour_gap() -> None:
    lord_howe = ZoneInfo("Australia/Lord_Howe")
    # 4 October 2026: 02:00 +10:30 jumps to 02:30 +11:00.
    [instant] = wall_instants(date(2026, 10, 4), 2 * 60 + 15, lord_howe)
    assert instant.astimezone(lord_howe).replace(tzinfo=None) == datetime(2026, 10, 4, 2, 30)
