"""What a real message carries depends on whether the endpoint answers its health check:
the RFC 8058 one-click header, the https unsubscribe link, tracked links and the pixel —
or, while it does not answer, the mailto way out and the original links."""

from __future__ import annotations

import re
from datetime import timedelta
from email import policy
from email.parser import BytesParser

from desktop import tokens
from desktop.delivery.limits import Limits
from desktop.delivery.setup import channels_from_settings
from desktop.endpoint import health
from tests.helpers.endpoint import PUBLIC, enable, free_port, running
from tests.helpers.engine import dispatch
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template
from tests.helpers.smtp_server import SmtpServer


def _send(ws, now):
    with SmtpServer() as server:
        for key, value in {"smtp.host": "127.0.0.1", "smtp.port": server.port, "smtp.security": "plain",
                           "smtp.sender_email": "bottega@negozio-di-esempio.example.com",
                           "smtp.per_minute": 100000}.items():
            ws.settings.set(key, value, now)
        if ws.db.execute("SELECT count(*) FROM templates").fetchone()[0] == 0:
            add_template(ws, now)
        rule = ws.db.execute("SELECT id FROM rules").fetchone()
        rule = rule[0] if rule else add_rule(ws, now, "Cart")
        contact = add_contacts(ws, now, 1, start=ws.contacts.count())
        [row] = add_rows(ws, rule, contact, now - timedelta(minutes=1))
        assert dispatch(ws, now, channels=channels_from_settings(ws), limits=Limits.unlimited()).sent == 1
    return row, BytesParser(policy=policy.default).parsebytes(server.received[0].data)


def test_one_click_and_tracking_only_while_the_endpoint_answers(workspace, now) -> None:
    ws = workspace
    health.forget()
    enable(ws, now, free_port(), opens=True)  # configured, but nothing listens on that port
    _, message = _send(ws, now)
    assert message["List-Unsubscribe-Post"] is None
    assert "https://" not in message["List-Unsubscribe"] and "<mailto:" in message["List-Unsubscribe"]
    html = message.get_body(("html",)).get_content()
    assert 'href="https://shop.example/cart/cart-17"' in html and "/o/" not in html

    with running(ws, now, opens=True):
        row, message = _send(ws, now)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith(f"<{PUBLIC}/unsubscribe/")
    html = message.get_body(("html",)).get_content()
    plain = message.get_body(("plain",)).get_content()
    [link] = re.findall(rf'href="{re.escape(PUBLIC)}/c/([^"]+)"', html)
    key = tokens.workspace_key(ws)
    assert tokens.verify_click(key, link) == tokens.ClickInfo(row, 0, "https://shop.example/cart/cart-17")
    assert "https://shop.example/cart/cart-17" in plain               # the text part keeps the real address
    assert f'href="{PUBLIC}/unsubscribe/' in html                      # our own link is not tracked
    [pixel] = re.findall(rf'<img src="{re.escape(PUBLIC)}/o/([^"]+)"', html)
    assert tokens.verify_open(key, pixel) == row

    health.forget()  # the server stopped with the block: the next run asks again
    _, message = _send(ws, now)
    assert message["List-Unsubscribe-Post"] is None


def test_the_health_answer_is_cached_not_asked_per_message() -> None:
    asked: list[str] = []
    moment = [0.0]

    def check(url: str, workspace_id: str) -> bool:
        asked.append(url)
        return True

    health.forget()
    for _ in range(1000):
        assert health.answers("http://127.0.0.1:1", "w", monotonic=lambda: moment[0], check=check)
    assert len(asked) == 1
    moment[0] = health.FRESH + 1
    health.answers("http://127.0.0.1:1", "w", monotonic=lambda: moment[0], check=check)
    assert len(asked) == 2
    health.forget()
