"""The simulator replaying a workspace's own history: what happens later is not known earlier,
and "every N days" counts the days on the calendar, not 24-hour blocks.

Europe/Rome moves to summer time on Sunday 29 March 2026 and on Sunday 28 March 2027.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop.simulate import simulate
from desktop.templates import Templates

SETUP = datetime(2026, 1, 1, tzinfo=timezone.utc)
NO_QUIET = {"bands": [], "business_default": False}


def U(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def _prepare(ws, rules: list[dict], people: dict[str, dict]) -> dict[str, int]:
    Templates(ws.db).create("Hello", "email", subject="Ciao", html="<p>Ciao</p>", now=SETUP)
    ids = {name: ws.contacts.create({"first_name": name, **values}, SETUP) for name, values in people.items()}
    group = ws.groups.create("Tutti", SETUP)
    ws.groups.add(group, list(ids.values()), SETUP)
    for rule in rules:
        ws.rules.save({"enabled": True, "action": {"type": "send_email", "template": "Hello"}, **rule}, SETUP)
    return ids


def _sends(result) -> list[tuple[str, str, str]]:
    return [(s.at.strftime("%Y-%m-%d %H:%M"), s.to, s.occurrence) for s in result.sends]


def test_replayed_carts_ignore_what_happened_after_each_check(workspace) -> None:
    ids = _prepare(workspace, [{
        "name": "Carrello", "marketing": False,
        "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]},
        "resend": {"policy": "per_occurrence"},
        "schedule": {"check": {"every_minutes": 15}, "quiet_hours": NO_QUIET}}],
        {"Ada": {"email": "ada@ex.it"}, "Bea": {"email": "bea@ex.it"}})
    ev = workspace.events.record
    # Ada leaves cart k1 at 08:00 and buys at 13:00: the 3-hour reminder (11:00) came first.
    ev("cart_updated", U("2026-03-10 08:00:00"), ids["Ada"], ref="k1", amount=20)
    ev("purchase", U("2026-03-10 13:00:00"), ids["Ada"], ref="o1", amount=20)
    # Bea updates k2 at 08:00 and at 12:00 without buying: one reminder for each version.
    ev("cart_updated", U("2026-03-10 08:00:00"), ids["Bea"], ref="k2", amount=10)
    ev("cart_updated", U("2026-03-10 12:00:00"), ids["Bea"], ref="k2", amount=15)
    result = simulate(workspace, start=U("2026-03-10 07:00:00"), horizon=timedelta(days=1))
    assert _sends(result) == [
        ("2026-03-10 11:00", "ada@ex.it", "cart:k1@2026-03-10 08:00:00"),
        ("2026-03-10 11:00", "bea@ex.it", "cart:k2@2026-03-10 08:00:00"),
        ("2026-03-10 15:00", "bea@ex.it", "cart:k2@2026-03-10 12:00:00"),
    ]


def test_a_weekly_newsletter_every_7_days_goes_out_the_monday_after_the_clocks_change(workspace) -> None:
    _prepare(workspace, [{
        "name": "Newsletter", "audience": {"include": ["Tutti"]}, "resend": {"policy": "every_n_days", "days": 7},
        "schedule": {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["mon"]},
                     "quiet_hours": NO_QUIET}}], {"Wendy": {"email": "wendy@ex.it"}})
    result = simulate(workspace, start=U("2026-03-20 10:00:00"), horizon=timedelta(days=20))
    # 09:00 in Rome: 08:00 UTC in winter, 07:00 UTC from 29 March — 6 days 23 hours apart,
    # and still 7 days on the calendar.
    assert [s[0] for s in _sends(result)] == ["2026-03-23 08:00", "2026-03-30 07:00", "2026-04-06 07:00"]


def test_a_daily_rule_every_day_sends_on_the_day_the_clocks_change(workspace) -> None:
    _prepare(workspace, [{
        "name": "Ogni giorno", "audience": {"include": ["Tutti"]}, "resend": {"policy": "every_n_days", "days": 1},
        "schedule": {"check": {"times": ["09:00"]}, "quiet_hours": NO_QUIET}}], {"Wendy": {"email": "wendy@ex.it"}})
    result = simulate(workspace, start=U("2027-03-26 12:00:00"), horizon=timedelta(days=3))
    assert [s[0] for s in _sends(result)] == ["2027-03-27 08:00", "2027-03-28 07:00", "2027-03-29 07:00"]


def test_recipient_rules_count_the_recipients_calendar_days(workspace) -> None:
    # Checks at 09:00 and 13:00 in Rome (08:00 and 12:00 UTC): 22:00 on one day and 02:00 on
    # the next in Kiritimati (UTC+14). Once a day in her calendar: both; in Rome's: the 09:00.
    _prepare(workspace, [{
        "name": "Ogni giorno", "audience": {"include": ["Tutti"]}, "resend": {"policy": "every_n_days", "days": 1},
        "schedule": {"check": {"times": ["09:00", "13:00"]}, "timezone": {"mode": "recipient"},
                     "quiet_hours": NO_QUIET}}],
        {"Kiri": {"email": "kiri@ex.ki", "timezone": "Pacific/Kiritimati"},
         "Rosa": {"email": "rosa@ex.it", "timezone": "Europe/Rome"}})
    result = simulate(workspace, start=U("2026-03-10 07:00:00"), horizon=timedelta(hours=6))
    assert sorted(_sends(result)) == [
        ("2026-03-10 08:00", "kiri@ex.ki", "day:2026-03-10"),
        ("2026-03-10 08:00", "rosa@ex.it", "day:2026-03-10"),
        ("2026-03-10 12:00", "kiri@ex.ki", "day:2026-03-11"),
    ]


def test_a_catch_up_after_downtime_never_wishes_a_birthday_two_days_late(workspace) -> None:
    ids = _prepare(workspace, [{
        "name": "Compleanno", "marketing": False,
        "conditions": {"all": [{"field": "birthday", "op": "anniversary_today"}]}, "resend": {"policy": "yearly"},
        "schedule": {"check": {"every_minutes": 60}, "timezone": {"mode": "recipient"},
                     "quiet_hours": {"bands": ["21:00-09:00"], "business_default": False}}}],
        {"Kiri": {"email": "kiri@ex.ki", "timezone": "Pacific/Kiritimati", "birthday": "1990-03-04"},
         "Hono": {"email": "hono@ex.us", "timezone": "Pacific/Honolulu", "birthday": "1990-03-04"}})
    assert ids
    rule = workspace.rules.find("Compleanno")
    # The engine last checked on 3 March; the simulation starts with the catch-up at 09:00 UTC
    # on the 5th: 23:00 on 5 March in Kiritimati (her birthday was yesterday, and 09:00 there
    # is on the 6th: two days late, not sent), 23:00 on 4 March in Honolulu (his birthday:
    # 09:00 there on the 5th, 19:00 UTC).
    workspace.db.execute("INSERT INTO rule_checks(rule_id, checked_at, window_start, matched, planned) "
                         "VALUES (?, '2026-03-03 09:00:00', '2026-03-03 08:00:00', 0, 0)", [rule.id])
    result = simulate(workspace, start=U("2026-03-05 09:00:00"), horizon=timedelta(days=3))
    assert _sends(result) == [("2026-03-05 19:00", "hono@ex.us", "year:2026")]
