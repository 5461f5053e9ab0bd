"""The published JSON Schema agrees with what Postino exports and refuses what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from desktop.demo_rules import RULES, add_demo_rules
from tests.rules.handbuilt import NOW

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "resources/schemas/rules.schema.json").read_text())


def test_schema_is_valid_and_accepts_every_export(workspace) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for name in ("Clienti", "Newsletter", "VIP", "Recent clickers", "Da riattivare"):
        workspace.groups.ensure(name, NOW)
    add_demo_rules(workspace, NOW)
    exported = workspace.rules.export()
    assert len(exported["rules"]) == len(RULES)
    jsonschema.validate(exported, SCHEMA)


@pytest.mark.parametrize("broken", [
    {"format": "postino.rules", "version": 1, "rules": [{"name": "x"}]},
    {"format": "postino.rules", "version": 1, "rules": [{"name": "x", "action": {"type": "fly"}}]},
    {"format": "postino.rules", "version": 1,
     "rules": [{"name": "x", "action": {"type": "send_email", "template": "t"}, "conditions": {"all": [{"nope": 1}]}}]},
    {"format": "postino.rules", "version": 2, "rules": []},
])
def test_schema_refuses_structural_errors(broken) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)
