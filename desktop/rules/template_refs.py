"""Where rules name a template (their action's ``template``), so renaming a template carries
its rules along, and a template that rules send cannot change channel under them.

A rule names its template by name; renaming "Benvenuto" to "Benvenuto 2026" without
rewriting the rule left it failing at every send with "template missing".
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from desktop.timeutil import to_db


def rules_sending(db: Any, template: str) -> list[str]:
    """The rules whose action sends ``template``, by name."""
    wanted = template.strip().casefold()
    found = []
    for name, definition in db.execute("SELECT name, definition FROM rules"):
        action = json.loads(definition).get("action") or {}
        if isinstance(action.get("template"), str) and action["template"].strip().casefold() == wanted:
            found.append(name)
    return sorted(found, key=str.casefold)


def rename_template_in_rules(db: Any, old: str, new: str, now: datetime) -> int:
    folded = old.strip().casefold()
    changed = 0
    for rule_id, definition in db.execute("SELECT id, definition FROM rules").fetchall():
        data = json.loads(definition)
        action = data.get("action") or {}
        if isinstance(action.get("template"), str) and action["template"].strip().casefold() == folded:
            data["action"] = {**action, "template": new}
            db.execute("UPDATE rules SET definition = ?, updated_at = ? WHERE id = ?",
                       [json.dumps(data, ensure_ascii=False), to_db(now), rule_id])
            changed += 1
    return changed
