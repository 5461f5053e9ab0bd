"""The endpoint over real HTTP on loopback: health, clicks, open-redirect attempts,
unsubscribe (RFC 8058 one-click and the confirmation page), the webhook body limit.

RFC 8058 §3.1: the mailbox provider POSTs the body ``List-Unsubscribe=One-Click``
(``application/x-www-form-urlencoded`` or ``multipart/form-data``) to the https URI of
``List-Unsubscribe``, with no cookies or authorization (https://www.rfc-editor.org/rfc/rfc8058).
"""

from __future__ import annotations

import html
import json
from datetime import timedelta

from desktop import tokens
from desktop.delivery.recording import RecordingChannel
from desktop.endpoint import webhooks
from desktop.workspace import Workspace
from tests.endpoint.conftest import event_rows
from tests.helpers.engine import dispatch
from tests.helpers.ledger import add_rows, add_template
from tests.helpers.endpoint import running

URL = "https://shop.example/sale?x=1&y=2"
PERSON = {"User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        "Chrome/131.0.0.0 Safari/537.36"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_health_names_the_workspace(shop, served) -> None:
    answer = served.request("GET", "/health")
    assert answer.status == 200
    assert json.loads(answer.body) == {"ok": True, "service": "postino", "workspace": shop.ws.meta("workspace_id")}


def test_a_click_redirects_to_its_signed_url_and_records_once_per_minute(shop, served) -> None:
    token = tokens.make_click_token(shop.key, shop.sends[0], 3, URL)
    first = served.request("GET", f"/c/{token}", headers=PERSON)
    assert first.status == 302 and first.headers["location"] == URL
    assert served.request("GET", f"/c/{token}", headers=PERSON).status == 302  # the browser retried
    found = event_rows(shop.ws, "email_clicked")
    assert len(found) == 1
    contact, ref, payload = found[0]
    assert contact == shop.contacts[0] and ref == URL
    assert json.loads(payload) == {"ledger_id": shop.sends[0], "link": 3, "url": URL}


def test_head_on_a_link_is_a_link_checker_not_a_click(shop, served) -> None:
    token = tokens.make_click_token(shop.key, shop.sends[0], 0, URL)
    assert served.request("HEAD", f"/c/{token}").status == 302
    assert event_rows(shop.ws, "email_clicked") == []


def test_bad_and_altered_click_tokens_redirect_nowhere_and_record_nothing(shop, served) -> None:
    good = tokens.make_click_token(shop.key, shop.sends[0], 0, URL)
    head, sig = good.split(".")
    evil = tokens._b64(f"click:{shop.sends[0]}:0:https://evil.example/".encode())
    attempts = [
        f"/c/{evil}.{sig}",                                      # target swapped, signature kept
        f"/c/{good[:-1]}{'A' if good[-1] != 'A' else 'B'}",      # signature altered
        f"/c/{tokens.make_click_token(b'x' * 32, shop.sends[0], 0, 'https://evil.example/')}",  # forged
        "/c/https://evil.example/", "/c/%2F%2Fevil.example", "/c//evil.example", "/c/",
        f"/c/{good}/https://evil.example/", f"/c/{good}.x", "/c/" + "A" * 5000,
    ]
    for path in attempts:
        answer = served.request("GET", path)
        assert answer.status in (404, 400), path
        assert "location" not in answer.headers, path
        assert b"evil" not in answer.body, path
    # A query string never changes where a good token goes.
    answer = served.request("GET", f"/c/{good}?url=https://evil.example/&next=//evil.example", headers=PERSON)
    assert answer.headers["location"] == URL
    assert len(event_rows(shop.ws, "email_clicked")) == 1


def test_a_click_token_from_another_workspace_is_rejected(shop, served, tmp_path) -> None:
    with Workspace.open(tmp_path / "other") as other:
        foreign = tokens.make_click_token(tokens.workspace_key(other), shop.sends[0], 0, URL)
        unsub = tokens.make_token(tokens.workspace_key(other), shop.contacts[0])
    assert served.request("GET", f"/c/{foreign}").status == 404
    assert served.request("POST", f"/unsubscribe/{unsub}", b"List-Unsubscribe=One-Click", FORM).status == 404
    assert event_rows(shop.ws, "email_clicked") == [] and event_rows(shop.ws, "unsubscribed") == []


def test_one_click_unsubscribe_stops_that_channel_at_once(shop, served, now) -> None:
    ws = shop.ws
    add_template(ws, now, "Cart")
    rule = ws.db.execute("SELECT id FROM rules").fetchone()[0]
    ws.db.execute("UPDATE rules SET definition = json_set(definition, '$.action.template', 'Cart')")
    due = add_rows(ws, rule, shop.contacts[:2], now - timedelta(minutes=1))
    token = tokens.make_token(shop.key, shop.contacts[0], "email")
    answer = served.request("POST", f"/unsubscribe/{token}", b"List-Unsubscribe=One-Click", FORM)
    assert answer.status == 200
    assert served.request("POST", f"/unsubscribe/{token}", b"List-Unsubscribe=One-Click", FORM).status == 200
    found = event_rows(ws, "unsubscribed")
    assert len(found) == 1 and found[0][0] == shop.contacts[0]
    assert json.loads(found[0][2]) == {"channel": "email", "via": "one_click"}
    assert ws.contacts.get(shop.contacts[0])["email_status"] == "unsubscribed"
    channel = RecordingChannel("email", mime=False)
    dispatch(ws, now, channels={"email": channel, "sms": RecordingChannel("sms")})
    states = dict(ws.db.execute("SELECT id, state FROM ledger WHERE id IN (?, ?)", due).fetchall())
    assert states == {due[0]: "skipped", due[1]: "sent"}


def test_the_page_asks_first_and_unsubscribes_on_post(shop, served, now) -> None:
    token = tokens.make_token(shop.key, shop.contacts[1], "email")
    page = served.request("GET", f"/unsubscribe/{token}")
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    text = html.unescape(page.body.decode())
    assert "Bottega Rossi" in text and "Annulla l'iscrizione" in text and 'method="post"' in text
    assert event_rows(shop.ws, "unsubscribed") == []  # a scanner following the link unsubscribes nobody
    assert served.request("POST", f"/unsubscribe/{token}", b"anything=else", FORM).status == 400
    assert event_rows(shop.ws, "unsubscribed") == []
    done = served.request("POST", f"/unsubscribe/{token}", b"confirm=1", FORM)
    assert done.status == 200 and "Bottega Rossi" in done.body.decode()
    assert json.loads(event_rows(shop.ws, "unsubscribed")[0][2])["via"] == "web_page"
    assert shop.ws.contacts.get(shop.contacts[1])["email_status"] == "unsubscribed"
    again = served.request("GET", f"/unsubscribe/{token}").body.decode()
    assert "già disiscritto" in again


def test_the_page_speaks_english_when_the_workspace_does(shop, now) -> None:
    shop.ws.settings.set("ui.language", "en", now)
    with running(shop.ws, now) as server:
        from tests.endpoint.conftest import Client

        client = Client(server.config.local_url)
        token = tokens.make_token(shop.key, shop.contacts[2], "email")
        text = html.unescape(client.request("GET", f"/unsubscribe/{token}").body.decode())
        assert "Unsubscribe?" in text and "You will no longer receive e-mails from Bottega Rossi." in text
        bad = client.request("GET", "/unsubscribe/not-a-token")
        assert bad.status == 404 and "Link not valid" in bad.body.decode()


def test_a_webhook_body_over_the_limit_is_refused_before_it_is_read(shop, served) -> None:
    too_big = b"{" + b" " * webhooks.MAX_BODY + b"}"
    answer = served.request("POST", "/webhooks/shopify", too_big, {"Content-Type": "application/json"})
    assert answer.status == 413 and json.loads(answer.body)["code"] == "body_too_large"
    # No Content-Length (chunked): counted while read, refused past the limit.
    chunks = iter([b"x" * 65536] * (webhooks.MAX_BODY // 65536 + 2))
    import http.client

    conn = http.client.HTTPConnection(served.host, served.port, timeout=10)
    conn.request("POST", "/webhooks/generic", body=chunks, encode_chunked=True,
                 headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    assert conn.getresponse().status == 413
    conn.close()
    small = served.request("POST", "/webhooks/woocommerce", b"{}", {"Content-Type": "application/json"})
    assert small.status != 413  # handed to the webhook module (a placeholder answers 404 for now)
    assert served.request("POST", "/webhooks/nonsense", b"{}").status == 404
