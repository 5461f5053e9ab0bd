"""Non-ASCII addresses against real aiosmtpd servers, with SMTPUTF8 (RFC 6531) on and off.

Before: ``smtplib`` raised ``UnicodeEncodeError`` at RCPT after the row was claimed, so the
row became ``uncertain`` and the whole e-mail channel paused for everybody.
"""

from __future__ import annotations

from datetime import timedelta
from email import policy
from email.parser import BytesParser, Parser

from desktop.contacts.csv_import import import_contacts
from desktop.delivery.limits import Limits
from desktop.delivery.setup import channels_from_settings
from desktop.messages import text
from tests.helpers.ledger import add_rows, add_rule, add_template, states
from tests.helpers.smtp_server import SmtpServer
from tests.helpers.engine import dispatch, words

ZOE, JUERGEN, PLAIN = "zoë.verdi@example.it", "juergen@bäckerei.example.com", "anna@example.org"
JUERGEN_ACE = "juergen@xn--bckerei-5wa.example.com"


def setup(ws, now, port):
    for key, value in {"smtp.host": "127.0.0.1", "smtp.port": port, "smtp.security": "plain",
                       "smtp.sender_email": "shop@example.com", "smtp.per_minute": 100000}.items():
        ws.settings.set(key, value, now)
    add_template(ws, now)
    rule = add_rule(ws, now, "Cart")
    source = ws.data_dir / "clienti.csv"   # imported the way a shop imports its customers
    source.write_text("email,nome\n" + "".join(f"{a},X\n" for a in (ZOE, JUERGEN, PLAIN)), encoding="utf-8")
    import_contacts(ws, source, now=now, consent="subscribed")  # the shop says these customers agreed
    ids = [ws.db.execute("SELECT id FROM contacts WHERE email = ?", [a]).fetchone()[0] for a in (ZOE, JUERGEN, PLAIN)]
    return dict(zip((ZOE, JUERGEN, PLAIN), add_rows(ws, rule, ids, now - timedelta(minutes=1))))


def ledger(ws, row_id):
    return ws.db.execute("SELECT state, reason FROM ledger WHERE id = ?", [row_id]).fetchone()


def raw_header(data: bytes, name: bytes) -> bytes:
    head = data.split(b"\r\n\r\n", 1)[0]
    return next(line for line in head.split(b"\r\n") if line.lower().startswith(name.lower() + b":"))


def test_without_smtputf8_the_utf8_mailbox_fails_alone_and_the_idn_domain_goes_out(workspace, now):
    ws = workspace
    with SmtpServer(smtputf8=False) as server:
        port = server.port
        rows = setup(ws, now, port)
        summary = dispatch(ws, now, channels=channels_from_settings(ws), limits=Limits.unlimited())
    assert summary.paused == {}
    assert summary.counts == {"sent": 2, "failed": 1}
    state, reason = ledger(ws, rows[ZOE])
    assert state == "failed" and "SMTPUTF8" in text(reason, "en") and ZOE in text(reason, "en")
    assert ledger(ws, rows[JUERGEN])[0] == "sent" and "uncertain" not in states(ws)
    recipients = sorted(r.rcpt_tos[0] for r in server.received)
    assert recipients == sorted([JUERGEN_ACE, PLAIN])
    idn = next(r for r in server.received if r.rcpt_tos == [JUERGEN_ACE])
    assert raw_header(idn.data, b"To") == b"To: " + JUERGEN_ACE.encode()
    assert BytesParser(policy=policy.default).parsebytes(idn.data)["To"].addresses[0].domain \
        == "xn--bckerei-5wa.example.com"


def test_with_smtputf8_the_utf8_mailbox_is_delivered_with_utf8_headers(workspace, now):
    ws = workspace
    with SmtpServer(smtputf8=True) as server:
        rows = setup(ws, now, server.port)
        summary = dispatch(ws, now, channels=channels_from_settings(ws), limits=Limits.unlimited())
    assert summary.counts == {"sent": 3} and summary.paused == {}
    assert ledger(ws, rows[ZOE])[0] == "sent"
    zoe = next(r for r in server.received if r.rcpt_tos == [ZOE])
    assert raw_header(zoe.data, b"To") == "To: zoë.verdi@example.it".encode("utf-8")
    assert b"=?" not in raw_header(zoe.data, b"To")
    parsed = Parser(policy=policy.default).parsestr(zoe.data.decode("utf-8"))  # RFC 6532: UTF-8 headers
    assert parsed["To"].addresses[0].username == "zoë.verdi"
    assert parsed.get_body(("plain",))["Content-Transfer-Encoding"] in ("quoted-printable", "base64")
    ascii_one = next(r for r in server.received if r.rcpt_tos == [PLAIN])
    assert b"=?" not in raw_header(ascii_one.data, b"To")
