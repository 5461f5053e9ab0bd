"""A workspace whose next 30 days were worked out by hand (the expectations are in
test_handworked.py, with the arithmetic next to each line).

Start: Friday 2026-03-20 10:00 UTC (11:00 in Rome). Europe switches to summer time on
Sunday 29 March; Sydney leaves it on Sunday 5 April; New York switched on 8 March.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop.simulate.timeline import WhatIf
from desktop.templates import Templates

START = datetime(2026, 3, 20, 10, 0, tzinfo=timezone.utc)
HORIZON = timedelta(days=30)
SETUP = datetime(2026, 1, 1, tzinfo=timezone.utc)


def U(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


PEOPLE = {
    "Rosa": dict(email="rosa@ex.it", timezone="Europe/Rome", birthday="1980-03-25"),
    "Sam": dict(email="sam@ex.au", timezone="Australia/Sydney", birthday="1990-04-10"),
    "Nina": dict(email="nina@ex.com", timezone="America/New_York", birthday="1985-04-01"),
    "Ugo": dict(email="ugo@ex.it", timezone="Europe/Rome", birthday="1970-03-26", email_status="unsubscribed"),
    "Pia": dict(phone="+393401112223", timezone="Europe/Rome", birthday="1999-03-27"),
    "Carlo": dict(email="carlo@ex.it", timezone="Europe/Rome"),
    "Carla": dict(email="carla@ex.it", timezone="Europe/Rome"),
    "Wendy": dict(email="wendy@ex.it", timezone="Europe/Rome"),
    "Paolo": dict(email="paolo@ex.it", phone="+393331234567", timezone="Europe/Rome"),
}

QUIET = {"bands": ["21:00-09:00"], "business_default": False, "policy": "defer"}


def rules() -> list[dict]:
    daily_at = lambda t: {"check": {"times": [t]}, "quiet_hours": QUIET}  # noqa: E731
    promo = lambda name, t, tpl="Hello", kind="send_email": {  # noqa: E731
        "name": name, "enabled": True, "action": {"type": kind, "template": tpl},
        "audience": {"include": ["Promo"]}, "resend": {"policy": "once"}, "schedule": daily_at(t)}
    return [
        {"name": "Compleanno", "enabled": True, "marketing": False,
         "action": {"type": "send_email", "template": "Hello"},
         "conditions": {"all": [{"field": "birthday", "op": "anniversary_today"}]},
         "resend": {"policy": "yearly"},
         "schedule": {"check": {"every_minutes": 60}, "timezone": {"mode": "recipient"}, "quiet_hours": QUIET}},
        {"name": "Carrello 3h", "enabled": True, "marketing": False,
         "action": {"type": "send_email", "template": "Hello"},
         "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]},
         "resend": {"policy": "per_occurrence"},
         "schedule": {"check": {"every_minutes": 15}, "quiet_hours": QUIET}},
        {"name": "Carrello 24h", "enabled": True, "marketing": False,
         "action": {"type": "send_email", "template": "Hello"},
         "conditions": {"all": [{"behaviour": "cart_abandoned", "amount": 24, "unit": "hours"}]},
         "resend": {"policy": "per_occurrence"},
         "schedule": {"check": {"every_minutes": 30}, "quiet_hours": QUIET}},
        {"name": "Newsletter", "enabled": True, "action": {"type": "send_email", "template": "Hello"},
         "audience": {"include": ["Settimanale"]}, "resend": {"policy": "every_n_days", "days": 6},
         "schedule": {"check": {"times": ["09:00"]}, "recurrence": {"kind": "weekly", "days": ["mon"]},
                      "quiet_hours": QUIET}},
        promo("Promo A", "10:00"), promo("Promo B", "11:00"), promo("Promo C", "12:00"),
        promo("SMS 1", "10:00", "Hello SMS", "send_sms"), promo("SMS 2", "10:30", "Hello SMS", "send_sms"),
    ]


def build(ws) -> dict[str, int]:
    ws.settings.set("caps.email_per_week", "2", SETUP)
    ws.settings.set("caps.sms_per_day", "1", SETUP)
    ws.settings.set("caps.expiry_days", "3", SETUP)
    ids = {}
    for name, values in PEOPLE.items():
        ids[name] = ws.contacts.create({"first_name": name, **values}, SETUP)
    for group, members in (("Promo", ["Paolo"]), ("Settimanale", ["Wendy"])):
        ws.groups.add(ws.groups.create(group, SETUP), [ids[m] for m in members], SETUP)
    templates = Templates(ws.db)
    templates.create("Hello", "email", subject="Ciao {{ first_name }}", html="<p>Ciao {{ first_name }}</p>", now=SETUP)
    templates.create("Hello SMS", "sms", text="Ciao {{ first_name }}", now=SETUP)
    for rule in rules():
        ws.rules.save(rule, SETUP)
    return ids


def what_if(ids: dict[str, int]) -> list[WhatIf]:
    return [
        WhatIf(U("2026-03-20 17:30:00"), "cart_updated", ids["Carlo"], ref="k1", amount=59.0),
        WhatIf(U("2026-03-22 10:00:00"), "cart_updated", ids["Carla"], ref="k2", amount=20.0),
        WhatIf(U("2026-03-22 12:00:00"), "purchase", ids["Carla"], ref="o2", amount=20.0),
    ]
