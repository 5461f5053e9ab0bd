"""Which anniversaries a check wishes, in whose calendar, and how late: real checks on a real
workspace, hand-worked.

2026: 2 March is a Monday (7 March a Saturday, 8 a Sunday, 11 a Wednesday). Kiritimati is
UTC+14, Honolulu UTC-10, Rome UTC+1 until 29 March.
"""

from __future__ import annotations

from datetime import datetime, timezone

from tests.helpers.engine import words
from desktop.rules.engine import check_rule
from desktop.schedule import BusinessDefaults
from desktop.templates import Templates

BUSINESS = BusinessDefaults(zone="Europe/Rome", quiet_hours=())
SETUP = datetime(2026, 1, 1, tzinfo=timezone.utc)
QUIET = {"bands": ["21:00-09:00"], "business_default": False, "policy": "defer"}
MON_FRI = {"kind": "weekly", "days": ["mon", "tue", "wed", "thu", "fri"]}


def U(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def _rule(ws, **schedule):
    if Templates(ws.db).get("Hello") is None:
        Templates(ws.db).create("Hello", "email", subject="Auguri", html="<p>Auguri</p>", now=SETUP)
    return ws.rules.save({"name": "Auguri", "enabled": True, "action": {"type": "send_email", "template": "Hello"},
                          "conditions": {"all": [{"field": "birthday", "op": "anniversary_today"}]},
                          "resend": {"policy": "yearly"}, "schedule": schedule}, SETUP)


def _people(ws, **birthdays: tuple[str, str]) -> None:
    for name, (birthday, zone) in birthdays.items():
        ws.contacts.create({"first_name": name, "email": f"{name.lower()}@ex.it", "birthday": birthday,
                            "timezone": zone}, SETUP)


def _booked(ws) -> list[tuple]:
    return ws.db.execute("SELECT c.first_name, l.occurrence, l.state, l.due_at, l.expires_at FROM ledger l "
                         "JOIN contacts c ON c.id = l.contact_id ORDER BY c.first_name").fetchall()


def _check(ws, rule, now: datetime, since: datetime):
    return check_rule(ws, rule, rule.id, now, business=BUSINESS, window_start=since)


# -- at most one day late, in the recipient's calendar ------------------------------------

RECIPIENT = {"check": {"every_minutes": 60}, "timezone": {"mode": "recipient"}, "quiet_hours": QUIET}


def test_kiritimati_caught_up_late_in_her_evening_is_not_wished_two_days_late(workspace) -> None:
    _people(workspace, Kiri=("1990-03-04", "Pacific/Kiritimati"))
    rule = _rule(workspace, **RECIPIENT)
    # The PC was off from 3 March; it checks again at 09:00 UTC on the 5th = 23:00 on 5 March
    # in Kiritimati. Her 4 March birthday is one day late now, but quiet hours would hold the
    # wish until 09:00 on the 6th there: two days late. Not booked.
    result = _check(workspace, rule, U("2026-03-05 09:00:00"), U("2026-03-03 00:00:00"))
    assert _booked(workspace) == []
    assert result.skipped_contacts and "too late" in words(result.skipped_contacts[0][1])


def test_kiritimati_caught_up_after_her_midnight_is_wished_that_morning_with_an_expiry(workspace) -> None:
    _people(workspace, Kiri=("1990-03-04", "Pacific/Kiritimati"))
    rule = _rule(workspace, **RECIPIENT)
    # 10:30 UTC on the 4th = 00:30 on 5 March there: wished at 09:00 local (19:00 UTC on the
    # 4th); the row expires at the end of 5 March there (10:00 UTC on the 5th).
    _check(workspace, rule, U("2026-03-04 10:30:00"), U("2026-03-03 00:00:00"))
    assert _booked(workspace) == [("Kiri", "year:2026", "planned", "2026-03-04 19:00:00", "2026-03-05 10:00:00")]


def test_honolulu_caught_up_late_in_his_evening_is_not_wished_two_days_late(workspace) -> None:
    _people(workspace, Hono=("1990-03-04", "Pacific/Honolulu"))
    rule = _rule(workspace, **RECIPIENT)
    # 08:30 UTC on the 6th = 22:30 on 5 March in Honolulu; 09:00 there on the 6th is too late.
    _check(workspace, rule, U("2026-03-06 08:30:00"), U("2026-03-03 00:00:00"))
    assert _booked(workspace) == []


def test_skip_policy_does_not_catch_up_a_missed_birthday(workspace) -> None:
    _people(workspace, Rosa=("1990-03-04", "Europe/Rome"))
    # The PC was off on 4 March; at 11:00 on the 5th in Rome the birthday is a day old.
    catch_up = _rule(workspace, **RECIPIENT)
    _check(workspace, catch_up, U("2026-03-05 10:00:00"), U("2026-03-03 10:00:00"))
    assert [r[:3] for r in _booked(workspace)] == [("Rosa", "year:2026", "planned")]
    workspace.db.execute("DELETE FROM ledger")
    skip = workspace.rules.save({**catch_up.to_dict(), "name": "Auguri (skip)",
                                 "schedule": {**RECIPIENT, "missed": "skip"}}, SETUP)
    _check(workspace, skip, U("2026-03-05 10:00:00"), U("2026-03-03 10:00:00"))
    assert _booked(workspace) == []


# -- blocked days: skipped, or belated for every one ------------------------------------

WEEKDAYS_ONLY = {"check": {"times": ["09:00"]}, "recurrence": MON_FRI, "missed": "skip", "quiet_hours": QUIET}
WEEKEND = dict(Sab=("1990-03-07", "Europe/Rome"), Dom=("1990-03-08", "Europe/Rome"), Lun=("1990-03-09", "Europe/Rome"))


def test_weekend_birthdays_under_a_weekday_rule_are_skipped_both(workspace) -> None:
    _people(workspace, **WEEKEND)
    rule = _rule(workspace, **WEEKDAYS_ONLY)
    # Monday 9 March 09:00 Rome; the previous check was Friday's.
    _check(workspace, rule, U("2026-03-09 08:00:00"), U("2026-03-06 08:00:00"))
    assert [r[0] for r in _booked(workspace)] == ["Lun"]


def test_weekend_birthdays_are_wished_on_monday_when_belated(workspace) -> None:
    _people(workspace, **WEEKEND)
    rule = _rule(workspace, **WEEKDAYS_ONLY, belated=True)
    _check(workspace, rule, U("2026-03-09 08:00:00"), U("2026-03-06 08:00:00"))
    assert [r[:3] for r in _booked(workspace)] == [("Dom", "year:2026", "planned"), ("Lun", "year:2026", "planned"),
                                                   ("Sab", "year:2026", "planned")]


def test_a_blackout_birthday_is_skipped_or_belated(workspace) -> None:
    _people(workspace, Mer=("1990-03-11", "Europe/Rome"))
    blackout = {"dates": ["2026-03-11"]}
    plain = _rule(workspace, **WEEKDAYS_ONLY, blackout=blackout)
    # Thursday 12 March 09:00 Rome; the previous check was Tuesday's (Wednesday is blacked out).
    _check(workspace, plain, U("2026-03-12 08:00:00"), U("2026-03-10 08:00:00"))
    assert _booked(workspace) == []
    belated = workspace.rules.save({**plain.to_dict(), "name": "Auguri in ritardo",
                                    "schedule": {**WEEKDAYS_ONLY, "blackout": blackout, "belated": True}}, SETUP)
    _check(workspace, belated, U("2026-03-12 08:00:00"), U("2026-03-10 08:00:00"))
    assert [r[:3] for r in _booked(workspace)] == [("Mer", "year:2026", "planned")]
