"""A small workspace whose right answers were worked out by hand (see each test's comment).

now = Monday 2026-03-02 09:30 UTC (10:30 in Rome); an hourly check, so the window is
(08:30, 09:30] UTC.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop.rules.clock import EvalClock
from desktop.rules.engine import group_ids
from desktop.rules.model import parse_rule
from desktop.rules.sql import compile_rule
from desktop.timeutil import to_db

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
T = lambda text: datetime.fromisoformat(text).replace(tzinfo=timezone.utc)  # noqa: E731

PEOPLE = {
    "Anna": dict(email="anna@ex.it", city="Roma", points=10.0, birthday="1990-03-02", vip=1,
                 registered_at="2026-03-02 08:00:00", timezone="Europe/Rome", last_order="2026-02-25", code="ABC-1"),
    "Bruno": dict(email="bruno@ex.it", city="Milano", points=25.5, birthday="1984-02-29", vip=0,
                  registered_at="2025-12-01 10:00:00", code="abc_2"),
    "Carla": dict(email="carla@ex.it", city="", points=None, birthday=None, vip=None,
                  registered_at="2026-02-23 09:00:00", email_status="bounced"),
    "Dario": dict(email="dario@ex.it", city="roma", points=5.0, birthday="2000-03-05", vip=0,
                  registered_at="2025-03-02 09:00:00", code="X%Y"),
    "Elena": dict(phone="+393331234567", city="Napoli", points=100.0, birthday="1970-12-31", vip=1,
                  registered_at="2024-06-01 12:00:00", code="XZY"),
}


def build(ws) -> dict[str, int]:
    ws.fields.add_custom("city", "text", NOW)
    ws.fields.add_custom("points", "number", NOW)
    ws.fields.add_custom("vip", "boolean", NOW)
    ws.fields.add_custom("last_order", "date", NOW)
    ws.fields.add_custom("code", "text", NOW)
    ids: dict[str, int] = {}
    for name, values in PEOPLE.items():
        data = {k: v for k, v in values.items() if k != "city"}
        data["first_name"] = name
        ids[name] = ws.contacts.create(data, T(values["registered_at"]))
        # city '' must be stored as-is (the empty-vs-never-set distinction), so raw SQL here.
        ws.db.execute("UPDATE contacts SET f_city = ? WHERE id = ?", [values["city"], ids[name]])
    ws.contacts.update(ids["Anna"], {"city": "Milano"}, T("2026-01-10 10:00:00"))
    ws.contacts.update(ids["Anna"], {"city": "Roma"}, T("2026-03-02 08:00:00"))
    ev = ws.events.record
    ev("email_opened", T("2026-02-20 10:00:00"), ids["Anna"], rule_id=1, ref="msg-1")
    ev("purchase", T("2026-02-28 12:00:00"), ids["Anna"], ref="o1", amount=50)
    ev("email_opened", T("2025-10-01 10:00:00"), ids["Bruno"])
    ev("email_clicked", T("2026-02-27 18:00:00"), ids["Bruno"], ref="https://shop/sale")
    ev("cart_updated", T("2026-03-02 06:15:00"), ids["Bruno"], ref="c1", amount=30, payload={"items": ["mug"]})
    ev("cart_updated", T("2026-03-02 06:20:00"), ids["Carla"], ref="c2")
    ev("purchase", T("2026-03-02 07:00:00"), ids["Carla"], ref="o2", amount=40)
    ev("cart_updated", T("2026-03-01 09:00:00"), ids["Dario"], ref="c3")
    ev("cart_updated", T("2026-03-02 05:00:00"), ids["Dario"], ref="c4")
    ev("cart_updated", T("2026-03-02 06:25:00"), ids["Dario"], ref="c4")
    ev("email_sent", T("2026-02-10 09:00:00"), ids["Dario"])
    ev("email_bounced", T("2025-05-01 09:00:00"), ids["Dario"])
    ev("sms_sent", T("2026-02-15 09:00:00"), ids["Elena"])
    ev("purchase", T("2026-02-10 10:00:00"), ids["Elena"], ref="o3", amount=100)
    ev("purchase", T("2026-02-20 10:00:00"), ids["Elena"], ref="o4", amount=120)
    ev("purchase", T("2026-02-25 09:00:00"), ids["Elena"], ref="o5", amount=80)
    ev("rss_item", T("2026-03-02 09:00:00"), None, ref="guid-9", payload={"feed": "https://blog/feed", "title": "Nuovo post"})
    clienti = ws.groups.create("Clienti", NOW)
    ws.groups.add(clienti, [ids["Anna"]], T("2026-02-23 09:00:00"))
    ws.groups.add(clienti, [ids["Bruno"]], T("2025-01-01 09:00:00"))
    ws.groups.add(ws.groups.create("VIP", NOW), [ids["Elena"]], NOW)
    ws.groups.create("Recent clickers", NOW)
    tid = ws.db.execute(
        "INSERT INTO templates(name, channel, subject, html, created_at, updated_at) VALUES "
        "('Hello', 'email', 'Ciao', '<p>Ciao</p>', ?, ?)", [to_db(NOW), to_db(NOW)]).lastrowid
    ws.db.execute(
        "INSERT INTO templates(name, channel, text, created_at, updated_at) VALUES "
        "('Hello SMS', 'sms', 'Ciao', ?, ?)", [to_db(NOW), to_db(NOW)])
    assert tid
    return ids


def rule_data(conditions: dict, action: dict | None = None, **extra) -> dict:
    return {"name": extra.pop("name", "t"), "action": action or {"type": "add_to_group", "group": "Recent clickers"},
            "conditions": conditions, **extra}


def matches(ws, conditions: dict, now: datetime = NOW, window: timedelta = timedelta(hours=1),
            rule_id: int | None = None, action: dict | None = None, zone: str = "Europe/Rome",
            **extra) -> set[str]:
    """First names of the contacts the compiled query returns (no re-send exclusion)."""
    rule = parse_rule(rule_data(conditions, action, **extra), ws.rules.context())
    compiled = compile_rule(rule, fields=ws.fields.all(), group_ids=group_ids(ws.db),
                            clock=EvalClock(now, now - window, zone), rule_id=rule_id, ignore_resend=True)
    rows = ws.db.execute(compiled.sql, compiled.params).fetchall()
    names = {r[0]: ws.contacts.get(r[0])["first_name"] for r in rows}
    return {names[r[0]] for r in rows}
