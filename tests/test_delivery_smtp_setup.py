"""SMTP set-up mistakes get coded hints; a private CA bundle; secrets echoed by a 535 reply.

Real aiosmtpd servers on loopback, with a self-signed certificate made in the test
(``tests/helpers/smtp_server.py``, ``cryptography``). A loopback port cannot be 465 or 587,
so the hints are found from how the server behaves (a TLS handshake where a greeting was
expected, a plain greeting where TLS was expected), the port number being only a fallback.
"""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from desktop.delivery.channel import ChannelUnavailable
from desktop.delivery.limits import Limits
from desktop.delivery.setup import channels_from_settings
from desktop.delivery.smtp import SmtpChannel
from desktop.errors import InputError
from desktop.messages import text
from desktop.secrets import scrub
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template, states
from tests.helpers.smtp_server import SmtpServer, make_certificate, tls_contexts
from tests.helpers.engine import dispatch, words

PASSWORD = "Pa55-w0rd-Zq81"


def opened(channel: SmtpChannel) -> ChannelUnavailable:
    with pytest.raises(ChannelUnavailable) as caught:
        channel.open()
    channel.close()
    return caught.value


def test_starttls_against_an_implicit_tls_port_says_to_choose_ssl(tmp_path):
    server_ctx, client_ctx = tls_contexts(tmp_path)
    with SmtpServer(implicit_tls=server_ctx) as server:
        # timeout: the TLS server waits for a handshake, smtplib for a greeting; one gives up.
        problem = opened(SmtpChannel("127.0.0.1", server.port, "starttls", "", None, "shop@example.com",
                                     ssl_context=client_ctx, timeout=1.5))
    assert problem.msg is not None and problem.msg.code == "smtp.cannot_connect"
    assert problem.msg.params["hint"] == {"code": "smtp.hint_465"}
    assert "set smtp.security to ssl" in str(problem)
    assert "smtp.security" in text(problem.msg, "it") and "ssl" in text(problem.msg, "it")


def test_implicit_tls_against_a_plain_port_says_to_choose_starttls(tmp_path):
    _, client_ctx = tls_contexts(tmp_path)
    with SmtpServer() as server:
        problem = opened(SmtpChannel("127.0.0.1", server.port, "ssl", "", None, "shop@example.com",
                                     ssl_context=client_ctx, timeout=5))
    assert problem.msg.params["hint"] == {"code": "smtp.hint_587"}
    assert "set smtp.security to starttls" in str(problem)


def test_login_on_a_plain_connection_when_auth_needs_starttls(tmp_path):
    server_ctx, _ = tls_contexts(tmp_path)
    with SmtpServer(tls_context=server_ctx, users={"shop": PASSWORD}) as server:
        problem = opened(SmtpChannel("127.0.0.1", server.port, "plain", "shop", PASSWORD, "shop@example.com"))
    assert problem.msg.code == "smtp.not_supported"
    assert problem.msg.params["hint"] == {"code": "smtp.hint_auth_after_starttls"}
    assert PASSWORD not in str(problem)


def configure(ws, now, port, **extra):
    for key, value in {"smtp.host": "127.0.0.1", "smtp.port": port, "smtp.security": "starttls",
                       "smtp.sender_email": "shop@example.com", "smtp.per_minute": 100000, **extra}.items():
        ws.settings.set(key, value, now)


def test_a_private_ca_bundle_setting_makes_the_certificate_trusted(workspace, now, tmp_path):
    ws = workspace
    cert, key = make_certificate(tmp_path)
    import ssl

    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(cert, key)
    add_template(ws, now)
    add_rows(ws, add_rule(ws, now, "Cart"), add_contacts(ws, now, 2), now - timedelta(minutes=1))
    with SmtpServer(tls_context=server_ctx) as server:
        configure(ws, now, server.port)
        untrusted = dispatch(ws, now, channels=channels_from_settings(ws), limits=Limits.unlimited())
        assert "smtp.ca_bundle" in words(untrusted.paused["email"]) and states(ws) == {"planned": 2}
        ws.settings.set("smtp.ca_bundle", str(cert), now)
        summary = dispatch(ws, now, channels=channels_from_settings(ws), limits=Limits.unlimited())
    assert summary.sent == 2 and len(server.received) == 2


def test_ca_bundle_must_be_a_file_and_a_broken_one_pauses(workspace, now, tmp_path):
    ws = workspace
    with pytest.raises(InputError, match="smtp.ca_bundle"):
        ws.settings.set("smtp.ca_bundle", str(tmp_path / "missing.pem"), now)
    broken = tmp_path / "broken.pem"
    broken.write_text("not a certificate\n")
    configure(ws, now, 2525, **{"smtp.ca_bundle": str(broken)})
    channel = channels_from_settings(ws)["email"]
    assert channel.kind == "paused" and "broken.pem" in channel.note


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_a_535_reply_echoing_the_auth_lines_is_scrubbed(tmp_path, mechanism):
    server_ctx, client_ctx = tls_contexts(tmp_path)
    users = {"owner": "the-right-one"}  # 7 bytes before the password: its own base64 does not show
    with SmtpServer(tls_context=server_ctx, users=users, echo_auth=True, auth_only=mechanism) as server:
        problem = opened(SmtpChannel("127.0.0.1", server.port, "starttls", "owner", PASSWORD,
                                     "shop@example.com", ssl_context=client_ctx))
    message = str(problem)
    assert "535" in message and "***" in message
    forms = {"PLAIN": [base64.b64encode(f"\0owner\0{PASSWORD}".encode()).decode()],
             "LOGIN": [base64.b64encode(b"owner").decode(), base64.b64encode(PASSWORD.encode()).decode()]}
    for form in forms[mechanism] + [PASSWORD]:
        assert form not in message and form.rstrip("=") not in message


def test_scrub_forms():
    plain = base64.b64encode(b"\0shop\0" + PASSWORD.encode()).decode()
    login = base64.b64encode(b"shop").decode()
    out = scrub(f"535 bad {plain} / {login} {base64.b64encode(PASSWORD.encode()).decode()}", PASSWORD, user="shop")
    assert out == "535 bad *** / *** ***"
    assert scrub("nothing to hide", None, user="shop") == "nothing to hide"
