"""Where rules name a group, so renaming a group carries its rules along and deleting one
that rules still use is refused.

Rules name groups by name (that is what the JSON file and the wizard show), in five places:
group conditions at any depth, the action (``group``, or ``from`` / ``to`` of a move), the
audience's ``include`` / ``exclude`` and ``after_send``'s ``add_to`` / ``remove_from``.
Renaming "VIP" to "Clienti VIP" without rewriting them left every such rule failing at its
next check, silently for a shop owner who only renamed a group.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Callable

from desktop.timeutil import to_db

_ACTION_KEYS = ("group", "from", "to")
_LISTS = (("audience", "include"), ("audience", "exclude"), ("after_send", "add_to"), ("after_send", "remove_from"))


def _conditions(node: Any, swap: Callable[[str], str]) -> Any:
    if isinstance(node, dict):
        out = {k: _conditions(v, swap) for k, v in node.items()}
        if isinstance(out.get("group"), str) and "behaviour" not in out and "field" not in out:
            out["group"] = swap(out["group"])
        return out
    if isinstance(node, list):
        return [_conditions(v, swap) for v in node]
    return node


def map_groups(definition: dict[str, Any], swap: Callable[[str], str]) -> dict[str, Any]:
    """The definition with every group name passed through ``swap``."""
    out = dict(definition)
    if "conditions" in out:
        out["conditions"] = _conditions(out["conditions"], swap)
    action = dict(out.get("action") or {})
    if action.get("type") in ("add_to_group", "move_to_group", "remove_from_group"):
        for key in _ACTION_KEYS:
            if isinstance(action.get(key), str):
                action[key] = swap(action[key])
        out["action"] = action
    for part, key in _LISTS:
        section = out.get(part)
        if isinstance(section, dict) and isinstance(section.get(key), list):
            out[part] = {**section, key: [swap(n) if isinstance(n, str) else n for n in section[key]]}
    return out


def groups_named(definition: dict[str, Any]) -> set[str]:
    """Every group a rule names, case-folded (names are unique case-blind)."""
    seen: set[str] = set()

    def note(name: str) -> str:
        seen.add(name.casefold())
        return name

    map_groups(definition, note)
    return seen


def rules_using(db: Any, name: str) -> list[str]:
    wanted = name.strip().casefold()
    return sorted((rule_name for rule_name, definition in db.execute("SELECT name, definition FROM rules")
                   if wanted in groups_named(json.loads(definition))), key=str.casefold)


def rename_in_rules(db: Any, old: str, new: str, now: datetime) -> int:
    """Rewrite every rule naming ``old`` to name ``new``; returns how many changed."""
    folded = old.strip().casefold()

    def swap(name: str) -> str:
        return new if name.strip().casefold() == folded else name

    changed = 0
    for rule_id, definition in db.execute("SELECT id, definition FROM rules").fetchall():
        data = json.loads(definition)
        updated = map_groups(data, swap)
        if updated != data:
            db.execute("UPDATE rules SET definition = ?, updated_at = ? WHERE id = ?",
                       [json.dumps(updated, ensure_ascii=False), to_db(now), rule_id])
            changed += 1
    return changed
