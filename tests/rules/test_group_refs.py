"""Renaming a group carries the rules that name it; deleting one that rules use is refused.

Found from the Groups page: renaming "VIP" to "Clienti VIP" left a rule with a "member of
VIP" condition failing at every check (KeyError 'vip'), with nothing said to the user."""

from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.messages import text
from desktop.rules.engine import check_rule
from desktop.rules.group_refs import groups_named, rules_using
from desktop.schedule import BusinessDefaults
from desktop.templates import Templates


def _rules(ws, now) -> None:
    Templates(ws.db).create("T", "email", subject="s", html="<p>x</p>", now=now)
    for name in ("VIP", "Newsletter", "Ex clienti"):
        ws.groups.create(name, now)
    ws.rules.save({"name": "Promo VIP", "action": {"type": "send_email", "template": "T"},
                   "conditions": {"any": [{"all": [{"group": "vip", "op": "in"}]},
                                          {"field": "first_name", "op": "not_empty"}]},
                   "audience": {"include": ["VIP"], "exclude": ["Ex clienti"]},
                   "after_send": {"add_to": ["Newsletter"], "remove_from": ["VIP"]},
                   "resend": {"policy": "once"}}, now)
    ws.rules.save({"name": "Sposta", "action": {"type": "move_to_group", "from": "VIP", "to": "Newsletter"},
                   "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    ws.rules.save({"name": "Altro", "action": {"type": "send_email", "template": "T"},
                   "conditions": {"all": [{"group": "Newsletter", "op": "in"}]}, "resend": {"policy": "once"}}, now)


def test_renaming_a_group_renames_it_in_every_rule_that_names_it(workspace, now) -> None:
    _rules(workspace, now)
    vip = workspace.groups.find("VIP")
    contact = workspace.contacts.create({"email": "a@example.it", "first_name": "A", "email_status": "subscribed"},
                                        now)
    workspace.groups.add(vip, [contact], now)
    workspace.groups.rename(vip, "Clienti VIP", now)
    promo = workspace.rules.find("Promo VIP").to_dict()
    assert promo["conditions"]["any"][0] == {"all": [{"group": "Clienti VIP", "op": "in"}]}
    assert promo["audience"] == {"include": ["Clienti VIP"], "exclude": ["Ex clienti"]}
    assert promo["after_send"] == {"add_to": ["Newsletter"], "remove_from": ["Clienti VIP"]}
    move = workspace.rules.find("Sposta").to_dict()["action"]
    assert (move["from"], move["to"]) == ("Clienti VIP", "Newsletter")
    assert workspace.rules.find("Altro").to_dict()["conditions"] == {"all": [{"group": "Newsletter", "op": "in"}]}
    for name in ("Promo VIP", "Sposta"):  # both still check, and find the member
        rule = workspace.rules.find(name)
        assert check_rule(workspace, rule, rule.id, now, business=BusinessDefaults()).matched == 1
    assert rules_using(workspace.db, "vip") == []
    assert rules_using(workspace.db, "clienti vip") == ["Promo VIP", "Sposta"]


def test_a_failed_rename_changes_nothing(workspace, now) -> None:
    _rules(workspace, now)
    with pytest.raises(InputError) as raised:
        workspace.groups.rename(workspace.groups.find("VIP"), "newsletter", now)
    assert raised.value.msg.code == "group.name_taken"
    with pytest.raises(InputError):
        workspace.groups.rename(workspace.groups.find("VIP"), "   ", now)
    assert workspace.groups.find("VIP") is not None
    assert "vip" in groups_named(workspace.rules.find("Promo VIP").to_dict())


def test_deleting_a_group_rules_use_is_refused_naming_them(workspace, now) -> None:
    _rules(workspace, now)
    with pytest.raises(InputError) as raised:
        workspace.groups.delete(workspace.groups.find("Newsletter"))
    assert raised.value.msg.code == "group.in_use"
    assert text(raised.value.msg, "it") == ("il gruppo 'Newsletter' è usato dalle regole Altro, Promo VIP, Sposta: "
                                            "cambia prima quelle regole")
    assert workspace.groups.find("Newsletter") is not None
    free = workspace.groups.create("Libero", now)
    workspace.groups.delete(free)
    assert workspace.groups.find("Libero") is None


def test_a_rule_naming_a_group_that_is_gone_fails_its_check_in_words(workspace, now) -> None:
    """Deleted behind the app's back (another tool, an old copy of the file): the rule's check
    error names the group in the user's language instead of ``KeyError: 'vip'``."""
    from desktop.delivery.recording import RecordingChannel
    from tests.helpers.engine import tick_for

    _rules(workspace, now)
    workspace.db.execute("DELETE FROM groups WHERE name = 'VIP'")
    tick = tick_for(workspace, now, {"email": RecordingChannel("email")})
    why = tick.check(workspace.rules.find("Promo VIP"), now)
    assert text(why, "it") == "controllo non riuscito: gruppo sconosciuto 'vip'"
    stored = workspace.db.execute("SELECT error FROM rule_checks ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert text(stored, "en") == "the check failed: unknown group 'vip'"
