"""When a matched send may go out: at once, deferred to the first allowed minute, or skipped."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tests.helpers.engine import words
from desktop.schedule import BusinessDefaults, Schedule, is_allowed, send_time

UTC = timezone.utc
ROME = ZoneInfo("Europe/Rome")
BUSINESS = BusinessDefaults("Europe/Rome", ["21:00-09:00"])


def at(zone: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def schedule(**spec: object) -> Schedule:
    return Schedule.from_dict(spec, business=BUSINESS)


def test_an_allowed_send_goes_at_once() -> None:
    matched = at("Europe/Rome", 2026, 5, 6, 10, 17, 33)
    decision = send_time(schedule(), None, matched, business=BUSINESS)
    assert (decision.at, decision.deferred, decision.reason) == (matched, False, None)
    assert is_allowed(schedule(), None, matched, business=BUSINESS) == (True, None)


def test_quiet_hours_defer_to_the_first_allowed_minute() -> None:
    decision = send_time(schedule(), None, at("Europe/Rome", 2026, 5, 6, 22, 5), business=BUSINESS)
    assert decision.at == at("Europe/Rome", 2026, 5, 7, 9, 0) and decision.deferred
    assert words(decision.reason) == "quiet hours 21:00–09:00 in Europe/Rome"


def test_quiet_hours_skip_policy() -> None:
    decision = send_time(schedule(quiet_hours={"policy": "skip"}), None, at("Europe/Rome", 2026, 5, 6, 3, 0),
                         business=BUSINESS)
    assert decision.skipped and not decision.deferred
    assert words(decision.reason) == "quiet hours 21:00–09:00 in Europe/Rome"


def test_rule_bands_add_to_the_business_default_unless_it_is_turned_off() -> None:
    lunch = {"bands": ["13:00-14:30"]}
    decision = send_time(schedule(quiet_hours=lunch), None, at("Europe/Rome", 2026, 5, 6, 13, 10), business=BUSINESS)
    assert decision.at == at("Europe/Rome", 2026, 5, 6, 14, 30)
    only_lunch = schedule(quiet_hours={**lunch, "business_default": False})
    assert is_allowed(only_lunch, None, at("Europe/Rome", 2026, 5, 6, 23, 0), business=BUSINESS) == (True, None)


def test_recipient_zone_decides_in_recipient_mode() -> None:
    rule = schedule(timezone={"mode": "recipient"})
    matched = at("Europe/Rome", 2026, 5, 6, 10, 0)          # 04:00 in New York
    decision = send_time(rule, "America/New_York", matched, business=BUSINESS)
    assert decision.at == at("America/New_York", 2026, 5, 6, 9, 0)
    assert words(decision.reason) == "quiet hours 21:00–09:00 in America/New_York"
    # An unknown zone falls back to the business zone.
    assert send_time(rule, "Nowhere/Atlantis", matched, business=BUSINESS).at == matched


def test_rule_mode_ignores_the_recipients_zone() -> None:
    rule = schedule(timezone={"mode": "rule", "zone": "Asia/Tokyo"})
    matched = at("Asia/Tokyo", 2026, 5, 6, 12, 0)
    assert send_time(rule, "America/New_York", matched, business=BUSINESS).at == matched


def test_a_day_outside_the_recurrence_defers_to_the_next_run_day() -> None:
    rule = schedule(recurrence={"kind": "weekly", "days": ["mon"]})
    decision = send_time(rule, None, at("Europe/Rome", 2026, 5, 9, 12, 0), business=BUSINESS)   # Saturday
    assert decision.at == at("Europe/Rome", 2026, 5, 11, 9, 0) and decision.deferred
    assert words(decision.reason) == "Saturday 2026-05-09 is not a scheduled day in Europe/Rome"


def test_blackout_skip_and_next_allowed_day() -> None:
    christmas = at("Europe/Rome", 2026, 12, 25, 11, 0)
    skip = send_time(schedule(blackout={"yearly": ["12-25"]}), None, christmas, business=BUSINESS)
    assert skip.skipped and words(skip.reason) == "2026-12-25 is a blackout date in Europe/Rome"
    move = send_time(schedule(blackout={"yearly": ["12-25", "12-26"], "policy": "next_allowed_day"}), None,
                     christmas, business=BUSINESS)
    assert move.at == at("Europe/Rome", 2026, 12, 27, 9, 0) and move.deferred


def test_active_period() -> None:
    rule = schedule(active={"from": "2026-06-01", "to": "2026-06-30"})
    early = send_time(rule, None, at("Europe/Rome", 2026, 5, 20, 12, 0), business=BUSINESS)
    assert early.at == at("Europe/Rome", 2026, 6, 1, 9, 0)
    late = send_time(rule, None, at("Europe/Rome", 2026, 7, 1, 12, 0), business=BUSINESS)
    assert late.skipped and words(late.reason) == "the active period ended on 2026-06-30"
    # Deferred past the end of the period: nothing allowed follows, so skipped.
    edge = send_time(rule, None, at("Europe/Rome", 2026, 6, 30, 22, 0), business=BUSINESS)
    assert edge.skipped and "no allowed time follows" in words(edge.reason)


def test_a_quiet_band_ending_inside_the_spring_gap_ends_when_the_gap_ends() -> None:
    rule = schedule(quiet_hours={"bands": ["22:00-02:30"], "business_default": False})
    decision = send_time(rule, None, at("Europe/Rome", 2026, 3, 29, 1, 15), business=BUSINESS)
    assert decision.at == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)            # 03:00 CEST
    assert decision.at.astimezone(ROME).strftime("%H:%M") == "03:00"


def test_a_quiet_band_ending_in_the_autumn_fold_frees_the_first_passage() -> None:
    rule = schedule(quiet_hours={"bands": ["22:00-02:30"], "business_default": False})
    decision = send_time(rule, None, at("Europe/Rome", 2026, 10, 25, 1, 0), business=BUSINESS)
    assert decision.at == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)          # 02:30 CEST, the first one
    # During the repeated hour the wall clock reads 02:00-02:30 again: quiet again, then free.
    second = datetime(2026, 10, 25, 1, 10, tzinfo=UTC)                        # 02:10 CET
    assert is_allowed(rule, None, second, business=BUSINESS)[0] is False
    assert send_time(rule, None, second, business=BUSINESS).at == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_falling_back_out_of_a_quiet_band_frees_the_repeated_hour() -> None:
    # Quiet 02:30-03:30; at 03:00 CEST the clock falls back to 02:00 CET, which is allowed.
    rule = schedule(quiet_hours={"bands": ["02:30-03:30"], "business_default": False})
    decision = send_time(rule, None, datetime(2026, 10, 25, 0, 40, tzinfo=UTC), business=BUSINESS)  # 02:40 CEST
    assert decision.at == datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
    assert decision.at.astimezone(ROME).strftime("%H:%M %Z") == "02:00 CET"


def test_deferral_across_the_dateline_and_half_hour_zones() -> None:
    rule = schedule(timezone={"mode": "recipient"})
    matched = at("Europe/Rome", 2026, 5, 6, 20, 0)   # 06:45, 23:45 and 08:00 there
    for zone in ("Pacific/Chatham", "Asia/Kathmandu", "Pacific/Kiritimati"):
        decision = send_time(rule, zone, matched, business=BUSINESS)
        local = decision.at.astimezone(ZoneInfo(zone))
        assert decision.deferred and local.strftime("%H:%M") == "09:00", zone
        assert decision.at - matched < timedelta(days=1)
