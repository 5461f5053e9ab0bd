"""Version 2: templates, rules, the send ledger and the record of each rule check.

The ledger's UNIQUE (rule_id, contact_id, occurrence) is the "never twice" guarantee: a
second evaluation, or a second process racing the first, cannot plan the same send again.
"""

from __future__ import annotations

import sqlite3

from desktop.store.migrations import run_script

VERSION = 2

SCHEMA = """
CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    subject TEXT NOT NULL DEFAULT '',
    html TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE rules (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    enabled INTEGER NOT NULL DEFAULT 0,
    definition TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE ledger (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'group')),
    state TEXT NOT NULL CHECK (state IN (
        'planned', 'sending', 'sent', 'failed', 'deferred', 'skipped',
        'uncertain', 'dropped', 'applied')),
    matched_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    expires_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    sent_at TEXT,
    provider_id TEXT,
    reason TEXT,
    segments INTEGER,
    marketing INTEGER NOT NULL DEFAULT 1,
    payload TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL,
    UNIQUE (rule_id, contact_id, occurrence)
);
CREATE INDEX ledger_due ON ledger(state, due_at);
CREATE INDEX ledger_contact_channel ON ledger(contact_id, channel, matched_at);
CREATE INDEX ledger_rule_time ON ledger(rule_id, matched_at);
CREATE TABLE rule_checks (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    checked_at TEXT NOT NULL,
    window_start TEXT,
    matched INTEGER NOT NULL DEFAULT 0,
    planned INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE INDEX rule_checks_rule_time ON rule_checks(rule_id, checked_at)
"""


def apply(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
