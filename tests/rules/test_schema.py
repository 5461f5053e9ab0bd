"""The published JSON Schema agrees with what Postino exports and refuses what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from desktop.demo_rules import RULES, add_demo_rules
from desktop.resources_path import resource
from tests.rules.handbuilt import NOW

SCHEMA = json.loads(resource("schemas", "rules.schema.json").read_text())


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


def test_demo_command_adds_the_seed_examples_as_rules(tmp_path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    folder = tmp_path / "demo"
    result = subprocess.run([sys.executable, "main.py", "--data-dir", str(folder), "demo", "--contacts", "60"],
                            cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    from desktop.workspace import Workspace

    with Workspace.open(folder) as ws:
        names = {r.name for r in ws.rules.all()}
        assert names == {spec["name"] for spec in RULES}
        behaviours = json.dumps([r.conditions for r in ws.rules.all()])
        for wanted in ("not_opened", "registered_ago", "anniversary_today", "cart_abandoned", "clicked", "rss_new_item"):
            assert wanted in behaviours
        # Only the group-only rule starts enabled: set up, simulate, then enable.
        assert {r.name for r in ws.rules.all() if r.enabled} == {"Clic recenti"}
