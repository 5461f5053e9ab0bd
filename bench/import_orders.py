"""Benchmark: import a 100,000-line Shopify-style orders export (line-item rows) as purchases.

Target (issue 13): 100,000 lines in under 20 s on a 2-core machine, memory flat. The
customers are created first (not timed): orders are matched to existing contacts. About
one order in twenty is cancelled or refunded and is left out, as the real export needs.
Prints figures and a final RESULT line.

    .venv/bin/python bench/import_orders.py [--lines N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.events_import import import_events  # noqa: E402
from desktop.timeutil import to_db  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

HEADER = ["Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Accepts Marketing", "Currency",
          "Subtotal", "Shipping", "Taxes", "Total", "Created at", "Lineitem quantity", "Lineitem name",
          "Lineitem price", "Lineitem sku", "Billing Name", "Billing Country", "Cancelled at", "Refunded Amount", "Id"]
PRODUCTS = ["Maglia", "Sciarpa", "Cappello", "Guanti", "Giacca", "Calze", "Borsa", "Cintura", "Camicia", "Gonna"]
CUSTOMERS = 20_000


def write_orders(path: Path, lines: int, seed: int = 7) -> int:
    """Write about ``lines`` lines; returns how many orders they hold."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    written = orders = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        while written < lines:
            orders += 1
            items = min(rng.choice((1, 1, 2, 3, 4)), lines - written)
            prices = [rng.randint(5, 120) for _ in range(items)]
            created = start + timedelta(minutes=orders * 7)
            status = rng.choices(("paid", "paid", "paid", "partially_refunded", "refunded"), (60, 20, 15, 3, 2))[0]
            cancelled = created + timedelta(days=1) if rng.random() < 0.03 else None
            stamp = created.strftime("%Y-%m-%d %H:%M:%S %z")
            for index, price in enumerate(prices):
                name = rng.choice(PRODUCTS)
                if index == 0:
                    total = sum(prices) + 5
                    out.writerow([f"#{1000 + orders}", f"cliente{orders % CUSTOMERS}@example.it", status, stamp,
                                  "fulfilled", "yes", "EUR", f"{sum(prices)}.00", "5.00", "0.00", f"{total}.00", stamp,
                                  "1", name, f"{price}.00", f"SKU-{price}", "Cliente", "IT",
                                  cancelled.strftime("%Y-%m-%d %H:%M:%S %z") if cancelled else "", "0.00",
                                  str(5_000_000 + orders)])
                else:
                    out.writerow([f"#{1000 + orders}", "", "", "", "", "", "", "", "", "", "", "", "1", name,
                                  f"{price}.00", f"SKU-{price}", "", "", "", "", ""])
                written += 1
    return orders


def _customers(ws: Workspace, now: datetime) -> None:
    stamp = to_db(now)
    ws.db.conn.executemany(
        "INSERT INTO contacts(email, registered_at, updated_at, email_status, sms_status) VALUES (?, ?, ?, ?, ?)",
        [(f"cliente{i}@example.it", stamp, stamp, "subscribed", "pending") for i in range(CUSTOMERS)])
    ws.db.conn.commit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the CSV and workspace here instead of a temp folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "orders_export.csv"
        orders = write_orders(path, args.lines)
        print(f"generated {args.lines} lines, {orders} orders ({path.stat().st_size / 1e6:.1f} MB)")
        now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
        with Workspace.open(folder / "ws") as ws:
            _customers(ws, now)
            base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            t0 = time.perf_counter()
            report = import_events(ws, path, now=now)
            seconds = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(report.format())
        if not report.committed or report.created + sum(report.left_out.values()) != orders:
            print("FAILED: not every order was imported or left out on purpose", file=sys.stderr)
            return 1
        print(f"peak RSS: {base:.0f} MB before the import, {peak:.0f} MB after it; "
              f"load average {os.getloadavg()[0]:.2f}")
        print(f"RESULT rows={args.lines} seconds={seconds:.2f} rows_per_s={args.lines / seconds:.0f} "
              f"peak_mb={peak:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
