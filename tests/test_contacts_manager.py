from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.errors import InputError


def _changes(ws):
    return ws.db.execute(
        "SELECT ref, payload FROM events WHERE type = 'field_changed' ORDER BY id").fetchall()


def test_create_records_registration(workspace, now) -> None:
    cid = workspace.contacts.create({"email": "anna@example.it", "first_name": "Anna"}, now)
    kinds = workspace.db.execute("SELECT type FROM events WHERE contact_id = ?", [cid]).fetchall()
    assert kinds == [("registered",)]


def test_each_changed_field_records_old_and_new(workspace, now) -> None:
    cid = workspace.contacts.create({"email": "anna@example.it", "first_name": "Anna"}, now)
    later = now + timedelta(hours=1)
    changed = workspace.contacts.update(cid, {"first_name": "Annalisa", "last_name": "Rossi", "email": "anna@example.it"}, later)
    assert changed == {"first_name": ("Anna", "Annalisa"), "last_name": (None, "Rossi")}
    rows = _changes(workspace)
    assert [r[0] for r in rows] == ["first_name", "last_name"]
    assert '"old": "Anna"' in rows[0][1] and '"new": "Annalisa"' in rows[0][1]
    assert workspace.contacts.get(cid)["updated_at"] == "2026-03-02 10:30:00"


def test_unchanged_update_writes_nothing(workspace, now) -> None:
    cid = workspace.contacts.create({"email": "anna@example.it", "first_name": "Anna"}, now)
    assert workspace.contacts.update(cid, {"first_name": "Anna"}, now + timedelta(days=1)) == {}
    assert _changes(workspace) == []
    assert workspace.contacts.get(cid)["updated_at"] == "2026-03-02 09:30:00"


def test_custom_fields_are_typed_columns(workspace, now) -> None:
    for i in range(45):
        workspace.fields.add_custom(f"extra_{i}", ("text", "number", "date", "datetime", "boolean")[i % 5], now)
    assert len(workspace.fields.custom()) == 45
    cid = workspace.contacts.create({"email": "a@example.it", "extra_1": 12.5}, now)
    assert workspace.contacts.get(cid)["extra_1"] == 12.5
    with pytest.raises(InputError, match="already exists with type number"):
        workspace.fields.add_custom("extra_1", "text", now)
    with pytest.raises(InputError, match="must start with a letter"):
        workspace.fields.add_custom("1; DROP TABLE contacts", "text", now)


def test_contact_needs_an_address(workspace, now) -> None:
    with pytest.raises(InputError, match="e-mail address or a mobile number"):
        workspace.contacts.create({"first_name": "Nobody"}, now)


def test_groups_membership_keeps_first_join_time(workspace, now) -> None:
    cid = workspace.contacts.create({"email": "a@example.it"}, now)
    gid = workspace.groups.create("Clienti", now)
    workspace.groups.add(gid, [cid], now)
    workspace.groups.add(gid, [cid], now + timedelta(days=3))
    assert workspace.db.execute("SELECT joined_at FROM memberships").fetchall() == [("2026-03-02 09:30:00",)]
    with pytest.raises(InputError, match="already exists"):
        workspace.groups.create("clienti", now)
