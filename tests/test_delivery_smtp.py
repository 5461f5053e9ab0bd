"""E-mail delivery against real aiosmtpd servers on loopback."""

from __future__ import annotations

from datetime import timedelta
from email import policy
from email.parser import BytesParser

import pytest

from desktop import tokens
from desktop.delivery.channel import ChannelUnavailable
from desktop.delivery.limits import Limits
from desktop.delivery.setup import channels_from_settings
from desktop.delivery.smtp import SmtpChannel
from desktop.delivery.testsend import send_test
from desktop.timeutil import from_db
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template, states
from tests.helpers.smtp_server import Handler, SmtpServer, tls_contexts
from tests.helpers.engine import dispatch, words


def configure(ws, now, port, security="plain", username=""):
    for key, value in {"smtp.host": "127.0.0.1", "smtp.port": port, "smtp.security": security,
                       "smtp.username": username, "smtp.sender_email": "shop@example.com",
                       "smtp.sender_name": "Bottega Rossi", "smtp.per_minute": 100000,
                       "unsubscribe.mailbox": "unsub@example.com",
                       "endpoint.public_url": "https://shop.example/p"}.items():
        ws.settings.set(key, value, now)


def setup_rows(ws, now, count, **contact_values):
    add_template(ws, now)
    rule = add_rule(ws, now, "Cart")
    contacts = add_contacts(ws, now, count, **contact_values)
    return rule, contacts, add_rows(ws, rule, contacts, now - timedelta(minutes=1))


def smtp(port, **kw):
    return SmtpChannel("127.0.0.1", port, "plain", "", None, "shop@example.com", **kw)


def test_batch_on_one_connection_with_complete_mime(workspace, now):
    ws = workspace
    from tests.helpers.endpoint import running

    configure(ws, now, 25)
    rule, contacts, rows = setup_rows(ws, now, 12)
    with SmtpServer() as server, running(ws, now, public="https://shop.example/p"):  # one-click: endpoint answers
        channel = smtp(server.port)
        summary = dispatch(ws, now, channels={"email": channel}, limits=Limits.unlimited())
    assert summary.counts == {"sent": 12}
    assert server.handler.connections == 1 and channel.connections == 1
    assert states(ws) == {"sent": 12}
    assert len(server.received) == 12
    first = BytesParser(policy=policy.default).parsebytes(server.received[0].data)
    assert first.get_content_type() == "multipart/alternative"
    plain = first.get_body(("plain",)).get_content()
    html = first.get_body(("html",)).get_content()
    assert "<" not in plain and "Ciao Nome0," in plain and "Tè verde" in plain
    assert "Torna al carrello (https://shop.example/cart/cart-17)" in plain
    assert 'style="' in html and "<style" not in html
    for header in ("Message-ID", "Date", "From", "To", "Subject"):
        assert first[header], header
    assert first["Subject"] == "Nome0, il tuo carrello"
    assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    links = first["List-Unsubscribe"]
    assert "<mailto:unsub@example.com?subject=unsubscribe%20" in links
    url = links.split("<", 1)[1].split(">", 1)[0]
    assert url.startswith("https://shop.example/p/unsubscribe/") and url in html and url in plain
    info = tokens.verify_token(tokens.workspace_key(ws), url.rsplit("/", 1)[1])
    assert info is not None and info.contact_id == contacts[0] and info.purpose == "unsub"
    ids = {BytesParser(policy=policy.default).parsebytes(r.data)["Message-ID"] for r in server.received}
    assert len(ids) == 12
    sent_events = ws.db.execute("SELECT count(*), min(rule_id) FROM events WHERE type = 'email_sent'").fetchone()
    assert sent_events == (12, rule)
    provider = ws.db.execute("SELECT provider_id FROM ledger WHERE id = ?", [rows[0]]).fetchone()[0]
    assert provider == first["Message-ID"]


def test_starttls_auth_logs_in_once(workspace, now, tmp_path):
    ws = workspace
    server_ctx, client_ctx = tls_contexts(tmp_path)
    configure(ws, now, 25, "starttls", "shop")
    setup_rows(ws, now, 5)
    with SmtpServer(tls_context=server_ctx, users={"shop": "pa55-w0rd"}) as server:
        channel = SmtpChannel("127.0.0.1", server.port, "starttls", "shop", "pa55-w0rd", "shop@example.com",
                              ssl_context=client_ctx)
        summary = dispatch(ws, now, channels={"email": channel}, limits=Limits.unlimited())
    assert summary.sent == 5 and server.handler.logins == ["shop"]
    assert len(server.received) == 5


