"""Secrets: the encrypted keyrings.alt file keyring in a temp folder, refusal of insecure
backends, the CLI, and a full run after which no secret byte is anywhere in the workspace."""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null
from keyrings.alt.file import PlaintextKeyring

from desktop.cli import main as cli_main
from desktop.delivery.setup import channels_from_settings
from desktop.delivery.status_poll import poll_sms_status
from desktop.errors import InputError
from desktop.secrets import KeyringUnavailable, get_secret, set_secret
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template, states
from tests.helpers.smtp_server import SmtpServer, tls_contexts
from tests.helpers.twilio_server import TwilioServer
from tests.helpers.engine import dispatch, words

SMTP_SECRET = "Sm7p-s3cret-Zq81xw"
TWILIO_SECRET = "tw1l10tokenQ7Vb2Lmx93Kd"
SID = "AC" + "4" * 32


def test_store_and_read_in_encrypted_file_keyring(workspace, now, encrypted, tmp_path):
    workspace.settings.set("smtp.username", "shop@example.com", now)
    set_secret(workspace, "smtp", SMTP_SECRET)
    assert get_secret(workspace, "smtp") == SMTP_SECRET
    raw = Path(encrypted.file_path).read_bytes()
    assert SMTP_SECRET.encode() not in raw and b"postino_2Dsmtp" in raw


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()])
def test_insecure_backends_are_refused_and_nothing_stored(workspace, now, backend, tmp_path):
    if isinstance(backend, PlaintextKeyring):
        backend.file_path = str(tmp_path / "plain.cfg")
    workspace.settings.set("smtp.username", "shop", now)
    with pytest.raises(KeyringUnavailable, match="Nothing was stored|not stored"):
        set_secret(workspace, "smtp", SMTP_SECRET, backend=backend)
    assert not Path(tmp_path / "plain.cfg").exists()


def test_user_name_is_required(workspace, now, encrypted):
    with pytest.raises(InputError, match="smtp.username"):
        set_secret(workspace, "smtp", SMTP_SECRET)


def test_cli_reads_secret_from_stdin(tmp_path, now, encrypted, monkeypatch, capsys):
    data = tmp_path / "cli"
    assert cli_main(["--data-dir", str(data), "settings", "set", "twilio.account_sid", SID]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(TWILIO_SECRET + "\n"))
    assert cli_main(["--data-dir", str(data), "credentials", "set", "twilio"]) == 0
    assert TWILIO_SECRET not in capsys.readouterr().out
    assert encrypted.get_password("postino-twilio", SID) == TWILIO_SECRET


def test_cli_refuses_insecure_keyring(tmp_path, now, monkeypatch, capsys):
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        data = tmp_path / "cli"
        cli_main(["--data-dir", str(data), "settings", "set", "smtp.username", "shop"])
        monkeypatch.setattr("sys.stdin", io.StringIO(SMTP_SECRET + "\n"))
        assert cli_main(["--data-dir", str(data), "credentials", "set", "smtp"]) == 1
        assert "null backend" in capsys.readouterr().err
    finally:
        keyring.set_keyring(previous)


def test_no_secret_anywhere_after_a_full_run(workspace, now, encrypted, tmp_path):
    ws = workspace
    log_file = ws.data_dir / "logs" / "postino.log"
    log_file.parent.mkdir()
    handler = logging.FileHandler(log_file)
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.DEBUG)
    server_ctx, client_ctx = tls_contexts(tmp_path)
    try:
        with SmtpServer(tls_context=server_ctx, users={"shop": SMTP_SECRET}) as smtp, \
                TwilioServer(SID, TWILIO_SECRET) as api:
            for key, value in {"smtp.host": "127.0.0.1", "smtp.port": smtp.port, "smtp.security": "starttls",
                               "smtp.username": "shop", "smtp.sender_email": "shop@example.com",
                               "smtp.per_minute": 100000, "twilio.account_sid": SID,
                               "twilio.sender": "+15005550006", "sms.per_second": 1000}.items():
                ws.settings.set(key, value, now)
            set_secret(ws, "smtp", SMTP_SECRET)
            set_secret(ws, "twilio", TWILIO_SECRET)
            add_template(ws, now, "Cart")
            add_template(ws, now, "Sms", "sms")
            contacts = add_contacts(ws, now, 5)
            add_rows(ws, add_rule(ws, now, "Cart"), contacts, now - timedelta(minutes=1))
            add_rows(ws, add_rule(ws, now, "Sms", "sms"), contacts, now - timedelta(minutes=1), "sms")
            channels = channels_from_settings(ws, ssl_context=client_ctx, twilio_base_url=api.url)
            assert {c.kind for c in channels.values()} == {"smtp", "twilio"}
            summary = dispatch(ws, now, channels=channels)
            poll_sms_status(ws, now, channels["sms"])
            # and a failing login, whose error text must not carry the secret either
            ws.settings.set("smtp.username", "other", now)
            encrypted.set_password("postino-smtp", "other", SMTP_SECRET + "-wrong")
            add_rows(ws, add_rule(ws, now, "Cart", name="again"), contacts, now - timedelta(minutes=1))
            failed = dispatch(ws, now, channels=channels_from_settings(ws, ssl_context=client_ctx))
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(old_level)
    assert summary.counts == {"sent": 10}, summary
    assert "535" in words(failed.paused["email"]) and states(ws)["planned"] == 5
    ws.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    files = [p for p in ws.data_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".db" for p in files) and log_file in files
    assert log_file.stat().st_size > 0
    for path in files:
        data = path.read_bytes()
        for secret in (SMTP_SECRET, TWILIO_SECRET):
            assert secret.encode() not in data, f"{secret} found in {path}"
            assert secret.encode("utf-16-le") not in data, path
