"""Version 16: links followed by security scanners recorded apart, with their own counter.

Corporate mail gateways and antivirus (Microsoft Defender Safe Links, Mimecast, Proofpoint)
follow every link of a message seconds after it arrives, to check where it leads. Counted as
clicks, they put whole companies into a "clicked recently" group and push the click rate
up. Such requests become ``email_machine_clicked`` events (the endpoint decides:
``desktop/endpoint/machine.py``): their own type, so "clicked" conditions, ``last_clicked_at``
and the click rate read ``email_clicked`` alone, as m0014 did for machine opens. No such
event exists yet, so the counters need new triggers, not a rebuild.
"""

from __future__ import annotations

import sqlite3

from desktop.store.migrations._event_types import add_counter_columns, allow_event_type, remake_stats_triggers

VERSION = 16


def apply(conn: sqlite3.Connection) -> None:
    allow_event_type(conn, "email_machine_clicked")
    add_counter_columns(conn)
    remake_stats_triggers(conn)
