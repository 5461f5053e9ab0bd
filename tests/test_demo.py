"""The demo workspace: deterministic, realistic enough to exercise rules and fallbacks."""

from __future__ import annotations

from datetime import date, timedelta

import phonenumbers
import pytest

from desktop.demo import GROUPS, build_demo
from desktop.errors import InputError
from desktop.timeutil import from_db, valid_zone
from desktop.workspace import Workspace


def _dump(ws: Workspace) -> tuple:
    contacts = ws.db.execute("SELECT * FROM contacts ORDER BY id").fetchall()
    events = ws.db.execute("SELECT contact_id, type, occurred_at, ref, amount, payload FROM events ORDER BY id").fetchall()
    members = ws.db.execute("SELECT g.name, m.contact_id FROM memberships m JOIN groups g ON g.id = m.group_id "
                            "ORDER BY 1, 2").fetchall()
    return contacts, events, members


def test_same_seed_same_demo_other_seed_other_demo(tmp_path, now) -> None:
    dumps = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        with Workspace.open(tmp_path / name) as ws:
            build_demo(ws, now, contacts=150, seed=seed)
            dumps.append(_dump(ws))
    assert dumps[0] == dumps[1]
    assert dumps[0][0] != dumps[2][0]


def test_demo_content_is_realistic(workspace, now) -> None:
    summary = build_demo(workspace, now)
    assert len(summary.contact_ids) == workspace.contacts.count() == 300
    assert set(summary.groups) == set(GROUPS)
    contacts = [workspace.contacts.get(cid) for cid in summary.contact_ids]
    countries = {phonenumbers.region_code_for_number(phonenumbers.parse(c["phone"])) for c in contacts if c["phone"]}
    assert {"IT", "GB", "US", "DE", "FR"} <= countries
    italians = sum(1 for c in contacts if c["language"] == "it")
    assert italians > 120
    for c in contacts:
        assert c["email"] or c["phone"]
        if c["phone"]:
            assert phonenumbers.is_valid_number(phonenumbers.parse(c["phone"]))
        assert c["timezone"] is None or valid_zone(c["timezone"])
        assert now - timedelta(days=366) <= from_db(c["registered_at"]) <= now
    assert sum(1 for c in contacts if c["timezone"] is None) >= 10  # fallbacks get exercised
    assert workspace.contacts.get(summary.leap_day_birthday)["birthday"] == "1992-02-29"
    today = now.date()
    for cid in summary.birthdays_soon:
        born = date.fromisoformat(workspace.contacts.get(cid)["birthday"])
        assert 1 <= (born.replace(year=today.year) - today).days <= 7
    statuses = {c["email_status"] for c in contacts}
    assert {"subscribed", "unsubscribed", "bounced"} <= statuses
    assert workspace.groups.members(summary.groups["Hanno cliccato"]) == []
    for name in ("Clienti", "Newsletter", "VIP", "Da riattivare"):
        assert workspace.groups.members(summary.groups[name]), name
    for kind in ("purchase", "cart_updated", "email_opened", "email_clicked", "unsubscribed"):
        count = workspace.db.execute("SELECT count(*) FROM events WHERE type = ?", [kind]).fetchone()[0]
        assert count == summary.events[kind] > 0, kind
    late = workspace.db.execute("SELECT count(*) FROM events WHERE occurred_at > ?",
                                [now.strftime("%Y-%m-%d %H:%M:%S")]).fetchone()[0]
    assert late == 0
    assert summary.abandoned_carts


def test_refuses_a_workspace_with_contacts_unless_forced(workspace, now) -> None:
    workspace.contacts.create({"email": "real@example.it"}, now)
    with pytest.raises(InputError, match="already has 1 contacts"):
        build_demo(workspace, now, contacts=20)
    assert workspace.contacts.count() == 1
    build_demo(workspace, now, contacts=20, force=True)
    assert workspace.contacts.count() == 21


def test_every_event_type_has_italian_words_for_the_summary() -> None:
    """`demo --language it` printed "email_machine_clicked 21": a type added without words."""
    from desktop.demo import event_kind
    from desktop.events import EVENT_TYPES

    assert [kind for kind in EVENT_TYPES if event_kind(kind, "it") == kind] == []
