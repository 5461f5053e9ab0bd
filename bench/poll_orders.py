"""How fast WooCommerce orders come in: 10,000 orders over 100 pages from a local store.

The store (``tests/helpers/woo_server.py``) speaks the REST API v3 on loopback; the poll is
the real one (``poll_connection``: requests, JSON, one transaction per page, a purchase event
and a new contact per order). Target: at least 500 orders a second. Prints a final
``RESULT orders=N seconds=S orders_per_s=R peak_mb=M`` line.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.connectors.run import poll_connection  # noqa: E402
from desktop.connectors.store import Connections  # noqa: E402
from desktop.connectors.woocommerce import WooPoller  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402
from tests.helpers.http_server import LocalServer  # noqa: E402
from tests.helpers.woo_server import KEY, SECRET, WooStore, orders_over  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orders", type=int, default=10_000)
    args = parser.parse_args()
    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    shop = WooStore(orders=orders_over(args.orders, now - timedelta(days=30), timedelta(seconds=30)))
    with tempfile.TemporaryDirectory() as folder, LocalServer(shop) as server, Workspace.open(folder) as ws:
        store = Connections(ws.db)
        with ws.transaction():
            store.add(store.new("shop", "woocommerce", {"url": server.url}), now)
        connection = store.require("shop")
        poller = WooPoller("shop", server.url, KEY, SECRET, connection.every)
        started = time.perf_counter()
        outcome = poll_connection(ws, poller, connection, now, db_lock=threading.RLock(), page_budget=1000)
        seconds = time.perf_counter() - started
        if not outcome.ok:
            print(f"poll failed: {outcome.error}", file=sys.stderr)
            return 1
        bought = ws.db.execute("SELECT count(*) FROM events WHERE type = 'purchase'").fetchone()[0]
        print(f"{outcome.pages} pages, {bought} purchases, {ws.contacts.count()} contacts, "
              f"{len(server.requests)} requests")
        rate = bought / seconds
        print(f"RESULT orders={bought} seconds={seconds:.2f} orders_per_s={rate:.0f} peak_mb={peak_mb():.0f}")
        return 0 if bought == args.orders else 1


if __name__ == "__main__":
    sys.exit(main())
