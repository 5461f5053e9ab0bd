"""The mailbox connector against a real Dovecot on loopback: bounces from Postfix, Exim,
qmail and Gmail-style servers, out-of-office replies, mailto unsubscribes with the signed
token, the UIDVALIDITY + UID checkpoint and the move to the Postino folder."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from desktop.connectors.mailbox import MailboxPoller
from desktop.connectors.run import poll_connection
from desktop.connectors.store import Connections
from desktop.delivery.message import message_id
from desktop.errors import InputError
from desktop.tokens import make_token, workspace_key
from tests.helpers import dovecot
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template

pytestmark = pytest.mark.skipif(not dovecot.available(), reason="dovecot-imapd is not installed (scripts/dev.sh)")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "mail"
SENDER = "shop@shop.example"


@pytest.fixture(scope="module")
def server():
    with dovecot.Dovecot() as running:
        yield running


@pytest.fixture
def mailbox(server):
    """An empty INBOX and Postino folder for each test."""
    client = server.client()
    for folder in ("INBOX", "Postino"):
        if client.folder_exists(folder):
            client.select_folder(folder)
            client.delete_messages(client.search(["ALL"]))
            client.expunge()
    client.logout()
    return server


@pytest.fixture
def sent(workspace, now):
    """Four contacts with one sent e-mail each; returns (contact ids, ledger ids)."""
    add_template(workspace, now, "Cart")
    rule = add_rule(workspace, now, "Cart")
    contacts = add_contacts(workspace, now - timedelta(days=9), 4)
    rows = [add_rows(workspace, rule, [c], now - timedelta(hours=1))[0] for c in contacts]
    return contacts, rows


def fixture(name, workspace, ledger_id, recipient, nonce="n"):
    original = message_id(ledger_id, workspace.meta("workspace_id"), SENDER)
    return (FIXTURES / name).read_text().format(ORIGINAL_ID=original, RECIPIENT=recipient, SENDER=SENDER,
                                                NONCE=nonce).encode()


def connect(workspace, server, now, password=None):
    store = Connections(workspace.db)
    if store.get("posta") is None:
        with workspace.transaction():
            store.add(store.new("posta", "mailbox", {"host": "127.0.0.1", "port": server.port, "user": server.user,
                                                     "security": "none"}), now)
    connection = store.require("posta")
    poller = MailboxPoller("posta", "127.0.0.1", server.port, server.user, password or server.password,
                           connection.every, security="none")
    return connection, poller


def poll(workspace, server, now, **kw):
    connection, poller = connect(workspace, server, now, **kw)
    return poll_connection(workspace, poller, connection, now, db_lock=threading.RLock(), force=True)


def email_status(workspace, contact_id):
    return workspace.contacts.get(contact_id)["email_status"]


def plain(subject, body, to=SENDER, sender="cliente@example.org"):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Message-ID"] = f"<{abs(hash(subject + body))}@example.org>"
    msg.set_content(body)
    return msg.as_bytes()


def test_hard_bounces_from_three_servers_mark_contacts_and_move(workspace, mailbox, sent, now):
    contacts, rows = sent
    for name, index in (("postfix_hard.eml", 0), ("exim_plain.eml", 1), ("qmail_plain.eml", 2)):
        mailbox.deliver(fixture(name, workspace, rows[index], f"user{index}@example.org"))
    mailbox.deliver(fixture("out_of_office.eml", workspace, rows[3], "user3@example.org"))
    mailbox.deliver(plain("Domanda", "Avete la taglia M?"))
    mailbox.deliver(fixture("postfix_hard.eml", workspace, 999, "someone@example.org")
                    .replace(b"<postino.", b"<other."))          # a bounce of the owner's own mail
    outcome = poll(workspace, mailbox, now)
    assert outcome.ok, outcome.error
    assert outcome.summary.counts == {"bounce_hard": 3, "auto_reply": 1, "bounce_unmatched": 1}
    assert [email_status(workspace, c) for c in contacts] == ["bounced", "bounced", "bounced", "subscribed"]
    events = workspace.db.execute("SELECT contact_id, rule_id, payload FROM events WHERE type = 'email_bounced' "
                                  "ORDER BY contact_id").fetchall()
    assert [e[0] for e in events] == contacts[:3]
    payloads = [json.loads(e[2]) for e in events]
    assert [p["source"] for p in payloads] == ["dsn", "flufl", "flufl"]
    assert all(p["hard"] and p["status"] == "5.1.1" for p in payloads)
    assert mailbox.count("Postino") == 3 and mailbox.count("INBOX") == 3   # ordinary mail stays
    again = poll(workspace, mailbox, now + timedelta(minutes=5))
    assert again.ok and again.summary.written == 0 and again.summary.fetched == 0


def test_three_soft_bounces_in_a_row_make_a_bounce(workspace, mailbox, sent, now):
    contacts, rows = sent
    rule = workspace.db.execute("SELECT rule_id FROM ledger WHERE id = ?", [rows[0]]).fetchone()[0]
    more = [workspace.db.execute(
        "INSERT INTO ledger(rule_id, contact_id, occurrence, channel, state, matched_at, due_at, payload, "
        "updated_at) VALUES (?, ?, ?, 'email', 'sent', ?, ?, '{}', ?)",
        [rule, contacts[0], f"again-{i}", "2026-03-02 09:00:00", "2026-03-02 09:00:00", "2026-03-02 09:00:00"]
    ).lastrowid for i in range(2)]
    for step, ledger_id in enumerate([rows[0], *more]):
        mailbox.deliver(fixture("gmail_delay.eml", workspace, ledger_id, "user0@example.org", nonce=f"d{step}"))
        outcome = poll(workspace, mailbox, now + timedelta(minutes=step))
        assert outcome.summary.counts == {"bounce_soft": 1}
        assert email_status(workspace, contacts[0]) == ("bounced" if step == 2 else "subscribed")


def test_mailto_unsubscribe_needs_the_signed_token(workspace, mailbox, sent, now):
    contacts, _rows = sent
    token = make_token(workspace_key(workspace), contacts[1])
    mailbox.deliver(plain(f"unsubscribe {token}", "", to="unsubscribe@shop.example", sender="user1@example.org"))
    forged = make_token(b"another workspace's key" * 2, contacts[2])
    mailbox.deliver(plain(f"unsubscribe {forged}", "", to="unsubscribe@shop.example", sender="user2@example.org"))
    outcome = poll(workspace, mailbox, now)
    assert outcome.summary.counts == {"unsubscribed": 1}
    assert email_status(workspace, contacts[1]) == "unsubscribed"
    assert email_status(workspace, contacts[2]) == "subscribed"
    assert mailbox.count("Postino") == 1 and mailbox.count("INBOX") == 1


def test_checkpoint_survives_a_new_uidvalidity_without_duplicates(workspace, mailbox, sent, now):
    contacts, rows = sent
    mailbox.deliver(fixture("out_of_office.eml", workspace, rows[0], "user0@example.org"))
    mailbox.deliver(fixture("postfix_hard.eml", workspace, rows[1], "user1@example.org"))
    poll(workspace, mailbox, now)
    cursor = Connections(workspace.db).cursor("posta")
    assert cursor["last_uid"] >= 2 and cursor["uidvalidity"]
    # The server rebuilt its index (new UIDVALIDITY): everything is read again, nothing doubles.
    mailbox.deliver(fixture("postfix_hard.eml", workspace, rows[1], "user1@example.org"), folder="INBOX")
    workspace.db.execute("UPDATE connections SET cursor = json_set(cursor, '$.uidvalidity', 1)")
    again = poll(workspace, mailbox, now + timedelta(minutes=5))
    assert again.summary.fetched == 2          # the out-of-office and the repeated bounce
    assert workspace.db.execute("SELECT count(*) FROM events WHERE type = 'email_bounced'").fetchone()[0] == 1


def test_wrong_password_and_a_stopped_server_are_errors(workspace, mailbox, now):
    assert poll(workspace, mailbox, now, password="sbagliata").error.code == "imap.auth"
    assert Connections(workspace.db).status("posta").failures == 1
    with dovecot.Dovecot() as other:
        port = other.port
    connection, _ = connect(workspace, mailbox, now)
    dead = MailboxPoller("posta", "127.0.0.1", port, "x", "y", connection.every, security="none")
    outcome = poll_connection(workspace, dead, connection, now, db_lock=threading.RLock(), force=True)
    assert outcome.error.code == "imap.unreachable"


def test_plain_imap_only_on_this_computer():
    with pytest.raises(InputError):
        MailboxPoller("p", "mail.example.org", 143, "u", "p", timedelta(minutes=5), security="none")


def test_connect_and_poll_the_mailbox_from_the_cli(tmp_path, monkeypatch, capsys, mailbox):
    import io

    import keyring
    from keyrings.alt.file import EncryptedKeyring

    from desktop.cli import main as cli_main
    from desktop.workspace import Workspace

    backend = EncryptedKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    backend.keyring_key = "master-passphrase-for-tests"
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        folder = tmp_path / "ws"
        with Workspace.open(folder) as ws:
            (cid,) = add_contacts(ws, ws_now(), 1)
            token = make_token(workspace_key(ws), cid)
        mailbox.deliver(plain(f"unsubscribe {token}", "", sender="user0@example.org"))
        monkeypatch.setattr("sys.stdin", io.StringIO(mailbox.password + "\n"))
        assert cli_main(["--data-dir", str(folder), "connect", "mailbox", "127.0.0.1", "--port", str(mailbox.port),
                         "--user", mailbox.user, "--security", "none", "--name", "posta"]) == 0
        assert cli_main(["--data-dir", str(folder), "poll", "posta"]) == 0
        assert "unsubscribed=1" in capsys.readouterr().out
        with Workspace.open(folder) as ws:
            assert ws.contacts.get(cid)["email_status"] == "unsubscribed"
    finally:
        keyring.set_keyring(previous)


def ws_now():
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)
