"""Version 5: each contact's latest open, click, purchase and activity, kept by triggers.

"No open in the last 90 days" over a million contacts was a probe into ten million events per
contact (about 6 s); with the latest times on the contact row it is a plain scan (rules with
"this rule's e-mails" or "this link" still read the events). Times only ever move forward: an
event imported late with an older time leaves a newer one in place. "Never" is stored as ''
(which sorts before every time), so "not since X" is one range, ``column <= X``, that an
index can serve.
"""

from __future__ import annotations

import sqlite3

from desktop.store.migrations import run_script

VERSION = 5

COLUMNS = {"email_opened": "last_opened_at", "email_clicked": "last_clicked_at", "purchase": "last_purchase_at"}


def _trigger(kind: str, column: str) -> str:
    return (
        f"CREATE TRIGGER contacts_{column} AFTER INSERT ON events "
        f"WHEN NEW.type = '{kind}' AND NEW.contact_id IS NOT NULL BEGIN "
        f"UPDATE contacts SET {column} = NEW.occurred_at WHERE id = NEW.contact_id "
        f"AND {column} < NEW.occurred_at; "
        f"UPDATE contacts SET last_activity_at = NEW.occurred_at WHERE id = NEW.contact_id "
        f"AND last_activity_at < NEW.occurred_at; END"
    )


def apply(conn: sqlite3.Connection) -> None:
    for column in (*COLUMNS.values(), "last_activity_at"):
        conn.execute(f"ALTER TABLE contacts ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for kind, column in COLUMNS.items():
        conn.execute(_trigger(kind, column))
    backfill(conn)


def backfill(conn: sqlite3.Connection) -> None:
    """Recompute every contact's latest times from the events (after a bulk load)."""
    for kind, column in COLUMNS.items():
        conn.execute(
            f"UPDATE contacts SET {column} = coalesce((SELECT max(e.occurred_at) FROM events e "
            f"WHERE e.contact_id = contacts.id AND e.type = '{kind}'), '')")
    run_script(conn, """
        UPDATE contacts SET last_activity_at = max(last_opened_at, last_clicked_at, last_purchase_at)
    """)
