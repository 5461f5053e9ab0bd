"""Whether a stored rule is due: its schedule, its last check and when it was last saved, put
to ``schedule.rule_due`` — the one function every entry point asks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.rules.engine import last_check
from desktop.schedule import BusinessDefaults, Due, Schedule, rule_due
from desktop.timeutil import from_db, to_db


def saved_at(db: Any, rule_id: int) -> datetime | None:
    row = db.execute("SELECT updated_at FROM rules WHERE id = ?", [rule_id]).fetchone()
    return from_db(row[0]) if row and row[0] else None


def due_of(db: Any, rule_id: int, schedule: Schedule, now: datetime, business: BusinessDefaults) -> Due:
    return rule_due(schedule, last_check(db, rule_id), saved_at(db, rule_id), now, business=business)


def record_missed(db: Any, rule_id: int, slot: datetime, now: datetime) -> bool:
    """Say in the rule's history that ``slot`` was skipped (once per slot): a ``skip`` rule's
    missed window must leave a trace, or the user cannot tell "nothing matched" from
    "the PC was off"."""
    stamp = to_db(slot)
    if db.execute("SELECT 1 FROM rule_checks WHERE rule_id = ? AND missed_slot = ?", [rule_id, stamp]).fetchone():
        return False
    db.execute("INSERT INTO rule_checks(rule_id, checked_at, missed_slot) VALUES (?, ?, ?)",
               [rule_id, to_db(now), stamp])
    return True
