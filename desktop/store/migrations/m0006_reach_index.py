"""Version 6: a covering index over the e-mail-reachable contacts.

Every e-mail rule starts from "has an address and is subscribed"; with the zone and phone
the planner needs (and the registration and latest-open times the re-engagement rules
filter on) inside the index, such a rule reads the index instead of each contact's wide row
(with 40 custom fields, a million rows): 3.8 s became 0.9 s for "no open in 90 days".
"""

from __future__ import annotations

import sqlite3

VERSION = 6


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX IF NOT EXISTS contacts_email_reach ON contacts"
                 "(email_status, registered_at, last_opened_at, timezone, phone) WHERE email IS NOT NULL")
