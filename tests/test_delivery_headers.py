"""The list headers and the MIME structure, read as raw bytes from a real aiosmtpd server.

RFC 2369: ``List-Unsubscribe`` is a list of ``<URI>`` separated by commas; RFC 2047 §5 does
not allow encoded-words there. RFC 8058: ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``
only with an https URI that answers a POST. RFC 2919: ``List-Id``.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from email import policy
from email.parser import BytesParser

from desktop import tokens
from desktop.delivery.limits import Limits
from desktop.delivery.setup import channels_from_settings
from desktop.delivery.testsend import send_test
from desktop.delivery.unsubscribe import token_from_subject
from desktop.messages import text
from desktop.timeutil import to_db
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template, states
from tests.helpers.smtp_server import SmtpServer
from tests.helpers.engine import dispatch, words

PUBLIC = "https://negozio-di-esempio.example.com/postino/endpoint-pubblico"


def configure(ws, now, port, **extra):
    for key, value in {"smtp.host": "127.0.0.1", "smtp.port": port, "smtp.security": "plain",
                       "smtp.sender_email": "bottega@negozio-di-esempio.example.com",
                       "business.name": "Bottega Rossi", "smtp.per_minute": 100000, **extra}.items():
        if key == "smtp.sender_email" and value.endswith("@localhost"):
            # Refused by ``settings set`` today; a workspace may still hold one from before.
            ws.db.execute("INSERT OR REPLACE INTO settings(key, value, updated_at) VALUES (?, ?, ?)",
                          [key, json.dumps(value), to_db(now)])
            continue
        ws.settings.set(key, value, now)


def send(ws, now, count=1, marketing=True, **settings):
    with SmtpServer() as server:
        configure(ws, now, server.port, **settings)
        add_template(ws, now)
        rule = add_rule(ws, now, "Cart")
        if not marketing:
            definition = {"format": 1, "name": "rule Cart", "marketing": False,
                          "action": {"type": "send_email", "template": "Cart"}}
            ws.db.execute("UPDATE rules SET definition = ?, updated_at = ? WHERE id = ?",
                          [json.dumps(definition), to_db(now), rule])
        add_rows(ws, rule, add_contacts(ws, now, count), now - timedelta(minutes=1))
        summary = dispatch(ws, now, channels=channels_from_settings(ws), limits=Limits.unlimited())
    return summary, server.received


def raw_headers(data: bytes) -> dict[str, bytes]:
    """Header name (lower case) -> its raw bytes, folding kept."""
    head = data.split(b"\r\n\r\n", 1)[0]
    out: dict[str, bytes] = {}
    name = ""
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):
            out[name] += b"\r\n" + line
        else:
            name = line.split(b":", 1)[0].decode().lower()
            out[name] = line
    return out


def test_long_list_unsubscribe_is_folded_between_uris_never_encoded(workspace, now):
    from tests.helpers.endpoint import running

    with running(workspace, now, public=PUBLIC):  # one-click only while the endpoint answers
        summary, received = send(workspace, now,
                                 **{"unsubscribe.mailbox": "disiscrizioni@negozio-di-esempio.example.com"})
    assert summary.sent == 1
    raw = raw_headers(received[0].data)["list-unsubscribe"]
    assert len(raw) > 78 and b"=?" not in raw
    lines = raw.split(b"\r\n")
    assert len(lines) == 2 and lines[0].endswith(b">,") and lines[1].startswith(b" <mailto:")
    uris = re.findall(rb"<([^<>]*)>", raw)
    assert uris[0].startswith(PUBLIC.encode() + b"/unsubscribe/") and b" " not in uris[0]
    assert uris[1].startswith(b"mailto:disiscrizioni@negozio-di-esempio.example.com?subject=unsubscribe%20")
    assert raw_headers(received[0].data)["list-unsubscribe-post"] == b"List-Unsubscribe-Post: List-Unsubscribe=One-Click"


def test_without_a_public_https_endpoint_a_mailto_and_no_one_click(workspace, now):
    ws = workspace
    summary, received = send(ws, now)
    assert summary.sent == 1
    data = received[0].data
    headers = raw_headers(data)
    assert "list-unsubscribe-post" not in headers
    assert b"127.0.0.1" not in data and b"http://" not in headers["list-unsubscribe"]
    uri = re.findall(rb"<([^<>]*)>", headers["list-unsubscribe"])
    assert len(uri) == 1 and uri[0].startswith(b"mailto:bottega@negozio-di-esempio.example.com?subject=")
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    subject = uri[0].decode().split("subject=", 1)[1].replace("%20", " ")
    token = token_from_subject(subject)
    info = tokens.verify_token(tokens.workspace_key(ws), token)
    assert info is not None and info.purpose == "unsub" and info.channel == "email"
    assert uri[0].decode().replace("&", "&amp;") in parsed.get_body(("html",)).get_content()
    assert token_from_subject(f"Re: unsubscribe {token}") == token


def test_an_http_public_url_is_refused_by_the_setting(workspace, now):
    import pytest

    from desktop.errors import InputError

    for bad in ("http://shop.example.com/p", "https://127.0.0.1:8765", "https://localhost/x"):
        with pytest.raises(InputError, match="endpoint.public_url"):
            workspace.settings.set("endpoint.public_url", bad, now)


def test_marketing_without_any_way_out_is_skipped_with_a_coded_reason(workspace, now):
    ws = workspace
    summary, received = send(ws, now, count=2, **{"smtp.sender_email": "shop@localhost"})
    assert summary.counts == {"skipped": 2} and received == []
    reason = ws.db.execute("SELECT reason FROM ledger LIMIT 1").fetchone()[0]
    assert "unsubscribe.mailbox" in text(reason, "en")


def test_a_transactional_rule_goes_out_without_list_unsubscribe_when_there_is_none(workspace, now):
    summary, received = send(workspace, now, marketing=False, **{"smtp.sender_email": "shop@localhost"})
    assert summary.sent == 1 and "list-unsubscribe" not in raw_headers(received[0].data)
    assert states(workspace) == {"sent": 1}


def test_list_id_full_html_document_and_no_mime_version_inside_parts(workspace, now):
    summary, received = send(workspace, now)
    data = received[0].data
    headers = raw_headers(data)
    assert re.fullmatch(rb'List-Id: "Bottega Rossi"(\r\n)? <postino-r\d+\.[0-9a-f]+\.negozio-di-esempio\.example\.com>',
                        headers["list-id"])
    parsed = BytesParser(policy=policy.default).parsebytes(data)
    html = parsed.get_body(("html",))
    assert html.get_content().lstrip().lower().startswith(("<html", "<!doctype html"))
    assert "<body" in html.get_content().lower()
    assert data.count(b"MIME-Version:") == 1
    for part in parsed.iter_parts():
        assert part["MIME-Version"] is None


def test_every_test_message_has_its_own_message_id(workspace, now):
    ws = workspace
    with SmtpServer() as server:
        configure(ws, now, server.port)
        first = send_test(ws, "smtp", "me@example.org", now)
        second = send_test(ws, "smtp", "me@example.org", now)
    assert first.ok and second.ok
    ids = [BytesParser(policy=policy.default).parsebytes(r.data)["Message-ID"] for r in server.received]
    assert len(set(ids)) == 2 and all(i.endswith("@negozio-di-esempio.example.com>") for i in ids)
