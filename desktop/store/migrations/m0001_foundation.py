"""Version 1: contacts, custom fields, groups, membership, events, settings, workspace meta."""

from __future__ import annotations

import sqlite3

from desktop.store.migrations import run_script

VERSION = 1

SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE custom_fields (
    name TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'datetime', 'boolean')),
    column_name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    email TEXT,
    phone TEXT,
    first_name TEXT,
    last_name TEXT,
    language TEXT,
    timezone TEXT,
    birthday TEXT,
    registered_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    email_status TEXT NOT NULL DEFAULT 'subscribed'
        CHECK (email_status IN ('subscribed', 'pending', 'unsubscribed', 'bounced')),
    sms_status TEXT NOT NULL DEFAULT 'subscribed'
        CHECK (sms_status IN ('subscribed', 'pending', 'unsubscribed', 'bounced'))
);
CREATE UNIQUE INDEX contacts_email ON contacts(email) WHERE email IS NOT NULL;
CREATE INDEX contacts_phone ON contacts(phone) WHERE phone IS NOT NULL;
CREATE INDEX contacts_registered ON contacts(registered_at);
CREATE INDEX contacts_birthday_md ON contacts(substr(birthday, 6, 5)) WHERE birthday IS NOT NULL;
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE memberships (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (group_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX memberships_contact ON memberships(contact_id, group_id);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN (
        'registered', 'purchase', 'cart_updated', 'field_changed',
        'email_sent', 'email_opened', 'email_clicked', 'email_bounced',
        'sms_sent', 'sms_delivered', 'sms_failed',
        'unsubscribed', 'rss_item', 'custom')),
    occurred_at TEXT NOT NULL,
    ref TEXT,
    rule_id INTEGER,
    amount REAL,
    payload TEXT NOT NULL DEFAULT '{}',
    uid TEXT
);
CREATE INDEX events_contact_type_time ON events(contact_id, type, occurred_at);
CREATE INDEX events_type_time ON events(type, occurred_at);
CREATE UNIQUE INDEX events_uid ON events(uid) WHERE uid IS NOT NULL
"""


def apply(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
