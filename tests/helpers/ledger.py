"""Ledger rows for delivery tests, inserted with SQL (the rules engine is separate)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from desktop.templates import Templates
from desktop.timeutil import to_db

EMAIL_HTML = """<html><head><style>p { color: #333333 } .big { font-size: 18px }</style></head>
<body><p class="big">Ciao {{ first_name or "cliente" }},</p>
<p>hai lasciato {{ event['items'] | length }} articoli nel carrello:</p>
<ul>{% for item in event['items'] %}<li>{{ item.name }} &ndash; {{ item.price }} &euro;</li>{% endfor %}</ul>
<p><a href="https://shop.example/cart/{{ event.ref }}">Torna al carrello</a></p></body></html>"""


def add_template(ws: Any, now: datetime, name: str = "Cart", channel: str = "email", **parts: str) -> int:
    if channel == "email":
        parts.setdefault("subject", "{{ first_name | default('Ciao') }}, il tuo carrello")
        parts.setdefault("html", EMAIL_HTML)
    else:
        parts.setdefault("text", "Ciao {{ first_name or 'cliente' }}, il carrello {{ event.ref }} ti aspetta")
    return Templates(ws.db).create(name, channel, now=now, **parts)


def add_rule(ws: Any, now: datetime, template: str, channel: str = "email", name: str | None = None) -> int:
    action = {"type": "send_email" if channel == "email" else "send_sms", "template": template}
    definition = {"format": 1, "name": name or f"rule {template}", "action": action}
    return ws.db.execute(
        "INSERT INTO rules(name, enabled, definition, created_at, updated_at) VALUES (?, 1, ?, ?, ?)",
        [definition["name"], json.dumps(definition), to_db(now), to_db(now)]).lastrowid


def add_contacts(ws: Any, now: datetime, count: int, start: int = 0, **values: Any) -> list[int]:
    ids = []
    for i in range(start, start + count):
        row = {"email": f"user{i}@example.org", "phone": f"+39333{i:07d}", "first_name": f"Nome{i}",
               **values}
        ids.append(ws.contacts.create(row, now))
    return ids


def add_rows(ws: Any, rule_id: int, contact_ids: list[int], due: datetime, channel: str = "email",
             payload: dict[str, Any] | None = None, expires: datetime | None = None) -> list[int]:
    payload = payload or {"event": {"type": "cart_updated", "ref": "cart-17",
                                    "items": [{"name": "Tè verde", "price": 4.5}, {"name": "Tazza", "price": 9}]}}
    ids = []
    with ws.transaction():
        for cid in contact_ids:
            ids.append(ws.db.execute(
                "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, "
                "expires_at, payload, updated_at) VALUES (?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?)",
                [rule_id, cid, "once", channel, to_db(due), to_db(due), to_db(expires) if expires else None,
                 json.dumps(payload), to_db(due)]).lastrowid)
    return ids


def states(ws: Any) -> dict[str, int]:
    return dict(ws.db.execute("SELECT state, count(*) FROM ledger GROUP BY state").fetchall())
