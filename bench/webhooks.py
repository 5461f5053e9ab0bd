"""How fast ``handle`` takes webhook deliveries: N WooCommerce orders (the documented REST v3
order, each with its own id and buyer), then the same N again (duplicates), in a real
workspace file, with the secrets in a keyring.

``--keyring memory`` keeps the secret in a dict (the cost of Postino itself);
``--keyring encrypted`` uses keyrings.alt's encrypted file keyring, read for every delivery
as ``handle`` does by default (the cost a keyring adds). No HTTP: the server's own numbers are
``bench/endpoint.py``'s. Prints ``RESULT deliveries=N per_s=R p99_ms=P duplicates_per_s=D``.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.connectors.keys import ConnectionSecrets  # noqa: E402
from desktop.connectors.store import Connections  # noqa: E402
from desktop.endpoint.webhooks import handle  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402
from tests.endpoint.payloads import WOO_SECRET, WOO_URL, body, fixture, woo  # noqa: E402
from tests.helpers.memory_keyring import MemoryKeyring  # noqa: E402


def _keyring(kind: str, folder: Path) -> object:
    if kind == "memory":
        return MemoryKeyring()
    from keyrings.alt.file import EncryptedKeyring

    backend = EncryptedKeyring()
    backend.file_path = str(folder / "crypted_pass.cfg")
    backend.keyring_key = "bench-passphrase"
    return backend


def _requests(count: int) -> list[tuple[dict[str, str], bytes]]:
    documented = fixture("woo_order_727.json")
    made = []
    for n in range(count):
        order = copy.deepcopy(documented)
        order["id"] = order["number"] = 10_000 + n
        order["billing"]["email"] = f"buyer{n}@example.org"
        payload = body(order)
        made.append((woo("order.created", payload, delivery=f"d{n}"), payload))
    return made


def _run(ws: Workspace, secrets: ConnectionSecrets, requests: list, now: datetime) -> tuple[float, list[float]]:
    took = []
    start = time.perf_counter()
    for headers, payload in requests:
        began = time.perf_counter()
        answer = handle("woocommerce", ws, headers, payload, now, secrets=secrets)
        took.append(time.perf_counter() - began)
        assert answer.status == 200, answer.body
    return time.perf_counter() - start, sorted(took)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--deliveries", type=int, default=2000)
    parser.add_argument("--keyring", choices=("memory", "encrypted"), default="memory")
    args = parser.parse_args()
    now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    with tempfile.TemporaryDirectory() as tmp:
        secrets = ConnectionSecrets(_keyring(args.keyring, Path(tmp)))
        with Workspace.open(Path(tmp) / "ws") as ws:
            store = Connections(ws.db)
            with ws.transaction():
                store.add(store.new("negozio", "woocommerce", {"url": WOO_URL}), now)
            secrets.set("negozio", "webhook_secret", WOO_SECRET)
            requests = _requests(args.deliveries)
            seconds, took = _run(ws, secrets, requests, now)
            again, _ = _run(ws, secrets, requests, now)
            purchases = ws.db.execute("SELECT count(*) FROM events WHERE type = 'purchase'").fetchone()[0]
    assert purchases == args.deliveries, purchases
    p99 = took[int(len(took) * 0.99) - 1] * 1000
    print(f"RESULT deliveries={args.deliveries} keyring={args.keyring} per_s={args.deliveries / seconds:.0f} "
          f"p99_ms={p99:.2f} duplicates_per_s={args.deliveries / again:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
