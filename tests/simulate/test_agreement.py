"""The simulator and the live engine agree: the real service (APScheduler, dispatcher, SMTP
channel) on a loopback SMTP server sends exactly what the simulation said it would."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

from desktop.delivery.sandbox import SandboxChannel
from desktop.delivery.smtp import SmtpChannel
from desktop.service.engine import Engine
from desktop.simulate import simulate
from desktop.templates import Templates
from desktop.timeutil import to_db
from desktop.workspace import Workspace
from tests.helpers.smtp_server import SmtpServer

OPEN = {"quiet_hours": {"bands": [], "business_default": False}}


def _prepare(folder: Path) -> None:
    now = datetime.now(timezone.utc)
    with Workspace.open(folder) as ws:
        ws.fields.add_custom("city", "text", now)
        ws.fields.add_custom("vip", "boolean", now)
        people = [("anna", "Roma", 1, "subscribed"), ("bruno", "Roma", 0, "subscribed"),
                  ("carla", "Milano", 1, "subscribed"), ("dario", "Roma", 1, "unsubscribed"),
                  ("elena", "Napoli", 0, "subscribed"), ("fabio", "roma", 0, "bounced")]
        for name, city, vip, status in people:
            ws.contacts.create({"email": f"{name}@ex.it", "first_name": name.title(), "city": city,
                                "vip": vip, "email_status": status}, now - timedelta(days=30))
        ws.groups.create("Clienti", now)
        templates = Templates(ws.db)
        templates.create("Ciao", "email", subject="Ciao {{ first_name }}", html="<p>Ciao</p>", now=now)
        templates.create("VIP", "email", subject="Per te, {{ first_name }}", html="<p>VIP</p>", now=now)
        for name, conditions, template in (
                ("Romani", {"all": [{"field": "city", "op": "eq", "value": "Roma"}]}, "Ciao"),
                ("VIP", {"all": [{"field": "vip", "op": "is_true"}]}, "VIP")):
            rule = ws.rules.save({"name": name, "enabled": True, "conditions": conditions,
                                  "action": {"type": "send_email", "template": template},
                                  "schedule": {"check": {"every_minutes": 60}, **OPEN}}, now)
            # The PC was off for two days: both rules are caught up once as the engine starts.
            ws.db.execute("INSERT INTO rule_checks(rule_id, checked_at, matched, planned) VALUES (?, ?, 0, 0)",
                          [rule.id, to_db(now - timedelta(days=2))])


def _subject(raw: bytes) -> str:
    return str(make_header(decode_header(message_from_bytes(raw)["Subject"])))


def test_simulation_and_live_engine_send_the_same_messages(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    _prepare(folder)
    with Workspace.open(folder) as ws:
        predicted = simulate(ws, start=datetime.now(timezone.utc), horizon=timedelta(minutes=5))
    expected = sorted((s.rule, s.to, s.subject) for s in predicted.sends)
    assert expected == [("Romani", "anna@ex.it", "Ciao Anna"), ("Romani", "bruno@ex.it", "Ciao Bruno"),
                        ("VIP", "anna@ex.it", "Per te, Anna"), ("VIP", "carla@ex.it", "Per te, Carla")]
    with SmtpServer() as server:
        def channels(ws):
            return {"email": SmtpChannel("127.0.0.1", server.port, "plain", "", None, "shop@ex.it"),
                    "sms": SandboxChannel("sms", ws.outbox_dir, "test")}

        engine = Engine(folder, channels_factory=channels, dispatch_every=timedelta(seconds=0.5))
        engine.start()
        try:
            deadline = time.monotonic() + 30
            while len(server.received) < len(expected) and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1.0)  # anything extra would arrive now
        finally:
            engine.stop()
        delivered = sorted((r.rcpt_tos[0], _subject(r.data)) for r in server.received)
    assert delivered == sorted((to, subject) for _, to, subject in expected)
    with Workspace.open(folder) as ws:
        states = ws.db.execute("SELECT state, count(*) FROM ledger GROUP BY state").fetchall()
    assert states == [("sent", 4)]
