"""Version 13: the webhook deliveries already stored.

A shop re-sends a delivery it thinks failed (Shopify retries for hours; a person can press
"resend" in WooCommerce's log). Each delivery is written in one transaction with the row
here, keyed by the platform's own delivery id (``X-Shopify-Webhook-Id``,
``X-WC-Webhook-Delivery-ID``, ``X-Postino-Delivery-Id``), so the second copy is answered
"already stored" and writes nothing. Events are deduplicated by their natural ids anyway
(``events.uid``); this table also keeps contact updates from being applied twice. Rows older
than a month are pruned as new deliveries arrive (no shop retries that long).
"""

from __future__ import annotations

import sqlite3

from desktop.store.migrations import run_script

VERSION = 13

SCHEMA = """
CREATE TABLE webhook_deliveries (
    kind TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    connection TEXT,
    topic TEXT,
    received_at TEXT NOT NULL,
    PRIMARY KEY (kind, delivery_id)
) WITHOUT ROWID;
CREATE INDEX webhook_deliveries_by_time ON webhook_deliveries(received_at)
"""


def apply(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
