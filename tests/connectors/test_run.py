"""The runner's promises, with a scripted poller (the Poller protocol itself, no network):
fetch never holds the database lock, a page is all or nothing with its cursor, failures back
off and keep the cursor, the page budget stops a long pass; ``pollers_for`` builds the jobs."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from keyrings.alt.file import EncryptedKeyring

from desktop.connectors.base import Fetched, PollError, PollSummary
from desktop.connectors.keys import ConnectionSecrets
from desktop.connectors.run import backoff, poll_connection, pollers_for
from desktop.connectors.store import Connections
from desktop.messages import Msg


class Scripted:
    """Pages of event refs; ``explode_at`` makes apply fail after writing half of that page."""

    def __init__(self, pages: list[list[str]], lock: threading.RLock, explode_at: int | None = None) -> None:
        self.name, self.every = "scripted", timedelta(minutes=15)
        self.pages, self.lock, self.explode_at = pages, lock, explode_at
        self.lock_free_during_fetch: list[bool] = []

    def fetch(self, cursor, now):
        free = []
        probe = threading.Thread(target=lambda: free.append(self.lock.acquire(blocking=False) and
                                                             (self.lock.release() or True)))
        probe.start()
        probe.join()
        self.lock_free_during_fetch.append(free[0])
        index = int(cursor.get("page", 0))
        if index >= len(self.pages):
            raise PollError(Msg("http.server", {"host": "x", "status": 503}), retry_after=600)
        return Fetched(items=self.pages[index], cursor={"page": index + 1}, more=index + 1 < len(self.pages))

    def apply(self, ws, fetched, now):
        summary = PollSummary(fetched=len(fetched.items))
        for number, ref in enumerate(fetched.items):
            if self.explode_at is not None and fetched.cursor["page"] - 1 == self.explode_at and number == 1:
                raise ValueError("a connector bug half-way through a page")
            ws.events.record("custom", now, None, ref=ref, uid=f"scripted:{ref}")
            summary.written += 1
        return summary


@pytest.fixture
def connection(workspace, now):
    store = Connections(workspace.db)
    with workspace.transaction():
        store.add(store.new("scripted", "rss", {"url": "https://blog.example.it/feed"}), now)
    return store.require("scripted")


def refs(ws):
    return [r[0] for r in ws.db.execute("SELECT ref FROM events WHERE uid LIKE 'scripted:%' ORDER BY id")]


def test_fetch_runs_without_the_lock_and_pages_follow(workspace, connection, now):
    lock = threading.RLock()
    poller = Scripted([["a", "b"], ["c"]], lock)
    outcome = poll_connection(workspace, poller, connection, now, db_lock=lock)
    assert outcome.ok and outcome.pages == 2 and refs(workspace) == ["a", "b", "c"]
    assert poller.lock_free_during_fetch == [True, True]
    history = Connections(workspace.db).history("scripted")
    assert history[0]["ok"] and history[0]["pages"] == 2 and history[0]["written"] == 3


def test_half_a_page_is_never_written_and_the_cursor_stays(workspace, connection, now):
    lock = threading.RLock()
    outcome = poll_connection(workspace, Scripted([["a", "b"], ["c", "d"]], lock, explode_at=1),
                              connection, now, db_lock=lock)
    assert outcome.error.code == "connector.unexpected" and outcome.pages == 1
    assert refs(workspace) == ["a", "b"]                  # page 2 wrote "c" then failed: rolled back
    assert Connections(workspace.db).cursor("scripted") == {"page": 1}
    retry = poll_connection(workspace, Scripted([["a", "b"], ["c", "d"]], lock), connection,
                            now + timedelta(minutes=5), db_lock=lock)
    assert retry.ok and refs(workspace) == ["a", "b", "c", "d"]


def test_retry_after_and_the_page_budget(workspace, connection, now):
    lock = threading.RLock()
    failed = poll_connection(workspace, Scripted([], lock), connection, now, db_lock=lock)
    assert failed.next_try_at == now + timedelta(seconds=600)
    assert Connections(workspace.db).history("scripted")[0]["error"].code == "http.server"
    many = Scripted([[f"r{i}"] for i in range(10)], lock)
    budget = poll_connection(workspace, many, connection, now + timedelta(hours=1), db_lock=lock, page_budget=3)
    assert budget.ok and budget.pages == 3 and Connections(workspace.db).cursor("scripted") == {"page": 3}


def test_backoff_grows_and_is_capped():
    every = timedelta(minutes=15)
    assert [backoff(n, every, None) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (1, 2, 4)]
    assert backoff(30, every, None) == timedelta(hours=6)
    assert backoff(1, every, 3600) == timedelta(hours=1)


def test_pollers_for_builds_one_per_enabled_connection(workspace, now, tmp_path):
    backend = EncryptedKeyring()
    backend.file_path = str(tmp_path / "k.cfg")
    backend.keyring_key = "master-passphrase-for-tests"
    secrets = ConnectionSecrets(backend)
    store = Connections(workspace.db)
    with workspace.transaction():
        store.add(store.new("blog", "rss", {"url": "https://blog.example.it/feed"}), now)
        store.add(store.new("shop", "woocommerce", {"url": "https://shop.example.it"}), now)
        store.add(store.new("old", "rss", {"url": "https://old.example.it/feed"}), now)
        store.set_enabled("old", False)
    secrets.set("shop", "key", "ck_1")
    secrets.set("shop", "secret", "cs_1")
    built = {c.name: p for c, p in pollers_for(workspace, secrets)}
    assert sorted(built) == ["blog", "shop"]
    assert built["shop"]._auth == ("ck_1", "cs_1") and built["blog"].every == timedelta(minutes=30)


def test_retry_after_in_seconds_or_as_a_date_against_the_servers_clock():
    from desktop.connectors.http import retry_after

    assert retry_after({"Retry-After": "120"}) == 120.0
    assert retry_after({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT", "Date": "Wed, 21 Oct 2015 07:26:30 GMT"}) == 90.0
    assert retry_after({"Retry-After": "soon"}) is None and retry_after({}) is None


def test_the_history_keeps_the_latest_polls(workspace, connection, now, monkeypatch):
    import desktop.connectors.store as store_module

    monkeypatch.setattr(store_module, "HISTORY_KEEP", 3)
    lock = threading.RLock()
    for minutes in range(5):
        poll_connection(workspace, Scripted([["x"]], lock), connection, now + timedelta(minutes=minutes),
                        db_lock=lock, force=True)
        workspace.db.execute("UPDATE connections SET cursor = '{}'")
    history = Connections(workspace.db).history("scripted", limit=10)
    assert len(history) == 3 and history[0]["started_at"] == "2026-03-02 09:34:00"
