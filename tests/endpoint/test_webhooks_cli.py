"""``connections webhook-secret`` stores the secret in the (encrypted file) keyring, and
``handle`` with no explicit keyring reads it from there — the path the server takes."""

from __future__ import annotations

import io
from datetime import datetime, timezone

from desktop.cli import main as cli_main
from desktop.connectors.keys import GENERIC_WEBHOOK, SERVICE, user_name
from desktop.connectors.store import Connections
from desktop.endpoint.webhooks import handle
from desktop.workspace import Workspace
from tests.endpoint.payloads import WOO_URL, body, fixture, generic, woo


def run(tmp_path, monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli_main(["--data-dir", str(tmp_path / "ws"), *argv])


def _add(tmp_path, name, kind, config):
    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    with Workspace.open(tmp_path / "ws") as ws:
        store = Connections(ws.db)
        with ws.transaction():
            store.add(store.new(name, kind, config), now)


def test_set_generate_use_and_remove(tmp_path, monkeypatch, capsys, encrypted):
    _add(tmp_path, "negozio", "woocommerce", {"url": WOO_URL})
    _add(tmp_path, "feed", "rss", {"url": "https://blog.example.org/feed"})
    assert run(tmp_path, monkeypatch, "connections", "webhook-secret", "negozio", stdin="typed-secret-1\n") == 0
    assert encrypted.get_password(SERVICE, user_name("negozio", "webhook_secret")) == "typed-secret-1"
    assert "/webhooks/woocommerce" in capsys.readouterr().out
    assert run(tmp_path, monkeypatch, "connections", "webhook-secret", "--generic", "--generate") == 0
    printed = capsys.readouterr().out.splitlines()[0]
    assert len(printed) >= 40 and encrypted.get_password(SERVICE, GENERIC_WEBHOOK) == printed
    raw = b"".join(p.read_bytes() for p in (tmp_path / "ws").rglob("*") if p.is_file())
    assert b"typed-secret-1" not in raw and printed.encode() not in raw

    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    order = body(fixture("woo_order_727.json"))
    event = body({"type": "contact", "email": "eva@example.org"})
    with Workspace.open(tmp_path / "ws") as ws:
        assert handle("woocommerce", ws, woo("order.created", order, secret="typed-secret-1"), order, now).status == 200
        assert handle("generic", ws, generic(event, secret=printed), event, now).status == 200

    assert run(tmp_path, monkeypatch, "connections", "remove", "negozio") == 0
    assert encrypted.get_password(SERVICE, user_name("negozio", "webhook_secret")) is None


def test_bad_uses_are_exit_2(tmp_path, monkeypatch, capsys, encrypted):
    _add(tmp_path, "feed", "rss", {"url": "https://blog.example.org/feed"})
    assert run(tmp_path, monkeypatch, "connections", "webhook-secret") == 2
    assert run(tmp_path, monkeypatch, "connections", "webhook-secret", "feed", "--generic") == 2
    assert run(tmp_path, monkeypatch, "connections", "webhook-secret", "feed", stdin="s\n") == 2
    assert "rss" in capsys.readouterr().err
    assert run(tmp_path, monkeypatch, "connections", "webhook-secret", "nothing", stdin="s\n") == 2
    _add(tmp_path, "negozio", "woocommerce", {"url": WOO_URL})
    assert run(tmp_path, monkeypatch, "connections", "webhook-secret", "negozio", stdin="\n") == 2
    assert encrypted.get_password(SERVICE, user_name("negozio", "webhook_secret")) is None