def test_wrong_password_pauses_with_the_server_answer_and_no_secret(workspace, now, tmp_path):
    ws = workspace
    server_ctx, client_ctx = tls_contexts(tmp_path)
    setup_rows(ws, now, 3)
    with SmtpServer(tls_context=server_ctx, users={"shop": "right"}) as server:
        channel = SmtpChannel("127.0.0.1", server.port, "starttls", "shop", "wrong-Secret-42",
                              "shop@example.com", ssl_context=client_ctx)
        with pytest.raises(ChannelUnavailable) as caught:
            channel.open()
        summary = dispatch(ws, now, channels={"email": channel}, limits=Limits.unlimited())
    assert "535" in str(caught.value) and "wrong-Secret-42" not in str(caught.value)
    assert "535" in words(summary.paused["email"])
    assert states(ws) == {"planned": 3} and server.received == []


def test_untrusted_certificate_is_refused(workspace, now, tmp_path):
    server_ctx, _ = tls_contexts(tmp_path)
    with SmtpServer(tls_context=server_ctx) as server:
        channel = SmtpChannel("127.0.0.1", server.port, "starttls", "", None, "shop@example.com")
        with pytest.raises(ChannelUnavailable, match="CERTIFICATE_VERIFY_FAILED|certificate"):
            channel.open()


def test_server_dropping_mid_batch_reconnects_without_duplicates(workspace, now):
    ws = workspace
    setup_rows(ws, now, 10)
    with SmtpServer(Handler(drop_after=3)) as server:
        channel = smtp(server.port)
        summary = dispatch(ws, now, channels={"email": channel}, limits=Limits.unlimited())
    assert summary.sent == 10 and states(ws) == {"sent": 10}
    recipients = [r.rcpt_tos[0] for r in server.received]
    assert len(recipients) == len(set(recipients)) == 10
    assert channel.connections == 4 and server.handler.connections == 4


def test_4xx_defers_and_5xx_fails_with_the_exact_answer(workspace, now):
    ws = workspace
    _, contacts, rows = setup_rows(ws, now, 4)
    answers = {"user1@example.org": "451 4.7.1 Greylisted, try again later",
               "user2@example.org": "550 5.1.1 <user2@example.org>: Recipient address rejected"}
    with SmtpServer(Handler(answers=answers)) as server:
        summary = dispatch(ws, now, channels={"email": smtp(server.port)}, limits=Limits.unlimited())
        assert summary.counts == {"sent": 2, "deferred": 1, "failed": 1}
        state, reason, due, attempts = ws.db.execute(
            "SELECT state, reason, due_at, attempts FROM ledger WHERE id = ?", [rows[1]]).fetchone()
        assert (state, words(reason), attempts) == ("deferred", "451 4.7.1 Greylisted, try again later", 1)
        assert from_db(due) == now + timedelta(minutes=2)
        failed = ws.db.execute("SELECT state, reason FROM ledger WHERE id = ?", [rows[2]]).fetchone()
        assert (failed[0], words(failed[1])) == ("failed", "550 5.1.1 <user2@example.org>: Recipient address rejected")
        ws.settings.set("delivery.max_attempts", 3, now)
        later = now
        for _ in range(3):
            later += timedelta(days=1)  # past the longest backoff, and at a time quiet hours allow
            dispatch(ws, later, channels={"email": smtp(server.port)}, limits=Limits.unlimited())
    state, reason, attempts = ws.db.execute(
        "SELECT state, reason, attempts FROM ledger WHERE id = ?", [rows[1]]).fetchone()
    assert state == "failed" and attempts == 3 and words(reason).startswith("gave up after 3 attempts: 451")
    assert len(server.received) == 2


def test_send_test_reports_exact_answer(workspace, now):
    ws = workspace
    with SmtpServer(Handler(answers={"nobody@example.org": "550 5.1.1 No such user here"})) as server:
        configure(ws, now, server.port)
        ok = send_test(ws, "smtp", "owner@example.org", now)
        bad = send_test(ws, "smtp", "nobody@example.org", now)
    assert ok.ok and ok.answer.startswith("<postino.")
    assert not bad.ok and bad.answer == "550 5.1.1 No such user here"
    assert server.received[0].rcpt_tos == ["owner@example.org"]


def test_settings_build_the_smtp_channel(workspace, now):
    ws = workspace
    setup_rows(ws, now, 2)
    with SmtpServer() as server:
        configure(ws, now, server.port)
        channels = channels_from_settings(ws)
        assert channels["email"].kind == "smtp"
        summary = dispatch(ws, now, channels=channels)
    assert summary.sent == 2 and len(server.received) == 2


def test_cli_credentials_test_prints_the_answer(tmp_path, now, capsys):
    from desktop.cli import main as cli_main
    from desktop.workspace import Workspace

    data = tmp_path / "cli"
    with SmtpServer(Handler(answers={"nobody@example.org": "550 5.1.1 No such user here"})) as server:
        with Workspace.open(data) as ws:
            configure(ws, now, server.port)
        assert cli_main(["--data-dir", str(data), "credentials", "test", "smtp", "--to", "me@example.org"]) == 0
        assert cli_main(["--data-dir", str(data), "credentials", "test", "smtp", "--to", "nobody@example.org"]) == 1
    err = capsys.readouterr().err
    assert "failed: 550 5.1.1 No such user here" in err and len(server.received) == 1
