"""``connect``, ``connections`` and ``poll`` from the command line, with secrets through an
encrypted file keyring, against local servers."""

from __future__ import annotations

import io
import json


from desktop.cli import main as cli_main
from desktop.connectors.keys import SERVICE, user_name
from tests.helpers.feeds import FeedSite, Post, rss
from tests.helpers.http_server import LocalServer
from tests.helpers.twilio_server import TwilioServer
from tests.helpers.woo_server import KEY, SECRET, WooStore, orders_over


def run(tmp_path, monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli_main(["--data-dir", str(tmp_path / "ws"), *argv])


def test_woocommerce_connect_poll_list_remove(tmp_path, monkeypatch, capsys, encrypted):
    from datetime import datetime, timedelta, timezone

    shop = WooStore(orders=orders_over(120, datetime.now(timezone.utc) - timedelta(days=1)))
    with LocalServer(shop) as server:
        assert run(tmp_path, monkeypatch, "connect", "woocommerce", server.url, "--name", "negozio",
                   stdin=f"{KEY}\n{SECRET}\n") == 0
        assert encrypted.get_password(SERVICE, user_name("negozio", "secret")) == SECRET
        assert run(tmp_path, monkeypatch, "connections", "test", "negozio") == 0
        assert "100 item(s)" in capsys.readouterr().out
        assert run(tmp_path, monkeypatch, "poll", "negozio") == 0
        out = capsys.readouterr().out
        assert "purchase=120" in out and "contact_created=120" in out
        assert run(tmp_path, monkeypatch, "connections", "list", "--format", "json") == 0
        listed = json.loads(capsys.readouterr().out)
        assert listed[0]["name"] == "negozio" and listed[0]["last_counts"]["purchase"] == 120
    raw = b"".join(p.read_bytes() for p in (tmp_path / "ws").rglob("*") if p.is_file())
    assert SECRET.encode() not in raw and KEY.encode() not in raw
    # The store is gone: the poll fails, says why, and the list shows it.
    assert run(tmp_path, monkeypatch, "--language", "it", "poll", "negozio") == 1
    assert "non risponde" in capsys.readouterr().out      # asked in Italian, said in Italian
    assert run(tmp_path, monkeypatch, "connections", "list") == 0
    assert "error:" in capsys.readouterr().out
    assert run(tmp_path, monkeypatch, "connections", "remove", "negozio") == 0
    assert encrypted.get_password(SERVICE, user_name("negozio", "secret")) is None


def test_bad_input_is_exit_2(tmp_path, monkeypatch, capsys, encrypted):
    assert run(tmp_path, monkeypatch, "connect", "woocommerce", "http://shop.example.org") == 2
    assert "https" in capsys.readouterr().err
    assert run(tmp_path, monkeypatch, "connect", "rss", "https://blog.example.it/feed", "--name", "b",
               "--every", "1") == 2
    assert run(tmp_path, monkeypatch, "connect", "woocommerce", "https://shop.example.org", stdin="\n\n") == 2
    assert run(tmp_path, monkeypatch, "connections", "remove", "nothing") == 2
    assert run(tmp_path, monkeypatch, "connect", "mailbox", "mail.example.org", "--user", "u",
               "--security", "none", stdin="pw\n") == 2


def test_rss_and_twilio_replies_from_the_cli(tmp_path, monkeypatch, capsys, encrypted):
    blog = FeedSite(body=rss([Post("Uno", "https://blog.example.it/1", guid="1")]))
    sid, token = "AC" + "5" * 32, "tok-" + "5" * 28
    with LocalServer(blog) as server, TwilioServer(sid, token) as api:
        assert run(tmp_path, monkeypatch, "connect", "rss", server.url + "/feed", "--name", "blog") == 0
        assert run(tmp_path, monkeypatch, "settings", "set", "twilio.account_sid", sid) == 0
        assert run(tmp_path, monkeypatch, "credentials", "set", "twilio", stdin=token + "\n") == 0
        assert run(tmp_path, monkeypatch, "connect", "twilio-replies", "--api-url", api.url) == 0
        api.inbound("+393330000000", "STOP")
        capsys.readouterr()
        assert run(tmp_path, monkeypatch, "--language", "it", "poll") == 0
        out = capsys.readouterr().out
        assert "segnati come visti: 1" in out and "sms_stop=1" in out
