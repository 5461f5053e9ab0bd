"""The feed connector against a real local HTTP server, through the real runner."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest

from desktop.connectors.rss import FeedPoller
from desktop.connectors.run import poll_connection
from desktop.connectors.store import Connections
from desktop.errors import InputError
from desktop.messages import text
from desktop.workspace import Workspace
from tests.helpers.feeds import FeedSite, Post, atom, rss
from tests.helpers.http_server import LocalServer

POSTS = [Post(f"Articolo {i}", f"https://blog.example.it/p{i}", guid=f"post-{i}") for i in range(1, 4)]


@pytest.fixture
def site():
    blog = FeedSite(body=rss(POSTS))
    with LocalServer(blog) as server:
        blog.url = server.url + "/feed.xml"
        blog.server = server
        yield blog


def _connect(ws, url, name="blog"):
    store = Connections(ws.db)
    with ws.transaction():
        store.add(store.new(name, "rss", {"url": url}), NOW)
    return store.require(name)


from tests.conftest import NOW  # noqa: E402


def _poll(ws, connection, now, **kw):
    poller = FeedPoller(connection.name, connection.config["url"], connection.every)
    return poll_connection(ws, poller, connection, now, db_lock=threading.RLock(), **kw)


def _items(ws):
    rows = ws.db.execute("SELECT ref, payload FROM events WHERE type = 'rss_item' ORDER BY id").fetchall()
    return [(ref, json.loads(payload)["title"]) for ref, payload in rows]


def test_first_connect_sends_nothing_old_then_each_new_item_once(workspace, site, now):
    connection = _connect(workspace, site.url)
    first = _poll(workspace, connection, now)
    assert first.ok and _items(workspace) == []
    assert "3" in text(first.summary.warnings[0], "en")
    site.body = rss(POSTS + [Post("Nuovo", "https://blog.example.it/p4", guid="post-4", summary="Ciao")])
    second = _poll(workspace, connection, now + timedelta(minutes=30))
    assert second.summary.counts == {"rss_item": 1}
    assert _items(workspace) == [("post-4", "Nuovo")]
    payload = json.loads(workspace.db.execute("SELECT payload FROM events WHERE type='rss_item'").fetchone()[0])
    assert payload["feed"] == site.url and payload["link"] == "https://blog.example.it/p4"
    assert payload["summary"] == "Ciao" and payload["published"].startswith("2026-03-01T08:00")
    # Unchanged feed: the stored ETag gets a 304 and nothing is parsed or written.
    third = _poll(workspace, connection, now + timedelta(hours=1))
    assert third.ok and site.answered_304 == 1 and _items(workspace) == [("post-4", "Nuovo")]
    assert site.server.requests[-1].headers["If-None-Match"]


def test_items_appear_once_across_restarts(tmp_path, site, now):
    folder = tmp_path / "ws"
    with Workspace.open(folder) as ws:
        connection = _connect(ws, site.url)
        _poll(ws, connection, now)
    site.body = rss(POSTS + [Post("Quattro", "https://blog.example.it/p4", guid="post-4")])
    for hours in (1, 2):
        with Workspace.open(folder) as ws:   # a new process: cursor and events come from the file
            _poll(ws, Connections(ws.db).require("blog"), now + timedelta(hours=hours))
    site.body = rss(POSTS + [Post("Quattro", "https://blog.example.it/p4", guid="post-4"),
                             Post("Cinque", "https://blog.example.it/p5")])   # no guid: the link
    with Workspace.open(folder) as ws:
        # Forget the ETag, and that post-4 was seen: the events' uids still keep it once.
        cursor = Connections(ws.db).cursor("blog")
        cursor["etag"], cursor["seen"] = None, [s for s in cursor["seen"] if s != "post-4"]
        ws.db.execute("UPDATE connections SET cursor = ?", [json.dumps(cursor)])
        _poll(ws, Connections(ws.db).require("blog"), now + timedelta(hours=3))
        assert _items(ws) == [("post-4", "Quattro"), ("https://blog.example.it/p5", "Cinque")]


def test_atom_feed_and_items_without_guid_or_link(workspace, site, now):
    site.body = atom(POSTS)
    site.content_type = "application/atom+xml"
    connection = _connect(workspace, site.url)
    _poll(workspace, connection, now)
    site.body = atom(POSTS + [Post("Atom nuovo", "https://blog.example.it/a4", guid="tag:blog,2026:a4")])
    _poll(workspace, connection, now + timedelta(hours=1))
    assert _items(workspace) == [("tag:blog,2026:a4", "Atom nuovo")]


def test_malformed_feed_is_a_warning_and_its_items_still_count(workspace, site, now):
    connection = _connect(workspace, site.url)
    _poll(workspace, connection, now)
    site.body = rss(POSTS + [Post("Rotto & vero", "https://blog.example.it/p9", guid="post-9")])  # bare '&'
    outcome = _poll(workspace, connection, now + timedelta(hours=1))
    assert outcome.ok
    assert [w.code for w in outcome.summary.warnings] == ["rss.malformed"]
    assert [ref for ref, _ in _items(workspace)] == ["post-9"]


def test_unreachable_feed_is_an_error_on_the_connection_and_keeps_the_cursor(workspace, site, now):
    connection = _connect(workspace, site.url)
    _poll(workspace, connection, now)
    cursor = Connections(workspace.db).cursor("blog")
    site.status = 503
    failed = _poll(workspace, connection, now + timedelta(hours=1))
    assert failed.error.code == "http.server"
    status = Connections(workspace.db).status("blog")
    assert status.failures == 1 and status.last_error.code == "http.server"
    assert "HTTP 503" in text(status.last_error, "it")
    assert Connections(workspace.db).cursor("blog") == cursor
    # Backing off: a scheduled run before next_try_at does nothing; a forced one polls.
    assert _poll(workspace, connection, now + timedelta(hours=1, seconds=30)).skipped
    site.status = 200
    assert _poll(workspace, connection, now + timedelta(hours=1, seconds=31), force=True).ok
    assert Connections(workspace.db).status("blog").failures == 0
    site.server.stop()
    gone = _poll(workspace, connection, now + timedelta(hours=3))
    assert gone.error.code == "http.unreachable"
    assert "cannot be reached" in text(gone.error, "en")


def test_not_a_feed_and_too_big_are_errors(workspace, site, now):
    connection = _connect(workspace, site.url)
    site.body = b"<html><body>not a feed"
    assert _poll(workspace, connection, now).error.code == "rss.not_a_feed"
    site.body = b"<rss>" + b"x" * (6 * 1024 * 1024)
    assert _poll(workspace, connection, now + timedelta(hours=1), force=True).error.code == "http.too_big"


def test_plain_http_is_refused_except_on_this_computer():
    with pytest.raises(InputError, match="https"):
        FeedPoller("x", "http://blog.example.it/feed", timedelta(minutes=30))
    FeedPoller("x", "http://localhost:8080/feed", timedelta(minutes=30))
    FeedPoller("x", "https://blog.example.it/feed", timedelta(minutes=30))
