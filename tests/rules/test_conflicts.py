from __future__ import annotations

from desktop.rules.conflicts import find_conflicts
from tests.rules.handbuilt import NOW, build, rule_data

EMAIL = {"type": "send_email", "template": "Hello"}
CART = {"all": [{"behaviour": "cart_abandoned", "amount": 3, "unit": "hours"}]}


def _save(ws, name, conditions=CART, action=EMAIL, enabled=True, **extra):
    extra.setdefault("resend", {"policy": "per_occurrence"} if "cart_abandoned" in str(conditions) else None)
    return ws.rules.save(rule_data(conditions, action, name=name, enabled=enabled, **extra), NOW)


def test_same_start_with_overlapping_audiences_warns(workspace) -> None:
    build(workspace)
    _save(workspace, "A", audience={"include": ["Clienti"]})
    _save(workspace, "B")
    conflicts = find_conflicts(workspace.db, workspace.rules.all())
    assert [(c.kind, c.rules) for c in conflicts] == [("same_start", ("A", "B"))]
    assert "2 contact(s) are in both audiences" in conflicts[0].message


def test_disjoint_audiences_or_disabled_rules_do_not_warn(workspace) -> None:
    build(workspace)
    _save(workspace, "A", audience={"include": ["Clienti"]})
    _save(workspace, "B", audience={"include": ["VIP"]})
    _save(workspace, "C", enabled=False)
    assert find_conflicts(workspace.db, workspace.rules.all()) == []


def test_different_start_conditions_do_not_warn(workspace) -> None:
    build(workspace)
    _save(workspace, "A")
    _save(workspace, "B", conditions={"all": [{"behaviour": "cart_abandoned", "amount": 24, "unit": "hours"}]})
    assert find_conflicts(workspace.db, workspace.rules.all()) == []


def test_group_moves_that_loop_are_reported(workspace) -> None:
    build(workspace)
    workspace.groups.create("Inattivi", NOW)
    clicked = {"all": [{"behaviour": "clicked", "days": 7}]}
    quiet = {"all": [{"behaviour": "no_activity", "days": 90}]}
    _save(workspace, "wake", clicked, {"type": "move_to_group", "from": "Inattivi", "to": "Clienti"})
    _save(workspace, "sleep", quiet, {"type": "move_to_group", "from": "Clienti", "to": "Inattivi"})
    conflicts = find_conflicts(workspace.db, workspace.rules.all())
    assert [c.kind for c in conflicts] == ["group_loop"]
    assert set(conflicts[0].rules) == {"wake", "sleep"}
    # A three-step loop through an e-mail's after-send group change.
    workspace.groups.create("Nuovi", NOW)
    _save(workspace, "welcome", clicked, EMAIL, audience={"include": ["Nuovi"]},
          after_send={"add_to": ["Recent clickers"]})
    _save(workspace, "back", quiet, {"type": "move_to_group", "from": "Recent clickers", "to": "Nuovi"})
    loops = [c for c in find_conflicts(workspace.db, workspace.rules.all()) if c.kind == "group_loop"]
    assert len(loops) == 2


def test_candidate_rule_is_checked_against_the_others(workspace) -> None:
    build(workspace)
    _save(workspace, "A")
    candidate = workspace.rules.validate(rule_data(CART, EMAIL, name="New", resend={"policy": "per_occurrence"}))
    conflicts = find_conflicts(workspace.db, workspace.rules.all(), candidate)
    assert [c.rules for c in conflicts] == [("A", "New")]
