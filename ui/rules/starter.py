"""A recipe's starting template, created together with the rule that uses it.

The template is written only when the rule is saved (a wizard left with Cancel leaves no
template behind), in the same transaction as the rule: both are there, or neither. Runs on
the op worker like ``ui.rules.queries``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.templates import Templates
from ui.ops import OpContext


def starter_needed(starter: dict[str, str] | None, data: dict[str, Any],
                   templates: list[tuple[str, str]]) -> dict[str, str] | None:
    """The starter, if the rule still uses it and the workspace has no template of that name."""
    if starter is None or (data.get("action") or {}).get("template", "").casefold() != starter["name"].casefold():
        return None
    if any(name.casefold() == starter["name"].casefold() for name, _channel in templates):
        return None
    return starter


def pending(starter: dict[str, str] | None) -> dict[str, str] | None:
    """What validation must take as an existing template (name -> channel)."""
    return {starter["name"]: starter["channel"]} if starter else None


def save_with_starter(c: OpContext, data: dict[str, Any], rule_id: int | None, now: datetime,
                      starter: dict[str, str] | None) -> int:
    ws = c.ws
    with ws.transaction():
        templates = Templates(ws.db)
        if starter is not None and templates.get(starter["name"]) is None:
            templates.create(starter["name"], starter["channel"], subject=starter["subject"],
                             html=starter["html"], text=starter["text"], now=now)
        rule = ws.rules.save(data, now, rule_id)
    assert rule.id is not None
    return rule.id
