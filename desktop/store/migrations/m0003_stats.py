"""Version 5: statistics counters kept by triggers, so every writer keeps them right.

The rules engine, the dispatcher, imports and future inbound tracking write ``ledger``,
``events`` and ``rule_checks`` each in their own way; triggers on those tables are the one
place that turns each write into counter changes, without any writer having to remember.
What each counter means is in ``desktop/stats/sql.py`` and ``docs/stats.md``.

Ledger counters are a function of a row's current columns: an UPDATE takes the old row's
contribution out and puts the new one in, so planned -> sending -> sent -> ... stays right.
Counted events (reactions and purchases) pass through the staging table ``stats_engage`` so
the message they belong to is looked up once, then its row is deleted at once.
Deleting contacts, rules, ledger rows or events does not lower the counters: statistics are
history. ``desktop.stats.rebuild`` recomputes everything from what is stored now.
"""

from __future__ import annotations

import sqlite3

from desktop.stats import sql as S

VERSION = 3


def _columns() -> str:
    cols = [f"{c} INTEGER NOT NULL DEFAULT 0" for c in S.COUNTS]
    return ",\n    ".join([*cols, "revenue REAL NOT NULL DEFAULT 0"])


def tables() -> list[str]:
    return [
        f"CREATE TABLE stats_q (\n    rule_id INTEGER NOT NULL,\n    q INTEGER NOT NULL,\n    {_columns()},\n"
        "    PRIMARY KEY (rule_id, q)\n) WITHOUT ROWID",
        # Day rows are read by range of days across all rules, hence (d, rule_id).
        f"CREATE TABLE stats_d (\n    d INTEGER NOT NULL,\n    rule_id INTEGER NOT NULL,\n    {_columns()},\n"
        "    PRIMARY KEY (d, rule_id)\n) WITHOUT ROWID",
        "CREATE TABLE stats_first (\n    kind TEXT NOT NULL,\n    msg TEXT NOT NULL,\n    rule_id INTEGER NOT NULL,\n"
        "    first_at TEXT NOT NULL,\n    PRIMARY KEY (kind, msg)\n) WITHOUT ROWID",
        "CREATE TABLE stats_engage (\n    event_id INTEGER, kind TEXT NOT NULL, t TEXT NOT NULL, contact_id INTEGER,\n"
        "    msg INTEGER, rule_id INTEGER, amount REAL\n)",
        # The message lookups: the latest send to a contact before an instant.
        "CREATE INDEX stats_ledger_sent ON ledger(contact_id, sent_at) WHERE state = 'sent'",
    ]


def _trigger(name: str, head: str, body: list[str]) -> str:
    return f"CREATE TRIGGER {name} {head} BEGIN\n  " + ";\n  ".join(body) + ";\nEND"


def _engage_insert(e: str) -> str:
    """The staging row for a counted event ``e`` (``NEW`` in a trigger, an alias in a rebuild)."""
    return (f"SELECT {e}.id, {e}.type, {e}.occurred_at, {e}.contact_id, m.msg, {S.engage_rule(e, 'l')}, "
            f"{e}.amount FROM (SELECT {S.message_of(e)} AS msg) m LEFT JOIN ledger l ON l.id = m.msg "
            f"WHERE {e}.type != 'purchase' OR m.msg IS NOT NULL")


def triggers() -> list[str]:
    out = []
    checked = S.bump({"matched": "NEW.matched"}, "NEW.rule_id", "NEW.checked_at", "NEW.matched > 0")
    out.append(_trigger("stats_rule_checks_ai", "AFTER INSERT ON rule_checks", checked))

    planned_in = S.bump({"planned": "1"}, "NEW.rule_id", "NEW.matched_at")
    state_in = S.bump(S.state_counts("NEW"), "NEW.rule_id", S.state_time("NEW"), S.state_counted("NEW"))
    out.append(_trigger("stats_ledger_ai", "AFTER INSERT ON ledger", planned_in + state_in))
    state_out = S.bump(S.state_counts("OLD"), "OLD.rule_id", S.state_time("OLD"), S.state_counted("OLD"), sign=-1)
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ("state", "reason", "sent_at", "updated_at",
                                                               "channel", "rule_id"))
    out.append(_trigger("stats_ledger_au_state",
                        "AFTER UPDATE OF state, reason, sent_at, updated_at, channel, rule_id ON ledger "
                        f"WHEN {changed}", state_out + state_in))
    planned_out = S.bump({"planned": "1"}, "OLD.rule_id", "OLD.matched_at", sign=-1)
    out.append(_trigger("stats_ledger_au_planned",
                        "AFTER UPDATE OF matched_at, rule_id ON ledger "
                        "WHEN OLD.matched_at IS NOT NEW.matched_at OR OLD.rule_id IS NOT NEW.rule_id",
                        planned_out + planned_in))

    kinds = ", ".join(f"'{k}'" for k in S.COUNTED_EVENTS)
    stage = ("INSERT INTO stats_engage(event_id, kind, t, contact_id, msg, rule_id, amount) "
             + _engage_insert("NEW"))
    out.append(_trigger("stats_events_ai", f"AFTER INSERT ON events WHEN NEW.type IN ({kinds})", [stage]))

    done = "DELETE FROM stats_engage WHERE rowid = NEW.rowid"
    for kind, column in S.KIND_COLUMN.items():
        out.append(_trigger(f"stats_engage_{column}", f"AFTER INSERT ON stats_engage WHEN NEW.kind = '{kind}'",
                            [*S.bump({column: "1"}, "NEW.rule_id", "NEW.t"), done]))
    out.append(_trigger("stats_engage_purchase", "AFTER INSERT ON stats_engage WHEN NEW.kind = 'purchase'",
                        [*S.bump({"purchases": "1", "revenue": "coalesce(NEW.amount, 0)"}, "NEW.rule_id", "NEW.t"),
                         done]))
    for kind, column in (("email_opened", "opened"), ("email_clicked", "clicked")):
        out.append(_trigger(f"stats_engage_{column}", f"AFTER INSERT ON stats_engage WHEN NEW.kind = '{kind}'",
                            [*S.bump({column: "1"}, "NEW.rule_id", "NEW.t"), *_unique(column), done]))
    return out


def _unique(column: str) -> list[str]:
    """Count a message once, at its first reaction, even if an earlier one arrives later."""
    key = S.message_key("NEW.msg", "NEW.rule_id", "NEW.contact_id", "NEW.event_id")
    mine = f"f.kind = NEW.kind AND f.msg = {key}"
    unique = f"{column}_unique"
    move_out = S.bump({unique: "1"}, "f.rule_id", "f.first_at", f"{mine} AND f.first_at > NEW.t", sign=-1,
                      source="FROM stats_first f")
    add = S.bump({unique: "1"}, "NEW.rule_id", "NEW.t",
                 f"NOT EXISTS (SELECT 1 FROM stats_first f WHERE {mine} AND f.first_at <= NEW.t)")
    record = (f"INSERT INTO stats_first(kind, msg, rule_id, first_at) VALUES (NEW.kind, {key}, NEW.rule_id, NEW.t) "
              "ON CONFLICT DO UPDATE SET first_at = excluded.first_at, rule_id = excluded.rule_id "
              "WHERE excluded.first_at < stats_first.first_at")
    return [*move_out, *add, record]


def apply(conn: sqlite3.Connection) -> None:
    for statement in [*tables(), *triggers()]:
        conn.execute(statement)
    from desktop.stats.counters import rebuild_counters

    rebuild_counters(conn)  # a workspace with history gets its counters now
