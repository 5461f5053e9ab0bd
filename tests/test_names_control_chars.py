"""Names with line breaks or control characters are refused: a rule named "Bad\\nName\\x00"
imported with exit 0 and broke `rules list`; templates and groups took them too."""

from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.templates import Templates

BAD = ("Bad\nName", "Nul\x00", "Tab\there", "Line\u2028sep")


@pytest.mark.parametrize("name", BAD)
def test_rules_templates_and_groups_refuse_control_characters(workspace, now, name) -> None:
    templates = Templates(workspace.db)
    templates.create("T", "email", subject="s", html="<p>x</p>", now=now)
    with pytest.raises(InputError) as raised:
        workspace.rules.save({"name": name, "action": {"type": "send_email", "template": "T"},
                              "conditions": {"all": []}, "resend": {"policy": "once"}}, now)
    assert raised.value.msg.code == "name.control_chars" and raised.value.where.endswith(".name")
    with pytest.raises(InputError) as raised:
        templates.create(name, "email", subject="s", html="<p>x</p>", now=now)
    assert raised.value.msg.code == "name.control_chars"
    with pytest.raises(InputError):
        workspace.groups.create(name, now)
    group = workspace.groups.create("Fine", now)
    with pytest.raises(InputError):
        workspace.groups.rename(group, name, now)
    assert [r.name for r in workspace.rules.all()] == [] and workspace.groups.name_of(group) == "Fine"
