"""The keyring decides whether e-mail can go, never where it goes.

Before: a locked or unreadable keyring made ``channels_from_settings`` fall back to the
sandbox, so real customers' e-mails were written to ``outbox/`` and marked ``sent``; and with
``keyrings.alt`` installed the whole default chain was refused because its last link is a
plaintext file, even with a secure SecretService first. Backends here are real keyring
classes: the encrypted ``keyrings.alt`` file keyring in a temp folder with a wrong master
password, and a backend raising ``keyring.errors.KeyringLocked`` as SecretService does when
the user dismisses the unlock prompt.
"""

from __future__ import annotations

import io
from datetime import timedelta

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringLocked
from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

from desktop.cli import main as cli_main
from desktop.delivery.setup import channels_from_settings
from desktop.secrets import KeyringUnavailable, secure_backend, set_secret
from tests.helpers.engine import dispatch, words
from tests.helpers.ledger import add_contacts, add_rows, add_rule, add_template, states

SECRET = "Sm7p-s3cret-Zq81xw"


class LockedKeyring(KeyringBackend):
    """Answers like SecretService when the collection stays locked."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")


def encrypted(tmp_path, passphrase):
    backend = EncryptedKeyring()
    backend.file_path = str(tmp_path / "keyring" / "crypted_pass.cfg")
    backend.keyring_key = passphrase
    return backend


@pytest.fixture
def wrong_password(tmp_path):
    """A file keyring holding the secret, opened with the wrong master password."""
    right = encrypted(tmp_path, "the-right-passphrase")
    right.set_password("postino-smtp", "shop", SECRET)
    return encrypted(tmp_path, "a-wrong-passphrase")


def configure(ws, now):
    for key, value in {"smtp.host": "127.0.0.1", "smtp.port": 2525, "smtp.security": "plain",
                       "smtp.username": "shop", "smtp.sender_email": "shop@example.com"}.items():
        ws.settings.set(key, value, now)
    add_template(ws, now)
    add_rows(ws, add_rule(ws, now, "Cart"), add_contacts(ws, now, 3), now - timedelta(minutes=1))


@pytest.mark.parametrize("kind", ["wrong master password", "KeyringLocked"])
def test_an_unreadable_keyring_pauses_email_and_nothing_is_sandboxed(workspace, now, wrong_password, kind):
    ws = workspace
    configure(ws, now)
    backend = wrong_password if kind == "wrong master password" else LockedKeyring()
    channels = channels_from_settings(ws, keyring_backend=backend)
    assert channels["email"].kind == "paused"
    assert channels["email"].msg.code == "channel.keyring"
    summary = dispatch(ws, now, channels=channels)
    assert states(ws) == {"planned": 3} and summary.sent == 0
    assert "keyring" in words(summary.paused["email"])
    assert any("paused" in words(note) and "keyring" in words(note) for note in summary.notes)
    assert not ws.outbox_dir.exists() or not any(ws.outbox_dir.iterdir())


def test_dispatch_exits_1_and_rows_stay_due_with_a_locked_keyring(workspace, now, wrong_password, capsys):
    ws = workspace
    configure(ws, now)
    ws.settings.set("business.quiet_hours", "", now)  # the CLI dispatches at the real time, maybe at night
    previous = keyring.get_keyring()
    keyring.set_keyring(wrong_password)
    try:
        assert cli_main(["--data-dir", str(ws.data_dir), "dispatch"]) == 1
    finally:
        keyring.set_keyring(previous)
    out = capsys.readouterr().out
    assert "paused email" in out and "keyring" in out
    assert states(ws) == {"planned": 3}


def test_sandbox_only_on_purpose_or_without_any_account(workspace, now, wrong_password):
    ws = workspace
    fresh = channels_from_settings(ws, keyring_backend=wrong_password)
    assert fresh["email"].kind == "sandbox" and fresh["email"].msg.code == "channel.no_account"
    assert fresh["sms"].kind == "sandbox"
    configure(ws, now)
    ws.settings.set("sandbox", True, now)
    chosen = channels_from_settings(ws, keyring_backend=wrong_password)["email"]
    assert chosen.kind == "sandbox" and chosen.msg.code == "channel.sandbox_on" and "sandbox is on" in chosen.note


def test_a_missing_password_or_sender_pauses_instead_of_sandboxing(workspace, now, tmp_path):
    ws = workspace
    configure(ws, now)
    empty = encrypted(tmp_path / "empty", "x")
    assert channels_from_settings(ws, keyring_backend=empty)["email"].msg.code == "channel.no_secret"
    ws.settings.set("smtp.sender_email", "", now)
    assert channels_from_settings(ws, keyring_backend=empty)["email"].msg.code == "channel.incomplete"


class Chain(ChainerBackend):
    """keyring's own chainer, with the links given instead of discovered."""

    links: list = []
    priority = 10  # type: ignore[assignment]

    @property
    def backends(self):  # type: ignore[override]
        return self.links


def chain(*links):
    made = Chain()
    made.links = list(links)
    return made


def test_the_first_secure_link_of_the_chain_is_used_and_plaintext_never(workspace, now, tmp_path):
    safe = encrypted(tmp_path, "passphrase")
    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "plain" / "keyring_pass.cfg")
    assert secure_backend(chain(safe, plain)) is safe
    assert secure_backend(chain(null.Keyring(), safe, plain)) is safe
    ws = workspace
    ws.settings.set("smtp.username", "shop", now)
    set_secret(ws, "smtp", SECRET, backend=chain(safe, plain))
    assert safe.get_password("postino-smtp", "shop") == SECRET
    assert not (tmp_path / "plain").exists()
    with pytest.raises(KeyringUnavailable, match="plaintext"):
        set_secret(ws, "smtp", SECRET, backend=chain(plain, fail.Keyring()))
    with pytest.raises(KeyringUnavailable, match="No secure keyring"):
        secure_backend(chain())
    assert not (tmp_path / "plain").exists()


def test_the_default_chain_with_keyrings_alt_installed_is_not_refused():
    """The chain keyring builds on this machine (keyrings.alt's encrypted and plaintext files)."""
    links = ChainerBackend().backends
    qualified = [f"{type(b).__module__}.{type(b).__qualname__}" for b in links]
    assert "keyrings.alt.file.PlaintextKeyring" in qualified   # the case of the bug
    insecure = {"keyrings.alt.file.PlaintextKeyring", "keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"}
    first_secure = next(b for b, q in zip(links, qualified) if q not in insecure)
    assert secure_backend(ChainerBackend()) is first_secure or type(secure_backend(ChainerBackend())) is type(first_secure)


def test_cli_stores_through_the_chain(tmp_path, monkeypatch, capsys):
    safe = encrypted(tmp_path, "passphrase")
    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "plain.cfg")
    previous = keyring.get_keyring()
    keyring.set_keyring(chain(safe, plain))
    try:
        data = tmp_path / "cli"
        assert cli_main(["--data-dir", str(data), "settings", "set", "smtp.username", "shop"]) == 0
        monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
        assert cli_main(["--data-dir", str(data), "credentials", "set", "smtp"]) == 0
    finally:
        keyring.set_keyring(previous)
    assert safe.get_password("postino-smtp", "shop") == SECRET
    assert not (tmp_path / "plain.cfg").exists()


ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]
_SESSION = r'''
set -e
echo -n "login-passphrase" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 &
for i in $(seq 50); do
  "$PY" -c "import secretstorage, sys; c = secretstorage.dbus_init(); sys.exit(0 if secretstorage.check_service_availability(c) else 1)" 2>/dev/null && break
  sleep 0.2
done
"$PY" main.py --data-dir "$DATA" settings set smtp.username shop >/dev/null
printf '%s\n' "$SECRET" | "$PY" main.py --data-dir "$DATA" credentials set smtp
"$PY" -c "
from keyring.backends import SecretService
print('READ', SecretService.Keyring().get_password('postino-smtp', 'shop'))"
'''


@pytest.mark.slow
def test_a_real_secret_service_first_in_the_default_chain_stores_the_password(tmp_path):
    """``bash scripts/dev.sh app`` on a Linux desktop: GNOME Keyring on the session bus, and
    keyrings.alt installed (the test extra). Run with Debian's gnome-keyring under dbus-run-session."""
    import os
    import shutil
    import subprocess
    import sys

    if not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        pytest.skip("needs dbus-run-session and gnome-keyring-daemon (Debian: dbus-daemon, gnome-keyring)")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_", "PYTHON_KEYRING"))}
    env.update(HOME=str(home), PY=sys.executable, DATA=str(tmp_path / "ws"), SECRET=SECRET,
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_RUNTIME_DIR=str(home / "run"))
    (home / "run").mkdir(mode=0o700)
    done = subprocess.run(["dbus-run-session", "--", "bash", "-c", _SESSION], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "SMTP password stored in the keyring" in done.stdout
    assert f"READ {SECRET}" in done.stdout
    files = [p for p in home.rglob("*") if p.is_file()]
    assert not any("python_keyring" in str(p) for p in files)   # no keyrings.alt file was written
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path
